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
        for a in adjectives(nxt):
            found = reg.counties_by_name(a.lemma)
            if found:
                doc.add(Mention("County", k, k + width, f"powiat {a.lemma}", t.sentence,
                                teryt=",".join(c.code for c in found)), "territory-phrase")
                return
    elif "województwo" in lem or "region" in lem:
        for a in adjectives(nxt):
            v = reg.voivodeship_by_name(voivodeship_name(adjective_lemma(nxt, a.lemma)))
            if v:
                doc.add(Mention("Voivodeship", k, k + width, f"województwo {v.name}", t.sentence, teryt=v.code),
                        "territory-phrase")
                return
    elif "gmina" in lem and nxt.is_cap:
        for n in {i.lemma for i in nxt.interps if i.pos == "subst"} | {nxt.text}:
            found = reg.gminas_by_name(n)
            if found:
                doc.add(Mention("Municipality", k, k + width, f"gmina {found[0].name}", t.sentence,
                                teryt=",".join(g.code for g in found)), "territory-phrase")
                return
