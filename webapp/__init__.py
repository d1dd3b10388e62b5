"""The esgraf web app: a SPARQL endpoint and editor, linked-data pages, search, downloads and cooperation maps.

Build it with :func:`create_app`; the store is passed in (or opened from the settings), never a module
global. Each feature is a blueprint: ``sparql``, ``entities``, ``downloads`` and ``network``.
"""
from __future__ import annotations

import logging
from urllib.parse import urlencode

from flask import Flask, Response, request

from graph.settings import Settings
from graph.iri import Minter, local_name
from graph.store import Store
from webapp import errors, i18n
from webapp.names import DisplayNames
from webapp.negotiation import ALTERNATES, SUFFIX_OF, media_type
from webapp.runner import QueryRunner
from webapp.search import LabelIndex
from webapp.state import AppState

log = logging.getLogger(__name__)

#: scripts only from our own files; styles also inline because the query editor sets style attributes
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
       "frame-ancestors 'none'; form-action 'self'")


def create_app(settings: Settings | None = None, store: Store | None = None) -> Flask:
    """The app for ``store`` (opened from ``settings`` when not given)."""
    settings = settings or Settings.from_env()
    if store is None:
        from graph.backend import open_store

        store = open_store(settings)
    app = Flask(__name__)
    # Flask turns debug on from FLASK_DEBUG in the environment; a public server never wants it (errors would
    # bypass the error handler), and nothing here runs Flask's own development server
    app.debug = False
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]

    runner = QueryRunner(store, settings.query_timeout, settings.max_rows, memory=settings.query_memory * 2**20,
                         per_client=settings.client_queries, base_iri=Minter(settings.base_iri).base)
    search = LabelIndex(Minter(settings.base_iri).base)
    search.refresh(store)
    runner.on_write(lambda: search.refresh(store))
    names = DisplayNames(Minter(settings.base_iri).base)
    names.refresh(store)
    runner.on_write(names.stale)
    app.extensions["esgraf"] = AppState(settings, store, Minter(settings.base_iri), runner, search, names)

    from webapp import downloads, entities, network, network_files, sparql

    app.register_blueprint(sparql.bp)
    app.register_blueprint(entities.bp)
    app.register_blueprint(downloads.bp)
    app.register_blueprint(network.bp)
    app.register_blueprint(network_files.bp)
    errors.register(app)
    _register_templates(app)
    app.after_request(_headers)
    return app


def _register_templates(app: Flask) -> None:
    from webapp import formats, vocabulary
    from webapp.links import local_path
    from webapp.state import state

    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.filters["local"] = local_path
    app.jinja_env.filters["localname"] = local_name
    app.jinja_env.filters["date"] = lambda value: formats.format_date(value, i18n.current_lang())
    app.jinja_env.filters["num"] = lambda value, digits=0: formats.number(value, digits, i18n.current_lang())
    alternates = [(SUFFIX_OF[f], media_type(f)) for f in ALTERNATES]

    def count(n: int, key: str) -> str:
        return formats.count(n, key, i18n.current_lang())

    def display_name(iri: str, fallback: str) -> str:
        return state().names.name(iri, fallback, i18n.current_lang())

    def class_label(iri: str, fallback: str = "") -> str:
        return vocabulary.term_label(iri, i18n.current_lang(), state().mint.base) or fallback or local_name(iri)

    @app.context_processor
    def _context() -> dict:
        lang = i18n.current_lang()
        other = "en" if lang == "pl" else "pl"
        args = {k: v for k, v in request.args.items() if k != "lang"}
        args["lang"] = other
        return {"t": i18n.t, "lang": lang, "other_lang": other, "relation": i18n.relation_label,
                "property": i18n.property_label, "status_text": i18n.status_text, "count": count,
                "name": display_name, "class_label": class_label,
                "lang_url": f"{request.path}?{urlencode(args)}",
                "alternates": alternates}


def _headers(resp: Response) -> Response:
    resp.headers.setdefault("Content-Security-Policy", CSP)
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Referrer-Policy"] = "same-origin"
    resp.headers.setdefault("X-Frame-Options", "DENY")
    lang = request.args.get("lang")
    if lang in i18n.LANGS and request.cookies.get(i18n.COOKIE) != lang:
        resp.set_cookie(i18n.COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return resp


__all__ = ["create_app"]
