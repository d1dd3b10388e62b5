"""Benchmark of the example queries (data/queries/*.rq): p50 and p95 latency at about 10k, 100k and 1M triples.

Three backends answer the same data: the embedded store (``OxigraphStore.select``, rows as rdflib terms, as
the web app and the CLI get them), rdflib's in-memory ``Dataset`` with the union of its graphs as the default
graph (the baseline a Python user would reach for first), and the ``oxigraph`` server on 127.0.0.1 through
``SparqlStore`` (HTTP, SPARQL JSON results). Each query runs 2 warm-ups then up to 20 timed runs within a time
budget; rdflib runs in a forked child so that a query slower than its budget can be stopped.

    python -m bench.bench_queries [--sizes 10000 100000 1000000] [--runs 20] [--budget 5] [--rdflib-budget 10]
"""
from __future__ import annotations

import argparse
import gc
import multiprocessing
import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import common
from bench.common import MORE_ARTICLES, QUERIES, ms, percentile, table, timed
from bench.bench_loading import FULL_ARTICLES
from graph.store import OxigraphStore
from bench.oxigraph_server import OxigraphServer

SIZES = (10_000, 100_000, 1_000_000)
WARMUPS = 2
GOAL_P95 = 0.100  # seconds, at a million triples, embedded


def queries(folder: Path = QUERIES) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]


def _child(conn, setup: Callable[[], Callable[[], int]], runs: int, budget: float,  # noqa: ANN001 - a Pipe end
           memory: int) -> None:
    """In a forked child: warm-ups, then timed runs while the budget lasts, each result sent to the parent.

    The child's address space is capped, so a query whose result explodes fails here instead of taking the
    machine's memory.
    """
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    start = time.perf_counter()
    try:
        fn = setup()
        for i in range(WARMUPS + runs):
            rows, t = timed(fn)
            conn.send(("warm" if i < WARMUPS else "run", t, rows))
            if time.perf_counter() - start > budget:
                break
    except MemoryError:
        conn.send(("error", 0.0, "out of memory"))
        return
    except Exception as exc:  # rdflib fails on some valid queries: report it, as a user would meet it
        conn.send(("error", 0.0, f"{type(exc).__name__}: {str(exc)[:80]}"))
        return
    conn.send(("done", 0.0, 0))


def repeat(setup: Callable[[], Callable[[], int]], runs: int, budget: float, memory_gib: float = 4.0) -> dict:
    """Run ``setup()()`` (which returns the number of rows) in a forked child, 2 warm-ups then up to ``runs``
    timed runs, and kill the child when the budget is spent. ``times`` holds the timed runs."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    memory = int(_vm_size() + memory_gib * 2**30)
    proc = ctx.Process(target=_child, args=(child, setup, runs, budget, memory), daemon=True)
    proc.start()
    child.close()
    deadline = time.monotonic() + budget + 5  # the child checks its budget between runs; this is for one long run
    times: list[float] = []
    rows, error, finished = None, None, False
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not parent.poll(left):
            break
        try:
            kind, t, n = parent.recv()
        except EOFError:
            error = error or "the query process died"
            break
        if kind in ("done", "error"):
            finished = True
            error = n if kind == "error" else None
            break
        rows = n
        if kind == "run":
            times.append(t)
    if proc.is_alive():
        proc.kill()
    proc.join(10)
    parent.close()
    return {"times": times, "rows": rows, "error": error, "over": not finished and not times}


def _vm_size() -> int:
    """This process's virtual size in bytes: the child's cap is counted from there."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _embedded(folder: Path, query: str) -> Callable[[], Callable[[], int]]:
    def setup() -> Callable[[], int]:
        store = OxigraphStore(folder, read_only=True)
        return lambda: len(store.select(query))
    return setup


def _remote(srv: OxigraphServer, query: str, budget: float) -> Callable[[], Callable[[], int]]:
    def setup() -> Callable[[], int]:
        remote = srv.store(timeout=budget + 5, retries=0)
        return lambda: len(remote.select(query))
    return setup


class BenchServer(OxigraphServer):
    """The test suite's Oxigraph server, with a time limit on each request."""

    def __init__(self, location: Path, timeout: float):
        super().__init__(location)
        self.timeout = timeout

    def command(self) -> list[str]:
        return super().command() + ["--timeout-s", str(max(1, int(self.timeout)))]


def cell(r: dict, budget: float) -> tuple[str, str, str]:
    if r.get("error"):
        return "error", "error", "0"
    if not r["times"]:
        return f"> {budget:g} s", f"> {budget:g} s", "0"
    return ms(percentile(r["times"], 50)), ms(percentile(r["times"], 95)), str(len(r["times"]))


def run(sizes: Sequence[int] = SIZES, articles: int = FULL_ARTICLES, runs: int = 20, budget: float = 5.0,
        rdflib_budget: float = 10.0, folder: Path | str = MORE_ARTICLES, server: bool = True) -> str:
    """The query latencies as Markdown: one table per size."""
    from rdflib import Dataset

    qs = queries()
    out = [f"Latency in ms of each query in data/queries; {WARMUPS} warm-ups, then up to {runs} runs within "
           f"{budget:g} s per query (rdflib {rdflib_budget:g} s); n = timed runs. Data: reference graphs plus the "
           "first synthetic articles (bench/generate.py, seed 1).", ""]
    summary = []
    for size in sizes:
        data = common.dataset(size, articles, folder)
        results: dict[str, dict[str, dict]] = {name: {} for name, _ in qs}
        for name, q in qs:
            results[name]["embedded"] = repeat(_embedded(data["store"], q), runs, budget)

        ds = Dataset(default_union=True)
        _, parse_seconds = timed(lambda: ds.parse(str(data["nq"]), format="nquads"))
        for name, q in qs:
            results[name]["rdflib"] = repeat(lambda q=q: lambda: len(list(ds.query(q))), runs, rdflib_budget)
        del ds
        gc.collect()

        if server and common.oxigraph_binary():
            srv = BenchServer(data["store"], timeout=budget).start()
            try:
                for name, q in qs:
                    r = repeat(_remote(srv, q, budget), runs, budget)
                    results[name]["server"] = r
                    if r["over"] or r["error"]:  # stop what the server may still be computing
                        srv.stop()
                        srv.start()
            finally:
                srv.stop()
        rows = []
        for name, _ in qs:
            r = results[name]
            emb, rdf, srv = r["embedded"], r["rdflib"], r.get("server")
            counts = "/".join("?" if r.get(b) is None or r[b]["rows"] is None else f"{r[b]['rows']:,}"
                              for b in ("embedded", "rdflib", "server"))
            p95 = percentile(emb["times"], 95) if emb["times"] else None
            rdf_p50 = percentile(rdf["times"], 50) if rdf["times"] else None
            ratio = (f"{rdf_p50 / percentile(emb['times'], 50):,.0f}×" if rdf_p50 and emb["times"]
                     else f"> {rdflib_budget / percentile(emb['times'], 50):,.0f}×" if emb["times"] else "n/a")
            rows.append((name, counts,
                         *cell(emb, budget), *cell(rdf, rdflib_budget),
                         *(cell(srv, budget) if srv else ("n/a", "n/a", "0")), ratio))
            summary.append((size, data["quads"], name, p95))
        notes = [f"- {b} on {name}: {results[name][b]['error']}" for name, _ in qs
                 for b in ("embedded", "rdflib", "server") if results[name].get(b, {}).get("error")]
        out += [f"**{data['quads']:,} quads** ({data['articles']:,} articles; rdflib parsed the N-Quads in "
                f"{parse_seconds:.1f} s):", "",
                table(["query", "rows (emb./rdflib/server)", "embedded p50", "p95", "n", "rdflib p50", "p95", "n", "server p50", "p95",
                       "n", "rdflib p50 / embedded p50"], rows), ""]
        if notes:
            out += ["Errors:", *notes, ""]
    big = max(sizes)
    worst = [(n, p) for s, _q, n, p in summary if s == big]
    over = [n for n, p in worst if p is None or p > GOAL_P95]
    out.append(f"- goal: p95 under {GOAL_P95 * 1000:.0f} ms embedded at the largest size; "
               + ("met by every query" if not over else f"missed by {', '.join(over)}"))
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="triples in article graphs")
    ap.add_argument("--articles", type=int, default=FULL_ARTICLES, help="synthetic articles to draw from")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--budget", type=float, default=5.0, help="seconds per query, embedded and server")
    ap.add_argument("--rdflib-budget", type=float, default=10.0, help="seconds per query for rdflib")
    ap.add_argument("--articles-folder", default=str(MORE_ARTICLES))
    ap.add_argument("--no-server", action="store_true")
    args = ap.parse_args()
    print(run(args.sizes, args.articles, args.runs, args.budget, args.rdflib_budget, args.articles_folder,
              not args.no_server))


if __name__ == "__main__":
    main()
