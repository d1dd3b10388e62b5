"""The web app over the hand-made network store, for the network tests."""
from __future__ import annotations

from flask import Flask

from graph.settings import Settings
from graph.iri import MINT
from graph.store import Store
from graph.teryt import load_register, teryt_triples
from tests.graph.network_fixtures import store_with
from webapp import create_app


def network_store() -> Store:
    """The two hand-made articles plus the TERYT graph (for the area menu)."""
    store = store_with()
    store.replace_graphs({str(MINT.teryt_graph): teryt_triples(load_register(), MINT)})
    return store


def make_app(store: Store, settings: Settings | None = None) -> Flask:
    app = create_app(settings=settings or Settings(), store=store)
    app.config["TESTING"] = True
    return app
