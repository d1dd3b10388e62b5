"""Organisations and programmes: names built on a head noun of ``data/gazetteers/org_kinds.tsv`` or
``programmes.tsv``, an acronym before a quoted name, a lower-case kind before a quoted name, and foreign names.
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.gazetteer import OrgKind
from loaders.lexical import head_lemma, lower_head, span_lemmas
from loaders.names import adjectives, nominative_phrase
from loaders.orgchain import read_name
from loaders.registry import construction


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
        m = Mention("Organization", k, end + 1, f"{base[:1].upper()}{base[1:]} „{inner}”", t.sentence, kind=kind,
                    quoted=inner, head=k)
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
    """ "Powiatowe Centrum Pomocy Rodzinie i Powiatowy Urząd Pracy w Jędrzejowie": the place after the last of
    two coordinated kind names is the first one's place too."""
    for m in list(doc.of_type("Organization")):
        if not m.generic:
            continue
        conj = doc.tok(m.end)
        other = doc.outer_at(m.end + 1)
        if conj is None or conj.text.lower() not in ("i", "oraz") or other is None or other.type != "Organization":
            continue
        at = next((k for k in range(other.head + 1, other.end) if doc.tokens[k].text.lower() in ("w", "we")), None)
        if at is None or other.generic:
            continue
        place = doc.span_text(at, other.end)
        m.name = f"{m.name} {place}"
        m.generic = False
        m.county, m.region = m.county or other.county, m.region or other.region
        m.by = "org-shared-place"
