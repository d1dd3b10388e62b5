"""Parse untrusted text in worker processes: SPARQL queries and updates before a store runs them, RDF sent to
the Graph Store before it is written.

Parsers recurse and allocate as their input tells them: Oxigraph's crash the whole process on a query nested
ten thousand deep or on JSON-LD of ten thousand nested objects, and rdflib's takes seconds of the interpreter
on a long query. In a worker (:class:`graph.workers.Worker`) a crash, a runaway or a memory blow-up costs that
process, which is replaced, and the server goes on answering.
"""
from __future__ import annotations

import importlib
import pickle
import queue
import threading
from multiprocessing.connection import Connection

import pyoxigraph as ox

from graph.store import StoreError
from graph.workers import Worker, limit_own_memory

#: bytes a parse may hold; parsing a body of ESGRAF_MAX_BODY bytes takes far less
PARSE_MEMORY = 1024 * 2**20


class RdfSyntaxError(StoreError):
    """The RDF sent does not parse; the message is the parser's."""


class ParserStopped(StoreError):
    """The parser's process ended without answering (it crashed, or ran out of memory)."""


# what a parser process imports as it starts: the SPARQL check every query and update goes through (building
# rdflib's SPARQL grammar takes a fifth of a second, which the first query after a start would otherwise wait)
PRELOAD = ("graph.sparql_check", "rdflib.plugins.sparql.parser")


def _sandbox_main(conn: Connection, memory: int) -> None:
    """A worker: run ``(\"module:function\", kwargs)`` jobs and send back their value or their exception."""
    if memory:
        limit_own_memory(memory)
    for module in PRELOAD:  # before "ready": a warmed parser answers its first job without building a grammar
        importlib.import_module(module)
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        name, kwargs = job
        module, function = name.split(":")
        try:
            conn.send(("ok", getattr(importlib.import_module(module), function)(**kwargs)))
        except MemoryError:
            conn.send(("error", "the parse needed more memory than it may have"))
        except Exception as exc:  # noqa: BLE001 - sent back to be raised in the caller
            try:
                conn.send(("raise", pickle.dumps(exc)))
            except Exception:  # noqa: BLE001 - an exception that does not pickle: its message
                conn.send(("error", str(exc)))


def rdf_as_ntriples(data: bytes, media_type: str, base_iri: str | None) -> list[str]:
    """The triples of an RDF document (quads lose their graph), one N-Triples line each without the dot.

    :class:`RdfSyntaxError` when it does not parse or its media type is no RDF syntax.
    """
    fmt = ox.RdfFormat.from_media_type(media_type)
    if fmt is None:
        raise RdfSyntaxError(f"{media_type} is no RDF syntax")
    try:
        return [f"{q.subject} {q.predicate} {q.object}" for q in ox.parse(data, format=fmt, base_iri=base_iri)]
    except (SyntaxError, ValueError) as exc:
        raise RdfSyntaxError(str(exc)) from None


class Sandbox:
    """Up to ``size`` parser processes, started when first needed; each job gets ``memory`` bytes."""

    def __init__(self, size: int = 2, memory: int = PARSE_MEMORY):
        self.memory = memory
        self._idle: queue.LifoQueue[Worker] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(max(1, size))

    def call(self, function: str, timeout: float, **kwargs: object) -> object:
        """``function(**kwargs)`` (named ``module:function``) in a parser process: its value, or the exception it
        raised; :class:`graph.workers.QueryTimeout`, :class:`graph.workers.MemoryLimit` or
        :class:`ParserStopped` when it runs past ``timeout`` seconds, past its memory, or crashes."""
        from graph.workers import WorkerDied

        if not self._slots.acquire(timeout=timeout):
            raise StoreError("every parser is busy; try again in a moment")
        try:
            worker = self._take()
            try:
                status, value = worker.ask((function, kwargs), timeout, self.memory)
            except WorkerDied as exc:
                raise ParserStopped("the parser stopped on this input (nested too deeply, or too big)") from exc
            self._idle.put(worker)
        finally:
            self._slots.release()
        if status == "ok":
            return value
        if status == "raise":
            raise pickle.loads(value)  # type: ignore[arg-type]
        raise StoreError(str(value))

    def _take(self) -> Worker:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return Worker(_sandbox_main, (self.memory,), "esgraf-parser")
            if worker.alive():
                return worker
            worker.kill()

    def warm(self) -> None:
        """Start one parser now, so the first request does not wait for a process to start."""
        self._idle.put(self._take())

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return


_shared: Sandbox | None = None
_shared_lock = threading.Lock()


def shared() -> Sandbox:
    """The parser processes of this process, started on first use: they hold nothing of an app or a store, so
    every app in a process uses the same ones."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Sandbox()
        return _shared
