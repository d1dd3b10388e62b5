"""Dumps re-parse to the store's own data; the ontology, shapes and the VoID/DCAT description."""
from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.store import dump_bytes
from graph.vocab import DCAT, DCTERMS, RDF, VOID

HTML = {"Accept": "text/html"}


def quads(data: bytes, fmt: str) -> set:
    ds = Dataset()
    ds.parse(data=data, format=fmt)
    return {(s, p, o, g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in ds.quads()}


@pytest.mark.parametrize("fmt, rdflib_format", [("trig", "trig"), ("nq", "nquads")])
def test_quad_dumps_reparse_to_the_same_quads(memory_client, memory_app, fmt, rdflib_format):
    resp = memory_client.get(f"/dump.{fmt}")
    assert resp.status_code == 200
    assert resp.is_streamed
    assert "attachment" in resp.headers["Content-Disposition"]
    store = memory_app.extensions["esgraf"].store
    assert quads(resp.get_data(), rdflib_format) == quads(dump_bytes(store, "nq"), "nquads")


def test_jsonld_dump_keeps_the_graphs(memory_client, memory_app):
    resp = memory_client.get("/dump.jsonld")
    assert resp.mimetype == "application/ld+json"
    store = memory_app.extensions["esgraf"].store
    assert quads(resp.get_data(), "json-ld") == quads(dump_bytes(store, "nq"), "nquads")


def test_turtle_dump_is_the_union_graph(memory_client, memory_app):
    resp = memory_client.get("/dump.ttl")
    assert resp.mimetype == "text/turtle"
    got = Graph().parse(data=resp.get_data(), format="turtle")
    store = memory_app.extensions["esgraf"].store
    assert isomorphic(got, store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))


def test_downloads_page_links_everything(memory_client):
    html = memory_client.get("/downloads", headers=HTML).get_data(as_text=True)
    for href in ("/dump.trig", "/dump.nq", "/dump.ttl", "/dump.jsonld", "/ontology.ttl", "/shapes.ttl",
                 "/.well-known/void"):
        assert f'href="{href}"' in html


def test_shapes(memory_client):
    resp = memory_client.get("/shapes.ttl")
    assert resp.status_code == 200 and resp.mimetype == "text/turtle"
    g = Graph().parse(data=resp.get_data(), format="turtle")
    assert (None, RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape")) in g


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                         (None, "turtle")])
def test_void_and_dcat(memory_client, memory_app, accept, fmt):
    headers = {"Accept": accept} if accept else {}
    resp = memory_client.get("/.well-known/void", headers=headers)
    assert resp.status_code == 200
    g = Graph().parse(data=resp.get_data(), format=fmt)
    ds = URIRef("https://w3id.org/esgraf/dataset")
    assert (ds, RDF.type, VOID.Dataset) in g and (ds, RDF.type, DCAT.Dataset) in g
    store = memory_app.extensions["esgraf"].store
    assert int(g.value(ds, VOID.triples)) == store.count()
    assert int(g.value(ds, VOID.entities)) > 10
    assert int(g.value(ds, VOID.classes)) > 5
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef("http://localhost/sparql")
    assert g.value(ds, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    dumps = {str(u) for u in g.objects(ds, VOID.dataDump)}
    assert dumps == {f"http://localhost/dump.{f}" for f in ("trig", "nq", "ttl", "jsonld")}
    downloads = {str(g.value(d, DCAT.downloadURL)) for d in g.objects(ds, DCAT.distribution)}
    assert dumps <= downloads
    media = {str(g.value(d, DCTERMS["format"])) for d in g.objects(ds, DCAT.distribution)}
    assert {"application/trig", "application/n-quads", "text/turtle", "application/ld+json"} <= media
    assert (ds, DCTERMS.title, Literal("esgraf — knowledge graph of the regional social economy", lang="en")) in g
