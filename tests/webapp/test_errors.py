"""One error path: a failure of the store or of a limit is answered once, whatever page met it, as JSON to a
client and as a page in its language to a browser."""
from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from graph import lookup
from graph.pool import Busy
from graph.sandbox import RdfSyntaxError
from graph.store import QuerySyntaxError, StoreError
from graph.workers import MemoryLimit, QueryTimeout
from webapp.errors import answer_for
from webapp.runner import TooManyQueries

PAGE = "/person/piotr-babiarz"


@pytest.mark.parametrize("failure, status, message", [
    (StoreError("connection refused"), 500, "the request failed: connection refused"),
    (QueryTimeout(20), 503, "the query hit the time limit of 20 s and was stopped"),
    (Busy("every worker is busy"), 503, "every worker is busy"),
])
def test_a_failure_below_any_page_is_one_answer(memory_client: FlaskClient, monkeypatch: pytest.MonkeyPatch,
                                                failure: StoreError, status: int, message: str) -> None:
    def fail(*args: object, **kw: object) -> None:
        raise failure

    monkeypatch.setattr(lookup, "entity", fail)  # the page
    monkeypatch.setattr(lookup, "describe", fail)  # its data, for a client
    resp = memory_client.get(PAGE, headers={"Accept": "application/json"})
    assert resp.status_code == status
    assert resp.get_json() == {"error": {"status": status, "message": message}}
    assert ("Retry-After" in resp.headers) == (status == 503)
    page = memory_client.get(PAGE, headers={"Accept": "text/html"})
    assert page.status_code == status and page.mimetype == "text/html"
    assert message in page.get_data(as_text=True)  # the technical detail, under the Polish explanation


@pytest.mark.parametrize("failure, what, status, message", [
    (QuerySyntaxError("at 1:7"), "update", 400, "the update does not parse: at 1:7"),
    (RdfSyntaxError("line 2"), "body", 400, "the body does not parse: line 2"),
    (MemoryLimit(2**30), "body", 413, "the body needs more memory to parse than a parser may have"),
    (MemoryLimit(2**30), "query", 503, "the query needed more than the memory limit of 1024 MiB and was stopped"),
    (TooManyQueries("two queries of yours run"), "query", 429, "two queries of yours run"),
    (StoreError("graph exists"), "write", 500, "the write failed: graph exists"),
])
def test_each_kind_of_failure_has_its_status(failure: StoreError, what: str, status: int, message: str) -> None:
    answer = answer_for(failure, what)
    assert (answer.status, answer.message) == (status, message)
