"""The things that travel from extraction to the graph: plain dataclasses, no RDF terms.

``loaders/`` fills them from text; ``graph.build`` turns them into triples. Every mention keeps its
character offsets and every entity and relation the sentences it was read from, so each triple can point
back to the sentence of the article it came from.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: entity types, as the graph knows them
ENTITY_TYPES = ("Person", "Organization", "County", "Voivodeship", "Municipality", "Partnership", "Agreement",
                "Project", "Programme", "Event")

#: the sectors an organisation belongs to (``esg:sector``), as the concept scheme names them
SECTORS = ("public", "social", "business")

#: relation kinds: subject type -> object type
RELATION_KINDS = {
    "role": ("Person", "Organization"),            # person holds a role in an organisation
    "organizer": ("Event", "Organization|Person"),
    "location": ("Event", "Organization|Municipality|County"),
    "attendee": ("Event", "Person|Organization"),
    "about": ("Event|Agreement|Partnership|Project|Organization", "County|Municipality|Voivodeship"),
    "signatory": ("Agreement", "Organization|Person"),
    "initiator": ("Agreement|Partnership", "Organization|Person"),
    "founder": ("Organization", "Organization|Person"),
    "partner": ("Project|Partnership", "Organization|Person"),
    "lead_partner": ("Project|Partnership", "Organization|Person"),
    "funder": ("Project", "Programme|Organization"),
    "suborganization": ("Organization", "Organization"),
    "governs": ("Organization", "County|Municipality|Voivodeship"),
    "part_of": ("Programme", "Programme"),
    "linked": ("Organization", "Organization"),  # an organ or office of a self-government ("Zarząd Powiatu X")
}


def reads_as_acronym(name: str) -> bool:
    """A name written as an acronym ("ROPS", "KOOWES", "mOWES", "MRPiPS"): short, one word, mostly capitals."""
    upper = sum(ch.isupper() for ch in name)
    return len(name) <= 12 and " " not in name and (name.isupper() or (upper >= 2 and 2 * upper >= len(name)))


@dataclass
class Article:
    """One article as read: its text and what its source says about it."""

    id: str  # stable, readable, unique in a corpus: used in IRIs
    text: str
    source: str  # file path or URL it was read from
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    region: str | None = None  # voivodeship TERYT code, when the source tells


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """A real-world thing an article names, with its name in the nominative."""

    key: str  # slug, unique per type within an extraction; becomes the IRI tail
    type: str  # one of ENTITY_TYPES
    name: str  # canonical nominative name
    aliases: set[str] = field(default_factory=set)  # other nominative names and acronyms
    kind: str | None = None  # organisation kind: an esg: class local name
    sector: str | None = None  # public | social | business
    teryt: str | None = None  # TERYT code for territories
    wikidata: str | None = None
    date: dt.date | None = None  # start date of an event, signing date of an agreement
    date_partial: str | None = None  # "--05-17" when the year is not known
    sentences: set[int] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character offsets in the article text
    reference: bool = False  # not named in the article, only linked to (a county a starosta governs)


@dataclass
class Relation:
    kind: str  # one of RELATION_KINDS
    s: str  # entity key
    o: str  # entity key
    role: str | None = None  # role word (lemma) for kind == "role", e.g. "starosta"
    title: str | None = None  # the full role title as written in the nominative, e.g. "doradca ds. ekonomii"
    sentence: int | None = None
    construction: str | None = None  # the extraction rule that read it ("role-after-name")


@dataclass
class Extraction:
    """Everything read from one article."""

    article: Article
    sentences: list[Sentence]
    entities: dict[str, Entity]
    relations: list[Relation]
    event: str | None = None  # key of the meeting the article reports
    warnings: list[str] = field(default_factory=list)

    def add_relation(self, rel: Relation) -> None:
        """Add a relation once; the same (kind, s, o) read twice keeps the first sentence."""
        for r in self.relations:
            if (r.kind, r.s, r.o) == (rel.kind, rel.s, rel.o):
                if rel.role and not r.role:
                    r.role, r.title = rel.role, rel.title
                return
        self.relations.append(rel)
