"""SparqlStore over HTTP: what it sends, how it retries, and how it reports a server that is down or says no.

Protocol details are checked against a small recording HTTP server on 127.0.0.1; recovery from a restart
against a private Oxigraph server.
"""
from __future__ import annotations

import base64
import json
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.iri import MINT
from graph.remote import ServerError, SparqlStore
from graph.store import QuerySyntaxError, StoreError, dump_bytes
from bench.oxigraph_server import OxigraphServer, free_port, oxigraph_binary


G1 = str(MINT.article_graph("a1"))
ROPS = MINT.entity("Organization", "rops-w-kielcach")
NAME = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
EMPTY_RESULTS = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": []}})
ONE_ROW = json.dumps({"head": {"vars": ["s", "name"]}, "results": {"bindings": [
    {"s": {"type": "uri", "value": str(ROPS)},
     "name": {"type": "literal", "value": "ROPS w Kielcach", "xml:lang": "pl"}}]}})


# -- a recording HTTP server -----------------------------------------------------------------------------------

@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(self.body.decode())


@dataclass
class Recorder:
    """Answers requests from a script of (status, content type, body) and records what it was sent."""

    url: str = ""
    answers: list[tuple[int, str, str]] = field(default_factory=list)
    default: tuple[int, str, str] = (204, "text/plain", "")
    seen: list[Seen] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def store(self, **kw: object) -> SparqlStore:
        args: dict[str, object] = {"update_url": self.url + "/update", "retries": 2, "backoff": 0.01, **kw}
        return SparqlStore(self.url + "/query", **args)


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    rec = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            rec.seen.append(Seen(self.command, self.path, dict(self.headers), body))
            status, ctype, payload = rec.answers.pop(0) if rec.answers else rec.default
            if status == 0:  # hang: the client's timeout must end the wait
                rec.release.wait(30)
                return
            data = payload.encode()
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    rec.url = f"http://127.0.0.1:{server.server_address[1]}"
    # a short poll interval: shutdown() waits for one poll
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield rec
    rec.release.set()
    server.shutdown()
    server.server_close()


# -- what goes over the wire -----------------------------------------------------------------------------------

def test_select_posts_the_query_and_reads_json_results(recorder: Recorder) -> None:
    recorder.answers = [(200, "application/sparql-results+json", ONE_ROW)]
    rows = recorder.store().select("SELECT ?s ?name WHERE { ?s ?p ?name }")
    assert rows == [{"s": ROPS, "name": Literal("ROPS w Kielcach", lang="pl")}]
    [req] = recorder.seen
    assert (req.method, req.path) == ("POST", "/query")
    assert req.form["query"] == ["SELECT ?s ?name WHERE { ?s ?p ?name }"]
    assert "application/sparql-results+json" in req.headers["Accept"]
    assert "Authorization" not in req.headers


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",  # a first keyword SPARQLWrapper does not guess
    "PREFIX x: <urn:x#>\nDROP SILENT GRAPH x:g",
])
def test_update_posts_sparql_update_to_the_update_url(recorder: Recorder, update: str) -> None:
    recorder.store().update(update)
    [req] = recorder.seen
    assert (req.method, req.path.split("?")[0]) == ("POST", "/update")
    assert req.headers["Content-Type"] == "application/sparql-update"
    assert req.body.decode() == update


def test_basic_auth_goes_with_every_request(recorder: Recorder, tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text(f"<{ROPS}> <{NAME}> \"ROPS\"@pl .\n", encoding="utf-8")
    recorder.answers = [(200, "application/sparql-results+json", EMPTY_RESULTS)]
    store = recorder.store(user="rops", password="zażółć:hasło", gsp_url=recorder.url + "/store")
    store.select("SELECT ?s WHERE { ?s ?p ?o }")
    store.update("DROP SILENT GRAPH <urn:g>")
    store.load_file(path, "ttl", graph=G1)
    expected = "Basic " + base64.b64encode("rops:zażółć:hasło".encode()).decode()
    # the load is a Graph Store POST and the update that copies it into the merged default graph
    assert [r.headers.get("Authorization") for r in recorder.seen] == [expected] * 4


def test_basic_auth_with_an_empty_password(recorder: Recorder) -> None:
    recorder.answers = [(200, "application/sparql-results+json", '{"head": {}, "boolean": true}')]
    assert recorder.store(user="czytelnik", password="").ask("ASK {}") is True
    assert recorder.seen[0].headers["Authorization"] == "Basic " + base64.b64encode(b"czytelnik:").decode()


def test_load_file_streams_to_the_graph_store(recorder: Recorder, tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text(f"<{ROPS}> <{NAME}> \"ROPS\"@pl .\n", encoding="utf-8")
    recorder.store(gsp_url=recorder.url + "/store").load_file(path, "ttl", graph=G1)
    req, copy = recorder.seen
    assert req.method == "POST"
    assert req.path == "/store?graph=" + urllib.parse.quote(G1, safe="")
    assert req.headers["Content-Type"] == "text/turtle"
    assert req.body == path.read_bytes()
    # then the merged default graph gets that graph's triples, in an update of its own
    assert copy.body.decode().startswith("INSERT { ?s ?p ?o } WHERE { GRAPH <" + G1 + ">")


def test_load_file_in_the_union_layout_writes_the_named_graph_only(recorder: Recorder, tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text(f"<{ROPS}> <{NAME}> \"ROPS\"@pl .\n", encoding="utf-8")
    recorder.store(gsp_url=recorder.url + "/store", default_graph="union").load_file(path, "ttl", graph=G1)
    assert [r.method for r in recorder.seen] == ["POST"]


def test_load_file_without_graph_store_inserts_in_batches(recorder: Recorder, tmp_path: Path) -> None:
    lines = [f"<{ROPS}> <urn:p{i}> \"{i}\" ." for i in range(7)] + ["_:x <urn:q> _:y .", "_:y <urn:q> \"y\" ."]
    path = tmp_path / "g.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = recorder.store()
    store.insert_batch = 3
    store.load_file(path, "nt", graph=G1)
    *bodies, copy = [r.body.decode() for r in recorder.seen]
    assert copy.startswith(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}>")
    assert all(b.startswith("INSERT DATA {") and f"GRAPH <{G1}>" in b for b in bodies)
    assert [b.count("<urn:p") for b in bodies] == [3, 3, 1, 0]
    # both blank-node triples in one request, so _:y stays one node
    assert "_:x <urn:q> _:y ." in bodies[-1] and '_:y <urn:q> "y" .' in bodies[-1]


# -- errors and retries ----------------------------------------------------------------------------------------

def test_closed_port_fails_after_bounded_retries() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    store = SparqlStore(url, retries=2, backoff=0.01)
    with pytest.raises(StoreError, match="after 3 attempts") as exc:
        store.count()
    assert url in str(exc.value)
    assert isinstance(exc.value, ServerError) and exc.value.status is None


def test_server_errors_are_retried_then_succeed(recorder: Recorder) -> None:
    recorder.answers = [(503, "text/plain", "busy"), (502, "text/plain", "bad gateway"),
                        (200, "application/sparql-results+json", ONE_ROW)]
    rows = recorder.store().select("SELECT ?s ?name WHERE { ?s ?p ?name }")
    assert rows[0]["s"] == ROPS
    assert len(recorder.seen) == 3


def test_server_errors_give_up_after_the_last_retry(recorder: Recorder) -> None:
    recorder.default = (500, "text/plain", "RocksDB is on fire")
    with pytest.raises(ServerError) as exc:
        recorder.store(retries=3).ask("ASK {}")
    assert len(recorder.seen) == 4
    assert exc.value.status == 500
    assert recorder.url + "/query" in str(exc.value) and "RocksDB is on fire" in str(exc.value)


def test_bad_query_is_a_syntax_error_with_the_server_message(recorder: Recorder) -> None:
    recorder.answers = [(400, "text/plain", "error at 1:10: expected '{'")]
    with pytest.raises(QuerySyntaxError, match=r"^error at 1:10: expected '\{'$"):
        recorder.store().select("SELECT ?s")
    assert len(recorder.seen) == 1  # a client error is not retried


@pytest.mark.parametrize("status, message", [(401, "log in first"), (403, "read-only endpoint"),
                                             (404, "no such dataset"), (413, "too large")])
def test_client_errors_are_store_errors_with_the_server_message(recorder: Recorder, status: int,
                                                                message: str) -> None:
    recorder.answers = [(status, "text/plain", message)]
    with pytest.raises(ServerError) as exc:
        recorder.store().update("DROP ALL")
    assert not isinstance(exc.value, QuerySyntaxError)
    assert exc.value.status == status
    assert message in str(exc.value) and recorder.url + "/update" in str(exc.value)
    assert len(recorder.seen) == 1


def test_rejected_file_is_a_store_error_naming_the_file(recorder: Recorder, tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    recorder.answers = [(400, "text/plain", "Parser error at line 1")]
    with pytest.raises(StoreError) as exc:
        recorder.store(gsp_url=recorder.url + "/store").load_file(path, "ttl", graph=G1)
    assert not isinstance(exc.value, QuerySyntaxError)
    assert str(path) in str(exc.value) and "Parser error at line 1" in str(exc.value)


def test_a_server_that_does_not_answer_times_out_once(recorder: Recorder) -> None:
    recorder.answers = [(0, "", "")]
    with pytest.raises(ServerError, match="did not answer within 0.2 s"):
        recorder.store(timeout=0.2).select("SELECT * WHERE { ?s ?p ?o }")
    assert len(recorder.seen) == 1


# -- a real server: restarts, and the paths without the Graph Store Protocol -----------------------------------

@pytest.fixture
def private_server(tmp_path: Path) -> Iterator[OxigraphServer]:
    if oxigraph_binary() is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    server = OxigraphServer(tmp_path / "oxigraph")
    with server:
        yield server


@pytest.mark.server
def test_store_recovers_after_a_server_restart(private_server: OxigraphServer, tmp_path: Path) -> None:
    store = private_server.store(retries=1, backoff=0.01)
    store.replace_graphs({G1: [(ROPS, NAME, Literal("ROPS", lang="pl"))]})
    private_server.stop()
    with pytest.raises(StoreError, match="after 2 attempts") as exc:
        store.count()
    assert private_server.query_url in str(exc.value)

    private_server.start()  # same port, same data folder
    path = tmp_path / "more.ttl"
    path.write_text(f"<{ROPS}> <{NAME}> \"Regionalny Ośrodek Polityki Społecznej\"@pl .\n", encoding="utf-8")
    store.load_file(path, "ttl", graph=str(MINT.article_graph("a2")))
    assert store.count() == 2  # what was stored before the restart is still there
    assert store.named_graphs() == sorted([G1, str(MINT.article_graph("a2"))])


TRIG = f"""
<{G1}> {{
    <{ROPS}> <{NAME}> "Regionalny Ośrodek Polityki Społecznej w Kielcach"@pl ;
        <https://schema.org/address> _:adres ;
        <http://purl.org/dc/terms/date> "2024-05-17"^^<http://www.w3.org/2001/XMLSchema#date> .
    _:adres <https://schema.org/addressLocality> "Kielce" ; <https://schema.org/streetAddress> "ul. Witosa 86" .
}}
<{MINT.meta_graph}> {{ <{G1}> <http://purl.org/dc/terms/source> <{MINT.article("a1")}> . }}
"""


@pytest.mark.server
@pytest.mark.parametrize("gsp", [True, False], ids=["graph-store", "sparql-only"])
def test_load_and_dump_with_and_without_the_graph_store(oxigraph_server: OxigraphServer, tmp_path: Path,
                                                        gsp: bool) -> None:
    store = oxigraph_server.store(gsp_url=oxigraph_server.gsp_url if gsp else None)
    store.insert_batch = 2  # several INSERT DATA requests even for this small file
    store.update("DROP ALL")
    path = tmp_path / "in.trig"
    path.write_text(TRIG, encoding="utf-8")
    store.load_file(path, "trig")

    expected = Dataset()
    expected.parse(data=TRIG, format="trig")
    got = Dataset()
    got.parse(data=dump_bytes(store, "trig"), format="trig")
    for name in (G1, str(MINT.meta_graph)):
        assert isomorphic(got.graph(URIRef(name)), expected.graph(URIRef(name))), name
    assert store.count() == 6

    one = Graph().parse(data=dump_bytes(store, "ttl", graph=G1), format="turtle")
    assert isomorphic(one, expected.graph(URIRef(G1)))
    [address] = [o for o in one.objects(ROPS, URIRef("https://schema.org/address"))]
    assert isinstance(address, BNode) and len(list(one.predicate_objects(address))) == 2


@pytest.mark.server
def test_the_union_layout_on_a_server_that_shows_the_union(tmp_path: Path) -> None:
    if oxigraph_binary() is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    with OxigraphServer(tmp_path / "union", union=True) as server:
        store = server.store()
        assert not store.merged_default
        name = (ROPS, NAME, Literal("ROPS", lang="pl"))
        store.replace_graphs({G1: [name], str(MINT.article_graph("a2")): [name]})
        # esgraf wrote the named graphs only: the server's union shows the fact once per graph
        assert len(store.select(f"SELECT ?n WHERE {{ <{ROPS}> <{NAME}> ?n }}")) == 2
        assert store.count() == 2
        store.replace_graphs({G1: [], str(MINT.article_graph("a2")): []})
        assert not store.ask("ASK { ?s ?p ?o }")


def test_an_unknown_default_graph_layout_is_refused() -> None:
    with pytest.raises(StoreError, match="unknown default graph layout 'both'"):
        SparqlStore("http://127.0.0.1:9/query", default_graph="both")
