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
SLOW = cartesian(300, 3)


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


# --- memory and each client's share ----------------------------------------------------------------------

#: sorting a cartesian product: memory grows with every row, long before the time limit
HUNGRY = ("SELECT ?c ?f WHERE { " + " ".join(f"VALUES ?v{i} {{ {' '.join(str(n) for n in range(300))} }}"
                                            for i in range(3)) + " BIND(?v0 AS ?c) BIND(?v1 + ?v2 AS ?f) } "
          "ORDER BY ?c ?f LIMIT 1")


def test_a_query_past_the_memory_limit_is_stopped_with_503(filled_store):
    if filled_store.backend != "oxigraph":
        pytest.skip("a SPARQL server's memory is its own: esgraf caps only its own query workers")
    app = create_app(make_settings(query_timeout=120.0, query_memory=300), filled_store)
    client = app.test_client()
    try:
        resp = client.get("/sparql", query_string={"query": HUNGRY})
        assert resp.status_code == 503, resp.get_data(as_text=True)
        assert "memory limit of 300 MiB" in resp.get_json()["error"]["message"]
        assert resp.headers["Retry-After"]
        # the worker was replaced: the next query is answered
        assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).get_json()["boolean"] is True
    finally:
        app.extensions["esgraf"].runner.close()


def test_one_client_cannot_take_every_worker(filled_store):
    """Two runaway queries from one client: the second is told 429 at once, and a cheap query from another
    client (another loopback address) is answered while the first runs."""
    import http.client
    import urllib.parse

    from tests.webapp.test_server import serve_in_thread

    if filled_store.backend != "oxigraph":
        pytest.skip("only the embedded store's workers are shared out; a SPARQL server queues by itself")
    app = create_app(make_settings(query_timeout=4.0), filled_store)
    runner = app.extensions["esgraf"].runner
    for _ in range(runner.pool.size):
        runner.pool.warm()
    url, stop = serve_in_thread(app)
    host = urllib.parse.urlparse(url).netloc
    path = "/sparql?" + urllib.parse.urlencode({"query": ENDLESS})
    greedy = [http.client.HTTPConnection(host, timeout=60) for _ in range(2)]
    try:
        greedy[0].request("GET", path)
        greedy[1].request("GET", path)
        second = greedy[1].getresponse()
        assert second.status == 429, second.read()
        assert second.headers["Retry-After"]
        other = http.client.HTTPConnection(host, timeout=10, source_address=("127.0.0.2", 0))
        other.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
        cheap = other.getresponse()
        assert cheap.status == 200 and b"true" in cheap.read()
        other.close()
        assert greedy[0].getresponse().status == 503  # the runaway one, stopped at the time limit
    finally:
        for conn in greedy:
            conn.close()
        stop()
        runner.close()
