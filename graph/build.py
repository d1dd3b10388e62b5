"""Turn an :class:`~graph.model.Extraction` into triples: one named graph per article, plus its description.

The shape of the graph (see README, "Data model"):

* people ``foaf:Person``; organisations ``org:Organization`` and an esgraf kind class, with ``esg:sector``;
* roles as ``org:Membership`` (``org:member``, ``org:organization``, ``org:role`` → a SKOS concept,
  ``esg:roleTitle`` the title as written), with ``org:memberOf`` as a shortcut;
* meetings ``schema:Event`` with ``schema:startDate``, ``schema:location``, ``schema:organizer``,
  ``schema:attendee`` and ``dcterms:spatial``;
* every entity ``prov:wasDerivedFrom`` the ``nif:Sentence`` nodes it was read from, and every relation triple
  reified as an ``rdf:Statement`` that points to its sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graph.iri import MINT, TERRITORIES, Minter
from graph.model import SECTORS, Entity, Extraction, reads_as_acronym
from graph.vocab import DCTERMS, ESG, FOAF, NIF, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

Triple = tuple[Node, Node, Node]

#: relation kind -> predicate
PREDICATES: dict[str, URIRef] = {
    "organizer": SCHEMA.organizer,
    "location": SCHEMA.location,
    "attendee": SCHEMA.attendee,
    "about": DCTERMS.spatial,
    "signatory": ESG.signatory,
    "initiator": ESG.initiator,
    "founder": SCHEMA.founder,
    "partner": ESG.partner,
    "lead_partner": ESG.leadPartner,
    "funder": SCHEMA.funder,
    "suborganization": ORG.subOrganizationOf,
    "governs": ESG.governs,
    "part_of": DCTERMS.isPartOf,
    "linked": ORG.linkedTo,
}

#: entity type -> classes every such node gets (organisations add their kind)
TYPE_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Person": (FOAF.Person, SCHEMA.Person),
    "Organization": (ORG.Organization,),
    "County": (ESG.County,),
    "Voivodeship": (ESG.Voivodeship,),
    "Municipality": (ESG.Municipality,),
    "Partnership": (ESG.Partnership,),
    "Agreement": (ESG.Agreement,),
    "Project": (SCHEMA.Project,),
    "Programme": (ESG.Programme,),
    "Event": (SCHEMA.Event, ESG.Meeting),
}

#: bidirectional controls (right-to-left override, isolates, marks): in a name they make it show as other letters
#: than it has, so labels never carry them, whatever the extraction was given
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def label(text: str) -> str:
    """A name as a label: without bidirectional controls."""
    return _BIDI.sub("", text)


def entity_iri(e: Entity, mint: Minter = MINT) -> URIRef:
    if e.type in TERRITORIES and e.teryt:
        return mint.entity(e.type, e.teryt)
    return mint.entity(e.type, e.key)


def article_triples(x: Extraction, mint: Minter = MINT) -> list[Triple]:
    """The triples of one article's named graph."""
    a = x.article
    art = mint.article(a.id)
    out: list[Triple] = []
    add = out.append
    iri = {k: entity_iri(e, mint) for k, e in x.entities.items()}
    sent = {s.index: mint.sentence(a.id, s.index) for s in x.sentences}

    used_sentences: set[int] = set()
    for e in x.entities.values():
        used_sentences |= e.sentences
    for r in x.relations:
        if r.sentence is not None:
            used_sentences.add(r.sentence)
    for s in x.sentences:
        if s.index not in used_sentences:
            continue
        node = sent[s.index]
        add((node, RDF.type, NIF.Sentence))
        add((node, NIF.referenceContext, art))
        # xsd:integer, not NIF's nonNegativeInteger: stores (Oxigraph among them) canonicalise to it, and a
        # graph must read back as it was written for re-loads to be checked as isomorphic
        add((node, NIF.beginIndex, Literal(s.start, datatype=XSD.integer)))
        add((node, NIF.endIndex, Literal(s.end, datatype=XSD.integer)))
        add((node, NIF.anchorOf, Literal(s.text)))

    for k, e in x.entities.items():
        node = iri[k]
        if e.reference:
            continue  # described by reference data (TERYT); the article only links to it
        for cls in TYPE_CLASSES[e.type]:
            add((node, RDF.type, cls))
        if e.type == "Organization" and e.kind:
            add((node, RDF.type, ESG[e.kind]))
        if e.type == "Organization" and e.sector in SECTORS:
            add((node, ESG.sector, mint.concept("sector", e.sector)))
        name = label(e.name) if e.name else ""
        if name:
            add((node, SKOS.prefLabel, Literal(name, lang="pl")))
            add((node, RDFS.label, Literal(name, lang="pl")))
            if e.type == "Person":
                add((node, FOAF.name, Literal(name)))
        for alias in sorted({label(a) for a in e.aliases} - {name, ""}):
            add((node, SKOS.altLabel, Literal(alias, lang="pl")))
            if reads_as_acronym(alias):
                add((node, ESG.acronym, Literal(alias)))
        if e.teryt:
            add((node, ESG.terytCode, Literal(e.teryt)))
        pred = SCHEMA.startDate if e.type == "Event" else DCTERMS.date
        if e.date:
            add((node, pred, Literal(e.date.isoformat(), datatype=XSD.date)))
        elif e.date_partial:  # the article gives day and month but no year ("17 maja br." without a date line)
            add((node, pred, Literal(e.date_partial, datatype=XSD.gMonthDay)))
        if e.type == "Event":
            add((node, SCHEMA.subjectOf, art))
        for i in sorted(e.sentences):
            if i in sent:
                add((node, PROV.wasDerivedFrom, sent[i]))

    n_statement = 0

    def reify(s: Node, p: Node, o: Node, sentence: int | None, by: str | None = None) -> None:
        nonlocal n_statement
        if sentence is None or sentence not in sent:
            return
        n_statement += 1
        st = mint.statement(a.id, n_statement)
        add((st, RDF.type, RDF.Statement))
        add((st, RDF.subject, s))
        add((st, RDF.predicate, p))
        add((st, RDF.object, o))
        add((st, PROV.wasDerivedFrom, sent[sentence]))
        if by:
            add((st, ESG.construction, Literal(by)))

    for r in x.relations:
        if r.s not in iri or r.o not in iri:
            continue
        s, o = iri[r.s], iri[r.o]
        if r.kind == "role":
            m = mint.membership(r.s, r.o)
            add((m, RDF.type, ORG.Membership))
            add((m, ORG.member, s))
            add((m, ORG.organization, o))
            if r.role:
                concept = mint.concept("role", r.role)
                add((m, ORG.role, concept))
                add((concept, RDF.type, SKOS.Concept))
                add((concept, RDF.type, ORG.Role))
                add((concept, SKOS.prefLabel, Literal(label(r.role), lang="pl")))
                add((concept, SKOS.inScheme, mint.scheme("role")))
            if r.title:
                add((m, ESG.roleTitle, Literal(label(r.title), lang="pl")))
                add((m, RDFS.label, Literal(label(r.title), lang="pl")))
            if r.sentence in sent:
                add((m, PROV.wasDerivedFrom, sent[r.sentence]))
            add((s, ORG.memberOf, o))
            reify(s, ORG.memberOf, o, r.sentence, r.construction)
            continue
        pred = PREDICATES[r.kind]
        add((s, pred, o))
        reify(s, pred, o, r.sentence, r.construction)
    return _unique(out)


def meta_triples(x: Extraction, mint: Minter = MINT) -> list[Triple]:
    """The article's description in the metadata graph: source, title, date, the graph it fills."""
    a = x.article
    art = mint.article(a.id)
    g = mint.article_graph(a.id)
    out: list[Triple] = [
        (art, RDF.type, ESG.Article),
        (art, RDF.type, SCHEMA.NewsArticle),
        (art, RDF.type, PROV.Entity),
        (art, DCTERMS.identifier, Literal(a.id)),
        (g, PROV.wasDerivedFrom, art),
        (g, DCTERMS.source, art),
    ]
    if a.title:
        out.append((art, DCTERMS.title, Literal(label(a.title), lang="pl")))
    if a.url:
        out.append((art, DCTERMS.source, URIRef(a.url)))
    if a.published:
        out.append((art, DCTERMS.issued, Literal(a.published.isoformat(), datatype=XSD.date)))
    if x.event and x.event in x.entities:
        out.append((art, SCHEMA.about, entity_iri(x.entities[x.event], mint)))
    return out


def _unique(triples: Iterable[Triple]) -> list[Triple]:
    return list(dict.fromkeys(triples))


def to_dataset_graphs(extractions: Iterable[Extraction], mint: Minter = MINT) -> dict[URIRef, list[Triple]]:
    """All graphs for a set of extractions: each article's graph, and the metadata graph."""
    graphs: dict[URIRef, list[Triple]] = {}
    meta: list[Triple] = []
    for x in extractions:
        graphs[mint.article_graph(x.article.id)] = article_triples(x, mint)
        meta += meta_triples(x, mint)
    graphs[mint.meta_graph] = _unique(meta)
    return graphs


def as_graph(triples: Iterable[Triple]) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g
