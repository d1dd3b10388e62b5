"""The house's layers, read from the code's imports: data flows from loaders/ through graph/ to webapp/, the
command line sits on top, and the benchmarks run as modules of the checkout."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.settings import ROOT

PACKAGES = ("loaders", "graph", "webapp", "esgraf", "bench")


def imports(path: Path) -> set[str]:
    """Top-level packages of this repository that ``path`` imports, anywhere in the file."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
        out |= {n.split(".")[0] for n in names} & {*PACKAGES, "tests"}
    return out


def files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package, never", [("loaders", {"webapp", "esgraf", "bench", "tests"}),
                                            ("graph", {"loaders", "webapp", "esgraf", "bench", "tests"}),
                                            ("webapp", {"esgraf", "bench", "tests"}),
                                            ("esgraf", {"bench", "tests"}),
                                            ("bench", {"tests"})])
def test_no_package_imports_one_above_it(package: str, never: set[str]) -> None:
    wrong = {str(f.relative_to(ROOT)): sorted(imports(f) & never) for f in files(package) if imports(f) & never}
    assert wrong == {}


def test_only_serve_and_the_map_file_of_the_command_line_import_the_web_app() -> None:
    """``serve`` runs the web app; ``network --format html`` writes the web app's own map page to a file (its
    script, words and explanations are the web app's), and imports it for that format only."""
    users = {str(f.relative_to(ROOT)) for f in files("esgraf") if "webapp" in imports(f)}
    assert users == {"esgraf/commands/serve.py", "esgraf/commands/network.py"}
    network = (ROOT / "esgraf" / "commands" / "network.py").read_text(encoding="utf-8")
    assert "\nfrom webapp" not in network and "\nimport webapp" not in network  # not when the module loads


def test_nothing_edits_the_import_path() -> None:
    edits = [str(f.relative_to(ROOT)) for p in PACKAGES for f in files(p) if "sys.path" in f.read_text("utf-8")]
    assert edits == []


def test_esgraf_bench_runs_the_benchmarks_of_the_checkout() -> None:
    from esgraf.cli import main

    result = CliRunner().invoke(main, ["bench", "--help"])
    assert result.exit_code == 0


def test_each_loader_module_stays_small_enough_to_read_whole() -> None:
    """Rules live in small named components: no module in loaders/ runs over 400 lines."""
    long = {str(f.relative_to(ROOT)): n for f in files("loaders")
            if (n := len(f.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
