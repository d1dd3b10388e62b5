"""From files to the store: read articles, extract them together, write one graph per article.

Each article's graph and its description in the metadata graph are replaced in one transaction, so a
reader never sees half an article and re-loading leaves no duplicates. A bad file, or an article that cannot
be extracted or stored, is reported in one line and left out; the others load.

With worker processes extracting (``jobs``), the batches are written by a thread of their own while the next
batch is extracted, in the order they were read, so the store is the same whether the extraction ran here or in
the workers.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.settings import Settings
from graph.build import article_triples, meta_triples
from graph.iri import Minter
from graph.model import Article, Entity, Extraction
from graph.ontology import ensure_reference_data
from graph.store import Store
from graph.vocab import ORG, SKOS
from loaders.parallel import parallel_batches
from loaders.pipeline import ExtractionError
from loaders.readers import ReadError, read_articles
from loaders.resolve import KnownEntities

log = logging.getLogger("esgraf.load")


@dataclass
class LoadReport:
    articles: int = 0
    triples: int = 0
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # articles read but not stored
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failed

    def not_extracted(self, article: Article, error: ExtractionError) -> None:
        """Count and tell, in one line, an article the pipeline could not read (``on_error`` of the extractors)."""
        self.failed.append(f"{article.source}: {error}")
        log.error("not extracted: %s: %s", article.source, error)


def iter_articles(paths: Iterable[Path | str], settings: Settings, report: LoadReport) -> Iterator[Article]:
    """The readable articles under ``paths``; each unreadable item is logged in one line and counted."""
    for item in read_articles(paths, max_bytes=settings.max_article_bytes):
        if isinstance(item, ReadError):
            report.errors.append(str(item))
            log.error("skipped: %s", item)
        else:
            yield item


def read_all(paths: Iterable[Path | str], settings: Settings, report: LoadReport) -> list[Article]:
    return list(iter_articles(paths, settings, report))


def known_from_store(store: Store, mint: Minter) -> KnownEntities:
    """Names and acronyms of the organisations already stored, so new articles join them: each is known as if an
    article of this load had named it."""
    known = KnownEntities()
    names: dict[str, list[str]] = {}
    rows = store.select(f"""
        SELECT ?o ?label WHERE {{
          ?o a <{ORG.Organization}> .
          {{ ?o <{SKOS.prefLabel}> ?label }} UNION {{ ?o <{SKOS.altLabel}> ?label }}
        }}""")
    for r in rows:
        key, label = mint.key(str(r.get("o", "")), "Organization"), str(r.get("label", ""))
        if key and label:
            names.setdefault(key, []).append(label)
    for key, (name, *aliases) in names.items():
        known.add(Entity(key, "Organization", name, aliases=set(aliases)))
    return known


def store_extraction(store: Store, x: Extraction, mint: Minter) -> int:
    """Replace one article's graph and description atomically; the number of triples written."""
    graph = mint.article_graph(x.article.id)
    triples = article_triples(x, mint)
    meta = meta_triples(x, mint)
    store.replace_graphs({str(graph): triples},
                         forget={str(mint.meta_graph): [str(mint.article(x.article.id)), str(graph)]},
                         add={str(mint.meta_graph): meta})
    return len(triples) + len(meta)


class _Writer:
    """Stores batches of extractions in order, one transaction per article; ``threaded``, in a thread of its own
    while the loading thread waits for the next batch from the worker processes.

    Without workers the loading thread stores too: the extraction would hold the interpreter the writing
    thread needs between two transactions, and both would go slower than one after the other.
    """

    def __init__(self, store: Store, mint: Minter, report: LoadReport,
                 progress: Callable[[int, Extraction], None] | None, threaded: bool):
        self.store, self.mint, self.report, self.progress = store, mint, report, progress
        self.stored = 0
        self.batches: queue.Queue[list[Extraction] | None] = queue.Queue(maxsize=1)  # one batch ahead at most
        self.stopping = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="esgraf-writer", daemon=True) if threaded else None
        if self.thread is not None:
            self.thread.start()

    def put(self, batch: list[Extraction]) -> None:
        if self.thread is None:
            self._store(batch)
            return
        self.batches.put(batch)
        if self.error is not None:
            raise self.error

    def close(self, finish: bool = True) -> None:
        """Wait for the batches given so far to be stored (with ``finish`` off, only for the article being
        stored)."""
        if self.thread is None:
            return
        if not finish:
            self.stopping.set()
        self.batches.put(None)
        self.thread.join()
        if self.error is not None and finish:
            raise self.error

    def _run(self) -> None:
        while (batch := self.batches.get()) is not None:
            if self.error is None:  # after an error, taking the batches keeps the loading thread from waiting
                try:
                    self._store(batch)
                except BaseException as exc:  # noqa: BLE001 - raised in the loading thread
                    self.error = exc

    def _store(self, batch: list[Extraction]) -> None:
        for x in batch:
            if self.stopping.is_set():
                return
            self.stored += 1
            try:
                self.report.triples += store_extraction(self.store, x, self.mint)
                self.report.articles += 1
            except Exception as exc:  # one article's failure must not lose the others
                self.report.failed.append(f"{x.article.source}: {exc}")
                log.error("not stored: %s: %s", x.article.source, exc)
            if self.progress:
                self.progress(self.stored, x)


def load_paths(store: Store, paths: Iterable[Path | str], *, settings: Settings,
               progress: Callable[[int, Extraction], None] | None = None, batch_size: int = 200,
               jobs: int = 1) -> LoadReport:
    """Read, extract and store every article under ``paths``; reference data (ontology, TERYT) first.

    ``jobs`` is how many processes share the work: this one stores (one article after the other, as the
    store's transactions must), and ``jobs - 1`` worker processes extract (see
    :func:`loaders.parallel.parallel_batches`); with one, this process extracts too.
    """
    t0 = time.perf_counter()
    mint = Minter(settings.base_iri)
    report = LoadReport()
    ensure_reference_data(store, mint, settings.data_path)
    known = known_from_store(store, mint)

    batches = parallel_batches(iter_articles(paths, settings, report), known, batch=batch_size, workers=jobs - 1,
                               data_dir=settings.data_path, on_error=report.not_extracted)
    writer = _Writer(store, mint, report, progress, threaded=jobs > 1)
    try:
        for batch in batches:
            writer.put(batch)
    except BaseException:
        writer.close(finish=False)
        raise
    finally:
        batches.close()  # stops the worker processes
    writer.close()
    report.seconds = time.perf_counter() - t0
    return report
