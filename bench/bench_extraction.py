"""Benchmark of extraction: articles and words per second on the real articles, against Morfeusz 2 alone.

Morfeusz analysing each article's whole text is the floor of any Morfeusz-based pipeline: esgraf cannot read
an article faster than its morphological analyser does. Each side runs in a fresh single-threaded process,
so its peak memory (ru_maxrss) is its own and the "cold" pass starts with empty caches. Synthetic corpora
(bench/generate.py) show how corpus extraction grows with the number of articles.

    python -m bench.bench_extraction [--articles FOLDER] [--repeat 3] [--sizes 100 1000]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.common import (MORE_ARTICLES, ROOT, max_rss_mib, percentile, rate, real_articles, table,
                          timed)

_WORD = re.compile(r"\w+")
GOAL = 50  # articles per second on one core, as the product promises


def words(text: str) -> int:
    return len(_WORD.findall(text))


def forget_words() -> None:
    """Empty esgraf's caches of analysed word forms (not the loaded dictionary or gazetteers)."""
    from loaders import names
    from loaders.morph import Morph

    for cached in (Morph.analyse, Morph.forms, names._nouns, names._adjectives):
        cached.cache_clear()


def _worker(kind: str, folder: str, repeat: int, size: int) -> dict:
    """Run in a fresh process: one side of the comparison, with its cold pass, warm passes and peak memory."""
    base_rss = max_rss_mib()
    if kind == "synthetic":
        from bench.generate import Generator
        from loaders.pipeline import extract_corpus

        arts = Generator(real_articles(folder), 1).articles(size)
        _, seconds = timed(lambda: extract_corpus(arts))
        return {"articles": len(arts), "words": sum(words(a.text) for a in arts), "seconds": seconds,
                "rss": max_rss_mib()}
    arts = real_articles(folder)
    texts = [a.text for a in arts]
    out: dict = {"articles": len(arts), "words": sum(words(t) for t in texts), "chars": sum(map(len, texts))}
    if kind == "morfeusz":
        import morfeusz2

        _, out["load"] = timed(morfeusz2.Morfeusz)
        m = morfeusz2.Morfeusz()
        out["rss_loaded"] = max_rss_mib()

        def analyse_all() -> None:
            for t in texts:
                m.analyse(t)
        _, out["cold"] = timed(analyse_all)
        out["warm"] = min(timed(analyse_all)[1] for _ in range(repeat))
    else:
        from loaders.morph import morph
        from loaders.pipeline import extract, extract_corpus

        _, out["load"] = timed(morph)
        out["rss_loaded"] = max_rss_mib()
        per = []
        t0 = time.perf_counter()
        for a in arts:
            per.append(timed(lambda: extract(a))[1])
        out["cold"] = time.perf_counter() - t0
        warm = []
        for _ in range(repeat):
            per = [timed(lambda: extract(a))[1] for a in arts]
            warm.append(sum(per))
        out["warm"] = min(warm)
        out["p50"], out["p95"] = percentile(per, 50), percentile(per, 95)
        # every article as if none of its words had been seen: Morfeusz analyses each of them again
        nocache = []
        for _ in range(repeat):
            total = 0.0
            for a in arts:
                forget_words()
                total += timed(lambda: extract(a))[1]
            nocache.append(total)
        out["nocache"] = min(nocache)
        out["corpus"] = min(timed(lambda: extract_corpus(arts))[1] for _ in range(repeat))
    out["rss"] = max_rss_mib()
    out["rss_start"] = base_rss
    return out


def measure(kind: str, folder: Path | str, repeat: int = 3, size: int = 0) -> dict:
    """One worker's figures, from a fresh Python process."""
    cmd = [sys.executable, "-m", "bench.bench_extraction", "--worker", kind, "--articles", str(folder),
           "--repeat", str(repeat), "--size", str(size)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(folder: Path | str = MORE_ARTICLES, repeat: int = 3, sizes: tuple[int, ...] = (100, 1000)) -> str:
    """The extraction figures as Markdown."""
    m = measure("morfeusz", folder, repeat)
    e = measure("esgraf", folder, repeat)
    n, w = e["articles"], e["words"]
    rows = [
        ("Morfeusz 2 `analyse(text)` (floor), warm", f"{m['warm']:.2f}", rate(n, m["warm"]), rate(w, m["warm"]),
         "1.0×", f"{m['rss']:.0f}"),
        ("Morfeusz 2 `analyse(text)`, cold (first pass)", f"{m['cold']:.2f}", rate(n, m["cold"]),
         rate(w, m["cold"]), f"{m['cold'] / m['warm']:.1f}×", ""),
        ("esgraf `extract` one article at a time, warm (words cached)", f"{e['warm']:.2f}", rate(n, e["warm"]),
         rate(w, e["warm"]), f"{e['warm'] / m['warm']:.1f}×", f"{e['rss']:.0f}"),
        ("esgraf `extract`, no word seen before (caches emptied per article)", f"{e['nocache']:.2f}",
         rate(n, e["nocache"]), rate(w, e["nocache"]), f"{e['nocache'] / m['warm']:.1f}×", ""),
        ("esgraf `extract`, cold (first pass, empty caches)", f"{e['cold']:.2f}", rate(n, e["cold"]),
         rate(w, e["cold"]), f"{e['cold'] / m['warm']:.1f}×", ""),
        ("esgraf `extract_corpus` (two passes + names), warm", f"{e['corpus']:.2f}", rate(n, e["corpus"]),
         rate(w, e["corpus"]), f"{e['corpus'] / m['warm']:.1f}×", ""),
    ]
    out = [f"{n} real articles, {w:,} words, {e['chars']:,} characters; best of {repeat} warm passes.",
           "",
           table(["what", "seconds", "articles/s", "words/s", "time vs Morfeusz floor", "peak RSS (MiB)"], rows),
           "",
           f"- one article with `extract`, warm: p50 {e['p50'] * 1000:.1f} ms, p95 {e['p95'] * 1000:.1f} ms",
           f"- loading the dictionaries: Morfeusz {m['load']:.2f} s; esgraf's morphology {e['load']:.2f} s",
           f"- resident memory before extraction: {e['rss_loaded']:.0f} MiB (interpreter, Morfeusz, gazetteers); "
           f"Morfeusz alone {m['rss_loaded']:.0f} MiB",
           f"- goal: {GOAL} articles/s on one core; `extract` reaches {n / e['warm']:.0f} with its word cache "
           f"warm, {n / e['nocache']:.0f} with every word new, {n / e['cold']:.0f} in a fresh process; "
           f"`extract_corpus` {n / e['corpus']:.0f}; the Morfeusz floor alone allows {n / m['warm']:.0f}"]
    if sizes:
        rows = []
        for size in sizes:
            s = measure("synthetic", folder, repeat, size)
            rows.append((f"{s['articles']:,}", f"{s['words']:,}", f"{s['seconds']:.1f}",
                         rate(s["articles"], s["seconds"]), rate(s["words"], s["seconds"]), f"{s['rss']:.0f}"))
        out += ["", "`extract_corpus` on synthetic corpora (bench/generate.py, seed 1; one fresh process each, "
                    "cold caches):", "",
                table(["articles", "words", "seconds", "articles/s", "words/s", "peak RSS (MiB)"], rows)]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default=str(MORE_ARTICLES),
                    help="folder of real articles besides data/articles (default: ../shared/articles/more)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    ap.add_argument("--worker", choices=["morfeusz", "esgraf", "synthetic"], help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(_worker(args.worker, args.articles, args.repeat, args.size)))
        return
    print(run(args.articles, args.repeat, tuple(args.sizes)))


if __name__ == "__main__":
    main()
