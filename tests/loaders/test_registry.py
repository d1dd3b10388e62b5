"""The registry of constructions and the data it is checked against before the pipeline runs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders import registry
from graph.settings import DATA_DIR
from loaders.gazetteer import gazetteer
from loaders.registry import REGISTRY, RegistryError, construction


def test_the_shipped_constructions_fit_their_data() -> None:
    stages = registry.load()
    listed = {c.name for st in stages.values() for c, _ in st.steps}
    assert listed == set(REGISTRY)
    for st in stages.values():
        for c, patterns in st.steps:
            assert c.doc, f"{c.name} says what it reads"
            assert bool(patterns) == c.patterned


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the data folder to break."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR / "constructions", folder / "constructions")
    shutil.copytree(DATA_DIR / "gazetteers", folder / "gazetteers")
    shutil.copytree(DATA_DIR / "teryt", folder / "teryt")
    return folder


def _load(folder: Path) -> None:
    gazetteer.cache_clear()
    try:
        registry.load(folder, gazetteer(folder))
    finally:
        gazetteer.cache_clear()


def test_an_unknown_name_in_the_order_fails(data: Path) -> None:
    order = data / "constructions" / "order.toml"
    order.write_text(order.read_text(encoding="utf-8").replace('"person-name",', '"person-name", "no-such-rule",'),
                     encoding="utf-8")
    with pytest.raises(RegistryError, match="unknown construction 'no-such-rule'"):
        _load(data)


def test_a_construction_left_out_of_the_order_fails(data: Path) -> None:
    order = data / "constructions" / "order.toml"
    order.write_text(order.read_text(encoding="utf-8").replace('"org-foreign",', ""), encoding="utf-8")
    with pytest.raises(RegistryError, match="does not place org-foreign"):
        _load(data)


def test_patterns_for_an_unregistered_construction_fail(data: Path) -> None:
    rel = data / "constructions" / "relations.toml"
    text = rel.read_text(encoding="utf-8") if rel.exists() else ""
    rel.write_text(text + '\n[ghost-rule]\npatterns = [[{lemma = "x"}]]\n', encoding="utf-8")
    with pytest.raises(RegistryError, match="unknown construction 'ghost-rule'"):
        _load(data)


def test_a_pattern_must_give_the_slots_its_function_reads(data: Path) -> None:
    @construction("test-needs-a-slot", "relations", slots=("who",))
    def _rule(doc, match) -> None:  # pragma: no cover - never run
        """For the test."""

    try:
        order = data / "constructions" / "order.toml"
        order.write_text(order.read_text(encoding="utf-8").replace('relations = [', 'relations = [\n  "test-needs-a-slot",'),
                         encoding="utf-8")
        rel = data / "constructions" / "relations.toml"
        text = rel.read_text(encoding="utf-8") if rel.exists() else ""
        rel.write_text(text + '\n[test-needs-a-slot]\npatterns = [[{lemma = "x", label = "whom"}]]\n', encoding="utf-8")
        with pytest.raises(RegistryError, match="no 'who' label"):
            _load(data)
    finally:
        del REGISTRY["test-needs-a-slot"]


def test_an_unknown_stage_is_refused() -> None:
    with pytest.raises(RegistryError, match="unknown stage"):
        construction("x", "afterwards")


def test_a_failing_construction_costs_what_it_reads_not_the_article(monkeypatch: pytest.MonkeyPatch,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    import dataclasses

    from graph.model import Article
    from loaders.pipeline import default_pipeline, extract, extract_batches

    stage = registry.load(gaz=default_pipeline().gaz)["relations"]
    i, (c, patterns) = next((i, s) for i, s in enumerate(stage.steps) if s[0].name == "role-after-name")

    def broken(doc: object, match: object) -> None:
        raise AttributeError("boom")

    steps = list(stage.steps)
    steps[i] = (dataclasses.replace(c, func=broken), patterns)
    monkeypatch.setattr(stage, "steps", steps)
    article = Article(id="t", source="t.txt", text="Głos zabrała Ewa Kowalska, dyrektor Fundacji Barka. "
                                                   "Spotkanie zorganizowała Fundacja Barka w Poznaniu.")
    with pytest.raises(AttributeError):  # a single article read in a test shows the fault
        extract(article)
    errors: list[object] = []
    [[x]] = list(extract_batches([article], on_error=lambda a, e: errors.append(e)))
    assert errors == []
    assert x.warnings == ["the construction role-after-name failed in sentence 1 (AttributeError: boom); "
                          "the rest was read"]
    assert "t.txt: the construction role-after-name failed" in caplog.text
    kinds = {r.kind for r in x.relations}
    assert "role" not in kinds and "organizer" in kinds
