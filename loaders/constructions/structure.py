"""How organisations hang together: self-governments and their territory, founders, units of a larger body.

"Powiat Starachowicki" governs powiat starachowicki; "spółdzielnia założona przez Gminę Bałtów i Powiat
Ostrowiecki" has two founders; "Departament … Urzędu Marszałkowskiego" and "Departament … w Ministerstwie …"
are units of the body they name.
"""
from __future__ import annotations

from loaders.doc import Doc
from loaders.names import nouns
from loaders.registry import construction
from loaders.relate import after, governs


@construction("self-government", "relations", patterned=False)
def governments(doc: Doc) -> None:
    """A self-government's name says what it governs: "Powiat Konecki", "Gmina Bałtów", "Województwo Śląskie"."""
    reg = doc.gaz.register
    for m in doc.of_type("Organization"):
        if not m.kind or m.kind.kind != "LocalGovernment":
            continue
        words = m.name.split()
        if len(words) < 2:
            continue
        head, rest = words[0].lower(), " ".join(words[1:])
        key = doc.key(m)
        if key is None:
            continue
        if head == "powiat":
            found = reg.counties_by_name(rest.lower(), doc.region) or reg.counties_by_name(rest.lower())
            if found:
                governs(doc, key, "county", found[0].code)
        elif head in ("województwo", "samorząd") and m.region:
            governs(doc, key, "voivodeship", m.region)  # the name's adjective says which one
        elif head in ("gmina", "miasto"):
            gminas = reg.gminas_by_name(rest)
            if doc.region:
                gminas = [g for g in gminas if g.voivodeship == doc.region] or gminas
            if gminas:
                governs(doc, key, "gmina", gminas[0].code)


@construction("founder-by", "relations", patterned=False)
def founders(doc: Doc) -> None:
    """ "założona / utworzona / powołana przez X i Y": the organisation before the cue was founded by them."""
    cues = doc.gaz.words("founder_cues")
    for s in range(len(doc.sentences)):
        toks = doc.sentence_tokens(s)
        for n, t in enumerate(toks):
            if not t.lemmas & cues:
                continue
            przez = next((u for u in toks[n + 1:n + 3] if u.text.lower() == "przez"), None)
            if przez is None:
                continue
            subject = _founded(doc, s, t.i)
            for f in after(doc, s, przez.i + 1, ("Organization", "Person"), stop_at_clause=True):
                if subject:
                    doc.relate("founder", subject, doc.key(f), s, "founder-by")


def _founded(doc: Doc, s: int, cue: int) -> str | None:
    """What was founded: an organisation before the cue in the sentence, or the one a bare noun refers to."""
    before = [m for m in doc.in_sentence(s, ("Organization",)) if m.end <= cue]
    if before:
        return doc.key(before[-1])
    for t in reversed([u for u in doc.sentence_tokens(s) if u.i < cue]):
        lemma = next((i.lemma.lower() for i in nouns(t) if i.lemma.lower() in doc.gaz.heads), None)
        if lemma:
            for m in sorted(doc.of_type("Organization"), key=lambda m: -m.start):
                if m.start < t.i and m.head >= 0 and lemma in doc.tokens[m.head].lemmas:
                    return doc.key(m)
    return None


@construction("unit-of", "relations", patterned=False)
def units(doc: Doc) -> None:
    """A body named inside another's name in the genitive, or after "w" / "przy", is the unit it belongs to; an
    organ or office of a self-government is linked to it instead."""
    for m in doc.of_type("Organization"):
        parent = doc.by_id.get(m.parent) if m.parent else None
        if parent is not None and doc.key(parent):
            local = parent.kind is not None and parent.kind.kind == "LocalGovernment"
            doc.relate("linked" if local else "suborganization", doc.key(m), doc.key(parent), m.sentence, "unit-of")
        if m.kind and m.kind.kind in ("GovernmentDepartment", "GovernmentBody"):
            k = m.end
            if k + 1 < len(doc.tokens) and doc.tokens[k].text.lower() in ("w", "we", "przy"):
                other = doc.starting_at(k + 1)
                if other is not None and other.type == "Organization":
                    local = other.kind is not None and other.kind.kind == "LocalGovernment"
                    doc.relate("linked" if local else "suborganization", doc.key(m), doc.key(other), m.sentence,
                               "unit-of")
