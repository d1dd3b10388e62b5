"""From files to the store: read articles, extract them together, write one graph per article.

Each article's graph and its description in the metadata graph are replaced in one transaction, so a
reader never sees half an article and re-loading leaves no duplicates. A bad file is reported in one line
and skipped; the others load.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from esgraf.settings import Settings
from graph.build import article_triples, meta_triples
from graph.iri import Minter
from graph.model import Article, Extraction
from graph.ontology import ensure_reference_data
from graph.store import Store
from graph.vocab import ORG, SKOS
from loaders.pipeline import extract_batches
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
    """Names and acronyms of the organisations already stored, so new articles join them."""
    known = KnownEntities()
    prefix = f"{mint.base}organization/"
    rows = store.select(f"""
        SELECT ?o ?label WHERE {{
          ?o a <{ORG.Organization}> .
          {{ ?o <{SKOS.prefLabel}> ?label }} UNION {{ ?o <{SKOS.altLabel}> ?label }}
        }}""")
    for r in rows:
        iri, label = str(r.get("o", "")), str(r.get("label", ""))
        if not iri.startswith(prefix) or not label:
            continue
        key = iri[len(prefix):]
        if label.isupper() and len(label) <= 12:
            known.acronyms.setdefault(label, key)
        known.names.setdefault(label.casefold(), key)
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


def load_paths(store: Store, paths: Iterable[Path | str], *, settings: Settings,
               progress: Callable[[int, Extraction], None] | None = None, batch_size: int = 200) -> LoadReport:
    """Read, extract and store every article under ``paths``; reference data (ontology, TERYT) first."""
    t0 = time.perf_counter()
    mint = Minter(settings.base_iri)
    report = LoadReport()
    ensure_reference_data(store, mint)
    known = known_from_store(store, mint)
    n = 0
    for batch in extract_batches(iter_articles(paths, settings, report), known, batch=batch_size):
        for x in batch:
            n += 1
            try:
                report.triples += store_extraction(store, x, mint)
                report.articles += 1
            except Exception as exc:  # one article's failure must not lose the others
                report.failed.append(f"{x.article.source}: {exc}")
                log.error("not stored: %s: %s", x.article.source, exc)
            if progress:
                progress(n, x)
    report.seconds = time.perf_counter() - t0
    return report
