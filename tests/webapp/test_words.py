"""Dates, counted nouns, vocabulary names, event names and numbered sentences, in Polish and English."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.build import to_dataset_graphs
from graph.lookup import Source
from graph.model import Article, Entity, Extraction, Relation, Sentence
from graph.store import OxigraphStore
from webapp.formats import count, format_date, noun, number
from webapp.names import DisplayNames
from webapp.provenance import Notes
from webapp.vocabulary import direct_tie_label, kind_label, sector_label

BASE = "https://w3id.org/esgraf/"


@pytest.mark.parametrize("n, pl, en", [
    (0, "0 powiązań", "0 ties"), (1, "1 powiązanie", "1 tie"), (2, "2 powiązania", "2 ties"),
    (4, "4 powiązania", "4 ties"), (5, "5 powiązań", "5 ties"), (11, "11 powiązań", "11 ties"),
    (12, "12 powiązań", "12 ties"), (14, "14 powiązań", "14 ties"), (22, "22 powiązania", "22 ties"),
    (25, "25 powiązań", "25 ties"), (104, "104 powiązania", "104 ties"), (112, "112 powiązań", "112 ties"),
])
def test_counted_nouns(n: int, pl: str, en: str) -> None:
    assert count(n, "tie", "pl") == pl
    assert count(n, "tie", "en") == en


def test_counted_nouns_of_other_words() -> None:
    assert [count(n, "node", "pl") for n in (1, 2, 10)] == ["1 węzeł", "2 węzły", "10 węzłów"]
    assert [noun(n, "organisation", "pl") for n in (1, 3, 5)] == ["organizacja", "organizacje", "organizacji"]
    assert count(1500, "event", "pl") == "1\u00a0500 spotkań"


@pytest.mark.parametrize("value, pl, en", [
    ("2017-05-17", "17 maja 2017", "17 May 2017"),
    ("--05-17", "17 maja", "17 May"),  # a day and month with no year (xsd:gMonthDay)
    ("2024-01-03T10:00:00", "3 stycznia 2024", "3 January 2024"),
    ("2017-09", "wrzesień 2017", "September 2017"),
    ("2017", "2017", "2017"),
    ("not a date", "not a date", "not a date"),
    ("", "", ""),
])
def test_dates(value: str, pl: str, en: str) -> None:
    assert format_date(value, "pl") == pl
    assert format_date(value, "en") == en


def test_numbers() -> None:
    assert number(-0.1111, 2, "pl") == "−0,11"
    assert number(0.5, 2, "en") == "0.50"
    assert number(None, 2, "pl") == "–"


def test_kinds_and_sectors_have_names_in_both_languages() -> None:
    assert kind_label("CountyOffice", "pl", BASE) == "starostwo powiatowe"
    assert kind_label("CountyOffice", "en", BASE) == "county office"
    assert kind_label("Organization", "pl", BASE) == "organizacja"
    assert kind_label("Person", "pl", BASE) == "osoba"
    assert kind_label("SomethingNew", "pl", BASE) == "SomethingNew"
    assert sector_label("social", "pl") == "ekonomia społeczna" and sector_label(None, "en") == "unknown sector"
    assert direct_tie_label("founder", "Spółdzielnia", "Starostwo", "pl") == "Spółdzielnia — założyciel: Starostwo"
    assert direct_tie_label("founder", "Spółdzielnia", "Starostwo", "en") == "Starostwo founded Spółdzielnia"


def _event_store(date: dt.date | None, partial: str | None, venue: bool,
                 store: OxigraphStore | None = None) -> OxigraphStore:
    ents = {
        "ev": Entity(key="ev", type="Event", name="Innowacyjnie i kreatywnie podczas spotkania", date=date,
                     date_partial=partial),
        "starostwo": Entity(key="starostwo", type="Organization", name="Starostwo Powiatowe w Starachowicach",
                            kind="CountyOffice", sector="public"),
        "powiat": Entity(key="powiat", type="County", name="powiat starachowicki", teryt="2611"),
    }
    rels = [Relation("about", "ev", "powiat", sentence=0)]
    if venue:
        rels.append(Relation("location", "ev", "starostwo", sentence=0))
    art = Article("a1", "x", "a1.txt", title="Innowacyjnie i kreatywnie", published=dt.date(2017, 5, 20))
    store = store or OxigraphStore()
    graphs = to_dataset_graphs([Extraction(art, [Sentence(0, 0, 1, "x")], ents, rels, event="ev")])
    store.replace_graphs({str(g): t for g, t in graphs.items()})
    return store


@pytest.mark.parametrize("date, partial, venue, pl, en", [
    (dt.date(2017, 5, 17), None, True, "Spotkanie — Starostwo Powiatowe w Starachowicach, 17 maja 2017",
     "Meeting — Starostwo Powiatowe w Starachowicach, 17 May 2017"),
    (None, "--05-17", True, "Spotkanie — Starostwo Powiatowe w Starachowicach, 17 maja",
     "Meeting — Starostwo Powiatowe w Starachowicach, 17 May"),
    (None, None, False, "Spotkanie — powiat starachowicki", "Meeting — powiat starachowicki"),
])
def test_an_event_is_named_by_what_happened_where_and_when(date, partial, venue, pl, en) -> None:
    names = DisplayNames(BASE)
    names.refresh(_event_store(date, partial, venue))
    assert names.event_name(BASE + "event/ev", "pl") == pl
    assert names.event_name(BASE + "event/ev", "en") == en
    assert names.name(BASE + "organization/starostwo", "Starostwo", "pl") == "Starostwo"  # no event: its label


def test_each_sentence_is_one_note() -> None:
    a = Source("Zdanie pierwsze.", BASE + "article/a1", "Artykuł 1")
    b = Source("Zdanie drugie.", BASE + "article/a1", "Artykuł 1")
    again = Source("Zdanie pierwsze.", BASE + "article/a2", "Artykuł 2")  # the same words in another article
    notes = Notes()
    assert notes.refs([a, b]) == [1, 2]
    assert notes.refs([b, again]) == [1, 2]
    notes.add([Source("Wzmianka.", BASE + "article/a1")])
    assert [n.source.text for n in notes.items] == ["Zdanie pierwsze.", "Zdanie drugie.", "Wzmianka."]
    assert [s.title for s in notes.items[0].articles] == ["Artykuł 1", "Artykuł 2"]


def test_event_names_are_read_again_after_a_write() -> None:
    store = _event_store(None, None, False)
    names = DisplayNames(BASE)
    names.refresh(store)
    assert names.event_name(BASE + "event/ev", "pl") == "Spotkanie — powiat starachowicki"
    _event_store(dt.date(2019, 3, 2), None, False, store)  # the article loaded again, now with the date
    assert names.event_name(BASE + "event/ev", "pl") == "Spotkanie — powiat starachowicki"  # until told
    names.stale()
    assert names.event_name(BASE + "event/ev", "pl") == "Spotkanie — powiat starachowicki, 2 marca 2019"
