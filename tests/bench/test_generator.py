"""The synthetic corpus of the benchmarks: reproducible, grammatical where it swaps names, and read by extraction
as the people and organisations it was given."""
from __future__ import annotations

import json
import random
import re

import morfeusz2
import pytest

from bench.generate import (FEMALE_NAMES, MALE_NAMES, NAME_ADJECTIVES, NAME_NOUNS, SURNAMES, Generator,
                            county_adjectives, org_kinds, real_articles, write_jsonl)
from graph.settings import DATA_DIR
from loaders.pipeline import extract_corpus
SAMPLE = [DATA_DIR / "articles"]
FIRST = set(MALE_NAMES) | set(FEMALE_NAMES)
LAST = {m for m, _ in SURNAMES} | {f for _, f in SURNAMES}


@pytest.fixture(scope="module")
def gen() -> Generator:
    return Generator(real_articles(SAMPLE), seed=7)


@pytest.fixture(scope="module")
def analyser() -> morfeusz2.Morfeusz:
    return morfeusz2.Morfeusz(expand_tags=True)


def readings(m: morfeusz2.Morfeusz, word: str) -> set[tuple[str, str]]:
    """(lemma without homonym suffix, expanded tag) of every reading of ``word``."""
    return {(lemma.split(":")[0], tag) for _s, _e, (_o, lemma, tag, _n, _q) in m.analyse(word)}


def test_same_seed_same_corpus() -> None:
    a = Generator(real_articles(SAMPLE), seed=3)
    b = Generator(real_articles(SAMPLE), seed=3)
    assert list(a.records(5)) == list(b.records(5))


def test_other_seed_other_corpus(gen: Generator) -> None:
    other = Generator(real_articles(SAMPLE), seed=8)
    assert [r["text"] for r in gen.records(5)] != [r["text"] for r in other.records(5)]


def test_an_article_does_not_depend_on_the_others(gen: Generator) -> None:
    assert list(gen.records(3, start=4)) == [gen.record(4), gen.record(5), gen.record(6)]


def test_records_are_complete_and_ids_unique(gen: Generator) -> None:
    records = list(gen.records(30))
    assert len({r["id"] for r in records}) == 30
    for r in records:
        assert r["text"].startswith(r["title"] + "\n\n")
        assert len(r["text"]) > 200
        assert re.fullmatch(r"20(1[6-9]|2[0-4])-\d\d-\d\d", r["date"])


def test_jsonl_is_read_back_as_articles(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    path = write_jsonl(tmp_path / "c.jsonl", 4, seed=2, sources=SAMPLE)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [f"syn-2-{n:06d}" for n in range(4)]


def test_gazetteer_data_is_used() -> None:
    counties = county_adjectives()
    assert "starachowicki" in counties and "jędrzejowski" in counties
    assert all(c.endswith("ki") for c in counties)
    kinds = org_kinds()
    assert "stowarzyszenie" in kinds and "fundacja" in kinds
    assert "ośrodek" not in kinds  # its names need more than a quoted name


@pytest.mark.parametrize(("sentence", "first", "case"), [
    ("Gości powitał Dariusz Dąbrowski, starosta.", "Dariusz", "nom"),
    ("Głos zabrała Monika Nowak.", "Monika", "nom"),
    ("List od Dariusza Dąbrowskiego odczytano.", "Dariusza", "gen"),
    ("Podziękowania złożono Dariuszowi Dąbrowskiemu.", "Dariuszowi", "dat"),
    ("Spotkanie z Anną Kowalską trwało godzinę.", "Anną", "inst"),
])
def test_people_are_swapped_in_the_same_case(gen: Generator, analyser: morfeusz2.Morfeusz, sentence: str,
                                             first: str, case: str) -> None:
    at = re.findall(r"\w+", sentence).index(first)
    words = re.findall(r"\w+", gen._swap(sentence, random.Random(1), {}))
    new_first, new_last = words[at], words[at + 1]
    assert any(lemma in FIRST and f":{case}:" in f":{tag}:" for lemma, tag in readings(analyser, new_first)), \
        new_first
    assert any(lemma in LAST for lemma, _tag in readings(analyser, new_last)), new_last


def test_a_person_keeps_one_name_within_an_article(gen: Generator, analyser: morfeusz2.Morfeusz) -> None:
    chosen: dict = {}
    rng = random.Random(5)
    a = re.findall(r"\w+", gen._swap("Starosta Dariusz Dąbrowski otworzył spotkanie.", rng, chosen))
    b = re.findall(r"\w+", gen._swap("Dariusza Dąbrowskiego poparli radni.", rng, chosen))
    lemmas = [{lemma for lemma, _t in readings(analyser, w)} for w in (a[1], a[2], b[0], b[1])]
    assert lemmas[0] & lemmas[2] & FIRST  # the same first name, declined
    assert lemmas[1] & lemmas[3] & LAST  # the same surname, declined


def test_counties_are_swapped_after_powiat_in_the_same_case(gen: Generator, analyser: morfeusz2.Morfeusz) -> None:
    out = gen._swap("Partnerstwo działa w powiecie starachowickim.", random.Random(2), {})
    word = re.search(r"powiecie (\w+)", out).group(1)
    assert any(lemma in gen.counties and ":loc:" in f":{tag}:" for lemma, tag in readings(analyser, word)), word


def test_voivodeships_are_not_taken_for_counties(gen: Generator) -> None:
    text = "Urząd Marszałkowski Województwa Opolskiego."
    assert gen._swap(text, random.Random(2), {}) == text


def test_quoted_names_are_replaced_from_the_pools(gen: Generator) -> None:
    out = gen._swap("Prezes Stowarzyszenia „Bezpieczny Powiat Starachowicki” mówił.", random.Random(3), {})
    name = re.search(r"„([^”]+)”", out).group(1)
    adjective, noun = name.split()
    assert adjective in NAME_ADJECTIVES and noun in NAME_NOUNS


def test_extraction_finds_the_generated_people(gen: Generator) -> None:
    xs = extract_corpus(gen.articles(6))
    people = [e.name for x in xs for e in x.entities.values() if e.type == "Person"]
    pooled = [p for p in people if p.split()[0] in FIRST and p.split()[-1] in LAST]
    assert pooled, people
    # names are read back in the nominative: "Dariusza Kowalskiego" becomes "Dariusz Kowalski"
    assert all(p.split()[-1] in LAST for p in pooled)
    orgs = [e.name for x in xs for e in x.entities.values() if e.type == "Organization"]
    assert any("„" in o or any(n in o for n in NAME_NOUNS) for o in orgs), orgs
