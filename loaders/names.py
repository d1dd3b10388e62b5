"""Names in the nominative: "Dariusza Dąbrowskiego" -> "Dariusz Dąbrowski", "Regionalnego Ośrodka Polityki
Społecznej" -> "Regionalny Ośrodek Polityki Społecznej".

A phrase is inflected at its head: the head noun and the adjectives that agree with it (before it, and right
after it) go to the nominative; genitive complements ("Polityki Społecznej"), prepositional phrases
("w Starachowicach") and quoted names stay as written.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence

from loaders.morph import CASES, Interp, match_case, morph
from loaders.tokens import Token

#: cases tried in this order when a phrase could be in several
CASE_ORDER = ("nom", "gen", "loc", "inst", "acc", "dat", "voc")

#: endings of unknown surnames, by case, for men (surnames Morfeusz does not know, such as "Wolkowinskim")
_MALE_ADJ_SURNAME = [("skiego", "ski"), ("ckiego", "cki"), ("dzkiego", "dzki"), ("skiemu", "ski"),
                     ("ckiemu", "cki"), ("dzkiemu", "dzki"), ("skim", "ski"), ("ckim", "cki"), ("dzkim", "dzki")]
_FEMALE_ADJ_SURNAME = [("skiej", "ska"), ("ckiej", "cka"), ("dzkiej", "dzka"), ("ską", "ska"), ("cką", "cka"),
                       ("dzką", "dzka")]
_MALE_A_SURNAME = {"gen": (("gi", "ga"), ("ki", "ka"), ("y", "a")), "dat": (("dze", "da"), ("ce", "ka")),
                   "inst": (("ą", "a"),), "loc": (("dze", "da"), ("ce", "ka"))}
_MALE_NOUN_ENDINGS = {"gen": ("a",), "acc": ("a",), "dat": ("owi",), "inst": ("em",), "loc": ("u",)}


@functools.lru_cache(maxsize=100_000)
def _nouns(interps: tuple[Interp, ...]) -> tuple[Interp, ...]:
    return tuple(i for i in interps if i.pos in ("subst", "depr"))


@functools.lru_cache(maxsize=100_000)
def _adjectives(interps: tuple[Interp, ...]) -> tuple[Interp, ...]:
    return tuple(i for i in interps if i.pos in ("adj", "ppas", "pact"))


def nouns(tok: Token, lemma: str | None = None) -> list[Interp] | tuple[Interp, ...]:
    found = _nouns(tok.interps)
    return found if lemma is None else [i for i in found if i.lemma.lower() == lemma]


def adjectives(tok: Token) -> tuple[Interp, ...]:
    return _adjectives(tok.interps)


def agree(a: Interp, case: str, number: str, gender: str) -> bool:
    return case in a.cases and number in a.numbers and (not a.genders or gender in a.genders)



def _inflect_adj(tok: Token, interp: Interp, number: str, gender: str) -> str:
    text = tok.text
    prefix = ""
    if "-" in text and any(i.pos == "adja" for i in tok.interps):
        prefix, text = text.rsplit("-", 1)[0] + "-", text.rsplit("-", 1)[1]
    degree = "com" if ":com" in interp.raw else "sup" if ":sup" in interp.raw else "pos"
    form = morph().inflect(interp.lemma, interp.pos if interp.pos != "pact" else "pact", "nom", number, gender, degree)
    if form is None:
        return tok.text
    return prefix + match_case(form, text)


def head_reading(head: Token, lemma: str, before: Sequence[Token], after: Sequence[Token],
                 prefer: tuple[str, ...] = ()) -> tuple[str, str, str] | None:
    """(case, number, gender) of the head noun that its neighbouring adjectives agree with."""
    best: tuple[int, int, tuple[str, str, str]] | None = None
    for i in nouns(head, lemma):
        for number in sorted(i.numbers):
            for gender in sorted(i.genders) or ["n"]:
                for case in i.cases:
                    if case == "voc":
                        continue
                    score = sum(1 for t in before if any(agree(a, case, number, gender) for a in adjectives(t)))
                    if after and any(agree(a, case, number, gender) for a in adjectives(after[0])):
                        score += 1
                    order = (prefer.index(case) if case in prefer else len(prefer) + CASE_ORDER.index(case))
                    key = (score, -order - (10 if number == "pl" else 0), (case, number, gender))
                    if best is None or key[:2] > best[:2]:
                        best = key
    return best[2] if best else None


def nominative_phrase(tokens: Sequence[Token], head_index: int, lemma: str, text: str,
                      prefer: tuple[str, ...] = (), keep: frozenset[str] = frozenset()) -> str:
    """The phrase ``tokens`` (head at ``head_index``) with head and agreeing adjectives in the nominative.

    ``text`` is the article text, used to keep the spacing and punctuation between untouched tokens. After the
    head, an adjective that agrees with the noun after it opens a genitive complement and keeps its case
    ("Wydziału Europejskiego Funduszu" -> "Wydział Europejskiego Funduszu"), unless its lemma is in ``keep``,
    the words of the kind's own name ("Urzędu Marszałkowskiego Województwa" -> "Urząd Marszałkowski …").
    """
    head = tokens[head_index]
    before = tokens[:head_index]
    after = tokens[head_index + 1:]
    reading = head_reading(head, lemma, before, after, prefer)
    forms = [t.text for t in tokens]
    if reading and reading[0] != "nom":
        case, number, gender = reading
        noun = next((i for i in nouns(head, lemma) if case in i.cases and number in i.numbers), None)
        if noun is not None:
            form = morph().inflect(noun.lemma, noun.pos, "nom", number, gender if noun.pos == "subst" else None)
            if form is None and noun.pos == "subst":
                form = morph().inflect(noun.lemma, "subst", "nom", number, None)
            if form:
                forms[head_index] = match_case(form, head.text)
        for k, t in enumerate(before):
            a = next((a for a in adjectives(t) if agree(a, case, number, gender)), None)
            if a is not None:
                forms[k] = _inflect_adj(t, a, number, gender)
        for k, t in enumerate(after, start=head_index + 1):
            a = next((a for a in adjectives(t) if agree(a, case, number, gender)), None)
            if a is None or _opens_complement(t, tokens[k + 1] if k + 1 < len(tokens) else None, keep):
                break
            forms[k] = _inflect_adj(t, a, number, gender)
    return join(tokens, forms, text)


def _opens_complement(t: Token, nxt: Token | None, keep: frozenset[str]) -> bool:
    """ "Fundacji Królowej Polski", "Wydziału Europejskiego Funduszu Społecznego": an adjective in the genitive
    that agrees with the declining noun after it begins a genitive complement."""
    if nxt is None or any(a.lemma.lower() in keep for a in adjectives(t)):
        return False
    genitive = [a for a in adjectives(t) if "gen" in a.cases]
    nominative = {(i.lemma, n) for i in nouns(nxt) if "nom" in i.cases for n in i.numbers}
    if not genitive or any("gen" in i.cases and (i.lemma, n) in nominative for i in nouns(nxt) for n in i.numbers):
        return False  # "Spółdzielni Socjalnej Spektrum": a name that does not decline is no complement
    return any("gen" in n.cases and any(agree(a, "gen", num, g) for a in genitive for num in n.numbers
                                         for g in (n.genders or {"n"}))
               for n in nouns(nxt))


def join(tokens: Sequence[Token], forms: Sequence[str], text: str) -> str:
    """Rebuild a phrase from token forms, keeping single spaces where the text had any gap."""
    out = []
    for k, (t, form) in enumerate(zip(tokens, forms)):
        if k:
            gap = text[tokens[k - 1].end:t.start]
            prev, cur = tokens[k - 1].text, t.text
            if cur in "–—-" and gap:
                out.append("-")  # "Kielecko – Ostrowiecki" -> "Kielecko-Ostrowiecki"
                continue
            if prev in "–—-" and k >= 2 and text[tokens[k - 2].end:tokens[k - 1].start]:
                pass
            elif gap:
                out.append(" ")
        out.append(form)
    return "".join(out).replace(" ,", ",")


def person_name(tokens: Sequence[Token]) -> tuple[str, str] | None:
    """(nominative full name, gender "m"/"f") of a first-name(s) + surname sequence, or None."""
    firsts = []
    k = 0
    while k < len(tokens) - 1 and any(i.is_first_name for i in tokens[k].interps):
        firsts.append(tokens[k])
        k += 1
    surname_toks = tokens[k:]
    if not firsts or len(surname_toks) != 1:
        return None
    surname = surname_toks[0]
    readings = [i for i in firsts[0].interps if i.is_first_name and i.pos == "subst"] or \
        [i for i in firsts[0].interps if i.is_first_name]
    # the first-name reading (case, gender) that the surname agrees with best; nominative first on ties
    best = None
    for r in readings:
        female = "f" in r.genders and "m1" not in r.genders
        for case in r.cases - {"voc"}:
            key = (_surname_fit(surname, case, female), -CASE_ORDER.index(case))
            if best is None or key > best[0]:
                best = (key, r, case)
    if best is None:
        return None
    _, r, case = best
    female = "f" in r.genders and "m1" not in r.genders
    gender = "f" if female else "m"
    first_forms = []
    for t in firsts:
        rr = next((i for i in sorted(t.interps, key=_native_first) if i.is_first_name and case in i.cases and
                   (("f" in i.genders) == female)), None)
        first_forms.append(rr.lemma if rr else t.text)
    sur = _surname_nominative(surname, case, female)
    return " ".join(first_forms + [sur]), gender


def _native_first(i: Interp) -> int:
    """Sort key: of two first names one form could be ("Robertowi": Roberto or Robert, "Jackowi": Jack or Jacek),
    the one the dictionary also knows as a surname is the name long at home in Polish, so the likelier one."""
    return 0 if i.is_surname or any(j.is_surname and j.lemma == i.lemma for j in morph().analyse(i.lemma)) else 1


def _surname_fit(tok: Token, case: str, female: bool) -> int:
    """2: the dictionary knows this surname in this case and gender; 1: some reading fits, or it is unknown."""
    gender = "f" if female else "m1"
    if "-" in tok.text:
        tok_last = tok.text.rsplit("-", 1)[1]
        return _surname_fit(Token(0, tok_last, 0, 0, "word", interps=morph().analyse(tok_last)), case, female)
    known = [i for i in tok.interps if i.pos != "ign"]
    if not known:
        return 1
    if any(i.is_surname and case in i.cases and "sg" in i.numbers and (not i.genders or gender in i.genders)
           for i in known):
        return 2
    if any(i.pos == "adj" and case in i.cases and (not i.genders or gender in i.genders) for i in known):
        return 2 if tok.text.lower().endswith(("ski", "cki", "dzki", "ska", "cka", "dzka", "skiego", "ckiego",
                                                     "skiej", "ckiej", "skim", "ckim", "ską", "cką")) else 1
    return 1 if any(case in i.cases for i in known) else 0



def _surname_nominative(tok: Token, case: str, female: bool) -> str:
    text = tok.text
    if case == "nom":
        return text
    if "-" in text:  # double-barrelled: inflect each part
        parts = text.split("-")
        fake = [Token(0, p, 0, len(p), "word", interps=morph().analyse(p)) for p in parts]
        return "-".join(_surname_nominative(f, case, female) for f in fake)
    gender = "f" if female else "m1"
    for i in tok.interps:
        if i.pos == "subst" and i.is_surname and case in i.cases and (not i.genders or gender in i.genders):
            return match_case(i.lemma, text)
    for i in tok.interps:
        if i.pos == "adj" and case in i.cases:
            form = morph().inflect(i.lemma, "adj", "nom", "sg", gender)
            if form:
                return match_case(form, text)
    for i in tok.interps:
        if i.pos == "subst" and case in i.cases and gender in i.genders:
            return match_case(i.lemma, text)
    low = text.lower()
    if female:
        for end, repl in _FEMALE_ADJ_SURNAME:
            if low.endswith(end):
                return text[: len(text) - len(end)] + repl
        return text
    for end, repl in _MALE_ADJ_SURNAME:
        if low.endswith(end):
            return text[: len(text) - len(end)] + repl
    if all(i.pos == "ign" for i in tok.interps):
        for end, repl in _MALE_A_SURNAME.get(case, ()):  # "Saługi" -> "Saługa" (declined like "Kuba")
            if low.endswith(end) and len(text) - len(end) >= 3:
                return text[: len(text) - len(end)] + repl
        for end in _MALE_NOUN_ENDINGS.get(case, ()):
            if low.endswith(end) and len(text) - len(end) >= 3:
                return text[: len(text) - len(end)]
    return text



__all__ = ["nominative_phrase", "person_name", "join", "head_reading", "nouns", "adjectives", "CASES"]


_GEO = {"nazwa_geograficzna", "człon_nazwy_geograficznej"}


@functools.lru_cache(maxsize=5_000)
def place_locative(place: str) -> str:
    """A place's name after "w": "Starachowice" -> "Starachowicach", "Ostrowiec Świętokrzyski" -> "Ostrowcu
    Świętokrzyskim", "Busko-Zdrój" -> "Busku-Zdroju". Each word in its reading as a place's name, the words in
    one number ("Tarnowskie Góry" -> "Tarnowskich Górach"); a word Morfeusz cannot inflect stays as written."""
    words = [w for word in place.split() for w in word.split("-")]
    plural = any(":pt" in r[0].raw for r in map(_place_readings, words) if r)
    return " ".join("-".join(_locative_word(w, plural) for w in word.split("-")) for word in place.split())


def _place_readings(word: str) -> list[Interp]:
    readings = [i for i in morph().analyse(word) if "nom" in i.cases and i.pos in ("subst", "adj")]
    # a place's name first, then an adjective ("Nowy" Sącz), then other nouns; a plurale tantum before others
    readings.sort(key=lambda i: (0 if set(i.tags) & _GEO and i.lemma == word else 1 if i.pos == "adj" else
                                 2 if set(i.tags) & _GEO else 3, ":pt" not in i.raw))
    return readings


def _locative_word(word: str, plural: bool) -> str:
    for i in _place_readings(word):
        numbers = ["pl"] if plural else sorted(i.numbers, reverse=":pt" in i.raw)
        for number in numbers:
            for form, f in morph().forms(i.lemma):
                if (f.pos == i.pos and "loc" in f.cases and number in f.numbers and ":neg" not in f.raw
                        and (not i.genders or not f.genders or i.genders & f.genders)
                        and (set(f.tags) == set(i.tags)) and ":com" not in f.raw and ":sup" not in f.raw):
                    return match_case(form, word)
    return word


def placed_name(kind_name: str, town: str) -> str:
    """A kind's name placed in a town: ("Centrum Kultury", "Jędrzejów") -> "Centrum Kultury w Jędrzejowie";
    "we" before a "w" or "f" and a consonant ("we Wrocławiu")."""
    place = place_locative(town)
    return f"{kind_name} {'we' if place[:1] in 'WwFf' and place[1:2].lower() not in 'aeiouyąęó' else 'w'} {place}"
