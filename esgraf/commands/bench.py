"""``esgraf bench``: measure extraction, loading, queries, memory and the network, and print Markdown tables.

The benchmarks live in ``bench/`` of a source checkout (they read the real articles beside it and start an
Oxigraph server on 127.0.0.1); ``--quick`` uses small sizes so that everything runs in a minute or two.
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import click

from esgraf.cli import UserError

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("extraction", "loading", "queries", "memory", "network")


def _import_bench() -> None:
    if not (ROOT / "bench" / "common.py").is_file():
        raise UserError("the benchmarks run from a source checkout of esgraf (bench/ is not installed)")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def _network(quick: bool) -> str:
    from bench import bench_network as bn

    lines = ["| organisations | nodes | ties | quads | build from store (s) | metrics (s) | layout (s) | "
             "map JSON (s) | first draw, sigma.js (s) | first draw, vis-network (s) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size in (500,) if quick else (500, 2000, 5000):
        r = bn.run(size, True, pyvis_budget=0)
        exact = "" if r["exact"] else " (sampled betweenness)"
        lines.append(f"| {r['size']:,} | {r['nodes']:,} | {r['edges']:,} | {r['quads']:,} | {r['build']:.2f} | "
                     f"{r['metrics']:.2f}{exact} | {r['layout']:.2f} | {r['json']:.2f} | {bn.seconds(r['draw'])} | "
                     f"{bn.seconds(r['draw_vis'])} |")
    lines.append("\nFirst draw: from reloading the whole map in Debian's Chromium (server cache warm) until the page "
                 "signals its first frame; sigma.js is what /network draws with, vis-network the canvas it drew "
                 "with before (bench/vis_map/). n/a: no Chromium or Playwright here.")
    return "\n".join(lines)


def _part(name: str, quick: bool, folder: str) -> tuple[str, str]:
    """One benchmark's Markdown and the command that runs it alone."""
    from bench import bench_extraction, bench_loading, bench_memory, bench_queries

    q = " --quick" if quick else ""
    command = f"esgraf bench {name}{q}"
    if name == "extraction":
        return bench_extraction.run(folder, repeat=1 if quick else 3, sizes=(50,) if quick else (100, 1000)), command
    if name == "loading":
        return bench_loading.run(bench_loading.QUICK_ARTICLES if quick else bench_loading.FULL_ARTICLES,
                                 folder, checkpoints=(10_000, 30_000) if quick else bench_loading.CHECKPOINTS), command
    articles = bench_loading.QUICK_ARTICLES if quick else bench_loading.FULL_ARTICLES
    if name == "queries":
        sizes = (10_000, 30_000) if quick else bench_queries.SIZES
        return bench_queries.run(sizes, articles, runs=5 if quick else 20, budget=2.0 if quick else 5.0,
                                 rdflib_budget=2.0 if quick else 10.0, folder=folder), command
    if name == "memory":
        return bench_memory.run(30_000 if quick else 1_000_000, articles, folder, 2 if quick else 10), command
    return _network(quick), command


@click.command("bench")
@click.argument("what", type=click.Choice(PARTS + ("all",)), default="all")
@click.option("--quick", is_flag=True, help="Small sizes: the whole run takes about three minutes.")
@click.option("--articles", "folder", type=click.Path(file_okay=False), default=None,
              help="Folder of real articles besides data/articles [../shared/articles/more].")
def command(what: str, quick: bool, folder: str | None) -> None:
    """Benchmark extraction, loading, queries, serve's memory and the network map; prints Markdown."""
    _import_bench()
    from bench.common import MORE_ARTICLES, machine

    folder = folder or str(MORE_ARTICLES)
    if what in ("extraction", "all") and not Path(folder).is_dir():
        log.warning("%s is not a folder: extraction uses data/articles only", folder)
    started = time.perf_counter()
    click.echo("## Machine\n\n" + machine() + "\n")
    for name in PARTS if what == "all" else (what,):
        log.info("benchmark: %s", name)
        t = time.perf_counter()
        try:
            text, cmd = _part(name, quick, folder)
        except Exception as exc:  # one benchmark's failure is a finding; the others still run
            if what != "all":
                raise UserError(f"{name}: {exc}") from exc
            log.error("benchmark %s failed: %s", name, exc)
            text, cmd = f"Failed: {exc}", f"esgraf bench {name}{' --quick' if quick else ''}"
        click.echo(f"## {name.capitalize()}\n\n`{cmd}` ({time.perf_counter() - t:.0f} s)\n\n{text}\n", nl=True)
        sys.stdout.flush()
    log.info("benchmarks done in %.0f s", time.perf_counter() - started)
