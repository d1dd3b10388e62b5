"""A role as news reports write it: a role word, its complement and the body it is held in, and whose it is.

"dyrektor Departamentu Spraw Społecznych Urzędu Marszałkowskiego", "p.o. Kierownika Biura ds. wspierania
rodziny", "Starosta Konecki", "doradca ds. ekonomii społecznej w Regionalnym Ośrodku …": :func:`read_segment`
reads one such segment from its first word. A segment stands between names, and :func:`owner` decides whose it
is: "Jan Nowak, prezes X" is Jan Nowak's, "prezes X – Pan Jan Nowak" too, and in "A, prezes X – Pan B" the dash
before B gives the role to B.
"""
from __future__ import annotations

from dataclasses import dataclass

from loaders.bodies import bare_kind_body, implied_body, ministry_of
from loaders.doc import Doc, Mention
from loaders.lexical import is_verb
from loaders.matcher import Phrase, phrase_at, phrase_index
from loaders.names import nominative_phrase
from loaders.tokens import ABBREVIATIONS, DASHES
from loaders.towns import town_at

APPOSITION = {",", "(", *DASHES}
BREAKS = {";", ":", "(", ")", "!", "?", ",", *DASHES}
_INDEXES: dict[tuple[int, str], dict[str, list[Phrase]]] = {}


def _index(doc: Doc, name: str) -> dict[str, list[Phrase]]:
    key = (id(doc.gaz), name)
    if key not in _INDEXES:
        _INDEXES[key] = phrase_index(doc.gaz.phrases(name))
    return _INDEXES[key]


@dataclass
class Segment:
    start: int  # first token (a prefix such as "p.o." included)
    role_start: int
    role_end: int  # one past the role phrase
    end: int  # one past the segment
    phrase: Phrase
    sentence: int
    org: str | None = None  # entity key of the body
    title: str = ""

    @property
    def label(self) -> str:
        return self.phrase.value


def role_at(doc: Doc, i: int) -> tuple[Phrase, int] | None:
    """The role phrase at token ``i`` and one past it. A phrase that runs into a unit's name is cut before it:
    in "pracownik Biura Projektu ROPS" the role is "pracownik" and the body "Biuro Projektu ROPS" (a board stays
    in the role: "członek Zarządu Powiatu X")."""
    if doc.tok(i) is None:
        return None
    toks = doc.tokens
    found = phrase_at(_index(doc, "roles"), toks, i)
    while found is not None and len(found.words) > 1:
        inside = next((k for k in range(i + 1, i + len(found.words)) if (m := doc.starting_at(k)) is not None
                       and m.type == "Organization" and toks[k].lemmas & doc.gaz.words("unit_nouns")), None)
        if inside is None:
            break
        found = phrase_at(_index(doc, "roles"), toks[:inside], i)
    return (found, i + len(found.words)) if found else None


def read_segment(doc: Doc, i: int) -> Segment | None:
    """The role segment whose first word (or prefix, "p.o.", "z-ca") is token ``i``."""
    toks = doc.tokens
    t = doc.tok(i)
    if t is None:
        return None
    s = t.sentence
    _, b = doc.sentence_span(s)
    start = i
    prefix = phrase_at(_index(doc, "role_prefixes"), toks, i) if t.is_word else None
    if prefix is not None:
        i += len(prefix.words)
    found = role_at(doc, i)
    if found is None:
        return None
    phrase, j = found
    seg = Segment(start, i, j, j, phrase, s)
    k = j
    preps = doc.gaz.words("role_org_prepositions")
    unit_named = j - 1 > i and bool(toks[j - 1].lemmas & doc.gaz.words("unit_nouns"))  # "kierownik Działu …"
    inner = next((m for n in range(i + 1, j) if (m := doc.starting_at(n)) is not None and m.type == "Organization"
                  and doc.key(m) is not None and not _unnamed(doc, m)), None)
    if inner is not None:  # "członek Rady Działalności Pożytku Publicznego": the role's last word opens the body
        seg.org, seg.end = doc.key(inner), _after_acronym(doc, inner.end)
        k = b
    while k < b and k - j < 12:
        m = doc.starting_at(k)
        if m is not None and m.type in ("Organization", "Project"):
            seg.org, seg.end = doc.key(m), _in_parent(doc, _after_acronym(doc, m.end))
            break
        if m is not None and m.type == "Person":
            break
        u = toks[k]
        low = u.text.lower()
        if low in ("miasta", "miasto") and doc.tok(k + 2) is not None and toks[k + 1].text.lower() == "i" \
                and toks[k + 2].text.lower() in ("gminy", "gmina"):
            k = seg.end = k + 3  # "Burmistrz Miasta i Gminy Ożarów": the town's name follows
            continue
        if low in preps:
            nxt = doc.starting_at(k + 1)
            if nxt is not None and nxt.type in ("Organization", "Project"):
                seg.org, seg.end = doc.key(nxt), _after_acronym(doc, nxt.end)
                break
        if low == "." and toks[k - 1].text.lower() not in ABBREVIATIONS and len(toks[k - 1].text) > 1:
            break
        if low in BREAKS or low in doc.gaz.words("clause_words") or is_verb(u):
            break
        if u.is_cap and not u.is_upper and (k == j or toks[k - 1].text.lower() in ("gminy", "miasta")):
            town = town_at(doc, k)  # "burmistrz Nowej Rudy", "wójt gminy Nowa Ruda": the town's whole name
            if town is not None and town[0] > k + 1:
                k = seg.end = town[0]
                continue
        if u.is_cap and k > j and not u.is_upper:
            town = town_at(doc, k) if toks[k - 1].text.lower() in ("gminy", "miasta") else None
            if town is not None:
                k = seg.end = town[0]  # "wójt gminy Nowa Ruda": the town's whole name
                continue
            if not unit_named or k - j > 6:
                break  # a new name; after "kierownik Działu" the unit's own name runs on to its body
        k += 1
        seg.end = k
    if seg.org is None:
        seg.org = _implied(doc, seg)
        title_end = seg.end  # "Minister Rodziny, Pracy i Polityki Społecznej": the ministry's words are the title's
    else:
        title_end = _org_start(doc, seg)
    seg.title = _title(doc, seg, title_end)
    return seg


def _in_parent(doc: Doc, j: int) -> int:
    """Past the body a unit is in, named after it: "Dyrektor Departamentu … w Ministerstwie … Anna Kot"."""
    t = doc.tok(j)
    if t is not None and t.text.lower() in ("w", "we"):
        parent = doc.starting_at(j + 1)
        if parent is not None and parent.type == "Organization":
            return _after_acronym(doc, parent.end)
    return j


def _unnamed(doc: Doc, m: Mention) -> bool:
    """A body's name of generic words only ("Zarząd Województwa"): which one it is, the article must say."""
    words = doc.gaz.words("generic_government_words") | doc.gaz.words("board_heads")
    return m.generic or all(t.lemmas & words for t in doc.tokens[m.start:m.end] if t.is_word)


def _after_acronym(doc: Doc, j: int) -> int:
    """Past an acronym in brackets after a name: "Regionalnego Komitetu … (RKRES) Pani Jolanta Piotrowska"."""
    a, b, c = doc.tok(j), doc.tok(j + 1), doc.tok(j + 2)
    if a is not None and b is not None and c is not None and a.text == "(" and b.is_upper and c.text == ")":
        return j + 3
    return j


def _org_start(doc: Doc, seg: Segment) -> int:
    """Where the body's name begins inside the segment (the title ends there)."""
    for k in range(seg.role_end, seg.end):
        m = doc.starting_at(k)
        if m is not None and doc.key(m) == seg.org:
            return k if k == seg.role_end or doc.tokens[k - 1].text.lower() not in \
                doc.gaz.words("role_org_prepositions") else k - 1
    return seg.role_end


def _implied(doc: Doc, seg: Segment) -> str | None:
    level = doc.gaz.role_levels.get(seg.phrase.value)
    nxt = doc.tok(seg.role_end)
    if not level and nxt is not None and nxt.text.lower() in ("gminy", "miasta") and seg.end > seg.role_end + 1:
        # "sekretarz gminy Baligród", "radny gminy Solina": an officer of the gmina named ("gminy Sanok" the rural one)
        level = "rural" if nxt.text.lower() == "gminy" else "gmina"
    if level:
        found = implied_body(doc, level, seg.role_end, seg.sentence)
        if found:
            return found
    if seg.phrase.value in doc.gaz.words("minister_roles"):  # "Minister Rodziny, Pracy i Polityki Społecznej"
        _, b = doc.sentence_span(seg.sentence)
        for end in range(min(b, seg.role_end + 8), seg.role_end, -1):
            found = ministry_of(doc, seg.role_end, end)
            if found:
                seg.end = end
                return found
    return bare_kind_body(doc, seg.role_end)


def _title(doc: Doc, seg: Segment, end: int) -> str:
    toks = doc.tokens[seg.role_start:max(end, seg.role_end)]
    label = doc.gaz.role_label(seg.phrase.value)
    if not toks:
        return label
    head = next((x.lemma.lower() for x in toks[0].interps if x.pos == "subst"), toks[0].text.lower())
    phrase = nominative_phrase(toks, 0, head, doc.text).strip(" ,–-")
    if seg.start < seg.role_start:  # "p.o. Dyrektora": the prefix governs the case, keep it as written
        prefix = doc.span_text(seg.start, seg.role_start)
        phrase = f"{prefix} {doc.span_text(seg.role_start, max(end, seg.role_end))}".strip(" ,–-")
    return phrase[:1].lower() + phrase[1:] if phrase else label


def segments_after(doc: Doc, i: int, limit: int = 4) -> list[Segment]:
    """The chain of segments from token ``i``: "Przewodniczącej RKES, dyrektora Departamentu …"."""
    out: list[Segment] = []
    k = i
    while len(out) < limit:
        seg = read_segment(doc, k)
        if seg is None:
            break
        out.append(seg)
        k = seg.end
        t = doc.tok(k)
        if t is None or t.sentence != seg.sentence:
            break
        if t.text == ")" and doc.tok(k + 1) is not None:
            k += 1
            t = doc.tokens[k]
        if t.text in APPOSITION:
            k += 1
        elif t.text.lower() in ("oraz", "a") and doc.tok(k + 1) is not None and \
                doc.tokens[k + 1].text.lower() in ("także", "zarazem", "również", "jednocześnie"):
            k += 2
        elif t.text.lower() == "oraz" and role_at(doc, k + 1):
            k += 1
        else:
            break
        while doc.tok(k) is not None and doc.tokens[k].text in APPOSITION:
            k += 1
    return out


def person_before(doc: Doc, i: int) -> tuple[Mention | None, str]:
    """The person whose apposition starts at token ``i`` ("Jan Nowak, …", "Jan Nowak SDB – …") and the mark
    between them."""
    k = i - 1
    mark = ""
    time_words = doc.gaz.words("role_time_words")
    while k > i - 4 and doc.tok(k) is not None and doc.tokens[k].text.lower() in time_words:
        k -= 1  # "Jan Nowak, na co dzień prezes X", "…, wieloletnia dyrektor Y"
    t = doc.tok(k)
    if t is not None and t.text.lower() == "jako":  # "Jan Nowak jako przedstawiciel X"
        k -= 1
        t = doc.tok(k)
    if t is not None and t.text in APPOSITION:
        mark, k = t.text, k - 1
    t = doc.tok(k)
    if t is not None and t.text.lower() in doc.gaz.words("name_suffixes"):
        k -= 1
    for m in doc.covering(k):
        if m.type == "Person" and m.end == k + 1 and m.sentence == doc.tokens[i].sentence:
            return m, mark
    return None, mark


def person_after(doc: Doc, j: int) -> tuple[Mention | None, str]:
    """The person a segment ending at ``j`` introduces ("… – Pan Jan Nowak", "… Elżbieta Korus"), and the mark."""
    t = doc.tok(j)
    mark = ""
    if t is not None and t.text in APPOSITION - {"("}:
        mark, j = t.text, j + 1
    honorifics = doc.gaz.words("honorifics")
    while doc.tok(j) is not None and doc.tokens[j].text.lower() in honorifics:
        j += 1
        if doc.tok(j) is not None and doc.tokens[j].text == ".":
            j += 1  # "p. Zdzisław Plewa", "ks. Szymon Mastalerz"
    m = doc.outer_at(j)
    if m is not None and m.type == "Person" and m.sentence == doc.tokens[j].sentence:
        return m, mark
    return None, mark


def owner(doc: Doc, seg: Segment, chain_start: int | None = None) -> Mention | None:
    """The person a segment (or the chain it ends, from ``chain_start``) describes."""
    left, left_mark = person_before(doc, chain_start if chain_start is not None else seg.start)
    right, right_mark = person_after(doc, seg.end)
    if right is None and (title := read_segment(doc, seg.end)) is not None and title.org is None:
        right, _ = person_after(doc, title.end)  # "…, wiceminister spraw zagranicznych poseł Piotr Wawrzyk"
    if left is None:
        return right
    if right is None:
        return left
    if right_mark == "":
        return right  # "…, dyrektor ROPS Elżbieta Korus": the name right after the role
    if right_mark in DASHES and left_mark not in DASHES:
        return right  # "Pani Andżelika Wardęga, Prezes OZRSS – Pan Cezary Miżejewski"
    return left


def describes_person(doc: Doc, i: int) -> bool:
    """Whether the role word at token ``i`` is part of what the text says of a person: in the chain after a name
    ("Jan Nowak, dyrektor X – przedstawiciel Y") or before one ("Członkowie Zarządu X: A i B")."""
    seg = read_segment(doc, i)
    if seg is None:
        return False
    right, _ = person_after(doc, seg.end)
    if right is None and doc.tok(seg.end) is not None and doc.tokens[seg.end].text == ":":
        right, _ = person_after(doc, seg.end + 1)
    if right is not None:
        return True
    a, _ = doc.sentence_span(seg.sentence)
    for p in doc.in_sentence(seg.sentence, ("Person",)):
        if p.end > i:
            break
        k = p.end
        while doc.tok(k) is not None and doc.tokens[k].text in APPOSITION | {")"}:
            k += 1
        if any(s.start == i for s in segments_after(doc, k, limit=6)):
            return True
    return False
