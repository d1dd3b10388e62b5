"""The vocabularies esgraf writes, as closed namespaces.

A typo in a term fails where it is written, not in a query a year later: ``ESG``, ``SCHEMA`` and ``NIF`` are
closed here, and ``ORG`` (the W3C Organization Ontology) comes closed from rdflib. The esgraf terms (``ESG``) are
defined in ``ontology/esgraf.ttl``; a test checks that every term listed here is declared there and vice versa.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, VOID, XSD, DefinedNamespace

BASE = "https://w3id.org/esgraf/"


class ESG(DefinedNamespace):
    """esgraf ontology: the kinds of organisation, agreements, territories and provenance helpers."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # organisation kinds (all below org:FormalOrganization)
    PublicInstitution: URIRef
    SocialEconomyOrganization: URIRef
    Business: URIRef
    RegionalSocialPolicyCentre: URIRef  # ROPS
    SocialEconomySupportCentre: URIRef  # OWES
    LocalGovernment: URIRef  # powiat, gmina, miasto, województwo as a self-government body
    GovernmentBody: URIRef  # zarząd, rada, komitet, zespół
    CountyOffice: URIRef  # starostwo powiatowe
    MunicipalOffice: URIRef  # urząd gminy / miasta
    MarshalOffice: URIRef  # urząd marszałkowski
    VoivodeshipOffice: URIRef  # urząd wojewódzki
    SocialWelfareCentre: URIRef  # OPS, MOPS, GOPS, MOPR
    FamilySupportCentre: URIRef  # PCPR
    LabourOffice: URIRef  # PUP, MUP
    RegionalLabourOffice: URIRef  # WUP
    Ministry: URIRef
    GovernmentDepartment: URIRef  # departament, wydział
    School: URIRef
    University: URIRef
    Association: URIRef  # stowarzyszenie
    Foundation: URIRef  # fundacja
    SocialCooperative: URIRef  # spółdzielnia socjalna
    Cooperative: URIRef
    SocialIntegrationCentre: URIRef  # CIS
    SocialIntegrationClub: URIRef  # KIS
    OccupationalTherapyWorkshop: URIRef  # WTZ
    VocationalActivityEstablishment: URIRef  # ZAZ
    LocalActionGroup: URIRef  # LGD
    ReligiousCharity: URIRef  # Caritas, parafia
    SocialEnterprise: URIRef
    Company: URIRef
    Bank: URIRef
    # other classes
    Partnership: URIRef
    Agreement: URIRef
    Programme: URIRef
    Meeting: URIRef
    Voivodeship: URIRef
    County: URIRef
    Municipality: URIRef
    Article: URIRef
    # properties
    sector: URIRef
    kind: URIRef
    defaultSector: URIRef
    signatory: URIRef
    initiator: URIRef
    leadPartner: URIRef
    partner: URIRef
    governs: URIRef
    terytCode: URIRef
    acronym: URIRef
    roleTitle: URIRef
    construction: URIRef
    mention: URIRef


class SCHEMA(SDO):
    """schema.org, closed: the terms rdflib's ``SDO`` lists, and no other (``SDO`` only warns)."""

    _fail = True


class NIF(DefinedNamespace):
    """NIF Core: the strings and offsets that tie a fact to its sentence."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    String: URIRef
    Sentence: URIRef
    Phrase: URIRef
    Word: URIRef
    referenceContext: URIRef
    anchorOf: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    isString: URIRef
    sourceUrl: URIRef


SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "esg": str(ESG._NS),
    "esgr": BASE,
    "schema": str(SCHEMA),
    "org": str(ORG),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "nif": str(NIF),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "void": str(VOID),
    "dcat": str(DCAT),
    "wd": str(WD),
}


def sparql_prefixes(names: list[str] | None = None) -> str:
    """PREFIX lines for a SPARQL query, all of them unless ``names`` picks some."""
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items() if names is None or k in names)


__all__ = ["ESG", "SCHEMA", "ORG", "NIF", "SH", "WD", "PREFIXES", "BASE", "sparql_prefixes",
           "DCTERMS", "FOAF", "OWL", "PROV", "RDF", "RDFS", "SKOS", "VOID", "XSD", "DCAT"]
