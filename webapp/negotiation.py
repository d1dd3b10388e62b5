"""Content negotiation: which format a client gets, from ``Accept``, a ``?format=`` or a file suffix.

Shared by the SPARQL endpoint, the linked-data pages and the downloads so that every part of the app
understands the same media types and names.
"""
from __future__ import annotations

from flask import Response, request
from rdflib import Graph

from graph.results import GRAPH_FORMATS, RESULT_FORMATS, encode_triples, ox_triples
from graph.vocab import PREFIXES

#: media types a client may ask for -> result format name (SELECT / ASK)
RESULT_MEDIA: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}

#: media types a client may ask for -> graph format name (CONSTRUCT / DESCRIBE, linked data)
GRAPH_MEDIA: dict[str, str] = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
    "application/json": "jsonld",  # JSON-LD is JSON: a client asking for JSON gets it
}

#: ``?format=`` values -> (result format, graph format)
FORMAT_PARAM: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"), "srj": ("json", None), "xml": ("xml", "rdfxml"), "srx": ("xml", None),
    "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "nt": (None, "nt"), "ntriples": (None, "nt"),
    "n-triples": (None, "nt"), "jsonld": (None, "jsonld"), "json-ld": (None, "jsonld"),
    "rdfxml": (None, "rdfxml"), "rdf": (None, "rdfxml"), "trig": (None, "trig"), "nq": (None, "nquads"),
    "nquads": (None, "nquads"),
}

#: file suffixes of linked-data URLs -> graph format name
SUFFIXES: dict[str, str] = {"ttl": "turtle", "jsonld": "jsonld", "nt": "nt", "rdf": "rdfxml"}
#: the formats every linked-data page links to as alternates
ALTERNATES = ("turtle", "jsonld", "nt", "rdfxml")
SUFFIX_OF = {v: k for k, v in SUFFIXES.items()}


def _explicit_accept() -> bool:
    values = [v for v, _ in request.accept_mimetypes]
    return bool(values) and values != ["*/*"]


def sparql_formats() -> tuple[str | None, str | None]:
    """(result format, graph format) the client takes; None where it takes nothing of that kind."""
    fmt = request.args.get("format") or request.form.get("format")
    if fmt:
        if fmt in FORMAT_PARAM:
            return FORMAT_PARAM[fmt]
        return RESULT_MEDIA.get(fmt), GRAPH_MEDIA.get(fmt)
    if not _explicit_accept():
        return "json", "turtle"
    accept = request.accept_mimetypes
    best_result = accept.best_match(list(RESULT_MEDIA))
    best_graph = accept.best_match(list(GRAPH_MEDIA))
    return (RESULT_MEDIA[best_result] if best_result else None,
            GRAPH_MEDIA[best_graph] if best_graph else None)


def page_format(html_first: bool = True) -> str | None:
    """``html`` or a graph format name for a linked-data page; None if the client takes neither."""
    if not _explicit_accept():
        return "html" if html_first else "turtle"
    offers = (["text/html", "application/xhtml+xml"] if html_first else []) + list(GRAPH_MEDIA)
    if not html_first:
        offers += ["text/html"]
    best = request.accept_mimetypes.best_match(offers)
    if best is None:
        return None
    return "html" if best in ("text/html", "application/xhtml+xml") else GRAPH_MEDIA[best]


def media_type(fmt: str) -> str:
    return GRAPH_FORMATS[fmt][0] if fmt in GRAPH_FORMATS else RESULT_FORMATS[fmt][0]


def rdf_response(graph: Graph, fmt: str, status: int = 200) -> Response:
    """An rdflib graph written in graph format ``fmt`` by the same serialisers as SPARQL answers."""
    body = encode_triples(ox_triples(graph), fmt, PREFIXES)
    resp = Response(body, status=status, mimetype=GRAPH_FORMATS[fmt][0])
    resp.headers["Vary"] = "Accept"
    return resp


def alternate_links(base_url: str) -> str:
    """A ``Link`` header value naming the RDF versions of the page at ``base_url``."""
    return ", ".join(f'<{base_url}.{SUFFIX_OF[f]}>; rel="alternate"; type="{GRAPH_FORMATS[f][0]}"'
                     for f in ALTERNATES)
