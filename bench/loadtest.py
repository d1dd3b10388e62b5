"""A bounded load test of ``esgraf serve``: many clients at once on 127.0.0.1, for a fixed time.

Starts ``esgraf serve`` on a free port over a fresh temporary store filled with the sample corpus, then runs
``--clients`` clients for ``--seconds`` seconds, each sending a mix of what users do: the example SPARQL queries
of ``data/queries/*.rq``, entity pages, search, and the cooperation map's data. Reports requests per second,
latency percentiles and the errors (any answer other than 2xx/3xx, or a failed connection), which must be none:
the exit status is 1 if there was one. Stops by itself.

    python -m bench.loadtest [--clients 20] [--seconds 60] [--threads 8] [--json]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.oxigraph_server import free_port, stop_process
from graph.settings import DATA_DIR, ROOT

START_TIMEOUT = 600.0  # loading the sample corpus into an empty store comes first
REQUEST_TIMEOUT = 120.0


@dataclass
class Request:
    kind: str
    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if error:
                self.errors.append(f"{kind}: {error}")


class Server:
    """``esgraf serve`` in a subprocess on a free port of 127.0.0.1."""

    def __init__(self, store: Path, threads: int, articles: Path):
        self.port = free_port()
        # every client here shares 127.0.0.1, which the server would take for one client and hold to its share
        env = {**os.environ, "ESGRAF_ARTICLES": str(articles), "ESGRAF_CLIENT_QUERIES": "1000"}
        env.pop("ESGRAF_ENDPOINT", None)  # the embedded store, always
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "esgraf.cli", "-q", "serve", "--store", str(store), "--host", "127.0.0.1",
             "--port", str(self.port), "--threads", str(threads)],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        self.log: list[str] = []
        ready = threading.Event()
        threading.Thread(target=self._drain, args=(ready,), daemon=True).start()
        if not ready.wait(START_TIMEOUT) or not any("serving" in line for line in self.log):
            self.stop()
            raise SystemExit("esgraf serve did not start:\n" + "".join(self.log[-20:]))

    def _drain(self, ready: threading.Event) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:  # read to the end, so the server never blocks on a full pipe
            self.log.append(line)
            if "serving" in line:
                ready.set()
        ready.set()

    def stop(self) -> None:
        stop_process(self.proc, 30)


def fetch(host: str, req: Request) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(host, timeout=REQUEST_TIMEOUT)
    try:
        conn.request(req.method, req.path, body=req.body, headers=req.headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def sparql_rows(host: str, query: str) -> list[dict]:
    body = urllib.parse.urlencode({"query": query}).encode()
    status, data = fetch(host, Request("setup", "POST", "/sparql", body, {
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}))
    if status != 200:
        raise SystemExit(f"setup query failed ({status}): {data[:200]!r}")
    return json.loads(data)["results"]["bindings"]


def request_mix(host: str) -> list[Request]:
    """What the clients send, found on the running server: every example query, and pages of real entities."""
    mix: list[Request] = []
    for path in sorted((DATA_DIR / "queries").glob("*.rq")):
        body = urllib.parse.urlencode({"query": path.read_text(encoding="utf-8")}).encode()
        mix.append(Request("sparql", "POST", "/sparql", body, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}))
    rows = sparql_rows(host, """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX org: <http://www.w3.org/ns/org#>
        SELECT DISTINCT ?s ?label WHERE {
          { ?s a foaf:Person } UNION { ?s a org:Organization }
          ?s skos:prefLabel ?label
        } ORDER BY ?s LIMIT 40""")
    html = {"Accept": "text/html"}
    for row in rows:
        iri, label = row["s"]["value"], row["label"]["value"]
        local = "/" + iri.split("/esgraf/", 1)[1] if "/esgraf/" in iri else None
        if local:
            mix.append(Request("entity", "GET", urllib.parse.quote(local), None, html))
            mix.append(Request("ego", "GET", urllib.parse.quote("/network/ego" + local) + "?format=json", None,
                               {"Accept": "application/json"}))
        word = label.split()[-1]
        mix.append(Request("search", "GET", "/search?" + urllib.parse.urlencode({"q": word, "format": "json"}),
                           None, {"Accept": "application/json"}))
    counties = sparql_rows(host, "SELECT DISTINCT ?code WHERE { ?x <http://purl.org/dc/terms/spatial> ?c . "
                                 "?c <https://w3id.org/esgraf/ontology#terytCode> ?code } LIMIT 5")
    mix.append(Request("network", "GET", "/network/data.json", None, {"Accept": "application/json"}))
    for row in counties:
        mix.append(Request("network", "GET", "/network/data.json?county=" + row["code"]["value"], None,
                           {"Accept": "application/json"}))
    mix.append(Request("entity", "GET", "/", None, html))
    return balanced(mix)


def balanced(mix: list[Request]) -> list[Request]:
    """Each kind of request equally often: the kinds' lists, cycled side by side to the longest one's length."""
    by_kind: dict[str, list[Request]] = defaultdict(list)
    for req in mix:
        by_kind[req.kind].append(req)
    longest = max(len(v) for v in by_kind.values())
    return [reqs[i % len(reqs)] for i in range(longest) for reqs in by_kind.values()]


def client(host: str, mix: list[Request], deadline: float, results: Results, seed: int) -> None:
    """Send requests from ``mix`` in a shuffled order over one kept-alive connection until ``deadline``."""
    order = mix[:]
    random.Random(seed).shuffle(order)
    conn = http.client.HTTPConnection(host, timeout=REQUEST_TIMEOUT)
    i = 0
    while time.monotonic() < deadline:  # bounded by the deadline; each request by its timeout
        req = order[i % len(order)]
        i += 1
        started = time.perf_counter()
        error = None
        try:
            conn.request(req.method, req.path, body=req.body, headers=req.headers)
            resp = conn.getresponse()
            resp.read()
            if resp.status >= 400:
                error = f"{resp.status} {req.method} {req.path[:80]}"
            if resp.will_close:
                conn.close()
                conn = http.client.HTTPConnection(host, timeout=REQUEST_TIMEOUT)
        except (OSError, http.client.HTTPException) as exc:
            error = f"{type(exc).__name__}: {exc} ({req.method} {req.path[:80]})"
            conn.close()
            conn = http.client.HTTPConnection(host, timeout=REQUEST_TIMEOUT)
        results.add(req.kind, time.perf_counter() - started, error)
    conn.close()


def percentile(values: list[float], p: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(p) - 1]


def summary(results: Results, seconds: float, clients: int) -> dict:
    everything = [x for v in results.latencies.values() for x in v]
    out = {"clients": clients, "seconds": round(seconds, 1), "requests": len(everything),
           "requests_per_s": round(len(everything) / seconds, 1), "errors": len(results.errors),
           "p50_ms": round(percentile(everything, 50) * 1000, 1) if everything else None,
           "p95_ms": round(percentile(everything, 95) * 1000, 1) if everything else None,
           "by_kind": {}}
    for kind, values in sorted(results.latencies.items()):
        out["by_kind"][kind] = {"requests": len(values), "p50_ms": round(percentile(values, 50) * 1000, 1),
                                "p95_ms": round(percentile(values, 95) * 1000, 1)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    ap.add_argument("--seconds", type=float, default=60.0, help="how long the clients send (default 60)")
    ap.add_argument("--threads", type=int, default=8, help="worker threads of the server (default 8)")
    ap.add_argument("--articles", type=Path, default=DATA_DIR / "articles", help="the corpus to serve")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="esgraf-loadtest-") as tmp:
        print(f"starting esgraf serve (loading {args.articles})…", file=sys.stderr)
        server = Server(Path(tmp) / "store", args.threads, args.articles)
        try:
            host = f"127.0.0.1:{server.port}"
            mix = request_mix(host)
            kinds = sorted({r.kind for r in mix})
            print(f"{len({(r.method, r.path, r.body) for r in mix})} distinct requests ({', '.join(kinds)}); {args.clients} clients for "
                  f"{args.seconds:g} s…", file=sys.stderr)
            results = Results()
            started = time.monotonic()
            deadline = started + args.seconds
            threads = [threading.Thread(target=client, args=(host, mix, deadline, results, i), daemon=True)
                       for i in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(args.seconds + REQUEST_TIMEOUT + 10)
            elapsed = time.monotonic() - started
        finally:
            server.stop()
    report = summary(results, elapsed, args.clients)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['clients']} clients, {report['seconds']} s: {report['requests']} requests, "
              f"{report['requests_per_s']} requests/s, p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, "
              f"errors {report['errors']}")
        for kind, k in report["by_kind"].items():
            print(f"  {kind:8} {k['requests']:7d} requests  p50 {k['p50_ms']:8.1f} ms  p95 {k['p95_ms']:8.1f} ms")
    for error in results.errors[:10]:
        print(f"error: {error}", file=sys.stderr)
    return 1 if results.errors else 0


if __name__ == "__main__":
    sys.exit(main())
