"""Polish morphology through Morfeusz 2 (SGJP dictionary): lemmas, cases, name tags, and nominative forms.

Analyses are cached per word form: news articles repeat their vocabulary, and Morfeusz is the floor of the
extraction's speed. Tags follow the NKJP tagset (``subst:sg:gen:m3``); see :class:`Interp`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import morfeusz2

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
GENDERS = ("m1", "m2", "m3", "f", "n")


@dataclass(frozen=True)
class Interp:
    """One reading of a word form."""

    lemma: str  # without Morfeusz's ":Sm1"-style homonym suffix
    pos: str  # subst, adj, ppas, fin, praet, prep, conj, ign ...
    numbers: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    tags: tuple[str, ...]  # name tags: imię, nazwisko, nazwa_geograficzna, nazwa_pospolita ...
    raw: str

    @property
    def is_first_name(self) -> bool:
        return "imię" in self.tags

    @property
    def is_surname(self) -> bool:
        return "nazwisko" in self.tags

    @property
    def is_geo(self) -> bool:
        return "nazwa_geograficzna" in self.tags


def _parse(lemma: str, tag: str, names: list[str]) -> Interp:
    return _parse_cached(lemma, tag, tuple(names))


@functools.lru_cache(maxsize=200_000)
def _parse_cached(lemma: str, tag: str, names: tuple[str, ...]) -> Interp:
    """Readings repeat across word forms (every adjective has the same dozen tags): parse each once."""
    parts = tag.split(":")
    pos = parts[0]
    numbers: set[str] = set()
    cases: set[str] = set()
    genders: set[str] = set()
    for p in parts[1:]:
        vals = set(p.split("."))
        if vals <= {"sg", "pl"}:
            numbers |= vals
        elif vals <= set(CASES):
            cases |= vals
        elif vals <= set(GENDERS):
            genders |= vals
    return Interp(lemma.split(":")[0], pos, frozenset(numbers), frozenset(cases), frozenset(genders),
                  names, tag)


class Morph:
    """A cached Morfeusz analyser and generator."""

    def __init__(self) -> None:
        self._m = morfeusz2.Morfeusz(generate=True, expand_tags=False)

    @functools.lru_cache(maxsize=200_000)
    def analyse(self, word: str) -> tuple[Interp, ...]:
        out = []
        for _start, _end, (_form, lemma, tag, names, _quals) in self._m.analyse(word):
            if tag.startswith("interp") or tag.startswith("sp"):
                continue
            out.append(_parse(lemma, tag, names))
        return tuple(out)

    def known(self, word: str) -> bool:
        return any(i.pos != "ign" for i in self.analyse(word))

    @functools.lru_cache(maxsize=50_000)
    def forms(self, lemma: str) -> tuple[tuple[str, Interp], ...]:
        try:
            gen = self._m.generate(lemma)
        except Exception:  # Morfeusz raises on lemmas it does not know
            return ()
        return tuple((form, _parse(lem, tag, names)) for form, lem, tag, names, _q in gen)

    def inflect(self, lemma: str, pos: str, case: str, number: str, gender: str | None,
                degree: str = "pos") -> str | None:
        """The form of ``lemma`` in the given case, number, gender (adjectives) and degree ("com": "Wyższa"),
        or None."""
        best = None
        for form, i in self.forms(lemma):
            if i.pos != pos or case not in i.cases or number not in i.numbers:
                continue
            if ":neg" in i.raw or _degree(i.raw) != degree:
                continue
            if gender and i.genders and gender not in i.genders:
                continue
            if best is None or len(i.raw) < len(best[1].raw):
                best = (form, i)
        return best[0] if best else None


def _degree(tag: str) -> str:
    return "com" if ":com" in tag else "sup" if ":sup" in tag else "pos"


@functools.lru_cache(maxsize=1)
def morph() -> Morph:
    """The process-wide analyser (loading the dictionary takes a moment)."""
    return Morph()


def match_case(form: str, model: str) -> str:
    """Give ``form`` the capitalisation of ``model``: Title, UPPER or lower."""
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
