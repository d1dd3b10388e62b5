"""Benchmark of memory: peak resident memory of ``esgraf serve`` on a store of about a million triples.

``esgraf serve --no-sample`` runs as a subprocess on 127.0.0.1 over an embedded store bulk-loaded with the
reference data and synthetic articles; the benchmark asks it for the home page, the county list, the example
queries (SPARQL JSON) and the pages of the busiest person, organisation and county, then reads VmHWM (peak
RSS) from /proc for the server and for its query workers (child processes that open the store read-only).

    python -m bench.bench_memory [--triples 1000000] [--articles 4600]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench import common
from bench.bench_loading import FULL_ARTICLES
from bench.bench_queries import queries
from bench.common import MORE_ARTICLES, table
from graph.iri import Minter
from graph.store import OxigraphStore

QUERY_TIMEOUT = 10  # seconds (ESGRAF_QUERY_TIMEOUT): the exploding example queries are stopped, as users see


def status(pid: int, field: str) -> int:
    """A memory field of /proc/<pid>/status in KiB (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    """The process's children and their descendants (query workers)."""
    out = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for c in (task / "children").read_text().split():
                out.append(int(c))
    except OSError:
        return out
    return out + [g for c in out for g in children(c)]


def busiest(store: OxigraphStore, type_: str, mint: Minter) -> str | None:
    """The path of the entity of ``type_`` (Person, Organization, County) with the most triples about it."""
    prefix = mint.entity(type_, "")
    rows = store.select(f"""SELECT ?e (COUNT(*) AS ?n) WHERE {{ ?e ?p ?o FILTER(STRSTARTS(STR(?e), "{prefix}")) }}
                           GROUP BY ?e ORDER BY DESC(?n) LIMIT 1""")
    return mint.local(str(rows[0]["e"])) if rows else None


def run(triples: int = 1_000_000, articles: int = FULL_ARTICLES, folder: Path | str = MORE_ARTICLES,
        query_timeout: int = QUERY_TIMEOUT) -> str:
    from graph.settings import Settings

    data = common.dataset(triples, articles, folder)
    mint = Minter(Settings.from_env().base_iri)
    store = OxigraphStore(data["store"], read_only=True)
    pages = ["/", "/counties"] + [f"/{p}" for p in (busiest(store, t, mint) for t in ("Person", "Organization",
                                                                                          "County")) if p]
    del store
    port = common.free_port()
    exe = Path(sys.executable).parent / "esgraf"
    cmd = [str(exe) if exe.exists() else "esgraf", "serve", "--store", str(data["store"]), "--port", str(port),
           "--no-sample"]
    env = dict(os.environ, ESGRAF_QUERY_TIMEOUT=str(query_timeout))
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env=env)
    ready = threading.Event()
    log: list[str] = []

    def drain() -> None:  # read stderr to its end so the server never blocks on a full pipe
        assert proc.stderr is not None
        for line in proc.stderr:
            log.append(line)
            if "serving" in line:
                ready.set()
        ready.set()

    threading.Thread(target=drain, daemon=True).start()
    peak_total = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_total
        while not stop.wait(0.1):
            peak_total = max(peak_total, sum(status(p, "VmRSS") for p in [proc.pid, *children(proc.pid)]))

    rows = []
    try:
        if not ready.wait(300) or proc.poll() is not None:
            raise RuntimeError(f"esgraf serve did not start (exit status {proc.poll()}): {''.join(log)[-2000:]}")
        start_seconds = time.perf_counter() - started
        start_rss = status(proc.pid, "VmRSS")
        threading.Thread(target=sample, daemon=True).start()
        url = f"http://127.0.0.1:{port}"
        requests = [(p, url + p, "text/html") for p in pages]
        requests += [(f"/sparql {name}", f"{url}/sparql?" + urllib.parse.urlencode({"query": q}),
                      "application/sparql-results+json") for name, q in queries()]
        wait = 3 * query_timeout  # pages are not all under the query time limit
        for name, target, accept in requests:
            req = urllib.request.Request(target, headers={"Accept": accept})
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=wait) as resp:
                    size, code = len(resp.read()), resp.status
            except urllib.error.HTTPError as exc:
                size, code = len(exc.read()), exc.code
            except (TimeoutError, urllib.error.URLError) as exc:
                size, code = 0, f"no answer in {wait} s" if "timed out" in str(exc) else str(exc)
            elapsed = time.perf_counter() - t
            workers = children(proc.pid)
            rows.append((f"`{name}`", code, f"{size:,}", f"{elapsed * 1000:,.0f}",
                         f"{status(proc.pid, 'VmRSS') / 1024:,.0f}",
                         f"{sum(status(w, 'VmRSS') for w in workers) / 1024:,.0f}"))
        workers = children(proc.pid)
        hwm_server = status(proc.pid, "VmHWM")
        hwm_workers = [status(w, "VmHWM") for w in workers]
    finally:
        stop.set()
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    return "\n".join([
        f"`{' '.join(['esgraf', *cmd[1:3], 'STORE', *cmd[4:]])}` with ESGRAF_QUERY_TIMEOUT={query_timeout}, over "
        f"{data['quads']:,} quads ({data['articles']:,} synthetic articles and the reference data).", "",
        table(["request", "status", "bytes", "ms", "server RSS after (MiB)", "workers' RSS after (MiB)"], rows), "",
        f"- start: serving after {start_seconds:.1f} s (store opened, label index built, query workers ready)",
        f"- server process: {start_rss / 1024:,.0f} MiB once serving, peak (VmHWM) {hwm_server / 1024:,.0f} MiB",
        f"- query workers ({len(hwm_workers)} alive at the end): peak (VmHWM) "
        + (", ".join(f"{h / 1024:,.0f}" for h in hwm_workers) or "none") + " MiB",
        f"- largest sum of the server's and its workers' RSS seen (sampled every 0.1 s): {peak_total / 1024:,.0f} MiB"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=FULL_ARTICLES)
    ap.add_argument("--articles-folder", default=str(MORE_ARTICLES))
    args = ap.parse_args()
    print(run(args.triples, args.articles, args.articles_folder))


if __name__ == "__main__":
    main()
