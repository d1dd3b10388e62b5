"""esgraf as a public web service under hostile requests: writes need the token, bodies are size-limited, no
route reads a file named by the client, queries fetch nothing from elsewhere, expensive queries are stopped or
cut while cheap ones go on, every page carries the security headers, the app never runs in debug mode, and
names that look like markup or SPARQL are stored as the text they are."""
from __future__ import annotations

import base64
import http.client
import http.server
import json
import select
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.settings import Settings
from graph.store import OxigraphStore, Store
from graph.vocab import FOAF, SKOS
from tests.webapp.conftest import TOKEN, fill, make_settings
from tests.webapp.test_pages import PAGES
from tests.webapp.test_server import serve_in_thread
from webapp import create_app

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
INSERT = 'INSERT DATA { GRAPH <urn:x:evil> { <urn:x:s> <urn:x:p> "written" } }'
TURTLE = b'<urn:x:s> <urn:x:p> "written" .'
META = "https://w3id.org/esgraf/graph/meta"

#: every way to write: (method, path, query string, body, content type)
WRITES = {
    "update-form": ("POST", "/sparql", {}, urllib.parse.urlencode({"update": INSERT}).encode(),
                    "application/x-www-form-urlencoded"),
    "update-direct": ("POST", "/sparql", {}, INSERT.encode(), "application/sparql-update"),
    "update-drop": ("POST", "/sparql", {}, b"DROP ALL", "application/sparql-update"),
    "gsp-put": ("PUT", "/sparql/store", {"graph": "urn:x:evil"}, TURTLE, "text/turtle"),
    "gsp-post": ("POST", "/store", {"graph": "urn:x:evil"}, TURTLE, "text/turtle"),
    "gsp-put-default": ("PUT", "/store", {"default": ""}, TURTLE, "text/turtle"),
    "gsp-delete": ("DELETE", "/store", {"graph": META}, b"", None),
}
#: Authorization headers that must not write: none, a wrong token of the same length, the token without its
#: scheme, the token as a basic-auth password, the token with a changed last character
WRONG_AUTH = [None, "Bearer " + "x" * len(TOKEN), TOKEN, "Basic " + base64.b64encode(f"esgraf:{TOKEN}".encode()).decode(),
              "Bearer " + TOKEN[:-1] + chr(ord(TOKEN[-1]) + 1), "Bearer " + TOKEN + "x", "Bearer "]


def send(client, name: str, auth: str | None = None):
    method, path, query, body, ctype = WRITES[name]
    headers = {"Authorization": auth} if auth is not None else {}
    return client.open(path, method=method, query_string=query, data=body, content_type=ctype, headers=headers)


@pytest.mark.parametrize("name", list(WRITES))
def test_writes_without_the_right_token_are_403_and_change_nothing(client, filled_store, name):
    before = filled_store.count()
    for auth in WRONG_AUTH:
        resp = send(client, name, auth)
        assert resp.status_code == 403, (auth, resp.get_data(as_text=True))
        assert resp.get_json()["error"]["status"] == 403
    assert filled_store.count() == before


@pytest.mark.parametrize("name", list(WRITES))
def test_with_no_token_configured_nothing_writes(filled_store, name):
    app = create_app(make_settings(write_token=""), filled_store)
    client = app.test_client()
    before = filled_store.count()
    try:
        for auth in ("Bearer ", "Bearer  ", f"Bearer {TOKEN}", "Bearer anything"):
            resp = send(client, name, auth)
            assert resp.status_code == 403, auth
            assert "read-only" in resp.get_json()["error"]["message"]
        assert filled_store.count() == before
    finally:
        app.extensions["esgraf"].runner.close()


def test_the_right_token_writes(client, filled_store):
    """The control for the two tests above: the same requests with the token do write."""
    before = filled_store.count()
    assert send(client, "gsp-put", f"Bearer {TOKEN}").status_code == 201
    assert filled_store.count() == before + 1


# --- request size -----------------------------------------------------------------------------------------

LIMIT = 300
BIG = "SELECT * WHERE { ?s ?p ?o } #" + "x" * LIMIT
BIG_TURTLE = b"".join(b'<urn:x:s> <urn:x:p> "%d" .\n' % i for i in range(40))
OVERSIZED = {
    "query-direct": ("POST", "/sparql", {}, BIG.encode(), "application/sparql-query", None),
    "query-form": ("POST", "/sparql", {}, urllib.parse.urlencode({"query": BIG}).encode(),
                   "application/x-www-form-urlencoded", None),
    "update-direct": ("POST", "/sparql", {}, (INSERT + " #" + "x" * LIMIT).encode(), "application/sparql-update",
                      TOKEN),
    "gsp-put": ("PUT", "/store", {"graph": "urn:x:evil"}, BIG_TURTLE, "text/turtle", TOKEN),
    "gsp-post": ("POST", "/sparql/store", {"graph": "urn:x:evil"}, BIG_TURTLE, "text/turtle", TOKEN),
}


@pytest.fixture
def small_bodies(filled_store: Store) -> Iterator[object]:
    app = create_app(make_settings(max_body=LIMIT), filled_store)
    yield app
    app.extensions["esgraf"].runner.close()


@pytest.mark.parametrize("name", list(OVERSIZED))
def test_bodies_over_the_limit_are_413(small_bodies, filled_store, name):
    method, path, query, body, ctype, token = OVERSIZED[name]
    assert len(body) > LIMIT
    before = filled_store.count()
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    resp = small_bodies.test_client().open(path, method=method, query_string=query, data=body,
                                           content_type=ctype, headers=headers)
    assert resp.status_code == 413
    assert resp.get_json()["error"]["status"] == 413
    assert filled_store.count() == before


def test_a_chunked_body_without_length_is_limited_too(small_bodies, filled_store):
    """A body sent in chunks has no Content-Length to check up front: it is cut off at the limit as it is read."""
    url, stop = serve_in_thread(small_bodies)
    before = filled_store.count()
    try:
        conn = http.client.HTTPConnection(urllib.parse.urlparse(url).netloc, timeout=30)
        chunks = iter([BIG_TURTLE] * 4)
        conn.request("PUT", "/store?graph=urn%3Ax%3Aevil", body=chunks, encode_chunked=True,
                     headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"})
        resp = conn.getresponse()
        assert resp.status == 413
        resp.read()
        conn.close()
    finally:
        stop()
    assert filled_store.count() == before


# --- no file access by a user-given path ----------------------------------------------------------------------

TRAVERSALS = [
    "/person/..%2f..%2f..%2fetc%2fpasswd", "/person/../../../etc/passwd", "/article/..%2F..%2Fetc%2Fpasswd.ttl",
    "/organization/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/concept/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/network/ego/../../etc/passwd", "/network/ego/..%2f..%2f..%2fetc%2fpasswd",
    "/network/ego/person/..%2f..%2f..%2fetc%2fpasswd?format=json", "/network/ego/../../etc/passwd?format=json",
    "/network/download/..%2f..%2f..%2fetc%2fpasswd", "/static/../../../../../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd", "/static/vendor/yasgui/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/../../../etc/passwd", "/dump.trig/../../etc/passwd",
    "/ontology/..%2f..%2fetc%2fpasswd", "/store?graph=file%3A%2F%2F%2Fetc%2Fpasswd",
]
#: routes that ignore or refuse the path-like parameter but may answer 200 with their own data
HARMLESS = ["/dump.trig?graph=file:///etc/passwd", "/dump.nq?file=/etc/passwd",
            "/query/config.json?data_dir=/etc", "/network/data.json?county=..%2f..%2fetc%2fpasswd",
            "/sparql?query=SELECT%20*%20FROM%20%3Cfile%3A%2F%2F%2Fetc%2Fpasswd%3E%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D",
            "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D&default-graph-uri=file%3A%2F%2F%2Fetc%2Fpasswd"]


def raw_get(url: str, path: str, accept: str = "text/html") -> tuple[int, bytes]:
    """GET ``path`` exactly as written: no client-side normalisation of ``..`` or of escapes."""
    conn = http.client.HTTPConnection(urllib.parse.urlparse(url).netloc, timeout=60)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.putheader("Accept", accept)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def raw_headers(url: str, path: str) -> http.client.HTTPMessage:
    conn = http.client.HTTPConnection(urllib.parse.urlparse(url).netloc, timeout=60)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        resp.read()
        return resp.headers
    finally:
        conn.close()


@pytest.fixture(scope="module")
def memory_site() -> Iterator[str]:
    app = create_app(make_settings(), fill(OxigraphStore()))
    url, stop = serve_in_thread(app)
    yield url
    stop()


@pytest.mark.parametrize("path", TRAVERSALS)
@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_paths_never_reach_files(memory_site, path, accept):
    status, body = raw_get(memory_site, path, accept)
    if status == 308:  # "//" merged into "/": follow it once, on this server
        location = urllib.parse.urlparse(raw_headers(memory_site, path)["Location"])
        assert location.netloc in ("", urllib.parse.urlparse(memory_site).netloc)
        status, body = raw_get(memory_site, location.path, accept)
    assert status in (400, 404), (path, status)
    assert b"root:" not in body


@pytest.mark.parametrize("path", HARMLESS)
def test_path_like_parameters_are_not_files(memory_site, path):
    status, body = raw_get(memory_site, path, "application/json")
    assert status in (200, 400), (path, status)
    assert b"root:" not in body


# --- queries and updates fetch nothing ------------------------------------------------------------------------

@pytest.fixture
def canary() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request: a store that fetches a URL shows up here."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            seen.append(f"{self.command} {self.path}")
            body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"root:x:0:0"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


REMOTE_QUERIES = [
    "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "select * where {{ ?a ?b ?c .service silent <{url}/sparql>{{ ?s ?p ?o }} }} LIMIT 1",
    "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}/x> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ BIND(<{url}/sparql> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    # an escaped # inside a prefixed name is no comment: the SERVICE after it is real
    "PREFIX ex: <http://e/> SELECT * WHERE {{ VALUES ?v {{ ex:a\\# }} SERVICE <{url}/x> {{ ?x ?y ?z }} }}",
]


@pytest.mark.parametrize("template", REMOTE_QUERIES)
def test_service_is_refused_and_nothing_is_fetched(client, canary, template):
    url, seen = canary
    query = template.format(url=url)
    for resp in (client.get("/sparql", query_string={"query": query}),
                 client.post("/sparql", data={"query": query}),
                 client.post("/sparql", data=query.encode(), content_type="application/sparql-query")):
        assert resp.status_code == 400
        message = resp.get_json()["error"]["message"]
        assert "SERVICE" in message or "does not parse" in message
        assert b"root:" not in resp.get_data()
    assert seen == []


@pytest.mark.parametrize("template", [
    "LOAD <file:///etc/passwd>", "LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:x:evil>",
    "LOAD <{url}/data.ttl>", "load<{url}/data.ttl> into graph <urn:x:evil>",
    "INSERT {{ GRAPH <urn:x:evil> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "PREFIX ex: <http://e/> INSERT DATA {{ GRAPH <urn:x:evil> {{ ex:a ex:b ex:c\\# }} }} ; LOAD SILENT <{url}/x>",
])
def test_load_and_service_updates_are_refused(client, filled_store, canary, template):
    url, seen = canary
    update = template.format(url=url)
    before = filled_store.count()
    resp = client.post("/sparql", data=update.encode(), content_type="application/sparql-update")
    assert resp.status_code == 403  # no token: refused before anything else
    resp = client.post("/sparql", data={"update": update}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 400
    assert b"root:" not in resp.get_data()
    assert filled_store.count() == before
    assert client.get("/store", query_string={"graph": "urn:x:evil"}).status_code == 404
    assert seen == []


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?service ?p "SERVICE <http://example.org/> LOAD" } # SERVICE <http://example.org/>',
    "PREFIX service: <http://example.org/service#> SELECT * WHERE { ?s service:load ?o }",
    "SELECT * WHERE { <http://example.org/SERVICE/LOAD> ?p ?o }",
])
def test_the_words_alone_are_no_service(client, query):
    assert client.get("/sparql", query_string={"query": query}).status_code == 200


# --- expensive queries on a running server ---------------------------------------------------------------

def cartesian_count(patterns: int) -> str:
    return "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(patterns)) + " }"


def values(var: str, n: int) -> str:
    return f"VALUES ?{var} {{ " + " ".join(str(i) for i in range(n)) + " }"


PATH = "(<urn:x:p>|!<urn:x:p>)*"
#: name -> (query, backends it suits, expected status); 503: stopped at the limit, 200: cut at the row cap.
#: A SPARQL server runs on past esgraf's limit, so only queries it ends soon, or stops when esgraf stops reading
#: its answer at the cap, are sent to it.
EXPENSIVE = {
    "cartesian-count": (cartesian_count(4), {"oxigraph"}, 503),
    "path-closure-count": (f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a {PATH} ?b . ?c {PATH} ?d . ?e {PATH} ?f }}",
                           {"oxigraph"}, 503),
    "values-count": ("SELECT (COUNT(*) AS ?n) WHERE { " + values("x", 30000) + " " + values("y", 30000) + " }",
                     {"oxigraph"}, 503),
    "cartesian-rows": ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", {"oxigraph"}, 200),
    "cartesian-rows-2": ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", {"oxigraph", "sparql"}, 200),
    "path-closure-rows": (f"SELECT * WHERE {{ ?a {PATH} ?b }}", {"oxigraph", "sparql"}, 200),
    "values-rows": ("SELECT * WHERE { " + values("x", 30000) + " }", {"oxigraph", "sparql"}, 200),
    "construct-rows": ("CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }", {"oxigraph", "sparql"}, 200),
    "small-cartesian-rows": ("SELECT * WHERE { ?a a ?c . ?d a ?f }", {"oxigraph", "sparql"}, 200),
}
CHEAP = "ASK { ?s <http://xmlns.com/foaf/0.1/name> ?name }"
#: a second loopback address: another client of the server on 127.0.0.1, as the server tells clients apart
OTHER_CLIENT = "127.0.0.2"


@pytest.fixture
def limited_site(filled_store: Store) -> Iterator[str]:
    app = create_app(make_settings(query_timeout=4.0, max_rows=5), filled_store)
    runner = app.extensions["esgraf"].runner
    if runner.pool is not None:  # two workers ready: one for the expensive query, one for the cheap ones
        runner.pool.warm()
        runner.pool.warm()
    url, stop = serve_in_thread(app)
    yield url
    stop()
    runner.close()


@pytest.mark.parametrize("name", list(EXPENSIVE))
def test_expensive_queries_are_stopped_or_cut_while_cheap_ones_are_answered(limited_site, filled_store, name):
    query, backends, expected = EXPENSIVE[name]
    if filled_store.backend not in backends:
        pytest.skip("a SPARQL server runs an abandoned query on to its end: esgraf cannot stop it there")
    host = urllib.parse.urlparse(limited_site).netloc
    slow = http.client.HTTPConnection(host, timeout=120)
    body = urllib.parse.urlencode({"query": query})
    accept = "application/n-triples" if query.startswith("CONSTRUCT") else "application/sparql-results+json"
    slow.request("POST", "/sparql", body=body, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                        "Accept": accept})
    try:
        if expected == 503:
            # the expensive query is on its way; a cheap one from another client is answered before it ends
            conn = http.client.HTTPConnection(host, timeout=60, source_address=(OTHER_CLIENT, 0))
            conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": CHEAP}),
                         headers={"Accept": "application/sparql-results+json"})
            cheap = conn.getresponse()
            assert cheap.status == 200
            assert b'"boolean":true' in cheap.read()
            conn.close()
            ready, _, _ = select.select([slow.sock], [], [], 0)
            assert ready == [], "the expensive query ended before the cheap one was answered"
        resp = slow.getresponse()
        answer = resp.read()
        assert resp.status == expected, answer[:300]
        if expected == 503:
            assert b"time limit" in answer
        else:
            assert resp.headers["X-Esgraf-Truncated"] == "true"
            if accept == "application/n-triples":
                assert len(answer.strip().splitlines()) == 5
            else:
                assert len(json.loads(answer)["results"]["bindings"]) == 5
    finally:
        slow.close()
    # and the server goes on answering
    status, _ = raw_get(limited_site, "/sparql?" + urllib.parse.urlencode({"query": CHEAP}), "application/json")
    assert status == 200


# --- headers, debug mode, errors ----------------------------------------------------------------------------------

ERROR_PAGES = ["/person/nobody", "/sparql?query=nonsense", "/network/download/nothing", "/no/such/page"]


@pytest.mark.parametrize("path", PAGES + ["/network", "/network/ego/person/piotr-babiarz"] + ERROR_PAGES)
def test_every_html_page_has_the_security_headers(memory_client, path):
    resp = memory_client.get(path, headers=HTML)
    assert resp.mimetype == "text/html", (path, resp.status_code)
    csp = {part.split()[0]: part.split()[1:] for part in resp.headers["Content-Security-Policy"].split(";")
               if part.strip()}
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in csp.get("default-src", [])
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin-when-cross-origin")
    assert resp.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/sparql?query=ASK%7B%7D", "/person/piotr-babiarz.ttl", "/dump.nq",
                                  "/network/data.json", "/search?q=x&format=json"])
def test_data_answers_are_not_sniffed(memory_client, path):
    assert memory_client.get(path).headers["X-Content-Type-Options"] == "nosniff"


def test_serve_never_runs_in_debug_mode(tmp_path: Path, monkeypatch):
    """Even with FLASK_DEBUG in the environment, the app ``esgraf serve`` builds answers errors with the one error
    shape and shows no traceback and no debugger."""
    import webapp.server

    from esgraf.cli import main

    built: list[object] = []

    class Server:
        effective_port = 0

        def run(self) -> None:
            pass

        def close(self) -> None:
            pass

    def create_server(app, settings, **kw):
        built.append(app)
        return Server()

    monkeypatch.setenv("FLASK_DEBUG", "1")
    monkeypatch.setattr(webapp.server, "create_server", create_server)
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "store"), "--no-sample",
                                       "--port", "0"])
    assert result.exit_code == 0, result.output
    app = built[0]
    assert app.debug is False

    def boom() -> str:
        raise RuntimeError("internal detail /etc/secret")

    app.add_url_rule("/boom", view_func=boom)
    client = app.test_client()
    resp = client.get("/boom", headers={"Accept": "application/json"})
    assert resp.status_code == 500
    assert set(resp.get_json()) == {"error"} and resp.get_json()["error"]["status"] == 500
    page = client.get("/boom", headers=HTML)
    assert page.status_code == 500 and page.mimetype == "text/html"
    for body in (resp.get_data(as_text=True), page.get_data(as_text=True)):
        assert "Traceback" not in body and "internal detail" not in body and "__debugger__" not in body


# --- names that look like markup or SPARQL ------------------------------------------------------------------------

#: names as stored (nominative) and as the article writes them
IMG = "<img src=x onerror=alert(1)>"
SQL = '"}; DROP ALL </script>'
SCRIPT = "</script><script>alert(2)</script>"
FLAG = "<img src=y onerror=window.esgrafXss=1>"
HOSTILE_NAMES = [f"Stowarzyszenie „{IMG}”", f"Fundacja „{SQL}”", f"Spółdzielnia Socjalna „{SCRIPT}”",
                 f"Fundacja „{FLAG}”"]
HOSTILE_ARTICLE = (
    "Nazwy z artykułu\n\n"
    f"Prezes Stowarzyszenia „{IMG}” Jan Kowalski spotkał się 17 maja 2024 r. ze starostą starachowickim "
    "Piotrem Babiarzem w Starachowicach. "
    f"Porozumienie o współpracy podpisały Fundacja „{SQL}”, Spółdzielnia Socjalna „{SCRIPT}” oraz Starostwo "
    f"Powiatowe w Starachowicach. Spotkanie zorganizowało Starostwo wspólnie z Fundacją „{FLAG}”.\n"
)


def load_hostile_article(store: Store, folder: Path) -> None:
    """Load :data:`HOSTILE_ARTICLE` through the real reader and extractor."""
    from esgraf.pipeline import load_paths

    article = folder / "nazwy.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    report = load_paths(store, [article], settings=Settings())
    assert report.articles == 1 and not report.errors and not report.failed


def test_markup_and_sparql_in_names_are_stored_as_text(store, tmp_path):
    load_hostile_article(store, tmp_path)
    names = {str(r["label"]) for r in store.select(
        f"SELECT ?label WHERE {{ ?s <{SKOS.prefLabel}> ?label }}")}
    for name in HOSTILE_NAMES:
        assert name in names
    people = {str(r["name"]) for r in store.select(f"SELECT ?name WHERE {{ ?s <{FOAF.name}> ?name }}")}
    assert {"Jan Kowalski", "Piotr Babiarz"} <= people
    assert store.count() > 0 and store.ask("ASK { ?s ?p ?o }")  # DROP ALL stayed a name



@pytest.mark.parametrize("graph", ["urn:x:a> ; DROP ALL ; CREATE SILENT GRAPH <urn:x:b",
                                   "http://example.org/g>} ; LOAD <http://127.0.0.1:9/x",
                                   'urn:x:a"', "urn:x:a b"])
def test_a_graph_iri_cannot_carry_an_update(client, filled_store, graph):
    """The Graph Store target is written into an update: even with the token it cannot smuggle in another."""
    before = filled_store.count()
    for method in ("PUT", "POST", "DELETE"):
        resp = client.open("/store", method=method, query_string={"graph": graph}, data=TURTLE,
                           content_type="text/turtle", headers={"Authorization": f"Bearer {TOKEN}"})
        assert resp.status_code == 400, method
    assert filled_store.count() == before


def test_only_the_endpoint_and_the_graph_store_take_writes(memory_app):
    """Every route that accepts PUT, POST or DELETE is one of those the write tests above cover: a new ingest
    or admin route must be added there (and to SECURITY.md) before this passes."""
    writable = {rule.rule for rule in memory_app.url_map.iter_rules()
                if rule.methods & {"PUT", "POST", "DELETE", "PATCH"}}
    assert writable == {"/sparql", "/sparql/store", "/store"}
    assert {path for _, path, _, _, _ in WRITES.values()} == writable
