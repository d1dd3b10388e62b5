"""Benchmark of loading: triples per second into the embedded store and into an Oxigraph server.

A synthetic corpus (bench/generate.py) goes through esgraf's own load path (``esgraf.pipeline.load_paths``:
read a JSON Lines feed, extract, replace one graph per article) into an embedded store on disk. The
extractions it produced are then stored again without extraction, two ways, into the embedded store and into
the ``oxigraph`` server on 127.0.0.1:

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
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench import common
from bench.common import MORE_ARTICLES, rate, table, timed
from graph.settings import Settings
from graph.iri import Minter
from graph.model import Extraction
from graph.ontology import ensure_reference_data
from graph.store import OxigraphStore, Store

FULL_ARTICLES = 4600  # a little over a million triples
QUICK_ARTICLES = 150
CHECKPOINTS = (10_000, 100_000, 1_000_000)
GOAL_SECONDS = 60  # a million triples loaded in under a minute, embedded


def load_path(work: Path, count: int, folder: Path | str) -> tuple[dict, list[Extraction]]:
    """esgraf's load path end to end over ``count`` synthetic articles; the extractions it stored."""
    from bench.generate import write_jsonl
    from esgraf.pipeline import load_paths

    feed = write_jsonl(work / "corpus.jsonl", count, seed=1, sources=(common.SAMPLE_ARTICLES, Path(folder)))
    settings = Settings.from_env(store=str(work / "e2e"))
    seen: list[Extraction] = []
    store = OxigraphStore(work / "e2e")
    try:
        report, seconds = timed(lambda: load_paths(store, [feed], settings=settings,
                                                   progress=lambda n, x: seen.append(x)))
        quads = store.count()
    finally:
        store.close()
    shutil.rmtree(work / "e2e", ignore_errors=True)
    return {"articles": report.articles, "triples": report.triples, "quads": quads, "seconds": seconds,
            "errors": len(report.errors) + len(report.failed)}, seen


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
        e2e, extractions = load_path(work, count, folder)
        common.remember_extractions(count, extractions)
        graphs, build_seconds = timed(lambda: common.article_graphs(extractions, mint))
        n_triples = sum(len(t) + len(d) for _g, t, _a, d in graphs)

        # per article, transactional, embedded on disk
        store = OxigraphStore(work / "per-article")
        emb = per_article(store, graphs, mint, checkpoints)
        _, close_seconds = timed(store.close)
        emb["seconds"] += close_seconds

        # bulk: one N-Quads file, pyoxigraph's bulk loader
        ref = common.reference_nquads(work, mint)
        nq = work / "all.nq"
        quads, dump_seconds = timed(lambda: common.write_nquads(nq, graphs, mint, ref))
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
    out += [f"{e2e['articles']:,} synthetic articles (bench/generate.py, seed 1), {n_triples:,} triples in article "
            f"and metadata graphs, plus {quads - n_triples:,} of reference data (ontology, TERYT).", "",
            "**esgraf's load path** (`load_paths`: read the JSON Lines feed, extract in batches, replace one graph "
            "per article; embedded store on disk):", "",
            table(["articles", "triples", "seconds", "articles/s", "triples/s", "errors"],
                  [(f"{e2e['articles']:,}", f"{e2e['triples']:,}", f"{e2e['seconds']:.1f}",
                    rate(e2e["articles"], e2e["seconds"]), rate(e2e["triples"], e2e["seconds"]), e2e["errors"])]),
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
            f"(store only), {e2e['seconds'] / e2e['triples'] * 1e6:.0f} s per million with extraction; bulk: "
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
