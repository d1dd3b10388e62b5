"""Token patterns over Morfeusz readings: what each kind of spec matches, and what it must not."""
from __future__ import annotations

import pytest

from graph.model import Article
from loaders.doc import Doc, Mention
from loaders.gazetteer import gazetteer
from loaders.matcher import PatternError, compile_pattern
from loaders.pipeline import STEPS


def doc_of(text: str) -> Doc:
    doc = Doc(Article(id="t", text=text, source="test"), gazetteer())
    for name in ("tokenize", "sentences", "morphology"):
        STEPS[name].func(doc)
    return doc


def matches(pattern: list[dict], text: str, doc: Doc | None = None) -> list[str]:
    doc = doc or doc_of(text)
    p = compile_pattern("test", pattern, doc.gaz)
    out = []
    for s in range(len(doc.sentences)):
        out += [doc.span_text(m.start, m.end) for m in p.finditer(doc, s)]
    return out


def test_lemma_matches_every_inflected_form() -> None:
    assert matches([{"lemma": "porozumienie"}], "Porozumienia podpisano. O porozumieniu mówiono.") == \
        ["Porozumienia", "porozumieniu"]


def test_lemma_list_from_the_word_lists() -> None:
    assert matches([{"lemma": "@organizer_cues"}, {"lower": "spotkania"}],
                   "Organizatorem spotkania był ROPS. Uczestnikiem spotkania był OWES.") == ["Organizatorem spotkania"]


def test_reading_keys_hold_in_one_reading() -> None:
    # "Fundacji" is genitive singular of "fundacja"; "fundacje" is not genitive
    pattern = [{"lemma": "fundacja", "case": "gen", "number": "sg"}]
    assert matches(pattern, "Prezes Fundacji mówił, a fundacje słuchały.") == ["Fundacji"]


def test_optional_and_repeated_specs() -> None:
    pattern = [{"lower": "w"}, {"shape": "lower", "op": "*", "max": 2}, {"shape": "title", "label": "name"}]
    assert matches(pattern, "w sali konferencyjnej Starostwa") == ["w sali konferencyjnej Starostwa"]
    assert matches(pattern, "w Kielcach") == ["w Kielcach"]
    assert matches(pattern, "w tej dużej sali Starostwa") == []  # three lower-case words: more than max


def test_labels_give_the_slots() -> None:
    doc = doc_of("Organizatorem był Jan Nowak.")
    p = compile_pattern("t", [{"lemma": "organizator", "label": "cue"}, {"lemma": "być"},
                              {"shape": "title", "op": "+", "label": "who"}], doc.gaz)
    m = next(p.finditer(doc, 0))
    assert m.span("cue") == (0, 1)
    assert m.spans("who") == ((2, 3), (3, 4))


def test_mention_spec_consumes_the_whole_mention() -> None:
    doc = doc_of("Spotkanie otworzyła Anna Maria Górak z Kielc.")
    doc.add(Mention("Person", 2, 5, "Anna Maria Górak", 0), "test")
    assert matches([{"mention": "Person", "label": "p"}, {"lower": "z"}], "", doc) == ["Anna Maria Górak z"]
    assert matches([{"mention": "Organization"}], "", doc) == []


def test_phrase_spec_takes_the_longest_role() -> None:
    pattern = [{"phrase": "@roles", "label": "role"}]
    assert matches(pattern, "zastępca dyrektora") == ["zastępca dyrektora"]
    assert matches(pattern, "Zastępcy Dyrektora Regionalnego Ośrodka") == ["Zastępcy Dyrektora"]
    assert matches(pattern, "zastępca") == []  # no role of that one word


def test_not_and_free() -> None:
    doc = doc_of("Jan Nowak i Anna Górak.")
    doc.add(Mention("Person", 0, 2, "Jan Nowak", 0), "test")
    pattern = [{"shape": "title", "free": True, "not": {"lemma": "anna"}}]
    assert matches(pattern, "", doc) == ["Górak"]


def test_patterns_never_cross_sentences() -> None:
    assert matches([{"lower": "spotkanie"}, {"lower": "odbyło"}], "Było spotkanie.\nOdbyło się wczoraj.") == []


@pytest.mark.parametrize("pattern, message", [
    ([{"lemma": "@no_such_list"}], "no word list"),
    ([{"lemmas": "x"}], "unknown key"),
    ([{"shape": "round"}], "unknown shape"),
    ([{"lower": "x", "op": "{2}"}], "op must be"),
    ([{"mention": "Person", "phrase": "@roles"}], "not both"),
    ([{"phrase": "roles"}], "names a list"),
    ([], "non-empty list"),
])
def test_bad_patterns_fail_when_loaded(pattern: list[dict], message: str) -> None:
    with pytest.raises(PatternError, match=message):
        compile_pattern("bad", pattern, gazetteer())
