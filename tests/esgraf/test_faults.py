"""A load killed at any point leaves every article either wholly in or wholly out; readers never see half."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from graph.settings import DATA_DIR, ROOT
from esgraf.pipeline import load_paths
from graph.settings import Settings
from graph.iri import MINT
from graph.store import OxigraphStore, Store
from tests.conftest import with_reference_data

SAMPLE = DATA_DIR / "articles"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def graph_counts(store: Store) -> dict[str, int]:
    return {str(r["g"]): int(r["n"]) for r in store.select(PER_GRAPH)}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory, reference_data: Path) -> dict[str, int]:
    """Triples per graph after an undisturbed load of the sample corpus."""
    with OxigraphStore(with_reference_data(tmp_path_factory.mktemp("clean") / "store", reference_data)) as store:
        load_paths(store, [SAMPLE], settings=Settings())
        return graph_counts(store)


def articles_in(counts: dict[str, int]) -> dict[str, int]:
    return {g: n for g, n in counts.items() if MINT.is_article_graph(g)}


def load_and_kill(store_dir: Path, after_lines: int) -> None:
    """Start ``esgraf load`` and SIGKILL it once it has written ``after_lines`` progress lines."""
    cmd = [sys.executable, "-m", "esgraf.cli", "-vv", "--store", str(store_dir), "load", str(SAMPLE)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    seen = 0
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # bounded: the process ends by itself after the last article
            if line.startswith("["):
                seen += 1
            if seen >= after_lines or line.startswith("loading reference graphs") and after_lines == 0:
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=120)


@pytest.mark.parametrize("after_lines", [0, 1, 3])
def test_a_killed_load_leaves_whole_articles_and_completes_on_rerun(tmp_path: Path, clean: dict[str, int],
                                                                     after_lines: int) -> None:
    store_dir = tmp_path / "store"
    load_and_kill(store_dir, after_lines)
    with OxigraphStore(store_dir) as store:
        partial = graph_counts(store)
        for g, n in articles_in(partial).items():
            assert n == clean[g], f"{g} is half there: {n} of {clean[g]} triples"
        described = {str(r["g"]) for r in store.select(
            "SELECT ?g WHERE { GRAPH ?meta { ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?a } }")}
        assert set(articles_in(partial)) <= described  # no article graph without its description
    done = subprocess.run([sys.executable, "-m", "esgraf.cli", "--store", str(store_dir), "load", str(SAMPLE)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    with OxigraphStore(store_dir) as store:
        assert graph_counts(store) == clean


def test_readers_see_whole_articles_while_a_load_runs(reference_store: Store, clean: dict[str, int]) -> None:
    store = reference_store
    errors: list[BaseException] = []

    def load() -> None:
        try:
            for _ in range(2):  # load, then replace every article again
                load_paths(store, [SAMPLE], settings=Settings())
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            errors.append(exc)

    loader = threading.Thread(target=load)
    loader.start()
    snapshots = 0
    while loader.is_alive() and snapshots < 2000:
        for g, n in articles_in(graph_counts(store)).items():
            assert n == clean[g], f"a reader saw {n} of {clean[g]} triples of {g}"
        snapshots += 1
    loader.join(timeout=300)
    assert not errors, errors
    assert snapshots > 0
    assert articles_in(graph_counts(store)) == articles_in(clean)


@pytest.mark.parametrize("command", [["query", "ASK {}"], ["export"], ["stats"], ["validate"]])
@pytest.mark.parametrize("failure", ["Invalid argument: Column family not found: spog",
                                     "Inserts are only possible on read-write instances"])
def test_a_store_stopped_while_being_created_is_one_line_with_the_repair(tmp_path: Path, monkeypatch, command,
                                                                         failure) -> None:
    """pyoxigraph answers a store killed while it was being created with these errors when it is opened
    read-only (seen by killing ``ox.Store(path)`` at different moments); the read-only commands say so in one
    line and name the repair."""
    import pyoxigraph as ox
    from click.testing import CliRunner

    from esgraf.cli import main

    def half_made(path: str) -> ox.Store:
        raise RuntimeError(failure)

    (tmp_path / "store").mkdir()
    monkeypatch.setattr(ox.Store, "read_only", staticmethod(half_made))
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), *command])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("esgraf: error: "), result.output
    assert "esgraf load" in lines[0]
