"""Projects: their titles, who runs them and with whom."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import names, rels, run


@pytest.mark.parametrize("text, expected", [
    ("Spotkanie organizowane było w ramach projektów Spójna integracja regionalna ekonomii społecznej (SIRES) oraz "
     "Koordynacja i monitorowanie rozwoju ekonomii społecznej w regionie (ROPS).",
     {"Spójna integracja regionalna ekonomii społecznej", "Koordynacja i monitorowanie rozwoju ekonomii społecznej "
      "w regionie"}),
    ("Odbyło się pierwsze spotkanie z cyklu Warsztatów Rozwoju Społeczno - Gospodarczego Powiatu Koneckiego.",
     {"Warsztaty Rozwoju Społeczno-Gospodarczego Powiatu Koneckiego"}),
    ("W ramach projektu pozakonkursowego Świętokrzyska Ekonomia Społeczna, przeprowadzono konkurs.",
     {"Świętokrzyska Ekonomia Społeczna"}),
])
def test_project_titles(text: str, expected: set[str]) -> None:
    assert names(run(text), "Project") == expected


def test_a_quoted_name_after_an_organisations_head_is_the_organisations() -> None:
    x = run("Organizatorzy projektu – Fundacja „Fundusz Współpracy” – szukają rozwiązań.")
    assert names(x, "Project") == set() and "Fundacja „Fundusz Współpracy”" in names(x, "Organization")


def test_project_partners_listed_after_the_noun() -> None:
    x = run("W ramach projektu „Razem” powstało partnerstwo. Organizatorzy projektu – Fundacja Barka, Krajowy Ruch "
            "Ekologiczno-Społeczny i Gmina Długosiodło – szukają rozwiązań.")
    assert {o for _, o in rels(x, "partner")} == {"Fundacja Barka", "Krajowy Ruch Ekologiczno-Społeczny",
                                                   "Gmina Długosiodło"}


@pytest.mark.parametrize("text, expected", [
    ("Regionalny Ośrodek Polityki Społecznej w Opolu w ramach projektu pt. „Razem” zorganizował spotkanie.",
     {"Regionalny Ośrodek Polityki Społecznej w Opolu"}),
    ("Omówiono działania zaplanowane przez Fundację Barka w ramach projektu pn. „Razem”.", {"Fundacja Barka"}),
    ("Dla Fundacji Barka w ramach projektu „Razem” przygotowano szkolenie.", set()),  # the beneficiary of a PP
])
def test_the_organisation_acting_within_a_project_runs_it(text: str, expected: set[str]) -> None:
    assert {o for _, o in rels(run(text), "partner", by="project-agent")} == expected


@pytest.mark.parametrize("text, name", [
    # the 2021-2027 programmes are named "Fundusze Europejskie dla …" with their years
    ("Projekt realizowany jest w ramach programu Fundusze Europejskie dla Rozwoju Społecznego 2021-2027 "
     "współfinansowanego ze środków Europejskiego Funduszu Społecznego Plus.",
     "Fundusze Europejskie dla Rozwoju Społecznego 2021-2027"),
    ("Projekt finansowany jest z programu Fundusze Europejskie dla Podkarpacia 2021-2027.",
     "Fundusze Europejskie dla Podkarpacia 2021-2027"),
    # "dla" and a person is no part of a fund's name
    ("Fundusz Pracy dla Jana Nowaka wypłacił zasiłek.", "Fundusz Pracy"),
])
def test_programme_names(text: str, name: str) -> None:
    assert name in names(run(text), "Programme")


@pytest.mark.parametrize("text, kind, expected", [
    # the lead named before "jest liderem", the partners of the clause after it kept apart
    ("Fundacja Barka jest liderem projektu „Aktywni razem”, a jego partnerami są Gmina Ożarów i Stowarzyszenie "
     "Tłok.", "lead_partner", {"Fundacja Barka"}),
    ("Fundacja Barka jest liderem projektu „Aktywni razem”, a jego partnerami są Gmina Ożarów i Stowarzyszenie "
     "Tłok.", "partner", {"Gmina Ożarów", "Stowarzyszenie Tłok"}),
    ("Realizatorem projektu „Aktywni razem” jest Stowarzyszenie Tłok.", "lead_partner", {"Stowarzyszenie Tłok"}),
    ("Projekt „Aktywni razem” realizowany jest przez Fundację Barka we współpracy z Gminą Ożarów.", "partner",
     {"Gmina Ożarów"}),
    # the lead after "Liderem projektu P jest", the partner of the clause "a partnerem (jest)" after it; the article
    # may open with it
    ("Liderem projektu „Aktywni razem” jest Powiat Koszaliński, a partnerem Fundacja Merkury.", "lead_partner",
     {"Powiat Koszaliński"}),
    ("Liderem projektu „Aktywni razem” jest Powiat Koszaliński, a partnerem jest Fundacja Merkury.", "partner",
     {"Fundacja Merkury"}),
    # bodies that joined the project named before
    ("Powiat Wałbrzyski realizuje projekt „Razem”. Do projektu przystąpiły ponadto Gmina Głuszyca i Gmina Walim.",
     "partner", {"Gmina Głuszyca", "Gmina Walim"}),
    ("Do projektu „Razem” przystąpiło 20 osób z gminy Walim.", "partner", set()),
    # another clause after the lead is no partner
    ("Liderem projektu „Aktywni razem” jest Powiat Koszaliński, a spotkanie prowadziła Fundacja Merkury.",
     "partner", set()),
    # a body that funds it
    ("Projekt „Aktywni razem” jest finansowany przez Narodowy Instytut Wolności.", "funder",
     {"Narodowy Instytut Wolności"}),
])
def test_who_leads_joins_and_funds_a_project(text: str, kind: str, expected: set[str]) -> None:
    assert {o for _, o in rels(run(text), kind)} == expected
