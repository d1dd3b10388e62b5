"""The ontology, the SKOS schemes, the role word list, and loading them into a store."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

import graph.ontology as ontology
from graph.iri import MINT, Minter, slugify
from graph.ontology import ONTOLOGY_FILE, SCHEMES_FILE, ensure_reference_data, ontology_graph, shapes_graph
from graph.store import Store
from graph.settings import DATA_DIR
from graph.vocab import DCTERMS, ESG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, FOAF

ROLES_TSV = DATA_DIR / "gazetteers" / "roles.tsv"
SECTOR = "https://w3id.org/esgraf/concept/sector/"
DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


@pytest.fixture(scope="module")
def schemes() -> Graph:
    return Graph().parse(SCHEMES_FILE)


def _declared_esg(g: Graph) -> set[str]:
    ns = str(ESG._NS)
    return {str(s)[len(ns):] for t in DECLARATIONS for s in g.subjects(RDF.type, t) if str(s).startswith(ns)}


def _roles() -> list[dict[str, str]]:
    with ROLES_TSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_ontology_declares_exactly_the_esg_namespace(onto):
    in_code = set(ESG.__annotations__)
    assert _declared_esg(onto) == in_code


def test_ontology_header(onto):
    o = URIRef("https://w3id.org/esgraf/ontology")
    assert (o, RDF.type, OWL.Ontology) in onto
    assert (o, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in onto
    assert onto.value(o, OWL.versionInfo) is not None
    assert {t.language for t in onto.objects(o, DCTERMS.title)} == {"en", "pl"}


@pytest.mark.parametrize("term", sorted(ESG.__annotations__))
def test_every_term_labelled_in_polish_and_english(onto, term):
    node = ESG[term]
    langs = sorted(lab.language for lab in onto.objects(node, RDFS.label))
    assert langs == ["en", "pl"]
    assert onto.value(node, RDFS.comment) is not None


def test_classes_the_graph_writes_are_declared(onto):
    from graph.build import TYPE_CLASSES

    written = {c for classes in TYPE_CLASSES.values() for c in classes}
    written |= {ORG.Membership, ORG.Role, SKOS.Concept, ESG.Article, SCHEMA.NewsArticle, PROV.Entity}
    declared = set(onto.subjects(RDF.type, OWL.Class))
    assert written - declared == set()
    for cls in written:
        assert onto.value(cls, RDFS.label) is not None, cls


def _kinds(g: Graph) -> set[URIRef]:
    """esg classes below org:FormalOrganization."""
    return {c for c in g.transitive_subjects(RDFS.subClassOf, ORG.FormalOrganization)
            if str(c).startswith(str(ESG._NS))}


def test_every_kind_has_a_group_sector_and_polish_names(onto):
    groups = {ESG.PublicInstitution: "public", ESG.SocialEconomyOrganization: "social", ESG.Business: "business"}
    kinds = _kinds(onto)
    assert len(kinds) == 32
    for kind in kinds:
        assert onto.value(kind, ESG.defaultSector) is not None, kind
        assert any(lab.language == "pl" for lab in onto.objects(kind, SKOS.altLabel)), kind
        if kind in groups:
            assert onto.value(kind, RDFS.subClassOf) == ORG.FormalOrganization
            continue
        [group] = [g for g in groups if (kind, RDFS.subClassOf, g) in onto]
        sector = URIRef(SECTOR + groups[group])
        assert onto.value(kind, ESG.defaultSector) == sector == onto.value(group, ESG.defaultSector), kind


@pytest.mark.parametrize("kind, group, acronym", [
    ("RegionalSocialPolicyCentre", "PublicInstitution", "ROPS"),
    ("FamilySupportCentre", "PublicInstitution", "PCPR"),
    ("LabourOffice", "PublicInstitution", "PUP"),
    ("RegionalLabourOffice", "PublicInstitution", "WUP"),
    ("SocialWelfareCentre", "PublicInstitution", "GOPS"),
    ("SocialWelfareCentre", "PublicInstitution", "MOPS"),
    ("SocialEconomySupportCentre", "SocialEconomyOrganization", "OWES"),
    ("SocialIntegrationCentre", "SocialEconomyOrganization", "CIS"),
    ("SocialIntegrationClub", "SocialEconomyOrganization", "KIS"),
    ("OccupationalTherapyWorkshop", "SocialEconomyOrganization", "WTZ"),
    ("VocationalActivityEstablishment", "SocialEconomyOrganization", "ZAZ"),
    ("LocalActionGroup", "SocialEconomyOrganization", "LGD"),
    ("Company", "Business", "spółka"),
    ("Bank", "Business", "bank spółdzielczy"),
])
def test_kind_names(onto, kind, group, acronym):
    assert (ESG[kind], RDFS.subClassOf, ESG[group]) in onto
    assert Literal(acronym, lang="pl") in set(onto.objects(ESG[kind], SKOS.altLabel))


@pytest.mark.parametrize("sub, sup", [
    (ORG.FormalOrganization, ORG.Organization),
    (ORG.Organization, SCHEMA.Organization),
    (ESG.Partnership, ORG.OrganizationalCollaboration),
    (ESG.Agreement, PROV.Entity),
    (ESG.Meeting, SCHEMA.Event),
    (ESG.Voivodeship, SCHEMA.AdministrativeArea),
    (ESG.County, SCHEMA.AdministrativeArea),
    (ESG.Municipality, SCHEMA.AdministrativeArea),
    (SCHEMA.AdministrativeArea, SCHEMA.Place),
    (ESG.Article, SCHEMA.NewsArticle),
    (FOAF.Person, FOAF.Agent),
])
def test_class_alignment(onto, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in onto


@pytest.mark.parametrize("sub, sup", [
    (ESG.signatory, DCTERMS.contributor),
    (ESG.initiator, DCTERMS.creator),
    (ESG.partner, SCHEMA.member),
    (ESG.leadPartner, ESG.partner),
    (ESG.acronym, SKOS.altLabel),
    (ESG.roleTitle, RDFS.label),
    (ESG.terytCode, DCTERMS.identifier),
])
def test_property_alignment(onto, sub, sup):
    assert (sub, RDFS.subPropertyOf, sup) in onto


def test_sector_property(onto):
    assert onto.value(ESG.sector, RDFS.range) == SKOS.Concept
    assert onto.value(ESG.sector, RDFS.domain) == ORG.Organization


def test_every_concept_labelled_in_polish_and_english(schemes):
    concepts = set(schemes.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 40
    for c in concepts:
        langs = [lab.language for lab in schemes.objects(c, SKOS.prefLabel)]
        assert sorted(langs) == ["en", "pl"], c
        assert schemes.value(c, SKOS.inScheme) is not None, c


@pytest.mark.parametrize("key, en, pl", [
    ("public", "public sector", "sektor publiczny"),
    ("social", "social economy and NGO sector", "sektor ekonomii społecznej i pozarządowy"),
    ("business", "business sector", "sektor biznesowy"),
])
def test_sector_concepts(schemes, key, en, pl):
    c = MINT.concept("sector", key)
    assert c == URIRef(SECTOR + key)
    labels = set(schemes.objects(c, SKOS.prefLabel))
    assert labels == {Literal(en, lang="en"), Literal(pl, lang="pl")}
    assert schemes.value(c, SKOS.notation) == Literal(key)
    assert (c, SKOS.inScheme, MINT.scheme("sector")) in schemes


def test_sector_defaults_point_into_the_scheme(onto, schemes):
    for sector in set(onto.objects(None, ESG.defaultSector)):
        assert (sector, SKOS.inScheme, MINT.scheme("sector")) in schemes


def test_role_words_match_role_concepts(schemes):
    rows = _roles()
    first: dict[str, dict[str, str]] = {}
    for row in rows:
        first.setdefault(row["slug"], row)
        assert row["en"] == first[row["slug"]]["en"], row  # one English label per concept
    role_concepts = {c for c in schemes.subjects(SKOS.inScheme, MINT.scheme("role"))}
    assert {MINT.concept("role", s) for s in first} == role_concepts
    for slug, row in first.items():
        concept = MINT.concept("role", row["role"])  # the first row is the form the concept is minted from
        assert concept == URIRef(f"https://w3id.org/esgraf/concept/role/{slug}")
        assert Literal(row["role"], lang="pl") in set(schemes.objects(concept, SKOS.prefLabel))
        assert Literal(row["en"], lang="en") in set(schemes.objects(concept, SKOS.prefLabel))
    for row in rows:
        if row is not first[row["slug"]]:
            assert Literal(row["role"], lang="pl") in set(schemes.objects(MINT.concept("role", row["slug"]),
                                                                          SKOS.altLabel))


@pytest.mark.parametrize("word, slug", [
    ("członek zarządu", "czlonek-zarzadu"),
    ("członkini zarządu", "czlonek-zarzadu"),
    ("zastępca dyrektora", "zastepca-dyrektora"),
    ("dyrektorka", "dyrektor"),
    ("wójt", "wojt"),
    ("przewodnicząca", "przewodniczacy"),
    ("wiceburmistrz", "zastepca-burmistrza"),
    ("doradca", "doradca"),
])
def test_role_word_table(word, slug):
    assert {r["slug"] for r in _roles() if r["role"] == word} == {slug}
    assert slugify(slug) == slug


def test_graphs_rebased_for_another_base():
    mint = Minter("https://example.org/kg/")
    g = ontology_graph(mint)
    assert (ESG.Association, ESG.defaultSector, URIRef("https://example.org/kg/concept/sector/social")) in g
    assert (URIRef("https://example.org/kg/concept/role/starosta"), RDF.type, SKOS.Concept) in g
    assert not any(str(o).startswith("https://w3id.org/esgraf/concept/") for o in g.objects())
    shapes = shapes_graph(mint)
    assert URIRef("https://example.org/kg/concept/sector") in set(shapes.objects())


def test_ontology_graph_is_a_fresh_copy():
    g = ontology_graph()
    n = len(g)
    g.remove((None, None, None))
    assert len(ontology_graph()) == n


def test_ensure_reference_data_is_idempotent(store: Store):
    ensure_reference_data(store)
    n = store.count()
    assert set(store.named_graphs()) == {str(MINT.ontology_graph), str(MINT.teryt_graph)}
    assert store.count(str(MINT.ontology_graph)) == len(ontology_graph()) + 2  # plus its stamp
    assert store.ask(f"ASK {{ GRAPH <{MINT.teryt_graph}> {{ <https://w3id.org/esgraf/county/2611> "
                     f"<{SKOS.prefLabel}> \"powiat starachowicki\"@pl }} }}")
    ensure_reference_data(store)
    assert store.count() == n
    stamps = store.select(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{DCTERMS.identifier}> ?h }} }}")
    assert len(stamps) == 2 and all(str(r["h"]).startswith("sha256:") for r in stamps)


def test_reloads_when_the_register_changes(tmp_path: Path):
    from graph.store import OxigraphStore

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "teryt", data / "teryt")
    store = OxigraphStore()
    ensure_reference_data(store, data_dir=data)
    n = store.count()
    county = "https://w3id.org/esgraf/county/2611"
    ask = f'ASK {{ GRAPH <{MINT.teryt_graph}> {{ <{county}> <{SKOS.prefLabel}> "powiat %s"@pl }} }}'
    assert store.ask(ask % "starachowicki")

    path = data / "teryt" / "counties.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2611,starachowicki", "2611,wąchocki"),
                    encoding="utf-8")
    ensure_reference_data(store, data_dir=data)
    assert store.ask(ask % "wąchocki")
    assert not store.ask(ask % "starachowicki")
    assert store.count() == n  # replaced, not added


def test_reloads_when_the_ontology_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from graph.store import OxigraphStore

    store = OxigraphStore()
    ensure_reference_data(store)
    n = store.count(str(MINT.ontology_graph))
    changed = tmp_path / "esgraf.ttl"
    changed.write_text(ONTOLOGY_FILE.read_text(encoding="utf-8") +
                       '\nesg:Association skos:altLabel "stowarzyszenie rejestrowe"@pl .\n', encoding="utf-8")
    monkeypatch.setattr(ontology, "ONTOLOGY_FILE", changed)
    ensure_reference_data(store)
    assert store.count(str(MINT.ontology_graph)) == n + 1
    assert store.ask(f'ASK {{ GRAPH <{MINT.ontology_graph}> {{ <{ESG.Association}> <{SKOS.altLabel}> '
                     f'"stowarzyszenie rejestrowe"@pl }} }}')


@pytest.mark.parametrize("namespace, typo", [("ORG", "subOrganisationOf"), ("SCHEMA", "attende"),
                                             ("NIF", "anchor"), ("ESG", "signatories")])
def test_a_misspelt_term_fails_where_it_is_written(namespace: str, typo: str) -> None:
    import graph.vocab

    ns = getattr(graph.vocab, namespace)
    with pytest.raises(AttributeError, match=typo):
        getattr(ns, typo)
    with pytest.raises(AttributeError):
        ns[typo]
