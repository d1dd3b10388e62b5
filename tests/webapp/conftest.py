"""Fixtures for the web app: the app built by the factory around a filled store, on each backend.

``filled_store`` holds the shared sample article plus a second one with a person whose name is inflected
in the text ("Dariusz Dąbrowski") and an organisation whose name is hostile HTML.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from graph.settings import Settings
from graph.build import to_dataset_graphs
from graph.model import Article, Entity, Extraction, Relation, Sentence
from graph.store import OxigraphStore, Store
from tests.conftest import make_sample_extraction
from webapp import create_app

TOKEN = "s3cret-token"
HOSTILE = "<img src=x onerror=alert(1)>"
SECOND_ID = "kielce-2024-06-03"


def second_extraction() -> Extraction:
    text = (f"Dariusz Dąbrowski, prezes fundacji {HOSTILE}, podpisał porozumienie. "
            "Porozumienie dotyczy powiatu starachowickiego.")
    first = text.index(".") + 1
    sentences = [Sentence(0, 0, first, text[:first]), Sentence(1, first + 1, len(text), text[first + 1:])]
    entities = [
        Entity("dariusz-dabrowski", "Person", "Dariusz Dąbrowski", sentences={0}),
        Entity("hostile", "Organization", HOSTILE, kind="Foundation", sector="social", sentences={0}),
        Entity("porozumienie-kielce-2024-06-03", "Agreement", "Porozumienie kieleckie",
               date=dt.date(2024, 6, 3), sentences={0, 1}),
        Entity("powiat-starachowicki", "County", "powiat starachowicki", teryt="2611", sentences={1}),
    ]
    relations = [
        Relation("role", "dariusz-dabrowski", "hostile", role="prezes", title="prezes fundacji", sentence=0),
        Relation("signatory", "porozumienie-kielce-2024-06-03", "dariusz-dabrowski", sentence=0),
        Relation("about", "porozumienie-kielce-2024-06-03", "powiat-starachowicki", sentence=1),
    ]
    article = Article(SECOND_ID, text, "tests/second.txt", title=f"Fundacja {HOSTILE} i porozumienie",
                      url="https://example.org/news/43", published=dt.date(2024, 6, 3))
    return Extraction(article, sentences, {e.key: e for e in entities}, relations)


def fill(store: Store) -> Store:
    graphs = to_dataset_graphs([make_sample_extraction(), second_extraction()])
    store.replace_graphs({str(g): triples for g, triples in graphs.items()})
    return store


def make_settings(**kw: object) -> Settings:
    values = dict(write_token=TOKEN, query_timeout=20.0, max_rows=1000)
    values.update(kw)
    return Settings(**values)


@pytest.fixture
def filled_store(store: Store) -> Store:
    """The shared ``store`` fixture (embedded on disk, and a real Oxigraph server) with both articles."""
    return fill(store)


@pytest.fixture
def app(filled_store: Store) -> Iterator[Flask]:
    app = create_app(make_settings(), filled_store)
    yield app
    app.extensions["esgraf"].runner.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def memory_app() -> Iterator[Flask]:
    """The app on an in-memory store: fast, for the pages (no query workers)."""
    app = create_app(make_settings(), fill(OxigraphStore()))
    yield app


@pytest.fixture
def memory_client(memory_app: Flask) -> FlaskClient:
    return memory_app.test_client()


CHROMIUM = Path("/usr/bin/chromium")
#: flags for Chromium on a closed network, as root: without the networking ones it keeps calling home
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (no browser download); skipped with the reason if it is missing."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
