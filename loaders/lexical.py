"""Small questions about tokens that many constructions ask: is this a first name, a kind of organisation, a place?

They read the word lists of :class:`~loaders.gazetteer.Gazetteer` and the Morfeusz readings of tokens; they keep
no state, so a construction can ask them about any token of the document.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from loaders.doc import Doc
from loaders.gazetteer import Gazetteer
from loaders.morph import Interp
from loaders.names import adjectives, nouns
from loaders.tokens import Token

VERB_POS = frozenset({"praet", "fin", "bedzie", "impt", "inf", "pcon", "winien"})


def future_reading(i: Interp) -> bool:
    """Whether a reading is of the future: "będzie", or a perfective verb in the present form ("podpiszą")."""
    return i.pos == "bedzie" or i.pos == "fin" and ":perf" in i.raw


def head_lemma(gaz: Gazetteer, t: Token) -> str | None:
    """The organisation-kind or programme head lemma of a capitalised noun, if it is one."""
    if not t.is_cap:
        return None
    for i in nouns(t):
        low = i.lemma.lower()
        if low in gaz.heads or low in gaz.programme_heads:
            return low
    return None


def lower_head(gaz: Gazetteer, t: Token) -> str | None:
    """The organisation-kind head lemma of a lower-case noun ("stowarzyszenia", "spółdzielni")."""
    if not t.is_word or t.is_cap:
        return None
    return next((i.lemma.lower() for i in nouns(t) if i.lemma.lower() in gaz.heads), None)


def surname_like(t: Token) -> bool:
    """A word that can be a surname: the dictionary says so, or it does not know the word at all."""
    if all(i.pos == "ign" for i in t.interps):
        return True
    if "-" in t.text:
        return True
    return any(i.is_surname for i in t.interps)


def is_first_name(t: Token) -> bool:
    return any(i.is_first_name for i in t.interps)


def is_patron(doc: Doc, k: int) -> bool:
    """A name after "im." or "św." is part of an institution's name, not a person present, and one after "ul." or
    "placu" a street's."""
    markers = doc.gaz.words("patron_markers") | doc.gaz.words("street_markers")
    p1, p2 = doc.tok(k - 1), doc.tok(k - 2)
    if p1 is not None and (p1.text.lower() in markers or p1.lemmas & markers) and p1.text != ".":
        return True  # "im. Janusza Korczaka", "Najświętszej Marii Panny"
    return p1 is not None and p2 is not None and p1.text == "." and p2.text.lower() in markers


def is_person_start(doc: Doc, i: int) -> bool:
    """Whether a first name followed by a surname starts at token ``i``, perhaps with a second given name
    between them ("Karolina Maria Zapała")."""
    t, u = doc.tok(i), doc.tok(i + 1)
    honorifics = doc.gaz.words("honorifics")
    if not (t is not None and u is not None and t.is_cap and u.is_cap and not u.is_upper and is_first_name(t)
            and u.sentence == t.sentence and t.text.lower() not in honorifics and not (t.lemmas & honorifics)
            and not head_lemma(doc.gaz, u)):
        return False
    p = doc.tok(i - 1)
    if p is not None and p.text.lower() in doc.gaz.words("locative_prepositions") and not any(
            r.is_first_name and r.cases & {"loc", "acc"} for r in t.interps):
        return False  # "w Janowie Anna Kot": a place in the locative, then the name
    if surname_like(u):
        return True
    w = doc.tok(i + 2)
    return (is_first_name(u) and w is not None and w.sentence == t.sentence and w.is_cap and not w.is_upper
            and not head_lemma(doc.gaz, w) and surname_like(w))


def is_place(doc: Doc, t: Token) -> bool:
    if any(i.is_geo for i in t.interps):
        return True
    return any(doc.gaz.register.gminas_by_name(i.lemma) for i in nouns(t))


def is_verb(t: Token) -> bool:
    return any(i.pos in VERB_POS for i in t.interps)


def genitive_noun(t: Token) -> bool:
    return any("gen" in i.cases for i in nouns(t))


def noun_follows(toks: Sequence[Token], j: int) -> bool:
    return j + 1 < len(toks) and bool(nouns(toks[j + 1]) or adjectives(toks[j + 1]))


def case_of(t: Token, lemma: str) -> str | None:
    cases: set[str] = set()
    for i in nouns(t, lemma):
        cases |= set(i.cases)
    for c in ("nom", "gen", "loc", "inst", "acc", "dat"):
        if c in cases:
            return c
    return None


def span_lemmas(span: Iterable[Token]) -> set[str]:
    out: set[str] = set()
    for t in span:
        out |= {x.lower() for x in t.lemmas}
        out.add(t.text.lower())
    return out


def voivodeship_name(adj_lemma: str) -> str:
    """The voivodeship's name from its adjective: "świętokrzyski" -> "świętokrzyskie"."""
    return adj_lemma + "e" if adj_lemma.endswith("i") else adj_lemma


def adjective_lemma(t: Token, a_lemma: str) -> str:
    """The lemma of a compound adjective as written: "Warmińsko-Mazurskiego" -> "warmińsko-mazurski"."""
    if "-" in t.text and "-" not in a_lemma:
        return t.text.rsplit("-", 1)[0].lower() + "-" + a_lemma
    return a_lemma


_VOCABULARY: dict[int, frozenset[str]] = {}


def kind_vocabulary(gaz: Gazetteer) -> frozenset[str]:
    """Every word a kind's generic name is made of: level adjectives, head nouns, the kinds' own words."""
    if id(gaz) not in _VOCABULARY:
        words = set(gaz.words("level_adjectives")) | set(gaz.heads) | set(gaz.words("kind_vocabulary"))
        for k in gaz.kinds:
            for alt in k.also:
                words |= alt
        _VOCABULARY[id(gaz)] = frozenset(words)
    return _VOCABULARY[id(gaz)]


_HEAD_WORDS: dict[tuple[int, str], frozenset[str]] = {}


def head_vocabulary(gaz: Gazetteer, head: str) -> frozenset[str]:
    """The adjectives that belong to the name of a kind with this head noun: its kinds' and programmes' own words
    ("marszałkowski" for "urząd", "operacyjny" for "program") and the level adjectives."""
    key = (id(gaz), head)
    if key not in _HEAD_WORDS:
        words = set(gaz.words("level_adjectives")) | set(gaz.words("kind_vocabulary"))
        for k in gaz.kinds:
            if k.head == head:
                for alt in k.also:
                    words |= alt
        for h, also, _code in gaz.programmes:
            if h == head:
                for alt in also:
                    words |= alt
        _HEAD_WORDS[key] = frozenset(words)
    return _HEAD_WORDS[key]
