"""One error type for the web app, and one handler that answers HTML to a browser and JSON to a client.

Every error a client sees has the same JSON shape: ``{"error": {"status": 404, "message": "..."}}``, with the
message in English. A browser gets a page in its language: an error raised with ``key`` (an interface string of
:mod:`webapp.i18n`) says the same in Polish; any other says what its status means and shows the message as a
technical detail.
"""
from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException


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


def wants_html() -> bool:
    """True when the client named HTML among what it accepts (a browser), not just ``*/*``."""
    accept = request.accept_mimetypes
    html = max((q for v, q in accept if v in ("text/html", "application/xhtml+xml")), default=0)
    if not html:
        return False
    json_q = max((q for v, q in accept if v.endswith("json") or v.startswith("application/sparql")), default=0)
    return html >= json_q


def error_response(status: int, message: str, headers: dict[str, str] | None = None,
                   key: str | None = None, args: dict[str, object] | None = None) -> Response:
    if wants_html():
        resp = Response(render_template("error.html", status=status, message=message, key=key, args=args or {}),
                        status=status, mimetype="text/html")
    else:
        resp = jsonify({"error": {"status": status, "message": message}})
        resp.status_code = status
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def register(app: Flask) -> None:
    @app.errorhandler(WebError)
    def _web_error(exc: WebError) -> Response:
        return error_response(exc.status, exc.message, exc.headers, exc.key, exc.args_)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        headers = {}
        if exc.code == 405 and exc.valid_methods:
            headers["Allow"] = ", ".join(exc.valid_methods)
        return error_response(exc.code or 500, exc.description or exc.name, headers)
