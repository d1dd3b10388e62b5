"""The body a role or a bare kind word stands for when no name follows it.

"starosta konecki" heads Powiat Konecki, "Burmistrz Puszczykowa" Gmina Puszczykowo, "wicemarszałek" the
voivodeship of the article, "członek Zarządu Województwa" too; "prezes spółdzielni" is the one cooperative the
article names, "Przewodnicząca Komitetu" the one committee. What each role heads is data
(``role_levels.tsv``), and so are the kind words that may stand for a body named elsewhere (``words.toml``).
"""
from __future__ import annotations

from graph.model import Entity
from graph.slug import slugify
from graph.teryt import Gmina
from loaders.doc import Doc
from loaders.tokens import Token
from loaders.names import adjectives, nouns
from loaders.relate import body, gmina_government, voivodeship_government
from loaders.towns import town_at


def implied_body(doc: Doc, level: str, j: int, s: int) -> str | None:
    """The self-government a role of ``level`` heads, read from the words at ``j``: "starosta starachowicki" ->
    Powiat Starachowicki; with nothing there, the county or voivodeship of the article."""
    reg = doc.gaz.register
    nxt = doc.tok(j)
    if nxt is not None and nxt.sentence != s:
        nxt = None
    if level == "county":
        code = None
        if nxt is not None:
            for a in adjectives(nxt):
                found = reg.counties_by_name(a.lemma, doc.region)
                if found:
                    code = found[0].code
        code = code or doc.main_county
        c = reg.county(code) if code else None
        if c is None or c.is_city:
            return None
        return body(doc, f"Powiat {c.name[:1].upper()}{c.name[1:]}", "county", c.code)
    if level == "voivodeship":
        if nxt is not None:
            m = doc.starting_at(j)
            if m is not None and m.type == "Organization":
                return doc.key(m)
        return region_body(doc)
    if level == "voivodeship-office":
        return voivode_office(doc, _voivodeship_named(doc, nxt) or doc.region)
    if level in ("gmina", "rural", "city") and nxt is not None:
        word = nxt
        if nxt.text.lower() in ("miasta", "miasto") and doc.tok(j + 3) is not None \
                and doc.tokens[j + 1].text.lower() == "i" and doc.tokens[j + 2].text.lower() in ("gminy", "gmina"):
            j += 2  # "Burmistrz Miasta i Gminy Ożarów"
            nxt = doc.tokens[j]
        if nxt.text.lower() in ("gminy", "miasta", "gmina", "miasto") and doc.tok(j + 1) is not None:
            word = doc.tokens[j + 1]  # "wójt gminy Gowarczów", "burmistrz miasta Pieniężno"
        if not word.is_cap:
            return None
        hit = town_at(doc, word.i)  # "wójt gminy Nowa Ruda", "Burmistrz Puszczykowa"
        if hit is None:
            return None
        found = [g for g in hit[1] if not doc.region or g.voivodeship == doc.region] or hit[1]
        g = min(found, key=lambda g: _headed_by(g, level))
        return body(doc, gmina_government(g), "gmina", g.code)
    return None


def _headed_by(g: Gmina, level: str) -> int:
    """0 if a head of ``level`` heads gmina ``g``: a wójt a rural gmina (TERYT type 2), a burmistrz a town or a
    town-and-country gmina, a prezydent a city; so "wójt gminy Nowa Ruda" is the rural gmina's, not the town's."""
    rural = g.code.endswith("2")
    return int(rural != (level == "rural"))


def _voivodeship_named(doc: Doc, t: Token | None) -> str | None:
    """The voivodeship an adjective names: "świętokrzyski", "opolska", "kujawsko-pomorskiego"."""
    if t is None:
        return None
    prefix = t.text.lower().rsplit("-", 1)[0] + "-" if "-" in t.text else ""
    for a in adjectives(t):
        lemma = prefix + a.lemma.lower().split("-")[-1]
        v = doc.gaz.register.voivodeship_by_name(lemma[:-1] + "ie" if lemma.endswith("i") else lemma)
        if v is not None:
            return v.code
    return None


def voivode_office(doc: Doc, code: str | None) -> str | None:
    """The voivode's office of voivodeship ``code``, which a wojewoda or wicewojewoda heads: "Świętokrzyski Urząd
    Wojewódzki w Kielcach", keyed as the article would key it by name or acronym."""
    v = doc.gaz.register.voivodeship(code) if code else None
    kind = doc.gaz.org_kind("urząd", frozenset({"urząd", "wojewódzki"}))
    if v is None or kind is None:
        return None
    adjective = "-".join(w[:1].upper() + w[1:] for w in v.name[:-2].split("-")) + "i"  # świętokrzyskie -> Świętokrzyski
    seat = doc.gaz.voivode_seats.get(v.code)
    name = f"{adjective} Urząd Wojewódzki" + (f" w {seat[1]}" if seat else "")
    key = f"{kind.code}-{slugify(v.name)}"
    if key not in doc.entities:
        doc.entities[key] = Entity(key=key, type="Organization", name=name, kind=kind.kind, sector=kind.sector)
    return key


def region_body(doc: Doc) -> str | None:
    """The voivodeship of the article as a self-government ("Województwo Świętokrzyskie")."""
    reg = doc.gaz.register
    v = reg.voivodeship(doc.region) if doc.region else None
    if v is None:
        return None
    return body(doc, voivodeship_government(v), "voivodeship", v.code)


def bare_kind_body(doc: Doc, j: int) -> str | None:
    """A kind word with no name at ``j`` that stands for a body: "Województwa" (the article's voivodeship),
    "Powiatu" (its county), or a kind of which the article names exactly one ("spółdzielni", "Komitetu")."""
    t = doc.tok(j)
    for _ in range(2):  # "prezes nowej spółdzielni", "dyrektor tego ośrodka": past the lower-case adjectives
        nxt_ = doc.tok(j + 1)
        if t is None or not t.is_word or t.is_cap or not adjectives(t) or nxt_ is None \
                or nxt_.sentence != t.sentence or not nouns(nxt_) or t.lemmas & doc.gaz.words("anaphoric_kinds"):
            break
        j, t = j + 1, nxt_
    if t is None or not t.is_word:
        return None
    lemmas = {i.lemma.lower() for i in nouns(t)}
    if not lemmas:
        return None
    nxt = doc.tok(j + 1)
    person = doc.starting_at(j + 1)
    named_next = nxt is not None and nxt.sentence == t.sentence and nxt.is_cap and nxt.kind == "word" \
        and not (person is not None and person.type == "Person")  # "członek zarządu województwa Ewa Dudek"
    if "województwo" in lemmas and not named_next:
        return region_body(doc)
    if "powiat" in lemmas and not named_next:
        return implied_body(doc, "county", j + 1, t.sentence)
    if not lemmas & doc.gaz.words("anaphoric_kinds"):
        return None
    named = [m for m in doc.of_type("Organization")
             if m.head >= 0 and doc.tokens[m.head].lemmas & lemmas and doc.key(m)]
    keys = {doc.key(m) for m in named}
    if len(keys) > 1:  # "Przewodnicząca Komitetu" at the committee's meeting: the committee that met
        from loaders.constructions.membership import meeting_body

        met = meeting_body(doc)
        if met is not None and doc.key(met) in keys:
            return doc.key(met)
        # "O spółdzielni „Dziecięcy Świat” opowiedziała … Prezes Spółdzielni": the one named just before
        before = [m for m in named if m.end <= j and t.sentence - doc.tokens[m.start].sentence <= 1]
        if before:
            return doc.key(max(before, key=lambda m: m.end))
    return keys.pop() if len(keys) == 1 else None


def ministry_of(doc: Doc, j: int, end: int) -> str | None:
    """The ministry a minister's title names: "Minister Rodziny, Pracy i Polityki Społecznej" heads Ministerstwo
    Rodziny, Pracy i Polityki Społecznej, one of the national bodies (``national_bodies.tsv``)."""
    words = doc.span_text(j, end).strip(" ,–-")
    if not words:
        return None
    wanted = slugify(f"Ministerstwo {words}")
    found = next((b for b in doc.gaz.national.values() if slugify(b.name) == wanted), None)
    if found is None:
        return None
    key = slugify(found.name)
    if key not in doc.entities:
        doc.entities[key] = Entity(key=key, type="Organization", name=found.name, kind=found.kind,
                                   sector=found.sector)
    return key

