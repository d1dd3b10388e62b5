"""Check the graph against the esgraf SHACL shapes (``ontology/shapes.ttl``) with pyshacl.

Shapes are checked against the union of the named graphs, because a fact and what it needs live in different
graphs: a sentence is in its article's graph while the article it belongs to is described in the metadata
graph, and a county's parent is in the TERYT graph. The ontology's subclass links are added to the data so
``sh:class`` sees that a county is a ``schema:Place`` without running a reasoner.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.term import Node

from graph.iri import MINT, Minter
from graph.ontology import ontology_graph, shapes_graph
from graph.store import Store
from graph.vocab import PREFIXES, RDF, SCHEMA, SH

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass
class Violation:
    """One result of validation: which node broke which constraint, and how."""

    focus: str
    path: str | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    value: str | None = None
    shape: str | None = None


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0  # size of the data checked, ontology included

    def by_focus(self, focus: str) -> list[Violation]:
        return [v for v in self.violations if v.focus == focus]


def _text(term: Node | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    return term.n3()  # literals keep their datatype or language: "12"^^xsd:date tells what was wrong


def _named(term: Node | None) -> str | None:
    """Named shapes only: a blank property shape's id means nothing to a reader."""
    return str(term) if isinstance(term, URIRef) else None


def _path_text(results: Graph, path: Node | None) -> str | None:
    if path is None:
        return None
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{inverse}"
    return str(path)


def validate_graph(data: Graph, mint: Minter = MINT) -> Report:
    """Validate an in-memory graph (it is extended with the ontology in place)."""
    for t in ontology_graph(mint):
        data.add(t)
    _, results, _ = shacl_validate(data, shacl_graph=shapes_graph(mint), inference="none", inplace=True,
                                   advanced=False, allow_warnings=True)
    violations = []
    # only the report's own results: those of nested shapes (sh:or, sh:node) hang below them as sh:detail
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for r in results.objects(report, SH.result):
            violations.append(_violation(results, r))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    conforms = not any(v.severity == "Violation" for v in violations)
    return Report(conforms=conforms, violations=violations, triples=len(data))


def _violation(results: Graph, r: Node) -> Violation:
    messages = sorted(str(m) for m in results.objects(r, SH.resultMessage))
    return Violation(
        focus=str(results.value(r, SH.focusNode)),
        path=_path_text(results, results.value(r, SH.resultPath)),
        message="; ".join(messages) or str(results.value(r, SH.sourceConstraintComponent)),
        severity=SEVERITIES.get(results.value(r, SH.resultSeverity), "Violation"),
        value=_text(results.value(r, SH.value)),
        shape=_named(results.value(r, SH.sourceShape)),
    )


def _union(store: Store, graphs: Iterable[str] | None = None) -> Graph:
    if graphs is None:
        return store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    values = " ".join(f"<{g}>" for g in graphs)
    return store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")


def validate(store: Store, mint: Minter = MINT, graphs: Iterable[str] | None = None) -> Report:
    """Validate the union of all named graphs of ``store``.

    ``graphs`` limits the check to some article graphs (for a large store, or one article just ingested): they
    are checked together with what they refer to, the descriptions of their articles in the metadata graph and
    the territories they name with their parents, so a check of one article does not read the whole register.
    """
    if graphs is None:
        return validate_graph(_union(store), mint)
    graphs = list(graphs)
    values = " ".join(f"<{g}>" for g in graphs)
    data = _union(store, graphs)
    data += store.construct(f"""CONSTRUCT {{ ?g ?gp ?a . ?a ?p ?o }} WHERE {{
        VALUES ?g {{ {values} }}
        GRAPH <{mint.meta_graph}> {{ ?g ?gp ?a . ?a ?p ?o }} }}""")
    data += store.construct(f"""CONSTRUCT {{ ?t ?p ?o }} WHERE {{
        {{ SELECT DISTINCT ?named WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?x ?q ?named }} FILTER(isIRI(?named)) }} }}
        GRAPH <{mint.teryt_graph}> {{ ?named <{SCHEMA.containedInPlace}>* ?t . ?t ?p ?o }} }}""")
    return validate_graph(data, mint)


def _short(iri: str | None) -> str:
    if iri is None:
        return "-"
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and prefix != "esgr":
            return f"{prefix}:{iri[len(ns):]}"
    return iri if iri.startswith(("^", '"')) else f"<{iri}>"


def format_report(report: Report) -> str:
    """A report for people: one line per result, the summary last."""
    lines = []
    for v in report.violations:
        value = f" (value {v.value})" if v.value is not None else ""
        lines.append(f"{v.severity}: {_short(v.focus)} {_short(v.path)}: {v.message}{value}")
    n = sum(v.severity == "Violation" for v in report.violations)
    state = "conforms" if report.conforms else "does not conform"
    lines.append(f"{state}: {report.triples} triples checked, {n} violations, "
                 f"{len(report.violations) - n} warnings or notes")
    return "\n".join(lines)
