"""Coordinated lists of names: "A, B i C", "A; B oraz C", and bulleted or numbered lines after a colon.

Member lists of partnerships, signatories of agreements, people taking part: news reports write them as one
sentence ("przedstawiciele: Miejskiego Ośrodka …, Powiatowego Urzędu Pracy …, Ogólnopolskiego Stowarzyszenia …")
or as lines ("W skład Zespołu wchodzą:\\n • Pan Jan Nowak – Dyrektor …;\\n • …"). :func:`list_items` cuts either
into items, each the outer mentions it holds, so a construction can take the first person or organisation of
each item and what the rest of the item says about it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from loaders.doc import Doc, Mention

SEPARATORS = {",", ";"}
CONJUNCTIONS = {"i", "oraz", "a", "także", "lub", "albo"}
BULLETS = ("•", "-", "–", "—", "*", "·", "▪", "◦", "")
CLOSERS = {"!", "?"}  # a full stop inside a sentence closes an abbreviation ("Ks. Szymon"), not the list
RELATIVE = frozenset({"który", "gdzie", "aby", "ponieważ", "gdyż"})


@dataclass
class Item:
    """One item of a list: its token span, its sentence and the outer mentions inside it."""

    start: int
    end: int
    sentence: int
    mentions: list[Mention] = field(default_factory=list)

    def first(self, *types: str) -> Mention | None:
        return next((m for m in self.mentions if m.type in types), None)


def list_items(doc: Doc, start: int, sentence: int, stop: int | None = None) -> list[Item]:
    """The items of the list that begins at token ``start`` of ``sentence``; when the sentence ends right there
    with a colon, the bulleted or numbered lines that follow."""
    a, b = doc.sentence_span(sentence)
    if stop is not None:
        b = min(b, stop)
    rest = [t for t in doc.tokens[start:b] if t.text not in (":",)]
    if not rest or all(t.kind == "punct" for t in rest):
        return line_items(doc, sentence)
    return _inline(doc, start, b, sentence)


def _inline(doc: Doc, start: int, end: int, sentence: int) -> list[Item]:
    items: list[Item] = []
    i = start
    while i < end and doc.tokens[i].text in (":", "–", "-", "—"):
        i += 1
    cur = i
    depth = 0
    k = i
    while k < end:
        t = doc.tokens[k]
        m = doc.outer_at(k)
        if m is not None and m.end > k + 1:
            k = m.end  # a name with commas inside ("Ministerstwo Rodziny, Pracy i Polityki Społecznej")
            continue
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (t.text in SEPARATORS or t.text.lower() in CONJUNCTIONS):
            if k > cur:
                items.append(_item(doc, cur, k, sentence))
            cur = k + 1
        elif depth == 0 and (t.text in CLOSERS or t.lemmas & RELATIVE):
            break  # the sentence or the list ends: ", który …"
        k += 1
    if k > cur:
        items.append(_item(doc, cur, k, sentence))
    return [it for it in items if it.mentions]


def line_items(doc: Doc, sentence: int, limit: int = 40) -> list[Item]:
    """Items written one a line after a sentence ending with a colon: "• …", "1. …", "- …"."""
    items: list[Item] = []
    if not doc.sentences[sentence].text.rstrip().endswith(":"):
        return items
    for s in range(sentence + 1, min(sentence + 1 + limit, len(doc.sentences))):
        text = doc.sentences[s].text.lstrip()
        if not (text[:1].isdigit() or text.startswith(BULLETS[:-1])):
            break
        a, b = doc.sentence_span(s)
        items.append(_item(doc, a, b, s))
    return [it for it in items if it.mentions]


def _item(doc: Doc, a: int, b: int, sentence: int) -> Item:
    ms = [m for m in doc.in_sentence(sentence) if a <= m.start < b]
    return Item(a, b, sentence, ms)
