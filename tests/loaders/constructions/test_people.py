"""People: first names, a second given name, surnames in the nominative, and the words that are no people."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import names, roles, run


@pytest.mark.parametrize("text, expected", [
    ("Spotkanie otworzył Dariusz Dąbrowski.", {"Dariusz Dąbrowski"}),
    ("Głos oddano Dariuszowi Dąbrowskiemu.", {"Dariusz Dąbrowski"}),
    # a second given name belongs to the name, whichever case it is in
    ("Posiedzenie otworzyła Karolina Maria Zapała, wicewojewoda.", {"Karolina Maria Zapała"}),
    ("Spotkanie prowadziła Pani Anna Maria Kowalska.", {"Anna Maria Kowalska"}),
    ("Podziękowano Annie Marii Kowalskiej za pomoc.", {"Anna Maria Kowalska"}),
    # a double-barrelled surname with spaces around the dash
    ("Obecna była Aleksandra Góźdź – Morawska.", {"Aleksandra Góźdź-Morawska"}),
])
def test_person_names(text: str, expected: set[str]) -> None:
    assert names(run(text), "Person") == expected


@pytest.mark.parametrize("text", [
    # two first names in a list are two people only with their surnames; without them, none
    "Wystąpiły Anna i Maria.",
    # a patron is part of a school's name
    "Spotkanie odbyło się w Szkole Podstawowej im. Marii Konopnickiej.",
])
def test_no_person(text: str) -> None:
    assert names(run(text), "Person") == set()


@pytest.mark.parametrize("line", [
    "Tekst: Ewa Nowosielska", "Fot. Jan Mrozek", "fot. Jan Mrozek", "Tekst i zdjęcia: Julia Romaniuk",
    "Autor: Anna Kot", "Zdjęcia: Ewa Lis / UG Baligród", "Oprac. Marek Wróbel", "Autor zdjęć: Jan Mrozek",
])
def test_a_credit_line_names_no_one(line: str) -> None:
    x = run(f"Spotkanie odbyło się w Lesku.\n{line}\nRozmawiano o spółdzielniach.")
    assert names(x, "Person") == set() and names(x, "Organization") == set()


@pytest.mark.parametrize("text, expected", [
    # a credit's cue word inside a sentence, or with no colon, opens no credit
    ("Autor książki Jan Nowak przyjechał do Leska.", {"Jan Nowak"}),
    ("Zdjęcia wykonał Jan Nowak.", {"Jan Nowak"}),
    # a credit ends with its sentence
    ("Fot. Jan Mrozek. Spotkanie prowadziła Anna Kot.", {"Anna Kot"}),
    # a credit in brackets ends with them
    ("Na zdjęciu Anna Kot (fot. Jan Mrozek) i goście.", {"Anna Kot"}),
    ("Na zdjęciu goście (fot. Jan Mrozek) oraz Anna Kot.", {"Anna Kot"}),
])
def test_credit_cues_near_misses(text: str, expected: set[str]) -> None:
    assert names(run(text), "Person") == expected


def test_a_credits_source_line_is_no_body_but_a_funding_source_is() -> None:
    assert names(run("Wsparcie.\nŹródło: Urząd Gminy Baligród"), "Organization") == set()
    assert names(run("Wsparcie.\nŹródło finansowania: Urząd Gminy Baligród"), "Organization") == {
        "Urząd Gminy Baligród"}


@pytest.mark.parametrize("text", [
    "Spotkanie odbyło się przy placu Jana Kilińskiego w Lesku.",
    "Biuro mieści się przy ul. Jana Kilińskiego.",
    "Sklep działa na ulicy Jana Kilińskiego.",
    "Dom stoi przy al. Jana Pawła II.",
])
def test_a_streets_patron_is_no_person(text: str) -> None:
    assert names(run(text), "Person") == set()


def test_a_person_after_a_street_word_in_another_phrase_still_is_one() -> None:
    assert names(run("Na ulicy spotkano Jana Nowaka."), "Person") == {"Jan Nowak"}


@pytest.mark.parametrize("text, person", [
    # after "w", a capitalised word in -owie is a place in the locative, not a plural first name
    ("Głos zabrała przewodnicząca Koła Gospodyń Wiejskich w Janowie Anna Kot.", "Anna Kot"),
    ("Mówiła przewodnicząca Koła Gospodyń Wiejskich w Michałowie Anna Kot.", "Anna Kot"),
    ("Była przewodnicząca Koła Gospodyń Wiejskich w Marcinkowie Halina Zięba.", "Halina Zięba"),
    # a first name in the locative or accusative after a preposition still begins a name
    ("Rozmawiano o Janie Nowaku i jego pracy.", "Jan Nowak"),
    ("Czekano na Jana Nowaka.", "Jan Nowak"),
])
def test_a_place_after_a_preposition_is_no_first_name(text: str, person: str) -> None:
    assert names(run(text), "Person") == {person}


def test_a_place_in_owie_ends_the_body_before_the_name() -> None:
    x = run("Głos zabrała przewodnicząca Koła Gospodyń Wiejskich w Pawłowie Anna Kot.")
    assert names(x, "Organization") == {"Koło Gospodyń Wiejskich w Pawłowie"}
    assert roles(x) == {("Anna Kot", "przewodniczący", "Koło Gospodyń Wiejskich w Pawłowie")}
