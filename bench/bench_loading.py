"""Benchmark of loading: triples per second into the embedded store and into an Oxigraph server.

A synthetic corpus (bench/generate.py) goes through ``esgraf load`` (read a JSON Lines feed, extract, replace
one graph per article) into an embedded store on disk, the whole command timed, once with ``--jobs 1`` (one
process) and once with ``--jobs 2`` (a worker extracts while the command stores). The same extractions are then
stored again without extraction, two ways, into the embedded store and into the ``oxigraph`` server on
127.0.0.1:

* per article, transactional: ``article_triples`` + ``meta_triples``, then ``Store.replace_graphs`` (one SPARQL
  update per article, as ``esgraf load`` does);
* bulk: all graphs dumped to one N-Quads file, then ``Store.load_file`` (pyoxigraph's bulk loader embedded,
  one Graph Store POST to the server).

Checkpoints at about 10k, 100k and 1M triples show how the cost grows with the store.

    python -m bench.bench_loading [--articles 4600] [--articles-folder FOLDER]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench import common
from bench.common import MORE_ARTICLES, rate, table, timed
from bench.generate import write_jsonl
from graph.iri import Minter
from graph.ontology import ensure_reference_data
from graph.settings import Settings
from graph.store import OxigraphStore, Store

FULL_ARTICLES = 4600  # a little over a million triples
QUICK_ARTICLES = 150
CHECKPOINTS = (10_000, 100_000, 1_000_000)
GOAL_SECONDS = 60  # a million triples loaded in under a minute, embedded


#: ``esgraf load --jobs`` of the end-to-end runs, in the order they run
JOBS = (1, 2)


def esgraf_load(work: Path, feed: Path, jobs: int, mint: Minter) -> dict:
    """``esgraf load --jobs JOBS FEED`` into a new embedded store, the whole process timed; what it stored."""
    folder = work / f"e2e-{jobs}"
    command = [sys.executable, "-m", "esgraf.cli", "-q", "--store", str(folder), "load", "--jobs", str(jobs),
               str(feed)]
    done, seconds = timed(lambda: subprocess.run(command, capture_output=True, text=True, check=False))
    store = OxigraphStore(folder, read_only=True)
    try:
        articles = sum(1 for g in store.named_graphs() if mint.is_article_graph(g))
        rows = store.select(f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
                                FILTER(?g NOT IN (<{mint.ontology_graph}>, <{mint.teryt_graph}>)) }}""")
        triples = int(rows[0]["n"])
    finally:
        del store  # pyoxigraph refuses to flush a read-only store: let it go unclosed
    shutil.rmtree(folder, ignore_errors=True)
    errors = done.stderr.strip().splitlines() if done.returncode else []
    return {"jobs": jobs, "articles": articles, "triples": triples, "seconds": seconds, "errors": len(errors)}


def per_article(store: Store, graphs: Sequence[tuple[str, list, str, list]], mint: Minter,
                checkpoints: Sequence[int]) -> dict:
    """Replace one graph per article, as ``store_extraction`` does; times at the triple checkpoints."""
    meta = str(mint.meta_graph)
    _, ref_seconds = timed(lambda: ensure_reference_data(store, mint))
    marks: dict[int, tuple[int, float]] = {}
    total, seconds = 0, 0.0
    pending = sorted(checkpoints)
    for n, (graph, triples, article, described) in enumerate(graphs, start=1):
        _, t = timed(lambda: store.replace_graphs({graph: triples}, forget={meta: [article, graph]},
                                                  add={meta: described}))
        seconds += t
        total += len(triples) + len(described)
        while pending and total >= pending[0]:
            marks[pending.pop(0)] = (n, total, seconds)
    marks.setdefault(total, (len(graphs), total, seconds))
    return {"reference": ref_seconds, "marks": marks, "triples": total, "seconds": seconds}


def growth_rows(name: str, marks: dict) -> list[tuple]:
    """Rows of a growth table: triples per second overall and over each stretch between checkpoints."""
    rows = []
    prev_n, prev_t, prev_s = 0, 0, 0.0
    for _mark, (n, total, seconds) in sorted(marks.items()):
        rows.append((name, f"{n:,}", f"{total:,}", f"{seconds:.1f}", rate(total, seconds),
                     rate(total - prev_t, seconds - prev_s), f"{(seconds - prev_s) / max(1, n - prev_n) * 1000:.1f}"))
        prev_n, prev_t, prev_s = n, total, seconds
    return rows


def run(count: int = FULL_ARTICLES, folder: Path | str = MORE_ARTICLES, checkpoints: Sequence[int] = CHECKPOINTS,
        server: bool = True) -> str:
    """The loading figures as Markdown."""
    mint = Minter(Settings.from_env().base_iri)
    out = []
    with tempfile.TemporaryDirectory(prefix="esgraf-bench-") as tmp:
        work = Path(tmp)
        feed = write_jsonl(work / "corpus.jsonl", count, seed=1, sources=(common.SAMPLE_ARTICLES, Path(folder)))
        e2e = [esgraf_load(work, feed, jobs, mint) for jobs in JOBS]
        extractions = common.synthetic_extractions(count, folder)  # what the loads extracted, kept for the run
        graphs, build_seconds = timed(lambda: common.article_graphs(extractions, mint))
        n_triples = sum(len(t) + len(d) for _g, t, _a, d in graphs)

        # per article, transactional, embedded on disk
        store = OxigraphStore(work / "per-article")
        emb = per_article(store, graphs, mint, checkpoints)
        _, close_seconds = timed(store.close)
        emb["seconds"] += close_seconds

        # bulk: one N-Quads file, pyoxigraph's bulk loader
        nq = work / "all.nq"
        quads, dump_seconds = timed(lambda: common.write_nquads(nq, graphs, mint, common.reference_nquads(work, mint)))
        bulk = OxigraphStore(work / "bulk")
        _, bulk_seconds = timed(lambda: bulk.load_file(nq, "nq"))
        bulk_quads = bulk.count()
        bulk.close()
        bulk_rows = [("embedded `OxigraphStore.load_file` (bulk loader)", f"{bulk_quads:,}", f"{bulk_seconds:.1f}",
                      rate(bulk_quads, bulk_seconds))]
        srv_rows: list[tuple] = []
        if server and common.oxigraph_binary():
            with common.oxigraph_server(work / "server-per-article") as srv:
                remote = srv.store()
                sp = per_article(remote, graphs, mint, checkpoints)
                srv_quads = remote.count()
            srv_rows = growth_rows("Oxigraph server, `SparqlStore.replace_graphs` (HTTP)", sp["marks"])
            with common.oxigraph_server(work / "server-bulk") as srv:
                remote = srv.store()
                _, post_seconds = timed(lambda: remote.load_file(nq, "nq"))
                post_quads = remote.count()
            bulk_rows.append(("Oxigraph server, `SparqlStore.load_file` (one Graph Store POST)", f"{post_quads:,}",
                              f"{post_seconds:.1f}", rate(post_quads, post_seconds)))
        nq_mib = nq.stat().st_size / 2**20

    per_1m = emb["seconds"] / n_triples * 1_000_000
    alone = e2e[0]["seconds"]
    out += [f"{count:,} synthetic articles (bench/generate.py, seed 1), {n_triples:,} triples in article "
            f"and metadata graphs, plus {quads - n_triples:,} of reference data (ontology, TERYT).", "",
            "**`esgraf load`** (the whole command: read the JSON Lines feed, extract in batches, replace one graph "
            "per article; embedded store on disk; `--jobs 2`: one worker process extracts while the command "
            "stores):", "",
            table(["command", "articles", "triples", "seconds", "articles/s", "triples/s", "s per million triples",
                   "time vs --jobs 1", "errors"],
                  [(f"`esgraf load --jobs {r['jobs']}`", f"{r['articles']:,}", f"{r['triples']:,}",
                    f"{r['seconds']:.1f}", rate(r["articles"], r["seconds"]), rate(r["triples"], r["seconds"]),
                    f"{r['seconds'] / max(1, r['triples']) * 1e6:.0f}", f"{r['seconds'] / alone:.2f}×", r["errors"])
                   for r in e2e]),
            "",
            "**Store only, per article** (one transaction per article: drop its graph, forget its description, "
            "insert both; reference data first). Cumulative figures at each checkpoint, then the rate over the "
            "stretch since the previous one:", "",
            table(["target", "articles", "triples", "seconds", "triples/s overall", "triples/s in stretch",
                   "ms per article in stretch"],
                  growth_rows("embedded `OxigraphStore.replace_graphs`", emb["marks"]) + srv_rows),
            "",
            "**Store only, bulk** (one N-Quads file with the reference data):", "",
            table(["target", "quads", "seconds", "quads/s"], bulk_rows),
            "",
            f"- building the triples from the extractions (`article_triples`, `meta_triples`): "
            f"{build_seconds:.1f} s ({rate(n_triples, build_seconds)} triples/s)",
            f"- writing the N-Quads file ({nq_mib:,.0f} MiB) from them: {dump_seconds:.1f} s "
            f"({rate(quads, dump_seconds)} quads/s)",
            f"- reference data (ontology, TERYT) into the empty embedded store: {emb['reference']:.1f} s; "
            f"closing (flush): {close_seconds:.1f} s",
            f"- goal: 1M triples embedded in under {GOAL_SECONDS} s. Per article: {per_1m:.0f} s per million "
            f"(store only), {e2e[-1]['seconds'] / max(1, e2e[-1]['triples']) * 1e6:.0f} s per million through "
            f"`esgraf load --jobs {e2e[-1]['jobs']}`; bulk: "
            f"{bulk_seconds / bulk_quads * 1e6:.1f} s per million (+{dump_seconds / quads * 1e6:.0f} s to write "
            f"the file)"]
    if srv_rows:
        out.append(f"- the server holds {srv_quads:,} quads after the per-article load, {post_quads:,} after the "
                   "bulk one")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=FULL_ARTICLES, help="synthetic articles to load")
    ap.add_argument("--articles-folder", default=str(MORE_ARTICLES),
                    help="real articles the corpus is made from, besides data/articles")
    ap.add_argument("--no-server", action="store_true", help="skip the Oxigraph server")
    args = ap.parse_args()
    print(run(args.articles, args.articles_folder, server=not args.no_server))


if __name__ == "__main__":
    main()
