"""Organisations and programmes: names built on a head noun of ``data/gazetteers/org_kinds.tsv`` or
``programmes.tsv``, an acronym before a quoted name, a lower-case kind before a quoted name, and foreign names.
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.gazetteer import OrgKind
from loaders.lexical import VERB_POS, head_lemma, is_person_start, is_verb, lower_head, span_lemmas
from loaders.names import adjectives, nominative_phrase, nouns
from loaders.orgchain import legal_cut, legal_form, read_name
from loaders.matcher import Match
from loaders.orgfacts import place_of
from loaders.registry import construction
from loaders.tokens import Token
from loaders.towns import town_at


@construction("org-name", "mentions", patterned=False)
def org_names(doc: Doc) -> None:
    """A capitalised head noun and what its name goes on with: "Regionalnego Ośrodka Polityki Społecznej w Opolu",
    "Fundacja „Fundusz Współpracy”", "Regionalny Program Operacyjny … na lata 2014-2020"."""
    for k, t in enumerate(doc.tokens):
        if k in doc.claimed:
            continue
        head = head_lemma(doc.gaz, t)
        if head:
            read_name(doc, k, head, "org-name")


def acronym_kind(doc: Doc, word: str) -> OrgKind | None:
    """The kind an acronym names ("LGD"), or that it ends with ("ŚOWES", "mOWES" end with "OWES")."""
    kind = doc.gaz.acronyms.get(word)
    if kind:
        return kind
    for acr, kind in doc.gaz.acronyms.items():
        if len(acr) >= 3 and word.endswith(acr) and len(word) > len(acr):
            return kind
    return None


@construction("org-acronym-quoted", "mentions", patterned=False)
def acronym_quoted(doc: Doc) -> None:
    """A kind's acronym before a quoted name: "LGD „Krzemienny Krąg”" (an "OWES „…”" is rather an event's title)."""
    for k, t in enumerate(doc.tokens):
        if k in doc.claimed or not t.is_upper or k + 1 not in doc.quotes or not doc.is_free(k, k + 1):
            continue
        kind = acronym_kind(doc, t.text)
        if kind is None or kind.scope != "named":
            continue
        end = doc.quotes[k + 1]
        inner = doc.quoted_text(k + 1)
        m = Mention("Organization", k, end + 1, f"{t.text} „{inner}”", t.sentence, kind=kind, quoted=inner, head=k)
        m.aliases.add(inner)
        doc.add(m, "org-acronym-quoted")


@construction("org-kind-quoted", "mentions", patterned=False)
def kind_quoted(doc: Doc) -> None:
    """A lower-case kind before a quoted name: "stowarzyszenia „Bezpieczny Powiat”", "spółdzielni socjalnej
    „Starachowiczanka”"."""
    toks = doc.tokens
    for k, t in enumerate(toks):
        if k in doc.claimed:
            continue
        lemma = lower_head(doc.gaz, t)
        if lemma is None:
            continue
        j = k + 1
        while j < len(toks) and j not in doc.quotes and adjectives(toks[j]) and not toks[j].is_cap and j - k < 3:
            j += 1
        if j not in doc.quotes or not doc.is_free(k, doc.quotes[j] + 1):
            continue
        end = doc.quotes[j]
        span = toks[k:j]
        kind = doc.gaz.org_kind(lemma, span_lemmas(span))
        if kind is None or kind.kind in ("PublicInstitution",) and lemma in ("centrum", "ośrodek"):
            continue
        base = nominative_phrase(span, 0, lemma, doc.text)
        inner = doc.quoted_text(j)
        name = f"{base[:1].upper()}{base[1:]} „{inner}”"
        legal = legal_form(doc, end + 1)
        if legal:  # "firmy „Bieszczadzkie Smaki” Sp. z o.o.": the registered name, without the word for its kind
            name, end, kind = f"„{inner}” {legal[1]}", legal[0] - 1, doc.gaz.org_kind("spółka", set()) or kind
        m = Mention("Organization", k, end + 1, name, t.sentence, kind=kind, quoted=inner, head=k)
        m.aliases.add(inner)
        doc.add(m, "org-kind-quoted")


@construction("org-foreign", "mentions", patterned=False)
def foreign_names(doc: Doc) -> None:
    """A run of capitalised words Morfeusz does not know: a foreign organisation's name ("Social Economy
    Regions Network")."""
    toks = doc.tokens
    k = 0
    while k < len(toks):
        t = toks[k]
        unknown_word = all(i.pos == "ign" for i in t.interps)
        if k in doc.claimed or not t.is_cap or t.is_upper or not unknown_word:
            k += 1
            continue
        j = k
        caps = 0
        while j < len(toks) and j not in doc.claimed and toks[j].is_word and toks[j].sentence == t.sentence:
            u = toks[j]
            unknown = all(i.pos == "ign" for i in u.interps)
            if not (unknown or (not u.is_cap and len(u.text) <= 4)):
                break
            caps += u.is_cap and unknown
            j += 1
        if j - k >= 3 and caps >= 2 and all(i.pos == "ign" for i in toks[j - 1].interps):
            doc.add(Mention("Organization", k, j, " ".join(doc.span_text(k, j).split()), t.sentence, head=k),
                    "org-foreign")
        k = max(j, k + 1)


@construction("org-shared-place", "mentions", patterned=False)
def shared_place(doc: Doc) -> None:
    """ "Powiatowe Centrum Pomocy Rodzinie i Powiatowy Urząd Pracy w Jędrzejowie", "PCPR, PUP oraz MOPS w Żaganiu":
    the place after the last of coordinated kind names is the place of those before it too."""
    for m in list(doc.of_type("Organization")):
        if not m.generic:
            continue
        cur, other = m, None
        for _ in range(6):  # through the list: "A, B oraz C w X"
            conj = doc.tok(cur.end)
            nxt = doc.outer_at(cur.end + 1)
            if conj is None or conj.text.lower() not in ("i", "oraz", ",") or nxt is None \
                    or nxt.type != "Organization":
                break
            if not nxt.generic:
                other = nxt if nxt.placed else None  # "…, Muzeum Ludowe w Adamowie": its own name, its own place
                break
            cur = nxt
        if other is None:
            continue
        at = next((k for k in range(other.head + 1, other.end) if doc.tokens[k].text.lower() in ("w", "we")), None)
        if at is None or other.generic:
            continue
        place = doc.span_text(at, other.end)
        m.name = f"{m.name} {place}"
        m.generic = False
        m.county, m.region = m.county or other.county, m.region or other.region
        m.by = "org-shared-place"


@construction("org-kind-lower", "mentions", patterned=False)
def kind_lower(doc: Doc) -> None:
    """A kind written in lower case with what makes it one body: a place ("w starostwie powiatowym w Końskich",
    "miejskiego ośrodka pomocy społecznej w Puszczykowie") or a proper name ("w hotelu Olimpia w Rybniku",
    "kawiarnia Santos Cafe"). The name is capitalised as names are."""
    toks = doc.tokens
    for k, t in enumerate(toks):
        lemma = lower_head(doc.gaz, t) if k not in doc.claimed else None
        if lemma is None:
            continue
        start = k
        while start > 0 and start - 1 not in doc.claimed and toks[start - 1].sentence == t.sentence \
                and not toks[start - 1].is_cap and adjectives(toks[start - 1]) and not nouns(toks[start - 1]) \
                and k - start < 2:
            start -= 1
        j = k + 1
        while j < len(toks) and j not in doc.claimed and toks[j].sentence == t.sentence and toks[j].is_word \
                and not toks[j].is_cap and (nouns(toks[j]) or adjectives(toks[j])) and j - k < 4 \
                and "być" not in toks[j].lemmas and not is_verb(toks[j]) \
                and toks[j].text.lower() not in ("w", "we", "z", "ze", "i", "oraz", "na", "dla", "do"):
            j += 1
        span = toks[start:j]
        kind = doc.gaz.org_kind(lemma, span_lemmas(span))
        if kind is None:
            continue
        proper_end = _proper_name_end(doc, j)
        if proper_end is not None:
            proper_end = legal_cut(doc, j + 1, proper_end)  # "firmy Eko-Pak Sp. z o.o."
        legal = legal_form(doc, proper_end) if proper_end else None
        place = None
        after = legal[0] if legal else proper_end or j
        if doc.tok(after) is not None and toks[after].text.lower() in ("w", "we") and doc.is_free(after, after + 1):
            place = town_at(doc, after + 1)
        if proper_end is None and (place is None or kind.scope == "named"):
            continue  # "stowarzyszenie w Kielcach" is any association there; a kind needs its own name
        end = place[0] if place else after
        base = nominative_phrase(span, k - start, lemma, doc.text)
        function = doc.gaz.words("function_words")
        name = " ".join(w if w in function else w[:1].upper() + w[1:] for w in base.split())
        if legal:  # the registered name, without the word for its kind: "Eko-Pak Sp. z o.o."
            name = f"{doc.span_text(j, proper_end)} {legal[1]}"
            kind = doc.gaz.org_kind("spółka", set()) or kind
        elif proper_end:
            name += " " + doc.span_text(j, proper_end)
        if place:
            name += " " + doc.span_text(after, place[0])
        m = Mention("Organization", start, end, name, t.sentence, kind=kind, head=k,
                    quoted=doc.span_text(j, proper_end) if proper_end else None)
        if place:
            place_of(doc, m, toks[after:end])
        if m.quoted:
            m.aliases.add(m.quoted)
        doc.add(m, "org-kind-lower")


def _proper_name_end(doc: Doc, j: int) -> int | None:
    """One past a proper name of capitalised words that are no kind, person or place: "Olimpia", "Santos Cafe"."""
    k = j
    gaz = doc.gaz
    while doc.tok(k) is not None and doc.tokens[k].is_cap and k not in doc.claimed \
            and not head_lemma(gaz, doc.tokens[k]) and not is_person_start(doc, k) \
            and doc.tokens[k].text not in gaz.words("kind_acronyms") \
            and not doc.tokens[k].lemmas & gaz.words("role_heads") \
            and doc.tokens[k].sentence == doc.tokens[j - 1].sentence and k - j < 3:
        if k == j and (town_at(doc, k) is not None or doc.tokens[k].text.lower() in doc.gaz.words("honorifics")):
            return None
        k += 1
    return k if k > j else None


@construction("title-not-name", "mentions", slots=("title",))
def title_not_name(doc: Doc, match: Match) -> None:
    """An award category is no organisation: "w kategorii Samorząd Prospołeczny – Gmina Bieliny", "kategoriach:
    Samorząd Prospołeczny"."""
    span = match.span("title")
    if span is not None:
        doc.claimed.update(range(span[0], span[1]))


@construction("event-not-body", "mentions", patterned=False)
def event_not_body(doc: Doc) -> None:
    """A numbered edition is an event, not a body: "II Podkarpackie Forum Ekonomii Społecznej", and so is a
    forum or congress that "trwało" or "odbyło się"."""
    gaz = doc.gaz
    heads = gaz.words("event_like_heads")
    happening = gaz.words("happening_verbs")
    verbs = gaz.words("event_verbs") | happening
    cues, phrases = gaz.words("event_context_cues"), {" ".join(p.words) for p in gaz.phrases("event_context_phrases")}
    for m in list(doc.of_type("Organization")):
        if m.head < 0 or not doc.tokens[m.head].lemmas & heads:
            continue
        before, before2 = doc.tok(m.start - 1), doc.tok(m.start - 2)
        numbered = before is not None and (before.kind == "num" or before.is_upper and all(ch in "IVXLC" for ch in
                                                                                         before.text))
        a, b = doc.sentence_span(m.sentence)
        first_verb = next((t for t in doc.tokens[m.end:min(b, m.end + 6)] if _verb_of(t, None)), None)
        told = first_verb is not None and _verb_of(first_verb, verbs) \
            or _said_to_happen(doc, m.start, happening)
        context = before is not None and (before.lower in cues or bool(before.lemmas & cues) or before2 is not None
                                          and f"{before2.lower} {before.lower}" in phrases)
        if numbered or told or context:
            doc.remove(m)


def _said_to_happen(doc: Doc, start: int, happening: frozenset[str]) -> bool:
    """ "Odbyło się Forum …", "odbędzie się Kongres …": the name right after a verb of taking place (not "Odbyła się
    sesja Sejmiku …", whose subject is the session)."""
    k = start - 1
    while (t := doc.tok(k)) is not None and t.lower == "się" and t.sentence == doc.tokens[start].sentence:
        k -= 1
    t = doc.tok(k)
    return t is not None and t.sentence == doc.tokens[start].sentence and _verb_of(t, happening)


def _verb_of(t: Token, lemmas: frozenset[str] | None) -> bool:
    """Whether ``t`` is a verb form (of one of ``lemmas``, if given); only the first verb after a name tells what
    it did: "Forum zaprosiło gości" ("gości" may be "gościć") is a body acting."""
    return any(i.pos in VERB_POS and (lemmas is None or i.lemma in lemmas) for i in t.interps)
