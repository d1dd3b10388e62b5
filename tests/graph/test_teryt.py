"""The TERYT register: counts, lookups by code and name, and the reference graph of territories."""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.iri import MINT, Minter
from graph.settings import DATA_DIR
from graph.teryt import load_register, teryt_triples
from graph.vocab import ESG, OWL, RDF, RDFS, SCHEMA, SKOS, WD


@pytest.fixture(scope="module")
def register():
    return load_register()


@pytest.fixture(scope="module")
def teryt_graph(register) -> Graph:
    g = Graph()
    for t in teryt_triples(register):
        g.add(t)
    return g


def test_counts(register):
    assert len(register.voivodeships) == 16
    assert len(register.counties) == 380
    assert len(register.gminas) == 2479
    assert sum(c.is_city for c in register.counties.values()) == 66
    assert len(register.counties_in("26")) == 14
    assert sum(g.voivodeship == "26" for g in register.gminas.values()) == 102


def test_codes_keep_leading_zeros(register):
    v = register.voivodeship("02")
    assert v is not None and v.name == "dolnośląskie" and v.code == "02"
    assert register.county("0201").name == "bolesławiecki"
    assert register.gmina("0201011").name == "Bolesławiec"


def test_starachowicki(register):
    c = register.county("2611")
    assert c.name == "starachowicki"
    assert c.label == "powiat starachowicki"
    assert c.voivodeship == "26"
    assert c.seat == "Starachowice"
    assert register.voivodeship(c.voivodeship).label == "województwo świętokrzyskie"


@pytest.mark.parametrize("name, voivodeship, codes", [
    ("starachowicki", None, ["2611"]),
    ("Powiat Starachowicki", None, ["2611"]),
    ("powiat  starachowicki", None, ["2611"]),
    ("jędrzejowski", None, ["2602"]),
    ("Kielce", None, ["2661"]),
    ("miasto Kielce", None, ["2661"]),
    ("nowodworski", None, ["1414", "2210"]),
    ("nowodworski", "22", ["2210"]),
    ("starachowicki", "14", []),
    ("nieistniejący", None, []),
])
def test_counties_by_name(register, name, voivodeship, codes):
    assert sorted(c.code for c in register.counties_by_name(name, voivodeship)) == codes


@pytest.mark.parametrize("name, county, codes", [
    ("Bałtów", None, ["2607022"]),
    ("gmina Bałtów", None, ["2607022"]),
    ("Bolesławiec", "0201", ["0201011", "0201022"]),
    ("Kielce", None, ["2661011"]),
    ("Bałtów", "2611", []),
])
def test_gminas_by_name(register, name, county, codes):
    assert sorted(g.code for g in register.gminas_by_name(name, county)) == codes


@pytest.mark.parametrize("name, code", [
    ("świętokrzyskie", "26"),
    ("Województwo Świętokrzyskie", "26"),
    ("mazowieckie", "14"),
])
def test_voivodeship_by_name(register, name, code):
    assert register.voivodeship_by_name(name).code == code


@pytest.mark.parametrize("code, label", [
    ("2607022", "gmina Bałtów"),
    ("0201011", "gmina miejska Bolesławiec"),
    ("0201022", "gmina wiejska Bolesławiec"),
    ("2661011", "gmina Kielce"),
])
def test_gmina_label(register, code, label):
    assert register.gmina_label(register.gmina(code)) == label


def test_register_needs_no_rdflib():
    # the extractor resolves names with the register; importing it must stay light
    code = "import sys, graph.teryt; print('rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _about(g: Graph, node: URIRef) -> Graph:
    sub = Graph()
    for t in g.triples((node, None, None)):
        sub.add(t)
    return sub


def test_county_triples(teryt_graph):
    node = URIRef("https://w3id.org/esgraf/county/2611")
    expected = Graph()
    for t in [
        (node, RDF.type, ESG.County),
        (node, RDFS.label, Literal("powiat starachowicki", lang="pl")),
        (node, SKOS.prefLabel, Literal("powiat starachowicki", lang="pl")),
        (node, ESG.terytCode, Literal("2611")),
        (node, SCHEMA.containedInPlace, URIRef("https://w3id.org/esgraf/voivodeship/26")),
        (node, OWL.sameAs, WD.Q1553070),
    ]:
        expected.add(t)
    assert isomorphic(_about(teryt_graph, node), expected)


def test_city_county_and_gmina_triples(teryt_graph):
    kielce = MINT.entity("County", "2661")
    assert teryt_graph.value(kielce, SKOS.prefLabel) == Literal("Kielce", lang="pl")
    assert Literal("powiat grodzki Kielce", lang="pl") in set(teryt_graph.objects(kielce, SKOS.altLabel))
    assert (kielce, OWL.sameAs, None) not in teryt_graph  # withheld in counties.csv as doubtful

    baltow = MINT.entity("Municipality", "2607022")
    assert baltow == URIRef("https://w3id.org/esgraf/gmina/2607022")
    assert teryt_graph.value(baltow, SKOS.prefLabel) == Literal("gmina Bałtów", lang="pl")
    assert Literal("Bałtów", lang="pl") in set(teryt_graph.objects(baltow, SKOS.altLabel))
    assert teryt_graph.value(baltow, SCHEMA.containedInPlace) == MINT.entity("County", "2607")
    assert (baltow, RDF.type, ESG.Municipality) in teryt_graph

    v = MINT.entity("Voivodeship", "26")
    assert teryt_graph.value(v, SKOS.prefLabel) == Literal("województwo świętokrzyskie", lang="pl")
    assert teryt_graph.value(v, OWL.sameAs) == WD.Q54183
    assert teryt_graph.value(v, SCHEMA.containedInPlace) is None


def test_every_qid_becomes_same_as(teryt_graph):
    expected = set()
    for fname, type_ in (("voivodeships.csv", "Voivodeship"), ("counties.csv", "County")):
        with (DATA_DIR / "teryt" / fname).open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["wikidata_qid"]:
                    expected.add((MINT.entity(type_, row["teryt"]), WD[row["wikidata_qid"]]))
    assert len(expected) == 16 + 171
    assert set(teryt_graph.subject_objects(OWL.sameAs)) == expected


def test_every_unit_typed_once(teryt_graph):
    assert len(set(teryt_graph.subjects(RDF.type, ESG.Voivodeship))) == 16
    assert len(set(teryt_graph.subjects(RDF.type, ESG.County))) == 380
    assert len(set(teryt_graph.subjects(RDF.type, ESG.Municipality))) == 2479
    # every gmina and county has a parent, every voivodeship none
    assert len(set(teryt_graph.subjects(SCHEMA.containedInPlace, None))) == 380 + 2479


def test_triples_under_another_base(register):
    mint = Minter("https://example.org/kg")
    nodes = {s for s, _, _ in teryt_triples(register, mint)}
    assert URIRef("https://example.org/kg/county/2611") in nodes
    assert all(str(n).startswith("https://example.org/kg/") for n in nodes)


def test_codes_nest(register):
    # a unit's code starts with its parent's: the CSVs were cut from one TERC file and must stay consistent
    for c in register.counties.values():
        assert c.code.startswith(c.voivodeship) and c.voivodeship in register.voivodeships, c
    for g in register.gminas.values():
        assert g.code.startswith(g.county) and g.county in register.counties, g
        assert g.voivodeship == g.county[:2], g
        assert g.code[-1] == {"miejska": "1", "wiejska": "2", "miejsko-wiejska": "3"}[g.type], g
