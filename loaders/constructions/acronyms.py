"""Organisations named by a kind's acronym with a place or a name of their own.

"RCPS w Łodzi" is Regionalne Centrum Polityki Społecznej w Łodzi (the acronym's full name is data,
``[acronym_names]`` in ``words.toml``), "OWES Ja-Ty-My" and "KGW Borkowo" are named by what follows the acronym,
and "PSONI Koło w Łęcznej", "OWES Centrum Klucz" join the acronym to the name after it.
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.gazetteer import OrgKind, bare_acronym
from loaders.matcher import Match
from loaders.morph import morph
from loaders.names import adjectives, nouns, place_locative
from loaders.orgwalk import LEGAL_FORM
from loaders.orgfacts import place_of
from loaders.registry import construction
from loaders.towns import town_at, village_end

#: kinds an acronym may make more specific: "OWES Centrum Klucz" is a support centre, not any centre
VAGUE_KINDS = {"PublicInstitution", "Association", "GovernmentBody"}


def _kind(doc: Doc, acr: str) -> tuple[str | None, str | None, OrgKind | None]:
    """(kind class, sector, kind row) an acronym names, from the kinds or the national bodies."""
    k = doc.gaz.acronyms.get(acr)
    if k is not None:
        return k.kind, k.sector, k
    n = doc.gaz.national.get(acr)
    if n is not None:
        return n.kind, n.sector, OrgKind("", (), n.kind, n.sector, "named", acr.lower(), (acr,))
    return None, None, None


@construction("org-acronym-name", "mentions", slots=("acr", "place?", "org?", "name?"))
def acronym_name(doc: Doc, match: Match) -> None:
    """ "ROPS w Białymstoku", "OWES Ja-Ty-My", "PSONI Koło w Łęcznej"."""
    a = match.span("acr")
    if a is None:
        return
    acr = bare_acronym(doc.tokens[a[0]].text)
    kind_class, sector, row = _kind(doc, acr)
    if kind_class is None:
        return
    legal = LEGAL_FORM.match(doc.text, doc.tokens[a[0]].end)
    if legal:  # "WTZ Sp. z o.o.": a body of the acronym's kind run as a company, named with its legal form
        end = a[1]
        while end < len(doc.tokens) and doc.tokens[end].start < legal.end():
            end += 1
        name = f"{doc.tokens[a[0]].text} {' '.join(legal.group().replace(',', ' ').split())}"
        company = doc.gaz.org_kind("spółka", set())
        doc.add(Mention("Organization", a[0], end, name, match.sentence, kind=row or company, acronym=acr,
                        head=a[0]), "org-acronym-name")
        return
    place, org = match.span("place"), match.span("org")
    spans = match.spans("name")
    name = (spans[0][0], spans[-1][1]) if spans else None
    sent = match.sentence
    if place is not None:
        hit = town_at(doc, place[0])
        end = hit[0] if hit is not None else village_end(doc, place[0] - 1)  # "KGW w Bóbrce": a village
        if end is None:
            return
        written = doc.span_text(a[0], end)
        full = doc.gaz.mapping("acronym_names").get(acr)
        name_ = f"{full[0]} {doc.span_text(a[1], end)}" if full else written
        start, adjective = _adjective_before(doc, a[0], full[0] if full else None)
        if adjective:  # "Podkarpackiego OWES w Krośnie": Podkarpacki Ośrodek Wsparcia … w Krośnie
            name_ = f"{adjective} {name_}"
        m = Mention("Organization", start, end, name_, sent, kind=row, acronym=acr, head=a[0])
        m.aliases.add(written)
        place_of(doc, m, doc.tokens[a[1]:end])
        doc.add(m, "org-acronym-name")
        return
    if org is not None:
        inner = doc.outer_at(org[0])
        if inner is None or inner.type != "Organization":
            return
        doc.remove(inner)
        m = Mention("Organization", a[0], inner.end, f"{acr} {inner.name}", sent, acronym=acr, head=inner.head,
                    kind=row if row is not None and (inner.kind is None or inner.kind.kind in VAGUE_KINDS)
                    else inner.kind, quoted=inner.quoted, region=inner.region, county=inner.county)
        m.aliases |= inner.aliases | {inner.name}
        doc.add(m, "org-acronym-name")
        return
    full = doc.gaz.mapping("acronym_names").get(acr)
    hit = town_at(doc, name[0]) if name is not None and full else None
    if name is not None and full and hit is not None and hit[0] == name[1]:
        # "WUP Rzeszów", "ROPS Opole": the town in the nominative is the body's place
        g = hit[1][0]
        m = Mention("Organization", a[0], name[1], f"{full[0]} w {place_locative(g.name)}", sent, kind=row,
                    acronym=acr, head=a[0])
        m.aliases.add(doc.span_text(a[0], name[1]))
        m.gmina, m.region = g.code, g.voivodeship
        doc.add(m, "org-acronym-name")
        return
    if name is not None:
        written = doc.span_text(name[0], name[1])
        m = Mention("Organization", a[0], name[1], f"{acr} {written}", sent, kind=row, acronym=acr, head=a[0],
                    quoted=written)
        m.aliases.add(written)
        doc.add(m, "org-acronym-name")


def _adjective_before(doc: Doc, at: int, full: str | None) -> tuple[int, str | None]:
    """A capitalised adjective right before an acronym, put in the nominative of the full name's head: the first
    token of the name and the adjective, or ``at`` and None."""
    prev = doc.tok(at - 1)
    if full is None or prev is None or not prev.is_cap or prev.is_upper or prev.sentence != doc.tokens[at].sentence \
            or prev.i in doc.claimed or not adjectives(prev) \
            or any(n.lemma[:1].islower() for n in nouns(prev)):  # "Podkarpackie", a region's name, may be read too
        return at, None
    head = next((i for i in morph().analyse(full.split()[0]) if i.pos == "subst" and "nom" in i.cases), None)
    gender = next(iter(head.genders), None) if head is not None else None
    form = morph().inflect(adjectives(prev)[0].lemma, "adj", "nom", "sg", gender) if gender else None
    if not form:
        return at, None
    return prev.i, form[:1].upper() + form[1:]

