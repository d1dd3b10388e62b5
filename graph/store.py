"""Where the graph lives: one interface, two backends.

``OxigraphStore`` keeps the dataset embedded on disk (or in memory) with pyoxigraph; ``SparqlStore``
(in ``graph.remote``) speaks SPARQL 1.1 Query, Update and the Graph Store Protocol to any server. Callers
use only the methods of :class:`Store`; terms come back as rdflib terms so the rest of ``graph/`` and
``webapp/`` never see which backend answered.

The default graph of every query is the merge of all named graphs: each article is a named graph, and a
researcher asking for "all agreements" wants them from every article. esgraf keeps that merge as the store's
real default graph, written in the same transaction as the named graphs, so a fact stated by forty articles is
one triple there: joins over the default graph do not multiply by the number of articles repeating a fact, as
they do over a computed union (a bag of every graph's copy). A store that presents the union itself (a server
configured so) sets :attr:`Store.merged_default` to False and esgraf then writes named graphs only.
"""
from __future__ import annotations

import functools
import io
import itertools
import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.sparql_text import data_operations

log = logging.getLogger(__name__)

Triple = tuple[Node, Node, Node]

#: RDF dump formats by short name: (pyoxigraph format, media type, file suffix)
RDF_FORMATS: dict[str, tuple[ox.RdfFormat, str, str]] = {
    "trig": (ox.RdfFormat.TRIG, "application/trig", "trig"),
    "nq": (ox.RdfFormat.N_QUADS, "application/n-quads", "nq"),
    "ttl": (ox.RdfFormat.TURTLE, "text/turtle", "ttl"),
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples", "nt"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json", "jsonld"),
    "xml": (ox.RdfFormat.RDF_XML, "application/rdf+xml", "rdf"),
}
QUAD_FORMATS = {"trig", "nq", "jsonld"}


class StoreError(Exception):
    """A store could not do what was asked; the message is meant for the user."""


class QuerySyntaxError(StoreError):
    """The SPARQL text does not parse; the message is the parser's."""


class DefaultGraphWrite(StoreError):
    """An update would write the merged default graph directly, which esgraf keeps itself."""


#: SPARQL Update that makes the default graph the merge of the named graphs: it drops what no named graph
#: states and copies in what is missing. It scans the whole store, so writes keep the merge as they go
#: (:meth:`Store.replace_graphs`) and this runs only after writes esgraf did not make itself.
def copy_to_default(graph: str | None = None) -> str:
    """SPARQL Update copying one named graph (None: all of them) into the merged default graph.

    It does not test what the default graph holds already: on a store with many deletions that test slows
    down sharply."""
    source = f"<{graph}>" if graph else "?g"
    return f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {source} {{ ?s ?p ?o }} }}"


REMERGE = ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;\n"
           + copy_to_default())


def unmerge_triples(rows: Iterable[tuple[str, str, str]]) -> str:
    """SPARQL Update removing from the merged default graph these triples (terms in N-Triples syntax) where no
    named graph states them any more: run it after they left their graphs."""
    values = " ".join(f"({s} {p} {o})" for s, p, o in rows)
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {values} }} "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} }} }}")


def unmerge(graph: str, pattern: str) -> str:
    """SPARQL Update removing from the merged default graph the triples of ``graph`` matching ``pattern`` that
    no other named graph states: run it before those triples leave ``graph``."""
    return (f"DELETE {{ {pattern} }} WHERE {{ GRAPH <{graph}> {{ {pattern} }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ {pattern} }} FILTER(?other != <{graph}>) }} }}")


def _merged_data_update(text: str, base_iri: str | None = None) -> str | None:
    """An update of only INSERT DATA and DELETE DATA, rewritten to keep the merged default graph (None for any
    other update, or data TriG does not read the way SPARQL would; "" when there is no data at all)."""
    ops = data_operations(text)
    if ops is None:
        return None
    parts = []
    for kind, declarations, block in ops:
        quads = None
        for end in ("", " ."):  # SPARQL lets the last triple of a block go without its dot, TriG does not
            try:
                quads = list(ox.parse(declarations + block + end, format=ox.RdfFormat.TRIG, base_iri=base_iri))
                break
            except (SyntaxError, ValueError):
                continue
        if quads is None:
            return None
        if any(isinstance(q.graph_name, ox.BlankNode) for q in quads):
            return None
        if any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads):
            raise DefaultGraphWrite("the default graph is the merge of the named graphs and esgraf keeps it: "
                                    "put the data in a named graph, GRAPH <…> { … }")
        if not quads:
            continue
        by_graph: dict[str, list[str]] = {}
        for q in quads:
            by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
        blocks = "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
        if kind == "INSERT":  # the copy sits in the same operation, so a blank node label is the same node
            copy = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
            parts.append(f"INSERT DATA {{\n{blocks}\n{copy}\n}}")
        else:
            parts.append(f"DELETE DATA {{\n{blocks}\n}}")
            parts.append(unmerge_triples((str(q.subject), str(q.predicate), str(q.object)) for q in quads))
    return " ;\n".join(parts)


def rdf_format(fmt: str) -> ox.RdfFormat:
    """The pyoxigraph format of a short name of :data:`RDF_FORMATS`; an unknown name is a user error."""
    try:
        return RDF_FORMATS[fmt][0]
    except KeyError:
        raise StoreError(f"unknown RDF format {fmt!r}; known: {', '.join(RDF_FORMATS)}") from None


def to_rdflib(term: object) -> Node | None:
    """A pyoxigraph term as the equivalent rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"unsupported term {term!r}")


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as the equivalent pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


@functools.lru_cache(maxsize=100_000)
def ntriples_term(term: Node) -> str:
    """A term in N-Triples syntax (also valid inside SPARQL INSERT DATA)."""
    return str(to_ox(term))


class Store(ABC):
    """The operations esgraf needs from a quad store."""

    #: a short name for messages and stats
    backend: str = "store"

    @abstractmethod
    def select(self, query: str) -> list[dict[str, Node]]:
        """Rows of a SELECT query; unbound variables are absent from the row."""

    @abstractmethod
    def ask(self, query: str) -> bool:
        """The answer to an ASK query."""

    @abstractmethod
    def construct(self, query: str) -> Graph:
        """The triples of a CONSTRUCT or DESCRIBE query."""

    @abstractmethod
    def update(self, update: str, base_iri: str | None = None) -> None:
        """Run a SPARQL Update as one transaction, relative IRIs resolved against ``base_iri``."""

    @abstractmethod
    def named_graphs(self) -> list[str]:
        """The IRIs of all named graphs."""

    @abstractmethod
    def count(self, graph: str | None = None) -> int:
        """Number of quads in the store, or triples in one named graph."""

    @abstractmethod
    def dump(self, out: BinaryIO, fmt: str = "trig", graph: str | None = None) -> None:
        """Write the whole dataset (or one graph) to ``out`` in a format of :data:`RDF_FORMATS`."""

    @abstractmethod
    def load_file(self, path: Path, fmt: str, graph: str | None = None) -> None:
        """Bulk-load an RDF file (quads keep their graphs; triples go to ``graph``)."""

    def close(self) -> None:
        """Release files and connections."""

    #: True when esgraf keeps the merge of the named graphs in the store's default graph; False when the store
    #: shows the union of its named graphs as the default graph by itself
    merged_default: bool = True

    def replace_graphs(self, graphs: dict[str, Iterable[Triple]],
                       remove: dict[str, Iterable[Triple]] | None = None,
                       forget: dict[str, Iterable[str]] | None = None,
                       add: dict[str, Iterable[Triple]] | None = None) -> None:
        """Replace each named graph in ``graphs`` with the given triples, all in one transaction.

        ``remove`` drops individual triples from graphs that are kept; ``forget`` drops everything said about
        the given subjects in a kept graph (an article's old description in the metadata graph); ``add``
        inserts triples into a kept graph (its new description). Either
        everything is applied or nothing is: readers never see half an article. The merged default graph
        follows in the same transaction: a triple leaves it when no named graph states it any more.
        """
        parts = []
        merged = self.merged_default
        for g, subjects in (forget or {}).items():
            for subject in subjects:
                if merged:
                    parts.append(unmerge(g, f"<{subject}> ?p ?o"))
                parts.append(f"DELETE WHERE {{ GRAPH <{g}> {{ <{subject}> ?p ?o }} }}")
        for g, triples in (remove or {}).items():
            rows = [(ntriples_term(s), ntriples_term(p), ntriples_term(o)) for s, p, o in triples]
            if rows:
                body = " ".join(f"{s} {p} {o} ." for s, p, o in rows)
                parts.append(f"DELETE DATA {{ GRAPH <{g}> {{ {body} }} }}")
                if merged:
                    parts.append(unmerge_triples(rows))
        for g in graphs:
            if merged:
                parts.append(unmerge(g, "?s ?p ?o"))
            parts.append(f"DROP SILENT GRAPH <{g}>")
        inserts = []
        for g, triples in list(graphs.items()) + list((add or {}).items()):
            body = "\n".join(f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} ." for s, p, o in triples)
            if body:
                inserts.append(f"GRAPH <{g}> {{\n{body}\n}}")
                if merged and g not in graphs:  # a few triples added to a big graph: copy them as text
                    inserts.append(body)
        if inserts:
            parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        if merged:  # a replaced graph is copied by the store itself rather than parsed twice
            parts += [copy_to_default(g) for g in graphs]
        if parts:
            try:  # one request, so one transaction on every backend
                self.update(" ;\n".join(parts))
            except QuerySyntaxError as exc:  # our own N-Triples: a bug, not a user error
                raise StoreError(f"internal update failed to parse: {exc}") from exc

    def user_update(self, text: str, base_iri: str | None = None) -> None:
        """Run a SPARQL Update written by a user (the web app's endpoint), keeping the merged default graph.

        An update made only of ``INSERT DATA`` and ``DELETE DATA`` on named graphs is rewritten from its parsed
        data so that the default graph follows triple by triple, in the same transaction. Any other update
        runs as written, followed in the same transaction by :data:`REMERGE`, which reads the whole store.
        Data for the default graph itself raises :class:`DefaultGraphWrite`. Relative IRIs resolve against
        ``base_iri``.
        """
        if not self.merged_default:
            self.update(text, base_iri)
            return
        rewritten = _merged_data_update(text, base_iri)
        if rewritten is None:
            body = text.rstrip()
            while body.endswith(";"):
                body = body[:-1].rstrip()
            self.update(f"{body}\n;\n{REMERGE}", base_iri)
        elif rewritten:
            self.update(rewritten)

    def graph(self, iri: str) -> Graph:
        """One named graph as an rdflib Graph."""
        return self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class OxigraphStore(Store):
    """The embedded store: pyoxigraph on disk under ``path``, or in memory when ``path`` is None."""

    backend = "oxigraph"

    def __init__(self, path: Path | str | None = None, read_only: bool = False):
        self.path = Path(path) if path else None
        self.read_only = read_only
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        except (RuntimeError, ValueError) as exc:
            # a store stopped while it was being created lacks parts that only a read-write opening adds
            hint = "; `esgraf load` opens it for writing, which completes it" if read_only else ""
            raise StoreError(f"the store at {self.path} is incomplete or damaged ({exc}){hint}") from exc
        if not read_only and self._default_is_empty() and next(self._ox.named_graphs(), None) is not None:
            # a store written before esgraf kept the merged default graph: build it once
            log.info("building the merged default graph of %s", self.path)
            self._rebuild_default()

    def _default_is_empty(self) -> bool:
        return next(self._ox.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None

    def _rebuild_default(self) -> None:
        """The default graph as the merge of the named graphs, written with the bulk loader (not atomic: for
        a store being set up, not one being read)."""
        self._ox.clear_graph(ox.DefaultGraph())
        self._ox.bulk_extend(ox.Quad(q.subject, q.predicate, q.object)
                             for q in self._ox.quads_for_pattern(None, None, None, None)
                             if not isinstance(q.graph_name, ox.DefaultGraph))
        self._ox.optimize()

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for the SPARQL endpoint's own result serialisation."""
        return self._ox

    def _query(self, query: str, **kw: object) -> object:
        try:
            return self._ox.query(query, **kw)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(str(exc)) from exc

    def select(self, query: str) -> list[dict[str, Node]]:
        res = self._query(query)
        if not isinstance(res, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        names = list(enumerate(v.value for v in res.variables))
        rows = []
        seen: dict[object, Node] = {}  # answers repeat terms (a county, a sector): convert each once
        for sol in res:
            row = {}
            for i, name in names:
                val = sol[i]
                if val is not None:
                    term = seen.get(val)
                    if term is None:
                        term = seen[val] = to_rdflib(val)
                    row[name] = term
            rows.append(row)
        return rows

    def ask(self, query: str) -> bool:
        res = self._query(query)
        if not isinstance(res, ox.QueryBoolean):
            raise StoreError("not an ASK query")
        return bool(res)

    def construct(self, query: str) -> Graph:
        res = self._query(query)
        if not isinstance(res, ox.QueryTriples):
            raise StoreError("not a CONSTRUCT or DESCRIBE query")
        g = Graph()
        for t in res:
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return g

    def update(self, update: str, base_iri: str | None = None) -> None:
        try:
            self._ox.update(update, base_iri=base_iri)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: CREATE GRAPH of a graph that exists
            raise StoreError(str(exc)) from exc

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def count(self, graph: str | None = None) -> int:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph is not None else "GRAPH ?g { ?s ?p ?o }"
        q = f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"
        return int(next(iter(self._ox.query(q)))["n"].value)

    def dump(self, out: BinaryIO, fmt: str = "trig", graph: str | None = None) -> None:
        oxfmt = rdf_format(fmt)
        if graph is not None:
            self._ox.dump(out, oxfmt, from_graph=ox.NamedNode(graph))
        elif fmt in QUAD_FORMATS:
            # the named graphs only: the default graph is their merge, which a reader of the dump can rebuild
            ox.serialize(itertools.chain.from_iterable(
                self._ox.quads_for_pattern(None, None, None, g) for g in self._ox.named_graphs()), out, oxfmt)
        else:
            # triple formats get the merge of all graphs, as the default graph of queries holds it
            self._ox.dump(out, oxfmt, from_graph=ox.DefaultGraph())

    def load_file(self, path: Path, fmt: str, graph: str | None = None) -> None:
        oxfmt = rdf_format(fmt)
        into = ox.NamedNode(graph) if graph and fmt not in QUAD_FORMATS else None

        def quads() -> Iterator[ox.Quad]:
            # one pass: each quad into its graph and its triple into the merged default graph
            for q in ox.parse(path=str(path), format=oxfmt):
                if into is not None:
                    yield ox.Quad(q.subject, q.predicate, q.object, into)
                elif not isinstance(q.graph_name, ox.DefaultGraph):
                    yield q
                yield ox.Quad(q.subject, q.predicate, q.object)

        try:
            self._ox.bulk_extend(quads())
            # the bulk loader writes new files side by side; merging them makes every later lookup cheaper
            # (a million quads: 3 s here, and the example queries then run about 40% faster)
            self._ox.optimize()
        except (SyntaxError, ValueError, OSError) as exc:  # OSError: a missing or unreadable file
            raise StoreError(f"{path}: {exc}") from exc

    def close(self) -> None:
        """Flush and let go of the folder (its lock goes with the last reference); closing twice is harmless."""
        store = self.__dict__.pop("_ox", None)
        if store is None or self.read_only or self.path is None:
            return
        try:
            store.flush()
        except OSError:
            pass


def dump_bytes(store: Store, fmt: str = "trig", graph: str | None = None) -> bytes:
    """A whole dump in memory: for tests and small graphs only; the web app streams."""
    buf = io.BytesIO()
    store.dump(buf, fmt, graph)
    return buf.getvalue()
