"""What the article's context says about a name: the one body a bare kind name stands for, a county's own
bodies, a place shared by two names, the county a starosta's title names."""
from __future__ import annotations

from tests.loaders.constructions.helpers import rels, run


def orgs(x) -> dict[str, str]:
    return {e.name: e.key for e in x.entities.values() if e.type == "Organization"}


def test_a_bare_kind_name_is_the_one_body_of_that_kind_named() -> None:
    x = run("Spotkanie odbyło się w Starostwie Powiatowym w Starachowicach. Starostwo przygotowało salę.")
    assert list(orgs(x)) == ["Starostwo Powiatowe w Starachowicach"]


def test_a_bare_name_is_not_another_towns_body() -> None:
    x = run("Stoiska miały Warsztaty Terapii Zajęciowej w Nowem i Fundacja Barka. Były też Warsztaty Terapii "
            "Zajęciowej.")
    assert "Warsztaty Terapii Zajęciowej w Nowem" in orgs(x) and len(orgs(x)) == 2


def test_a_county_wide_kind_in_an_article_about_one_county_is_its_body() -> None:
    text = ("Spotkanie w powiecie koneckim. W powiecie koneckim działa wiele organizacji. Głos zabrali "
            "przedstawiciele Powiatowego Urzędu Pracy.")
    assert orgs(run(text)).get("Powiatowy Urząd Pracy") == "pup-powiat-konecki"


def test_kinds_listed_in_brackets_are_no_bodies() -> None:
    text = ("Spotkanie w powiecie koneckim. W powiecie koneckim działa wiele organizacji. Byli przedstawiciele "
            "jednostek (Powiatowego Centrum Pomocy Rodzinie (PCPR), Powiatowego Urzędu Pracy (PUP)).")
    assert orgs(run(text)) == {}


def test_a_place_after_two_kind_names_is_both_of_theirs() -> None:
    x = run("Do porozumienia przystąpiły Powiatowe Centrum Pomocy Rodzinie i Powiatowy Urząd Pracy w Jędrzejowie.")
    assert {"Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie", "Powiatowy Urząd Pracy w Jędrzejowie"} <= set(orgs(x))


def test_a_place_after_a_list_of_kind_names_is_all_of_theirs() -> None:
    x = run("Obecni byli przedstawiciele Powiatowego Centrum Pomocy Rodzinie, Powiatowego Urzędu Pracy oraz Miejskiego "
            "Ośrodka Pomocy Społecznej w Żaganiu.")
    assert {"Powiatowe Centrum Pomocy Rodzinie w Żaganiu", "Powiatowy Urząd Pracy w Żaganiu",
            "Miejski Ośrodek Pomocy Społecznej w Żaganiu"} <= set(orgs(x))


def test_a_place_of_a_body_with_its_own_name_is_not_shared() -> None:
    x = run("Byli przedstawiciele Powiatowego Urzędu Pracy, Warsztatów Terapii Zajęciowej i Muzeum Ludowego w Adamowie.")
    assert not any(n.endswith("w Adamowie") and not n.startswith("Muzeum") for n in orgs(x))


def test_a_starostas_title_names_the_county() -> None:
    x = run("Uczestników przywitał Starosta Świecki p. Franciszek Koszowski.")
    assert any(e.type == "County" and e.teryt == "0414" for e in x.entities.values())
    assert {r for r in rels(x, "role")} == {("Franciszek Koszowski", "Powiat Świecki")}


def test_an_agreement_named_with_its_gmina_is_about_it() -> None:
    x = run("Podpisano Porozumienie o Rozwoju Ekonomii Społecznej w Gminie Puszczykowo.")
    assert {o for _, o in rels(x, "about")} == {"gmina Puszczykowo"}
