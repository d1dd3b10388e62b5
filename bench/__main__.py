"""The benchmarks in one run, printed as Markdown.

``python -m bench [extraction|loading|queries|memory|network|all] [--quick] [--articles FOLDER]``, from a
checkout (``esgraf bench`` runs it).

The parts of one run share the synthetic corpus they extract once; ``--quick`` uses small sizes so that
everything runs in a few minutes. One part's failure is a finding: the others still run.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from bench import bench_extraction, bench_loading, bench_memory, bench_network, bench_queries
from bench.common import MORE_ARTICLES, machine

log = logging.getLogger("bench")

PARTS = ("extraction", "loading", "queries", "memory", "network")


def _network(quick: bool) -> str:
    lines = ["| organisations | nodes | ties | quads | build from store (s) | metrics (s) | layout (s) | "
             "map JSON (s) | first draw, sigma.js (s) | first draw, vis-network (s) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size in (500,) if quick else (500, 2000, 5000):
        r = bench_network.run(size, True, pyvis_budget=0)
        exact = "" if r["exact"] else " (sampled betweenness)"
        seconds = bench_network.seconds
        lines.append(f"| {r['size']:,} | {r['nodes']:,} | {r['edges']:,} | {r['quads']:,} | {r['build']:.2f} | "
                     f"{r['metrics']:.2f}{exact} | {r['layout']:.2f} | {r['json']:.2f} | {seconds(r['draw'])} | "
                     f"{seconds(r['draw_vis'])} |")
    lines.append("\nFirst draw: from reloading the whole map in Debian's Chromium (server cache warm) until the page "
                 "signals its first frame; sigma.js is what /network draws with, vis-network the canvas it drew "
                 "with before (bench/vis_map/). n/a: no Chromium or Playwright here.")
    return "\n".join(lines)


def part(name: str, quick: bool, folder: str) -> str:
    """One benchmark's Markdown."""
    articles = bench_loading.QUICK_ARTICLES if quick else bench_loading.FULL_ARTICLES
    if name == "extraction":
        return bench_extraction.run(folder, repeat=1 if quick else 3, sizes=(50,) if quick else (100, 1000))
    if name == "loading":
        return bench_loading.run(articles, folder,
                                 checkpoints=(10_000, 30_000) if quick else bench_loading.CHECKPOINTS)
    if name == "queries":
        sizes = (10_000, 30_000) if quick else bench_queries.SIZES
        return bench_queries.run(sizes, articles, runs=5 if quick else 20, budget=2.0 if quick else 5.0,
                                 rdflib_budget=2.0 if quick else 10.0, folder=folder)
    if name == "memory":
        return bench_memory.run(30_000 if quick else 1_000_000, articles, folder, 2 if quick else 10)
    return _network(quick)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("what", nargs="?", choices=PARTS + ("all",), default="all")
    ap.add_argument("--quick", action="store_true", help="small sizes: the whole run takes a few minutes")
    ap.add_argument("--articles", default=str(MORE_ARTICLES),
                    help="folder of real articles besides data/articles [../shared/articles/more]")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if args.what in ("extraction", "all") and not Path(args.articles).is_dir():
        log.warning("%s is not a folder: extraction uses data/articles only", args.articles)
    started = time.perf_counter()
    print("## Machine\n\n" + machine() + "\n")
    status = 0
    for name in PARTS if args.what == "all" else (args.what,):
        log.info("benchmark: %s", name)
        t = time.perf_counter()
        command = f"esgraf bench {name}{' --quick' if args.quick else ''}"
        try:
            text = part(name, args.quick, args.articles)
        except Exception as exc:  # one benchmark's failure is a finding; the others still run
            log.error("benchmark %s failed: %s", name, exc)
            text, status = f"Failed: {exc}", 1
        print(f"## {name.capitalize()}\n\n`{command}` ({time.perf_counter() - t:.0f} s)\n\n{text}\n", flush=True)
    log.info("benchmarks done in %.0f s", time.perf_counter() - started)
    return status


if __name__ == "__main__":
    sys.exit(main())
