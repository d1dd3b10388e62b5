"""Connections that idle or trickle cannot stop the server: with hundreds of them open a normal request is
answered at once, a silent one is closed after the idle limit, and one that keeps sending a byte now and then
is closed once its request has taken longer than the request limit. The server is the one ``esgraf serve``
runs (webapp.server), on 127.0.0.1."""
from __future__ import annotations

import http.client
import select
import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from graph.store import OxigraphStore
from tests.webapp.conftest import fill, make_settings
from webapp import create_app
from webapp.server import create_server

#: a request begun and never finished
PARTIAL = b"GET /sparql HTTP/1.1\r\nHost: esgraf\r\n"


@pytest.fixture
def serve() -> Iterator[Callable[..., tuple[str, int]]]:
    """Start the app (on an in-memory store) under the production server with the given settings; (host, port)
    of it."""
    running: list[tuple[object, threading.Thread]] = []

    def start(**values: object) -> tuple[str, int]:
        settings = make_settings(host="127.0.0.1", port=0, threads=2, **values)
        server = create_server(create_app(settings, fill(OxigraphStore())), settings)
        thread = threading.Thread(target=server.run, daemon=True, name="esgraf-test-server")
        thread.start()
        running.append((server, thread))
        return "127.0.0.1", server.effective_port

    yield start
    for server, thread in running:
        server.close()
        thread.join(10)


def closed_by_server(sock: socket.socket, wait: float, trickle: bool = False) -> bool:
    """True when the server closes ``sock`` within ``wait`` seconds; with ``trickle``, send it a byte of a
    header each time it stays silent for a quarter of a second meanwhile."""
    steps = int(wait / 0.25)
    for _ in range(steps):  # bounded
        readable, _, _ = select.select([sock], [], [], 0.25)
        if readable:
            try:
                return sock.recv(1024) == b""
            except ConnectionResetError:
                return True
        if trickle:
            try:
                sock.sendall(b"X")
            except (BrokenPipeError, ConnectionResetError):
                return True
    return False


def test_a_request_is_answered_with_hundreds_of_idle_and_trickling_connections_open(serve):
    host, port = serve()
    held = []
    try:
        for i in range(200):
            sock = socket.create_connection((host, port), timeout=10)
            if i % 2:
                sock.sendall(PARTIAL)
            held.append(sock)
        # the bound is 2 s; the wait is generous for a shared machine and still far below the 120 s
        # waitress keeps silent connections by default
        conn = http.client.HTTPConnection(host, port, timeout=10)
        conn.request("GET", "/sparql?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        assert resp.status == 200 and b"true" in resp.read()
        conn.close()
    finally:
        for sock in held:
            sock.close()


def test_a_silent_connection_is_closed_after_the_idle_limit(serve):
    host, port = serve(idle_timeout=1)
    with socket.create_connection((host, port), timeout=10) as sock:
        assert closed_by_server(sock, wait=30)


def test_a_trickling_request_is_closed_after_the_request_limit(serve):
    host, port = serve(idle_timeout=30, request_timeout=2)
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(PARTIAL)
        assert closed_by_server(sock, wait=30, trickle=True)


def test_the_limits_are_settings(serve):
    """The control for the tests above: with the limits far away, a trickling connection stays open."""
    host, port = serve(idle_timeout=60, request_timeout=60)
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(PARTIAL)
        assert not closed_by_server(sock, wait=3, trickle=True)


@pytest.mark.parametrize("extra, status", [(0, 200), (1, 413)])
def test_a_body_of_exactly_the_limit_is_taken(serve, extra, status):
    """ESGRAF_MAX_BODY is the largest body taken: one byte more is 413, by Content-Length and in chunks."""
    limit = 300
    host, port = serve(max_body=limit)
    query = b"ASK { ?s ?p ?o } #"
    body = query + b"x" * (limit + extra - len(query))
    for chunked in (False, True):
        conn = http.client.HTTPConnection(host, port, timeout=30)
        conn.request("POST", "/sparql", body=iter([body]) if chunked else body, encode_chunked=chunked,
                     headers={"Content-Type": "application/sparql-query",
                              "Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        assert resp.status == status, (chunked, resp.read())
        resp.read()
        conn.close()
