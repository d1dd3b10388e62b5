"""Run a SPARQL query and write its answer in a standard result format, cutting it at a row limit.

Both store backends end up here: the embedded store hands over pyoxigraph results, any other store hands
over rdflib rows or graphs. Rows (at most the row limit of them) are encoded as SPARQL JSON, read back by
pyoxigraph and written by its own result serialisers (JSON, XML, CSV, TSV); graphs are written by pyoxigraph's
RDF serialisers. So every backend answers in byte-for-byte the same formats, and a cut answer is still a valid
document.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from graph.sparql_text import first_keyword
from graph.store import QuerySyntaxError, Store, StoreError, to_ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: rdflib's SPARQL parser (pyparsing, with a shared packrat cache) is not safe to run in two threads at once
_PARSE_LOCK = threading.Lock()
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

#: result formats of SELECT and ASK: name -> (media type, pyoxigraph format)
RESULT_FORMATS: dict[str, tuple[str, ox.QueryResultsFormat]] = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
}

#: formats of CONSTRUCT and DESCRIBE answers: name -> (media type, pyoxigraph format)
GRAPH_FORMATS: dict[str, tuple[str, ox.RdfFormat]] = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "trig": ("application/trig", ox.RdfFormat.TRIG),
    "nquads": ("application/n-quads", ox.RdfFormat.N_QUADS),
}


class NotAcceptable(StoreError):
    """The client accepts no format this kind of answer can be written in."""

    def __init__(self, kind: str):
        self.kind = kind
        names = ", ".join(m for m, _ in (RESULT_FORMATS if kind != "graph" else GRAPH_FORMATS).values())
        super().__init__(f"a {kind} answer can be given as {names}")


@dataclass
class Answer:
    """A serialised query answer."""

    body: bytes
    media_type: str
    kind: str  # select | ask | graph
    count: int = 0  # rows or triples written
    truncated: bool = False


def term_json(term: object) -> dict:
    """A pyoxigraph term in the SPARQL 1.1 JSON results encoding."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise TypeError(f"unsupported term {term!r}")


def encode_solutions(variables: list[str], rows: Iterable[dict[str, object]], fmt: str) -> bytes:
    """SELECT rows (variable -> pyoxigraph term) in a result format of :data:`RESULT_FORMATS`."""
    doc = {"head": {"vars": variables},
           "results": {"bindings": [{k: term_json(v) for k, v in row.items()} for row in rows]}}
    return _reformat(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(), fmt)


def encode_boolean(value: bool, fmt: str) -> bytes:
    return _reformat(json.dumps({"head": {}, "boolean": bool(value)}).encode(), fmt)


def _reformat(json_doc: bytes, fmt: str) -> bytes:
    # JSON goes through pyoxigraph too: one serialiser writes every format, whichever backend answered
    parsed = ox.parse_query_results(json_doc, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=RESULT_FORMATS[fmt][1])


def encode_triples(triples: Iterable[ox.Triple], fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    oxfmt = GRAPH_FORMATS[fmt][1]
    kw = {"prefixes": prefixes} if prefixes and fmt in ("turtle", "trig", "rdfxml") else {}
    return ox.serialize(list(triples), format=oxfmt, **kw)


def _capped(items: Iterable, limit: int) -> tuple[list, bool]:
    out = []
    for item in items:
        if len(out) >= limit:
            return out, True
        out.append(item)
    return out, False


def run_oxigraph(store: ox.Store, query: str, result_fmt: str | None, graph_fmt: str | None, max_rows: int,
                 default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
                 prefixes: dict[str, str] | None = None, base_iri: str | None = None) -> Answer:
    """Run ``query`` on a pyoxigraph store and serialise the answer.

    ``result_fmt`` is the format for SELECT/ASK answers, ``graph_fmt`` for CONSTRUCT/DESCRIBE ones; either may
    be None when the client accepts none, which raises :class:`NotAcceptable` for that kind of answer only.
    Without ``default_graphs`` the default graph is the store's own: the merge of all named graphs. Relative
    IRIs resolve against ``base_iri``.
    """
    kw: dict[str, object] = {"base_iri": base_iri} if base_iri else {}
    if default_graphs:
        kw["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        kw["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        res = store.query(query, **kw)
    except SyntaxError as exc:
        raise QuerySyntaxError(str(exc)) from exc
    except (OSError, ValueError) as exc:
        raise StoreError(str(exc)) from exc
    if isinstance(res, ox.QueryBoolean):
        if result_fmt is None:
            raise NotAcceptable("ask")
        return Answer(encode_boolean(bool(res), result_fmt), RESULT_FORMATS[result_fmt][0], "ask", 1)
    if isinstance(res, ox.QuerySolutions):
        if result_fmt is None:
            raise NotAcceptable("select")
        names = [v.value for v in res.variables]
        rows, cut = _capped(({n: s[n] for n in names if s[n] is not None} for s in res), max_rows)
        return Answer(encode_solutions(names, rows, result_fmt), RESULT_FORMATS[result_fmt][0], "select",
                      len(rows), cut)
    if graph_fmt is None:
        raise NotAcceptable("graph")
    triples, cut = _capped(iter(res), max_rows)
    return Answer(encode_triples(triples, graph_fmt, prefixes), GRAPH_FORMATS[graph_fmt][0], "graph",
                  len(triples), cut)


def query_kind(query: str) -> str:
    """select | ask | graph, from the query's form keyword (for stores that need to be told).

    Read lexically, not with rdflib's parser: that takes seconds on a long query (a big ``VALUES``) and holds the
    interpreter meanwhile. A query that does not parse is refused by the store itself.
    """
    form = first_keyword(query, _FORMS)
    if form is None:
        raise QuerySyntaxError("the query has no SELECT, ASK, CONSTRUCT or DESCRIBE form")
    return {"SELECT": "select", "ASK": "ask"}.get(form, "graph")


def run_store(store: Store, query: str, result_fmt: str | None, graph_fmt: str | None, max_rows: int,
              prefixes: dict[str, str] | None = None) -> Answer:
    """Run ``query`` through the :class:`Store` interface (any backend) and serialise the answer."""
    kind = query_kind(query)
    if kind == "ask":
        if result_fmt is None:
            raise NotAcceptable("ask")
        return Answer(encode_boolean(store.ask(query), result_fmt), RESULT_FORMATS[result_fmt][0], "ask", 1)
    if kind == "select":
        if result_fmt is None:
            raise NotAcceptable("select")
        capped = getattr(store, "solutions", None)
        if capped is not None:  # a SPARQL server: read no more of its answer than the cap
            names, ox_rows, cut = capped(query, max_rows)
            return Answer(encode_solutions(names, ox_rows, result_fmt), RESULT_FORMATS[result_fmt][0], "select",
                          len(ox_rows), cut)
        rows = store.select(query)
        names = _select_vars(query, rows)
        cut = len(rows) > max_rows
        rows = rows[:max_rows]
        ox_rows = [{k: to_ox(v) for k, v in row.items()} for row in rows]
        return Answer(encode_solutions(names, ox_rows, result_fmt), RESULT_FORMATS[result_fmt][0], "select",
                      len(rows), cut)
    if graph_fmt is None:
        raise NotAcceptable("graph")
    stream = getattr(store, "triples", None)
    if stream is not None:  # a SPARQL server: stop reading its answer at the cap
        arriving = stream(query)
        try:
            triples, cut = _capped(arriving, max_rows)
        finally:
            arriving.close()
    else:
        triples, cut = _capped(ox_triples(store.construct(query)), max_rows)
    return Answer(encode_triples(triples, graph_fmt, prefixes), GRAPH_FORMATS[graph_fmt][0], "graph",
                  len(triples), cut)


def _select_vars(query: str, rows: list[dict[str, Node]]) -> list[str]:
    """The projected variables, in query order (rows alone would lose unbound and ordering)."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        with _PARSE_LOCK:
            return [str(v) for v in prepareQuery(query).algebra["PV"]]
    except Exception:  # noqa: BLE001 - a query the store ran but rdflib cannot translate: use the rows
        names: dict[str, None] = {}
        for row in rows:
            names.update(dict.fromkeys(row))
        return list(names)


def ox_triples(graph: Graph) -> Iterator[ox.Triple]:
    for s, p, o in graph:
        yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))
