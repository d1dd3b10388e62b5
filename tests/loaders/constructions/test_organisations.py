"""Organisation names: where a name ends, its nominative, and which names stand for one body or none."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import names, roles, run


@pytest.mark.parametrize("text, name", [
    # a proper name in capitals after the kind's words belongs to the name
    ("Głos zabrała prezes Stowarzyszenia Edukacji i Rozwoju AMICUS.", "Stowarzyszenie Edukacji i Rozwoju AMICUS"),
    ("Kawiarnię prowadzi Przedsiębiorstwo Społeczne SANTOS CAFE w Braniewie.",
     "Przedsiębiorstwo Społeczne SANTOS CAFE w Braniewie"),
    ("Pracownicy Zakładu Aktywności Zawodowej ARGENTA w Łomży szyją torby.",
     "Zakład Aktywności Zawodowej ARGENTA w Łomży"),
    # the comparative stays comparative
    ("Wykład wygłosił gość z Wyższej Szkoły Pedagogicznej w Warszawie.", "Wyższa Szkoła Pedagogiczna w Warszawie"),
    # an adjective that opens a genitive complement keeps its case
    ("Dyrektor Wydziału Europejskiego Funduszu Społecznego przemawiał.", "Wydział Europejskiego Funduszu Społecznego"),
    ("Umowę zawarto z Fundacją Królowej Polski św. Jadwigi.", "Fundacja Królowej Polski św. Jadwigi"),
    # the kind's own adjectives agree with the head
    ("Obradowano w Urzędzie Marszałkowskim Województwa Śląskiego.", "Urząd Marszałkowski Województwa Śląskiego"),
    ("Produkty konińskiej Spółdzielni Socjalnej Spektrum kupiono.", "Spółdzielnia Socjalna Spektrum"),
    # kinds named by their head nouns
    ("Wystąpił przedstawiciel Towarzystwa Inwestycji Społeczno-Ekonomicznych.",
     "Towarzystwo Inwestycji Społeczno-Ekonomicznych"),
    ("Prezes Ogólnopolskiego Związku Rewizyjnego Spółdzielni Socjalnych mówił.",
     "Ogólnopolski Związek Rewizyjny Spółdzielni Socjalnych"),
    ("Zwiedzono Muzeum Ludowe w Adamowie.", "Muzeum Ludowe w Adamowie"),
    ("Koncert odbył się w Filharmonii Świętokrzyskiej.", "Filharmonia Świętokrzyska"),
    ("Obecni byli goście z Krajowego Ruchu Ekologiczno-Społecznego.", "Krajowy Ruch Ekologiczno-Społeczny"),
    ("Dyrektor Oddziału PFRON w Rzeszowie zabrał głos.", "Oddział PFRON w Rzeszowie"),
    ("Obradowała Komisja Europejska.", "Komisja Europejska"),
    ("Umowę podpisała Fundacja imienia Królowej Polski św. Jadwigi.", "Fundacja imienia Królowej Polski św. Jadwigi"),
    ("Przybyli goście ze Stacji Sanitarno-Epidemiologicznej w Opatowie.", "Stacja Sanitarno-Epidemiologiczna w Opatowie"),
    ("Obecna była Poradnia Psychologiczno-Pedagogiczna w Opatowie.", "Poradnia Psychologiczno-Pedagogiczna w Opatowie"),
    ("Zdjęcia wykonało Studio M6.", "Studio M6"),
    ("Mecz rozegrał Klub Sportowy Orlęta.", "Klub Sportowy Orlęta"),
    # a capitalised project word inside a body's name does not make the quoted name after it a project's
    ("Obecna była Fundacja Wspierania Inicjatyw Społecznych „Razem”.", "Fundacja Wspierania Inicjatyw Społecznych „Razem”"),
    # an initialism with dots, and a patron after "pw."
    ("Nagrodę otrzymała Spółdzielnia Socjalna S.O.S. Codzienność z Opatowa.", "Spółdzielnia Socjalna S.O.S. Codzienność"),
    ("Porozumienie podpisała Parafia Rzymskokatolicka pw. Narodzenia NMP w Opatowie.",
     "Parafia Rzymskokatolicka pw. Narodzenia NMP w Opatowie"),
    # the name's own acronym after it is another name of it, no part of it
    ("Obecna była Federacja Organizacji Socjalnych Województwa Warmińsko-Mazurskiego FOSa.",
     "Federacja Organizacji Socjalnych Województwa Warmińsko-Mazurskiego"),
    ("Obecny był Ośrodek Wsparcia Ekonomii Społecznej OWES w Sandomierzu.",
     "Ośrodek Wsparcia Ekonomii Społecznej w Sandomierzu"),
    # a legal form inside the name, and the place after it
    ("Nagrodę otrzymała Szkoła Zarządzania Sp. z o.o. w Ostrowcu Świętokrzyskim.",
     "Szkoła Zarządzania Sp. z o.o. w Ostrowcu Świętokrzyskim"),
    ("Nagrodę otrzymało Przedsiębiorstwo Społeczne Smak Sp. z o.o.", "Przedsiębiorstwo Społeczne Smak Sp. z o.o."),
    # a town of a noun and adjectives, one of them a kind's word
    ("Obecny był Miejski Ośrodek Pomocy Społecznej w Nowym Mieście Lubawskim.",
     "Miejski Ośrodek Pomocy Społecznej w Nowym Mieście Lubawskim"),
    ("Obecny był burmistrz Nowego Miasta Lubawskiego Jan Nowak.", "Miasto Nowe Miasto Lubawskie"),
])
def test_organisation_name(text: str, name: str) -> None:
    assert name in names(run(text), "Organization")


def test_a_name_stops_before_a_title_and_a_name() -> None:
    x = run("Zastępca Prezesa Ogólnopolskiego Związku Lustracyjnego Spółdzielni Socjalnych Pan Marcin Juszczyk mówił.")
    assert names(x, "Organization") == {"Ogólnopolski Związek Lustracyjny Spółdzielni Socjalnych"}
    assert names(x, "Person") == {"Marcin Juszczyk"}


def test_an_organisations_board_is_the_organisation() -> None:
    x = run("Mówił Karol Gutsze, Prezes Zarządu Stowarzyszenia na rzecz Pamiętowa i Adamkowa.")
    assert names(x, "Organization") == {"Stowarzyszenie na rzecz Pamiętowa i Adamkowa"}
    assert roles(x) == {("Karol Gutsze", "prezes zarządu", "Stowarzyszenie na rzecz Pamiętowa i Adamkowa")}


def test_a_self_governments_board_is_one_more_name_of_it() -> None:
    x = run("Uchwałę podjął Zarząd Powiatu Buskiego. Powiat Buski finansuje projekt.")
    orgs = [e for e in x.entities.values() if e.type == "Organization"]
    assert len(orgs) == 1 and orgs[0].name == "Powiat Buski" and "Zarząd Powiatu Buskiego" in orgs[0].aliases


def test_the_voivodeship_in_an_offices_name_is_no_participant() -> None:
    x = run("Dyrektor Departamentu Zarządzania RPO Urzędu Marszałkowskiego Województwa Lubelskiego mówił.")
    assert names(x, "Organization") == {"Departament Zarządzania RPO Urzędu Marszałkowskiego Województwa Lubelskiego",
                                        "Urząd Marszałkowski Województwa Lubelskiego"}


@pytest.mark.parametrize("text", [
    "Rozmawiano o roli, jaką odgrywa każda spółdzielnia socjalna.",  # a kind, no name
    "Powiatowe Centrum Pomocy Rodzinie prowadzi każdy powiat.",  # a generic name with no place
    "W POSIEDZENIU WZIĘLI UDZIAŁ WSZYSCY.",  # a headline in capitals
])
def test_no_organisation(text: str) -> None:
    assert names(run(text), "Organization") == set()


@pytest.mark.parametrize("text, name", [
    ("Spotkanie w starostwie powiatowym w Końskich.", "Starostwo Powiatowe w Końskich"),
    ("Przedstawiciel miejskiego ośrodka pomocy społecznej w Puszczykowie mówił.",
     "Miejski Ośrodek Pomocy Społecznej w Puszczykowie"),
    ("Seminarium odbyło się w hotelu Olimpia w Rybniku.", "Hotel Olimpia w Rybniku"),
    ("Wystąpiły panie z KGW Borkowo.", "KGW Borkowo"),
    # a kind's acronym with a legal form is a body of that kind run as a company
    ("O pracy opowiedzieli przedstawiciele WTZ Sp. z o.o. oraz Fundacji Barka.", "WTZ Sp. z o.o."),
    # a kind's acronym with its town in the nominative
    ("Obecny był dyrektor WUP Rzeszów Jan Nowak.", "Wojewódzki Urząd Pracy w Rzeszowie"),
    ("Obecny był przedstawiciel ROPS Opole.", "Regionalny Ośrodek Polityki Społecznej w Opolu"),
])
def test_a_kind_in_lower_case_with_a_place_or_a_name(text: str, name: str) -> None:
    assert name in names(run(text), "Organization")


@pytest.mark.parametrize("text", [
    "Stowarzyszenie w Kielcach działa od lat.",  # any association there
    "Gośćmi forum byli dyrektorzy szkół.",  # a verb, no name
])
def test_a_kind_in_lower_case_alone_is_no_body(text: str) -> None:
    assert names(run(text), "Organization") == set()


def test_a_place_of_business_is_the_organisation_of_its_name() -> None:
    x = run("Kawiarnię prowadzi Przedsiębiorstwo Społeczne SANTOS CAFE. Goście chwalili kawiarnię Santos Cafe.")
    assert len([e for e in x.entities.values() if e.type == "Organization"]) == 1


@pytest.mark.parametrize("text, name", [
    ("Prezes Zarządu Izby Rzemieślniczej oraz Małej i Średniej Przedsiębiorczości mówił.",
     "Izba Rzemieślnicza oraz Małej i Średniej Przedsiębiorczości"),
    ("Kierownik Biura ds. wspierania rodziny oraz polityki prorodzinnej mówił.",
     "Biuro ds. wspierania rodziny oraz polityki prorodzinnej"),
    ("Dziś docenieni zostali Grupa VIVE i inni.", "Grupa VIVE"),
])
def test_names_that_go_on_after_oraz(text: str, name: str) -> None:
    assert name in names(run(text), "Organization")


@pytest.mark.parametrize("text", [
    "Nagrodę w kategorii Samorząd Prospołeczny otrzymała gmina.",
    "W Rzeszowie odbyło się II Podkarpackie Forum Ekonomii Społecznej.",
])
def test_categories_and_editions_are_no_bodies(text: str) -> None:
    assert names(run(text), "Organization") == set()


@pytest.mark.parametrize("text, name", [
    ("Nagrodę dostał pracownik Miejskiego Ośrodka Pomocy Społecznej w Stalowej Woli.",
     "Miejski Ośrodek Pomocy Społecznej w Stalowej Woli"),
    ("Odbyło się posiedzenie Regionalnego Komitetu Rozwoju Ekonomii Społecznej województwa warmińsko-mazurskiego.",
     "Regionalny Komitet Rozwoju Ekonomii Społecznej województwa warmińsko-mazurskiego"),
])
def test_a_name_keeps_its_place(text: str, name: str) -> None:
    assert name in names(run(text), "Organization")


def test_an_acronym_after_the_name_is_its_alias_but_a_proper_name_in_capitals_is_not() -> None:
    x = run("Obecna była Federacja Organizacji Socjalnych Województwa Warmińsko-Mazurskiego FOSa.")
    [e] = [e for e in x.entities.values() if e.type == "Organization"]
    assert "FOSa" in e.aliases
    # AMICUS does not spell the name's initials: it is the proper part of the name
    assert "Stowarzyszenie Edukacji i Rozwoju AMICUS" in names(run("Był prezes Stowarzyszenia Edukacji i Rozwoju AMICUS."),
                                                             "Organization")


@pytest.mark.parametrize("text, name", [
    # a quoted adjective before a kind's words names the body, put in the nominative with them
    ("Przyjechała delegacja „Samorządowej” Spółdzielni Socjalnej w Radoszycach.",
     "„Samorządowa” Spółdzielnia Socjalna w Radoszycach"),
    ("Obecna była „Nasza” Spółdzielnia Socjalna w Opatowie.", "„Nasza” Spółdzielnia Socjalna w Opatowie"),
])
def test_a_quoted_name_before_the_kind(text: str, name: str) -> None:
    assert names(run(text), "Organization") == {name}


@pytest.mark.parametrize("text", [
    "Spotkanie „Razem” Fundacja Barka prowadziła.",  # a quoted word that does not agree with the kind
    "W ramach akcji „Zielona” Fundacja Barka sadzi drzewa.",  # the body has a name of its own after its kind
])
def test_a_quoted_title_before_a_named_body_is_not_its_name(text: str) -> None:
    assert names(run(text), "Organization") == {"Fundacja Barka"}


@pytest.mark.parametrize("text, name", [
    ("Obecny był Regionalny Komitet Rozwoju Ekonomii Społecznej w Województwie Podlaskim.",
     "Regionalny Komitet Rozwoju Ekonomii Społecznej w Województwie Podlaskim"),
    ("Obecny był Regionalny Ośrodek Polityki Społecznej w województwie opolskim.",
     "Regionalny Ośrodek Polityki Społecznej w województwie opolskim"),
])
def test_a_name_placed_in_a_voivodeship(text: str, name: str) -> None:
    assert name in names(run(text), "Organization")


def test_a_regional_body_named_by_acronym_and_town_is_the_region_s() -> None:
    x = run("Obecny był dyrektor WUP Rzeszów Jan Nowak.")
    [e] = [e for e in x.entities.values() if e.type == "Organization"]
    assert e.key == "wup-podkarpackie" and "WUP Rzeszów" in e.aliases


@pytest.mark.parametrize("text, name", [
    # a number after "nr" and a patron's ordinal belong to the name, and so does the place after them
    ("Anna Kot, dyrektor Szkoły Podstawowej nr 1 w Lesku.", "Szkoła Podstawowa nr 1 w Lesku"),
    ("Uczniowie Szkoły Podstawowej nr. 4 w Lesku śpiewali.", "Szkoła Podstawowa nr. 4 w Lesku"),
    ("Przyjechali uczniowie ze Szkoły Podstawowej nr 2 im. Mikołaja Kopernika w Hajnówce.",
     "Szkoła Podstawowa nr 2 im. Mikołaja Kopernika w Hajnówce"),
    ("Gości przyjął Zespół Szkół Ekonomicznych im. Jana Pawła II w Raciborzu.",
     "Zespół Szkół Ekonomicznych im. Jana Pawła II w Raciborzu"),
    ("Mieszkańcy Domu Pomocy Społecznej im. Jana Pawła II w Lesku śpiewali.",
     "Dom Pomocy Społecznej im. Jana Pawła II w Lesku"),
    ("Jan Nowak, prezes Zakładu Aktywności Zawodowej nr 2 w Lesku.", "Zakład Aktywności Zawodowej nr 2 w Lesku"),
])
def test_numbers_and_ordinals_in_a_name(text: str, name: str) -> None:
    assert names(run(text), "Organization") == {name}


@pytest.mark.parametrize("text, name", [
    # another kind's noun inside an association's or a foundation's own name names no parent body
    ("Stowarzyszenie Przyjaciół Szkoły Podstawowej nr 3 w Sanoku zebrało datki.",
     "Stowarzyszenie Przyjaciół Szkoły Podstawowej nr 3 w Sanoku"),
    ("Anna Kot z Fundacji Pomorskie Centrum Integracji mówiła.", "Fundacja Pomorskie Centrum Integracji"),
    ("Jan Nowak z Fundacji Warmińsko-Mazurskie Forum Organizacji Pozarządowych mówił.",
     "Fundacja Warmińsko-Mazurskie Forum Organizacji Pozarządowych"),
])
def test_a_kind_inside_an_associations_name_is_part_of_it(text: str, name: str) -> None:
    x = run(text)
    assert names(x, "Organization") == {name}
    assert not [r for r in x.relations if r.kind == "suborganization"]


def test_a_number_without_nr_and_a_capital_after_a_surname_stay_out() -> None:
    assert names(run("Szkoła Podstawowa w Lesku ma 2 sale."), "Organization") == {"Szkoła Podstawowa w Lesku"}
    assert "Jan Nowak" in names(run("Fundacja Rozwoju, prezes Jan Nowak."), "Person")


@pytest.mark.parametrize("text", [
    "Przyjęto Uchwałę Zarządu Województwa Śląskiego nr 3592/110/III/2012 w sprawie zespołu.",
    "Wydano zarządzenie Burmistrza Leska nr 12 w sprawie naboru.",
])
def test_a_documents_number_is_no_part_of_the_body(text: str) -> None:
    assert not any("nr" in n for n in names(run(text), "Organization"))


@pytest.mark.parametrize("text, name", [
    # a legal form after a lower-case "firma": the registered name, without the word for its kind
    ("Głos zabrał Grzegorz Olszewski z firmy Eko-Pak Sp. z o.o. w Złoczewie.", "Eko-Pak Sp. z o.o. w Złoczewie"),
    ("Był też Jan Nowak, prezes firmy Drewbud Sp. z o.o.", "Drewbud Sp. z o.o."),
    ("Mówiła Anna Kot, właścicielka firmy „Bieszczadzkie Smaki” Sp. z o.o.", "„Bieszczadzkie Smaki” Sp. z o.o."),
    ("Umowę podpisała spółka Agro-Tech S.A. z Lublina.", "Agro-Tech S.A."),
    # a legal form after a quoted name keeps its place in the name
    ("Przedsiębiorstwo Handlowo-Usługowe „Bieszczady” Sp. j. zatrudnia osoby.",
     "Przedsiębiorstwo Handlowo-Usługowe „Bieszczady” Sp. j."),
])
def test_a_legal_form_after_a_company_name(text: str, name: str) -> None:
    assert names(run(text), "Organization") == {name}


@pytest.mark.parametrize("text, name", [
    ("Usługi świadczy firma Drewbud z Leska.", "Firma Drewbud"),
    ("Przyszli przedstawiciele spółdzielni socjalnej „Starachowiczanka”.", "Spółdzielnia socjalna „Starachowiczanka”"),
])
def test_a_lower_case_kind_without_a_legal_form_keeps_its_word(text: str, name: str) -> None:
    assert names(run(text), "Organization") == {name}


@pytest.mark.parametrize("text", [
    "Środowiskowy Dom Samopomocy w Lesku zaprosił gości.",
    "Gości zaprosił ŚDS w Lesku.",
    "Podopieczni ŚDS-u w Lesku śpiewali.",
    "Głos zabrała kierownik Środowiskowego Domu Samopomocy w Lesku Anna Kot.",
])
def test_a_community_self_help_home_is_a_public_welfare_unit(text: str) -> None:
    x = run(text)
    [org] = [e for e in x.entities.values() if e.type == "Organization"]
    assert (org.name, org.kind, org.sector) == ("Środowiskowy Dom Samopomocy w Lesku", "SocialWelfareCentre", "public")


def test_a_self_help_home_and_its_acronym_are_one_body_and_a_bare_kind_none() -> None:
    x = run("Środowiskowy Dom Samopomocy w Lesku zaprosił gości. ŚDS w Lesku działa od lat.")
    assert names(x, "Organization") == {"Środowiskowy Dom Samopomocy w Lesku"}
    assert names(run("Każdy środowiskowy dom samopomocy ma kierownika."), "Organization") == set()


@pytest.mark.parametrize("text", [
    # a forum or congress that takes place, or that something happens during, is an event
    "Odbyło się Forum Ekonomii Społecznej Powiatu Bieszczadzkiego w Ustrzykach Dolnych.",
    "W Rzeszowie odbędzie się Kongres Ekonomii Społecznej Województwa Podkarpackiego.",
    "Forum Organizacji Pozarządowych Powiatu Leskiego odbyło się w Lesku.",
    "Podczas Forum Ekonomii Społecznej Powiatu Leskiego rozmawiano o spółdzielniach.",
    "W ramach Kongresu Ekonomii Społecznej Województwa Podkarpackiego rozmawiano o spółdzielniach.",
    "Uczestnicy Forum Organizacji Pozarządowych Powiatu Leskiego rozmawiali.",
    "Jan Nowak wziął udział w Forum Organizacji Pozarządowych Powiatu Leskiego.",
])
def test_a_forum_that_takes_place_is_an_event(text: str) -> None:
    assert names(run(text), "Organization") == set()


@pytest.mark.parametrize("text, name", [
    # a forum that acts, or has a president, is a body
    ("Pomorskie Forum Inicjatyw Ekonomii Społecznej zaprosiło gości.", "Pomorskie Forum Inicjatyw Ekonomii Społecznej"),
    ("Prezes Pomorskiego Forum Inicjatyw Ekonomii Społecznej Jan Nowak mówił.",
     "Pomorskie Forum Inicjatyw Ekonomii Społecznej"),
    ("Spotkanie odbyło się z udziałem Fundacji Warmińsko-Mazurskie Forum Organizacji Pozarządowych.",
     "Fundacja Warmińsko-Mazurskie Forum Organizacji Pozarządowych"),
])
def test_a_forum_that_acts_is_a_body(text: str, name: str) -> None:
    assert names(run(text), "Organization") == {name}


def test_a_body_whose_session_takes_place_stays_a_body() -> None:
    assert "Sejmik Województwa Podkarpackiego" in names(
        run("Odbyła się sesja Sejmiku Województwa Podkarpackiego."), "Organization")


@pytest.mark.parametrize("text, name", [
    # a village is not in the register of gminas: a capitalised locative after "w" closing the name is its place
    ("Byli przedstawiciele Koła Gospodyń Wiejskich w Pogalewie Wielkim.",
     "Koło Gospodyń Wiejskich w Pogalewie Wielkim"),
    ("Byli przedstawiciele Warsztatu Terapii Zajęciowej w Uhercach Mineralnych.",
     "Warsztat Terapii Zajęciowej w Uhercach Mineralnych"),
    ("Byli przedstawiciele Warsztatu Terapii Zajęciowej w Uhercach.", "Warsztat Terapii Zajęciowej w Uhercach"),
    ("Byli przedstawiciele Koła Gospodyń Wiejskich w Zawiszowej.", "Koło Gospodyń Wiejskich w Zawiszowej"),
    ("Byli przedstawiciele Dziennego Domu Senior+ w Dąbrowie Białostockiej.",
     "Dzienny Dom Senior+ w Dąbrowie Białostockiej"),
    ("Byli przedstawiciele Gminnego Ośrodka Pomocy Społecznej w Cisnej.",
     "Gminny Ośrodek Pomocy Społecznej w Cisnej"),
])
def test_a_body_placed_in_a_village(text: str, name: str) -> None:
    assert name in names(run(text), "Organization")


@pytest.mark.parametrize("text, name", [
    ("Przedstawiciele Stowarzyszenia Nadzieja w Urzędzie Gminy Bałtów.", "Stowarzyszenie Nadzieja"),  # a body
    ("Spotkanie Koła Gospodyń Wiejskich w Janie Kowalskim miało miejsce.", "Koło Gospodyń Wiejskich"),  # a person
    ("Koło Gospodyń Wiejskich w Marcu organizuje kiermasz.", "Koło Gospodyń Wiejskich"),  # a month
    ("Zebranie Stowarzyszenia Razem w Sali Kominkowej trwało dwie godziny.", "Stowarzyszenie Razem"),  # a room
    ("Spotkanie Stowarzyszenia Aktywni w Kościele Mariackim było udane.", "Stowarzyszenie Aktywni"),  # a building
])
def test_a_body_not_placed_by_what_is_no_village(text: str, name: str) -> None:
    assert name in names(run(text), "Organization")


def test_an_acronym_after_w_is_a_body_not_a_village() -> None:
    x = run("Głos zabrała dyrektor Departamentu Ekonomii Społecznej w MRPiPS Anna Nowak.")
    assert "Departament Ekonomii Społecznej" in names(x, "Organization")


@pytest.mark.parametrize("text, name", [
    # a kind's acronym placed in a village the register lacks, spelled out as the full name would be
    ("Gości powitała przewodnicząca KGW w Bóbrce Anna Kot.", "Koło Gospodyń Wiejskich w Bóbrce"),
    ("Na spotkanie przybyły przedstawicielki KGW w Parsęcku.", "Koło Gospodyń Wiejskich w Parsęcku"),
    ("Obecni byli przedstawiciele WTZ w Uhercach Mineralnych.", "Warsztat Terapii Zajęciowej w Uhercach Mineralnych"),
])
def test_a_kinds_acronym_in_a_village(text: str, name: str) -> None:
    assert name in names(run(text), "Organization")


def test_a_kinds_acronym_before_a_month_is_no_body() -> None:
    assert names(run("Spotkanie odbyło się w KGW w Marcu."), "Organization") == set()


@pytest.mark.parametrize("text, name", [
    # a capitalised adjective before a kind's acronym is the name's, in the nominative of its full head
    ("Anna Kot – koordynator Podkarpackiego OWES w Krośnie.",
     "Podkarpacki Ośrodek Wsparcia Ekonomii Społecznej w Krośnie"),
    ("Z ramienia Dolnośląskiego OWES w Wałbrzychu inicjatywę wspierał Stanisław Kubik.",
     "Dolnośląski Ośrodek Wsparcia Ekonomii Społecznej w Wałbrzychu"),
    # a noun before it is not
    ("Obecni byli przedstawiciele OWES w Krośnie.", "Ośrodek Wsparcia Ekonomii Społecznej w Krośnie"),
])
def test_an_adjective_before_a_kinds_acronym(text: str, name: str) -> None:
    assert name in names(run(text), "Organization")


@pytest.mark.parametrize("text, name, sector", [
    ("Wystąpił radca prawny Piotr Mazur z Kancelarii Mazur i Wspólnicy.", "Kancelaria Mazur i Wspólnicy", "business"),
    ("Nagrodę odebrała dziennikarka Radia Katowice Maria Kulik.", "Radio Katowice", "business"),
    # the chancellery of an office of state is public
    ("Kancelaria Prezesa Rady Ministrów przysłała list.", "Kancelaria Prezesa Rady Ministrów", "public"),
])
def test_law_firms_and_broadcasters(text: str, name: str, sector: str) -> None:
    assert {e.sector for e in run(text).entities.values() if e.name == name} == {sector}
