"""A web app serving the network blueprint over the hand-made network store, for the network tests."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from flask import Flask

from esgraf.settings import Settings
from graph.iri import MINT
from graph.store import Store
from graph.teryt import load_register, teryt_triples
from tests.graph.network_fixtures import store_with

WEBAPP = Path(__file__).resolve().parents[2] / "webapp"


def network_store() -> Store:
    """The two hand-made articles plus the TERYT graph (for the area menu)."""
    store = store_with()
    store.replace_graphs({str(MINT.teryt_graph): teryt_triples(load_register(), MINT)})
    return store


def make_app(store: Store, settings: Settings | None = None) -> Flask:
    """The app factory's app when there is one, else a bare Flask app with the blueprint and error handler."""
    settings = settings or Settings()
    try:
        from webapp import create_app  # type: ignore[attr-defined]
    except ImportError:
        create_app = None
    if create_app is not None:
        app = create_app(settings=settings, store=store)
    else:
        from webapp import errors
        from webapp.network import bp

        app = Flask("webapp", template_folder=str(WEBAPP / "templates"), static_folder=str(WEBAPP / "static"))
        app.extensions["esgraf"] = SimpleNamespace(store=store, settings=settings, mint=MINT)
        errors.register(app)
        app.register_blueprint(bp)
    app.config["TESTING"] = True
    return app
