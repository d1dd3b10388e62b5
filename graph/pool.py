"""Run SPARQL queries under a time limit and a memory limit.

pyoxigraph cannot cancel a query once it runs, so queries on the on-disk store run in worker processes that
open the store read-only (:class:`graph.workers.Worker`); a worker that passes the time limit or its memory
limit is killed and replaced, and the server keeps answering meanwhile. pyoxigraph documents opening a store read-only while another process writes it as
undefined, so :meth:`ProcessQueryPool.writing` waits for running queries, stops every worker, lets the
write happen in the serving process, and new workers (opened after the write) see the new data.

Stores that are not on disk (in memory, or a SPARQL server) run the query in a daemon thread instead: the
caller gets its time-limit answer on time, but the thread runs on until the store returns.
"""
from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

from graph.store import QuerySyntaxError, StoreError
from graph.workers import START_TIMEOUT, MemoryLimit, QueryTimeout, Worker, WorkerDied, limit_own_memory

log = logging.getLogger(__name__)

T = TypeVar("T")

__all__ = ["Busy", "MemoryLimit", "ProcessQueryPool", "QueryTimeout", "run_with_timeout"]


class Busy(StoreError):
    """Every worker stayed busy for longer than the time limit."""


def _worker_main(conn: Connection, path: str, memory: int) -> None:
    """A worker process: open the store read-only, then answer jobs until told to stop."""
    from graph.results import NotAcceptable, run_oxigraph
    from graph.store import OxigraphStore

    try:
        store = OxigraphStore(path, read_only=True).raw
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("error", f"cannot open the store read-only: {exc}"))
        return
    if memory:
        limit_own_memory(memory)
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            conn.send(("ok", run_oxigraph(store, **job)))
        except NotAcceptable as exc:
            conn.send(("notacceptable", exc.kind))
        except QuerySyntaxError as exc:
            conn.send(("syntax", str(exc)))
        except MemoryError:
            conn.send(("memory", None))
        except Exception as exc:  # noqa: BLE001 - any failure is one answer, the worker lives on
            conn.send(("error", str(exc)))


class ProcessQueryPool:
    """Up to ``size`` worker processes answering queries on the store at ``path``, each killed past the time
    limit or past ``memory`` bytes."""

    def __init__(self, path: Path | str, size: int, timeout: float, memory: int = 0):
        self.path = str(path)
        self.size = max(1, size)
        self.timeout = timeout
        self.memory = memory  # bytes a worker may hold; 0: no limit
        self._idle: queue.LifoQueue[Worker] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(self.size)
        self._cond = threading.Condition()
        self._busy = 0
        self._writing = False
        self._generation = 0

    def run(self, job: dict) -> object:
        """Run one job (keyword arguments of :func:`graph.results.run_oxigraph`) and return its Answer."""
        from graph.results import NotAcceptable

        with self._cond:
            if not self._cond.wait_for(lambda: not self._writing, self.timeout):
                raise Busy("the store is being written; try again in a moment")
            self._busy += 1
        try:
            if not self._slots.acquire(timeout=self.timeout):
                raise Busy("all query workers are busy; try again in a moment")
            try:
                worker = self._take()
                try:
                    status, value = worker.ask(job, self.timeout, self.memory)
                except WorkerDied as exc:
                    raise StoreError("the query worker stopped unexpectedly") from exc
                self._give_back(worker)
            finally:
                self._slots.release()
        finally:
            with self._cond:
                self._busy -= 1
                self._cond.notify_all()
        if status == "ok":
            return value
        if status == "notacceptable":
            raise NotAcceptable(value)
        if status == "syntax":
            raise QuerySyntaxError(value)
        if status == "memory":
            raise MemoryLimit(self.memory)
        raise StoreError(value)

    def warm(self) -> None:
        """Start one worker now, so the first query does not wait for a process to start."""
        self._give_back(self._new_worker())

    def _take(self) -> Worker:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return self._new_worker()
            if worker.generation == self._generation and worker.alive():
                return worker
            worker.kill()

    def _new_worker(self) -> Worker:
        return Worker(_worker_main, (self.path, self.memory), "esgraf-query", self._generation)

    def _give_back(self, worker: Worker) -> None:
        if worker.generation == self._generation:
            self._idle.put(worker)
        else:
            worker.kill()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold off queries, stop every worker, and let the caller write the store."""
        with self._cond:
            if not self._cond.wait_for(lambda: not self._writing, self.timeout + START_TIMEOUT):
                raise Busy("another write is under way")
            self._writing = True
            # running queries end within the time limit (they are killed at it)
            self._cond.wait_for(lambda: self._busy == 0, self.timeout + START_TIMEOUT)
            self._generation += 1
        try:
            self._drain()
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()

    def _drain(self) -> None:
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return

    def close(self) -> None:
        """Stop every idle worker (busy ones stop when they come back)."""
        self._generation += 1
        self._drain()


def run_with_timeout(fn: Callable[[], T], timeout: float) -> T:
    """``fn()`` in a daemon thread; :class:`QueryTimeout` if it has not returned after ``timeout`` seconds.

    The thread cannot be stopped: it runs on in the background until the store answers.
    """
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True, name="esgraf-query")
    started = time.monotonic()
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        log.warning("query passed the %s s limit after %.1f s; its thread runs on", timeout,
                    time.monotonic() - started)
        raise QueryTimeout(timeout)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
