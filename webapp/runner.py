"""How the web app runs SPARQL: under the time limit and row cap, on whichever store it was given.

The embedded on-disk store answers from worker processes (:class:`graph.pool.ProcessQueryPool`), which can
be killed at the time limit; an in-memory store or a SPARQL server answers from a thread that is abandoned
at the limit (:func:`graph.pool.run_with_timeout`). Writes go through :meth:`QueryRunner.writing`, which
keeps the workers off the store while it changes and tells listeners (the search index) afterwards.
"""
from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator

from graph.pool import ProcessQueryPool, run_with_timeout
from graph.results import Answer, run_oxigraph, run_store
from graph.store import OxigraphStore, Store, StoreError
from graph.vocab import PREFIXES


class DatasetNotSupported(StoreError):
    """default-graph-uri / named-graph-uri on a store that cannot take them."""


class QueryRunner:
    def __init__(self, store: Store, timeout: float, max_rows: int, workers: int | None = None):
        self.store = store
        self.timeout = timeout
        self.max_rows = max_rows
        self.pool: ProcessQueryPool | None = None
        if isinstance(store, OxigraphStore) and store.path is not None:
            size = workers or min(4, os.cpu_count() or 2)
            self.pool = ProcessQueryPool(store.path, size, timeout)
        self._write_lock = threading.Lock()
        self._listeners: list[Callable[[], None]] = []

    def run(self, query: str, result_fmt: str | None, graph_fmt: str | None,
            default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> Answer:
        """The serialised answer to ``query``; raises QuerySyntaxError, NotAcceptable, QueryTimeout, StoreError."""
        job = dict(query=query, result_fmt=result_fmt, graph_fmt=graph_fmt, max_rows=self.max_rows,
                   default_graphs=default_graphs or None, named_graphs=named_graphs or None, prefixes=PREFIXES)
        if self.pool is not None:
            return self.pool.run(job)  # type: ignore[return-value]
        if isinstance(self.store, OxigraphStore):
            raw = self.store.raw
            return run_with_timeout(lambda: run_oxigraph(raw, **job), self.timeout)
        if default_graphs or named_graphs:
            raise DatasetNotSupported("default-graph-uri and named-graph-uri need the embedded store; "
                                      "with a SPARQL server, name the graphs with FROM / FROM NAMED")
        return run_with_timeout(lambda: run_store(self.store, query, result_fmt, graph_fmt, self.max_rows,
                                                  PREFIXES), self.timeout)

    def on_write(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every write (to refresh caches built from the store)."""
        self._listeners.append(listener)

    @contextlib.contextmanager
    def writing(self) -> Iterator[Store]:
        """Write the store inside this block; queries wait, and listeners hear about it afterwards."""
        with self._write_lock:
            pool_ctx = self.pool.writing() if self.pool is not None else contextlib.nullcontext()
            with pool_ctx:
                yield self.store
                if isinstance(self.store, OxigraphStore):
                    self.store.raw.flush()
        for listener in self._listeners:
            listener()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
