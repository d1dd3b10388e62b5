"""Territories named by a lower-case kind word and a name: "w powiecie starachowickim" is powiat starachowicki
(TERYT 2611), "województwa świętokrzyskiego", "woj. lubuskim", "gminie Bałtów".

A capitalised "Powiat Starachowicki" is the self-government, an organisation, found elsewhere. Which of several
counties of one name is meant is decided later, by the article's voivodeship.
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.lexical import adjective_lemma, voivodeship_name
from loaders.names import adjectives
from loaders.registry import construction
from loaders.tokens import Token
from loaders.towns import town_at

ABBREVIATED = {"woj": "województwo", "pow": "powiat", "gm": "gmina"}


@construction("county-of-role", "mentions", patterned=False)
def county_of_role(doc: Doc) -> None:
    """ "Starosta Świecki", "starostę koneckiego": a county's head named with its adjective names the county."""
    reg = doc.gaz.register
    levels = doc.gaz.role_levels
    for k, t in enumerate(doc.tokens[:-1]):
        nxt = doc.tokens[k + 1]
        if nxt.sentence != t.sentence or (k + 1) in doc.claimed or not nxt.is_word:
            continue
        if not any(levels.get(slug) == "county" for slug in _role_slugs(doc, t)):
            continue
        for a in adjectives(nxt):
            found = reg.counties_by_name(a.lemma)
            if found:
                doc.add(Mention("County", k + 1, k + 2, f"powiat {a.lemma}", t.sentence,
                                teryt=",".join(c.code for c in found)), "county-of-role")
                break


_ROLE_WORDS: dict[int, dict[str, set[str]]] = {}


def _role_slugs(doc: Doc, t: Token) -> set[str]:
    """The one-word roles a token may be ("starostę" is starosta)."""
    index = _ROLE_WORDS.get(id(doc.gaz))
    if index is None:
        index = {}
        for p in doc.gaz.phrases("roles"):
            if len(p.words) == 1:
                for w in p.lemmas[0] | {p.words[0]}:
                    index.setdefault(w, set()).add(p.value)
        _ROLE_WORDS[id(doc.gaz)] = index
    out: set[str] = set()
    for w in {t.text.lower()} | set(t.lemmas):
        out |= index.get(w, set())
    return out


@construction("territory-phrase", "mentions", patterned=False)
def territory_phrases(doc: Doc) -> None:
    """ "powiat" / "województwo" / "gmina" (or "pow.", "woj.") followed by the territory's name."""
    toks = doc.tokens
    for k, t in enumerate(toks):
        if not t.is_word or t.is_cap or k in doc.claimed:
            continue
        nxt = doc.tok(k + 1)
        if nxt is not None and nxt.text == "." and t.text.lower() in ABBREVIATED:
            name_tok = doc.tok(k + 2)  # "woj. lubuskim", "pow. buskim"
            if name_tok is None or not name_tok.is_word or name_tok.sentence != t.sentence:
                continue
            _territory(doc, k, name_tok, {ABBREVIATED[t.text.lower()]}, t, width=3)
            continue
        if nxt is None or not nxt.is_word or nxt.sentence != t.sentence:
            continue
        _territory(doc, k, nxt, set(t.lemmas), t, width=2)


def _territory(doc: Doc, k: int, nxt: Token, lem: set[str], t: Token, width: int) -> None:
    reg = doc.gaz.register
    if "powiat" in lem:
        code = _county_named(doc, nxt)
        if code:
            doc.add(Mention("County", k, k + width, f"powiat {code[0]}", t.sentence, teryt=code[1]),
                    "territory-phrase")
            _more_counties(doc, k + width)
    elif "województwo" in lem or "region" in lem:
        for a in adjectives(nxt):
            v = reg.voivodeship_by_name(voivodeship_name(adjective_lemma(nxt, a.lemma)))
            if v:
                doc.add(Mention("Voivodeship", k, k + width, f"województwo {v.name}", t.sentence, teryt=v.code),
                        "territory-phrase")
                return
    elif "gmina" in lem and nxt.is_word and nxt.text.lower() in doc.gaz.words("town_gmina_words"):
        after = doc.tok(nxt.i + 1)  # "gmina miejska Sanok", "Gmina Miasto Wejherowo": the town
        if after is not None and after.sentence == t.sentence:
            end = _gmina(doc, k, after.i, t.sentence, town=True)
            if end is not None:
                _more_gminas(doc, end, t.sentence)
    elif ("gmina" in lem or "miasto" in lem) and nxt.is_cap:
        town = "gmina" not in lem  # "w mieście Sanok", "miast Sanok i Krosno": the towns
        end = _gmina(doc, k, nxt.i, t.sentence, town=town)
        if end is not None:
            _more_gminas(doc, end, t.sentence, town)


#: words that join the items of a list of territories: "powiatów kartuskiego i kościerskiego"
LIST_JOINS = {",", "i", "oraz", "lub", "albo"}


def _county_named(doc: Doc, t: Token) -> tuple[str, str] | None:
    """(name, TERYT codes) of the county an adjective names: "kartuskiego" is powiat kartuski."""
    for a in adjectives(t):
        found = doc.gaz.register.counties_by_name(a.lemma)
        if found:
            return a.lemma, ",".join(c.code for c in found)
    return None


def _gmina(doc: Doc, k: int, at: int, s: int, town: bool) -> int | None:
    """Add the gmina whose name starts at token ``at`` (the mention from token ``k``); one past it, or None.
    After "gmina" a name that a town and the rural gmina around it share is the rural gmina ("gmina Sanok"),
    after "gmina miejska" the town."""
    t = doc.tok(at)
    if t is None or not t.is_cap or t.sentence != s or at in doc.claimed:
        return None
    hit = town_at(doc, at)
    if hit is None:
        return None
    end, found = hit
    if any(i in doc.claimed for i in range(at, end)):
        return None
    first = found[0]
    rest = [g for g in found if g.name == first.name and g.voivodeship == first.voivodeship]
    pick = next((g for g in rest if g.code.endswith("1") == town), first)
    found = [pick] + [g for g in found if g is not pick]
    doc.add(Mention("Municipality", k, end, f"gmina {pick.name}", s, teryt=",".join(g.code for g in found)),
            "territory-phrase")
    return end


def _joined(doc: Doc, j: int, s: int) -> int | None:
    """The token after a list's join at ``j`` (", ", " i ", ", a także "), or None where the list ends."""
    t = doc.tok(j)
    if t is None or t.sentence != s or t.text.lower() not in LIST_JOINS:
        return None
    nxt = doc.tok(j + 1)
    if t.text == "," and nxt is not None and nxt.text.lower() == "a" and (u := doc.tok(j + 2)) is not None \
            and u.text.lower() == "także":
        return j + 3
    return j + 1


def _more_counties(doc: Doc, j: int) -> None:
    """The other counties of a list that shares one "powiat": "w powiatach ełckim, gołdapskim i piskim"."""
    s = doc.tokens[j - 1].sentence
    while (at := _joined(doc, j, s)) is not None:
        t = doc.tok(at)
        if t is None or not t.is_word or t.is_cap or at in doc.claimed or (code := _county_named(doc, t)) is None:
            return
        doc.add(Mention("County", at, at + 1, f"powiat {code[0]}", s, teryt=code[1]), "territory-phrase")
        j = at + 1


def _more_gminas(doc: Doc, j: int, s: int, town: bool = False) -> None:
    """The other gminas of a list that shares one "gmina": "z gmin Bobolice, Polanów i Sianów"."""
    while (at := _joined(doc, j, s)) is not None:
        end = _gmina(doc, at, at, s, town=town)
        if end is None:
            return
        j = end


def coordinated(doc: Doc, m: Mention) -> list[Mention]:
    """The territories listed with ``m`` ("powiaty kartuski i kościerski"), ``m`` first: each of them is what
    ``m`` is."""
    out = [m]
    for direction in (1, -1):
        cur = m
        while True:
            near = [x for x in doc.in_sentence(m.sentence, (m.type,)) if x not in out and (
                direction == 1 and _between(doc, cur.end, x.start) or direction == -1 and _between(doc, x.end,
                                                                                                   cur.start))]
            if not near:
                break
            cur = near[0]
            out.append(cur)
    return out


def _between(doc: Doc, a: int, b: int) -> bool:
    """Only a list's join lies between tokens ``a`` and ``b``."""
    words = [t.text.lower() for t in doc.tokens[a:b]]
    return 1 <= len(words) <= 3 and all(w in LIST_JOINS or w in ("a", "także") for w in words)
