"""SHACL validation: correct data conforms, each kind of defect is reported on the node and path at fault."""
from __future__ import annotations

import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef

from graph.build import to_dataset_graphs
from graph.iri import MINT
from graph.model import Extraction
from graph.ontology import ensure_reference_data, shapes_graph
from graph.store import OxigraphStore, Store
from graph.validate import Report, format_report, validate, validate_graph
from graph.vocab import RDF, SH

PREFIXES = """
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix esg: <https://w3id.org/esgraf/ontology#> .
@prefix e: <https://w3id.org/esgraf/> .
"""

# One small article's worth of correct data, written by hand in the shape graph.build writes.
VALID = PREFIXES + """
e:article\\/a1 a esg:Article , schema:NewsArticle , prov:Entity ;
    dcterms:identifier "a1" ; dcterms:title "Spotkanie partnerstwa"@pl ; dcterms:issued "2024-05-17"^^xsd:date ;
    dcterms:source <https://example.org/news/1> ; schema:about e:event\\/spotkanie .
e:graph\\/article\\/a1 prov:wasDerivedFrom e:article\\/a1 .
e:article\\/a1\\/s0 a nif:Sentence ; nif:referenceContext e:article\\/a1 ; nif:anchorOf "Starosta Jan Nowak otworzył spotkanie." ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "38"^^xsd:nonNegativeInteger .

e:person\\/jan-nowak a foaf:Person , schema:Person ; foaf:name "Jan Nowak" ; skos:prefLabel "Jan Nowak"@pl ;
    org:memberOf e:organization\\/starostwo ; prov:wasDerivedFrom e:article\\/a1\\/s0 .
e:organization\\/starostwo a org:Organization , esg:CountyOffice ; skos:prefLabel "Starostwo Powiatowe w Starachowicach"@pl ;
    skos:altLabel "Starostwo"@pl ; esg:sector e:concept\\/sector\\/public ; prov:wasDerivedFrom e:article\\/a1\\/s0 .
e:organization\\/owes a org:Organization , esg:SocialEconomySupportCentre ; skos:prefLabel "OWES Subregionu Północnego"@pl ;
    esg:acronym "OWES" ; esg:sector e:concept\\/sector\\/social .
e:membership\\/jan-nowak--starostwo a org:Membership ; org:member e:person\\/jan-nowak ;
    org:organization e:organization\\/starostwo ; org:role e:concept\\/role\\/starosta ;
    esg:roleTitle "starosta starachowicki"@pl .

e:event\\/spotkanie a schema:Event , esg:Meeting ; skos:prefLabel "Spotkanie"@pl ; schema:startDate "2024-05-17"^^xsd:date ;
    schema:organizer e:organization\\/owes ; schema:attendee e:person\\/jan-nowak ;
    schema:location e:organization\\/starostwo ; dcterms:spatial e:county\\/2611 ; schema:subjectOf e:article\\/a1 .
e:agreement\\/porozumienie a esg:Agreement ; skos:prefLabel "Porozumienie"@pl ; dcterms:date "2024-05-17"^^xsd:date ;
    esg:signatory e:organization\\/starostwo , e:organization\\/owes ; esg:initiator e:person\\/jan-nowak ;
    dcterms:spatial e:county\\/2611 .
e:partnership\\/ps a esg:Partnership ; skos:prefLabel "Partnerstwo lokalne"@pl ; esg:leadPartner e:organization\\/owes ;
    esg:partner e:organization\\/owes , e:organization\\/starostwo .
e:project\\/p a schema:Project ; skos:prefLabel "Projekt"@pl ; esg:partner e:organization\\/owes ;
    schema:funder e:programme\\/rpo .
e:programme\\/rpo a esg:Programme ; skos:prefLabel "RPO WŚ 2014-2020"@pl .

e:st1 a rdf:Statement ; rdf:subject e:event\\/spotkanie ; rdf:predicate schema:organizer ;
    rdf:object e:organization\\/owes ; prov:wasDerivedFrom e:article\\/a1\\/s0 .

e:voivodeship\\/26 a esg:Voivodeship ; skos:prefLabel "województwo świętokrzyskie"@pl ; esg:terytCode "26" .
e:county\\/2611 a esg:County ; skos:prefLabel "powiat starachowicki"@pl ; esg:terytCode "2611" ;
    schema:containedInPlace e:voivodeship\\/26 .
e:gmina\\/2611011 a esg:Municipality ; skos:prefLabel "gmina Starachowice"@pl ; esg:terytCode "2611011" ;
    schema:containedInPlace e:county\\/2611 .
"""

E = "https://w3id.org/esgraf/"


def _valid() -> Graph:
    return Graph().parse(data=VALID, format="turtle")


def _pairs(report: Report) -> set[tuple[str, str | None]]:
    return {(v.focus, v.path) for v in report.violations if v.severity == "Violation"}


def test_shapes_are_valid_shacl():
    # meta_shacl checks the shapes graph against the SHACL-for-SHACL shapes before validating
    conforms, _, text = shacl_validate(Graph(), shacl_graph=shapes_graph(), meta_shacl=True)
    assert conforms, text
    assert len(set(shapes_graph().subjects(RDF.type, SH.NodeShape))) >= 18


def test_hand_made_graph_conforms():
    report = validate_graph(_valid())
    assert report.violations == []
    assert report.conforms


def test_date_without_year_conforms():
    # "17 maja br." in an article without a date line: the day is known, the year is not
    g = _valid()
    _drop(g, "event/spotkanie", "https://schema.org/startDate")
    _drop(g, "agreement/porozumienie", "http://purl.org/dc/terms/date")
    g.parse(data=PREFIXES + """e:event\\/spotkanie schema:startDate "--05-17"^^xsd:gMonthDay .
        e:agreement\\/porozumienie dcterms:date "--05-17"^^xsd:gMonthDay .""", format="turtle")
    assert validate_graph(g).violations == []


def _drop(g: Graph, s: str, p: str) -> None:
    g.remove((URIRef(E + s), URIRef(p), None))


FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
ORG_ORGANIZATION = "http://www.w3.org/ns/org#organization"
TERYT = "https://w3id.org/esgraf/ontology#terytCode"

# (case, triples to drop as (subject under the base, predicate), Turtle to add, expected (focus, path) pairs)
BROKEN = [
    ("person without name", [("person/jan-nowak", FOAF_NAME)], "",
     {(E + "person/jan-nowak", FOAF_NAME)}),
    ("person with two names", [], 'e:person\\/jan-nowak foaf:name "Janek Nowak" .',
     {(E + "person/jan-nowak", FOAF_NAME)}),
    ("person name with a language tag", [("person/jan-nowak", FOAF_NAME)], 'e:person\\/jan-nowak foaf:name "Jan Nowak"@pl .',
     {(E + "person/jan-nowak", FOAF_NAME)}),
    ("membership without organization", [("membership/jan-nowak--starostwo", ORG_ORGANIZATION)], "",
     {(E + "membership/jan-nowak--starostwo", ORG_ORGANIZATION)}),
    ("membership of a county", [("membership/jan-nowak--starostwo", ORG_ORGANIZATION)],
     "e:membership\\/jan-nowak--starostwo org:organization e:county\\/2611 .",
     {(E + "membership/jan-nowak--starostwo", ORG_ORGANIZATION)}),
    ("role that is not a concept", [], 'e:membership\\/jan-nowak--starostwo org:role e:person\\/jan-nowak .',
     {(E + "membership/jan-nowak--starostwo", "http://www.w3.org/ns/org#role"),
      (E + "person/jan-nowak", "http://www.w3.org/2004/02/skos/core#inScheme")}),
    ("county code of three digits", [("county/2611", TERYT)], 'e:county\\/2611 esg:terytCode "261" .',
     {(E + "county/2611", TERYT)}),
    ("gmina code of five digits", [("gmina/2611011", TERYT)], 'e:gmina\\/2611011 esg:terytCode "26110" .',
     {(E + "gmina/2611011", TERYT)}),
    ("voivodeship code as a number", [("voivodeship/26", TERYT)], 'e:voivodeship\\/26 esg:terytCode 26 .',
     {(E + "voivodeship/26", TERYT)}),
    ("county without code", [("county/2611", TERYT)], "", {(E + "county/2611", TERYT)}),
    ("gmina inside a voivodeship", [("gmina/2611011", "https://schema.org/containedInPlace")],
     "e:gmina\\/2611011 schema:containedInPlace e:voivodeship\\/26 .",
     {(E + "gmina/2611011", "https://schema.org/containedInPlace")}),
    ("organisation in two sectors", [], "e:organization\\/owes esg:sector e:concept\\/sector\\/public .",
     {(E + "organization/owes", "https://w3id.org/esgraf/ontology#sector")}),
    ("sector outside the scheme", [("organization/owes", "https://w3id.org/esgraf/ontology#sector")],
     "e:organization\\/owes esg:sector e:concept\\/role\\/prezes .",
     {(E + "organization/owes", "https://w3id.org/esgraf/ontology#sector")}),
    ("organisation without a name", [("organization/owes", "http://www.w3.org/2004/02/skos/core#prefLabel")], "",
     {(E + "organization/owes", "http://www.w3.org/2004/02/skos/core#prefLabel")}),
    ("event date as text", [("event/spotkanie", "https://schema.org/startDate")],
     'e:event\\/spotkanie schema:startDate "17 maja" .', {(E + "event/spotkanie", "https://schema.org/startDate")}),
    ("event with two dates", [], 'e:event\\/spotkanie schema:startDate "--05-18"^^xsd:gMonthDay .',
     {(E + "event/spotkanie", "https://schema.org/startDate")}),
    ("event organised by a county", [], "e:event\\/spotkanie schema:organizer e:county\\/2611 .",
     {(E + "event/spotkanie", "https://schema.org/organizer")}),
    ("agreement signed by a county", [], "e:agreement\\/porozumienie esg:signatory e:county\\/2611 .",
     {(E + "agreement/porozumienie", "https://w3id.org/esgraf/ontology#signatory")}),
    ("agreement dated twice", [], 'e:agreement\\/porozumienie dcterms:date "2024-05-18"^^xsd:date .',
     {(E + "agreement/porozumienie", "http://purl.org/dc/terms/date")}),
    ("project funded by a person", [], "e:project\\/p schema:funder e:person\\/jan-nowak .",
     {(E + "project/p", "https://schema.org/funder")}),
    ("partner that is a place", [], "e:partnership\\/ps esg:partner e:county\\/2611 .",
     {(E + "partnership/ps", "https://w3id.org/esgraf/ontology#partner")}),
    ("sentence that ends before it begins",
     [("article/a1/s0", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex")],
     'e:article\\/a1\\/s0 nif:endIndex "0"^^xsd:nonNegativeInteger .',
     {(E + "article/a1/s0", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex")}),
    ("sentence of an undescribed article",
     [("article/a1/s0", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext")],
     "e:article\\/a1\\/s0 nif:referenceContext e:article\\/unknown .",
     {(E + "article/a1/s0", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext")}),
    ("entity derived from an article, not a sentence", [],
     "e:person\\/jan-nowak prov:wasDerivedFrom e:article\\/a1 .",
     {(E + "person/jan-nowak", "http://www.w3.org/ns/prov#wasDerivedFrom")}),
    ("statement without its sentence", [("st1", "http://www.w3.org/ns/prov#wasDerivedFrom")], "",
     {(E + "st1", "http://www.w3.org/ns/prov#wasDerivedFrom")}),
    ("article without identifier", [("article/a1", "http://purl.org/dc/terms/identifier")], "",
     {(E + "article/a1", "http://purl.org/dc/terms/identifier")}),
    ("article issued on a non-date", [("article/a1", "http://purl.org/dc/terms/issued")],
     'e:article\\/a1 dcterms:issued "wczoraj" .', {(E + "article/a1", "http://purl.org/dc/terms/issued")}),
]


@pytest.mark.parametrize("drop, add, expected", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_graph_fails_where_it_is_broken(drop, add, expected):
    g = _valid()
    for s, p in drop:
        _drop(g, s, p)
    if add:
        g.parse(data=PREFIXES + add, format="turtle")
    report = validate_graph(g)
    assert not report.conforms
    assert _pairs(report) == expected
    assert all(v.message for v in report.violations)


def _load(store: Store, x: Extraction) -> None:
    store.replace_graphs({str(g): triples for g, triples in to_dataset_graphs([x]).items()})


def test_built_article_conforms(store: Store, sample_extraction: Extraction):
    ensure_reference_data(store)
    _load(store, sample_extraction)
    report = validate(store)
    assert report.violations == [], format_report(report)
    assert report.conforms
    assert report.triples > store.count(str(MINT.teryt_graph))


def test_validation_sees_across_graphs(sample_extraction: Extraction):
    # without the metadata graph the sentences' article is unknown: the union is what makes it valid
    store = OxigraphStore()
    ensure_reference_data(store)
    _load(store, sample_extraction)
    store.update(f"DROP GRAPH <{MINT.meta_graph}>")
    report = validate(store, graphs=[str(MINT.article_graph(sample_extraction.article.id))])
    assert not report.conforms
    paths = {v.path for v in report.violations}
    assert paths == {"http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext",
                     "https://schema.org/subjectOf"}


def test_validate_some_graphs(sample_extraction: Extraction):
    store = OxigraphStore()
    ensure_reference_data(store)
    _load(store, sample_extraction)
    bad = "https://w3id.org/esgraf/graph/article/bad"
    store.update(f'INSERT DATA {{ GRAPH <{bad}> {{ <{E}person/x> a <http://xmlns.com/foaf/0.1/Person> }} }}')
    good = str(MINT.article_graph(sample_extraction.article.id))
    report = validate(store, graphs=[good])
    assert report.conforms
    # the article's sentences need its description from the metadata graph, its county the register
    assert report.triples < store.count(str(MINT.teryt_graph))
    assert not validate(store, graphs=[good, bad]).conforms
    report = validate(store, graphs=[bad])
    assert _pairs(report) == {(E + "person/x", FOAF_NAME), (E + "person/x", "http://www.w3.org/2004/02/skos/core#prefLabel")}


def test_format_report():
    g = _valid()
    _drop(g, "person/jan-nowak", FOAF_NAME)
    text = format_report(validate_graph(g))
    lines = text.splitlines()
    assert lines[0] == ("Violation: <https://w3id.org/esgraf/person/jan-nowak> foaf:name: "
                        "a person has exactly one foaf:name, a plain string")
    assert lines[-1].startswith("does not conform:") and "1 violations" in lines[-1]
    assert format_report(validate_graph(_valid())).startswith("conforms:")
