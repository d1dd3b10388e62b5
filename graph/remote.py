"""The store on a SPARQL 1.1 server: Query and Update through SPARQLWrapper, bulk data through the Graph Store
Protocol when the server offers it.

:class:`SparqlStore` answers exactly like the embedded :class:`~graph.store.OxigraphStore`: rows of rdflib
terms, rdflib graphs, the same errors. Transient failures (refused connections, 5xx answers) are retried a
bounded number of times with exponential backoff; then a :class:`~graph.store.StoreError` names the URL.

Configuring the server
----------------------
A query's default graph must hold the facts of every named graph (each article is a named graph; "all
agreements" means all of them). Two layouts give that, chosen with ``default_graph`` (setting
``ESGRAF_ENDPOINT_DEFAULT_GRAPH``):

* ``merge`` (the default, as in the embedded store) — esgraf keeps the merge of the named graphs in the
  server's real default graph, in the same update as the named graphs. Each fact is one triple there however
  many articles state it, so joins stay as cheap as the data allows. The server must show its real default
  graph to queries and accept updates to it.
* ``union`` — the server shows the union of the named graphs as the default graph by itself and esgraf writes
  named graphs only. Simpler, but a union is a bag on most servers: a fact stated by forty articles comes forty
  times, and every join over it multiplies (see BENCHMARKS.md).

Servers:

* **Oxigraph server** — ``oxigraph serve --location /var/lib/esgraf --bind 127.0.0.1:7878`` with ``merge``
  (or add ``--union-default-graph`` and use ``union``). Query URL ``http://127.0.0.1:7878/query``, update URL
  ``.../update``, Graph Store URL ``.../store``.
* **Apache Jena Fuseki** — a TDB2 dataset as created, with ``merge``; or ``tdb2:unionDefaultGraph true`` in
  its assembler configuration with ``union``. For a dataset ``/esgraf``: query ``/esgraf/query`` (or
  ``/esgraf/sparql``), update ``/esgraf/update``, Graph Store ``/esgraf/data``; basic auth through Fuseki's
  password file.
* **Virtuoso** — use ``union``: a query without ``FROM`` already sees all graphs of the quad store. Updates
  and the Graph Store endpoint (``/sparql-graph-crud-auth``) sit behind digest authentication, which esgraf does
  not speak: give esgraf a reverse proxy that checks basic auth, or leave ``gsp_url`` empty and grant
  ``SPARQL_UPDATE`` on an endpoint reachable only from esgraf's host.
* **QLever** — use ``union``: the default graph is already the union of all graphs. Writes need QLever's
  access token rather than basic auth, so either build the QLever index from an esgraf export (``esgraf
  export --format nq``) and use the server read-only, or put a proxy in front that adds the token; check that
  your QLever version accepts SPARQL Update with ``DROP GRAPH``, which replacing an article relies on.

Counts, graph lists and quad dumps cover the named graphs only; triple dumps are the default graph.
"""
from __future__ import annotations

import base64
import http.client
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, SPARQLWrapper
from SPARQLWrapper.Wrapper import ASK, CONSTRUCT, INSERT, SELECT

from graph.store import (QUAD_FORMATS, RDF_FORMATS, QuerySyntaxError, Store, StoreError, copy_to_default,
                         rdf_format, to_rdflib)

log = logging.getLogger(__name__)

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: what we ask for when we want triples: line-based, so it streams, and every server writes it
RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
USER_AGENT = "esgraf (SPARQLWrapper)"
TSV_MEDIA = "text/tab-separated-values"
#: the Graph Store target meaning the server's default graph
DEFAULT = "DEFAULT"


#: how a server's default graph holds the named graphs' facts (see the module docs)
DEFAULT_GRAPH_LAYOUTS = ("merge", "union")


class ServerError(StoreError):
    """The server answered with an error, or could not be reached (``status`` None)."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class _Protocol(SPARQLWrapper):
    """SPARQLWrapper told the query form by the caller and leaving HTTP errors to the store.

    SPARQLWrapper guesses the form from the first keyword, which sends e.g. ``WITH <g> DELETE …`` to the query
    URL; and its exceptions flatten the server's message into a ``repr`` of bytes that users cannot read.
    """

    def __init__(self, form: str, query_url: str, update_url: str, timeout: float):
        self._form = form  # read by _parseQueryType, which SPARQLWrapper.__init__ already calls
        super().__init__(query_url, updateEndpoint=update_url, agent=USER_AGENT)
        self.timeout = timeout

    def _parseQueryType(self, query: str) -> str:
        return self._form

    def _query(self) -> tuple[http.client.HTTPResponse, str]:
        return urllib.request.urlopen(self._createRequest(), timeout=self.timeout), self.returnFormat


class SparqlStore(Store):
    """A dataset on a SPARQL 1.1 server (see the module docs for how to configure one).

    ``query_url`` answers SPARQL queries, ``update_url`` (default: the query URL) SPARQL Update, and
    ``gsp_url``, when given, the Graph Store HTTP Protocol, which makes bulk loads and dumps cheaper. A
    request that fails to connect or gets a 5xx answer is sent again up to ``retries`` more times, waiting
    ``backoff`` seconds, then twice that, and so on. Updates are retried too: every update esgraf sends
    (replacing whole graphs, inserting data) gives the same result when applied twice.
    """

    backend = "sparql"
    #: quads per INSERT DATA request when loading a file without the Graph Store Protocol
    insert_batch = 5000

    def __init__(self, query_url: str, update_url: str | None = None, gsp_url: str | None = None,
                 user: str | None = None, password: str | None = None, timeout: float = 60.0,
                 retries: int = 4, backoff: float = 0.5, default_graph: str = "merge"):
        if not query_url:
            raise StoreError("a SPARQL server needs a query URL")
        if default_graph not in DEFAULT_GRAPH_LAYOUTS:
            raise StoreError(f"unknown default graph layout {default_graph!r}; known: "
                             + ", ".join(DEFAULT_GRAPH_LAYOUTS))
        self.merged_default = default_graph == "merge"
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.gsp_url = gsp_url or None
        self.user = user
        self.password = password
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff

    def __repr__(self) -> str:
        return f"SparqlStore({self.query_url!r})"

    # -- HTTP ------------------------------------------------------------------------------------------------

    def _send(self, url: str, open_: Callable[[], http.client.HTTPResponse], what: str) -> http.client.HTTPResponse:
        """The response of ``open_()``, retried on transient failures; errors become StoreError.

        ``what`` is "query", "update" or "gsp": a 400 answer to a query or update is the parser speaking and
        becomes :class:`QuerySyntaxError`.
        """
        attempts = self.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return open_()
            except urllib.error.HTTPError as exc:
                message = _body(exc)
                if exc.code == 500 and what == "update":
                    # the server ran the update and it failed (CREATE GRAPH of a graph that exists…): the same
                    # update would fail again
                    raise ServerError(f"the SPARQL server at {url} answered: {message}", exc.code) from exc
                if exc.code >= 500 and attempt < attempts:
                    reason = f"{exc.code} {message}"
                elif exc.code >= 500:
                    raise ServerError(f"the SPARQL server at {url} failed {attempts} times; last answer "
                                      f"{exc.code}: {message}", exc.code) from exc
                elif exc.code == 400 and what in ("query", "update"):
                    raise QuerySyntaxError(message or f"{url} rejected the {what}") from exc
                elif exc.code in (401, 403):
                    raise ServerError(f"the SPARQL server at {url} refused access ({exc.code}): {message}",
                                      exc.code) from exc
                else:
                    raise ServerError(f"the SPARQL server at {url} answered {exc.code} {exc.reason}: {message}",
                                      exc.code) from exc
            except TimeoutError as exc:
                # the server is working on it: sending it again would only double the load
                raise ServerError(f"the SPARQL server at {url} did not answer within {self.timeout:g} s") from exc
            except (urllib.error.URLError, ConnectionError, http.client.HTTPException) as exc:
                reason = str(getattr(exc, "reason", None) or exc)
                if attempt == attempts:
                    raise ServerError(f"cannot reach the SPARQL server at {url} after {attempts} attempts: "
                                      f"{reason}") from exc
            delay = self.backoff * 2 ** (attempt - 1)
            log.warning("SPARQL server at %s: %s; trying again in %.2f s", url, reason, delay)
            time.sleep(delay)
        raise AssertionError("unreachable")

    def _protocol(self, form: str, text: str, accept: str | None = None) -> http.client.HTTPResponse:
        """Send a query (``form`` SELECT, ASK or CONSTRUCT) or an update (``form`` INSERT) with SPARQLWrapper."""
        is_update = form == INSERT

        def open_() -> http.client.HTTPResponse:
            w = _Protocol(form, self.query_url, self.update_url, self.timeout)
            w.setOnlyConneg(True)  # Accept header only: unknown format=… parameters upset some servers
            w.setMethod(POST)  # queries can be longer than a URL may be
            if is_update:
                w.setRequestMethod(POSTDIRECTLY)  # application/sparql-update
            w.setReturnFormat(JSON if form in (SELECT, ASK) else TURTLE)
            if form == CONSTRUCT or accept:
                w.addCustomHttpHeader("Accept", accept or RDF_ACCEPT)
            # our own header rather than setCredentials, which sends nothing when the password is empty
            for name, value in self._auth_header().items():
                w.addCustomHttpHeader(name, value)
            w.setQuery(text)
            return w.query().response

        url = self.update_url if is_update else self.query_url
        return self._send(url, open_, "update" if is_update else "query")

    def _gsp(self, method: str, target: str, headers: dict[str, str],
             body: Callable[[], BinaryIO | None] = lambda: None) -> http.client.HTTPResponse:
        """A Graph Store Protocol request; ``target`` is a graph IRI, ``DEFAULT`` or ``""`` (the whole store).

        ``body`` is called once per attempt, so a file is sent from its start again after a retry.
        """
        assert self.gsp_url
        url = self.gsp_url
        if target:
            param = "default" if target == DEFAULT else "graph=" + urllib.parse.quote(target, safe="")
            url += ("&" if "?" in url else "?") + param
        headers = {"User-Agent": USER_AGENT, **headers, **self._auth_header()}

        def open_() -> http.client.HTTPResponse:
            req = urllib.request.Request(url, data=body(), headers=headers, method=method)
            return urllib.request.urlopen(req, timeout=self.timeout)

        return self._send(url, open_, "gsp")

    def _auth_header(self) -> dict[str, str]:
        if self.user is None:
            return {}
        token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}"}

    # -- queries ---------------------------------------------------------------------------------------------

    def _results(self, form: str, query: str) -> dict:
        try:
            resp = self._protocol(form, query)
        except ServerError as exc:
            if exc.status == 406:  # no SPARQL results for this query: it is a CONSTRUCT or a DESCRIBE
                raise StoreError(f"not {'an' if form == ASK else 'a'} {form} query") from exc
            raise
        with resp:
            try:
                return json.load(resp)
            except (ValueError, OSError, http.client.HTTPException) as exc:
                raise ServerError(f"the SPARQL server at {self.query_url} sent unreadable results: {exc}") \
                    from exc

    def select(self, query: str) -> list[dict[str, Node]]:
        data = self._results(SELECT, query)
        if "results" not in data:
            raise StoreError("not a SELECT query")
        return [{name: _term(value) for name, value in b.items()} for b in data["results"]["bindings"]]

    def solutions(self, query: str, limit: int) -> tuple[list[str], list[dict[str, ox.Term]], bool]:
        """The variables and at most ``limit`` rows of a SELECT, as pyoxigraph terms, and whether there were more.

        The rows are asked for as TSV, one line a row, and the answer is closed after ``limit + 1`` lines: a
        huge answer is neither held in memory nor read to its end (the server stops when the connection does).
        """
        resp = self._protocol(SELECT, query, accept=f"{TSV_MEDIA}, application/sparql-results+json;q=0.5")
        with resp:
            media = (resp.headers.get("Content-Type") or TSV_MEDIA).split(";")[0].strip()
            if media != TSV_MEDIA:  # a server without TSV: its whole answer, then cut
                fmt = ox.QueryResultsFormat.from_media_type(media) or ox.QueryResultsFormat.JSON
                doc, cut = resp.read(), False
            else:
                fmt, lines, cut = ox.QueryResultsFormat.TSV, [resp.readline()], False
                while line := resp.readline():
                    if len(lines) > limit:
                        cut = True
                        break
                    lines.append(line)
                doc = b"".join(lines)
        try:
            parsed = ox.parse_query_results(doc, format=fmt)
        except (SyntaxError, ValueError) as exc:
            raise ServerError(f"the SPARQL server at {self.query_url} sent unreadable results: {exc}") from exc
        if not isinstance(parsed, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        names = [v.value for v in parsed.variables]
        rows = [{n: s[n] for n in names if s[n] is not None} for s in parsed]
        if len(rows) > limit:
            rows, cut = rows[:limit], True
        return names, rows, cut

    def triples(self, query: str) -> Iterator[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE as they arrive; closing the iterator closes the answer."""
        return self._triples(query)

    def ask(self, query: str) -> bool:
        data = self._results(ASK, query)
        if "boolean" not in data:
            raise StoreError("not an ASK query")
        return bool(data["boolean"])

    def construct(self, query: str) -> Graph:
        g = Graph()
        for t in self._triples(query):
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return g

    def _triples(self, query: str) -> Iterator[ox.Triple]:
        """The triples of a CONSTRUCT, parsed as they arrive."""
        try:
            resp = self._protocol(CONSTRUCT, query)
        except ServerError as exc:
            if exc.status == 406:  # the server cannot write RDF for this query: it is a SELECT or an ASK
                raise StoreError("not a CONSTRUCT or DESCRIBE query") from exc
            raise
        with resp:
            yield from self._parse(resp, self.query_url)

    def _parse(self, resp: http.client.HTTPResponse, url: str) -> Iterator[ox.Triple]:
        media = (resp.headers.get("Content-Type") or "application/n-triples").split(";")[0].strip()
        fmt = ox.RdfFormat.from_media_type(media)
        if fmt is None:
            if media.startswith("application/sparql-results"):
                raise StoreError("not a CONSTRUCT or DESCRIBE query")
            raise StoreError(f"the SPARQL server at {url} sent {media}, not RDF")
        try:
            yield from ox.parse(resp, fmt)
        except (SyntaxError, OSError, http.client.HTTPException) as exc:
            raise ServerError(f"the SPARQL server at {url} sent unreadable {media}: {exc}") from exc

    def update(self, update: str, base_iri: str | None = None) -> None:
        self._protocol(INSERT, f"BASE <{base_iri}>\n{update}" if base_iri else update).close()

    def named_graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(str(r["g"]) for r in rows if isinstance(r.get("g"), URIRef))

    def count(self, graph: str | None = None) -> int:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph is not None else "GRAPH ?g { ?s ?p ?o }"
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(rows[0]["n"]) if rows and "n" in rows[0] else 0

    # -- bulk data -------------------------------------------------------------------------------------------

    def _graph_triples(self, graph: str) -> Iterator[ox.Triple]:
        """One named graph's triples, streamed: a Graph Store GET when there is one, else a CONSTRUCT."""
        if not self.gsp_url:
            yield from self._triples(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
            return
        try:
            resp = self._gsp("GET", str(graph), {"Accept": RDF_ACCEPT})
        except ServerError as exc:
            if exc.status == 404:  # no such graph: the embedded store dumps it as empty too
                return
            raise
        with resp:
            yield from self._parse(resp, self.gsp_url)

    def _quads(self) -> Iterator[ox.Quad]:
        for g in self.named_graphs():
            name = ox.NamedNode(g)
            for t in self._graph_triples(g):
                yield ox.Quad(t.subject, t.predicate, t.object, name)

    def dump(self, out: BinaryIO, fmt: str = "trig", graph: str | None = None) -> None:
        """Stream the dataset (or one graph) to ``out``, one named graph at a time.

        Quad formats fetch graph after graph and serialise them as one document; triple formats write the
        default graph, which holds every named graph's facts.
        """
        oxfmt = rdf_format(fmt)
        if graph is not None:
            items: Iterable[ox.Triple | ox.Quad] = self._graph_triples(graph)
        elif fmt in QUAD_FORMATS:
            items = self._quads()
        else:
            items = self._triples("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        ox.serialize(items, out, oxfmt)

    def load_file(self, path: Path, fmt: str, graph: str | None = None) -> None:
        """Load an RDF file: one streamed Graph Store POST, or batches of INSERT DATA without one.

        Batched loading is not atomic: a failure leaves the batches sent so far in place.
        """
        path = Path(path)
        rdf_format(fmt)
        if not path.is_file():
            raise StoreError(f"{path}: no such file")
        try:
            if self.gsp_url:
                self._post_file(path, fmt, graph)
            else:
                self._insert_file(path, fmt, graph)
            if self.merged_default:  # the file only added triples: copy them into the merged default graph
                self.update(copy_to_default(None if fmt in QUAD_FORMATS else graph))
        except StoreError as exc:  # a QuerySyntaxError too: our INSERT DATA, not the user's query
            raise StoreError(f"{path}: {exc}") from exc

    def _post_file(self, path: Path, fmt: str, graph: str | None) -> None:
        headers = {"Content-Type": RDF_FORMATS[fmt][1], "Content-Length": str(path.stat().st_size)}
        # quads name their own graphs; triples go to ``graph`` (or the server's default graph)
        target = "" if fmt in QUAD_FORMATS else str(graph) if graph else DEFAULT
        opened: list[BinaryIO] = []

        def body() -> BinaryIO:
            opened.append(path.open("rb"))  # http.client streams it in blocks
            return opened[-1]

        try:
            self._gsp("POST", target, headers, body).close()
        finally:
            for f in opened:
                f.close()

    def _insert_file(self, path: Path, fmt: str, graph: str | None) -> None:
        into = ox.NamedNode(graph) if graph and fmt not in QUAD_FORMATS else None
        # INSERT DATA scopes blank node labels to one request, so quads with blank nodes wait and go together
        # in the last request; the rest streams in batches of ``insert_batch``
        held: list[ox.Quad | ox.Triple] = []
        batch: list[ox.Quad | ox.Triple] = []
        try:
            for q in ox.parse(path=str(path), format=rdf_format(fmt)):
                if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
                    held.append(q)
                    continue
                batch.append(q)
                if len(batch) >= self.insert_batch:
                    self.update(_insert_data(batch, into))
                    batch = []
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(str(exc)) from exc
        for rest in (batch, held):
            if rest:
                self.update(_insert_data(rest, into))


def _insert_data(items: list[ox.Quad | ox.Triple], into: ox.NamedNode | None) -> str:
    """One INSERT DATA for these quads (or triples, into ``into`` or the default graph)."""
    by_graph: dict[str, list[str]] = {}
    for q in items:
        g = getattr(q, "graph_name", None)
        if g is None or isinstance(g, ox.DefaultGraph):
            g = into
        key = "" if g is None else str(g)
        by_graph.setdefault(key, []).append(f"{q.subject} {q.predicate} {q.object} .")
    parts = []
    for key, lines in by_graph.items():
        body = "\n".join(lines)
        parts.append(f"GRAPH {key} {{\n{body}\n}}" if key else body)
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


def _term(value: dict) -> Node:
    """A term of SPARQL JSON results as an rdflib term, as the embedded store would give it."""
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):  # "typed-literal": Virtuoso's pre-standard spelling
        if value.get("xml:lang"):
            return Literal(text, lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != XSD_STRING:
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    raise StoreError(f"unsupported term in SPARQL results: {kind}")


def _body(exc: urllib.error.HTTPError) -> str:
    """The server's message in an error answer, short enough for one line of a log or a page."""
    try:
        text = exc.read().decode("utf-8", "replace").strip()
    except (OSError, http.client.HTTPException):
        text = ""
    return (text or str(exc.reason))[:2000]
