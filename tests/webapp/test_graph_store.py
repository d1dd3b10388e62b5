"""The SPARQL 1.1 Graph Store HTTP Protocol at /sparql/store and /store, on both backends."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from tests.webapp.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
G = "https://w3id.org/esgraf/graph/uploaded"
TURTLE = b'<urn:x:s> <urn:x:p> "jeden"@pl , "dwa" .'
MORE = b'<urn:x:s> <urn:x:p> "trzy" .'


def graph_of(turtle: bytes) -> Graph:
    return Graph().parse(data=turtle, format="turtle")


@pytest.mark.parametrize("path", ["/sparql/store", "/store"])
def test_put_get_post_delete(client, path):
    resp = client.put(path, query_string={"graph": G}, data=TURTLE, content_type="text/turtle", headers=AUTH)
    assert resp.status_code == 201
    resp = client.get(path, query_string={"graph": G}, headers={"Accept": "text/turtle"})
    assert resp.status_code == 200 and resp.mimetype == "text/turtle"
    assert isomorphic(Graph().parse(data=resp.get_data(), format="turtle"), graph_of(TURTLE))

    resp = client.put(path, query_string={"graph": G}, data=TURTLE, content_type="text/turtle", headers=AUTH)
    assert resp.status_code == 204  # replaced, not created
    resp = client.post(path, query_string={"graph": G}, data=MORE, content_type="application/n-triples",
                       headers=AUTH)
    assert resp.status_code == 204
    got = Graph().parse(data=client.get(path, query_string={"graph": G}).get_data(), format="turtle")
    assert isomorphic(got, graph_of(TURTLE + b"\n" + MORE))

    assert client.delete(path, query_string={"graph": G}, headers=AUTH).status_code == 204
    assert client.get(path, query_string={"graph": G}).status_code == 404
    assert client.delete(path, query_string={"graph": G}, headers=AUTH).status_code == 404


def test_put_replaces(client):
    client.put("/store", query_string={"graph": G}, data=TURTLE, content_type="text/turtle", headers=AUTH)
    client.put("/store", query_string={"graph": G}, data=MORE, content_type="text/turtle", headers=AUTH)
    got = Graph().parse(data=client.get("/store", query_string={"graph": G}).get_data(), format="turtle")
    assert isomorphic(got, graph_of(MORE))


def test_post_creates(client):
    resp = client.post("/store", query_string={"graph": G}, data=TURTLE, content_type="text/turtle", headers=AUTH)
    assert resp.status_code == 201


@pytest.mark.parametrize("content_type, body", [
    ("application/n-triples", b'<urn:x:s> <urn:x:p> "jeden"@pl .\n<urn:x:s> <urn:x:p> "dwa" .\n'),
    ("application/rdf+xml", b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
                            b' xmlns:x="urn:x:"><rdf:Description rdf:about="urn:x:s"><x:p xml:lang="pl">jeden</x:p>'
                            b'<x:p>dwa</x:p></rdf:Description></rdf:RDF>'),
    ("application/ld+json", b'{"@id": "urn:x:s", "urn:x:p": [{"@value": "jeden", "@language": "pl"}, "dwa"]}'),
    ("application/trig", b'{ <urn:x:s> <urn:x:p> "jeden"@pl , "dwa" . }'),
    ("application/n-quads", b'<urn:x:s> <urn:x:p> "jeden"@pl .\n<urn:x:s> <urn:x:p> "dwa" .\n'),
])
def test_body_formats(client, content_type, body):
    resp = client.put("/store", query_string={"graph": G}, data=body, content_type=content_type, headers=AUTH)
    assert resp.status_code == 201
    got = Graph().parse(data=client.get("/store", query_string={"graph": G}).get_data(), format="turtle")
    assert isomorphic(got, graph_of(TURTLE))


@pytest.mark.parametrize("accept, fmt", [("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
                                         ("application/rdf+xml", "xml")])
def test_get_formats(client, accept, fmt):
    meta = "https://w3id.org/esgraf/graph/meta"
    resp = client.get("/store", query_string={"graph": meta}, headers={"Accept": accept})
    assert resp.status_code == 200
    got = Graph().parse(data=resp.get_data(), format=fmt)
    title = URIRef("http://purl.org/dc/terms/title")
    assert Literal("Starostwo i OWES podpisały porozumienie", lang="pl") in set(got.objects(None, title))


def test_reading_needs_no_token_writing_does(client):
    assert client.get("/store", query_string={"graph": "https://w3id.org/esgraf/graph/meta"}).status_code == 200
    for method in (client.put, client.post):
        resp = method("/store", query_string={"graph": G}, data=TURTLE, content_type="text/turtle")
        assert resp.status_code == 403
    resp = client.delete("/store", query_string={"graph": "https://w3id.org/esgraf/graph/meta"})
    assert resp.status_code == 403
    assert client.get("/store", query_string={"graph": G}).status_code == 404


@pytest.mark.parametrize("query", [{}, {"graph": G, "default": ""}, {"graph": "not an iri"}])
def test_target_must_be_one_graph(client, query):
    assert client.get("/store", query_string=query).status_code == 400


def test_bad_body(client):
    resp = client.put("/store", query_string={"graph": G}, data=b"<urn:x:s> nonsense", content_type="text/turtle",
                      headers=AUTH)
    assert resp.status_code == 400
    resp = client.put("/store", query_string={"graph": G}, data=b"x", content_type="image/png", headers=AUTH)
    assert resp.status_code == 415


def ask(client, query: str) -> bool:
    resp = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()["boolean"]


def in_default(client, triple: str) -> bool:
    """Whether the default graph of queries holds the triple (the merge of the named graphs)."""
    return ask(client, f"ASK {{ {triple} }}")


def test_writes_keep_the_merged_default_graph(client):
    other = G + "-other"
    client.put("/store", query_string={"graph": G}, data=TURTLE, content_type="text/turtle", headers=AUTH)
    assert in_default(client, '<urn:x:s> <urn:x:p> "dwa"')
    client.put("/store", query_string={"graph": other}, data=MORE, content_type="text/turtle", headers=AUTH)
    client.put("/store", query_string={"graph": G}, data=MORE, content_type="text/turtle", headers=AUTH)
    assert not in_default(client, '<urn:x:s> <urn:x:p> "dwa"')  # no graph states it any more
    assert in_default(client, '<urn:x:s> <urn:x:p> "trzy"')
    client.delete("/store", query_string={"graph": G}, headers=AUTH)
    assert in_default(client, '<urn:x:s> <urn:x:p> "trzy"')  # the other graph still states it
    client.post("/store", query_string={"graph": G}, data=TURTLE, content_type="text/turtle", headers=AUTH)
    assert in_default(client, '<urn:x:s> <urn:x:p> "jeden"@pl')
    client.delete("/store", query_string={"graph": other}, headers=AUTH)
    client.delete("/store", query_string={"graph": G}, headers=AUTH)
    assert not ask(client, "ASK { <urn:x:s> ?p ?o }")


def test_sparql_updates_keep_the_merged_default_graph(client):
    def update(text: str) -> None:
        resp = client.post("/sparql", data={"update": text}, headers=AUTH)
        assert resp.status_code == 204, resp.get_data(as_text=True)

    update(f'INSERT DATA {{ GRAPH <{G}> {{ <urn:x:s> <urn:x:p> "cztery" }} }} ;')
    assert in_default(client, '<urn:x:s> <urn:x:p> "cztery"')
    update(f"PREFIX x: <urn:x:>\nDELETE WHERE {{ GRAPH <{G}> {{ x:s x:p ?o }} }} # done")
    assert not in_default(client, '<urn:x:s> <urn:x:p> "cztery"')


def test_sparql_data_for_the_default_graph_is_refused(client, filled_store):
    if not filled_store.merged_default:
        pytest.skip("the server shows the union itself")
    resp = client.post("/sparql", data={"update": 'INSERT DATA { <urn:x:s> <urn:x:p> "pięć" }'}, headers=AUTH)
    assert resp.status_code == 400 and "named graph" in resp.get_data(as_text=True)
    assert not in_default(client, '<urn:x:s> <urn:x:p> "pięć"')


def test_default_graph_is_the_merge_and_read_only(client, filled_store):
    got = Graph().parse(data=client.get("/store?default").get_data(), format="turtle")
    title = URIRef("http://purl.org/dc/terms/title")
    assert Literal("Starostwo i OWES podpisały porozumienie", lang="pl") in set(got.objects(None, title))
    if filled_store.merged_default:
        for method in (client.put, client.post):
            resp = method("/store?default", data=TURTLE, content_type="text/turtle", headers=AUTH)
            assert resp.status_code == 405 and resp.headers["Allow"] == "GET, HEAD"
        assert client.delete("/store?default", headers=AUTH).status_code == 405


def test_the_home_page_counts_follow_a_write(client):
    import re

    def articles() -> int:
        html = client.get("/").get_data(as_text=True)
        return int(re.search(r"<dt>[^<]*</dt><dd>(\d+)</dd>", html[html.index('class="counts"'):]).group(1))

    def count_of(kind: str) -> int:
        resp = client.get("/sparql", query_string={"query": f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{kind}> }}"},
                          headers={"Accept": "application/sparql-results+json"})
        return int(resp.get_json()["results"]["bindings"][0]["n"]["value"])

    before = articles()
    assert before == count_of("https://w3id.org/esgraf/ontology#Article")  # the first figure: articles
    body = b"<urn:x:new> a <https://w3id.org/esgraf/ontology#Article> ."
    assert client.put("/store", query_string={"graph": G}, data=body, content_type="text/turtle",
                      headers=AUTH).status_code == 201
    assert articles() == before + 1  # not the figure cached before the write
