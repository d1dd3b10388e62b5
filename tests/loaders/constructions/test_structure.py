"""How organisations hang together: founders, units run by or set up beside another body."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import names, rels, run


def test_founders_before_an_active_verb() -> None:
    text = ("Spółdzielnia Socjalna Spektrum prowadzi przedszkole. W 2014 r. Stowarzyszenie Gepetto wraz z "
            "Wielkopolskim Stowarzyszeniem Gospel powołało do życia spółdzielnię.")
    assert rels(run(text), "founder", by="founder-verb") == {
        ("Spółdzielnia Socjalna Spektrum", "Stowarzyszenie Gepetto"),
        ("Spółdzielnia Socjalna Spektrum", "Wielkopolskie Stowarzyszenie Gospel")}


def test_founders_of_a_body_named_after_the_verb() -> None:
    text = "Gmina Bałtów i Stowarzyszenie Tłok założyły Spółdzielnię Socjalną „Razem”."
    assert rels(run(text), "founder", by="founder-verb") == {
        ("Spółdzielnia Socjalna „Razem”", "Gmina Bałtów"), ("Spółdzielnia Socjalna „Razem”", "Stowarzyszenie Tłok")}


def test_founders_after_the_verb_of_a_body_named_before_it() -> None:
    text = "Spółdzielnię Socjalną „Razem” założyły Gmina Bałtów oraz Stowarzyszenie Tłok z Kielc."
    assert rels(run(text), "founder", by="founder-verb") == {
        ("Spółdzielnia Socjalna „Razem”", "Gmina Bałtów"), ("Spółdzielnia Socjalna „Razem”", "Stowarzyszenie Tłok")}
    # in the nominative, the body before the verb is the founder
    assert rels(run("Spółdzielnia Socjalna „Razem” założyła Stowarzyszenie Tłok."), "founder", by="founder-verb") == {
        ("Stowarzyszenie Tłok", "Spółdzielnia Socjalna „Razem”")}


@pytest.mark.parametrize("text", [
    "Fundacja Barka powołała zespół roboczy.",  # founded no organisation
    "W Fundacji Barka założyliśmy Spółdzielnię Socjalną „Razem”.",  # the body is where, not who
])
def test_no_founder(text: str) -> None:
    assert rels(run(text), "founder", by="founder-verb") == set()


@pytest.mark.parametrize("text, unit, host", [
    ("Przyjechał przedstawiciel Ośrodka Wsparcia Ekonomii Społecznej w Toruniu prowadzonego przez Stowarzyszenie "
     "Tilia.", "Ośrodek Wsparcia Ekonomii Społecznej w Toruniu", "Stowarzyszenie Tilia"),
    ("Podczas spotkania działający przy Stowarzyszeniu Nadzieja Rodzinie Zakład Aktywności Zawodowej w Kielcach "
     "otrzymał certyfikat.", "Zakład Aktywności Zawodowej w Kielcach", "Stowarzyszenie Nadzieja Rodzinie"),
    ("Spółdzielnia Socjalna Spektrum, która prowadzi Przedszkole „Pinokio”, otrzymała nagrodę.",
     "Przedszkole „Pinokio”", "Spółdzielnia Socjalna Spektrum"),
])
def test_a_unit_run_by_its_host(text: str, unit: str, host: str) -> None:
    assert rels(run(text), "suborganization", by="run-by") == {(unit, host)}


def test_a_unit_run_by_two_hosts() -> None:
    text = ("Był przedstawiciel Ośrodka Wsparcia Ekonomii Społecznej w Toruniu prowadzonego przez Europejskie "
            "Centrum Współpracy Młodzieży oraz Stowarzyszenie Tilia.")
    assert {h for _, h in rels(run(text), "suborganization", by="run-by")} == {
        "Europejskie Centrum Współpracy Młodzieży", "Stowarzyszenie Tilia"}


@pytest.mark.parametrize("text", [
    "Spotkanie prowadziła Fundacja Barka.",  # prowadzić a meeting, no body
    "Fundacja Barka prowadzi rozmowy ze Stowarzyszeniem Tłok.",
])
def test_not_run_by(text: str) -> None:
    assert rels(run(text), "suborganization", by="run-by") == set()


def test_a_kind_beside_a_named_body_is_one_body() -> None:
    x = run("Wystąpiła kierownik Centrum Integracji Społecznej przy Rzeszowskim Towarzystwie Pomocy im. św. Brata "
            "Alberta.")
    assert rels(x, "suborganization") == {
        ("Centrum Integracji Społecznej przy Rzeszowskim Towarzystwie Pomocy im. św. Brata Alberta",
         "Rzeszowskie Towarzystwo Pomocy im. św. Brata Alberta")}


@pytest.mark.parametrize("text, name", [
    ("Wystąpiła prezes Stowarzyszenia na Rzecz Osób z Autyzmem Gepetto.",
     "Stowarzyszenie na Rzecz Osób z Autyzmem Gepetto"),
    ("Umowę podpisało Stowarzyszenie Centrum Wolontariatu.", "Stowarzyszenie Centrum Wolontariatu"),
    ("Umowę podpisało Stowarzyszenie Braniewski Instytut Rozwoju.", "Stowarzyszenie Braniewski Instytut Rozwoju"),
])
def test_names_that_hold_other_words_of_kinds(text: str, name: str) -> None:
    assert names(run(text), "Organization") == {name}


@pytest.mark.parametrize("text", [
    "Założycielami Spółdzielni Socjalnej „Razem” są Gmina Bałtów i Fundacja Barka.",
    "Gmina Bałtów i Fundacja Barka są założycielami Spółdzielni Socjalnej „Razem”.",
])
def test_founders_named_by_the_noun(text: str) -> None:
    assert rels(run(text), "founder", by="founder-noun") == {
        ("Spółdzielnia Socjalna „Razem”", "Gmina Bałtów"), ("Spółdzielnia Socjalna „Razem”", "Fundacja Barka")}


def test_founders_of_no_body_named() -> None:
    assert rels(run("Założycielami są Gmina Bałtów i Fundacja Barka."), "founder") == set()


def test_founders_after_a_relative_pronoun() -> None:
    x = run("W Opatowie powstała spółdzielnia socjalna „Smak”, którą założyły Gmina Ożarów i Fundacja Barka.")
    assert {o for _, o in rels(x, "founder")} == {"Gmina Ożarów", "Fundacja Barka"}
    x = run("Spółdzielnię Socjalną Lipa, którą założyła Fundacja Barka, odwiedzili goście.")
    assert rels(x, "founder") == {("Spółdzielnia Socjalna Lipa", "Fundacja Barka")}


def test_a_relative_clause_of_no_founding() -> None:
    x = run("Spółdzielnię Socjalną Lipa, którą odwiedziła Fundacja Barka, chwalono.")
    assert rels(x, "founder") == set()


def test_a_body_founded_by_the_head_of_another_after_the_verb() -> None:
    # "Zespół powołał Wójt": the object comes first, the head who appointed it after the verb
    x = run("We wtorek spotkali się członkowie Zespołu ds. Ekonomii Społecznej. Zespół ds. Ekonomii Społecznej "
            "powołał Starosta Opatowski.")
    assert rels(x, "founder") == {("Zespół ds. Ekonomii Społecznej", "Powiat Opatowski")}


@pytest.mark.parametrize("text", [
    "Stowarzyszenie „Tęcza” prowadzi Zakład Aktywności Zawodowej w Płońsku.",
    # both names read as nominative and accusative alike: the kinds tell that the association runs the workshop
    "Zakład Aktywności Zawodowej w Płońsku prowadzi Stowarzyszenie „Tęcza”.",
    "Zakład Aktywności Zawodowej w Płońsku, który prowadzi Stowarzyszenie „Tęcza”, świętuje.",
])
def test_an_association_runs_a_workshop_whichever_comes_first(text: str) -> None:
    assert rels(run(text), "suborganization", by="run-by") == {
        ("Zakład Aktywności Zawodowej w Płońsku", "Stowarzyszenie „Tęcza”")}
