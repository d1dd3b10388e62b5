"""Where the meeting was held: the first venue the report names wins.

"w siedzibie X", "w sali konferencyjnej X", "w budynku X" (a venue word and the organisation hosting it);
"w X" with X an organisation, in a sentence about the meeting; "Miejscem spotkania była kawiarnia prowadzona
przez X"; and when no organisation hosts it, the town: "w Czerwińsku nad Wisłą", "w Zielonej Górze oraz … w
Gorzowie Wlkp." (both).
"""
from __future__ import annotations

from graph.model import Entity
from loaders.constructions.meeting import event_sentences
from loaders.doc import Doc, Mention
from loaders.lists import list_items
from loaders.matcher import Match
from loaders.registry import construction
from loaders.rolesegments import read_segment
from loaders.towns import town_at


def _event(doc: Doc) -> str | None:
    ev = doc.extraction.event if doc.extraction else None
    if ev is None or doc.relations("location"):
        return None  # no meeting, or its venue is known
    return ev


def _hosts(m: Mention | None) -> bool:
    """An organisation can host a meeting; a self-government is rather the area it is about."""
    return m is not None and m.type == "Organization" and not (m.kind and m.kind.kind == "LocalGovernment")


@construction("venue-noun", "relations", slots=("org",))
def venue_noun(doc: Doc, match: Match) -> None:
    """ "w siedzibie X", "w sali konferencyjnej Starostwa Powiatowego w Końskich", "w budynku Wydziału …"."""
    ev = _event(doc)
    span = match.span("org")
    m = doc.outer_at(span[0]) if ev and span else None
    if ev and _hosts(m):
        doc.relate("location", ev, doc.key(m), match.sentence, "venue-noun")


@construction("venue-org", "relations", slots=("org",))
def venue_org(doc: Doc, match: Match) -> None:
    """ "odbyło się w Filharmonii Świętokrzyskiej": an organisation after "w" in a sentence about the meeting."""
    ev = _event(doc)
    span = match.span("org")
    m = doc.outer_at(span[0]) if ev and span else None
    if ev and _hosts(m) and match.sentence in event_sentences(doc)[:4] and not _post_in(doc, match.start, m):
        doc.relate("location", ev, doc.key(m), match.sentence, "venue-org")


def _post_in(doc: Doc, w: int, m: Mention | None) -> bool:
    """Whether "w" ends a role's phrase: "Anna Kot, koordynatorka ds. ekonomii społecznej w ROPS w Rzeszowie"."""
    a, _ = doc.sentence_span(doc.tokens[w].sentence)
    for k in range(w - 1, max(a, w - 8) - 1, -1):
        if doc.tokens[k].text in (",", ";", "(", ")"):
            break
        seg = read_segment(doc, k)
        if seg is not None and seg.role_start < w and m is not None and seg.end >= m.end:
            return True
    return False


@construction("venue-is", "relations", slots=("cue",))
def venue_is(doc: Doc, match: Match) -> None:
    """ "Miejscem spotkania była kawiarnia prowadzona przez Przedsiębiorstwo Społeczne X …": the organisation the
    sentence names as the place, or the town it is in."""
    ev = _event(doc)
    if ev is None:
        return
    for it in list_items(doc, match.end, match.sentence)[:1]:
        m = it.first("Organization")
        if _hosts(m):
            doc.relate("location", ev, doc.key(m), match.sentence, "venue-is")
            return
        _towns(doc, ev, it.start, it.end, match.sentence, "venue-is", first_only=True)


@construction("venue-town", "relations", patterned=False)
def venue_town(doc: Doc) -> None:
    """With no hosting organisation: the town after "w" in the first sentence about the meeting that names one
    (every town it names: "w Zielonej Górze oraz … w Gorzowie Wlkp.")."""
    ev = _event(doc)
    if ev is None:
        return
    for s in event_sentences(doc)[:4]:
        a, b = doc.sentence_span(s)
        if _towns(doc, ev, a, b, s, "venue-town"):
            return


def _towns(doc: Doc, ev: str, a: int, b: int, s: int, by: str, first_only: bool = False) -> bool:
    found = False
    k = a
    while k < b:
        t = doc.tokens[k]
        if t.text.lower() in ("w", "we") and not doc.covering(k) and not doc.covering(k + 1):
            hit = town_at(doc, k + 1)
            if hit is not None:
                end, gminas = hit
                g = gminas[0]
                if g.code not in doc.entities:
                    doc.entities[g.code] = Entity(key=g.code, type="Municipality", teryt=g.code,
                                                  name=doc.gaz.register.gmina_label(g), sentences={s})
                found = doc.relate("location", ev, g.code, s, by) or found
                if first_only:
                    return found
                k = end
                continue
        k += 1
    return found
