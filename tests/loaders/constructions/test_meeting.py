"""The meeting's organisers and venue: each construction on short reports, and the near misses it must leave."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import names, rels, run

TITLE = "Spotkanie"


def organisers(text: str) -> dict[str, str]:
    x = run(text, title=TITLE)
    name = {k: e.name for k, e in x.entities.items()}
    return {name[r.o]: r.construction or "" for r in x.relations if r.kind == "organizer"}


def venues(text: str) -> set[str]:
    return {o for _, o in rels(run(text, title=TITLE), "location")}


@pytest.mark.parametrize("text, expected, by", [
    ("Organizatorem spotkania był Ośrodek Wsparcia Ekonomii Społecznej w Toruniu we współpracy z Fundacją Pro "
     "Omnis.", {"Ośrodek Wsparcia Ekonomii Społecznej w Toruniu", "Fundacja Pro Omnis"}, "organizer-noun"),
    ("Partnerami wydarzenia było Starostwo Powiatowe w Jędrzejowie i Fundacja Barka.",
     {"Starostwo Powiatowe w Jędrzejowie", "Fundacja Barka"}, "organizer-noun"),
    ("Fundacja Barka była organizatorem konferencji.", {"Fundacja Barka"}, "organizer-noun"),
    ("Konferencja zorganizowana 27 września 2017 r. w Kielcach przez Fundację Barka była udana.",
     {"Fundacja Barka"}, "organizer-passive"),
    ("Regionalny Ośrodek Polityki Społecznej w Opolu zorganizował spotkanie dla Fundacji Barka.",
     {"Regionalny Ośrodek Polityki Społecznej w Opolu"}, "organizer-active"),
    ("Spotkanie zorganizowało Starostwo Powiatowe w Końskich.", {"Starostwo Powiatowe w Końskich"},
     "organizer-active"),
    ("Konferencję zorganizował Urząd Miasta Jelenia Góra wraz z Fundacją Barka.",
     {"Urząd Miasta Jelenia Góra", "Fundacja Barka"}, "organizer-active"),
    ("Wydarzenie przygotowała Fundacja Barka we współpracy z Gminą Jędrzejów.",
     {"Fundacja Barka", "Gmina Jędrzejów"}, "organizer-active"),
    ("Fundacja Barka przygotowała doroczne spotkanie.", {"Fundacja Barka"}, "organizer-active"),
    ("Inicjatorem spotkania była Fundacja Barka.", {"Fundacja Barka"}, "organizer-noun"),
    # an officer named as the organiser: the body he heads
    ("Organizatorem spotkania był wójt gminy Baligród Jan Nowak.", {"Gmina Baligród"}, "organizer-noun"),
    ("Wydarzenie zorganizowało Stowarzyszenie Tłok w partnerstwie z Fundacją Barka.",
     {"Stowarzyszenie Tłok", "Fundacja Barka"}, "organizer-active"),
    ("Spotkanie, którego organizację wspierała Fundacja Barka, było udane.", {"Fundacja Barka"},
     "organizer-support"),
    ("Goście przybyli na zaproszenie Fundacji Barka na spotkanie.", {"Fundacja Barka"}, "organizer-support"),
])
def test_organisers(text: str, expected: set[str], by: str) -> None:
    got = organisers(text)
    assert set(got) == expected and set(got.values()) == {by}


@pytest.mark.parametrize("text, expected", [
    ("Organizatorzy projektu – Fundacja Barka i Stowarzyszenie Tłok – szukają rozwiązań.", set()),  # a project's
    ("Spotkanie zorganizowane w siedzibie Fundacji Barka zgromadziło gości.", set()),  # a venue, no agent
    ("Na spotkaniu były stoiska Kół Gospodyń Wiejskich i Fundacji Barka.", set()),  # no host here
    ("Na spotkaniu Fundacja Barka przygotowała stoisko z rękodziełem.", set()),  # prepared a stand, not the meeting
    ("Fundacja Barka zorganizowała spotkanie z udziałem Stowarzyszenia Tłok.", {"Fundacja Barka"}),  # not the guest
    # a funder is not a co-organiser
    ("Konferencję zorganizowała Fundacja Barka przy wsparciu finansowym Urzędu Gminy Gorlice.", {"Fundacja Barka"}),
])
def test_organiser_near_misses(text: str, expected: set[str]) -> None:
    assert set(organisers(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("17 maja w sali konferencyjnej Starostwa Powiatowego w Końskich odbyło się spotkanie.",
     {"Starostwo Powiatowe w Końskich"}),
    ("Gala odbyła się w Filharmonii Świętokrzyskiej.", {"Filharmonia Świętokrzyska"}),
    ("Miejscem spotkania była kawiarnia prowadzona przez Przedsiębiorstwo Społeczne SANTOS CAFE.",
     {"Przedsiębiorstwo Społeczne SANTOS CAFE"}),
    ("29 sierpnia w Czerwińsku nad Wisłą odbyło się spotkanie.", {"gmina Czerwińsk nad Wisłą"}),
    ("Spotkania odbyły się 18 września w Zielonej Górze oraz 19 września w Gorzowie Wlkp.",
     {"gmina Zielona Góra", "gmina Gorzów Wielkopolski"}),
    ("W sali obrad Starostwa Powiatowego w Nowym Targu podpisano porozumienie o współpracy.",
     {"Starostwo Powiatowe w Nowym Targu"}),
    ("Spotkanie odbyło się w ROPS w Rzeszowie, a poprowadziła je dyrektor ROPS Anna Kot.",
     {"Regionalny Ośrodek Polityki Społecznej w Rzeszowie"}),
])
def test_venues(text: str, expected: set[str]) -> None:
    got = venues(text)
    assert {v.replace("miasto ", "gmina ") for v in got} == expected or got == expected


@pytest.mark.parametrize("text", [
    # a town inside an organisation's name is where the body is, not where the meeting was
    "Regionalny Ośrodek Polityki Społecznej w Rzeszowie podpisał umowę.",
    # a self-government is rather the area the meeting is about
    "Spotkanie odbyło się w Gminie Bałtów, jak co roku.",
    # the body of a role's phrase is where the person works
    "Spotkanie otworzyła Anna Kot, koordynatorka ds. ekonomii społecznej w ROPS w Rzeszowie.",
])
def test_venue_near_misses(text: str) -> None:
    assert venues(text) == set()


def test_a_town_is_the_town_not_the_rural_gmina_of_its_name() -> None:
    assert {v for v in venues("Spotkanie odbyło się w Elblągu.")} == {
        e.name for e in run("Spotkanie odbyło się w Elblągu.", title=TITLE).entities.values()
        if e.type == "Municipality" and e.teryt == "2861011"}


@pytest.mark.parametrize("text, name", [
    ("Spotkanie odbyło się w siedzibie RCPS w Łodzi.", "Regionalne Centrum Polityki Społecznej w Łodzi"),
    ("Obecni byli przedstawiciele OWES Ja-Ty-My.", "OWES Ja-Ty-My"),
    ("Nie zabrakło PSONI Koło w Łęcznej.", "PSONI Koło w Łęcznej"),
])
def test_organisations_named_by_an_acronym(text: str, name: str) -> None:
    assert name in names(run(text, title=TITLE), "Organization")


def test_the_meetings_day_counts_from_the_articles_day() -> None:
    import datetime as dt

    x = run("Wczoraj w Kielcach odbyło się spotkanie.", title=TITLE, published=dt.date(2019, 3, 14))
    assert x.entities[x.event].date == dt.date(2019, 3, 13)
    x = run("17 maja odbyło się spotkanie.", title=TITLE, published=dt.date(2018, 6, 1))
    assert x.entities[x.event].date == dt.date(2018, 5, 17)


def test_an_agreement_signed_at_the_meeting_has_its_day() -> None:
    import datetime as dt

    x = run("20 stycznia 2017 r. odbyło się spotkanie. Porozumienie o współpracy podpisała Fundacja Barka.",
            title=TITLE)
    agreement = next(e for e in x.entities.values() if e.type == "Agreement")
    assert agreement.date == dt.date(2017, 1, 20)


@pytest.mark.parametrize("text, event", [
    ("W piątek w Opatowie spotkali się przedstawiciele Fundacji Barka.", True),
    ("Konferencja o ekonomii społecznej była udana.", True),
    # a verb of meeting that tells of no meeting: a profile, not a report
    ("W ekonomii społecznej można spotkać ludzi gotowych pomóc. Fundacja Barka prowadzi przedszkole.", False),
])
def test_an_article_reports_a_meeting_when_it_tells_of_one(text: str, event: bool) -> None:
    assert (run(text).event is not None) == event


def test_an_acronym_named_body_organises_in_the_nominative() -> None:
    assert organisers("Konferencję zorganizowało RCPS w Łodzi.") == {
        "Regionalne Centrum Polityki Społecznej w Łodzi": "organizer-active"}


def test_the_county_of_the_venue_is_what_the_meeting_is_about_though_named_late() -> None:
    x = run("23 maja w Sokólskim Ośrodku Kultury odbyła się konferencja. Organizatorem konferencji było PCPR w "
            "Sokółce. Konferencję prowadził Adam Wróblewski. Na konferencję przybył starosta sokólski Piotr Rećko.")
    assert {o for _, o in rels(x, "about", "meeting-area")} == {"powiat sokólski"}


def test_the_county_of_an_organiser_is_what_the_meeting_is_about() -> None:
    x = run("Wczoraj odbyła się konferencja. Jej organizatorem był Ośrodek Pomocy Społecznej w Sokółce. Konferencję "
            "prowadził Adam Wróblewski. Na konferencję przybyła Anna Nowak. Konferencja była udana. Gościem był "
            "starosta sokólski Piotr Rećko.")
    assert {o for _, o in rels(x, "about", "meeting-area")} == {"powiat sokólski"}


def test_a_county_named_once_late_is_not_what_a_meeting_elsewhere_is_about() -> None:
    x = run("23 maja w Kielcach odbyła się konferencja. Organizatorem konferencji był ROPS w Kielcach. Konferencję "
            "prowadził Adam Wróblewski. Na konferencję przybył starosta sokólski Piotr Rećko.")
    assert rels(x, "about") == set()


def test_the_meeting_reported_is_not_one_of_another_year_or_still_to_come() -> None:
    x = run("Rok temu, 12 maja 2023 r., podobne forum odbyło się w Krośnie. Tegoroczne forum zorganizowano 10 maja "
            "2024 r. w Jaśle. Kolejne forum odbędzie się w Sanoku.", title="Forum w Jaśle")
    ev = x.entities[x.event]
    assert str(ev.date) == "2024-05-10"
    assert venues("Rok temu podobne forum odbyło się w Krośnie. Tegoroczne forum zorganizowano w Jaśle.") == {
        "gmina miejska Jasło"}


def test_an_announcement_is_still_its_own_meeting() -> None:
    x = run("Spotkanie odbędzie się 12 czerwca 2025 r. w Sanoku.", title="Zaproszenie")
    assert x.event is not None and str(x.entities[x.event].date) == "2025-06-12"
