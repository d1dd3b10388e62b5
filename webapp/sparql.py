"""The SPARQL endpoint: SPARQL 1.1 Protocol queries and updates at ``/sparql``, the Graph Store Protocol at
``/sparql/store`` (and ``/store``), and the service description.

Read-only unless the deployment sets a write token: updates and Graph Store writes need
``Authorization: Bearer <token>``. Queries run under the time limit and are cut at the row limit; a cut
answer carries ``X-Esgraf-Truncated: true`` and a ``Warning`` header. ``SERVICE`` and ``LOAD`` are refused
on the parsed query or update (:mod:`graph.sparql_check`). Every answer allows any origin, so browser clients
elsewhere can query.
"""
from __future__ import annotations

import hmac
import re

import pyoxigraph as ox
from flask import Blueprint, Response, redirect, request, url_for
from rdflib import BNode, Graph, Literal, Namespace, URIRef

from graph import sandbox
from graph.results import GRAPH_FORMATS
from graph.store import to_rdflib, unmerge
from graph.vocab import RDF, VOID
from webapp.errors import WebError, doing, wants_html
from webapp.negotiation import GRAPH_MEDIA, page_format, rdf_response, sparql_formats
from webapp.state import state

bp = Blueprint("sparql", __name__)

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
QUERY_TYPES = ("application/sparql-query",)
UPDATE_TYPES = ("application/sparql-update",)
FORM_TYPE = "application/x-www-form-urlencoded"
#: Graph Store request bodies: media type -> pyoxigraph format
BODY_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG, "application/n-quads": ox.RdfFormat.N_QUADS,
}


#: characters no IRI may hold: the graph IRI is written into updates between < and >
_NOT_IN_IRI = re.compile(r'[<>"{}|^`\\\s]')


@bp.after_request
def _cors(resp: Response) -> Response:
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
    resp.headers["Access-Control-Allow-Headers"] = "Accept, Authorization, Content-Type"
    resp.headers["Access-Control-Expose-Headers"] = "X-Esgraf-Truncated, X-Esgraf-Row-Limit, Warning"
    resp.headers["Access-Control-Max-Age"] = "86400"
    return resp


def _is_authorised() -> bool:
    token = state().settings.write_token
    given = request.headers.get("Authorization", "")
    if not token or not given.startswith("Bearer "):
        return False
    return hmac.compare_digest(given[len("Bearer "):].strip().encode(), token.encode())


def _require_write() -> None:
    if not state().settings.write_token:
        raise WebError(403, "this endpoint is read-only: SPARQL Update and Graph Store writes are disabled")
    if not _is_authorised():
        raise WebError(403, "writing needs the header Authorization: Bearer <write token>")


def _body_text() -> str:
    charset = request.mimetype_params.get("charset", "utf-8")
    try:
        return request.get_data().decode(charset)
    except (UnicodeDecodeError, LookupError) as exc:
        raise WebError(400, f"the request body is not {charset} text") from exc


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    query = update = None
    if request.method == "GET":
        if "update" in request.args:
            raise WebError(405, "SPARQL Update goes by POST", {"Allow": "GET, POST, OPTIONS"})
        query = _one("query")
    elif request.mimetype in QUERY_TYPES:
        _none_in_url()
        query = _body_text()
    elif request.mimetype in UPDATE_TYPES:
        _none_in_url()
        update = _body_text()
    elif request.mimetype == FORM_TYPE or request.mimetype == "multipart/form-data":
        query, update = _one("query"), _one("update")
        if query is not None and update is not None:
            raise WebError(400, "send either query or update, not both")
    else:
        raise WebError(415, "send the query as application/sparql-query, application/sparql-update or "
                            "form-encoded query= / update=")
    if update is not None:
        return _update(update)
    if query is None:
        if request.method == "POST":
            raise WebError(400, "no query= or update= in the request")
        return _no_query()
    if not query.strip():
        raise WebError(400, "the query is empty")
    return _query(query)


def _params(name: str) -> list[str]:
    """Every value of parameter ``name``, in the URL and in a form body."""
    return request.args.getlist(name) + (request.form.getlist(name) if request.method == "POST" else [])


def _one(name: str) -> str | None:
    """The one ``query`` or ``update`` of the request: the protocol allows one operation a request, so two are
    refused rather than one of them run."""
    values = _params(name)
    if len(values) > 1:
        raise WebError(400, f"{name}= is given {len(values)} times: send one {name} a request")
    return values[0] if values else None


def _none_in_url() -> None:
    """A query or update in the body leaves no room for another in the URL."""
    for name in ("query", "update"):
        if name in request.args:
            raise WebError(400, f"the body holds the operation: leave {name}= out of the URL")


def _query(query: str) -> Response:
    result_fmt, graph_fmt = sparql_formats()
    if result_fmt is None and graph_fmt is None:
        raise WebError(406, "no SPARQL result or RDF format you accept is available")
    st = state()
    doing("query")
    answer = st.runner.run(query, result_fmt, graph_fmt, _params("default-graph-uri"), _params("named-graph-uri"),
                           client=request.remote_addr)
    resp = Response(answer.body, mimetype=answer.media_type)
    if answer.media_type.startswith("text/") or answer.media_type.endswith(("json", "xml")):
        resp.mimetype_params["charset"] = "utf-8"
    resp.headers["Vary"] = "Accept"
    if answer.truncated:
        limit = st.settings.max_rows
        resp.headers["X-Esgraf-Truncated"] = "true"
        resp.headers["X-Esgraf-Row-Limit"] = str(limit)
        resp.headers["Warning"] = f'199 esgraf "results cut to the first {limit} rows"'
    return resp


def _update(text: str) -> Response:
    _require_write()
    doing("update")  # an update that fails is 500 in the protocol, and the message says why
    state().runner.update(text, _params("using-graph-uri"), _params("using-named-graph-uri"))
    return Response(status=204)


def _no_query() -> Response:
    if wants_html():
        return redirect(url_for("entities.query_page"))
    fmt = page_format(html_first=False)
    if fmt in (None, "html"):
        raise WebError(406, "the service description is available as " + ", ".join(GRAPH_MEDIA))
    return rdf_response(service_description(), fmt)


def service_description() -> Graph:
    """The SPARQL 1.1 Service Description of this endpoint."""
    st = state()
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    here = URIRef(url_for("sparql.endpoint", _external=True))
    g.add((here, RDF.type, SD.Service))
    g.add((here, SD.endpoint, here))
    g.add((here, SD.supportedLanguage, SD.SPARQL11Query))
    if st.settings.write_token:
        g.add((here, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((here, SD.feature, SD.UnionDefaultGraph))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"):
        g.add((here, SD.resultFormat, FORMATS[name]))
    dataset, default = BNode(), BNode()
    g.add((here, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    # the default graph as queries see it: each fact once in the merged layout
    n = st.store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    g.add((default, VOID.triples, Literal(int(n[0]["n"]) if n and "n" in n[0] else 0)))
    for name in st.store.named_graphs():
        ng = BNode()
        g.add((dataset, SD.namedGraph, ng))
        g.add((ng, RDF.type, SD.NamedGraph))
        g.add((ng, SD.name, URIRef(name)))
    return g


# --- Graph Store Protocol -------------------------------------------------------------------------------

@bp.route("/sparql/store", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
@bp.route("/store", methods=["GET", "HEAD", "PUT", "POST", "DELETE"], endpoint="store_alias")
def graph_store() -> Response:
    graph = request.args.get("graph")
    default = "default" in request.args
    if bool(graph) == default:
        raise WebError(400, "name exactly one target: ?graph=<IRI> or ?default")
    if graph and (not graph.startswith(("http://", "https://", "urn:")) or _NOT_IN_IRI.search(graph)):
        raise WebError(400, "?graph= must be an absolute IRI")
    if request.method in ("GET", "HEAD"):
        return _gsp_get(graph)
    _require_write()
    if graph is None and state().store.merged_default:
        raise WebError(405, "the default graph is the merge of the named graphs and esgraf keeps it: "
                            "write to a named graph (?graph=<IRI>)", {"Allow": "GET, HEAD"})
    if request.method == "DELETE":
        return _gsp_delete(graph)
    return _gsp_write(graph, replace=request.method == "PUT")


def _target(graph: str | None) -> str:
    return f"GRAPH <{graph}>" if graph else "DEFAULT"


def _exists(graph: str | None) -> bool:
    store = state().store
    if graph is None:
        return True  # the default graph always exists
    return graph in store.named_graphs()


def _gsp_get(graph: str | None) -> Response:
    fmt = page_format(html_first=False)
    if fmt in (None, "html"):
        raise WebError(406, "a graph is available as " + ", ".join(m for m, _ in GRAPH_FORMATS.values()))
    store = state().store
    if graph is not None:
        if not _exists(graph):
            raise WebError(404, f"no graph <{graph}>")
        return rdf_response(store.graph(graph), fmt)
    return rdf_response(_default_graph(), fmt)


def _default_graph() -> Graph:
    store = state().store
    raw = getattr(store, "raw", None)
    if isinstance(raw, ox.Store):
        g = Graph()
        for q in raw.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return g
    # a server's own default graph: the union, as its queries see it
    return store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


def _gsp_delete(graph: str | None) -> Response:
    if not _exists(graph):
        raise WebError(404, f"no graph <{graph}>")
    doing("write")
    with state().runner.writing() as store:
        drop = f"DROP {'GRAPH <' + graph + '>' if graph else 'DEFAULT'}"
        store.update(f"{unmerge(graph, '?s ?p ?o')} ;\n{drop}" if graph and store.merged_default else drop)
    return Response(status=204)


def _gsp_write(graph: str | None, replace: bool) -> Response:
    fmt = BODY_FORMATS.get(request.mimetype)
    if fmt is None:
        raise WebError(415, "send the graph as " + ", ".join(sorted(set(BODY_FORMATS))))
    doing("body")  # parsed in a parser process: JSON-LD nested deep enough crashes the parser, not the server
    triples: list[str] = sandbox.shared().call(  # type: ignore[assignment]
        "graph.sandbox:rdf_as_ntriples", state().settings.query_timeout, data=request.get_data(),
        media_type=fmt.media_type, base_iri=graph or request.base_url)
    existed = _exists(graph)
    # quads keep only their triple: the target graph is the one in the URL
    body = " ".join(f"{t} ." for t in triples)
    merged = state().store.merged_default
    parts = []
    if replace:
        if graph and merged:
            parts.append(unmerge(graph, "?s ?p ?o"))
        parts.append(f"DROP SILENT {_target(graph)}")
    if graph:  # an empty body still makes the graph exist
        parts.append(f"CREATE SILENT GRAPH <{graph}>")
    if body:
        # in the merged layout the same triples (and blank nodes) join the default graph too
        parts.append(f"INSERT DATA {{ GRAPH <{graph}> {{ {body} }} {body if merged else ''} }}" if graph
                     else f"INSERT DATA {{ {body} }}")
    doing("write")
    if parts:  # an empty POST to the default graph changes nothing
        with state().runner.writing() as store:
            store.update(" ;\n".join(parts))
    created = graph is not None and not existed
    return Response(status=201 if created else 204,
                    headers={"Location": request.url} if created else None)
