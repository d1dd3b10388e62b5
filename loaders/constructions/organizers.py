"""Who organised the meeting.

"Organizatorem spotkania był X we współpracy z Y", "Partnerami wydarzenia było A, B i C" (a noun and a
list), "zorganizowane przez X oraz Y" (a passive and its agent), "X zorganizował spotkanie" (an active verb and
its subject, in the nominative), "którego organizację wspierał X", "na zaproszenie X".
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.lists import list_items
from loaders.matcher import Match
from loaders.names import nouns
from loaders.registry import construction

HOSTS = ("Organization", "Person")


def _event(doc: Doc) -> str | None:
    return doc.extraction.event if doc.extraction else None


def _organise(doc: Doc, ev: str, ms: list[Mention], sentence: int, by: str) -> None:
    for m in ms:
        doc.relate("organizer", ev, doc.key(m), sentence, by)


def _listed(doc: Doc, start: int, sentence: int, types: tuple[str, ...], stop: int | None = None) -> list[Mention]:
    """Every organisation (and, for hosts, person) of the list from ``start``: "X we współpracy z Y i Z"."""
    out: list[Mention] = []
    for it in list_items(doc, start, sentence, stop=stop):
        out += [m for m in it.mentions if m.type in types]
    return out


@construction("organizer-noun", "relations", slots=("cue",))
def organizer_noun(doc: Doc, match: Match) -> None:
    """ "Organizatorem spotkania był X", "Partnerami wydarzenia było A, B i C", "Gospodarzem był Jan Nowak";
    with nothing after it, the subject before: "X był organizatorem konferencji"."""
    ev = _event(doc)
    cue = match.span("cue")
    if ev is None or cue is None:
        return
    nxt = doc.tok(cue[1])
    if nxt is not None and nxt.lemmas & doc.gaz.words("project_heads"):
        return  # "Organizatorzy projektu – …" are the project's partners
    host = bool(doc.tokens[cue[0]].lemmas & {"gospodarz", "gospodyni"})
    types = HOSTS if host else ("Organization",)
    found = _listed(doc, match.end, match.sentence, types)
    if not found:
        a, _ = doc.sentence_span(match.sentence)
        found = _listed(doc, a, match.sentence, types, stop=cue[0])
    _organise(doc, ev, found, match.sentence, "organizer-noun")
    if not found:  # "Organizatorem spotkania był wójt gminy Baligród Jan Nowak": the body he heads
        people = {doc.key(m) for m in _listed(doc, match.end, match.sentence, ("Person",))}
        for r in doc.relations("role"):
            if r.s in people and r.sentence == match.sentence:
                doc.relate("organizer", ev, r.o, match.sentence, "organizer-noun")


@construction("organizer-passive", "relations", slots=("cue",))
def organizer_passive(doc: Doc, match: Match) -> None:
    """ "zorganizowane przez Regionalny Ośrodek … oraz Świętokrzyski OWES", "współorganizowany przez Caritas"."""
    ev = _event(doc)
    if ev is not None:
        _organise(doc, ev, _listed(doc, match.end, match.sentence, ("Organization",)), match.sentence,
                  "organizer-passive")


@construction("organizer-active", "relations", slots=("cue",))
def organizer_active(doc: Doc, match: Match) -> None:
    """ "Regionalny Ośrodek … zorganizował spotkanie", "Spotkanie zorganizowało Starostwo": the organisation in
    the nominative before the verb, or else right after it."""
    ev = _event(doc)
    cue = match.span("cue")
    if ev is None or cue is None:
        return
    ms = doc.in_sentence(match.sentence, ("Organization",))
    before = [m for m in ms if m.end <= cue[0] and _nominative(doc, m)]
    after = [m for m in ms if m.start >= cue[1] and _nominative(doc, m)]
    subject = before[:1] or after[:1]
    if subject:
        k = subject[0].end
        listed = list(subject)
        while doc.tok(k) is not None and doc.tokens[k].text.lower() in ("i", "oraz", ","):
            nxt = doc.outer_at(k + 1)
            if nxt is None or nxt.type != "Organization" or not _nominative(doc, nxt):
                break
            listed.append(nxt)
            k = nxt.end
        listed += _together(doc, max(k, cue[1]), match.sentence)
        _organise(doc, ev, listed, match.sentence, "organizer-active")


def _together(doc: Doc, k: int, sentence: int) -> list[Mention]:
    """Co-organisers after "wspólnie z", "we współpracy z", "razem z": "… zorganizowało Starostwo wspólnie z
    Fundacją X"."""
    _, b = doc.sentence_span(sentence)
    words = [" ".join(p.words) for p in doc.gaz.phrases("together_cues")]
    for j in range(k, min(b, k + 8)):
        for w in words:
            n = len(w.split())
            if " ".join(t.text.lower() for t in doc.tokens[j:j + n]) == w:
                return _listed(doc, j + n, sentence, ("Organization",))
    return []


def _nominative(doc: Doc, m: Mention) -> bool:
    if m.head < 0 or not nouns(doc.tokens[m.head]) and doc.tokens[m.head].is_upper:
        return True  # an acronym: "RCPS w Łodzi" does not decline
    return any("nom" in i.cases for i in nouns(doc.tokens[m.head]))


@construction("organizer-support", "relations", slots=("cue",))
def organizer_support(doc: Doc, match: Match) -> None:
    """ "którego organizację wspierał Regionalny Ośrodek … oraz KOOWES", "na zaproszenie Regionalnego Ośrodka …"."""
    ev = _event(doc)
    if ev is not None:
        _organise(doc, ev, _listed(doc, match.end, match.sentence, ("Organization",)), match.sentence,
                  "organizer-support")
