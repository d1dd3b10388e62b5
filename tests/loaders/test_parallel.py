"""Extraction in worker processes gives what one process gives, and a failing article costs only itself."""
from __future__ import annotations

import copy
import os
from collections.abc import Callable

import pytest

from graph.model import Article, Extraction
from loaders import parallel
from loaders.parallel import Crew, _serve, parallel_batches
from loaders.pipeline import ExtractionError, Pipeline, extract_batches
from loaders.resolve import KnownEntities

#: articles whose text holds these words fail or end their worker (see the serve functions below)
FAILS, DIES = "ARTYKUŁ-WYJĄTEK", "ARTYKUŁ-KONIEC"


def _failing_prepare(real: Callable) -> Callable:
    def prepare(self: Pipeline, article: Article, known: KnownEntities | None = None,  # noqa: ANN202
                lenient: bool = False):
        if FAILS in article.text:
            raise ValueError("no such word")
        if DIES in article.text:
            os._exit(3)
        return real(self, article, known, lenient)
    return prepare


def serve_failing(conn, data_dir, at) -> None:  # noqa: ANN001 - a worker's main, as _serve
    """A worker in which marked articles raise, or end the process."""
    Pipeline.prepare = _failing_prepare(Pipeline.prepare)  # type: ignore[method-assign]
    _serve(conn, data_dir, at)


def read(articles: list[Article], batch: int, workers: int, known: KnownEntities | None = None
         ) -> tuple[list[Extraction], KnownEntities, list[str]]:
    known = known if known is not None else KnownEntities()
    failed: list[str] = []
    out = [x for b in parallel_batches(articles, known, batch, workers=workers,
                                       on_error=lambda a, e: failed.append(f"{a.id}: {e}")) for x in b]
    return out, known, failed


def marked(articles: list[Article], *marks: tuple[int, str]) -> list[Article]:
    out = list(articles)
    for i, word in marks:
        out[i] = Article(id=f"{out[i].id}-x", text=f"{out[i].text}\n{word}", source="marked")
    return out


def unmarked(articles: list[Article]) -> list[Article]:
    return [a for a in articles if a.source != "marked"]


#: an organisation spelled out with its acronym, and articles that name it by the acronym alone: they join it
#: only knowing what the other article said
DEFINES = Article(id="fres", source="fres", text="Spotkanie zorganizowała Fundacja Rozwoju Ekonomii Społecznej "
                  "z Rzeszowa. Przedstawiciele FRES omówili plany.")
NAMES = "W Przemyślu przedstawiciele FRES spotkali się z Anną Górak."
FRES = "fundacja-rozwoju-ekonomii-spolecznej"


def with_acronyms(articles: list[Article]) -> list[Article]:
    out = list(articles)
    for i in (1, 6, 20):  # before it in its batch, after it, in a later batch
        out.insert(i, Article(id=f"fres-{i}", text=NAMES, source="fres"))
    out.insert(4, DEFINES)
    return out


@pytest.mark.parametrize("batch, workers", [(7, 3), (2, 3), (30, 2)])
def test_workers_read_the_articles_as_one_process_does(synthetic_articles: list[Article], batch: int,
                                                        workers: int) -> None:
    """Several batches, blocks of unequal size and, with a batch of two for three workers, an empty block;
    names read in one block join the articles of other blocks and batches."""
    articles = with_acronyms(synthetic_articles[:30])
    known = KnownEntities(acronyms={"KOOWES": "owes-kooperacja"}, names={"owes-kooperacja": "owes-kooperacja"})
    alone, known_alone, _ = read(articles, batch, 0, copy.deepcopy(known))
    together, known_together, _ = read(articles, batch, workers, copy.deepcopy(known))
    assert together == alone
    assert known_together == known_alone
    assert len(alone) == len(articles)
    joined = [x.article.id for x in alone if x.article.id.startswith("fres-") and FRES in x.entities]
    assert joined == [i for i in ("fres-1", "fres-6", "fres-20") if batch > 2 or i != "fres-1"]


def test_a_failing_article_is_told_and_the_others_read_as_without_it(synthetic_articles: list[Article],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    articles = synthetic_articles[:12]
    bad = marked(articles, (3, FAILS), (8, FAILS))
    known = KnownEntities()  # the same batches, each without its failing article
    expected = [x for part in (bad[:6], bad[6:]) for x in read(unmarked(part), 6, 0, known)[0]]
    with Crew(2, serve=serve_failing) as crew:
        failed: list[str] = []
        known = KnownEntities()
        together = crew.batch(bad[:6], known, lambda a, e: failed.append(f"{a.id}: {e}"))
        together += crew.batch(bad[6:], known, lambda a, e: failed.append(f"{a.id}: {e}"))
    monkeypatch.setattr(Pipeline, "prepare", _failing_prepare(Pipeline.prepare))
    alone, _, failed_alone = read(bad, 6, 0)
    assert together == alone == expected
    assert failed == failed_alone == [f"{bad[3].id}: ValueError: no such word", f"{bad[8].id}: ValueError: no such word"]


def test_without_a_handler_the_failure_is_raised(synthetic_articles: list[Article],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Pipeline, "prepare", _failing_prepare(Pipeline.prepare))
    with pytest.raises(ValueError, match="no such word"):
        list(extract_batches(marked(synthetic_articles[:3], (1, FAILS))))
    with Crew(1, serve=serve_failing) as crew, pytest.raises(ExtractionError, match="ValueError: no such word"):
        crew.batch(marked(synthetic_articles[:3], (1, FAILS)), KnownEntities(), None)


def test_a_worker_that_stops_takes_only_the_article_it_was_reading(synthetic_articles: list[Article]) -> None:
    articles = marked(synthetic_articles[:10], (6, DIES))
    expected, _, _ = read(unmarked(articles), 10, 0)
    failed: list[str] = []
    with Crew(2, serve=serve_failing) as crew:
        out = crew.batch(articles, KnownEntities(), lambda a, e: failed.append(f"{a.id}: {e}"))
        assert crew.restarts == 1 and all(w.proc.is_alive() for w in crew.workers)
    assert out == expected
    assert failed == [f"{articles[6].id}: the extraction process stopped while reading it (exit code 3)"]


@pytest.mark.parametrize("count, workers, started", [(49, 4, []), (99, 4, []), (120, 4, [2]), (120, 1, []),
                                                     (250, 4, [4]), (250, 1, [1])])
def test_an_input_of_one_small_batch_gets_fewer_workers(synthetic_articles: list[Article],
                                                       monkeypatch: pytest.MonkeyPatch, count: int, workers: int,
                                                       started: list[int]) -> None:
    """A worker takes about a second to start: it is worth it for ARTICLES_PER_WORKER articles or more, and in
    a one-batch input only beside another worker."""
    asked: list[int] = []

    class Counted:
        def __init__(self, size: int, *args: object) -> None:
            asked.append(size)

        def __enter__(self) -> Counted:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def batch(self, *args: object) -> list[Extraction]:
            return []

    monkeypatch.setattr(parallel, "Crew", Counted)
    monkeypatch.setattr(parallel, "extract_batches", lambda *args, **kw: iter(()))  # read here: nothing to see
    monkeypatch.setattr(parallel, "ARTICLES_PER_WORKER", 50)
    list(parallel_batches((synthetic_articles * 10)[:count], batch=200, workers=workers))
    assert asked == started
