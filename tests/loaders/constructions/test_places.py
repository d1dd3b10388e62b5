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
