"""Who took part in the meeting: each construction on short reports, and the near misses it must leave."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import rels, run

TITLE = "Spotkanie"


def attendees(text: str, by: str | None = None) -> set[str]:
    return {o for _, o in rels(run(text, title=TITLE), "attendee", by=by)}


@pytest.mark.parametrize("text, expected", [
    ("W Kielcach odbyło się posiedzenie Regionalnego Komitetu Rozwoju Ekonomii Społecznej.",
     {"Regionalny Komitet Rozwoju Ekonomii Społecznej"}),
    ("W Supraślu odbyło się spotkanie Regionalnego Komitetu Rozwoju Ekonomii Społecznej oraz Podlaskiej Rady "
     "Działalności Pożytku Publicznego.",
     {"Regionalny Komitet Rozwoju Ekonomii Społecznej", "Podlaska Rada Działalności Pożytku Publicznego"}),
])
def test_the_body_that_met(text: str, expected: set[str]) -> None:
    assert attendees(text, by="meeting-of-body") == expected


def test_a_meeting_about_a_body_is_not_its_meeting() -> None:
    assert attendees("Na spotkaniu rozmawiano o Fundacji Barka.", by="meeting-of-body") == set()


@pytest.mark.parametrize("text, expected", [
    ("W spotkaniu uczestniczyli przedstawiciele Fundacji Barka i Stowarzyszenia Tłok.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    ("Udział wzięli członkowie RKRES oraz pracownicy Fundacji Barka.", {"Fundacja Barka"}),
    ("W spotkaniu uczestniczyli przedstawiciele instytucji z terenu powiatu (m.in. Fundacji Barka, "
     "Stowarzyszenia Tłok).", {"Fundacja Barka", "Stowarzyszenie Tłok"}),
])
def test_representatives_of_organisations(text: str, expected: set[str]) -> None:
    assert attendees(text, by="attendee-representatives") == expected


@pytest.mark.parametrize("text", [
    # a representative named with the person is that person's role, not an organisation taking part
    "Głos zabrał Jan Nowak – przedstawiciel Fundacji Barka.",
    "Gości powitali Członkowie Zarządu Fundacji Barka: Anna Mróz i Piotr Wilk.",
])
def test_representatives_near_misses(text: str) -> None:
    assert attendees(text, by="attendee-representatives") == set()


@pytest.mark.parametrize("text, expected", [
    ("W spotkaniu udział wzięły: Fundacja Barka i Stowarzyszenie Tłok.", {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    ("Fundacja Barka i Stowarzyszenie Tłok uczestniczyły w spotkaniu.", {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    # the meeting named by a pronoun, and words that open a list without being in it
    ("Spotkanie odbyło się w Opatowie. Udział w nim wzięli m.in. Fundacja Barka oraz Stowarzyszenie Tłok.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    ("W Opatowie odbyła się konferencja. Udział w niej wzięły także Fundacja Barka i Stowarzyszenie Tłok.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    # exhibitors at the meeting's fair
    ("W trakcie spotkania odbył się kiermasz produktów oferowanych przez Fundację Barka i Stowarzyszenie Tłok.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    # those who accepted the invitation, came "z" a body, or presented their work
    ("Spotkanie odbyło się w Opatowie. Zaproszenie przyjęli: Fundacja Barka oraz Stowarzyszenie Tłok.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    ("Spotkanie zgromadziło ponad 50 osób, m.in. z Fundacji Barka i Stowarzyszenia Tłok.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
    ("Spotkanie odbyło się w Opatowie. Swoje działania zaprezentowały Fundacja Barka i Stowarzyszenie Tłok.",
     {"Fundacja Barka", "Stowarzyszenie Tłok"}),
])
def test_participation_lists(text: str, expected: set[str]) -> None:
    assert attendees(text, by="attendee-list") == expected


def test_participation_lists_take_people_and_representatives() -> None:
    got = attendees("W spotkaniu udział wzięli: Jan Nowak, Fundacja Barka i przedstawiciele Stowarzyszenia Tłok.")
    assert got == {"Jan Nowak", "Fundacja Barka", "Stowarzyszenie Tłok"}


@pytest.mark.parametrize("text", [
    # "udział" of something else: a share, not taking part
    "Spotkanie odbyło się w Opatowie. Udział w nim miał wzrosnąć, mówiła Fundacja Barka.",
    # a list after "m.in." that is not of participants
    "Spotkanie odbyło się w Opatowie. Omówiono m.in. działania Fundacji Barka.",
    # services a body offers, talked about: no fair, no exhibitor
    "Spotkanie odbyło się w Opatowie. Prezes mówił o usługach oferowanych przez Fundację Barka.",
    # a presentation still to come, of a body talked about
    "Spotkanie odbyło się w Opatowie. Mówiono o Fundacji Barka, która swoje działania zaprezentuje w maju.",
])
def test_participation_near_misses(text: str) -> None:
    assert attendees(text, by="attendee-list") == set()


def test_a_persons_body_in_a_list_is_not_a_participant() -> None:
    got = attendees("W spotkaniu wziął udział Adam Jarubas, marszałek Województwa Świętokrzyskiego, który mówił.")
    assert got == {"Adam Jarubas"}


def test_people_named_took_part_but_not_the_author_or_the_absent() -> None:
    text = ("Spotkanie otworzyła Anna Mróz. Dyplomy – w imieniu Pana Marszałka Wojciecha Saługi – wręczył Pan Rafał "
            "Adamczyk.\nOpracował: Adam Kubka")
    assert attendees(text, by="meeting-people") == {"Anna Mróz", "Rafał Adamczyk"}


@pytest.mark.parametrize("sentence", [
    "Nieobecny był wójt gminy Cisna Adam Kowal.",
    "Głos zabrała Anna Kot, która nie mogła uczestniczyć w spotkaniu osobiście.",
    "Minister Agnieszka Nowak w swoim liście podkreśliła wagę spotkania.",
    "Podobne spotkanie odbyło się rok temu w Krośnie z udziałem prezydenta Krosna Piotra Przytockiego.",
    "Kolejne spotkanie odbędzie się w czerwcu, a poprowadzi je wójt gminy Baligród Jan Nowak.",
])
def test_people_who_missed_the_meeting_or_met_another_time_took_no_part(sentence: str) -> None:
    text = f"W czwartek w Lesku odbyło się spotkanie. Spotkanie otworzyła Ewa Lis. {sentence}"
    assert attendees(text) == {"Ewa Lis"}


@pytest.mark.parametrize("sentence, person", [
    ("– Będziemy dalej współpracować – mówiła starosta leska Anna Kot.", "Anna Kot"),  # a future in a quote
    ("Listy gratulacyjne wręczył Rafał Adamczyk.", "Rafał Adamczyk"),  # letters handed over, not sent
])
def test_people_at_the_meeting_stay_attendees(sentence: str, person: str) -> None:
    text = f"W czwartek w Lesku odbyło się spotkanie. Spotkanie otworzyła Ewa Lis. {sentence}"
    assert attendees(text) == {"Ewa Lis", person}


def test_a_parishs_patron_is_no_person() -> None:
    x = run("Porozumienie podpisał proboszcz Parafii Zwiastowania Najświętszej Marii Panny w Czerwińsku.", title=TITLE)
    assert not any(e.type == "Person" for e in x.entities.values())


def test_a_meeting_still_to_come_is_not_this_one() -> None:
    text = "Rekomendacje zostaną przedstawione na najbliższym posiedzeniu Regionalnego Komitetu Rozwoju Ekonomii."
    assert attendees(text, by="meeting-of-body") == set()


def test_in_an_announcement_the_people_to_come_take_part() -> None:
    text = "Konferencja odbędzie się 22 marca w Pieniężnie. Konferencję otworzy burmistrz Pieniężna Kazimierz Klejdo."
    assert "Kazimierz Klejdo" in attendees(text)


@pytest.mark.parametrize("sentence, body", [
    # the people of a body, whatever they are called, bring it to the meeting
    ("Obecne były panie z Koła Gospodyń Wiejskich w Gałowie.", "Koło Gospodyń Wiejskich w Gałowie"),
    ("W spotkaniu udział wzięli uczestnicy z Warsztatu Terapii Zajęciowej w Lesku.",
     "Warsztat Terapii Zajęciowej w Lesku"),
    ("W spotkaniu udział wzięli podopieczni Fundacji Barka.", "Fundacja Barka"),
])
def test_a_bodys_people_bring_it(sentence: str, body: str) -> None:
    assert body in attendees(f"W czwartek w Lesku odbyło się spotkanie. {sentence}")


def test_a_named_person_from_a_body_is_the_persons_attendance() -> None:
    text = "W czwartek w Lesku odbyło się spotkanie. Spotkanie otworzyła pani Anna Kot z Fundacji Barka."
    assert attendees(text) == {"Anna Kot"}

