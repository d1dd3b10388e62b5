"""SPARQL 1.1 Protocol details real clients rely on, on both backends: one operation a request, the update's
dataset from using-graph-uri and using-named-graph-uri, relative IRIs, and why a failed update failed."""
from __future__ import annotations

import urllib.parse

import pytest

from tests.webapp.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
FORM = "application/x-www-form-urlencoded"
G1, G2, G3 = "urn:x:g1", "urn:x:g2", "urn:x:g3"
INSERT_ONE = f'INSERT DATA {{ GRAPH <{G1}> {{ <urn:x:s> <urn:x:p> "eins" }} }}'
COPY = f"INSERT {{ GRAPH <{G2}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}"


def count(client, graph: str) -> int:
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return int(client.get("/sparql", query_string={"query": q}).get_json()["results"]["bindings"][0]["n"]["value"])


def update(client, text: str, **params: str | list[str]):
    return client.post("/sparql", data={"update": text, **params}, content_type=FORM, headers=AUTH)


def form(pairs: list[tuple[str, str]]) -> bytes:
    return urllib.parse.urlencode(pairs).encode()


# --- one operation a request ------------------------------------------------------------------------------

def test_two_queries_by_get_are_400(client):
    resp = client.get("/sparql?" + urllib.parse.urlencode([("query", "ASK {}"), ("query", "ASK { ?s ?p ?o }")]))
    assert resp.status_code == 400
    assert "2 times" in resp.get_json()["error"]["message"]


def test_two_queries_in_a_form_are_400(client):
    resp = client.post("/sparql", data=form([("query", "ASK {}"), ("query", "ASK {}")]), content_type=FORM)
    assert resp.status_code == 400


def test_two_updates_in_a_form_are_400_and_neither_runs(client):
    second = 'INSERT DATA { GRAPH <urn:x:g1> { <urn:x:s> <urn:x:p> "zwei" } }'
    resp = client.post("/sparql", data=form([("update", INSERT_ONE), ("update", second)]), content_type=FORM,
                       headers=AUTH)
    assert resp.status_code == 400
    assert count(client, G1) == 0


def test_an_update_in_the_url_and_one_in_the_form_are_400(client):
    resp = client.post("/sparql?" + urllib.parse.urlencode({"update": INSERT_ONE}),
                       data=form([("update", INSERT_ONE)]), content_type=FORM, headers=AUTH)
    assert resp.status_code == 400
    assert count(client, G1) == 0


@pytest.mark.parametrize("ctype, name", [("application/sparql-query", "query"),
                                         ("application/sparql-update", "update")])
def test_an_operation_in_the_body_and_one_in_the_url_are_400(client, ctype, name):
    body = "ASK {}" if name == "query" else INSERT_ONE
    resp = client.post("/sparql?" + urllib.parse.urlencode({name: body}), data=body.encode(), content_type=ctype,
                       headers=AUTH)
    assert resp.status_code == 400
    assert count(client, G1) == 0


# --- the update's dataset ---------------------------------------------------------------------------------

@pytest.fixture
def two_graphs(client):
    """G1 holds one triple; the rest of the store holds the sample articles."""
    assert update(client, INSERT_ONE).status_code == 204
    return client


def test_using_graph_uri_is_the_default_graph_of_where(two_graphs):
    resp = update(two_graphs, COPY, **{"using-graph-uri": G1})
    assert resp.status_code == 204, resp.get_data(as_text=True)
    assert count(two_graphs, G2) == 1


def test_without_using_graph_uri_where_reads_the_whole_default_graph(two_graphs):
    """The control for the test above."""
    assert update(two_graphs, COPY).status_code == 204
    assert count(two_graphs, G2) > 1


def test_using_named_graph_uri_are_the_named_graphs_of_where(two_graphs):
    text = f"INSERT {{ GRAPH <{G3}> {{ ?s ?p ?g }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    resp = update(two_graphs, text, **{"using-named-graph-uri": G1})
    assert resp.status_code == 204, resp.get_data(as_text=True)
    rows = two_graphs.get("/sparql", query_string={"query": f"SELECT ?o WHERE {{ GRAPH <{G3}> {{ ?s ?p ?o }} }}"})
    assert [b["o"]["value"] for b in rows.get_json()["results"]["bindings"]] == [G1]


def test_using_graph_uri_applies_to_delete_where_and_every_operation(two_graphs):
    text = (f"PREFIX x: <urn:x:> DELETE WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }} ; "
            f"INSERT {{ GRAPH <{G2}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}")
    # with G1 as the default graph of both WHERE clauses, DELETE WHERE finds no GRAPH <G1> in it: nothing goes
    resp = update(two_graphs, text, **{"using-graph-uri": G1})
    assert resp.status_code == 204, resp.get_data(as_text=True)
    assert count(two_graphs, G1) == 1 and count(two_graphs, G2) == 1


@pytest.mark.parametrize("text", [
    f"INSERT {{ GRAPH <{G2}> {{ ?s ?p ?o }} }} USING <{G1}> WHERE {{ ?s ?p ?o }}",
    f"WITH <{G1}> INSERT {{ GRAPH <{G2}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}",
    f"INSERT DATA {{ GRAPH <{G3}> {{ <urn:x:a> <urn:x:b> 1 }} }} ; "
    f"insert {{ graph <{G2}> {{ ?s ?p ?o }} }} using named <{G1}> where {{ ?s ?p ?o }}",
])
def test_using_in_the_update_and_in_the_request_is_400(two_graphs, text):
    resp = update(two_graphs, text, **{"using-graph-uri": G1})
    assert resp.status_code == 400
    assert "USING" in resp.get_json()["error"]["message"] or "WITH" in resp.get_json()["error"]["message"]
    assert count(two_graphs, G2) == 0 and count(two_graphs, G3) == 0


def test_using_in_the_update_alone_still_works(two_graphs):
    resp = update(two_graphs, f"INSERT {{ GRAPH <{G2}> {{ ?s ?p ?o }} }} USING <{G1}> WHERE {{ ?s ?p ?o }}")
    assert resp.status_code == 204
    assert count(two_graphs, G2) == 1


# --- relative IRIs --------------------------------------------------------------------------------------

BASE = "https://w3id.org/esgraf/"


def test_relative_iris_in_a_query_resolve_against_the_base(client):
    resp = client.get("/sparql", query_string={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"},
                      headers={"Accept": "application/n-triples"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert resp.get_data(as_text=True).strip().startswith(f"<{BASE}s> <{BASE}p> ")


def test_relative_iris_in_an_update_resolve_against_the_base(client):
    resp = update(client, "INSERT DATA { GRAPH <g> { <a> <b> <c> } }")
    assert resp.status_code == 204, resp.get_data(as_text=True)
    ask = f"ASK {{ GRAPH <{BASE}g> {{ <{BASE}a> <{BASE}b> <{BASE}c> }} }}"
    assert client.get("/sparql", query_string={"query": ask}).get_json()["boolean"] is True


# --- a failed update says why ---------------------------------------------------------------------------

def test_create_graph_of_a_graph_that_exists_says_so(two_graphs):
    resp = update(two_graphs, f"CREATE GRAPH <{G1}>")
    assert resp.status_code == 500
    message = resp.get_json()["error"]["message"]
    assert "exist" in message and G1 in message
    assert update(two_graphs, f"CREATE SILENT GRAPH <{G1}>").status_code == 204
    assert count(two_graphs, G1) == 1
