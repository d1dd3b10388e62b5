"""One body, one node: the names an article gives one organisation or agreement resolve to one key."""
from __future__ import annotations

from graph.model import Article
from loaders.pipeline import extract


def keys(text: str, type_: str = "Organization", region: str | None = None) -> dict[str, str]:
    x = extract(Article(id="t", text=text, source="test", region=region))
    return {k: e.name for k, e in x.entities.items() if e.type == type_}


def test_a_body_beside_its_host_is_the_one_of_its_kind_named_otherwise() -> None:
    text = ("Certyfikat otrzymał Zakład Aktywności Zawodowej w Kielcach. Zakład Aktywności Zawodowej przy "
            "Stowarzyszeniu Nadzieja Rodzinie tworzy miejsca pracy. Kielecki Zakład Aktywności Zawodowej rośnie.")
    found = keys(text, region="26")
    assert [k for k in found if k.startswith("zaklad")] == ["zaklad-aktywnosci-zawodowej-w-kielcach"]


def test_two_bodies_of_a_kind_keep_their_host_apart() -> None:
    text = ("Certyfikat otrzymał Zakład Aktywności Zawodowej w Kielcach i Zakład Aktywności Zawodowej w Busku. "
            "Zakład Aktywności Zawodowej przy Stowarzyszeniu Nadzieja Rodzinie tworzy miejsca pracy.")
    assert len([k for k in keys(text, region="26") if k.startswith("zaklad")]) == 3


def test_an_acronym_in_mixed_case_in_brackets_names_the_body() -> None:
    text = "Partnerstwo powstało przy wsparciu Mazowieckiego Ośrodka Wsparcia Ekonomii Społecznej (mOWES)."
    x = extract(Article(id="t", text=text, source="test"))
    [e] = [e for e in x.entities.values() if e.type == "Organization"]
    assert "mOWES" in e.aliases


def test_an_abbreviation_in_an_agreement_s_name() -> None:
    text = ("Porozumienie o rozwoju ES w Gminie Puszczykowo\n\n"
            "Podpisaliśmy Porozumienie o Rozwoju Ekonomii Społecznej w Gminie Puszczykowo.")
    assert len(keys(text, "Agreement")) == 1


def test_a_mayor_s_town_and_the_gmina_named_are_one_body() -> None:
    text = "Porozumienie podpisała Gmina Puszczykowo. Obecny był Burmistrz Puszczykowa Andrzej Balcerek."
    assert len(keys(text, region="30")) == 1


def test_a_quoted_and_an_unquoted_name_are_one_body() -> None:
    text = ("Wystąpiła Spółdzielnia Socjalna „DobryDzień”. Prezes Spółdzielni Socjalnej DobryDzień Anna Mróz "
            "opowiedziała o pracy.")
    assert len(keys(text)) == 1


def _signed(*texts: str) -> dict[str, set[str]]:
    """Each agreement of a corpus read together, with the organisations that signed it."""
    from loaders.pipeline import extract_corpus

    found: dict[str, set[str]] = {}
    for x in extract_corpus([Article(id=f"a{n}", text=t, source="test") for n, t in enumerate(texts)]):
        for r in x.relations:
            if r.kind == "signatory":
                found.setdefault(r.s, set()).add(x.entities[r.o].name)
    return found


def test_agreements_of_one_name_signed_in_two_counties_stay_two() -> None:
    found = _signed(
        "W Sandomierzu podpisano porozumienie o współpracy na rzecz ekonomii społecznej w powiecie sandomierskim. "
        "Porozumienie podpisali przedstawiciele Gminy Dwikozy i Fundacji Razem.",
        "W Gnieźnie podpisano porozumienie o współpracy na rzecz ekonomii społecznej w powiecie gnieźnieńskim. "
        "Porozumienie podpisali przedstawiciele Gminy Kłecko i Stowarzyszenia Tęcza.")
    assert sorted(found.values(), key=sorted) == [{"Fundacja Razem", "Gmina Dwikozy"},
                                                  {"Gmina Kłecko", "Stowarzyszenie Tęcza"}]


def test_an_agreement_placed_by_its_article_s_county() -> None:
    # the name places it nowhere; each article's county does, and keeps the two apart
    found = _signed(
        "Spotkanie w powiecie sandomierskim. Podpisano porozumienie o współpracy. "
        "Porozumienie podpisali przedstawiciele Gminy Dwikozy i Fundacji Razem.",
        "Spotkanie w powiecie gnieźnieńskim. Podpisano porozumienie o współpracy. "
        "Porozumienie podpisali przedstawiciele Gminy Kłecko i Stowarzyszenia Tęcza.")
    assert len(found) == 2 and all(k.startswith("porozumienie-o-wspolpracy-powiat-") for k in found)


def test_an_agreement_placed_nowhere_is_its_article_s_own() -> None:
    found = _signed("Podpisano porozumienie o współpracy. Porozumienie podpisali przedstawiciele Fundacji Razem.",
                    "Podpisano porozumienie o współpracy. Porozumienie podpisali przedstawiciele Stowarzyszenia Tęcza.")
    assert len(found) == 2


def test_two_reports_of_one_agreement_in_one_county_are_one() -> None:
    found = _signed(
        "Spotkanie w powiecie sandomierskim. Podpisano porozumienie o współpracy. "
        "Porozumienie podpisali przedstawiciele Gminy Dwikozy i Fundacji Razem.",
        "W powiecie sandomierskim podpisano porozumienie o współpracy. Dokument podpisała Gmina Dwikozy.")
    assert len(found) == 1


def test_another_kind_s_acronym_in_a_name_names_the_body_it_belongs_to() -> None:
    # "ROPS" in "Biuro Projektu ROPS" is the centre's acronym, not the office's: the office keeps it in its key
    # and takes no alias that would join it to the centre
    x = extract(Article(id="t", text="Spotkanie prowadziła Natalia Kot – pracownik Biura Projektu ROPS.",
                        source="test", region="20"))
    office = next(e for e in x.entities.values() if e.type == "Organization")
    assert office.key == "biuro-projektu-rops" and "ROPS" not in office.aliases
    # a name in capitals that is no kind's acronym is part of the body's name
    x = extract(Article(id="t", text="Głos zabrała prezes Stowarzyszenia Edukacji i Rozwoju AMICUS.", source="test"))
    assert "AMICUS" in next(e for e in x.entities.values() if e.type == "Organization").aliases
