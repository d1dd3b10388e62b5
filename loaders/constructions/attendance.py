"""Who took part in the meeting: the body that met, organisations whose people came, and the people themselves.

"posiedzenie Regionalnego Komitetu …" (the committee met), "przedstawiciele ROPS i KOOWES", "W spotkaniu
udział wzięli: A, B i C", "obecni byli …". People named in the article took part, except those named as its
author ("Opracował: …") or in whose name someone spoke ("w imieniu Marszałka …").
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.lists import Item, list_items
from loaders.matcher import Match
from loaders.registry import construction
from loaders.relate import has, says
from loaders.rolesegments import describes_person, person_before

TAKE_PART = ("Organization", "Person")


def _event(doc: Doc) -> str | None:
    return doc.extraction.event if doc.extraction else None


def _attend(doc: Doc, ev: str, m: Mention, sentence: int, by: str) -> None:
    doc.relate("attendee", ev, doc.key(m), sentence, by)


def _from_items(doc: Doc, ev: str, items: list[Item], by: str) -> None:
    """Each item's people took part, and an organisation an item begins with when it names no one ("przedstawiciele
    X" and "panie z X" count X; in "Dyrektor Departamentu … – Pani A" the department is only where A works)."""
    representative = doc.gaz.words("representative_nouns")
    openers = doc.gaz.words("list_openers")
    for it in items:
        people = [m for m in it.mentions if m.type == "Person"]
        for m in people:
            _attend(doc, ev, m, it.sentence, by)
        first = it.mentions[0]
        lead = [t for t in doc.tokens[it.start:first.start] if t.kind == "word" and t.text.lower() not in openers
                and not t.lemmas & openers]  # "m.in. Fundacja X", "także Stowarzyszenie Y"
        if not people and first.type == "Organization" and all(t.lemmas & representative or t.text.lower() in
                                                               ("z", "ze") for t in lead):
            _attend(doc, ev, first, it.sentence, by)  # "Fundacja X", "przedstawiciele Fundacji X"


@construction("meeting-of-body", "relations", slots=("body",))
def meeting_of_body(doc: Doc, match: Match) -> None:
    """ "posiedzenie Regionalnego Komitetu Rozwoju Ekonomii Społecznej", "spotkanie Komitetu oraz Rady": the body
    that met took part in its meeting."""
    ev = _event(doc)
    span = match.span("body")
    body = doc.outer_at(span[0]) if ev and span else None
    if body is None:
        return
    a, _ = doc.sentence_span(match.sentence)
    if any(t.lemmas & doc.gaz.words("future_words") for t in doc.tokens[max(a, match.start - 2):span[0]]):
        return  # "na najbliższym posiedzeniu Komitetu": a meeting still to come
    prev = doc.tok(match.start - 1)
    if prev is not None and prev.sentence == match.sentence and "sala" in prev.lemmas:
        return  # "w sali obrad Starostwa": a room of the body's building, not its meeting
    _attend(doc, ev, body, match.sentence, "meeting-of-body")
    k = body.end
    while doc.tok(k) is not None and doc.tokens[k].text.lower() in ("oraz", "i"):
        nxt = doc.outer_at(k + 1)
        if nxt is None or nxt.type != "Organization":
            break
        _attend(doc, ev, nxt, match.sentence, "meeting-of-body")
        k = nxt.end


@construction("attendee-representatives", "relations", slots=("cue", "org"))
def representatives(doc: Doc, match: Match) -> None:
    """ "przedstawiciele ROPS i KOOWES", "pracownicy Regionalnego Ośrodka …", "członkowie RKRES": organisations
    whose people came. After a person's name it is that person's role instead ("Jan Nowak – przedstawiciel X")."""
    ev = _event(doc)
    cue = match.span("cue")
    if ev is None or cue is None or person_before(doc, cue[0])[0] is not None or describes_person(doc, cue[0]):
        return
    for it in list_items(doc, match.span("org")[0], match.sentence):  # type: ignore[index]
        first = it.first("Organization")
        if first is None or it.mentions[0] is not first:
            break  # the list of organisations ends where something else begins
        _attend(doc, ev, first, it.sentence, "attendee-representatives")


@construction("attendee-list", "relations", slots=("cue",))
def participation(doc: Doc, match: Match) -> None:
    """ "W spotkaniu udział wzięli: A, B i C", "obecni byli A i B", "uczestniczyli przedstawiciele …": the list
    after the verb (or, when nothing follows, before it) took part."""
    ev = _event(doc)
    if ev is None:
        return
    if _absent(doc, match.sentence):
        return  # "…, która nie mogła uczestniczyć w spotkaniu"
    items = list_items(doc, match.end, match.sentence)
    if not items:
        a, _ = doc.sentence_span(match.sentence)
        items = list_items(doc, a, match.sentence, stop=match.start)
    _from_items(doc, ev, items, "attendee-list")


@construction("meeting-people", "relations", patterned=False)
def people(doc: Doc) -> None:
    """Everyone the article names took part, except its author, people a speaker stood in for, and the people
    of a project's partnership."""
    ev = _event(doc)
    if ev is None:
        return
    from loaders.constructions.meeting import project_partner_people

    partners = project_partner_people(doc)
    absent = {" ".join(p.words) for p in doc.gaz.phrases("absence_cues")}
    byline = doc.gaz.words("byline_cues")
    for m in doc.of_type("Person"):
        k = doc.key(m)
        if k in partners or _not_there(doc, m.sentence):
            continue
        first = doc.sentence_tokens(m.sentence)[0]
        if first.text.lower() in byline or first.lemmas & byline:
            continue  # "Opracował: Adam Kubka"
        before = [t.text.lower() for t in doc.tokens[max(0, m.start - 4):m.start]]
        if any(" ".join(before[i:i + 2]) in absent for i in range(len(before) - 1)):
            continue  # "w imieniu Pana Marszałka Wojciecha Saługi"
        doc.relate("attendee", ev, k, m.sentence, "meeting-people")


def _not_there(doc: Doc, sentence: int) -> bool:
    """Whether the sentence says its people missed the meeting or tells of another occasion: "Nieobecny był …",
    "Rok temu …", or only verbs of the future ("Kolejne spotkanie poprowadzi X")."""
    from loaders.constructions.meeting import other_occasion

    return _absent(doc, sentence) or other_occasion(doc, sentence)


def _absent(doc: Doc, sentence: int) -> bool:
    """ "Nieobecny był wójt …", "… która nie mogła uczestniczyć", "Minister w liście podkreśliła …"."""
    return says(doc, sentence, "absent_phrases") or has(doc, sentence, doc.gaz.words("absent_words")) is not None
