"""Reading an organisation's or programme's name outward from its head noun, as a mention.

``loaders.orgwalk`` finds how far the name goes; here that span becomes a mention with its name in the
nominative, the key that identifies the body across articles, and its place. A second head in the genitive
right after the first ("Departament … Urzędu Marszałkowskiego") names the parent body, read as a mention of its
own.
"""
from __future__ import annotations

import re

from loaders.doc import Doc, Mention
from loaders.lexical import case_of, head_lemma, head_vocabulary, kind_vocabulary, span_lemmas
from loaders.names import adjectives, agree, nominative_phrase, nouns, placed_name
from loaders.orgfacts import is_generic, named_by_adjective, place_of, seat_gmina
from loaders.orgwalk import GOVERNING, LEGAL_FORM, Chain, leading_quote, place_end, walk
from loaders.tokens import Token
from loaders.towns import town_at


def read_name(doc: Doc, k: int, head: str, by: str) -> Mention | None:
    """Find the organisation or programme whose head noun is token ``k`` and add it (and its parent)."""
    toks, text, gaz = doc.tokens, doc.text, doc.gaz
    if head in gaz.words("self_government") and k > 0 and toks[k - 1].is_cap and toks[k - 1].sentence == \
            toks[k].sentence and (hit := town_at(doc, k - 1)) is not None and hit[0] > k:
        return None  # "w Nowym Mieście Lubawskim": a word of a town's name, no self-government
    c = walk(doc, k, head)
    town = _town_after(doc, k, head)
    if town is not None and town[0] >= c.end:
        c.end = town[0]  # "Gminy Czerwińsk nad Wisłą": the town's whole name
    c.end = legal_cut(doc, k + 1, c.end)  # the walk took "Sp" for a word of the name: the legal form begins there
    legal = legal_form(doc, c.end) if c.end > c.start else None
    if legal and head not in gaz.programme_heads:  # "… Sp. z o.o.", "… S.A.": a company
        c.end = legal[0]
        end = place_end(doc, c.end)  # "… Sp. z o.o. w Ostrowcu Świętokrzyskim"
        if end is not None and not c.area:
            c.area = range(c.end, end)
            c.end = end
    span = [t for t in toks[c.start:c.end] if t.i not in c.skip and (t.i not in doc.claimed or t.i in c.area)]
    if not span or toks[k] not in span:
        return None
    prev = doc.tok(c.start - 1)
    prefer = gaz.mapping("preposition_case").get(prev.text.lower(), ()) if prev is not None else ()
    head_index = span.index(toks[k])
    name = _nominative(doc, span, head_index, head, c.quoted, prefer)
    if legal and c.quoted:
        name += " " + legal[1]  # "Przedsiębiorstwo Handlowo-Usługowe „Bieszczady” Sp. j."
    if c.from_town is not None:  # "… z Zabrza" is the body "… w Zabrzu"
        g = gaz.register.gmina(c.from_town[1])
        kind_words = [t for t in span if t.i < c.from_town[0]]
        name = placed_name(_nominative(doc, kind_words, head_index, head, None, prefer), g.name) if g else name
    lead = leading_quote(doc, c.start)
    kind0 = gaz.org_kind(head, span_lemmas(span)) if lead is not None else None
    cut0 = next((n for n, t in enumerate(span) if t.text in ("w", "we") and n > head_index), len(span))
    if lead is not None and c.quoted is None and c.from_town is None and kind0 is not None \
            and all(t.lemmas & kind_vocabulary(gaz) or t.text.lower() in gaz.words("function_words")
                    for t in span[:cut0] if t.is_word):  # the kind's own words only, no name of its own after
        # "„Samorządowej” Spółdzielni Socjalnej": the quoted adjective before the kind is the name's, in its case
        inner = toks[lead + 1:c.start - 1]
        words = nominative_phrase(inner + span, head_index + len(inner), head, text, prefer,
                                  head_vocabulary(gaz, head)).split()
        if len(words) == len(inner) + len(name.split()):
            c.quoted = " ".join(words[:len(inner)])
            name = f"„{c.quoted}” {' '.join(words[len(inner):])}"
            c.start = lead
    if c.parent_case == "loc":
        c.quoted = None  # "WTZ przy Stowarzyszeniu „Razem”": the quoted name is the parent's
    sent = toks[k].sentence
    kind = gaz.org_kind(head, span_lemmas(span))
    programme = kind is None and head in gaz.programme_heads
    if programme:
        if head in gaz.words("numbered_parts") and not any(t.kind == "num" for t in span):
            return None  # "działanie" without a number is a plain word
        m = Mention("Programme", c.start, c.end, name, sent, head=k, programme=gaz.programme(head, span_lemmas(span)),
                    acronym=c.acronym)
        if c.numbered_title:
            m.aliases.add(" ".join(c.numbered_title.split()))
        return doc.add(m, by)
    if legal:
        kind = gaz.org_kind("spółka", set()) or kind
    if kind is None:
        return None
    if town is not None and town[0] == c.end:
        name = f"{name.split()[0]} {town[1]}"  # "Miasta Gdańska" -> "Miasto Gdańsk"
    m = Mention("Organization", c.start, c.end, name, sent, kind=kind, quoted=c.quoted, acronym=c.acronym, head=k,
                case=case_of(toks[k], head))
    m.aliases |= {a for a in (c.acronym, c.quoted) if a}
    m.generic = is_generic(doc, span, kind, c.quoted, c.acronym, toks[k], head)
    cut = next((n for n, t in enumerate(span) if t.text in ("w", "we") and n > head_index), None)
    if not m.generic and cut is not None and kind.scope in ("gmina", "county", "local"):
        m.placed = is_generic(doc, span[:cut], kind, c.quoted, c.acronym, toks[k], head)
    elif not m.generic and cut is None and head_index > 0 and kind.scope in ("gmina", "county", "local"):
        named_by_adjective(doc, m, span, c.quoted, c.acronym, toks[k], head)
    if town is not None:
        m.gmina = town[2]
    if c.from_town is not None:
        m.placed, m.gmina = True, c.from_town[1]
    m.hosted = c.parent_case == "loc"
    named_by = gaz.acronyms.get(c.proper) if c.proper else None
    if c.proper and (named_by is not None and named_by.kind != kind.kind or c.proper in gaz.national):
        c.proper = None  # "Biuro Projektu ROPS": another kind's acronym names the body it belongs to, not this one
    m.key_name = _key_name(name, c.proper)
    if m.generic:
        _place_adjective(doc, m, span, head_index, head, prefer)
    place_of(doc, m, span)
    if c.proper:
        m.aliases.add(c.proper)
    parent = _parent(doc, c, by) if c.parent_at is not None and c.parent_at < c.end else None
    if parent is not None and parent.kind is not None:
        government = parent.kind.kind == "LocalGovernment"
        if head in gaz.words("board_heads") and not government and parent.kind.kind not in GOVERNING:
            doc.claimed.update(range(c.start, c.end))  # "Prezesa Zarządu Stowarzyszenia X": the body is X
            return doc.add(parent, by)
        if government and head in gaz.words("self_government_organs"):
            m.joins = "parent"  # "Zarząd Powiatu X", "Samorząd Województwa X" stand for the self-government
        elif government:
            parent = None  # "Urząd Marszałkowski Województwa X": the voivodeship only says which office
    doc.add(m, by)
    if parent is not None:
        doc.add(parent, by, claim=False)
        m.parent = parent.id
        if m.joins == "parent":
            m.joins = parent.id
    return m


def _town_after(doc: Doc, k: int, head: str) -> tuple[int, str, str] | None:
    """The town a gmina or town self-government is named by, right after its head: (one past it, its name)."""
    if head not in ("miasto", "gmina"):
        return None
    hit = town_at(doc, k + 1)
    if hit is None or hit[0] - (k + 1) > 4:
        return None
    g = hit[1][0]
    town = doc.tokens[k + 1].text.lower() in ("miasto", "miasta", "mieście", "miastem")
    if head == "gmina" and town:  # "Gmina Miasto Wejherowo": the town, not the rural gmina around it
        g = next((r for r in hit[1] if r.code.endswith("1") and r.voivodeship == g.voivodeship), g)
        return hit[0], f"Miasto {g.name}", g.code
    if head == "gmina" and (k < 1 or doc.tokens[k - 1].text.lower() not in ("miejska", "miejskiej", "miejską")):
        # "Gmina Nowa Ruda" is the rural gmina where a town and a rural gmina share the name ("Miasto Nowa Ruda"),
        # "Gmina Zamość" the rural gmina around the city of Zamość, a county of its own
        rural = [r for r in hit[1] if r.code.endswith("2") and r.name == g.name and r.voivodeship == g.voivodeship]
        g = min(rural, key=lambda r: r.code[:4] != g.code[:4], default=g)
    return hit[0], g.name, g.code


def _key_name(name: str, proper: str | None) -> str | None:
    """What identifies a body across articles, however it is written: without the capitals after its name
    ("Centrum Rozwoju Inicjatyw Społecznych CRIS") and with "imienia" as "im."."""
    key = name
    if proper and key.endswith(" " + proper):
        key = key[: -len(proper) - 1]
    key = re.sub(r"\s*\b(?:imienia|im\.)\s*", " ", key).strip()
    return key if key != name else None


def _place_adjective(doc: Doc, m: Mention, span: list[Token], head_index: int, head: str,
                     prefer: tuple[str, ...]) -> None:
    """ "w jędrzejowskim Centrum Kultury": a lower-case adjective of a place makes a kind's name one body's name
    (Jędrzejowskie Centrum Kultury, in powiat jędrzejowski)."""
    p = doc.tok(m.start - 1)
    if p is None or p.sentence != m.sentence or p.is_cap or (m.start - 1) in doc.claimed:
        return
    readings = [(c, n, g) for i in nouns(doc.tokens[m.head], head) for c in i.cases for n in i.numbers
                for g in (i.genders or {"n"})]
    for a in adjectives(p):
        counties = doc.gaz.register.counties_by_name(a.lemma, doc.region)
        if counties and any(agree(a, c, n, g) for c, n, g in readings):
            whole = [p] + span
            name = _nominative(doc, whole, head_index + 1, head, m.quoted, prefer)
            m.name = name[:1].upper() + name[1:]
            m.start, m.generic, m.county, m.placed = p.i, False, counties[0].code, True
            m.gmina = seat_gmina(doc, counties[0])
            return


def legal_cut(doc: Doc, a: int, b: int) -> int:
    """Where a legal form ("Sp. z o.o.") begins among the tokens ``a``..``b`` a name was read over, else ``b``."""
    for j in range(max(a, 1), b):
        if LEGAL_FORM.match(doc.text, doc.tokens[j - 1].end) and doc.tokens[j].text.lower() in ("sp", "s", "spółka"):
            return j
    return b


def legal_form(doc: Doc, j: int) -> tuple[int, str] | None:
    """(one past it, its text) of a legal form right after token ``j - 1``: "Sp. z o.o.", "S.A.", "Sp. j."."""
    found = LEGAL_FORM.match(doc.text, doc.tokens[j - 1].end) if j > 0 else None
    if found is None:
        return None
    end = j
    while end < len(doc.tokens) and doc.tokens[end].start < found.end():
        end += 1
    return end, " ".join(found.group().strip(" ,").split())


def _nominative(doc: Doc, span: list[Token], head_index: int, head: str, quoted: str | None,
                prefer: tuple[str, ...]) -> str:
    keep = head_vocabulary(doc.gaz, head)
    q_open = next((i for i, tk in enumerate(span) if tk.i in doc.quotes), None)
    if q_open is not None:
        base = nominative_phrase(span[:q_open], head_index, head, doc.text, prefer, keep) if head_index < q_open \
            else ""
        return f"{base} „{quoted}”".strip()
    return nominative_phrase(span, head_index, head, doc.text, prefer, keep)


def _parent(doc: Doc, c: Chain, by: str) -> Mention | None:
    """The body named in the genitive inside a name: "Urzędu Marszałkowskiego" in "Departament … Urzędu …"."""
    assert c.parent_at is not None
    toks, gaz = doc.tokens, doc.gaz
    at = c.parent_at
    if c.parent_case == "loc":  # "przy Rzeszowskim Towarzystwie …": past the parent's adjectives
        at = next((i for i in range(c.parent_at, c.end) if head_lemma(gaz, toks[i])), None)
    p_head = head_lemma(gaz, toks[at]) if at is not None else None
    p_span = toks[c.parent_at:c.end]
    p_kind = gaz.org_kind(p_head, span_lemmas(p_span)) if p_head else None
    if at is None or p_head is None or p_kind is None or p_head in gaz.programme_heads:
        return None
    p_name = nominative_phrase(p_span, at - c.parent_at, p_head, doc.text, (c.parent_case,),
                               head_vocabulary(gaz, p_head))
    parent = Mention("Organization", c.parent_at, c.end, p_name, toks[c.parent_at].sentence, kind=p_kind,
                     head=at)
    parent.generic = is_generic(doc, p_span, p_kind, None, None, toks[at], p_head)
    place_of(doc, parent, p_span)
    return parent


__all__ = ["read_name"]
