"""Extraction on several cores: worker processes read the articles of a batch, with the result one process gives.

A batch is cut into consecutive blocks, one per worker, and each worker keeps its block's documents from step
to step. What does not depend on other articles (tokens, morphology, mentions) runs in every worker at once.
The first resolution pass must see the articles in order, each knowing the names the ones before it added, so
it runs worker after worker: each resolves its block in order and hands on the entities it added, which the
next one adds to what it knows before it starts. Each worker then adds the names of the blocks after its own,
so every worker knows what one process would know after the whole first pass, and finishes its documents:
resolution again and relations. The loading process keeps only the batch's extractions and names each entity
once across the batch, as :func:`loaders.pipeline.extract_batches` does in one process.

An article that fails is reported and left out as in one process. A worker that stops (a crash, or killed for
its memory) takes the article it was reading with it: that article is reported, the workers start again, and
the batch is read again without it. The workers are started once per call and never outlive the loading
process: each stops when the pipe to it closes.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from graph.model import Article, Entity, Extraction
from loaders.pipeline import (ExtractionError, batches_of, default_pipeline, extract_batches, finish_all, first_pass,
                              kept, prepare_all)
from loaders.resolve import KnownEntities

#: articles of a one-batch input for each worker process it is worth starting (see :func:`parallel_batches`)
ARTICLES_PER_WORKER = 50
#: seconds a worker may take to start (importing the pipeline, loading Morfeusz and the word lists)
START_SECONDS = 120.0
#: how often the workers may stop unexpectedly in one call before the reading gives up
MOST_RESTARTS = 5

OnError = Callable[[Article, ExtractionError], None] | None


def _serve(conn: Connection, data_dir: Path | None, at: object) -> None:
    """A worker: build the pipeline, then answer the loading process until the pipe closes.

    ``at`` (shared memory) holds the index in the block of the article being read, so the loading process can
    tell which one a crash took.
    """
    try:
        pipe = default_pipeline(data_dir)
    except Exception as exc:  # noqa: BLE001 - reported to the loading process, which raises it
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))

    def mark(i: int) -> None:
        at.value = i  # type: ignore[attr-defined]

    known, docs = KnownEntities(), []
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        op, arg = message
        if op == "known":
            known = arg
        elif op == "prepare":
            docs = prepare_all(pipe, arg, known, True, mark)
        elif op == "resolve":
            for e in arg:
                known.add(e)
            conn.send(first_pass(pipe, docs, known, True, mark))
        elif op == "finish":
            for e in arg:
                known.add(e)
            conn.send(finish_all(pipe, docs, True, mark))
            docs = []
        mark(-1)


class WorkerStopped(Exception):
    """Worker ``n`` ended without answering, while reading the article at ``position`` of its block (-1: none)."""

    def __init__(self, n: int, position: int, exitcode: int | None):
        super().__init__(f"the extraction process stopped while reading it (exit code {exitcode})")
        self.n = n
        self.position = position
        self.exitcode = exitcode


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, ctx: mp.context.SpawnContext, serve: Callable[..., None], data_dir: Path | None, n: int):
        self.n = n
        self.at = ctx.Value("i", -1, lock=False)
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=serve, args=(child, data_dir, self.at), daemon=True,
                                name=f"esgraf-extract-{n}")
        self.proc.start()
        child.close()

    def ready(self) -> None:
        if not self.conn.poll(START_SECONDS):
            raise ExtractionError(f"an extraction process did not start in {START_SECONDS:g} s")
        try:
            status, message = self.receive()  # type: ignore[misc]
        except WorkerStopped as stop:
            raise ExtractionError(f"an extraction process stopped as it started (exit code {stop.exitcode})") \
                from None
        if status != "ready":
            raise ExtractionError(f"an extraction process cannot start: {message}")

    def send(self, op: str, arg: object) -> None:
        try:
            self.conn.send((op, arg))
        except OSError:
            raise self._stopped() from None

    def receive(self) -> object:
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            raise self._stopped() from None

    def _stopped(self) -> WorkerStopped:
        self.proc.join(5)
        return WorkerStopped(self.n, self.at.value, self.proc.exitcode)

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


class Crew:
    """``size`` worker processes reading batches together; a context manager that stops them at its end.

    Each worker runs ``serve(conn, data_dir, at)`` (:func:`_serve` unless a test gives another).
    """

    def __init__(self, size: int, data_dir: Path | None = None, serve: Callable[..., None] = _serve):
        self.size = size
        self.data_dir = data_dir
        self.serve = serve
        self.restarts = 0
        self.workers: list[_Worker] = []
        self._start()

    def _start(self) -> None:
        ctx = mp.get_context("spawn")  # the loading process has the store's threads: never fork it
        self.workers = [_Worker(ctx, self.serve, self.data_dir, n) for n in range(self.size)]
        try:
            for w in self.workers:
                w.ready()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        for w in self.workers:
            w.stop()
        self.workers = []

    def __enter__(self) -> Crew:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def batch(self, items: list[Article], known: KnownEntities, on_error: OnError) -> list[Extraction]:
        """The extractions of one batch, as :func:`loaders.pipeline.extract_batches` makes them; ``known``
        gains the batch's names."""
        while True:
            try:
                blocks = _split(items, len(self.workers))
                results, added = self._read(blocks, known)
                break
            except WorkerStopped as stop:
                items = self._restart(blocks, stop, on_error)
        for e in added:
            known.add(e)
        return kept(items, results, on_error)

    def _read(self, blocks: list[list[Article]], known: KnownEntities
              ) -> tuple[list[Extraction | ExtractionError], list[Entity]]:
        for w in self.workers:
            w.send("known", known)
        for w, block in zip(self.workers, blocks):
            w.send("prepare", block)
        added: list[list[Entity]] = []  # by block, in the order one process adds them
        for w in self.workers:
            w.send("resolve", [e for b in added for e in b])
            added.append(w.receive())  # type: ignore[arg-type]
        for i, w in enumerate(self.workers):
            w.send("finish", [e for b in added[i + 1:] for e in b])
        results: list[Extraction | ExtractionError] = []
        for w in self.workers:
            results += w.receive()  # type: ignore[arg-type]
        return results, [e for b in added for e in b]

    def _restart(self, blocks: list[list[Article]], stop: WorkerStopped, on_error: OnError) -> list[Article]:
        """Report the article a stopped worker took, and start the workers again; the batch without it."""
        block = blocks[stop.n]
        lost = block[stop.position] if 0 <= stop.position < len(block) else None
        self.close()
        self.restarts += 1
        if on_error is None or self.restarts > MOST_RESTARTS:
            raise ExtractionError(f"{lost.source if lost else 'an article'}: {stop}")
        if lost is not None:  # else it stopped between two articles: read the batch again as it was
            on_error(lost, ExtractionError(str(stop)))
        self._start()
        return [a for b in blocks for a in b if a is not lost]


def _split(items: Sequence[Article], parts: int) -> list[list[Article]]:
    """``items`` in ``parts`` consecutive blocks whose sizes differ by one at most."""
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def parallel_batches(articles: Iterable[Article], known: KnownEntities | None = None, batch: int = 200, *,
                     workers: int = 0, data_dir: Path | None = None, on_error: OnError = None
                     ) -> Iterator[list[Extraction]]:
    """The batches :func:`loaders.pipeline.extract_batches` makes, read by ``workers`` worker processes started
    once for all of them (none: in this process).

    A worker takes about a second to start, and the one batch of a small input has no next batch to overlap its
    writing with: such an input gets a worker for every :data:`ARTICLES_PER_WORKER` articles, and none unless
    two or more read it together.
    """
    known = known if known is not None else KnownEntities()
    groups = batches_of(articles, batch)
    first = next(groups, None)
    if first is None:
        return
    if len(first) < batch:
        workers = min(workers, len(first) // ARTICLES_PER_WORKER)
        workers = workers if workers > 1 else 0
    groups = itertools.chain([first], groups)
    if workers == 0:
        yield from extract_batches(itertools.chain.from_iterable(groups), known, batch, data_dir=data_dir,
                                   on_error=on_error)
        return
    with Crew(workers, data_dir) as crew:
        for items in groups:
            yield crew.batch(items, known, on_error)


__all__ = ["ARTICLES_PER_WORKER", "Crew", "WorkerStopped", "parallel_batches"]
