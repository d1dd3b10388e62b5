"""How the web app runs SPARQL: checked first, then under the time limit, memory limit and row cap, on
whichever store it was given, with no client holding more than its share of the store's attention.

Every query and update is parsed in a parser process first (:mod:`graph.sandbox`, :mod:`graph.sparql_check`):
what would make the store fetch from elsewhere is refused there, on the parsed text. The embedded on-disk store
then answers from worker processes (:class:`graph.pool.ProcessQueryPool`), which are killed at the time limit
or past their memory; an in-memory store or a SPARQL server answers from a thread that is abandoned at the limit
(:func:`graph.pool.run_with_timeout`). Writes go through :meth:`QueryRunner.writing`, which keeps the workers
off the store while it changes and tells listeners (the search index) afterwards.
"""
from __future__ import annotations

import collections
import contextlib
import hashlib
import os
import threading
from collections.abc import Callable, Iterator
from typing import cast

from graph.pool import ProcessQueryPool, run_with_timeout
from graph.results import Answer, run_oxigraph, run_store
from graph import sandbox
from graph.sparql_check import Checked, RemoteRefused
from graph.sparql_dataset import DatasetConflict, with_base, with_from, with_using
from graph.store import OxigraphStore, QuerySyntaxError, Store, StoreError
from graph.vocab import PREFIXES
from graph.workers import machine_memory


#: what the runner remembers of parsed texts: how many, and the longest
CHECKED_KEPT, CHECKED_TEXT = 256, 100_000


class TooManyQueries(StoreError):
    """The client already has as many queries running as one client may."""


class ClientShare:
    """How many queries each client has running, and a cap on it: no client takes every worker."""

    def __init__(self, cap: int):
        self.cap = max(1, cap)
        self._running: dict[str, int] = {}
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def slot(self, client: str | None) -> Iterator[None]:
        """Hold one of ``client``'s slots meanwhile; :class:`TooManyQueries` when it has none left."""
        key = client or ""
        with self._lock:
            if self._running.get(key, 0) >= self.cap:
                raise TooManyQueries(f"this client already has {self.cap} "
                                     f"quer{'y' if self.cap == 1 else 'ies'} running; send the next one when "
                                     "an answer has come")
            self._running[key] = self._running.get(key, 0) + 1
        try:
            yield
        finally:
            with self._lock:
                self._running[key] -= 1
                if not self._running[key]:
                    del self._running[key]


def default_memory(workers: int) -> int:
    """Bytes each query worker may hold by default: half the machine's RAM shared among the workers."""
    return machine_memory() // (2 * max(1, workers))


class QueryRunner:
    """Runs the endpoint's queries and updates on ``store``.

    ``memory`` is what one query worker may hold in bytes (0: :func:`default_memory`), ``per_client`` the most
    queries one client may have running at once (0: half the workers, at least one), ``base_iri`` what relative
    IRIs in queries and updates resolve against.
    """

    def __init__(self, store: Store, timeout: float, max_rows: int, workers: int | None = None,
                 memory: int = 0, per_client: int = 0, base_iri: str | None = None):
        self.store = store
        self.timeout = timeout
        self.max_rows = max_rows
        self.base_iri = base_iri
        self.pool: ProcessQueryPool | None = None
        size = workers or min(4, os.cpu_count() or 2)
        if isinstance(store, OxigraphStore) and store.path is not None:
            self.pool = ProcessQueryPool(store.path, size, timeout, memory or default_memory(size))
        self.share = ClientShare(per_client or size // 2)
        self._checked: collections.OrderedDict[tuple[bytes, bool], Checked] = collections.OrderedDict()
        self._checked_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._listeners: list[Callable[[], None]] = []

    def check(self, text: str, update: bool) -> Checked:
        """What ``text`` asks for, parsed in a parser process; :class:`RemoteRefused` when it would fetch from
        elsewhere, QuerySyntaxError when it does not parse (or nests too deeply to).

        Parsing takes rdflib tens of milliseconds on the example queries, which the query editor sends again and
        again, so what the same text asks for is remembered (for a few hundred short texts).
        """
        key = (hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), update)
        with self._checked_lock:
            checked = self._checked.get(key)
            if checked is not None:
                self._checked.move_to_end(key)
        if checked is None:
            checked = cast(Checked, sandbox.shared().call("graph.sparql_check:inspect", self.timeout, text=text,
                                                          update=update))
            if len(text) <= CHECKED_TEXT:
                with self._checked_lock:
                    self._checked[key] = checked
                    while len(self._checked) > CHECKED_KEPT:
                        self._checked.popitem(last=False)
        if checked.remote:
            raise RemoteRefused(checked.remote)
        return checked

    def run(self, query: str, result_fmt: str | None, graph_fmt: str | None,
            default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
            client: str | None = None) -> Answer:
        """The serialised answer to ``query``; raises RemoteRefused, QuerySyntaxError, NotAcceptable,
        QueryTimeout, MemoryLimit, TooManyQueries, Busy or StoreError."""
        default_graphs, named_graphs = default_graphs or [], named_graphs or []
        on_server = not isinstance(self.store, OxigraphStore)
        if on_server:  # a SPARQL server is told the dataset in the query itself
            query = with_from(query, default_graphs, named_graphs)
        with self.share.slot(client):  # the parse too: a client cannot hold every parser either
            checked = self.check(query, update=False)
            if on_server and (default_graphs or named_graphs) and \
                    (checked.from_graphs, checked.from_named) != (default_graphs, named_graphs):
                raise QuerySyntaxError("the graphs of default-graph-uri and named-graph-uri could not be "
                                       "written into this query; name them with FROM and FROM NAMED")
            if on_server:
                text = with_base(query, self.base_iri) if self.base_iri else query
                return run_with_timeout(lambda: run_store(self.store, text, result_fmt, graph_fmt, self.max_rows,
                                                          PREFIXES), self.timeout)
            job = dict(query=query, result_fmt=result_fmt, graph_fmt=graph_fmt, max_rows=self.max_rows,
                       default_graphs=default_graphs or None, named_graphs=named_graphs or None,
                       prefixes=PREFIXES, base_iri=self.base_iri)
            if self.pool is not None:
                return self.pool.run(job)  # type: ignore[return-value]
            raw = self.store.raw  # type: ignore[attr-defined]
            return run_with_timeout(lambda: run_oxigraph(raw, **job), self.timeout)

    def update(self, text: str, using: list[str] | None = None, using_named: list[str] | None = None) -> None:
        """Run a user's SPARQL Update, with the protocol's ``using-graph-uri`` and ``using-named-graph-uri``
        graphs as the dataset of each operation with a ``WHERE``; raises RemoteRefused, QuerySyntaxError
        (DatasetConflict among them), DefaultGraphWrite or StoreError."""
        using, using_named = using or [], using_named or []
        text = with_using(text, using, using_named)
        checked = self.check(text, update=True)
        if using or using_named:
            for op in checked.operations:
                if op.with_graph is not None:
                    raise DatasetConflict("the update names its dataset with WITH: leave out using-graph-uri "
                                          "and using-named-graph-uri, or WITH")
                if op.kind == "Modify" and (op.using, op.using_named) != (using, using_named):
                    raise DatasetConflict("the update names its dataset with USING: leave out using-graph-uri "
                                          "and using-named-graph-uri, or USING")
        with self.writing() as store:
            store.user_update(text, base_iri=self.base_iri)  # keeps the merged default graph in the same transaction

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
