"""The app under waitress, as ``esgraf serve`` runs it, driven by real SPARQL clients (SPARQLWrapper, rdflib's
SPARQLStore) over HTTP on 127.0.0.1, and the ``esgraf serve`` command itself."""
from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import waitress
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import JSON, POST, SPARQLWrapper, TURTLE

from bench.oxigraph_server import free_port
from graph.vocab import FOAF, sparql_prefixes
from tests.webapp.conftest import TOKEN, make_settings
from tests.webapp.test_limits import ENDLESS
from webapp import create_app

NAMES = sparql_prefixes(["foaf"]) + "SELECT ?name WHERE { ?p foaf:name ?name } ORDER BY ?name"


def serve_in_thread(app) -> tuple[str, callable]:
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True, name="esgraf-test-server")
    thread.start()

    def stop() -> None:
        server.close()
        thread.join(10)

    return f"http://127.0.0.1:{server.effective_port}", stop


@pytest.fixture
def live(app) -> Iterator[str]:
    url, stop = serve_in_thread(app)
    yield url
    stop()


def test_sparqlwrapper_select_ask_construct(live):
    w = SPARQLWrapper(f"{live}/sparql")
    w.setQuery(NAMES)
    w.setReturnFormat(JSON)
    rows = w.query().convert()["results"]["bindings"]
    assert [r["name"]["value"] for r in rows] == ["Dariusz Dąbrowski", "Piotr Babiarz"]

    w.setQuery("ASK { ?s a <http://xmlns.com/foaf/0.1/Person> }")
    assert w.query().convert()["boolean"] is True

    w.setQuery(sparql_prefixes(["foaf"]) + "CONSTRUCT WHERE { ?p foaf:name ?name }")
    w.setReturnFormat(TURTLE)
    g = Graph().parse(data=w.query().convert(), format="turtle")
    assert (URIRef("https://w3id.org/esgraf/person/piotr-babiarz"), FOAF.name, Literal("Piotr Babiarz")) in g


def test_sparqlwrapper_post_and_update(live):
    w = SPARQLWrapper(f"{live}/sparql", updateEndpoint=f"{live}/sparql")
    w.setMethod(POST)
    w.setQuery('INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> "z SPARQLWrapper" } }')
    with pytest.raises(Exception) as refused:
        w.query()
    assert "403" in str(refused.value)
    w.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    w.query()
    q = SPARQLWrapper(f"{live}/sparql")
    q.setMethod(POST)
    q.setReturnFormat(JSON)
    q.setQuery('ASK { <urn:x:s> <urn:x:p> "z SPARQLWrapper" }')
    assert q.query().convert()["boolean"] is True


def test_rdflib_sparqlstore(live):
    g = Graph(store=SPARQLStore(f"{live}/sparql", returnFormat="json"))
    names = sorted(str(r.name) for r in g.query(NAMES))
    assert names == ["Dariusz Dąbrowski", "Piotr Babiarz"]
    assert (URIRef("https://w3id.org/esgraf/person/piotr-babiarz"), FOAF.name, Literal("Piotr Babiarz")) in g
    xml = Graph(store=SPARQLStore(f"{live}/sparql", returnFormat="xml", method="POST"))
    assert sorted(str(r.name) for r in xml.query(NAMES)) == names


def test_rdflib_update_store(live):
    store = SPARQLUpdateStore(f"{live}/sparql", f"{live}/sparql", headers={"Authorization": f"Bearer {TOKEN}"})
    g = Graph(store=store, identifier=URIRef("urn:x:rdflib"))
    g.add((URIRef("urn:x:s"), URIRef("urn:x:p"), Literal("z rdflib")))
    check = Graph(store=SPARQLStore(f"{live}/sparql", returnFormat="json"))
    assert check.query('ASK { <urn:x:s> <urn:x:p> "z rdflib" }').askAnswer is True


def test_dump_over_http(live, filled_store):
    from rdflib import Dataset

    with urllib.request.urlopen(f"{live}/dump.nq", timeout=30) as resp:
        assert resp.headers["Content-Type"].startswith("application/n-quads")
        body = resp.read()
    ds = Dataset()
    ds.parse(data=body, format="nquads")
    assert sum(1 for _ in ds.quads()) == filled_store.count()


def test_other_requests_are_answered_while_a_query_runs_long(filled_store):
    app = create_app(make_settings(query_timeout=3.0), filled_store)
    url, stop = serve_in_thread(app)
    slow: dict[str, int] = {}

    def run_slow() -> None:
        try:
            urllib.request.urlopen(f"{url}/sparql?" + urllib.parse.urlencode({"query": ENDLESS}), timeout=60)
        except urllib.error.HTTPError as exc:
            slow["status"] = exc.code

    if filled_store.backend != "oxigraph":
        pytest.skip("a SPARQL server keeps running an abandoned query: only the embedded store stops it")
    try:
        thread = threading.Thread(target=run_slow)
        thread.start()
        for _ in range(3):
            with urllib.request.urlopen(f"{url}/person/piotr-babiarz.ttl", timeout=30) as resp:
                assert resp.status == 200
            # from another client: one client has only its share of the query workers
            conn = http.client.HTTPConnection(urllib.parse.urlparse(url).netloc, timeout=30,
                                              source_address=("127.0.0.2", 0))
            conn.request("GET", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D")
            assert conn.getresponse().status == 200
            conn.close()
        thread.join(60)
        assert slow["status"] == 503
    finally:
        stop()
        app.extensions["esgraf"].runner.close()



def test_esgraf_serve_loads_an_empty_store_and_answers(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Starosta starachowicki Piotr Babiarz spotkał się 17 maja 2024 r. z przedstawicielami Ośrodka Wsparcia "
        "Ekonomii Społecznej w Starachowicach.\n", encoding="utf-8")
    port = free_port()
    env = {**os.environ, "ESGRAF_ARTICLES": str(articles), "ESGRAF_QUERY_TIMEOUT": "20"}
    proc = subprocess.Popen([sys.executable, "-m", "esgraf.cli", "serve", "--store", str(tmp_path / "store"),
                             "--port", str(port), "--threads", "2"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stderr:  # bounded by the process: it either serves or exits
            lines.append(line)
            if "serving" in line or len(lines) > 200:
                break
        assert any("serving" in line for line in lines), "".join(lines)
        q = urllib.parse.urlencode({"query": "ASK { ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?a }"})
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?{q}", timeout=60) as resp:
            assert resp.status == 200
            assert b'"boolean":true' in resp.read().replace(b" ", b"")
        req = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Accept": "text/html"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            assert "Content-Security-Policy" in resp.headers
            assert b"esgraf" in resp.read()
        # a second server on the store in use says so in one line, not with the store's lock error
        second = subprocess.run([sys.executable, "-m", "esgraf.cli", "serve", "--store", str(tmp_path / "store"),
                                 "--port", str(free_port())], env=env, capture_output=True, text=True, timeout=120)
        assert second.returncode == 1
        assert second.stderr == f"esgraf: error: esgraf already serves this store ({tmp_path / 'store'})\n"
    finally:
        proc.terminate()
        proc.wait(30)
        proc.stderr.close()
