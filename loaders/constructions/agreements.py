"""Agreements and partnerships: who signed, who joined, who initiated, which area they are about.

"Porozumienie zostało podpisane przez A i B", "Porozumienie sygnowali: A – wójt …, B – proboszcz …", "X
podpisał umowę z Ministerstwem Y", "Sygnatariuszem porozumienia była X", "Do porozumienia przystąpiły A, B i
C", "zawarte pomiędzy:" with one party a line, "Inicjatorem porozumienia jest X". Signatories of an agreement
that sets up a partnership ("porozumienie o utworzeniu partnerstwa") are that partnership's partners.
"""
from __future__ import annotations

from collections.abc import Iterable

from graph.model import Entity
from loaders.doc import Doc, Mention
from loaders.lists import Item, line_items, list_items
from loaders.matcher import Match
from loaders.registry import construction
from loaders.relate import after, main_of

PARTIES = ("Organization", "Person")


def _agreement(doc: Doc, s: int) -> str | None:
    return main_of(doc, "Agreement", s) or main_of(doc, "Partnership", s)


def _parties(doc: Doc, items: list[Item]) -> list[tuple[Mention, int]]:
    """Each item's person (who signs for the body) and the organisation it begins with, past a place the sentence
    opens with ("W Starostwie Powiatowym w Wałbrzychu Powiat Wałbrzyski i Fundacja X podpisały …")."""
    out = []
    preposition = doc.gaz.mapping("preposition_case")

    def follows(m: Mention, words: Iterable[str]) -> bool:
        return m.start > 0 and doc.tokens[m.start - 1].text.lower() in words

    for it in items:
        person = it.first("Person")
        if person is not None:
            out.append((person, it.sentence))
        first = it.mentions[0]
        if first.type == "Organization" and follows(first, ("w", "we")):  # a venue: take the first name no
            first = next((m for m in it.mentions if not follows(m, preposition)), first)  # preposition governs
        if first.type == "Organization":
            out.append((first, it.sentence))
        elif person is not None:
            org = it.first("Organization")  # "Pan A z zarządu Stowarzyszenia X": X signs too
            if org is not None:
                out.append((org, it.sentence))
    return out


def sign(doc: Doc, agreement: str, parties: list[tuple[Mention, int]], by: str) -> None:
    """Each party signed; an agreement that sets up a partnership makes its parties partners, the bodies among
    them (a starosta signing "w imieniu Powiatu" makes the county the partner, not himself)."""
    partnership = _set_up(doc, agreement)
    signed = {doc.key(m) for m, _ in parties if m.type == "Organization"}
    through: dict[str, set[str]] = {}  # "podpisali starosta jasielski Adam Pawluś i …": the county signs through him
    for m, s in parties:
        if m.type == "Person":
            through[doc.key(m) or ""] = {r.o for r in doc.relations("role")
                                         if r.s == doc.key(m) and r.sentence == s} - signed
    bodies = bool(signed) or any(through.values())
    for m, s in parties:
        doc.relate("signatory", agreement, doc.key(m), s, by)
        if partnership and (m.type == "Organization" or not bodies):
            doc.relate("partner", partnership, doc.key(m), s, by)
        for body in through.get(doc.key(m) or "", set()) if m.type == "Person" else set():
            doc.relate("signatory", agreement, body, s, by)
            if partnership:
                doc.relate("partner", partnership, body, s, by)


def _set_up(doc: Doc, agreement: str) -> str | None:
    """The partnership an agreement sets up: "porozumienie o utworzeniu partnerstwa …", "umowa partnerska"."""
    e = doc.entities.get(agreement)
    if e is None or e.type != "Agreement" or "partnerstw" not in e.name.lower():
        return None  # "porozumienie o partnerskiej współpracy" sets up no partnership
    for a in doc.of_type("Agreement"):
        if doc.key(a) == agreement:  # the partnership named inside the agreement's name
            inner = [doc.key(p) for p in doc.of_type("Partnership") if a.start <= p.start and p.end <= a.end]
            if inner:
                return inner[0]
    keys = [k for k, p in doc.entities.items() if p.type == "Partnership"]
    return keys[0] if len(keys) == 1 else None


@construction("signatory-verb", "relations", slots=("cue",))
def signatory_verb(doc: Doc, match: Match) -> None:
    """An active signing verb: the parties after it when the agreement comes first ("Porozumienie sygnowali: A,
    B"), else its subject before it and the party after "z" ("ROPS podpisał umowę z Ministerstwem …")."""
    cue = match.span("cue")
    agreement = _agreement(doc, match.sentence)
    if cue is None or agreement is None:
        return
    a, _ = doc.sentence_span(match.sentence)
    named_first = any(m.start < cue[0] for m in doc.in_sentence(match.sentence, ("Agreement", "Partnership"),
                                                                  outer=False)) or \
        any(t.lemmas & doc.gaz.words("agreement_nouns") for t in doc.tokens[a:cue[0]])
    items = list_items(doc, cue[1], match.sentence) if named_first else []
    if not items:
        items = list_items(doc, a, match.sentence, stop=cue[0])
        items += _with(doc, cue[1], match.sentence)
    sign(doc, agreement, _parties(doc, items) + _on_behalf(doc, match.sentence), "signatory-verb")


def _on_behalf(doc: Doc, sentence: int) -> list[tuple[Mention, int]]:
    """The body someone signed for: "W imieniu Gminy X porozumienie podpisał Burmistrz Jan Nowak"."""
    a, b = doc.sentence_span(sentence)
    out = []
    for k in range(a, b - 2):
        if doc.tokens[k].text.lower() == "w" and doc.tokens[k + 1].text.lower() == "imieniu":
            m = doc.starting_at(k + 2)
            if m is not None and m.type == "Organization":
                out.append((m, sentence))
    return out


def _with(doc: Doc, k: int, sentence: int) -> list[Item]:
    """The other party: "… podpisał umowę z Ministerstwem Rodziny …"."""
    _, b = doc.sentence_span(sentence)
    for j in range(k, min(b, k + 6)):
        if doc.tokens[j].text.lower() in ("z", "ze"):
            m = doc.outer_at(j + 1)
            if m is not None and m.type in PARTIES:
                return [Item(j + 1, m.end, sentence, [m])]
    return []


@construction("signatory-list", "relations", slots=("cue",))
def signatory_list(doc: Doc, match: Match) -> None:
    """The list after "podpisane przez", "sygnatariuszami są", "Do porozumienia przystąpiły", "podpisy złożą
    przedstawiciele:", or one party a line after "zawarte pomiędzy:"."""
    agreement = _agreement(doc, match.sentence)
    if agreement is None:
        return
    cue = match.span("cue")
    named = next((m for m in doc.in_sentence(match.sentence, ("Agreement",), outer=False)
                  if cue is not None and m.start < cue[0] < m.end), None)
    if named is not None:  # "porozumienie między Powiatem X a Stowarzyszeniem Y": the parties name it
        parties = [(m, match.sentence) for m in doc.in_sentence(match.sentence, ("Organization", "Person"), outer=False)
                   if cue[0] < m.start and m.end <= named.end]  # type: ignore[index]
        sign(doc, doc.key(named) or agreement, parties, "signatory-list")
        return
    items = list_items(doc, match.end, match.sentence) or line_items(doc, match.sentence)
    sign(doc, agreement, _parties(doc, items), "signatory-list")


@construction("agreement-initiator", "relations", slots=("cue",))
def initiator(doc: Doc, match: Match) -> None:
    """ "Inicjatorem porozumienia jest Regionalny Ośrodek …" ("Inicjatorem spotkania" is the meeting's)."""
    cue = match.span("cue")
    nxt = doc.tok(cue[1]) if cue else None
    if nxt is not None and (nxt.lemmas & frozenset(doc.gaz.event_words) or nxt.lemmas & doc.gaz.words("project_heads")):
        return
    agreement = _agreement(doc, match.sentence)
    objs = after(doc, match.sentence, match.end, PARTIES, stop_at_clause=True)
    if agreement and objs:
        doc.relate("initiator", agreement, doc.key(objs[0]), match.sentence, "agreement-initiator")


@construction("agreement-area", "relations", patterned=False)
def agreement_area(doc: Doc) -> None:
    """An agreement or partnership whose name has a county or gmina ("… w powiecie jędrzejowskim", "… w Gminie
    Puszczykowo") is about it."""
    for m in doc.of_type("Agreement", "Partnership"):
        if m.county and m.county in doc.entities:
            doc.relate("about", doc.key(m), m.county, m.sentence, "agreement-area")
        if m.gmina:
            g = doc.gaz.register.gmina(m.gmina)
            if g is not None and m.gmina not in doc.entities:
                doc.entities[m.gmina] = Entity(key=m.gmina, type="Municipality", teryt=m.gmina,
                                               name=doc.gaz.register.gmina_label(g), sentences={m.sentence})
            doc.relate("about", doc.key(m), m.gmina, m.sentence, "agreement-area")


@construction("agreement-date", "relations", patterned=False)
def agreement_date(doc: Doc) -> None:
    """An agreement the article reports signed is dated by the sentence that tells of the signing, or else by the
    meeting where it was signed."""
    from loaders.constructions.meeting import meeting_date

    ev = doc.entities.get(doc.extraction.event) if doc.extraction and doc.extraction.event else None
    signed = {r.s: r.sentence for r in doc.relations("signatory")}
    for key, s in signed.items():
        e = doc.entities.get(key)
        if e is None or e.date or e.date_partial:
            continue
        found = meeting_date(doc, [s]) if s is not None else None
        if found is not None:
            d = found[1]
            e.date, e.date_partial = (d.as_date(), None) if d.year else (None, d.gmonthday())
        elif ev is not None:
            e.date, e.date_partial = ev.date, ev.date_partial
