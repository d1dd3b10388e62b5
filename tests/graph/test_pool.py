"""Queries on the on-disk store run in worker processes: stopped at the time limit, fresh after a write."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph.pool import ProcessQueryPool, QueryTimeout, run_with_timeout
from graph.results import NotAcceptable
from graph.store import OxigraphStore, QuerySyntaxError

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"VALUES ?v{i} {{ {' '.join(str(j) for j in range(1000))} }}" for i in range(5)) + " }"


def job(query: str, **kw: object) -> dict:
    return dict(query=query, result_fmt="json", graph_fmt="turtle", max_rows=100, **kw)


def count(pool: ProcessQueryPool) -> int:
    answer = pool.run(job(COUNT))
    return int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def disk(tmp_path: Path):
    store = OxigraphStore(tmp_path / "store")
    store.replace_graphs({"urn:x:g": [(URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("1"))]})
    pool = ProcessQueryPool(store.path, size=2, timeout=1.0)
    yield store, pool
    pool.close()
    store.close()


def test_workers_answer_and_see_writes_after_writing(disk):
    store, pool = disk
    assert count(pool) == 1
    with pool.writing():
        store.replace_graphs({}, add={"urn:x:g": [(URIRef("urn:x:b"), URIRef("urn:x:p"), Literal("2"))]})
        store.raw.flush()
    assert count(pool) == 2


def test_a_query_past_the_limit_is_stopped_and_the_pool_goes_on(disk):
    _, pool = disk
    with pytest.raises(QueryTimeout) as err:
        pool.run(job(ENDLESS))
    assert str(err.value) == "the query hit the time limit of 1 s and was stopped"
    assert count(pool) == 1


def test_errors_come_back_as_exceptions(disk):
    _, pool = disk
    with pytest.raises(QuerySyntaxError):
        pool.run(job("SELECT WHERE"))
    with pytest.raises(NotAcceptable):
        pool.run(dict(query="ASK { ?s ?p ?o }", result_fmt=None, graph_fmt="turtle", max_rows=10))
    assert count(pool) == 1


def test_run_with_timeout():
    assert run_with_timeout(lambda: 42, 5) == 42
    with pytest.raises(ZeroDivisionError):
        run_with_timeout(lambda: 1 / 0, 5)
    import threading

    gate = threading.Event()
    try:
        with pytest.raises(QueryTimeout):
            run_with_timeout(lambda: gate.wait(30), 0.2)
    finally:
        gate.set()  # lets the abandoned thread finish
