"""What the benchmarks share: the machine they ran on, timers, Markdown tables, the real and synthetic corpora,
and an Oxigraph server on 127.0.0.1.

Every figure is printed with the baseline it is compared to, measured in the same run, so a slower or faster
machine changes both and the ratio still says where esgraf stands.
"""
from __future__ import annotations

import importlib.metadata
import os
import platform
import resource
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from bench.oxigraph_server import OxigraphServer, free_port, oxigraph_binary
from graph.build import article_triples, meta_triples
from graph.iri import Minter
from graph.model import Article, Extraction
from graph.settings import DATA_DIR, ROOT
from graph.store import ntriples_term

#: the real articles: the sample corpus, and the larger set kept beside the repository
SAMPLE_ARTICLES = DATA_DIR / "articles"
MORE_ARTICLES = ROOT.parent / "shared" / "articles" / "more"
QUERIES = DATA_DIR / "queries"
PACKAGES = ("esgraf", "pyoxigraph", "oxigraph", "rdflib", "morfeusz2", "SPARQLWrapper", "Flask", "waitress")


def machine() -> str:
    """The machine, as a Markdown list: cores, CPU, RAM, Python and the versions of the packages that matter."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            pass
    try:
        import subprocess

        head = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                              text=True, timeout=10, check=False).stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        head = "unknown"
    return "\n".join([f"- esgraf source: commit {head}",
                      f"- cores (nproc): {os.cpu_count()}", f"- CPU: {cpu}", f"- RAM: {ram:.1f} GiB",
                      f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
                      f"- packages: {', '.join(versions)}",
                      "- load average at the start (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg())])


def timed(fn: Callable[[], object]) -> tuple[object, float]:
    t = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs: the figure least disturbed by the rest of the machine."""
    return min(timed(fn)[1] for _ in range(max(1, repeat)))


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100) by linear interpolation; the value itself for one run."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[max(0, min(98, round(p) - 1))]


def max_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or its waited-for children) in MiB (Linux reports KiB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def table(header: Sequence[str], rows: Iterable[Sequence[object]], align: str | None = None) -> str:
    """A Markdown table; ``align`` is one letter per column, l or r (numbers right by default)."""
    rows = [[str(c) for c in r] for r in rows]
    align = align or "l" + "r" * (len(header) - 1)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:,.1f}"


def rate(count: float, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "n/a"


def real_articles(folder: Path | str = MORE_ARTICLES) -> list[Article]:
    """The five sample articles of the repository and the real articles in ``folder``, as ``esgraf load``
    reads them."""
    from loaders.readers import ReadError, read_articles

    paths = [SAMPLE_ARTICLES] + ([Path(folder)] if Path(folder).is_dir() else [])
    out = [a for a in read_articles(paths) if not isinstance(a, ReadError)]
    if not out:
        raise SystemExit(f"no articles in {SAMPLE_ARTICLES} or {folder}")
    return out


_EXTRACTIONS: dict[int, list[Extraction]] = {}


def synthetic_extractions(count: int, folder: Path | str = MORE_ARTICLES) -> list[Extraction]:
    """``count`` synthetic articles (bench/generate.py, seed 1) extracted in batches as ``esgraf load`` does;
    kept for the run, since several benchmarks load the same corpus."""
    if count not in _EXTRACTIONS:
        from bench.generate import Generator
        from loaders.pipeline import extract_batches

        gen = Generator(real_articles(folder), 1)
        _EXTRACTIONS[count] = [x for b in extract_batches(gen.articles(count), None, batch=200) for x in b]
    return _EXTRACTIONS[count]


def article_graphs(extractions: Sequence[Extraction], mint: Minter) -> list[tuple[str, list, str, list]]:
    """Per article: its graph IRI and triples, and its article IRI and description for the metadata graph."""
    return [(str(mint.article_graph(x.article.id)), article_triples(x, mint), str(mint.article(x.article.id)),
             meta_triples(x, mint)) for x in extractions]


def write_nquads(path: Path, graphs: Sequence[tuple[str, list, str, list]], mint: Minter,
                 reference: Path | None = None) -> int:
    """Write the articles' graphs (and the reference data in ``reference``, N-Quads) as one N-Quads file;
    the number of quads written."""
    n = 0
    meta = f"<{mint.meta_graph}>"
    with path.open("w", encoding="utf-8") as out:
        if reference is not None:
            with reference.open(encoding="utf-8") as ref:
                for line in ref:
                    out.write(line)
                    n += 1
        for graph, triples, _article, described in graphs:
            g = f"<{graph}>"
            for s, p, o in triples:
                out.write(f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} {g} .\n")
            for s, p, o in described:
                out.write(f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} {meta} .\n")
            n += len(triples) + len(described)
    return n


def reference_nquads(folder: Path, mint: Minter) -> Path:
    """The ontology and TERYT graphs as an N-Quads file (made once per folder)."""
    from graph.ontology import ensure_reference_data
    from graph.store import OxigraphStore

    path = folder / "reference.nq"
    if not path.exists():
        store = OxigraphStore()
        ensure_reference_data(store, mint)
        with path.open("wb") as f:
            store.dump(f, "nq")
    return path


def prefix_for(graphs: Sequence[tuple[str, list, str, list]], triples: int) -> int:
    """How many articles, from the first, hold about ``triples`` triples."""
    total = 0
    for i, (_g, t, _a, d) in enumerate(graphs, start=1):
        total += len(t) + len(d)
        if total >= triples:
            return i
    return len(graphs)


def oxigraph_server(location: Path) -> OxigraphServer:
    """An Oxigraph server over ``location`` on a free port of 127.0.0.1."""
    return OxigraphServer(location)


_WORKSPACE: list[Path] = []


def workspace() -> Path:
    """A folder for this run's files (N-Quads dumps, stores), removed when the process ends."""
    if not _WORKSPACE:
        import atexit
        import shutil
        import tempfile

        path = Path(tempfile.mkdtemp(prefix="esgraf-bench-"))
        atexit.register(shutil.rmtree, path, True)
        _WORKSPACE.append(path)
    return _WORKSPACE[0]


_DATASETS: dict[tuple[int, int], dict] = {}


def dataset(triples: int, articles: int, folder: Path | str = MORE_ARTICLES) -> dict:
    """A store on disk with the reference data and the first synthetic articles holding about ``triples``
    triples (out of a corpus of ``articles``), bulk-loaded from an N-Quads file; made once per run.

    Returns ``nq`` (the file), ``store`` (the folder, closed), ``quads`` and ``articles``.
    """
    key = (triples, articles)
    if key not in _DATASETS:
        from graph.settings import Settings
        from graph.store import OxigraphStore

        mint = Minter(Settings.from_env().base_iri)
        graphs = article_graphs(synthetic_extractions(articles, folder), mint)
        k = prefix_for(graphs, triples)
        work = workspace()
        nq = work / f"data-{triples}.nq"
        quads = write_nquads(nq, graphs[:k], mint, reference_nquads(work, mint))
        folder_ = work / f"store-{triples}"
        store = OxigraphStore(folder_)
        store.load_file(nq, "nq")
        store.close()
        _DATASETS[key] = {"nq": nq, "store": folder_, "quads": quads, "articles": k}
    return _DATASETS[key]


__all__ = ["free_port", "oxigraph_binary"]
