"""Each construction the extractor reads relations from, on sentences written for the test."""
from __future__ import annotations

import datetime as dt

import pytest

from graph.model import Article, Extraction
from loaders.pipeline import Pipeline, PipelineError, extract, extract_corpus


def run(text: str, **kw: object) -> Extraction:
    return extract(Article(id="t", text=text, source="test", **kw))


def rels(x: Extraction, kind: str) -> set[tuple[str, str]]:
    name = {k: e.name for k, e in x.entities.items()}
    return {(name[r.s], name[r.o]) for r in x.relations if r.kind == kind}


def roles(x: Extraction) -> set[tuple[str, str, str]]:
    name = {k: e.name for k, e in x.entities.items()}
    return {(name[r.s], r.role or "", name[r.o]) for r in x.relations if r.kind == "role"}


@pytest.mark.parametrize("text, expected", [
    ("Głos zabrała Ewa Kowalska, dyrektor Regionalnego Ośrodka Polityki Społecznej w Opolu.",
     ("Ewa Kowalska", "dyrektor", "Regionalny Ośrodek Polityki Społecznej w Opolu")),
    ("Dane przedstawił Jan Nowak – doradca kluczowy w Ośrodku Wsparcia Ekonomii Społecznej w Toruniu.",
     ("Jan Nowak", "doradca kluczowy", "Ośrodek Wsparcia Ekonomii Społecznej w Toruniu")),
    ("Gości powitała wicemarszałek Renata Janik.",
     None),
    ("Wiceprzewodnicząca Fundacji Barka Barbara Sadowska mówiła o integracji.",
     ("Barbara Sadowska", "wiceprzewodniczący", "Fundacja Barka")),
    ("Spotkanie otworzył Tomasz Lis, prezes Stowarzyszenia „Razem dla Regionu”.",
     ("Tomasz Lis", "prezes", "Stowarzyszenie „Razem dla Regionu”")),
])
def test_role_patterns(text: str, expected: tuple[str, str, str] | None) -> None:
    x = run(text)
    if expected is None:  # a voivodeship role with no voivodeship known: nothing to attach it to
        assert roles(x) == set()
    else:
        assert expected in roles(x)


def test_role_of_a_marshal_goes_to_the_region_of_the_article() -> None:
    x = run("Gości powitała wicemarszałek Renata Janik. Spotkanie odbyło się w powiecie kieleckim.")
    assert roles(x) == {("Renata Janik", "wicemarszałek", "Województwo Świętokrzyskie")}


def test_starosta_heads_the_county_his_title_names() -> None:
    x = run("Gospodarzem był Jan Kos, starosta konecki.")
    assert roles(x) == {("Jan Kos", "starosta", "Powiat Konecki")}
    assert rels(x, "governs") == {("Powiat Konecki", "powiat konecki")}
    title = next(r.title for r in x.relations if r.kind == "role")
    assert title == "starosta konecki"


def test_role_list_after_colon() -> None:
    x = run("Gości powitali Członkowie Zarządu Powiatu Buskiego: Anna Mróz i Piotr Wilk.")
    got = roles(x)
    assert {p for p, _, _ in got} == {"Anna Mróz", "Piotr Wilk"}
    assert all(role == "członek zarządu" for _, role, _ in got)


def test_role_title_keeps_its_complement() -> None:
    x = run("Ewa Kowalska, doradca ds. ekonomii społecznej w Regionalnym Ośrodku Polityki Społecznej w Opolu.")
    titles = {r.title for r in x.relations if r.kind == "role"}
    assert titles == {"doradca ds. ekonomii społecznej"}


def test_meeting_organisers_venue_people_date_and_county() -> None:
    x = run("12 marca 2019 r. w siedzibie Starostwa Powiatowego w Busku-Zdroju odbyło się spotkanie, "
            "zorganizowane przez Regionalny Ośrodek Polityki Społecznej w Kielcach oraz "
            "Świętokrzyski Ośrodek Wsparcia Ekonomii Społecznej. Uczestnicy rozmawiali o powiecie buskim. "
            "Głos zabrała Ewa Kowalska.", title="Spotkanie w Busku")
    ev = x.entities[x.event]
    assert ev.type == "Event" and ev.date == dt.date(2019, 3, 12)
    assert rels(x, "organizer") == {("Spotkanie w Busku", "Regionalny Ośrodek Polityki Społecznej w Kielcach"),
                                    ("Spotkanie w Busku", "Świętokrzyski Ośrodek Wsparcia Ekonomii Społecznej")}
    assert rels(x, "location") == {("Spotkanie w Busku", "Starostwo Powiatowe w Busku-Zdroju")}
    assert rels(x, "attendee") == {("Spotkanie w Busku", "Ewa Kowalska")}
    assert ("Spotkanie w Busku", "powiat buski") in rels(x, "about")


def test_organiser_with_cooperation() -> None:
    x = run("Organizatorem konferencji był Ośrodek Wsparcia Ekonomii Społecznej w Toruniu we współpracy "
            "z Fundacją Pro Omnis.", title="Konferencja")
    assert {o for _, o in rels(x, "organizer")} == {"Ośrodek Wsparcia Ekonomii Społecznej w Toruniu",
                                                   "Fundacja Pro Omnis"}


def test_year_from_publication_date_for_br() -> None:
    x = run("17 maja br. odbyło się spotkanie w Starostwie Powiatowym w Końskich.", published=dt.date(2018, 6, 1))
    assert x.entities[x.event].date == dt.date(2018, 5, 17)


def test_day_and_month_without_year_stay_partial() -> None:
    x = run("17 maja br. odbyło się spotkanie w Starostwie Powiatowym w Końskich.")
    ev = x.entities[x.event]
    assert ev.date is None and ev.date_partial == "--05-17"


def test_agreement_signatories_initiator_and_county() -> None:
    x = run("W Starostwie Powiatowym w Końskich podpisano porozumienie o współpracy na rzecz ekonomii społecznej "
            "w powiecie koneckim. Porozumienie zostało podpisane przez Jana Kosa, starostę koneckiego, oraz "
            "Fundację Pro Omnis. Inicjatorem porozumienia jest Regionalny Ośrodek Polityki Społecznej w Kielcach.")
    agreement = "porozumienie o współpracy na rzecz ekonomii społecznej w powiecie koneckim"
    assert {(agreement, "Jan Kos"), (agreement, "Fundacja Pro Omnis")} <= rels(x, "signatory")
    assert rels(x, "initiator") == {(agreement, "Regionalny Ośrodek Polityki Społecznej w Kielcach")}
    assert (agreement, "powiat konecki") in rels(x, "about")


def test_founders_of_a_cooperative_named_in_the_previous_sentence() -> None:
    x = run("Powstała Spółdzielnia Socjalna „Zielony Zakątek”. Jest to spółdzielnia osób prawnych założona przez "
            "Gminę Bałtów i Powiat Ostrowiecki, której celem są usługi komunalne.")
    assert rels(x, "founder") == {("Spółdzielnia Socjalna „Zielony Zakątek”", "Gmina Bałtów"),
                                  ("Spółdzielnia Socjalna „Zielony Zakątek”", "Powiat Ostrowiecki")}


def test_unit_of_a_ministry() -> None:
    x = run("Model przygotował Departament Pomocy i Integracji Społecznej w Ministerstwie Rodziny i Polityki "
            "Społecznej.")
    assert rels(x, "suborganization") == {("Departament Pomocy i Integracji Społecznej",
                                           "Ministerstwo Rodziny i Polityki Społecznej")}


def test_project_leader_partners_funders_and_county() -> None:
    x = run("Przedstawiono projekt pn. „Razem dla rodziny”, realizowany przez Fundację Pro Omnis w partnerstwie "
            "z Gminą Bałtów oraz Stowarzyszeniem „Aktywni”. Projekt realizowany jest na terenie powiatu "
            "ostrowieckiego w ramach Regionalnego Programu Operacyjnego Województwa Świętokrzyskiego na lata "
            "2014-2020, współfinansowanego ze środków Europejskiego Funduszu Społecznego.")
    project = "Razem dla rodziny"
    assert rels(x, "lead_partner") == {(project, "Fundacja Pro Omnis")}
    assert rels(x, "partner") == {(project, "Gmina Bałtów"), (project, "Stowarzyszenie „Aktywni”")}
    assert (project, "powiat ostrowiecki") in rels(x, "about")
    assert rels(x, "funder") == {
        (project, "Regionalny Program Operacyjny Województwa Świętokrzyskiego na lata 2014-2020"),
        (project, "Europejski Fundusz Społeczny")}


def test_numbered_programme_parts_chain_and_fund_the_most_specific() -> None:
    x = run("Projekt „Aktywni razem” realizowany jest w ramach Osi priorytetowej 9 Włączenie społeczne, "
            "Działanie 9.3 Wspieranie ekonomii społecznej, Poddziałanie 9.3.2 Koordynacja działań.")
    funders = {o for _, o in rels(x, "funder")}
    assert funders == {"Poddziałanie 9.3.2"}
    assert rels(x, "part_of") == {("Poddziałanie 9.3.2", "Działanie 9.3"), ("Działanie 9.3", "Oś priorytetowa 9")}


def test_acronym_joins_its_full_name() -> None:
    x = run("Spotkanie zorganizował Podkarpacki Ośrodek Wsparcia Ekonomii Społecznej. "
            "Przedstawiciele POWES omówili plany.")
    orgs = [e for e in x.entities.values() if e.type == "Organization"]
    assert len(orgs) == 1 and "POWES" in orgs[0].aliases


def test_same_entities_across_articles_share_keys() -> None:
    a = Article(id="a", text="Spotkanie zorganizował Regionalny Ośrodek Polityki Społecznej w Kielcach. "
                             "Głos zabrała Anna Górak.", source="a")
    b = Article(id="b", text="W spotkaniu ROPS wzięła udział Anny Górak zastępczyni. Rozmawiano w powiecie "
                             "kieleckim.", source="b")
    xa, xb = extract_corpus([a, b])
    assert set(xa.entities) & set(xb.entities) >= {"anna-gorak", "rops-swietokrzyskie"}


def test_pipeline_checks_its_steps() -> None:
    with pytest.raises(PipelineError, match="needs"):
        Pipeline(["tokenize", "mentions"])
    with pytest.raises(PipelineError, match="unknown step"):
        Pipeline(["tokenize", "nonsense"])
