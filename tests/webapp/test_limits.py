"""The time limit and the row cap: a slow query is stopped and answered 503 while the server goes on; rows
beyond the cap are cut and the cut is flagged."""
from __future__ import annotations

import pytest

from graph.store import OxigraphStore
from tests.webapp.conftest import fill, make_settings
from webapp import create_app


def cartesian(values: int, repeats: int) -> str:
    """A query whose work is values ** repeats rows, whatever the data."""
    vals = " ".join(str(i) for i in range(values))
    return "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"VALUES ?v{i} {{ {vals} }}" for i in range(repeats)) + " }"


#: far too long to finish: the embedded store's worker process is killed
ENDLESS = cartesian(1000, 5)
#: a few seconds: a thread (in-memory store, SPARQL server) cannot be stopped, so keep it finite
SLOW = cartesian(200, 3)


@pytest.fixture
def limited(filled_store):
    app = create_app(make_settings(query_timeout=0.5, max_rows=5), filled_store)
    yield app.test_client()
    app.extensions["esgraf"].runner.close()


def test_slow_query_is_stopped_and_the_server_goes_on(limited, filled_store):
    query = ENDLESS if filled_store.backend == "oxigraph" else SLOW
    resp = limited.get("/sparql", query_string={"query": query})
    assert resp.status_code == 503
    assert resp.get_json()["error"]["message"] == "the query hit the time limit of 0.5 s and was stopped"
    # the next query is answered (the stopped worker was replaced)
    resp = limited.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert resp.status_code == 200 and resp.get_json()["boolean"] is True


def test_slow_query_on_an_in_memory_store():
    app = create_app(make_settings(query_timeout=0.5), fill(OxigraphStore()))
    client = app.test_client()
    resp = client.get("/sparql", query_string={"query": SLOW})
    assert resp.status_code == 503
    assert "time limit of 0.5 s" in resp.get_json()["error"]["message"]
    assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_rows_are_cut_and_flagged(limited, fmt):
    resp = limited.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }", "format": fmt})
    assert resp.status_code == 200
    assert resp.headers["X-Esgraf-Truncated"] == "true"
    assert resp.headers["X-Esgraf-Row-Limit"] == "5"
    assert "cut to the first 5 rows" in resp.headers["Warning"]
    body = resp.get_data(as_text=True)
    if fmt == "json":
        assert len(resp.get_json()["results"]["bindings"]) == 5
    elif fmt == "xml":
        assert body.count("<result>") == 5
    else:
        assert len(body.strip().splitlines()) == 6  # header + 5 rows


def test_triples_are_cut_too(limited):
    from rdflib import Graph

    resp = limited.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                       headers={"Accept": "application/n-triples"})
    assert resp.headers["X-Esgraf-Truncated"] == "true"
    assert len(Graph().parse(data=resp.get_data(), format="nt")) == 5


def test_small_answers_are_not_flagged(limited):
    resp = limited.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
    assert "X-Esgraf-Truncated" not in resp.headers
    assert len(resp.get_json()["results"]["bindings"]) == 5
