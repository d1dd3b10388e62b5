"""How organisations hang together: self-governments and their territory, founders, units of a larger body.

"Powiat Starachowicki" governs powiat starachowicki; "spółdzielnia założona przez Gminę Bałtów i Powiat
Ostrowiecki" has two founders; "Departament … Urzędu Marszałkowskiego" and "Departament … w Ministerstwie …"
are units of the body they name.
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.names import nouns
from loaders.matcher import Match
from loaders.registry import construction
from loaders.lists import list_items
from loaders.relate import after, governs
from loaders.rolesegments import read_segment


@construction("self-government", "relations", patterned=False)
def governments(doc: Doc) -> None:
    """A self-government's name says what it governs: "Powiat Konecki", "Gmina Bałtów", "Województwo Śląskie"."""
    reg = doc.gaz.register
    for m in doc.of_type("Organization"):
        if not m.kind or m.kind.kind != "LocalGovernment":
            continue
        words = m.name.split()
        if len(words) < 2:
            continue
        head, rest = words[0].lower(), " ".join(words[1:])
        key = doc.key(m)
        if key is None:
            continue
        if head == "powiat":
            found = reg.counties_by_name(rest.lower(), doc.region) or reg.counties_by_name(rest.lower())
            if found:
                governs(doc, key, "county", found[0].code)
        elif head in ("województwo", "samorząd") and m.region:
            governs(doc, key, "voivodeship", m.region)  # the name's adjective says which one
        elif head in ("gmina", "miasto") and m.gmina:
            governs(doc, key, "gmina", m.gmina)  # the one its name was read as ("Gmina Nowa Ruda": the rural one)
        elif head in ("gmina", "miasto"):
            gminas = reg.gminas_by_name(rest)
            if doc.region:
                gminas = [g for g in gminas if g.voivodeship == doc.region] or gminas
            if gminas:
                governs(doc, key, "gmina", gminas[0].code)


@construction("founder-by", "relations", patterned=False)
def founders(doc: Doc) -> None:
    """ "założona / utworzona / powołana przez X i Y": the organisation before the cue was founded by them."""
    cues = doc.gaz.words("founder_cues")
    for s in range(len(doc.sentences)):
        toks = doc.sentence_tokens(s)
        for n, t in enumerate(toks):
            if not t.lemmas & cues:
                continue
            przez = next((u for u in toks[n + 1:n + 3] if u.text.lower() == "przez"), None)
            if przez is None:
                continue
            subject = _founded(doc, s, t.i)
            for f in after(doc, s, przez.i + 1, ("Organization", "Person"), stop_at_clause=True):
                if subject:
                    doc.relate("founder", subject, doc.key(f), s, "founder-by")


@construction("founder-verb", "relations", slots=("cue",))
def founder_verb(doc: Doc, match: Match) -> None:
    """An active founding verb: its subjects before it, in the nominative or joined by "wraz z" / "razem z",
    founded the organisation after it ("powołało do życia spółdzielnię": the cooperative named before)."""
    s, (cue, end) = match.sentence, match.span("cue") or (match.start, match.end)
    if _founded_by_relative(doc, s, cue, end):
        return
    seg = read_segment(doc, end)
    if seg is not None and seg.org is not None:  # "Zespół powołał Wójt Gminy Lipnik": the role's body founded it
        before = [m for m in doc.in_sentence(s, ("Organization",)) if m.end <= cue and doc.key(m)]
        if before and doc.key(before[-1]) != seg.org:
            doc.relate("founder", doc.key(before[-1]), seg.org, s, "founder-verb")
        return
    if _object_first(doc, s, cue, end):
        return
    founded = _founded_after(doc, s, end)
    if founded is None:
        return
    a, _ = doc.sentence_span(s)
    relative = doc.gaz.words("relative_words")
    start = max([t.i + 1 for t in doc.tokens[a:cue] if t.lemmas & relative or t.text in (";", ":")], default=a)
    for m in doc.in_sentence(s, ("Organization",)):
        if start <= m.start and m.end <= cue and doc.key(m) not in (None, founded) and _subject(doc, m):
            doc.relate("founder", founded, doc.key(m), s, "founder-verb")


@construction("founder-noun", "relations", slots=("cue",))
def founder_noun(doc: Doc, match: Match) -> None:
    """ "Założycielami spółdzielni są Gmina X i Stowarzyszenie Y", "Gmina X i Fundacja Y są jej założycielami":
    the list on the other side of "być" / "zostać" founded the body the noun names."""
    s, (cue, end) = match.sentence, match.span("cue") or (match.start, match.end)
    a, b = doc.sentence_span(s)
    copula = next((t.i for t in doc.tokens[a:b] if t.lemmas & {"być", "zostać"} and abs(t.i - cue) <= 6), None)
    if copula is None:
        return
    founded = _founded_after(doc, s, end, ("gen",), stop=copula if copula > cue else None)
    if founded is None:
        return
    items = list_items(doc, copula + 1, s) if copula > cue else list_items(doc, a, s, stop=copula)
    for it in items:
        m = it.first("Organization", "Person")
        if m is not None and doc.key(m) != founded:
            doc.relate("founder", founded, doc.key(m), s, "founder-noun")


def _founded_by_relative(doc: Doc, s: int, cue: int, end: int) -> bool:
    """ "spółdzielnia socjalna „Smak”, którą założyły Gmina X i Fundacja Y": the body before the relative pronoun
    was founded by the subjects after the verb."""
    rel = doc.tok(cue - 1)
    comma = doc.tok(cue - 2)
    if rel is None or comma is None or comma.text != "," or "który" not in rel.lemmas \
            or rel.text.lower() not in ("którą", "którego", "które"):
        return False
    founded = next((m for m in doc.in_sentence(s, ("Organization",)) if m.end in (cue - 2, cue - 1)), None)
    if founded is None or doc.key(founded) is None:
        return False
    for it in list_items(doc, end, s):
        m = it.first("Organization", "Person")
        if m is None or it.mentions[0] is not m or not _subject(doc, m):
            break
        if doc.key(m) != doc.key(founded):
            doc.relate("founder", doc.key(founded), doc.key(m), s, "founder-verb")
    return True


def _object_first(doc: Doc, s: int, cue: int, end: int) -> bool:
    """ "Spółdzielnię socjalną X założyły Gmina A i Stowarzyszenie B": the founded body in the accusative before the
    verb, its founders after it. True when the sentence is built so."""
    a, _ = doc.sentence_span(s)
    before = [m for m in doc.in_sentence(s, ("Organization",)) if a <= m.start and m.end <= cue]
    if not before or before[-1].case != "acc" or any(_subject(doc, m) for m in before):
        return False
    founded = doc.key(before[-1])
    for it in list_items(doc, end, s):
        m = next((m for m in it.mentions if m.type == "Organization"), None)
        if m is not None and doc.key(m) not in (None, founded) and m.case in ("nom", None):
            doc.relate("founder", founded, doc.key(m), s, "founder-verb")
    return True


def _subject(doc: Doc, m: Mention) -> bool:
    before = [t.text.lower() for t in doc.tokens[max(0, m.start - 2):m.start]]
    if before[-1:] in (["z"], ["ze"]):
        return before[:1] in (["wraz"], ["razem"], ["wspólnie"])
    return m.case == "nom" or (m.case is None and not before[-1:] == ["w"])


def _founded_after(doc: Doc, s: int, end: int, cases: tuple[str, ...] = ("acc",), stop: int | None = None
                   ) -> str | None:
    """The organisation a founding verb's object names: a name right after it ("założyły Spółdzielnię Socjalną
    „Razem”"), or a kind's noun standing for one named before ("powołało do życia spółdzielnię")."""
    _, b = doc.sentence_span(s)
    for t in doc.tokens[end:min(b, end + 5, stop if stop is not None else b)]:
        m = doc.outer_at(t.i)
        if m is not None and m.type == "Organization" and doc.key(m):
            return doc.key(m)
        lemma = next((i.lemma.lower() for i in nouns(t) if i.cases & set(cases) and i.lemma.lower() in doc.gaz.heads),
                     None)
        if lemma:
            named = [m for m in doc.of_type("Organization") if m.start < t.i and m.head >= 0 and doc.key(m)
                     and lemma in doc.tokens[m.head].lemmas and not m.generic]
            return doc.key(max(named, key=lambda m: m.start)) if named else None
    return None


def _founded(doc: Doc, s: int, cue: int) -> str | None:
    """What was founded: an organisation before the cue in the sentence, or the one a bare noun refers to."""
    before = [m for m in doc.in_sentence(s, ("Organization",)) if m.end <= cue]
    if before:
        return doc.key(before[-1])
    for t in reversed([u for u in doc.sentence_tokens(s) if u.i < cue]):
        lemma = next((i.lemma.lower() for i in nouns(t) if i.lemma.lower() in doc.gaz.heads), None)
        if lemma:
            for m in sorted(doc.of_type("Organization"), key=lambda m: -m.start):
                if m.start < t.i and m.head >= 0 and lemma in doc.tokens[m.head].lemmas:
                    return doc.key(m)
    return None


@construction("unit-of", "relations", patterned=False)
def units(doc: Doc) -> None:
    """A body named inside another's name in the genitive, or after "w" / "przy", is the unit it belongs to; an
    organ or office of a self-government is linked to it instead."""
    for m in doc.of_type("Organization"):
        parent = doc.by_id.get(m.parent) if m.parent else None
        if parent is not None and doc.key(parent):
            local = parent.kind is not None and parent.kind.kind == "LocalGovernment"
            doc.relate("linked" if local else "suborganization", doc.key(m), doc.key(parent), m.sentence, "unit-of")
        if m.kind and m.kind.kind in ("GovernmentDepartment", "GovernmentBody"):
            k = m.end
            if k + 1 < len(doc.tokens) and doc.tokens[k].text.lower() in ("w", "we", "przy"):
                other = doc.starting_at(k + 1)
                if other is not None and other.type == "Organization":
                    local = other.kind is not None and other.kind.kind == "LocalGovernment"
                    doc.relate("linked" if local else "suborganization", doc.key(m), doc.key(other), m.sentence,
                               "unit-of")


@construction("run-by", "relations", slots=("unit", "host"))
def run_by(doc: Doc, match: Match) -> None:
    """A body run by another or set up beside it is its unit: "CIS prowadzone przez Stowarzyszenie X", "Zakład
    Aktywności Zawodowej przy Stowarzyszeniu X", "Spółdzielnia X, która prowadzi przedszkole „Y”"."""
    u_span, h_span = match.span("unit"), match.span("host")
    unit = doc.outer_at(u_span[0]) if u_span else None
    host = doc.outer_at(h_span[0]) if h_span else None
    if unit is None or host is None or doc.key(unit) is None or doc.key(host) in (None, doc.key(unit)):
        return
    units, runners = doc.gaz.words("run_unit_kinds"), doc.gaz.words("runner_kinds")
    if host.kind is not None and unit.kind is not None and host.kind.kind in units and unit.kind.kind in runners \
            and doc.tokens[h_span[0]].i < doc.tokens[u_span[0]].i:
        # "ZAZ w Płońsku prowadzi Stowarzyszenie „Tęcza”": both read as nominative or accusative alike, so the
        # kinds tell who runs whom: an association runs a workshop, not the other way round
        unit, host = host, unit
    hosts = [host]
    k = host.end
    while doc.tok(k + 1) is not None and doc.tokens[k].text.lower() in (",", "i", "oraz"):
        more = doc.outer_at(k + 1)  # "prowadzonego przez Europejskie Centrum … oraz Stowarzyszenie Tilia"
        if more is None or more.type != "Organization" or more.start != k + 1:
            break
        hosts.append(more)
        k = more.end
    for h in hosts:
        if doc.key(h) not in (None, doc.key(unit)):
            local = h.kind is not None and h.kind.kind == "LocalGovernment"
            doc.relate("linked" if local else "suborganization", doc.key(unit), doc.key(h), match.sentence,
                       "run-by")
