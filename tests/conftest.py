"""Fixtures shared by every test package.

``store`` runs a test on both backends: the embedded pyoxigraph store and a real Oxigraph SPARQL server
(one per test session, emptied before each test). ``sample_extraction`` is a small hand-made article
extraction with every kind of relation the graph knows how to write.
"""
from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.settings import DATA_DIR, Settings
from graph.model import Article, Entity, Extraction, Relation, Sentence
from graph.remote import SparqlStore
from graph.ontology import ensure_reference_data
from graph.store import OxigraphStore, Store
from bench.oxigraph_server import OxigraphServer, oxigraph_binary

SAMPLE = DATA_DIR / "articles"
BACKENDS = ["embedded", pytest.param("server", marks=pytest.mark.server)]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A running ``oxigraph serve`` on 127.0.0.1, with ``query_url``, ``update_url``
    and ``gsp_url``; stopped at the end of the session."""
    if oxigraph_binary() is None:
        pytest.skip("the oxigraph server binary is not installed (it comes with `pip install oxigraph`, "
                    "part of the test extras)")
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-server") / "data")
    with server:
        yield server


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store, once per backend (test ids ``embedded`` and ``server``)."""
    if request.param == "embedded":
        s: Store = OxigraphStore(tmp_path / "store")
    else:
        server: OxigraphServer = request.getfixturevalue("oxigraph_server")
        s = server.store()
        s.update("DROP ALL")
    yield s
    s.close()


@pytest.fixture(scope="session")
def reference_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the reference graphs (ontology, TERYT) built once for the whole run: ``store/``, an
    embedded store holding only them, and ``reference.nq``, their N-Quads."""
    folder = tmp_path_factory.mktemp("reference")
    with OxigraphStore(folder / "store") as s:
        ensure_reference_data(s)
        with (folder / "reference.nq").open("wb") as f:
            s.dump(f, "nq")
    return folder


def with_reference_data(store_dir: Path, reference: Path) -> Path:
    """An embedded store at ``store_dir`` that already holds the reference graphs, as a store loaded once does:
    a load into it finds them and does not build them again."""
    shutil.rmtree(store_dir, ignore_errors=True)
    shutil.copytree(reference / "store", store_dir)
    return store_dir


@pytest.fixture
def reference_store(store: Store, reference_data: Path) -> Iterator[Store]:
    """The ``store`` fixture holding the reference graphs: the embedded folder copied from the run's own, the
    server given them in one Graph Store request."""
    if not isinstance(store, OxigraphStore):
        store.load_file(reference_data / "reference.nq", "nq")
        yield store
        return
    assert store.path is not None
    store.close()
    with OxigraphStore(with_reference_data(store.path, reference_data)) as copy:
        yield copy


@pytest.fixture
def store_settings(store: Store) -> Settings:
    """Settings that open the same store as ``store``, for code that takes settings (the CLI, the app).

    For the embedded backend the folder is locked while ``store`` is open: use the ``store`` object itself in
    the same process, or close it before a subprocess opens the folder.
    """
    if isinstance(store, SparqlStore):
        return Settings(endpoint=store.query_url, update_endpoint=store.update_url,
                        gsp_endpoint=store.gsp_url or "")
    assert isinstance(store, OxigraphStore) and store.path is not None
    return Settings(store=str(store.path))


ARTICLE_ID = "starachowice-2024-05-17"
SENTENCES = [
    "Starosta starachowicki Piotr Babiarz spotkał się 17 maja 2024 r. z przedstawicielami "
    "Ośrodka Wsparcia Ekonomii Społecznej Subregionu Północnego.",
    "Spotkanie w Starostwie Powiatowym w Starachowicach zorganizował "
    "Regionalny Ośrodek Polityki Społecznej w Kielcach.",
    "Starostwo i OWES podpisały porozumienie o współpracy na rzecz ekonomii społecznej "
    "w powiecie starachowickim.",
]


def make_sample_extraction() -> Extraction:
    """One article of three sentences: a starosta with his role, a meeting with its organiser, attendees and
    place, and an agreement with its signatories, about powiat starachowicki."""
    text = " ".join(SENTENCES)
    sentences = []
    start = 0
    for i, s in enumerate(SENTENCES):
        sentences.append(Sentence(index=i, start=start, end=start + len(s), text=s))
        start += len(s) + 1

    def at(phrase: str) -> list[tuple[int, int]]:
        i = text.index(phrase)
        return [(i, i + len(phrase))]

    date = dt.date(2024, 5, 17)
    entities = [
        Entity("piotr-babiarz", "Person", "Piotr Babiarz", sentences={0}, mentions=at("Piotr Babiarz")),
        Entity("starostwo-powiatowe-w-starachowicach", "Organization", "Starostwo Powiatowe w Starachowicach",
               aliases={"Starostwo"}, kind="CountyOffice", sector="public", sentences={1, 2},
               mentions=at("Starostwie Powiatowym w Starachowicach")),
        Entity("owes-subregionu-polnocnego", "Organization",
               "Ośrodek Wsparcia Ekonomii Społecznej Subregionu Północnego", aliases={"OWES"},
               kind="SocialEconomySupportCentre", sector="social", sentences={0, 2},
               mentions=at("Ośrodka Wsparcia Ekonomii Społecznej Subregionu Północnego")),
        Entity("rops-w-kielcach", "Organization", "Regionalny Ośrodek Polityki Społecznej w Kielcach",
               aliases={"ROPS"}, kind="RegionalSocialPolicyCentre", sector="public", sentences={1},
               mentions=at("Regionalny Ośrodek Polityki Społecznej w Kielcach")),
        Entity("powiat-starachowicki", "County", "powiat starachowicki", teryt="2611", sentences={2},
               mentions=at("powiecie starachowickim")),
        Entity("spotkanie-w-starachowicach-2024-05-17", "Event", "Spotkanie w Starachowicach", date=date,
               sentences={0, 1}, mentions=at("Spotkanie")),
        Entity("porozumienie-starostwo-owes-2024-05-17", "Agreement", "Porozumienie o współpracy", date=date,
               sentences={2}, mentions=at("porozumienie o współpracy")),
    ]
    meeting, agreement = "spotkanie-w-starachowicach-2024-05-17", "porozumienie-starostwo-owes-2024-05-17"
    relations = [
        Relation("role", "piotr-babiarz", "starostwo-powiatowe-w-starachowicach", role="starosta",
                 title="starosta starachowicki", sentence=0),
        Relation("organizer", meeting, "rops-w-kielcach", sentence=1),
        Relation("attendee", meeting, "piotr-babiarz", sentence=0),
        Relation("attendee", meeting, "owes-subregionu-polnocnego", sentence=0),
        Relation("location", meeting, "starostwo-powiatowe-w-starachowicach", sentence=1),
        Relation("signatory", agreement, "starostwo-powiatowe-w-starachowicach", sentence=2),
        Relation("signatory", agreement, "owes-subregionu-polnocnego", sentence=2),
        Relation("about", agreement, "powiat-starachowicki", sentence=2),
    ]
    article = Article(id=ARTICLE_ID, text=text, source="tests/sample.txt",
                      title="Starostwo i OWES podpisały porozumienie", url="https://example.org/news/42",
                      published=date, region="26")
    return Extraction(article=article, sentences=sentences, entities={e.key: e for e in entities},
                      relations=relations, event=meeting)


@pytest.fixture(scope="session")
def synthetic_articles() -> list[Article]:
    """A hundred and twenty articles recombined from the sample corpus by the benchmarks' generator (seed 1): the same people
    and organisations recur from article to article, as in real news."""
    from bench.generate import Generator, real_articles

    return Generator(real_articles([SAMPLE]), seed=1).articles(120)


@pytest.fixture
def sample_extraction() -> Extraction:
    """A fresh :func:`make_sample_extraction` per test (tests may change it)."""
    return make_sample_extraction()
