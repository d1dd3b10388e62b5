"""What the app was built with (settings, store, query runner, search index, display names), kept in
``app.extensions["esgraf"]`` so views reach it through :func:`state` and never through a module global."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from graph.settings import Settings
from graph.iri import Minter
from graph.store import Store
from webapp.names import DisplayNames
from webapp.runner import QueryRunner
from webapp.search import LabelIndex


@dataclass
class AppState:
    settings: Settings
    store: Store
    mint: Minter
    runner: QueryRunner
    search: LabelIndex
    names: DisplayNames


def state() -> AppState:
    return current_app.extensions["esgraf"]
