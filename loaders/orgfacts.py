"""What an organisation's name itself says: whether it names one body or only a kind, and where the body is.

"Powiatowe Centrum Pomocy Rodzinie" names a kind (every county has one); "Powiatowe Centrum Pomocy Rodzinie w
Świeciu" names one. "Regionalny Ośrodek Polityki Społecznej Województwa Świętokrzyskiego" points to voivodeship
26, "… w Kielcach" to the town's county.
"""
from __future__ import annotations

from graph.teryt import County
from loaders.doc import Doc, Mention
from loaders.gazetteer import OrgKind
from loaders.lexical import adjective_lemma, kind_vocabulary, voivodeship_name
from loaders.names import adjectives, head_reading, nominative_phrase, nouns
from loaders.tokens import DASHES, Token


def is_generic(doc: Doc, span: list[Token], kind: OrgKind, quoted: str | None, acronym: str | None, head: Token,
               head_lemma: str) -> bool:
    """A kind's name with nothing of its own ("Powiatowe Centrum Pomocy Rodzinie") names no one entity, and
    neither does a plural ("Spółdzielni Socjalnych" read with its adjective)."""
    if quoted:
        return False
    if acronym and acronym not in kind.acronyms:
        return False
    if head_lemma != "warsztat" and _plural(span, head, head_lemma):
        return True
    words = [t for t in span if t.is_word]
    if kind.kind == "LocalGovernment":  # "Samorząd Terytorialny" is any of them; "Gmina Bałtów" is one
        generic_words = doc.gaz.words("generic_government_words")
        return not any(t is not head and (any(i.is_geo for i in nouns(t)) or not t.lemmas or
                                          (t.lemmas - generic_words and t.is_cap)) for t in words)
    if kind.scope == "named":  # "Stowarzyszenie" or "Stowarzyszenie w Kielcach": only a kind, perhaps placed
        at = next((n for n, t in enumerate(words) if t.text in ("w", "we", "z", "ze") and n > 0), len(words))
        return at == 1
    vocab = kind_vocabulary(doc.gaz)
    function_words = doc.gaz.words("function_words")
    return all((t.lemmas & vocab) or t.text.lower() in function_words for t in words)


def _plural(span: list[Token], head: Token, lemma: str) -> bool:
    if all(i.numbers == frozenset({"pl"}) for i in nouns(head, lemma)):
        return True
    at = span.index(head) if head in span else 0
    reading = head_reading(head, lemma, span[:at], span[at + 1:])
    return reading is not None and reading[1] == "pl"


def place_of(doc: Doc, m: Mention, span: list[Token]) -> None:
    """The voivodeship, county and town a name itself points to: "Województwa Świętokrzyskiego", "w Kielcach"."""
    from loaders.towns import town_at

    for n, t in enumerate(span[:-1]):
        if t.text in ("w", "we") and n > 0:
            hit = town_at(doc, span[n + 1].i)
            if hit is not None and hit[0] <= span[-1].i + 1:
                m.gmina = hit[1][0].code
                break
    _region_and_county(doc, m, span)


def _region_and_county(doc: Doc, m: Mention, span: list[Token]) -> None:
    reg = doc.gaz.register
    for n, t in enumerate(span):
        for a in adjectives(t):
            v = reg.voivodeship_by_name(voivodeship_name(adjective_lemma(t, a.lemma)))
            if v:
                m.region = v.code
                return
        if n + 1 < len(span) and adjectives(t) and nouns(span[n + 1]) and span[n + 1].is_cap and t.is_cap \
                and n and span[n - 1].text.lower() in ("w", "we"):
            two = nominative_phrase(span[n:n + 2], 1, nouns(span[n + 1])[0].lemma.lower(), doc.text)
            towns = [c for c in reg.counties.values() if c.seat == two]
            if towns:  # a town and its county share a seat: "Zielona Góra" is 0809 and 0862, both in 08
                if len({c.voivodeship for c in towns}) == 1:
                    m.region = towns[0].voivodeship
                if len(towns) == 1 or all(c.is_city for c in towns[1:]):
                    m.county = towns[0].code
                return
        for i in nouns(t):
            if i.lemma.lower() == "świętokrzyskie" or i.is_geo:
                v = reg.voivodeship_by_name(i.lemma)
                if v:
                    m.region = v.code
                    return
                for c in reg.counties_by_name(i.lemma):
                    m.county, m.region = c.code, c.voivodeship
                    return
                towns = [c for c in reg.counties.values() if c.seat == i.lemma]
                if len(towns) == 1:
                    m.county, m.region = towns[0].code, towns[0].voivodeship
                    return


def seat_gmina(doc: Doc, county: County) -> str | None:
    """The TERYT code of the gmina of a county's seat."""
    seat = doc.gaz.register.gminas_by_name(county.seat) if county.seat else []
    inside = next((g.code for g in seat if g.code.startswith(county.code)), None)
    if inside:
        return inside
    # a county whose seat is a city of its own ("kielecki": Kielce is powiat 2661, not in 2604)
    return next((g.code for g in seat if g.code.startswith(county.voivodeship) and g.code.endswith("1")), None)


def named_by_adjective(doc: Doc, m: Mention, span: list[Token], quoted: str | None, acronym: str | None,
                       head: Token, head_lemma: str) -> None:
    """ "Jędrzejowskie Centrum Kultury": a kind's name made one body's by the adjective of its county's seat is
    the body "Centrum Kultury w Jędrzejowie"."""
    if not span[0].text.isalpha() or any(t.text in DASHES for t in span):
        return  # "Kielecko-Ostrowiecki Ośrodek …" is named by two places
    county = next((cs[0] for a in adjectives(span[0])
                   for cs in [doc.gaz.register.counties_by_name(a.lemma, doc.region)] if cs), None)
    if county is None or m.kind is None or not is_generic(doc, span[1:], m.kind, quoted, acronym, head, head_lemma):
        return
    gmina = seat_gmina(doc, county)
    if gmina:
        m.placed, m.county, m.gmina = True, county.code, gmina
