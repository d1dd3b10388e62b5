"""What the linked-data pages show: an entity with its links, roles and the sentences they were read from;
an article with everything read from it; a county with the actors and activities in it; home-page counts.

Every function runs a few SPARQL queries through the :class:`~graph.store.Store` interface and returns plain
dataclasses of strings, so pages (and tests) never handle RDF terms.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef

from graph.iri import local_name
from graph.store import Store
from graph.vocab import ESG, FOAF, NIF, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, sparql_prefixes

P = sparql_prefixes()

#: predicates whose links the page shows elsewhere or not at all
HIDDEN = {str(RDF.type), str(PROV.wasDerivedFrom), str(ORG.memberOf), str(RDF.subject), str(RDF.object),
          str(ORG.member), str(ORG.organization), str(NIF.referenceContext), str(SKOS.inScheme)}
LABEL_PREDICATES = {str(SKOS.prefLabel), str(RDFS.label), str(FOAF.name), str(SKOS.altLabel), str(ESG.acronym)}

#: class -> group name (a key of the interface strings), for lists by type
GROUPS: dict[str, str] = {
    str(FOAF.Person): "persons", str(ORG.Organization): "organizations", str(SCHEMA.Event): "events",
    str(ESG.Agreement): "agreements", str(ESG.Partnership): "partnerships", str(SCHEMA.Project): "projects",
    str(ESG.Programme): "projects", str(ESG.County): "counties", str(ESG.Municipality): "counties",
    str(ESG.Voivodeship): "counties",
}


@dataclass
class Source:
    """A sentence of an article that a fact or a mention was read from."""

    text: str
    article: str
    title: str = ""
    url: str = ""
    issued: str = ""


@dataclass
class Link:
    direction: str  # out: the entity is the subject; in: the object
    predicate: str
    other: str
    label: str
    sources: list[Source] = field(default_factory=list)


@dataclass
class Role:
    person: str
    person_label: str
    org: str
    org_label: str
    role: str = ""
    title: str = ""
    sources: list[Source] = field(default_factory=list)


@dataclass
class Entity:
    iri: str
    label: str
    types: list[tuple[str, str]] = field(default_factory=list)  # (class IRI, label)
    aliases: list[str] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)  # (predicate, literal value)
    links: list[Link] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Source] = field(default_factory=list)

    def has_type(self, cls: URIRef) -> bool:
        return any(t == str(cls) for t, _ in self.types)

    def grouped_links(self) -> list[tuple[tuple[str, str], list[Link]]]:
        groups: dict[tuple[str, str], list[Link]] = defaultdict(list)
        for link in self.links:
            groups[(link.direction, link.predicate)].append(link)
        return sorted(groups.items(), key=lambda kv: (kv[0][0] != "out", kv[0][1]))


def _q(store: Store, query: str) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in row.items()} for row in store.select(P + query)]


def exists(store: Store, iri: str) -> bool:
    return store.ask(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}")


def describe(store: Store, iri: str) -> Graph:
    """The triples about ``iri``: where it is the subject, and where it is the object."""
    return store.construct(f"CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> }} "
                           f"WHERE {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> }} }}")


def _source(row: dict[str, str], prefix: str = "") -> Source:
    return Source(row[prefix + "text"], row[prefix + "art"], row.get(prefix + "title", ""),
                  row.get(prefix + "url", ""), row.get(prefix + "issued", ""))


_ARTICLE = """?sent nif:anchorOf ?text ; nif:referenceContext ?art .
  OPTIONAL { ?art dcterms:title ?title } OPTIONAL { ?art dcterms:source ?url }
  OPTIONAL { ?art dcterms:issued ?issued }"""


def entity(store: Store, iri: str, lang: str = "pl") -> Entity | None:
    """Everything the page of ``iri`` shows, or None if the graph does not know it.

    Where a linked thing (a class, a concept) has labels in several languages, ``lang`` is preferred.
    """
    rows_out = _q(store, f"""SELECT ?p ?o ?olabel (isLiteral(?o) AS ?lit) WHERE {{
  <{iri}> ?p ?o . OPTIONAL {{ ?o skos:prefLabel|rdfs:label|dcterms:title ?olabel }} }}
  ORDER BY DESC(LANGMATCHES(LANG(?olabel), "{lang}"))""")
    rows_in = _q(store, f"""SELECT ?s ?p ?slabel WHERE {{
  ?s ?p <{iri}> . OPTIONAL {{ ?s skos:prefLabel|rdfs:label|dcterms:title ?slabel }} }}""")
    if not rows_out and not rows_in:
        return None
    ent = Entity(iri, "")
    labels: dict[str, str] = {}
    seen_links: dict[tuple[str, str, str], Link] = {}
    types: dict[str, str] = {}
    for r in rows_out:
        p, o = r["p"], r["o"]
        if p == str(RDF.type):
            types.setdefault(o, r.get("olabel", "") or local_name(o))
        elif r["lit"] == "true":
            if p in LABEL_PREDICATES:
                labels.setdefault(p, o)
                if p in (str(SKOS.altLabel), str(ESG.acronym)) and o not in ent.aliases:
                    ent.aliases.append(o)
            elif (p, o) not in ent.properties:
                ent.properties.append((p, o))
        elif p not in HIDDEN:
            key = ("out", p, o)
            if key not in seen_links:
                seen_links[key] = Link("out", p, o, r.get("olabel", "") or local_name(o))
    for r in rows_in:
        p, s = r["p"], r["s"]
        if p in HIDDEN or p == str(SCHEMA.about):
            continue
        key = ("in", p, s)
        if key not in seen_links:
            seen_links[key] = Link("in", p, s, r.get("slabel", "") or local_name(s))
    ent.label = next((labels[p] for p in (str(SKOS.prefLabel), str(RDFS.label), str(FOAF.name))
                      if p in labels), "") or local_name(iri)
    ent.aliases = sorted(a for a in ent.aliases if a != ent.label)
    by_label: dict[str, str] = {}  # foaf:Person and schema:Person both read "osoba": show it once
    for cls, label in sorted(types.items()):
        by_label.setdefault(label.casefold(), cls)
    ent.types = sorted(((cls, types[cls]) for cls in by_label.values()), key=lambda kv: kv[1])
    for r in _q(store, f"""SELECT DISTINCT ?s ?p ?o ?text ?art ?title ?url ?issued WHERE {{
  {{ ?st rdf:subject <{iri}> ; rdf:predicate ?p ; rdf:object ?o . BIND(<{iri}> AS ?s) }}
  UNION {{ ?st rdf:object <{iri}> ; rdf:predicate ?p ; rdf:subject ?s . BIND(<{iri}> AS ?o) }}
  ?st prov:wasDerivedFrom ?sent . {_ARTICLE} }}"""):
        key = ("out", r["p"], r["o"]) if r["s"] == iri else ("in", r["p"], r["s"])
        if key in seen_links:
            seen_links[key].sources.append(_source(r))
    ent.links = sorted(seen_links.values(), key=lambda link: link.label.casefold())
    ent.roles = roles(store, iri)
    ent.mentions = [_source(r) for r in _q(store, f"""SELECT DISTINCT ?text ?art ?title ?url ?issued WHERE {{
  <{iri}> prov:wasDerivedFrom ?sent . {_ARTICLE} }} ORDER BY DESC(?issued) ?art""")]
    return ent


def roles(store: Store, iri: str) -> list[Role]:
    """The memberships of a person, or the people of an organisation, with role titles and sources.

    Two queries, the memberships and then their sentences: joined in one, the store would read the sentences of
    every membership in the graph before keeping this entity's (seconds on a million triples).
    """
    mine = f"{{ ?m org:member <{iri}> }} UNION {{ ?m org:organization <{iri}> }}"
    out: dict[str, Role] = {}
    for r in _q(store, f"""SELECT ?m ?person ?plabel ?org ?olabel ?role ?title WHERE {{
  {mine}
  ?m org:member ?person ; org:organization ?org .
  OPTIONAL {{ ?person skos:prefLabel ?plabel }} OPTIONAL {{ ?org skos:prefLabel ?olabel }}
  OPTIONAL {{ ?m org:role/skos:prefLabel ?role }} OPTIONAL {{ ?m esg:roleTitle ?title }}
}}"""):
        role = out.setdefault(r["m"], Role(r["person"], r.get("plabel", local_name(r["person"])), r["org"],
                                           r.get("olabel", local_name(r["org"]))))
        role.role = role.role or r.get("role", "")
        role.title = role.title or r.get("title", "")
    if out:
        for r in _q(store, f"""SELECT ?m ?text ?art ?atitle ?url WHERE {{
  {mine}
  ?m prov:wasDerivedFrom ?sent . ?sent nif:anchorOf ?text ; nif:referenceContext ?art .
  OPTIONAL {{ ?art dcterms:title ?atitle }} OPTIONAL {{ ?art dcterms:source ?url }}
}}"""):
            role = out.get(r["m"])
            src = Source(r["text"], r["art"], r.get("atitle", ""), r.get("url", ""))
            if role is not None and src not in role.sources:
                role.sources.append(src)
    return sorted(out.values(), key=lambda x: (x.person_label, x.org_label))


@dataclass
class Article:
    iri: str
    title: str = ""
    url: str = ""
    issued: str = ""
    identifier: str = ""
    groups: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # group -> [(iri, label)]
    sentences: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # text, [(iri, label)]
    facts: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)  # s, slabel, p, o, olabel, text


def article(store: Store, iri: str, graph: str) -> Article | None:
    """An article's description and everything read from it (its named graph ``graph``)."""
    meta = _q(store, f"""SELECT ?title ?url ?issued ?id WHERE {{ <{iri}> a esg:Article .
  OPTIONAL {{ <{iri}> dcterms:title ?title }} OPTIONAL {{ <{iri}> dcterms:source ?url }}
  OPTIONAL {{ <{iri}> dcterms:issued ?issued }} OPTIONAL {{ <{iri}> dcterms:identifier ?id }} }}""")
    if not meta:
        return None
    m = meta[0]
    art = Article(iri, m.get("title", ""), m.get("url", ""), m.get("issued", ""), m.get("id", ""))
    groups: dict[str, dict[str, str]] = defaultdict(dict)
    for r in _q(store, f"""SELECT ?e ?type ?label WHERE {{ GRAPH <{graph}> {{ ?e a ?type .
  OPTIONAL {{ ?e skos:prefLabel ?label }} }} }}"""):
        group = GROUPS.get(r["type"])
        if group:
            groups[group][r["e"]] = r.get("label", local_name(r["e"]))
    art.groups = {g: sorted(items.items(), key=lambda kv: kv[1].casefold()) for g, items in groups.items()}
    sentences: dict[str, tuple[int, str, dict[str, str]]] = {}
    for r in _q(store, f"""SELECT ?s ?text ?begin ?e ?label WHERE {{ GRAPH <{graph}> {{
  ?s a nif:Sentence ; nif:anchorOf ?text ; nif:beginIndex ?begin .
  OPTIONAL {{ ?e prov:wasDerivedFrom ?s . FILTER NOT EXISTS {{ ?e a org:Membership }}
             FILTER NOT EXISTS {{ ?e a rdf:Statement }}
             OPTIONAL {{ ?e skos:prefLabel ?label }} }} }} }}"""):
        begin = int(r["begin"])
        entry = sentences.setdefault(r["s"], (begin, r["text"], {}))
        if "e" in r:
            entry[2][r["e"]] = r.get("label", local_name(r["e"]))
    art.sentences = [(text, sorted(ents.items(), key=lambda kv: kv[1]))
                     for _, text, ents in sorted(sentences.values())]
    for r in _q(store, f"""SELECT ?s ?sl ?p ?o ?ol ?text ?begin WHERE {{ GRAPH <{graph}> {{
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sent .
  ?sent nif:anchorOf ?text ; nif:beginIndex ?begin .
  OPTIONAL {{ ?s skos:prefLabel ?sl }} OPTIONAL {{ ?o skos:prefLabel ?ol }} }} }} ORDER BY ?begin ?sl"""):
        art.facts.append((r["s"], r.get("sl", local_name(r["s"])), r["p"], r["o"], r.get("ol", local_name(r["o"])),
                          r["text"]))
    return art


@dataclass
class CountyOverview:
    actors: list[tuple[str, str]]  # (iri, label) of organisations active in the county
    activities: dict[str, list[tuple[str, str, str]]]  # group -> [(iri, label, date)]


def county(store: Store, iri: str) -> CountyOverview:
    """The organisations acting in a county (or voivodeship) and the meetings, agreements, partnerships and projects
    there, those of the places inside it (a voivodeship's counties, a county's gminas) included."""
    # the county's own things first, in a subquery: the store would otherwise start from every organisation
    actors = {r["org"]: r.get("label", local_name(r["org"])) for r in _q(store, f"""SELECT DISTINCT ?org ?label WHERE {{
  {{ SELECT DISTINCT ?org WHERE {{
    {{ ?org esg:governs <{iri}> }} UNION {{ ?org dcterms:spatial <{iri}> }} UNION
    {{ ?x dcterms:spatial <{iri}> .
       ?x schema:attendee|schema:organizer|schema:location|esg:signatory|esg:initiator|esg:partner|esg:leadPartner ?org }}
  }} }}
  ?org a org:Organization . OPTIONAL {{ ?org skos:prefLabel ?label }} }}""")}
    activities: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for r in _q(store, f"""SELECT DISTINCT ?x ?type ?label ?date WHERE {{
  {{ SELECT DISTINCT ?x WHERE {{ {{ ?p schema:containedInPlace* <{iri}> . ?x dcterms:spatial ?p }} UNION
                               {{ ?x schema:location/esg:governs <{iri}> }} }} }}
  ?x a ?type . OPTIONAL {{ ?x skos:prefLabel ?label }}
  OPTIONAL {{ ?x schema:startDate|dcterms:date ?date }} }}"""):
        group = GROUPS.get(r["type"])
        if group in ("events", "agreements", "partnerships", "projects"):
            activities[group][r["x"]] = (r.get("label", local_name(r["x"])), r.get("date", ""))
    return CountyOverview(
        sorted(actors.items(), key=lambda kv: kv[1].casefold()),
        {g: sorted(((i, lab, d) for i, (lab, d) in items.items()), key=lambda x: (x[2], x[1]), reverse=True)
         for g, items in activities.items()})


def counties(store: Store) -> list[tuple[str, str, str, int]]:
    """Counties with anything located in them: (iri, label, TERYT code, number of things), busiest first."""
    rows = _q(store, """SELECT ?c (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?code) (COUNT(DISTINCT ?x) AS ?n) WHERE {
  ?c a esg:County . ?x dcterms:spatial ?c .
  OPTIONAL { ?c skos:prefLabel|rdfs:label ?l } OPTIONAL { ?c esg:terytCode ?t } } GROUP BY ?c""")
    return sorted(((r["c"], r.get("label", local_name(r["c"])), r.get("code", ""), int(r["n"])) for r in rows),
                  key=lambda x: (-x[3], x[1]))


COUNTED = {"articles": ESG.Article, "persons": FOAF.Person, "organizations": ORG.Organization,
           "events": SCHEMA.Event, "agreements": ESG.Agreement, "partnerships": ESG.Partnership,
           "projects": SCHEMA.Project}


def counts(store: Store) -> dict[str, int]:
    """How many things of each main kind the graph holds, and its triples."""
    values = " ".join(f"<{c}>" for c in COUNTED.values())
    by_class = {r["t"]: int(r["n"]) for r in _q(store, f"""SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  VALUES ?t {{ {values} }} ?s a ?t }} GROUP BY ?t""")}
    out = {name: by_class.get(str(cls), 0) for name, cls in COUNTED.items()}
    out["triples"] = store.count()
    return out


def ontology_terms(graph: Graph) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(classes, properties) of an ontology graph as (IRI, label, comment)."""
    from rdflib.namespace import OWL

    def describe_terms(kinds: tuple[URIRef, ...]) -> list[tuple[str, str, str]]:
        out = {}
        for kind in kinds:
            for term in graph.subjects(RDF.type, kind):
                if not isinstance(term, URIRef):
                    continue
                label = _pick(graph.objects(term, RDFS.label)) or local_name(str(term))
                comment = _pick(graph.objects(term, RDFS.comment))
                out[str(term)] = (str(term), label, comment)
        return sorted(out.values(), key=lambda x: x[0])

    return (describe_terms((OWL.Class, RDFS.Class)),
            describe_terms((OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)))


def _pick(values: object) -> str:
    """A Polish literal if there is one, else any."""
    values = list(values)
    for v in values:
        if isinstance(v, Literal) and v.language == "pl":
            return str(v)
    return str(values[0]) if values else ""


__all__ = ["Article", "CountyOverview", "Entity", "Link", "Role", "Source", "article", "counties", "counts",
           "county", "describe", "entity", "exists", "ontology_terms", "roles"]
