"""Roles: each construction on short sentences written like news reports, and the near misses it must leave."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import roles, run


@pytest.mark.parametrize("text, expected", [
    ("Głos zabrała Ewa Kowalska, dyrektor Regionalnego Ośrodka Polityki Społecznej w Opolu.",
     {("Ewa Kowalska", "dyrektor", "Regionalny Ośrodek Polityki Społecznej w Opolu")}),
    ("Mówił Andrzej Markiewicz – Prezes Fundacji Barka.", {("Andrzej Markiewicz", "prezes", "Fundacja Barka")}),
    ("Gospodarzem był Jan Kos, starosta konecki.", {("Jan Kos", "starosta", "Powiat Konecki")}),
    # two roles in a row, each with its body
    ("Nagrodę wręczyła Krystyna Żejmo-Wysocka, Przewodnicząca Fundacji Barka, dyrektor Departamentu Spraw "
     "Społecznych Urzędu Marszałkowskiego w Toruniu.",
     {("Krystyna Żejmo-Wysocka", "przewodniczący", "Fundacja Barka"),
      ("Krystyna Żejmo-Wysocka", "dyrektor",
       "Departament Spraw Społecznych Urzędu Marszałkowskiego w Toruniu")}),
    # a prefix keeps the role: "p.o. Dyrektora"
    ("Obecny był Pan Jarosław Wesołowski – p.o. Dyrektora Fundacji Barka.",
     {("Jarosław Wesołowski", "dyrektor", "Fundacja Barka")}),
    # a role with no comma between
    ("Wystąpił Pan Maciej Szymański Dyrektor Fundacji Barka.", {("Maciej Szymański", "dyrektor", "Fundacja Barka")}),
])
def test_role_after_name(text: str, expected: set) -> None:
    assert roles(run(text), by="role-after-name") == expected


def test_role_after_name_titles_keep_the_prefix_and_complement() -> None:
    x = run("Obecny był Pan Jarosław Wesołowski – p.o. Dyrektora Fundacji Barka.")
    assert {r.title for r in x.relations if r.kind == "role"} == {"p.o. Dyrektora"}
    x = run("Ewa Kowalska, doradca ds. ekonomii społecznej w Fundacji Barka.")
    assert {r.title for r in x.relations if r.kind == "role"} == {"doradca ds. ekonomii społecznej"}


def test_plural_role_after_two_names() -> None:
    x = run("Spotkanie poprowadziły Pani Marta Lewandowska i Pani Anna Bugalska – konsultantki Fundacji Barka.")
    assert roles(x) == {("Marta Lewandowska", "konsultant", "Fundacja Barka"),
                        ("Anna Bugalska", "konsultant", "Fundacja Barka")}


@pytest.mark.parametrize("text", [
    # the role after the comma is the next person's: the dash before that name says so
    "Gośćmi byli Pani Anna Nowak, Prezes Fundacji Barka – Pan Cezary Miżejewski.",
    # a role with nothing to hold it in
    "Wystąpił Jan Nowak, ekspert.",
    # a verb ends the apposition: the organisation is the object, not the role's body
    "Jan Nowak, prezes, pochwalił Fundację Barka.",
])
def test_role_after_name_near_misses(text: str) -> None:
    assert not any(p == "Anna Nowak" or p == "Jan Nowak" for p, _, _ in roles(run(text)))


@pytest.mark.parametrize("text, expected", [
    ("Gości powitała wicemarszałek Renata Janik. Spotkanie odbyło się w powiecie kieleckim.",
     {("Renata Janik", "wicemarszałek", "Województwo Świętokrzyskie")}),
    ("Przybyłych powitał Starosta Konecki Grzegorz Piec.", {("Grzegorz Piec", "starosta", "Powiat Konecki")}),
    ("Wiceprzewodnicząca Fundacji Barka Barbara Sadowska mówiła o integracji.",
     {("Barbara Sadowska", "wiceprzewodniczący", "Fundacja Barka")}),
    ("Gośćmi byli Dyrektor Departamentu Ekonomii Społecznej i Solidarnej – Pani Andżelika Wardęga oraz inni.",
     {("Andżelika Wardęga", "dyrektor", "Departament Ekonomii Społecznej i Solidarnej")}),
    ("Gości powitali Członkowie Zarządu Powiatu Buskiego: Anna Mróz i Piotr Wilk.",
     {("Anna Mróz", "członek zarządu", "Zarząd Powiatu Buskiego"),
      ("Piotr Wilk", "członek zarządu", "Zarząd Powiatu Buskiego")}),
    ("Dyrektor Fundacji Barka, Pan Andrzej Gillner, mówił o współpracy.",
     {("Andrzej Gillner", "dyrektor", "Fundacja Barka")}),
])
def test_role_before_name(text: str, expected: set) -> None:
    got = roles(run(text), by="role-before-name")
    assert {(p, r) for p, r, _ in got} == {(p, r) for p, r, _ in expected}
    assert all(o in {e[2] for e in expected} or o.startswith("Powiat") for _, _, o in got)


@pytest.mark.parametrize("text", [
    # a role word used as a plain noun, with the name far away after a verb
    "Prezes zapowiedział zmiany, a potem głos zabrał Jan Nowak.",
    # the name before the role owns it: "A, prezes X, B" lists A with his role
    "Obecni byli Jan Nowak, prezes Fundacji Barka, i Anna Kowalska.",
])
def test_role_before_name_near_misses(text: str) -> None:
    assert roles(run(text), by="role-before-name") == set()


@pytest.mark.parametrize("text, expected", [
    ("Konferencję otworzyła Pani Justyna Iwankiewicz z Koszalińskiej Agencji Rozwoju Regionalnego.",
     {("Justyna Iwankiewicz", "", "Koszalińska Agencja Rozwoju Regionalnego")}),
    ("Przemawiał Pan Tomasz Zamorski z zarządu Stowarzyszenia „Nasz Dom”.",
     {("Tomasz Zamorski", "członek zarządu", "Stowarzyszenie „Nasz Dom”")}),
    ("Mówił prof. Jan Nowak z Fundacji Barka i Fundacji Pro Omnis.",
     {("Jan Nowak", "", "Fundacja Barka"), ("Jan Nowak", "", "Fundacja Pro Omnis")}),
])
def test_affiliation_from(text: str, expected: set) -> None:
    assert roles(run(text), by="affiliation-from") == expected


@pytest.mark.parametrize("text", [
    "Spotkał się Jan Nowak z Fundacją Barka.",  # "z" with the instrumental: with, not from
    "Przyjechał Jan Nowak z Kielc.",  # a town, not an organisation
])
def test_affiliation_from_near_misses(text: str) -> None:
    assert roles(run(text), by="affiliation-from") == set()


def test_represented_by() -> None:
    x = run("Fundacja Barka, reprezentowana przez Jana Nowaka – prezesa, podpisała umowę.")
    assert roles(x, by="represented-by") == {("Jan Nowak", "prezes", "Fundacja Barka")}
    x = run("Fundacja Barka była reprezentowana na targach.")
    assert roles(x, by="represented-by") == set()


def test_a_role_before_a_name_past_the_bodys_acronym() -> None:
    x = run("Spotkanie prowadziła Przewodnicząca Regionalnego Komitetu Rozwoju Ekonomii Społecznej (RKRES) Pani "
            "Jolanta Piotrowska.")
    assert roles(x) == {("Jolanta Piotrowska", "przewodniczący", "Regionalny Komitet Rozwoju Ekonomii Społecznej")}


def test_a_bare_kind_at_a_bodys_meeting_is_that_body() -> None:
    x = run("Odbyło się posiedzenie Regionalnego Komitetu Rozwoju Ekonomii Społecznej. Zgodnie z rekomendacjami "
            "Krajowego Komitetu Rozwoju Ekonomii Społecznej dyplomy wręczyła Pani Anna Zasada, Przewodnicząca Komitetu.")
    assert ("Anna Zasada", "przewodniczący", "Regionalny Komitet Rozwoju Ekonomii Społecznej") in roles(x)


def test_an_inflected_acronym_with_its_name() -> None:
    x = run("Głos otrzymała Pani Emilia Kowalska – Kierowniczka OWES-u dla regionu szczecińskiego.")
    assert roles(x) == {("Emilia Kowalska", "kierownik", "OWES dla regionu szczecińskiego")}


def test_the_deputy_of_the_post_just_named() -> None:
    text = "Gratulowali dyrektor Fundacji Barka Elżbieta Korus oraz jej zastępca Arkadiusz Ślipikowski."
    assert roles(run(text), by="deputy-of") == {("Arkadiusz Ślipikowski", "zastępca dyrektora", "Fundacja Barka")}


def test_no_deputy_without_a_post_before() -> None:
    text = "Gratulowali Elżbieta Korus z Fundacji Barka oraz jej zastępca Arkadiusz Ślipikowski."
    assert roles(run(text), by="deputy-of") == set()


def test_a_bare_voivodeship_board_is_the_article_region_s() -> None:
    x = run("Nagrody wręczył członek Zarządu Województwa Piotr Żołądek.", region="26")
    assert roles(x) == {("Piotr Żołądek", "członek zarządu", "Województwo Świętokrzyskie")}


def test_a_bare_voivodeship_board_without_a_region_is_no_body() -> None:
    assert roles(run("Nagrody wręczył członek Zarządu Województwa Piotr Żołądek.")) == set()


def test_the_marshal_s_plenipotentiary_serves_the_voivodeship() -> None:
    x = run("Była Agnieszka Piwnik, pełnomocnik marszałka do spraw organizacji pozarządowych.", region="26")
    assert roles(x) == {("Agnieszka Piwnik", "pełnomocnik marszałka", "Województwo Świętokrzyskie")}


def test_posts_in_the_body_a_pronoun_points_back_to() -> None:
    text = ("Umowę podpisali – w imieniu Stowarzyszenia „Razem dla Ludwikowic” – jego prezes Bożena Kałuża i "
            "wiceprezes Tomasz Hanus.")
    assert roles(run(text), by="possessive-role") == {
        ("Bożena Kałuża", "prezes", "Stowarzyszenie „Razem dla Ludwikowic”"),
        ("Tomasz Hanus", "wiceprezes", "Stowarzyszenie „Razem dla Ludwikowic”")}


def test_a_feminine_pronoun_skips_a_neuter_body() -> None:
    text = "Gośćmi były Fundacja Barka i Stowarzyszenie Tłok; jej prezeska Anna Mróz mówiła o pracy."
    assert roles(run(text), by="possessive-role") == {("Anna Mróz", "prezes", "Fundacja Barka")}


@pytest.mark.parametrize("text, body", [
    ("Umowę podpisał wójt gminy Nowa Ruda Adrian Pietrzyk.", "Gmina Nowa Ruda"),
    ("Umowę podpisał burmistrz Nowej Rudy Adrian Pietrzyk.", "Miasto Nowa Ruda"),
])
def test_a_gmina_s_head_and_a_town_of_two_words(text: str, body: str) -> None:
    assert roles(run(text, region="02")) == {("Adrian Pietrzyk", "wójt" if "wójt" in text else "burmistrz", body)}


@pytest.mark.parametrize("text, expected", [
    # "z-ca" is "zastępca": a deputy's role, not the head's
    ("Dane przedstawiła Z-ca Dyrektora Fundacji Barka Ewa Lis.", ("Ewa Lis", "zastępca dyrektora", "Fundacja Barka")),
    ("Obecna była Ewa Lis, z-ca dyrektora Fundacji Barka.", ("Ewa Lis", "zastępca dyrektora", "Fundacja Barka")),
    ("Obecny był Jan Kos – Z-ca Burmistrza Ożarowa.", ("Jan Kos", "zastępca burmistrza", "Gmina Ożarów")),
])
def test_an_abbreviated_deputy_is_a_deputy(text: str, expected: tuple[str, str, str]) -> None:
    assert roles(run(text)) == {expected}


@pytest.mark.parametrize("text, expected", [
    # the body in brackets after the name
    ("Głos zabrali Jan Nowak (Fundacja Barka) i Anna Kot (PCPR w Opatowie).",
     {("Jan Nowak", "", "Fundacja Barka"), ("Anna Kot", "", "Powiatowe Centrum Pomocy Rodzinie w Opatowie")}),
    # whom a person represents
    ("Głos zabrał Jan Nowak, reprezentujący Fundację Barka.", {("Jan Nowak", "przedstawiciel", "Fundacja Barka")}),
    ("Ze strony Fundacji Barka porozumienie podpisał Jan Nowak.",
     {("Jan Nowak", "przedstawiciel", "Fundacja Barka")}),
    # on the body's behalf, with the role written before the name
    ("W imieniu Gminy Bałtów porozumienie podpisał Wójt Jan Nowak.", {("Jan Nowak", "wójt", "Gmina Bałtów")}),
    ("W spotkaniu uczestniczył z ramienia Fundacji Barka Jan Nowak.", {("Jan Nowak", "przedstawiciel", "Fundacja Barka")}),
    # "reprezentować" as the verb of the sentence, either way round
    ("Fundację Barka reprezentował Jan Nowak.", {("Jan Nowak", "przedstawiciel", "Fundacja Barka")}),
    ("Jan Nowak reprezentował Fundację Barka.", {("Jan Nowak", "przedstawiciel", "Fundacja Barka")}),
    # a role after "jako", and "szef"
    ("Jan Nowak jako przedstawiciel Stowarzyszenia Tłok przedstawił ofertę.",
     {("Jan Nowak", "przedstawiciel", "Stowarzyszenie Tłok")}),
    ("Jan Nowak, szef Fundacji Barka, przywitał gości.", {("Jan Nowak", "szef", "Fundacja Barka")}),
    # several representatives, each with a role in brackets
    ("Fundację Barka reprezentowali Anna Kot (prezes) i Jan Nowak (skarbnik).",
     {("Anna Kot", "prezes", "Fundacja Barka"), ("Jan Nowak", "skarbnik", "Fundacja Barka")}),
    # a town-and-country gmina's mayor, and a unit named with the body it is in
    ("Spotkanie otworzył Burmistrz Miasta i Gminy Ożarów Marcin Majcher.", {("Marcin Majcher", "burmistrz", "Gmina Ożarów")}),
    ("Przybyła Dyrektor Departamentu Ekonomii Społecznej w Ministerstwie Rodziny i Polityki Społecznej Anna Kot.",
     {("Anna Kot", "dyrektor", "Departament Ekonomii Społecznej")}),
])
def test_affiliation_without_a_role_word(text: str, expected: set) -> None:
    assert roles(run(text)) == expected


@pytest.mark.parametrize("text", [
    "Głos zabrał Jan Nowak (z prawej) obok Fundacji Barka.",  # a bracket that names no body
    "Jan Nowak mówił, że reprezentujący Fundację Barka nie przyszli.",  # no person before the participle
    "Ze strony Fundacji Barka padły pytania, a Jan Nowak odpowiadał.",  # the body's side, then another clause
    "Jan Nowak mówił jako ostatni, a Fundacja Barka słuchała.",  # "jako" with no role after it
])
def test_affiliation_without_a_role_word_near_misses(text: str) -> None:
    assert roles(run(text)) == set()


@pytest.mark.parametrize("text, expected", [
    # a unit's name between the role and its body: the role is held in the body
    ("Anna Kot, kierownik Działu Ekonomii Społecznej Regionalnego Ośrodka Polityki Społecznej w Kielcach, mówiła.",
     ("Anna Kot", "kierownik działu", "Regionalny Ośrodek Polityki Społecznej w Kielcach")),
    # a role phrase that runs into a body's name ("pracownik biura projektu") stops before it
    ("Spotkanie prowadził Jan Nowak, pracownik Biura Projektu ROPS w Opolu.",
     ("Jan Nowak", "pracownik", "Biuro Projektu ROPS w Opolu")),
])
def test_roles_held_in_units(text: str, expected: tuple[str, str, str]) -> None:
    assert roles(run(text)) == {expected}


def test_a_unit_without_a_body_gives_no_role() -> None:
    assert roles(run("Obecny był kierownik działu Jan Nowak oraz Fundacja Barka.")) == set()


def test_a_role_whose_last_word_opens_the_body_s_name() -> None:
    x = run("Cezary Miżejewski, członek Rady Działalności Pożytku Publicznego, apelował.")
    assert roles(x) == {("Cezary Miżejewski", "członek rady", "Rada Działalności Pożytku Publicznego")}


@pytest.mark.parametrize("text, region, expected", [
    ("Obecna była Anna Kot, wicewojewoda opolska.", None,
     ("Anna Kot", "wicewojewoda", "Opolski Urząd Wojewódzki w Opolu")),
    # the voivode of kujawsko-pomorskie sits in Bydgoszcz, not in the sejmik's Toruń
    ("Spotkanie otworzył wojewoda kujawsko-pomorski Jan Nowak.", None,
     ("Jan Nowak", "wojewoda", "Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy")),
    # with no adjective, the voivodeship of the article
    ("Spotkanie otworzyła wicewojewoda Karolina Zapała.", "26",
     ("Karolina Zapała", "wicewojewoda", "Świętokrzyski Urząd Wojewódzki w Kielcach")),
])
def test_a_voivode_heads_the_voivode_s_office(text: str, region: str | None, expected: tuple[str, str, str]) -> None:
    assert roles(run(text, region=region)) == {expected}


def test_a_voivode_with_no_voivodeship_known_heads_nothing_named() -> None:
    assert roles(run("Spotkanie otworzyła wicewojewoda Karolina Zapała.")) == set()


def test_the_voivode_s_office_named_in_the_text_is_the_one_the_voivode_heads() -> None:
    x = run("Spotkanie otworzył wojewoda świętokrzyski Jan Nowak. Gości przyjął Świętokrzyski Urząd Wojewódzki w Kielcach.")
    assert [e.name for e in x.entities.values() if e.type == "Organization"] == [
        "Świętokrzyski Urząd Wojewódzki w Kielcach"]


def test_a_bare_kind_is_the_body_of_that_kind_named_just_before() -> None:
    x = run("Była Spółdzielnia Socjalna „Lipa” z Opatowa. O spółdzielni socjalnej „Dziecięcy Świat” opowiedziała "
            "Dorota Ferenc – Gałęza – Prezes Spółdzielni.")
    assert roles(x) == {("Dorota Ferenc-Gałęza", "prezes", "Spółdzielnia socjalna „Dziecięcy Świat”")}


@pytest.mark.parametrize("text, expected", [
    ("Prezesem Spółdzielni Socjalnej „Razem” jest Anna Kot.",
     {("Anna Kot", "prezes", "Spółdzielnia Socjalna „Razem”")}),
    ("Przewodniczącą Zespołu ds. Ekonomii Społecznej została Renata Żukowska.",
     {("Renata Żukowska", "przewodniczący", "Zespół ds. Ekonomii Społecznej")}),
    ("Funkcję prezesa Stowarzyszenia „Nasz Dom” pełni Jan Nowak.",
     {("Jan Nowak", "prezes", "Stowarzyszenie „Nasz Dom”")}),
])
def test_role_told_by_a_predicate(text: str, expected: set) -> None:
    assert roles(run(text), by="role-predicate") == expected


@pytest.mark.parametrize("text", [
    "Prezesem Spółdzielni Socjalnej „Razem” jest od 2019 roku.",  # no person
    "Członkiem Stowarzyszenia „Nasz Dom” jest Gmina Bałtów.",  # a body, not a person
    "Prezesem Spółdzielni Socjalnej „Razem” nie jest już nikt z gminy.",
])
def test_role_predicate_near_misses(text: str) -> None:
    assert roles(run(text), by="role-predicate") == set()


@pytest.mark.parametrize("text, expected", [
    ("Spółdzielnią Socjalną „Razem” kieruje Anna Kot.", {("Anna Kot", "kierownik", "Spółdzielnia Socjalna „Razem”")}),
    ("Inicjatorem jest Fundacja Barka, którą kieruje Magdalena Wasielewska.",
     {("Magdalena Wasielewska", "kierownik", "Fundacja Barka")}),
    ("Gości powitał pan Jan Nowak, który od lat kieruje Stowarzyszeniem „Nasz Dom”.",
     {("Jan Nowak", "kierownik", "Stowarzyszenie „Nasz Dom”")}),
    # the body is talked to, not led
    ("Anna Kot rozmawiała z Fundacją Barka, którą kieruje.", set()),
])
def test_the_person_who_leads_a_body(text: str, expected: set) -> None:
    assert roles(run(text), by="leads-body") == expected


@pytest.mark.parametrize("text, expected", [
    # a role word with no body before the name, the body after "z"; an acronym's head does not decline
    ("Gości powitała dyrektor Anna Kot z MOPS w Sanoku.",
     {("Anna Kot", "dyrektor", "Miejski Ośrodek Pomocy Społecznej w Sanoku")}),
    ("Gości powitała Pani Dyrektor Anna Kot z Fundacji Barka.", {("Anna Kot", "dyrektor", "Fundacja Barka")}),
    ("Gości powitała Anna Kot z MOPS w Sanoku.", {("Anna Kot", "", "Miejski Ośrodek Pomocy Społecznej w Sanoku")}),
])
def test_role_word_before_and_body_after_the_name(text: str, expected: set) -> None:
    assert roles(run(text), by="affiliation-from") == expected


def test_a_voivodeship_role_without_its_adjective_is_the_articles_voivodeships() -> None:
    # the article names only a town, which lies in one voivodeship
    x = run("W Szczecinie odbyła się gala. Nagrody wręczał Tomasz Sobieraj, wicemarszałek województwa. Wręczała je "
            "także członek zarządu województwa Ewa Dudek-Kwiatkowska.")
    assert roles(x) == {("Tomasz Sobieraj", "wicemarszałek", "Województwo Zachodniopomorskie"),
                        ("Ewa Dudek-Kwiatkowska", "członek zarządu", "Województwo Zachodniopomorskie")}


def test_a_town_of_two_voivodeships_places_no_article() -> None:
    # Bobrowniki are gminas of two voivodeships: no voivodeship is guessed
    assert roles(run("W Bobrownikach odbyła się gala. Nagrody wręczał Tomasz Sobieraj, wicemarszałek województwa.")) \
        == set()


@pytest.mark.parametrize("text, expected", [
    # an officer of a gmina that heads nothing is the gmina's: "gminy X" the rural gmina where a town shares its name
    ("Obecna była sekretarz gminy Baligród Anna Kot.", {("Anna Kot", "sekretarz", "Gmina Baligród")}),
    ("Jan Nowak, radny gminy Solina, zabrał głos.", {("Jan Nowak", "radny", "Gmina Solina")}),
    ("Obecna była skarbnik gminy Sanok Anna Kot.", {("Anna Kot", "skarbnik", "Gmina Sanok")}),
    # with no gmina named, no body
    ("Obecny był radny gminy Jan Nowak.", set()),
])
def test_an_officer_of_a_gmina_named(text: str, expected: set) -> None:
    assert roles(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nagrodę otrzymała Spółdzielnia Socjalna „Ekoprzystań”, której prezesem jest Danuta Kuźnik.",
     {("Danuta Kuźnik", "prezes", "Spółdzielnia Socjalna „Ekoprzystań”")}),
    ("Nagrodę otrzymał Klub Integracji Społecznej w Hajnówce, którego koordynatorką jest pani Walentyna Bielecka.",
     {("Walentyna Bielecka", "koordynator", "Klub Integracji Społecznej w Hajnówce")}),
    # a body as the member is no person's role
    ("Nagrodę otrzymała Spółdzielnia Socjalna „Ekoprzystań”, której członkiem jest Gmina Bałtów.", set()),
])
def test_role_in_a_relative_clause_after_the_body(text: str, expected: set) -> None:
    assert roles(run(text), by="role-of-relative") == expected


@pytest.mark.parametrize("text, expected", [
    # the role between "reprezentował" and the name is the person's
    ("Gminę Szaflary reprezentował wójt Rafał Szkaradziński.", {("Rafał Szkaradziński", "wójt", "Gmina Szaflary")}),
    ("Porozumienie podpisał Powiat Bełchatowski reprezentowany przez starostę Dariusza Mieszczanka.",
     {("Dariusz Mieszczanek", "starosta", "Powiat Bełchatowski")}),
])
def test_the_representative_with_a_role_before_the_name(text: str, expected: set) -> None:
    assert roles(run(text), by="represented-by") == expected


def test_a_body_in_brackets_with_its_town() -> None:
    assert roles(run("Głos zabrał Krzysztof Lis (Stowarzyszenie „Mosty” z Lęborka)."), by="affiliation-from") == {
        ("Krzysztof Lis", "", "Stowarzyszenie „Mosty”")}


@pytest.mark.parametrize("text", [
    "List skierowała Minister Rodziny, Pracy i Polityki Społecznej Agnieszka Dziemianowicz-Bąk.",
    "Obecna była Agnieszka Dziemianowicz-Bąk, minister rodziny, pracy i polityki społecznej.",
])
def test_a_minister_heads_the_ministry_her_title_names(text: str) -> None:
    assert roles(run(text)) == {("Agnieszka Dziemianowicz-Bąk", "minister",
                                 "Ministerstwo Rodziny, Pracy i Polityki Społecznej")}


def test_a_minister_of_no_ministry_known_heads_nothing() -> None:
    assert roles(run("Gości powitał minister Jan Nowak.")) == set()


@pytest.mark.parametrize("text, expected", [
    # words between the name and a role that still holds
    ("Gości powitał Jan Nowak, na co dzień prezes Stowarzyszenia „Nasz Dom”.",
     {("Jan Nowak", "prezes", "Stowarzyszenie „Nasz Dom”")}),
    ("Gości powitał Jan Nowak, wieloletni prezes Spółdzielni Socjalnej „Razem”.",
     {("Jan Nowak", "prezes", "Spółdzielnia Socjalna „Razem”")}),
    # with a conjunction between, the role is the next name's
    ("Gości powitała Anna Kot, a na co dzień prezes Fundacji Barka Jan Nowak mówił.",
     {("Jan Nowak", "prezes", "Fundacja Barka")}),
])
def test_a_role_that_still_holds(text: str, expected: set) -> None:
    assert roles(run(text)) == expected


def test_a_plural_role_after_one_name_is_other_peoples() -> None:
    x = run("Przybyli burmistrz Sokółki Ewa Kulikowska, przedstawiciele Stowarzyszenia Uniwersytet Trzeciego Wieku "
            "w Sokółce.")
    assert roles(x) == {("Ewa Kulikowska", "burmistrz", "Gmina Sokółka")}


def test_a_kind_word_past_its_adjective_stands_for_the_one_body_named() -> None:
    x = run("W Jaśle powstała Spółdzielnia Socjalna „Razem”. Prezesem nowej spółdzielni została Krystyna Nowak.")
    assert roles(x) == {("Krystyna Nowak", "prezes", "Spółdzielnia Socjalna „Razem”")}
