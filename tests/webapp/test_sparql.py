"""The SPARQL 1.1 Protocol at /sparql, on both backends: methods, formats, errors, updates, CORS and the
service description."""
from __future__ import annotations

import csv
import io
import json
import urllib.parse

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.vocab import sparql_prefixes
from tests.webapp.conftest import TOKEN

BABIARZ = "https://w3id.org/esgraf/person/piotr-babiarz"
SELECT = sparql_prefixes(["foaf"]) + "SELECT ?p ?name WHERE { ?p foaf:name ?name } ORDER BY ?name"
ASK = f"ASK {{ <{BABIARZ}> ?p ?o }}"
CONSTRUCT = sparql_prefixes(["foaf"]) + "CONSTRUCT { ?p foaf:name ?name } WHERE { ?p foaf:name ?name }"
NAMES = ["Dariusz Dąbrowski", "Piotr Babiarz"]
FORM = "application/x-www-form-urlencoded"


def names_of(resp) -> list[str]:
    return [b["name"]["value"] for b in resp.get_json()["results"]["bindings"]]


def test_get_select_json(client):
    resp = client.get("/sparql", query_string={"query": SELECT})
    assert resp.status_code == 200
    assert resp.mimetype == "application/sparql-results+json"
    assert resp.get_json()["head"]["vars"] == ["p", "name"]
    assert names_of(resp) == NAMES


@pytest.mark.parametrize("how", ["form", "direct"])
def test_post_select(client, how):
    if how == "form":
        resp = client.post("/sparql", data={"query": SELECT}, content_type=FORM)
    else:
        resp = client.post("/sparql", data=SELECT.encode(), content_type="application/sparql-query")
    assert resp.status_code == 200
    assert names_of(resp) == NAMES


@pytest.mark.parametrize("accept, mimetype", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("*/*", "application/sparql-results+json"),
    (None, "application/sparql-results+json"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
])
def test_select_negotiation(client, accept, mimetype):
    headers = {"Accept": accept} if accept else {}
    resp = client.get("/sparql", query_string={"query": SELECT}, headers=headers)
    assert resp.status_code == 200
    assert resp.mimetype == mimetype
    body = resp.get_data(as_text=True)
    assert "Dariusz Dąbrowski" in body and "Piotr Babiarz" in body


def test_csv_and_tsv_rows(client):
    resp = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(resp.get_data(as_text=True))))
    assert rows[0] == ["p", "name"]
    assert [r[1] for r in rows[1:]] == NAMES
    resp = client.get("/sparql", query_string={"query": SELECT, "format": "tsv"})
    lines = resp.get_data(as_text=True).splitlines()
    assert lines[0] == "?p\t?name"
    assert lines[2].endswith('\t"Piotr Babiarz"')


@pytest.mark.parametrize("fmt, mimetype", [("xml", "application/sparql-results+xml"), ("csv", "text/csv"),
                                           ("json", "application/sparql-results+json")])
def test_format_parameter_overrides_accept(client, fmt, mimetype):
    resp = client.get("/sparql", query_string={"query": SELECT, "format": fmt}, headers={"Accept": "text/csv"})
    assert resp.mimetype == mimetype


@pytest.mark.parametrize("accept, expected", [(None, True), ("application/sparql-results+xml", True)])
def test_ask(client, accept, expected):
    headers = {"Accept": accept} if accept else {}
    resp = client.get("/sparql", query_string={"query": ASK}, headers=headers)
    assert resp.status_code == 200
    if accept is None:
        assert resp.get_json() == {"head": {}, "boolean": expected}
    else:
        assert "<boolean>true</boolean>" in resp.get_data(as_text=True)


def expected_names_graph() -> Graph:
    g = Graph()
    foaf = URIRef("http://xmlns.com/foaf/0.1/name")
    g.add((URIRef(BABIARZ), foaf, Literal("Piotr Babiarz")))
    g.add((URIRef("https://w3id.org/esgraf/person/dariusz-dabrowski"), foaf, Literal("Dariusz Dąbrowski")))
    return g


@pytest.mark.parametrize("accept, mimetype, rdflib_format", [
    (None, "text/turtle", "turtle"),
    ("*/*", "text/turtle", "turtle"),
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/trig", "application/trig", "trig"),
    ("application/n-quads", "application/n-quads", "nquads"),
])
def test_construct_negotiation(client, accept, mimetype, rdflib_format):
    headers = {"Accept": accept} if accept else {}
    resp = client.get("/sparql", query_string={"query": CONSTRUCT}, headers=headers)
    assert resp.status_code == 200
    assert resp.mimetype == mimetype
    g = Graph()
    if rdflib_format in ("trig", "nquads"):
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=resp.get_data(), format=rdflib_format)
        for s, p, o, _ in ds.quads():
            g.add((s, p, o))
    else:
        g.parse(data=resp.get_data(), format=rdflib_format)
    assert isomorphic(g, expected_names_graph())


def test_describe(client):
    resp = client.get("/sparql", query_string={"query": f"DESCRIBE <{BABIARZ}>"})
    g = Graph().parse(data=resp.get_data(), format="turtle")
    assert (URIRef(BABIARZ), URIRef("http://xmlns.com/foaf/0.1/name"), Literal("Piotr Babiarz")) in g


@pytest.mark.parametrize("query, accept", [(SELECT, "text/turtle"), (CONSTRUCT, "text/csv"),
                                           (SELECT, "image/png")])
def test_not_acceptable(client, query, accept):
    resp = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert resp.status_code == 406
    assert resp.get_json()["error"]["status"] == 406


@pytest.mark.parametrize("bad", ["SELECT ?x WHERE { ?x ?y }", "SELEKT * WHERE { ?s ?p ?o }", "PREFIX"])
def test_bad_query_is_400_with_the_parser_message(client, bad):
    resp = client.get("/sparql", query_string={"query": bad})
    assert resp.status_code == 400
    error = resp.get_json()["error"]
    assert error["status"] == 400
    assert error["message"].startswith("the query does not parse:") and len(error["message"]) > 26


def test_empty_query_is_400(client):
    assert client.get("/sparql", query_string={"query": "  "}).status_code == 400


def test_unsupported_body_type_is_415(client):
    assert client.post("/sparql", data=b"x", content_type="image/png").status_code == 415


def test_browser_without_query_goes_to_the_editor(client):
    resp = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith("/query")


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                         (None, "turtle")])
def test_service_description(client, accept, fmt):
    headers = {"Accept": accept} if accept else {}
    resp = client.get("/sparql", headers=headers)
    assert resp.status_code == 200
    g = Graph().parse(data=resp.get_data(), format=fmt)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service = next(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(sd + "Service")))
    assert str(next(g.objects(service, URIRef(sd + "endpoint")))) == "http://localhost/sparql"
    languages = set(g.objects(service, URIRef(sd + "supportedLanguage")))
    assert {URIRef(sd + "SPARQL11Query"), URIRef(sd + "SPARQL11Update")} <= languages
    formats = set(g.objects(service, URIRef(sd + "resultFormat")))
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
    names = {str(o) for o in g.objects(None, URIRef(sd + "name"))}
    assert "https://w3id.org/esgraf/graph/meta" in names


def test_cors_on_get_post_and_preflight(client):
    resp = client.get("/sparql", query_string={"query": ASK}, headers={"Origin": "http://elsewhere.example"})
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-Esgraf-Truncated" in resp.headers["Access-Control-Expose-Headers"]
    resp = client.post("/sparql", data={"query": ASK}, content_type=FORM)
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
    resp = client.options("/sparql", headers={"Origin": "http://elsewhere.example",
                                               "Access-Control-Request-Method": "POST",
                                               "Access-Control-Request-Headers": "content-type"})
    assert resp.status_code == 200
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in resp.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in resp.headers["Access-Control-Allow-Headers"]


# --- updates ------------------------------------------------------------------------------------------

INSERT = 'INSERT DATA { GRAPH <https://w3id.org/esgraf/graph/extra> { <urn:x:a> <urn:x:p> "nowy" } }'
CHECK = 'ASK { <urn:x:a> <urn:x:p> "nowy" }'


def asked(client, query: str) -> bool:
    return client.get("/sparql", query_string={"query": query}).get_json()["boolean"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
@pytest.mark.parametrize("how", ["form", "direct"])
def test_update_without_the_token_is_403(client, headers, how):
    if how == "form":
        resp = client.post("/sparql", data={"update": INSERT}, content_type=FORM, headers=headers)
    else:
        resp = client.post("/sparql", data=INSERT.encode(), content_type="application/sparql-update",
                           headers=headers)
    assert resp.status_code == 403
    assert not asked(client, CHECK)


@pytest.mark.parametrize("how", ["form", "direct"])
def test_update_with_the_token(client, how):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert not asked(client, CHECK)
    if how == "form":
        resp = client.post("/sparql", data={"update": INSERT}, content_type=FORM, headers=auth)
    else:
        resp = client.post("/sparql", data=INSERT.encode(), content_type="application/sparql-update",
                           headers=auth)
    assert resp.status_code == 204
    assert asked(client, CHECK)


def test_update_refreshes_search(client):
    label = 'INSERT DATA { GRAPH <https://w3id.org/esgraf/graph/extra> { ' \
            '<https://w3id.org/esgraf/person/zofia-nowak> <http://www.w3.org/2000/01/rdf-schema#label> ' \
            '"Zofia Nowak"@pl } }'
    assert client.get("/search", query_string={"q": "Nowak", "format": "json"}).get_json()["results"] == []
    client.post("/sparql", data={"update": label}, headers={"Authorization": f"Bearer {TOKEN}"})
    hits = client.get("/search", query_string={"q": "Nowakowej", "format": "json"}).get_json()["results"]
    assert [h["label"] for h in hits] == ["Zofia Nowak"]


def test_update_is_refused_when_no_token_is_configured(filled_store):
    from tests.webapp.conftest import make_settings
    from webapp import create_app

    app = create_app(make_settings(write_token=""), filled_store)
    resp = app.test_client().post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer "})
    assert resp.status_code == 403
    assert "read-only" in resp.get_json()["error"]["message"]
    app.extensions["esgraf"].runner.close()


def test_bad_update_is_400(client):
    resp = client.post("/sparql", data={"update": "INSERT DATA { nonsense"},
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 400


def test_update_by_get_is_refused(client):
    assert client.get("/sparql", query_string={"update": INSERT}).status_code == 405
    assert not asked(client, CHECK)


def test_dataset_parameters(client, filled_store):
    """default-graph-uri and named-graph-uri on both backends: pyoxigraph takes them as they are, a SPARQL
    server gets them written into the query as FROM and FROM NAMED."""
    meta = "https://w3id.org/esgraf/graph/meta"
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    resp = client.get("/sparql?" + urllib.parse.urlencode({"query": q, "default-graph-uri": meta}))
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert int(resp.get_json()["results"]["bindings"][0]["n"]["value"]) == filled_store.count(meta)
    q = "SELECT DISTINCT ?g FROM <urn:x:ignored> WHERE { GRAPH ?g { ?s ?p ?o } }"
    resp = client.post("/sparql", data={"query": q, "named-graph-uri": meta})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert [b["g"]["value"] for b in resp.get_json()["results"]["bindings"]] == [meta]


def test_json_error_shape_and_html_error_page(client):
    resp = client.get("/sparql", query_string={"query": "nonsense"}, headers={"Accept": "application/json"})
    assert set(resp.get_json()) == {"error"}
    assert set(resp.get_json()["error"]) == {"status", "message"}
    resp = client.get("/person/nobody-at-all", headers={"Accept": "text/html"})
    assert resp.status_code == 404 and resp.mimetype == "text/html"
    assert "404" in resp.get_data(as_text=True)
    resp = client.get("/person/nobody-at-all", headers={"Accept": "application/json"})
    assert resp.status_code == 404
    assert json.loads(resp.get_data())["error"]["status"] == 404


def test_unknown_format_parameter_is_406(client):
    resp = client.get("/sparql", query_string={"query": SELECT, "format": "yaml"})
    assert resp.status_code == 406


def test_body_over_the_limit_is_413(filled_store):
    from tests.webapp.conftest import make_settings
    from webapp import create_app

    app = create_app(make_settings(max_body=200), filled_store)
    long_query = SELECT + "#" + "x" * 500
    resp = app.test_client().post("/sparql", data=long_query.encode(), content_type="application/sparql-query")
    assert resp.status_code == 413
    assert resp.get_json()["error"]["status"] == 413
    app.extensions["esgraf"].runner.close()
