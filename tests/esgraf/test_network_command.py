"""``esgraf network``: each format written from an on-disk store, filters from options, one-line errors."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from esgraf.cli import main
from esgraf.commands.network import csv_paths
from graph.build import to_dataset_graphs
from graph.store import OxigraphStore
from tests.graph.network_fixtures import extractions, iri


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("network-cli") / "store"
    store = OxigraphStore(path)
    store.replace_graphs({str(g): t for g, t in to_dataset_graphs(extractions()).items()})
    store.close()
    del store  # release the folder's lock before the command opens it
    return path


def run(store_dir: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--store", str(store_dir), "network", *args])
    return result.exit_code, result.output


def test_graphml_to_a_file(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "n.graphml"
    code, _ = run(store_dir, "--county", "2611", "--format", "graphml", "-o", str(out))
    assert code == 0
    G = nx.read_graphml(out)
    assert len(G) == 5 and G.number_of_edges() == 7
    assert G.nodes[iri("organization/rops")]["kind"] == "RegionalSocialPolicyCentre"


def test_json_to_stdout_follows_the_options(store_dir: Path) -> None:
    # click keeps stdout apart from stderr (where the summary line goes)
    result = CliRunner().invoke(main, ["--store", str(store_dir), "network", "--sector", "public", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {n["iri"] for n in data["nodes"]} == {iri("organization/rops"), iri("organization/starostwo")}
    assert data["filter"] == {"sector": ["public"]}


def test_csv_writes_two_files(store_dir: Path, tmp_path: Path) -> None:
    code, _ = run(store_dir, "--people", "--format", "csv", "-o", str(tmp_path / "powiat.csv"))
    assert code == 0
    nodes = list(csv.DictReader(io.StringIO((tmp_path / "powiat-nodes.csv").read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO((tmp_path / "powiat-edges.csv").read_text(encoding="utf-8"))))
    assert len(nodes) == 6 and len(edges) == 8


@pytest.mark.parametrize("fmt, marker", [("gexf", b"<gexf"), ("svg", b"<svg"), ("html", b"esgrafMap.draw")])
def test_other_formats(store_dir: Path, tmp_path: Path, fmt: str, marker: bytes) -> None:
    out = tmp_path / f"n.{fmt}"
    code, _ = run(store_dir, "--from", "2019-01-01", "--format", fmt, "-o", str(out))
    assert code == 0
    body = out.read_bytes()
    assert marker in body
    if fmt == "html":  # self-contained: no file or address outside the page
        assert b"<script src=" not in body and b'<link rel="stylesheet"' not in body


@pytest.mark.parametrize("output, nodes, edges", [
    ("out/powiat.csv", "out/powiat-nodes.csv", "out/powiat-edges.csv"),
    ("out/powiat", "out/powiat-nodes.csv", "out/powiat-edges.csv"),
])
def test_csv_paths(output: str, nodes: str, edges: str) -> None:
    assert csv_paths(output) == (Path(nodes), Path(edges))


@pytest.mark.parametrize("args, message", [
    (["--county", "26111"], "TERYT"),
    (["--county", "2611", "--voivodeship", "26"], "not both"),
    (["--from", "May"], "--from"),
    (["--format", "csv"], "-o NAME"),
])
def test_user_errors_are_one_line(store_dir: Path, args: list[str], message: str) -> None:
    code, output = run(store_dir, *args)
    assert code != 0
    assert message in output and "Traceback" not in output
