"""One error path for the web app: every failure becomes one answer here, HTML to a browser and JSON to a client.

Views raise :class:`WebError` for what they refuse themselves, and let the failures of the layers below rise:
the store's and the query workers' errors (:class:`graph.store.StoreError` and its kinds: a syntax error, a
time or memory limit, a refused ``SERVICE``) are turned into their status and message once, in
:func:`answer_for`, as datasette turns exceptions into responses in one hook. A view says what it is doing
(:func:`doing`: ``"query"``, ``"update"``, reading a ``"body"``, a ``"write"``) so the message names it.

Every error a client sees has the same JSON shape: ``{"error": {"status": 404, "message": "..."}}``, with the
message in English. A browser gets a page in its language: an error raised with ``key`` (an interface string of
:mod:`webapp.i18n`) says the same in Polish; any other says what its status means and shows the message as a
technical detail.
"""
from __future__ import annotations

from flask import Flask, Response, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from graph.pool import Busy
from graph.results import NotAcceptable
from graph.sandbox import ParserStopped, RdfSyntaxError
from graph.sparql_check import RemoteRefused
from graph.sparql_dataset import DatasetConflict
from graph.store import DefaultGraphWrite, QuerySyntaxError, StoreError
from graph.workers import MemoryLimit, QueryTimeout
from webapp.runner import TooManyQueries

#: seconds a client told 429 or 503 should wait before it asks again
RETRY_AFTER = "5"

#: what a failure below the web app means to a client: the first kinds that match give the status and the
#: message (``{what}``: what the view was doing; ``{exc}``: the failure's own words)
FAILURES: tuple[tuple[tuple[type[StoreError], ...], int, str], ...] = (
    ((TooManyQueries,), 429, "{exc}"),
    ((QueryTimeout, MemoryLimit, Busy), 503, "{exc}"),
    ((RemoteRefused, DefaultGraphWrite, DatasetConflict), 400, "{exc}"),
    ((QuerySyntaxError, ParserStopped, RdfSyntaxError), 400, "the {what} does not parse: {exc}"),
    ((NotAcceptable,), 406, "{exc}"),
    ((StoreError,), 500, "the {what} failed: {exc}"),
)
#: limits met while a request body is parsed: the body is what is too big or too slow, not a query
BODY_LIMITS: dict[type[StoreError], tuple[int, str]] = {
    MemoryLimit: (413, "the body needs more memory to parse than a parser may have"),
    QueryTimeout: (503, "the body took too long to parse"),
}


class WebError(Exception):
    """An answer other than success: an HTTP status and a message meant for the user."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None, *,
                 key: str | None = None, args: dict[str, object] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
        self.key = key
        self.args_ = args or {}


def doing(what: str) -> None:
    """Say what the request is doing now, for the message of a failure: ``query``, ``update``, ``body``…"""
    g.esgraf_doing = what


def answer_for(exc: StoreError, what: str) -> WebError:
    """The answer to ``exc``, met while the request was doing ``what``."""
    if what == "body":
        for kind, (status, message) in BODY_LIMITS.items():
            if isinstance(exc, kind):
                return WebError(status, message, _retry(status))
    status, message = next((s, m) for kinds, s, m in FAILURES if isinstance(exc, kinds))
    return WebError(status, message.format(what=what, exc=exc), _retry(status))


def _retry(status: int) -> dict[str, str]:
    return {"Retry-After": RETRY_AFTER} if status in (429, 503) else {}


def wants_html() -> bool:
    """True when the client named HTML among what it accepts (a browser), not just ``*/*``."""
    accept = request.accept_mimetypes
    html = max((q for v, q in accept if v in ("text/html", "application/xhtml+xml")), default=0)
    if not html:
        return False
    json_q = max((q for v, q in accept if v.endswith("json") or v.startswith("application/sparql")), default=0)
    return html >= json_q


def error_response(error: WebError) -> Response:
    if wants_html():
        resp = Response(render_template("error.html", status=error.status, message=error.message, key=error.key,
                                        args=error.args_), status=error.status, mimetype="text/html")
    else:
        resp = jsonify({"error": {"status": error.status, "message": error.message}})
        resp.status_code = error.status
    for k, v in error.headers.items():
        resp.headers[k] = v
    return resp


def register(app: Flask) -> None:
    @app.errorhandler(WebError)
    def _web_error(exc: WebError) -> Response:
        return error_response(exc)

    @app.errorhandler(StoreError)
    def _store_error(exc: StoreError) -> Response:
        return error_response(answer_for(exc, g.get("esgraf_doing", "request")))

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        headers = {}
        if exc.code == 405 and exc.valid_methods:
            headers["Allow"] = ", ".join(exc.valid_methods)
        return error_response(WebError(exc.code or 500, exc.description or exc.name, headers))


__all__ = ["RETRY_AFTER", "WebError", "answer_for", "doing", "error_response", "register", "wants_html"]
