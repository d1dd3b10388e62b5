"""Towns and gminas named in running text: "w Czerwińsku nad Wisłą", "w Zielonej Górze", "w Gorzowie Wlkp.".

A town's name is one to four words, inflected at its nouns and adjectives ("Zielonej Górze" is Zielona Góra) and
kept as written after "nad", "pod" or "w" ("nad Wisłą"); abbreviations are expanded ("Wlkp." is
Wielkopolski). Where several gminas share the name, the one in the article's county or voivodeship is meant,
and a town rather than the rural gmina around it ("w Elblągu" is the city, 2861011, not gmina Elbląg).
"""
from __future__ import annotations

import itertools

from graph.model import reads_as_acronym
from graph.teryt import Gmina
from loaders.doc import Doc
from loaders.morph import morph
from loaders.names import adjectives, nominative_phrase, nouns
from loaders.tokens import Token

LINKS = {"nad", "pod", "w", "przy"}


def _candidates(doc: Doc, i: int) -> list[tuple[int, str]]:
    """(end, nominative name) for the spans starting at ``i`` that could be a town, longest first."""
    toks = doc.tokens
    t = doc.tok(i)
    if t is None or not t.is_cap:
        return []
    abbreviations = doc.gaz.mapping("place_abbreviations")
    out: list[tuple[int, str]] = []
    j = i
    words: list[Token] = []
    while j < len(toks) and len(words) < 4 and toks[j].sentence == t.sentence:
        u = toks[j]
        if u.is_cap or (words and u.text.lower() in LINKS and doc.tok(j + 1) is not None and toks[j + 1].is_cap):
            words.append(u)
            j += 1
            if doc.tok(j) is not None and toks[j].text == "." and u.text.lower() in abbreviations:
                j += 1  # "Wlkp."
            if u.is_cap:
                out.append((j, _nominative(doc, words)))
            continue
        break
    return sorted(out, key=lambda x: -x[0])


def _nominative(doc: Doc, words: list[Token]) -> str:
    abbreviations = doc.gaz.mapping("place_abbreviations")
    cut = next((n for n, w in enumerate(words) if w.text.lower() in LINKS), len(words))
    head = words[:cut]
    tail = " ".join(abbreviations.get(w.text.lower(), (w.text,))[0] for w in words[cut:])
    noun_at = next((n for n in range(len(head) - 1, -1, -1) if nouns(head[n])), None)
    if noun_at is None:
        name = " ".join(abbreviations.get(w.text.lower(), (w.text,))[0] for w in head)
    else:
        lemma = nouns(head[noun_at])[0].lemma.lower()
        name = nominative_phrase(head, noun_at, lemma, doc.text, ("loc", "gen"))
        if len(head) == 1:
            geo = next((i.lemma for i in nouns(head[0]) if i.is_geo), None)
            name = geo or name
    name = " ".join(abbreviations.get(w.lower().rstrip("."), (w,))[0] for w in name.split())
    return f"{name} {tail}".strip()


def _by_place_lemmas(doc: Doc, i: int, end: int) -> list[Gmina]:
    """A town of several words read word by word as place names: "Nowej Rudy" is Nowa + Ruda."""
    words = doc.tokens[i:end]
    if not 1 < len(words) <= 3 or not all(w.is_cap for w in words):
        return []
    options = [sorted({x.lemma for x in nouns(w) if x.is_geo}) or [w.text, *unknown_place(doc, w)] for w in words]
    for combo in itertools.islice(itertools.product(*options), 16):
        found = doc.gaz.register.gminas_by_name(" ".join(combo))
        if found:
            return found
    return _by_agreement(doc, words)


def _by_agreement(doc: Doc, words: list[Token]) -> list[Gmina]:
    """A town named by a noun and adjectives that agree with it, each put in the nominative of the noun's gender:
    "Ostrowcu Świętokrzyskim" is Ostrowiec Świętokrzyski, "Nowym Mieście Lubawskim" Nowe Miasto Lubawskie."""
    m = morph()
    for n, w in enumerate(words):
        for head in nouns(w):
            if not w.text[:1].isupper() or not any(adjectives(x) for k, x in enumerate(words) if k != n):
                continue
            for gender in head.genders:
                parts = []
                for k, x in enumerate(words):
                    if k == n:
                        parts.append(head.lemma[:1].upper() + head.lemma[1:])
                        continue
                    form = next((f for a in adjectives(x) if (f := m.inflect(a.lemma.lower(), "adj", "nom", "sg", gender))),
                                None)
                    if form is None:
                        break
                    parts.append(form[:1].upper() + form[1:])
                else:
                    found = doc.gaz.register.gminas_by_name(" ".join(parts))
                    if found:
                        return found
    return []


def unknown_place(doc: Doc, t: Token) -> list[str]:
    """The nominatives a capitalised word the dictionary does not know may have as a place name declined as an
    adjective: "Cisnej" may be Cisna, "Uhruskiej" Uhruska."""
    if not t.is_cap or any(i.pos != "ign" for i in t.interps):
        return []
    low = t.text.lower()
    for end, nominatives in sorted(doc.gaz.mapping("place_endings").items(), key=lambda kv: -len(kv[0])):
        if low.endswith(end) and len(low) > len(end) + 2:
            return [t.text[:len(t.text) - len(end)] + n for n in nominatives]
    return []


def _double(word: str) -> bool:
    """A name of two capitalised halves joined by a hyphen: "Bielsku-Białej", "Krynicy-Zdroju"."""
    parts = word.split("-")
    return len(parts) == 2 and all(p[:1].isupper() and p[1:].isalpha() for p in parts)


def _hyphenated(doc: Doc, word: str) -> list[Gmina]:
    """A town of two hyphenated halves, each put in the nominative: "Bielsku-Białej" is Bielsko-Biała,
    "Kędzierzynie-Koźlu" Kędzierzyn-Koźle, "Skarżysku-Kamiennej" Skarżysko-Kamienna."""
    m = morph()
    options = []
    for part in word.split("-"):
        forms = [part]
        for x in m.analyse(part):
            if x.pos == "subst":
                forms.append(x.lemma)
            elif x.pos == "adj":
                forms += [f for g in ("f", "n", "m1") if (f := m.inflect(x.lemma.lower(), "adj", "nom", "sg", g))]
        options.append(list(dict.fromkeys(f[:1].upper() + f[1:] for f in forms)))
    for a, b in itertools.islice(itertools.product(*options), 64):
        found = doc.gaz.register.gminas_by_name(f"{a}-{b}")
        if found:
            return found
    return []


def _district(doc: Doc, word: str) -> list[Gmina]:
    """A city's district joined to it by a hyphen is the city: "Warszawie-Wesołej" is Warszawa. Only a city that
    is a county of its own (TERYT county number 61 and up) has districts so named."""
    half = word.split("-")[0]
    lemmas = {x.lemma for x in morph().analyse(half) if x.pos == "subst"}
    return [g for lemma in sorted(lemmas) for g in doc.gaz.register.gminas_by_name(lemma) if g.county[2:] >= "61"]


def town_at(doc: Doc, i: int) -> tuple[int, list[Gmina]] | None:
    """The gminas a town name starting at token ``i`` names, best first, and one past the name; or None."""
    reg = doc.gaz.register
    for end, name in _candidates(doc, i):
        if end == i + 1 and _double(doc.tokens[i].text):
            found = _hyphenated(doc, doc.tokens[i].text) or _district(doc, doc.tokens[i].text)
            if found:
                return end, rank(doc, found)
            continue  # "Bielsku-Białej" is not Bielsk
        found = reg.gminas_by_name(name) or _by_place_lemmas(doc, i, end)
        if not found and end == i + 1:
            t = doc.tokens[i]
            for lemma in [r.lemma for r in list(nouns(t)) + list(adjectives(t))] + unknown_place(doc, t):
                found = reg.gminas_by_name(lemma)
                if found:
                    break
        if found:
            return end, rank(doc, found)
    return None


def rank(doc: Doc, gminas: list[Gmina]) -> list[Gmina]:
    """Gminas of one name, most likely first: in the article's county, then its voivodeship; a town first."""
    def key(g: Gmina) -> tuple[int, int, int]:
        in_county = doc.main_county is not None and g.code.startswith(doc.main_county)
        in_region = doc.region is not None and g.code.startswith(doc.region)
        rural = g.code.endswith("2")  # TERYT type 2: a rural gmina, not the town of that name
        return (not in_county, not in_region, rural)
    return sorted(gminas, key=key)


def village_end(doc: Doc, j: int) -> int | None:
    """One past "w <village>" at ``j`` closing an organisation's name: a capitalised noun in the locative, or a
    word the dictionary does not know, and up to two capitalised words in the locative after it ("w Uhercach
    Mineralnych", "w Pogalewie Wielkim"). Villages are not in the register of gminas, so any such name is taken."""
    from loaders.lexical import head_lemma, is_person_start

    at, first = doc.tok(j), doc.tok(j + 1)
    if at is None or first is None or at.text not in ("w", "we") or first.sentence != at.sentence:
        return None  # "W" of a headline in title case ("Koło Gospodyń Wiejskich W Akcji") places nothing

    def locative(i: int, noun: bool) -> bool:
        t = doc.tok(i)
        if t is None or t.sentence != at.sentence or not t.is_cap or t.is_upper or not t.is_word \
                or i in doc.claimed or head_lemma(doc.gaz, t) or is_person_start(doc, i) \
                or t.lemmas & doc.gaz.words("not_villages") or reads_as_acronym(t.text):
            return False
        if all(x.pos == "ign" for x in t.interps):
            return True
        readings = list(nouns(t)) if noun else [*nouns(t), *adjectives(t)]
        return any("loc" in x.cases for x in readings)

    if not locative(j + 1, noun=True):
        return None
    end = j + 2
    while end - j < 4 and locative(end, noun=False):
        end += 1
    return end

