"""Polish names go to the nominative: people, organisations, partnerships and agreements."""
from __future__ import annotations

import re

import pytest

from graph.model import Article
from loaders.names import place_locative
from loaders.pipeline import extract


def names_of(text: str, type_: str) -> set[str]:
    x = extract(Article(id="t", text=text, source="test"))
    return {e.name for e in x.entities.values() if e.type == type_}


@pytest.mark.parametrize("sentence, person", [
    ("Porozumienie podpisał w imieniu powiatu Dariusza Dąbrowskiego zastępca.", "Dariusz Dąbrowski"),
    ("Spotkanie poprowadziła Anna Górak.", "Anna Górak"),
    ("Podziękowania złożono Renacie Janik za wsparcie.", "Renata Janik"),
    ("Nagrodę wręczono Piotrowi Żołądkowi podczas gali.", "Piotr Żołądek"),
    ("Wystąpienie Krystyny Żejmo-Wysockiej otworzyło obrady.", "Krystyna Żejmo-Wysocka"),
    ("W partnerstwie z Peterem Wolkowinskim przygotowano model.", "Peter Wolkowinski"),
    ("Gościem był Jarosław Wypyszyński, ekspert.", "Jarosław Wypyszyński"),
    ("Rozmawiano z Krzysztofem Piątkiem o ekonomii społecznej.", "Krzysztof Piątek"),
    ("O projekcie opowiedziała Pani Joanna Michalska.", "Joanna Michalska"),
    # of two first names one form could be, the Polish one: Robert (not Roberto), Jacek (not Jack)
    ("Podziękowano burmistrzowi Goleniowa Robertowi Krupowiczowi.", "Robert Krupowicz"),
    ("Nagrodę wręczono Albertowi Nowakowi.", "Albert Nowak"),
    ("Gratulacje przekazano Jackowi Nowakowi.", "Jacek Nowak"),
    ("Rozmawiano z Jackiem Nowakiem o spółdzielni.", "Jacek Nowak"),
    ("Podziękowano Hubertowi Nowakowi.", "Hubert Nowak"),
    ("Gościem był Jack Nowak.", "Jack Nowak"),
    ("Gościem był Roberto Nowak.", "Roberto Nowak"),
])
def test_person_in_nominative(sentence: str, person: str) -> None:
    assert names_of(sentence, "Person") == {person}


@pytest.mark.parametrize("sentence, organisation", [
    ("Spotkanie odbyło się w siedzibie Regionalnego Ośrodka Polityki Społecznej w Opolu.",
     "Regionalny Ośrodek Polityki Społecznej w Opolu"),
    ("Prezes Stowarzyszenia „Bezpieczny Powiat Starachowicki” zabrał głos.",
     "Stowarzyszenie „Bezpieczny Powiat Starachowicki”"),
    ("Rozmawiano w Starostwie Powiatowym w Końskich.", "Starostwo Powiatowe w Końskich"),
    ("Wsparcia udzieliła Lokalna Grupa Działania „Dolina Karpia”.", "Lokalna Grupa Działania „Dolina Karpia”"),
    ("Umowę zawarto z Lokalną Grupą Działania „Dolina Karpia”.", "Lokalna Grupa Działania „Dolina Karpia”"),
    ("Przedstawiciele Fundacji Perspektywy i Rozwój przedstawili plan.", "Fundacja Perspektywy i Rozwój"),
    ("Model powstał w Departamencie Ekonomii Społecznej i Solidarnej.", "Departament Ekonomii Społecznej i Solidarnej"),
    ("Pismo wysłano do Ministerstwa Rodziny, Pracy i Polityki Społecznej.",
     "Ministerstwo Rodziny, Pracy i Polityki Społecznej"),
    ("Współpracujemy z Kielecko-Ostrowieckim Ośrodkiem Wsparcia Ekonomii Społecznej.",
     "Kielecko-Ostrowiecki Ośrodek Wsparcia Ekonomii Społecznej"),
    ("Produkty Starachowickiej Spółdzielni Socjalnej „Starachowiczanka” kupiono.",
     "Starachowicka Spółdzielnia Socjalna „Starachowiczanka”"),
    ("Usługi świadczy spółdzielnia socjalna „Tropem Przygody” z Bielin.", "Spółdzielnia socjalna „Tropem Przygody”"),
    ("Obrady prowadził Miejski Ośrodek Pomocy Społecznej w Puszczykowie.",
     "Miejski Ośrodek Pomocy Społecznej w Puszczykowie"),
])
def test_organisation_in_nominative(sentence: str, organisation: str) -> None:
    assert organisation in names_of(sentence, "Organization")


@pytest.mark.parametrize("sentence, agreement", [
    ("Podpisano porozumienie o partnerskiej współpracy na rzecz rozwoju ekonomii społecznej w powiecie koneckim.",
     "porozumienie o partnerskiej współpracy na rzecz rozwoju ekonomii społecznej w powiecie koneckim"),
    ("Sygnatariusze trójsektorowego porozumienia na rzecz rozwoju ekonomii społecznej w powiecie buskim spotkali się.",
     "trójsektorowe porozumienie na rzecz rozwoju ekonomii społecznej w powiecie buskim"),
    ("Celem porozumienia o współpracy na rzecz ekonomii społecznej w gminie Bałtów jest rozwój.",
     "porozumienie o współpracy na rzecz ekonomii społecznej w gminie Bałtów"),
    ("Zawarły umowę partnerską na realizację projektu „Razem w usługach – powiat nyski”.",
     "umowa partnerska na realizację projektu „Razem w usługach – powiat nyski”"),
    ("Umowa partnerska na rzecz usług społecznych podpisana", "umowa partnerska na rzecz usług społecznych"),
    ("Podpisali umowę na utrzymanie terenów zieleni miejskiej.", "umowa na utrzymanie terenów zieleni miejskiej"),
    ("Podpisałyśmy umowę o przyznanie wsparcia na utworzenie trzech miejsc pracy w naszej spółdzielni.",
     "umowa o przyznanie wsparcia na utworzenie trzech miejsc pracy"),
])
def test_agreement_in_nominative(sentence: str, agreement: str) -> None:
    assert names_of(sentence, "Agreement") == {agreement}


@pytest.mark.parametrize("sentence", [
    "Dziś mamy po raz pierwszy umowę na taką skalę.",
    "Planujemy podpisać umowę z gminą.",
])
def test_no_agreement_named(sentence: str) -> None:
    assert names_of(sentence, "Agreement") == set()


def test_an_agreement_signed_but_not_named_is_named_by_its_noun() -> None:
    assert names_of("Umowę w imieniu OWES podpisała Agnieszka Trela.", "Agreement") == {"umowa"}


def test_partnership_keeps_genitive_complements() -> None:
    text = "Członkowie partnerstwa lokalnego na rzecz rozwoju ekonomii społecznej w powiecie buskim obradowali."
    assert names_of(text, "Partnership") == {
        "partnerstwo lokalne na rzecz rozwoju ekonomii społecznej w powiecie buskim"}


@pytest.mark.parametrize("phrase, teryt", [
    ("w powiecie starachowickim", "2611"),
    ("powiatu jędrzejowskiego", "2602"),
    ("w powiecie konińskim", "3010"),
    ("z powiatem ostrowieckim", "2607"),
])
def test_county_from_inflected_phrase(phrase: str, teryt: str) -> None:
    x = extract(Article(id="t", text=f"Rozmawiano o sytuacji {phrase} podczas spotkania.", source="test"))
    counties = [e for e in x.entities.values() if e.type == "County"]
    assert [c.teryt for c in counties] == [teryt]
    assert counties[0].name.startswith("powiat ")


@pytest.mark.parametrize("text", [
    "W spotkaniu wzięli udział przedstawiciele gmin i Powiatowego Centrum Pomocy Rodzinie (PCPR).",
    "Uczestnicy spotkania obejrzeli Warsztaty Terapii Zajęciowej.",
    "Galeria zdjęć",
    "Ośrodki Pomocy Społecznej (OPS) przedstawiły dane.",
])
def test_generic_mentions_are_not_entities(text: str) -> None:
    x = extract(Article(id="t", text=text, source="test"))
    assert [e.name for e in x.entities.values() if e.type == "Organization"] == []


@pytest.mark.parametrize("town, locative", [
    ("Starachowice", "Starachowicach"),
    ("Końskie", "Końskich"),
    ("Ostrowiec Świętokrzyski", "Ostrowcu Świętokrzyskim"),
    ("Nowy Sącz", "Nowym Sączu"),
    ("Tarnowskie Góry", "Tarnowskich Górach"),
    ("Busko-Zdrój", "Busku-Zdroju"),
    ("Ruda Śląska", "Rudzie Śląskiej"),
])
def test_place_in_the_locative(town: str, locative: str) -> None:
    assert place_locative(town) == locative


def org_keys(text: str) -> set[str]:
    x = extract(Article(id="t", text=text, source="test"))
    return {e.key for e in x.entities.values() if e.type == "Organization"}


@pytest.mark.parametrize("a, b", [
    ("Umowę podpisało Jędrzejowskie Centrum Kultury.", "Umowę podpisało Centrum Kultury w Jędrzejowie."),
    ("Umowę podpisało Starostwo Powiatowe w Starachowicach.", "Umowę podpisało starachowickie Starostwo Powiatowe."),
])
def test_a_placed_body_has_one_key_however_it_is_named(a: str, b: str) -> None:
    assert org_keys(a) == org_keys(b) != set()


def test_bodies_placed_in_two_towns_stay_two() -> None:
    one = org_keys("Umowę podpisało Centrum Kultury w Jędrzejowie.")
    assert one and one != org_keys("Umowę podpisało Centrum Kultury w Pińczowie.")


def test_a_body_named_by_two_places_is_not_placed_in_one() -> None:
    keys = org_keys("Umowę podpisał Kielecko-Ostrowiecki Ośrodek Wsparcia Ekonomii Społecznej.")
    assert keys and not any(k.endswith("ostrowcu-swietokrzyskim") for k in keys)


@pytest.mark.parametrize("text, name", [
    ("Przyjechał Klub Integracji Społecznej z Zabrza.", "Klub Integracji Społecznej w Zabrzu"),
    ("Kiermasz przygotowały Warsztaty Terapii Zajęciowej ze Świecia.", "Warsztaty Terapii Zajęciowej w Świeciu"),
])
def test_a_kind_from_a_town_is_the_body_in_that_town(text: str, name: str) -> None:
    assert names_of(text, "Organization") == {name}


def test_a_kind_with_a_town_in_another_case_is_not_placed() -> None:
    assert names_of("Współpraca Ośrodka Pomocy Społecznej z Ostrowcem trwa.", "Organization") == set()


@pytest.mark.parametrize("text, name", [
    ("Był w Ostrowcu Świętokrzyskim.", "Ostrowiec Świętokrzyski"),
    ("Był w Nowym Mieście Lubawskim.", "Nowe Miasto Lubawskie"),
    ("Był w Nowym Dworze Gdańskim.", "Nowy Dwór Gdański"),
    ("Był w Rudzie Śląskiej.", "Ruda Śląska"),
    ("Był w Zielonej Górze.", "Zielona Góra"),
])
def test_a_town_of_a_noun_and_its_adjectives_in_any_case(text: str, name: str) -> None:
    from graph.model import Article
    from loaders.pipeline import default_pipeline
    from loaders.towns import town_at

    doc = default_pipeline().prepare(Article(id="t", text=text, source="test"))
    hit = town_at(doc, 2)
    assert hit is not None and hit[1][0].name == name


def test_words_that_are_no_town_stay_none() -> None:
    from graph.model import Article
    from loaders.pipeline import default_pipeline
    from loaders.towns import town_at

    doc = default_pipeline().prepare(Article(id="t", text="Był w Zielonym Ogrodzie Miejskim.", source="test"))
    assert town_at(doc, 2) is None


@pytest.mark.parametrize("text, words", [
    # a compound adjective written with spaces around its dash is one word, read with a plain hyphen
    ("Województwa Warmińsko- Mazurskiego", ["Województwa", "Warmińsko-Mazurskiego"]),
    ("w województwie kujawsko – pomorskim", ["w", "województwie", "kujawsko-pomorskim"]),
    # or with no dash at all, when both halves are capitalised
    ("Województwa Warmińsko Mazurskiego Katarzyna", ["Województwa", "Warmińsko-Mazurskiego", "Katarzyna"]),
    # a dash between clauses, and a double-barrelled surname, are not compounds
    ("było blisko – jak mówił – dwieście", ["było", "blisko", "–", "jak", "mówił", "–", "dwieście"]),
    ("Małgorzata Góźdź – Morawska", ["Małgorzata", "Góźdź", "–", "Morawska"]),
    # nouns in -sko before an adjective, and a lower-case pair with no dash, stay two words
    ("Wojsko Polskie", ["Wojsko", "Polskie"]),
    ("Stanowisko Polskiego Komitetu", ["Stanowisko", "Polskiego", "Komitetu"]),
    ("blisko polskiej granicy", ["blisko", "polskiej", "granicy"]),
])
def test_compound_adjectives_with_a_spaced_dash(text: str, words: list[str]) -> None:
    from loaders.tokens import tokenize

    toks = tokenize(text)
    assert [t.text for t in toks] == words
    assert all(re.sub(r"[\s\-–]", "", text[t.start:t.end]) == re.sub(r"[\s\-–]", "", t.text) for t in toks)


@pytest.mark.parametrize("spelling", ["Warmińsko- Mazurskiego", "Warmińsko Mazurskiego"])
def test_a_voivodeship_written_with_a_spaced_dash_is_that_voivodeship(spelling: str) -> None:
    x = extract(Article(id="t", text=f"Przyjęto Strategię Polityki Społecznej Województwa {spelling}.",
                        source="test"))
    assert {e.name for e in x.entities.values() if e.type == "Organization"} == {"Województwo Warmińsko-Mazurskie"}


@pytest.mark.parametrize("text, count", [
    # after an abbreviation's full stop, a post's emoji ends the sentence before a capital
    ("Organizatorem był OWES w Ostrowcu Św. 💪 Swoje produkty prezentowały spółdzielnie.", 2),
    ("Dziękujemy 👉 Fundacji Barka za pomoc.", 1),  # before a name inside the sentence it ends nothing
    ("Byli goście z Ostrowca Św. 💪 i z Kielc.", 1),  # nor before a small letter
])
def test_an_emoji_after_an_abbreviation_ends_a_sentence(text: str, count: int) -> None:
    from loaders.tokens import split_sentences, tokenize

    assert len(split_sentences(text, tokenize(text))) == count


@pytest.mark.parametrize("sentence, name", [
    # a regional adjective the dictionary also knows as a region's name is the partnership's
    ("Zawiązano Sądeckie Partnerstwo na rzecz Ekonomii Społecznej.",
     "Sądeckie Partnerstwo na rzecz Ekonomii Społecznej"),
    ("Zawiązano Lubuskie Partnerstwo na rzecz Ekonomii Społecznej.",
     "Lubuskie Partnerstwo na rzecz Ekonomii Społecznej"),
])
def test_a_partnership_keeps_its_regional_adjective(sentence: str, name: str) -> None:
    assert names_of(sentence, "Partnership") == {name}


@pytest.mark.parametrize("text, count", [
    # a date that opens a sentence does not end it at "r."
    ("W 2019 r. Gmina Goleniów i Stowarzyszenie Nadzieja założyły spółdzielnię.", 1),
    ("W dniu 12 marca 2024 r. Gmina Bałtów podpisała umowę.", 1),
    # a date that closes one does
    ("Spotkanie odbyło się 5 maja 2019 r. Gości powitał Jan Nowak.", 2),
])
def test_a_year_abbreviated_ends_a_sentence_only_after_one(text: str, count: int) -> None:
    from loaders.tokens import split_sentences, tokenize

    assert len(split_sentences(text, tokenize(text))) == count
