"""Downloads: full dumps streamed in four formats, the ontology and SHACL shapes, and the dataset's VoID and
DCAT description at ``/.well-known/void``.

A dump is written by the store into a pipe from a background thread and sent on chunk by chunk, so a large
dataset never sits in memory as one bytes object.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

from flask import Blueprint, Response, render_template, url_for
from rdflib import BNode, Graph, Literal, URIRef

from graph import lookup
from graph.store import RDF_FORMATS, Store
from graph.vocab import DCAT, DCTERMS, ESG, FOAF, RDF, VOID, XSD
from ontology import __file__ as _ontology_init
from webapp.errors import WebError
from webapp.negotiation import SUFFIXES, alternate_links, media_type, page_format, rdf_response
from webapp.state import state

bp = Blueprint("downloads", __name__)

ONTOLOGY_DIR = Path(_ontology_init).parent
#: dump formats offered, in the order the page lists them: name -> (store format, media type)
DUMPS: dict[str, tuple[str, str]] = {
    "trig": ("trig", "application/trig"), "nq": ("nq", "application/n-quads"),
    "ttl": ("ttl", "text/turtle"), "jsonld": ("jsonld", "application/ld+json"),
}
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
CHUNK = 64 * 1024


def stream_dump(store: Store, fmt: str) -> Iterator[bytes]:
    """The store's dump in ``fmt``, as chunks read from a pipe the store writes into from a thread."""
    read_fd, write_fd = os.pipe()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with os.fdopen(write_fd, "wb", buffering=CHUNK) as out:
                store.dump(out, fmt)
        except BrokenPipeError:  # the client went away and the reader closed
            pass
        except BaseException as exc:  # noqa: BLE001 - reported when the stream ends
            errors.append(exc)

    thread = threading.Thread(target=write, daemon=True, name="esgraf-dump")
    thread.start()
    with os.fdopen(read_fd, "rb", buffering=0) as pipe:
        while chunk := pipe.read(CHUNK):
            yield chunk
    thread.join()
    if errors:
        raise errors[0]


@bp.route("/downloads")
def downloads() -> str:
    return render_template("downloads.html", dumps=DUMPS)


@bp.route("/dump.<any(trig,nq,ttl,jsonld):fmt>")
def dump(fmt: str) -> Response:
    store_fmt, media = DUMPS[fmt]
    resp = Response(stream_dump(state().store, store_fmt), mimetype=media)
    resp.headers["Content-Disposition"] = f'attachment; filename="esgraf.{fmt}"'
    return resp


def ontology_graph() -> Graph:
    """The ontology and its concept schemes: from the store if loaded there, else from the files."""
    st = state()
    graph = st.store.graph(str(st.mint.ontology_graph))
    if len(graph) == 0:
        for name in ("esgraf.ttl", "schemes.ttl"):
            path = ONTOLOGY_DIR / name
            if path.exists():
                graph.parse(path, format="turtle")
    return graph


@bp.route("/ontology")
@bp.route("/ontology.<any(ttl,jsonld,nt,rdf):suffix>")
def ontology(suffix: str | None = None) -> Response | str:
    fmt = SUFFIXES[suffix] if suffix else page_format()
    if fmt is None:
        raise WebError(406, "the ontology is available as HTML, Turtle, JSON-LD, N-Triples and RDF/XML")
    graph = ontology_graph()
    if fmt == "html":
        classes, properties = lookup.ontology_terms(graph)
        resp = Response(render_template("ontology.html", classes=classes, properties=properties,
                                        ns=str(ESG._NS)))
    else:
        resp = rdf_response(graph, fmt)
    resp.headers["Link"] = alternate_links(url_for("downloads.ontology", _external=True))
    resp.headers["Vary"] = "Accept"
    return resp


@bp.route("/shapes.ttl")
def shapes() -> Response:
    path = ONTOLOGY_DIR / "shapes.ttl"
    if not path.exists():
        raise WebError(404, "this deployment has no SHACL shapes")
    return Response(path.read_bytes(), mimetype="text/turtle")


def void_graph() -> Graph:
    """VoID and DCAT descriptions of the dataset, with the endpoint and every dump."""
    st = state()
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF)):
        g.bind(prefix, ns)
    ds = st.mint.dataset
    counts = lookup.counts(st.store)
    entities = st.store.select(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?t "
                               f"FILTER(STRSTARTS(STR(?s), \"{st.mint.base}\")) }}")
    classes = st.store.select("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?s a ?t }")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("esgraf — graf wiedzy o regionalnej ekonomii społecznej", lang="pl")))
    g.add((ds, DCTERMS.title, Literal("esgraf — knowledge graph of the regional social economy", lang="en")))
    g.add((ds, DCTERMS.description, Literal(
        "Cooperation between regional social-policy centres, social-economy support centres, local "
        "governments, NGOs, social cooperatives and businesses in Poland, read from news articles.", lang="en")))
    g.add((ds, DCTERMS.license, LICENCE))
    g.add((ds, VOID.uriSpace, Literal(st.mint.base)))
    g.add((ds, VOID.triples, Literal(counts["triples"], datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(int(entities[0]["n"]), datatype=XSD.integer)))
    g.add((ds, VOID.classes, Literal(int(classes[0]["n"]), datatype=XSD.integer)))
    g.add((ds, VOID.sparqlEndpoint, URIRef(url_for("sparql.endpoint", _external=True))))
    g.add((ds, VOID.vocabulary, URIRef(str(ESG._NS))))
    g.add((ds, VOID.exampleResource, URIRef(url_for("entities.home", _external=True))))
    g.add((ds, DCAT.landingPage, URIRef(url_for("entities.home", _external=True))))
    service = BNode()
    g.add((ds, DCAT.distribution, service))
    g.add((service, RDF.type, DCAT.Distribution))
    g.add((service, DCAT.accessURL, URIRef(url_for("sparql.endpoint", _external=True))))
    g.add((service, DCTERMS.title, Literal("SPARQL endpoint", lang="en")))
    for name, (_, media) in DUMPS.items():
        url = URIRef(url_for("downloads.dump", fmt=name, _external=True))
        g.add((ds, VOID.dataDump, url))
        dist = st.mint.distribution(name)
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media}")))
        g.add((dist, DCTERMS.format, Literal(media)))
        g.add((dist, DCTERMS.license, LICENCE))
        g.add((dist, DCTERMS.title, Literal(f"esgraf dump ({RDF_FORMATS[DUMPS[name][0]][2]})")))
    return g


@bp.route("/dataset")
@bp.route("/.well-known/void")
def void() -> Response:
    fmt = page_format(html_first=False)
    if fmt in (None, "html"):
        fmt = "turtle"  # a browser gets the description as Turtle text
    resp = rdf_response(void_graph(), fmt)
    here = url_for("downloads.void", _external=True)
    resp.headers["Link"] = ", ".join(f'<{here}>; rel="alternate"; type="{media_type(f)}"'
                                     for f in ("turtle", "jsonld", "nt", "rdfxml"))
    return resp

