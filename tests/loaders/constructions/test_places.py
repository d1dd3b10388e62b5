"""Territories named by a kind word: lists that share one "powiat" or "gmina", and which of two gminas of one
name "gmina X" means."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import rels, run


def territories(text: str, type_: str) -> set[tuple[str, str]]:
    return {(e.name, e.teryt or "") for e in run(text).entities.values() if e.type == type_}


@pytest.mark.parametrize("text, codes", [
    ("Przybyli samorządowcy z powiatów kartuskiego i kościerskiego.", {"2205", "2206"}),
    ("Projekt realizujemy w powiatach ełckim, gołdapskim i piskim.", {"2805", "2818", "2816"}),
    ("Były osoby z powiatów słupskiego, lęborskiego oraz bytowskiego.", {"2212", "2208", "2201"}),
    ("Pracujemy w powiecie kieleckim, a także buskim.", {"2604", "2601"}),
])
def test_each_county_of_a_list_sharing_one_powiat(text: str, codes: set[str]) -> None:
    assert {c for _, c in territories(text, "County")} == codes


@pytest.mark.parametrize("text, codes", [
    ("Przyszło 120 osób z gmin Bobolice, Polanów i Sianów.", {"3209033", "3209063", "3209073"}),
    ("Przybyli wójtowie gmin Lutowiska i Cisna.", {"1801052", "1821022"}),
])
def test_each_gmina_of_a_list_sharing_one_gmina(text: str, codes: set[str]) -> None:
    assert {c for _, c in territories(text, "Municipality")} == codes


def test_a_list_ends_at_a_word_that_names_no_territory() -> None:
    assert {c for _, c in territories("Przybyli goście z powiatu kartuskiego i przyjaciele z Gdańska.",
                                      "County")} == {"2205"}
    assert {c for _, c in territories("Mieszkańcy gminy Bobolice i Fundacja Pomocy przyszli.",
                                      "Municipality")} == {"3209033"}


def test_each_county_of_a_list_is_what_the_meeting_is_about() -> None:
    x = run("Na spotkanie przybyli samorządowcy z powiatów kartuskiego i kościerskiego.")
    assert {o for _, o in rels(x, "about")} == {"powiat kartuski", "powiat kościerski"}


def test_each_county_of_a_list_is_what_the_project_is_about() -> None:
    x = run("Projekt „Razem” realizowany jest na terenie powiatów ełckiego, gołdapskiego i piskiego.")
    assert {o for _, o in rels(x, "about")} == {"powiat ełcki", "powiat gołdapski", "powiat piski"}


@pytest.mark.parametrize("text, code", [
    ("Zebranie odbyło się na terenie gminy Sanok.", "1817052"),  # the rural gmina, not the town
    ("Mieszka w gminie Sanok.", "1817052"),
    ("Przyjechali mieszkańcy z terenu gminy Szczecinek.", "3215062"),
    ("Przyjechali sołtysi z gminy Nowy Targ.", "1211092"),  # a name of two words
    ("Zebranie odbyło się w gminie miejskiej Sanok.", "1817011"),  # the town
    ("Mieszka w gminie Bałtów.", "2607022"),  # one gmina of the name
    ("Zebranie odbyło się w mieście Sanok.", "1817011"),  # "miasto X" is the town
])
def test_gmina_x_is_the_rural_gmina_where_a_town_shares_the_name(text: str, code: str) -> None:
    assert {c for _, c in territories(text, "Municipality")} == {code}


def test_a_gmina_of_two_words_is_not_another_of_its_first_word() -> None:
    found = territories("Gościł nas wójt gminy Mszana Dolna Bolesław Żaba.", "Municipality")
    assert {c for _, c in found} == {"1207092"}


@pytest.mark.parametrize("text, code", [
    ("Umowę podpisała Gmina Miasto Wejherowo.", "2215031"),
    ("Umowę podpisała Gmina Wejherowo.", "2215102"),
    ("Porozumienie zawarto z Gminą Zamość i Powiatem Zamojskim.", "0620142"),
    ("Porozumienie podpisało Miasto Zamość.", "0664011"),
])
def test_a_gmina_self_government_governs_the_gmina_its_name_says(text: str, code: str) -> None:
    x = run(text)
    governed = {x.entities[r.o].teryt for r in x.relations if r.kind == "governs"
                and x.entities[r.o].type == "Municipality"}
    assert governed == {code}


def located(text: str) -> set[str]:
    x = run(text)
    return {x.entities[r.o].teryt or "" for r in x.relations if r.kind == "location"}


@pytest.mark.parametrize("text, code", [
    ("Spotkanie odbyło się w Bielsku-Białej.", "2461011"),  # not gmina Bielsk
    ("Spotkanie odbyło się w Kędzierzynie-Koźlu.", "1603011"),
    ("Spotkanie odbyło się w Skarżysku-Kamiennej.", "2610011"),
    ("Spotkanie odbyło się w Krynicy-Zdroju.", "1210073"),
    ("Spotkanie odbyło się w Rabce-Zdroju.", "1211123"),
])
def test_a_town_of_two_hyphenated_halves(text: str, code: str) -> None:
    assert located(text) == {code}


def test_a_hyphenated_word_is_no_town_of_its_first_half() -> None:
    assert located("Spotkanie odbyło się w Bielsku-Zachodnim.") == set()


def test_a_citys_district_after_a_hyphen_is_the_city() -> None:
    assert located("Spotkanie odbyło się w Warszawie-Wesołej.") == {"1465011"}


@pytest.mark.parametrize("text, code", [
    ("Spotkanie odbyło się w Cisnej.", "1821022"),  # a name the dictionary does not know
    ("Spotkanie odbyło się w Woli Uhruskiej.", "0619072"),
    ("Spotkanie odbyło się w Lewinie Brzeskim.", "1601043"),
])
def test_a_town_declined_as_an_adjective(text: str, code: str) -> None:
    assert located(text) == {code}


def test_an_unknown_word_that_names_no_gmina_is_no_town() -> None:
    assert located("Spotkanie odbyło się w Zawiszowej.") == set()


def test_a_body_in_a_town_the_dictionary_does_not_know() -> None:
    x = run("Byli przedstawiciele Gminnego Ośrodka Pomocy Społecznej w Cisnej.")
    assert {e.name for e in x.entities.values() if e.type == "Organization"} == {
        "Gminny Ośrodek Pomocy Społecznej w Cisnej"}


def test_a_town_after_a_preposition_is_no_person() -> None:
    x = run("Przybyli kierownicy ośrodków pomocy społecznej z Lewina Brzeskiego, Skarbimierza i Olszanki.")
    assert not [e for e in x.entities.values() if e.type == "Person"]
    x = run("Rozmawiał z Janem Kowalskim i Anną Nowak.")
    assert {e.name for e in x.entities.values() if e.type == "Person"} == {"Jan Kowalski", "Anna Nowak"}


def test_towns_of_a_list_sharing_one_miasto() -> None:
    assert {c for _, c in territories("Mieszkańcy miast Sanok i Krosno przyszli.", "Municipality")} == {
        "1817011", "1861011"}
