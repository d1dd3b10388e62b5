"""Names of the vocabulary in the reader's language: classes (organisation kinds), sectors, roles and tie kinds.

Class and concept names come from the ontology and the SKOS schemes (``rdfs:label`` / ``skos:prefLabel`` in
Polish and English), so a new organisation kind added there is named on every page without a change here. The
kinds of ties of the cooperation network and the short sector names used on maps are the app's own words.
"""
from __future__ import annotations

from functools import lru_cache

from graph.iri import Minter
from graph.ontology import ontology_graph
from graph.vocab import ESG, ORG, RDFS, SKOS

#: short sector names for maps, tables and legends (the schemes' names are longer: "sektor publiczny")
SECTOR_LABELS: dict[str, dict[str, str]] = {
    "public": {"pl": "publiczny", "en": "public"},
    "social": {"pl": "ekonomia społeczna", "en": "social economy"},
    "business": {"pl": "biznes", "en": "business"},
    "": {"pl": "sektor nieznany", "en": "unknown sector"},
    "person": {"pl": "osoba", "en": "person"},
}

#: how two organisations are tied, as a column of the "who with whom" table reads it
TIE_KIND_LABELS: dict[str, dict[str, str]] = {
    "event": {"pl": "spotkanie", "en": "meeting"},
    "agreement": {"pl": "porozumienie", "en": "agreement"},
    "partnership": {"pl": "partnerstwo", "en": "partnership"},
    "project": {"pl": "projekt", "en": "project"},
    "unit": {"pl": "jednostka", "en": "unit"},
    "founder": {"pl": "założyciel", "en": "founder"},
    "member": {"pl": "członek", "en": "member"},
}

#: a direct tie as a phrase; ``a`` is the subject of the triple (``a org:subOrganizationOf b``). Names stay in
#: the nominative, after a colon, since the graph holds no other case of them
DIRECT_TIES: dict[str, dict[str, str]] = {
    "unit": {"pl": "{a} — jednostka organizacji nadrzędnej: {b}", "en": "{a} is a unit of {b}"},
    "founder": {"pl": "{a} — założyciel: {b}", "en": "{b} founded {a}"},
    "member": {"pl": "{a} — członek organizacji: {b}", "en": "{a} is a member of {b}"},
}


#: the kinds of the vocabulary's own terms, which a search for a word may find
META = {
    "http://www.w3.org/2002/07/owl#Class": {"pl": "klasa", "en": "class"},
    "http://www.w3.org/2000/01/rdf-schema#Class": {"pl": "klasa", "en": "class"},
    "http://www.w3.org/2002/07/owl#ObjectProperty": {"pl": "własność", "en": "property"},
    "http://www.w3.org/2002/07/owl#DatatypeProperty": {"pl": "własność", "en": "property"},
    "http://www.w3.org/2002/07/owl#AnnotationProperty": {"pl": "własność", "en": "property"},
    "http://www.w3.org/2002/07/owl#FunctionalProperty": {"pl": "własność", "en": "property"},
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property": {"pl": "własność", "en": "property"},
    "http://www.w3.org/2004/02/skos/core#ConceptScheme": {"pl": "schemat pojęć", "en": "concept scheme"},
    "http://www.w3.org/2002/07/owl#Ontology": {"pl": "ontologia", "en": "ontology"},
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement": {"pl": "stwierdzenie", "en": "statement"},
}


@lru_cache(maxsize=4)
def _labels(base: str) -> dict[str, dict[str, str]]:
    """IRI -> {language: label} for every class, property and concept of the ontology and schemes."""
    out: dict[str, dict[str, str]] = {k: dict(v) for k, v in META.items()}
    graph = ontology_graph(Minter(base))
    for prop in (SKOS.prefLabel, RDFS.label):
        for s, o in graph.subject_objects(prop):
            lang = getattr(o, "language", None) or ""
            out.setdefault(str(s), {}).setdefault(lang, str(o))
    return out


def term_label(iri: str, lang: str, base: str) -> str | None:
    """The ontology's or schemes' name of ``iri`` in ``lang`` (else English, else any), or None."""
    names = _labels(base).get(str(iri))
    if not names:
        return None
    return names.get(lang) or names.get("en") or next(iter(names.values()))


def kind_label(kind: str, lang: str, base: str) -> str:
    """An organisation's kind, given as the local name the network uses (``CountyOffice``), as a reader names
    it ("starostwo powiatowe"); ``Person`` reads "osoba". An unknown kind is shown as it is."""
    if kind == "Person":
        return SECTOR_LABELS["person"][lang]
    for ns in (str(ESG), str(ORG)):  # the vocabulary keeps its IRIs whatever the base
        label = term_label(ns + kind, lang, base)
        if label:
            return label
    return kind


def sector_label(sector: str | None, lang: str) -> str:
    return SECTOR_LABELS.get(sector or "", SECTOR_LABELS[""])[lang]


def tie_kind_label(kind: str, lang: str) -> str:
    return TIE_KIND_LABELS.get(kind, {}).get(lang, kind)


def direct_tie_label(kind: str, a: str, b: str, lang: str) -> str:
    """A unit, founder or member tie between the organisations named ``a`` and ``b`` as a phrase."""
    template = DIRECT_TIES.get(kind, {}).get(lang)
    return template.format(a=a, b=b) if template else f"{a} — {b}"


__all__ = ["DIRECT_TIES", "SECTOR_LABELS", "TIE_KIND_LABELS", "direct_tie_label", "kind_label", "sector_label",
           "term_label", "tie_kind_label"]
