"""Who signed an agreement, joined it or initiated it, and the partnership it sets up."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import names, rels, run


def signatories(text: str) -> set[str]:
    return {o for _, o in rels(run(text), "signatory")}


@pytest.mark.parametrize("text, expected", [
    ("Porozumienie o współpracy zostało podpisane przez Jana Kosa, starostę koneckiego, oraz Fundację Pro Omnis.",
     {"Jan Kos", "Powiat Konecki", "Fundacja Pro Omnis"}),
    # the body a signing officer heads signs through them
    ("Porozumienie o współpracy podpisali prezydent Rybnika Piotr Kuczera i prezes Stowarzyszenia „Szansa” Halina "
     "Nowak.", {"Piotr Kuczera", "Miasto Rybnik", "Halina Nowak", "Stowarzyszenie „Szansa”"}),
    # an agreement the article names by its noun alone, signed
    ("Porozumienie podpisali starosta jasielski Adam Pawluś oraz Fundacja Barka.",
     {"Adam Pawluś", "Powiat Jasielski", "Fundacja Barka"}),
    ("Fundacja Barka podpisała porozumienie.", {"Fundacja Barka"}),
    # the place a sentence opens with signs nothing
    ("W czwartek w Starostwie Powiatowym w Wałbrzychu Powiat Wałbrzyski i Fundacja Merkury podpisały umowę "
     "partnerską.", {"Powiat Wałbrzyski", "Fundacja Merkury"}),
    ("Porozumienie zostało zawarte pomiędzy Powiatem Zamojskim a Gminą Sitno.", {"Powiat Zamojski", "Gmina Sitno"}),
    ("Porozumienie o współpracy sygnowali Pan Marcin Gortat – Wójt Gminy Czerwińsk nad Wisłą, Ks. Szymon Mastalerz – "
     "proboszcz Parafii św. Jana oraz Pan Tomasz Zamorski z zarządu Stowarzyszenia „Nasz Dom”.",
     {"Marcin Gortat", "Gmina Czerwińsk nad Wisłą", "Szymon Mastalerz", "Parafia św. Jana", "Tomasz Zamorski",
      "Stowarzyszenie „Nasz Dom”"}),
    ("Fundacja Barka podpisała porozumienie o współpracy z Gminą Bałtów.", {"Fundacja Barka", "Gmina Bałtów"}),
    ("Sygnatariuszem porozumienia o współpracy ze strony gminy była Fundacja Barka.", {"Fundacja Barka"}),
    ("Do porozumienia o współpracy przystąpiły Fundacja Barka i Stowarzyszenie Tłok.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    ("Porozumienie o współpracy zawarte pomiędzy:\n1. Fundacją Barka,\n2. Stowarzyszeniem Tłok.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    # parties that decided to sign
    ("Gmina Bałtów, Powiat Opatowski i Fundacja Barka postanowiły zawrzeć porozumienie o współpracy.",
     {"Gmina Bałtów", "Powiat Opatowski", "Fundacja Barka"}),
    ("Fundacja Barka i Stowarzyszenie Tłok zdecydowały się podpisać porozumienie o współpracy.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    # an agreement named by its kind alone
    ("Fundacja Barka podpisała umowę partnerską z Gminą Bałtów.", {"Fundacja Barka", "Gmina Bałtów"}),
    ("W Opatowie podpisano porozumienie partnerskie. Sygnatariuszami porozumienia są: Gmina Bałtów i Fundacja Barka.",
     {"Gmina Bałtów", "Fundacja Barka"}),
    # the parties "między A a B", after the agreement's aim or as its only name
    ("Podpisano porozumienie o współpracy pomiędzy Gminą Bałtów a Fundacją Barka.", {"Gmina Bałtów", "Fundacja Barka"}),
    ("Podpisanie porozumienia między Powiatem Opatowskim a Stowarzyszeniem Tłok odbyło się w starostwie.",
     {"Powiat Opatowski", "Stowarzyszenie Tłok"}),
    # the body one signs for
    ("Podpisano porozumienie o współpracy. W imieniu Gminy Bałtów porozumienie podpisał Wójt Jan Nowak.",
     {"Gmina Bałtów", "Jan Nowak"}),
])
def test_signatories(text: str, expected: set[str]) -> None:
    assert signatories(text) == expected


@pytest.mark.parametrize("text", [
    "Fundacja Barka podpisała list do ministra.",  # nothing named as an agreement
    "O porozumieniu o współpracy mówiła Fundacja Barka.",  # a talk about it, no signing
    "Fundacja Barka postanowiła zawrzeć nowe znajomości.",  # no agreement to sign
    "Swoje podpisy pod porozumieniem złożą Fundacja Barka i Gmina Bałtów.",  # a signing still to come
    "Dwa lata temu Fundacja Barka podpisała takie porozumienie.",  # another agreement, only referred to
    "Porozumienie ułatwi współpracę między gminami.",  # "między" with no body after it
])
def test_no_signatories(text: str) -> None:
    assert signatories(text) == set()


def test_signatories_of_an_agreement_that_sets_up_a_partnership_are_its_partners() -> None:
    x = run("Podpisano porozumienie o utworzeniu partnerstwa na rzecz rozwoju ekonomii społecznej. Porozumienie "
            "sygnowali Fundacja Barka i Stowarzyszenie Tłok.")
    assert {o for _, o in rels(x, "partner")} == {"Fundacja Barka", "Stowarzyszenie Tłok"}


def test_an_agreement_on_partnerly_cooperation_sets_up_no_partnership() -> None:
    x = run("Porozumienie o partnerskiej współpracy na rzecz ekonomii podpisała Fundacja Barka. Partnerstwo na rzecz "
            "rozwoju działa od roku.")
    assert rels(x, "partner") == set()


def test_initiator() -> None:
    x = run("Inicjatorem porozumienia o współpracy jest Regionalny Ośrodek Polityki Społecznej w Kielcach.")
    assert {o for _, o in rels(x, "initiator")} == {"Regionalny Ośrodek Polityki Społecznej w Kielcach"}


def test_the_initiator_of_a_meeting_initiated_no_agreement() -> None:
    x = run("Podpisano porozumienie o współpracy. Inicjatorem spotkania była Fundacja Barka.")
    assert rels(x, "initiator") == set()


def test_a_cue_inside_a_name_initiates_nothing() -> None:
    x = run("Porozumienie o współpracy podpisali burmistrz Płońska Andrzej Pietrasik i prezes Stowarzyszenia "
            "„Płońskie Inicjatywy” Beata Wiśniewska.")
    assert rels(x, "initiator") == set()


def test_a_noun_for_the_agreement_named_before() -> None:
    text = "Podpisano umowę o założeniu spółdzielni socjalnej. Dokument podpisali: Gmina Bałtów i Fundacja Barka."
    assert {o for _, o in rels(run(text), "signatory")} == {"Gmina Bałtów", "Fundacja Barka"}


def test_an_agreement_named_by_its_kind_is_the_fuller_one_named_before() -> None:
    x = run("Podpisano porozumienie partnerskie o współpracy na rzecz ekonomii społecznej. Porozumienie partnerskie "
            "podpisali przedstawiciele Gminy Bałtów i Fundacji Barka.")
    assert [e.name for e in x.entities.values() if e.type == "Agreement"] == [
        "porozumienie partnerskie o współpracy na rzecz ekonomii społecznej"]


def test_an_agreement_named_by_its_parties() -> None:
    x = run("Podpisanie porozumienia między Powiatem Opatowskim a Stowarzyszeniem Tłok odbyło się w starostwie.")
    assert [e.name for e in x.entities.values() if e.type == "Agreement"] == [
        "porozumienie między Powiatem Opatowskim a Stowarzyszeniem Tłok"]


def test_the_body_signed_for_is_the_partner_not_the_person_who_signed() -> None:
    x = run("Podpisano porozumienie o utworzeniu partnerstwa na rzecz rozwoju ekonomii społecznej. W imieniu Powiatu "
            "Lipskiego porozumienie podpisał Starosta Lipski Marek Szymczyk.")
    assert {o for _, o in rels(x, "partner")} == {"Powiat Lipski"}
    assert {o for _, o in rels(x, "signatory")} == {"Powiat Lipski", "Marek Szymczyk"}


def test_the_body_an_officer_heads_is_the_partner_when_no_body_is_named() -> None:
    x = run("Podpisano porozumienie o utworzeniu partnerstwa na rzecz rozwoju ekonomii społecznej. W imieniu miasta "
            "porozumienie podpisał prezydent Nowego Sącza Ludomir Handzel.")
    assert {o for _, o in rels(x, "partner")} == {"Miasto Nowy Sącz"}
    assert {o for _, o in rels(x, "signatory")} == {"Miasto Nowy Sącz", "Ludomir Handzel"}


def test_a_purpose_is_no_part_of_a_name() -> None:
    assert [e.name for e in run("Podpisano porozumienie o współpracy w celu rozwoju ekonomii społecznej.")
            .entities.values() if e.type == "Agreement"] == ["porozumienie o współpracy"]
    # a network talked of, named by nothing but its purpose, is no partnership
    x = run("Mówił o tworzeniu lokalnej sieci współpracy w celu wzmacniania tych przedsiębiorstw.")
    assert not [e for e in x.entities.values() if e.type == "Partnership"]


def test_the_headlines_agreement_is_the_one_the_body_tells_of() -> None:
    x = run("Porozumienie o współpracy z OWES\n\nROPS w Zielonej Górze oraz OWES w Gorzowie Wielkopolskim zawarły "
            "porozumienie o współpracy w zakresie wsparcia podmiotów ekonomii społecznej.",
            title="Porozumienie o współpracy z OWES")
    [agreement] = [e for e in x.entities.values() if e.type == "Agreement"]
    assert agreement.name == "porozumienie o współpracy w zakresie wsparcia podmiotów ekonomii społecznej"
    assert "porozumienie o współpracy z OWES" in agreement.aliases


def test_a_headline_over_two_agreements_joins_neither() -> None:
    x = run("Porozumienia w Lesku\n\nPodpisano porozumienie o współpracy w zakresie usług społecznych. Podpisano też "
            "porozumienie o utworzeniu klubu.", title="Porozumienia w Lesku")
    assert names(x, "Agreement") == {"porozumienie o współpracy w zakresie usług społecznych",
                                     "porozumienie o utworzeniu klubu"}


@pytest.mark.parametrize("text, name", [
    # an impersonal verb ends the name
    ("Porozumienie o współpracy podpisano w Lesku.", "porozumienie o współpracy"),
    ("Umowę o założeniu spółdzielni podpisano 9 stycznia 2025 r. w Lesku.", "umowa o założeniu spółdzielni"),
    # what is set up is part of the name
    ("W Kielcach podpisano porozumienie w sprawie utworzenia Centrum Integracji Społecznej.",
     "porozumienie w sprawie utworzenia Centrum Integracji Społecznej"),
    # a capital mid-sentence is the name's own
    ("Podpisano Porozumienie o Rozwoju Ekonomii Społecznej w Gminie Puszczykowo.",
     "Porozumienie o Rozwoju Ekonomii Społecznej w Gminie Puszczykowo"),
])
def test_where_an_agreements_name_ends(text: str, name: str) -> None:
    assert names(run(text), "Agreement") == {name}


def test_a_place_alone_names_no_agreement() -> None:
    assert names(run("Porozumienie w Nowym Targu budzi nadzieje."), "Agreement") == set()
