"""IRIs are minted and read back in one module: every entity IRI says its type and key again, under any base."""
from __future__ import annotations

import pytest

from graph.iri import (MINT, PATH_TYPES, SECTIONS, TYPE_PATHS, Minter, is_plain_iri, local_name,
                       territory_code)
from graph.model import ENTITY_TYPES

BASES = ["https://w3id.org/esgraf/", "https://dane.example.org/es"]


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("type_", ENTITY_TYPES)
def test_an_entity_iri_reads_back_as_its_type_and_key(base: str, type_: str) -> None:
    mint = Minter(base)
    iri = str(mint.entity(type_, "rops-swietokrzyskie"))
    assert mint.entity_type(iri) == type_
    assert mint.key(iri, type_) == "rops-swietokrzyskie"
    assert mint.key(iri, "Person" if type_ != "Person" else "Event") is None
    assert mint.at(mint.local(iri)) == mint.entity(type_, "rops-swietokrzyskie")
    assert mint.section(iri) == TYPE_PATHS[type_] in SECTIONS


def test_every_type_has_its_own_path() -> None:
    assert set(TYPE_PATHS) == set(ENTITY_TYPES) and len(PATH_TYPES) == len(ENTITY_TYPES)
    assert TYPE_PATHS["Municipality"] == "gmina"


@pytest.mark.parametrize("iri", ["https://w3id.org/esgraf/membership/x--y", "https://w3id.org/esgraf/graph/article/a",
                                 "https://example.org/person/x", "https://w3id.org/esgraf/person",
                                 "https://w3id.org/esgraf/person/"])
def test_other_iris_are_no_entities(iri: str) -> None:
    assert MINT.entity_type(iri) is None and MINT.key(iri, "Person") is None


@pytest.mark.parametrize("iri, code", [("https://w3id.org/esgraf/county/2611", "2611"),
                                       ("https://dane.example.org/es/voivodeship/26", "26"),
                                       ("https://w3id.org/esgraf/gmina/2611011", "2611011"),
                                       ("https://w3id.org/esgraf/organization/2611", None),
                                       ("https://w3id.org/esgraf/county/starachowicki", None)])
def test_a_territory_iri_ends_in_its_teryt_code(iri: str, code: str | None) -> None:
    assert territory_code(iri) == code


def test_local_names_of_predicates_and_classes() -> None:
    assert local_name("http://www.w3.org/ns/org#memberOf") == "memberOf"
    assert local_name("https://schema.org/Event") == "Event"
    assert local_name("https://w3id.org/esgraf/concept/sector/") == "sector"


def test_files_spelt_under_the_default_base_move_to_a_deployment_base_but_the_vocabulary_does_not() -> None:
    mint = Minter("https://dane.example.org/es/")
    assert mint.rebase("https://w3id.org/esgraf/concept/sector/public") == \
        "https://dane.example.org/es/concept/sector/public"
    assert mint.rebase("https://w3id.org/esgraf/ontology#County") == "https://w3id.org/esgraf/ontology#County"


@pytest.mark.parametrize("text, plain", [("https://w3id.org/esgraf/person/x", True), ("urn:x:1", True),
                                         ("https://e.org/a b", False), ("https://e.org/>", False),
                                         ("person/x", False)])
def test_a_plain_iri_fits_between_angle_brackets(text: str, plain: bool) -> None:
    assert is_plain_iri(text) is plain
