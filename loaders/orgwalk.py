"""The walk from an organisation's or programme's head noun to the ends of its name.

"Regionalnego Ośrodka Polityki Społecznej w Opolu": capitalised adjectives that agree with the head to its
left, then to its right genitive complements ("Polityki Społecznej"), an aim ("na Rzecz Osób
Niepełnosprawnych"), a place ("w Opolu"), a quoted name, an acronym in brackets, a legal form ("Sp. z o.o.").
The words that may continue a name are data (``words.toml``); the walk that applies them, and the shapes of the
tokens it tests, are here. ``loaders.orgchain`` turns what the walk found into a mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import reads_as_acronym
from loaders.doc import Doc, Mention
from loaders.lexical import genitive_noun, head_lemma, is_patron, is_person_start, is_place, span_lemmas
from loaders.names import adjectives, agree, nouns
from loaders.orgfacts import is_generic
from loaders.tokens import DASHES, Token
from loaders.towns import town_at, village_end

#: kinds of body whose "Zarząd" or "Rada" is an organ of their own, not the board of an association
GOVERNING = {"LocalGovernment", "GovernmentBody", "Ministry", "GovernmentDepartment"}
LEGAL_FORM = re.compile(r"\s*,?\s*(?:sp\.\s*z\s*o\.\s*o\.|s\.\s*a\.|sp\.\s*j\.|sp\.\s*k\.|spółka z o\.\s*o\.)",
                        re.IGNORECASE)


@dataclass
class Chain:
    """What the walk from a head found: the span and the parts inside it."""

    start: int
    end: int
    quoted: str | None = None
    proper: str | None = None  # a name in capitals after the kind's words: "Stowarzyszenie … AMICUS"
    acronym: str | None = None
    parent_at: int | None = None
    from_town: tuple[int, str] | None = None  # "Klub Integracji Społecznej z Zabrza": where "z" stands, the town
    parent_case: str = "gen"  # "Departament … Urzędu Marszałkowskiego"; "loc" for "CIS przy Stowarzyszeniu …"
    numbered_title: str | None = None
    skip: set[int] = field(default_factory=set)  # tokens inside the span that are no part of the name: "(ROPS)"
    area: range = range(0)  # the tokens of a territory named as part of the name


def left_adjectives(doc: Doc, k: int, head: str) -> int:
    """The first token of the capitalised adjectives before the head that agree with it."""
    toks = doc.tokens
    start = k
    readings = [(c, n, g) for i in nouns(toks[k], head) for c in i.cases for n in i.numbers
                for g in (i.genders or {"n"})]
    while start > 0:
        p = toks[start - 1]
        if p.sentence != toks[k].sentence or start - 1 in doc.claimed:
            break
        agrees = any(agree(a, c, n, g) for a in adjectives(p) for c, n, g in readings)
        verb = any(i.pos in ("praet", "fin", "bedzie", "impt", "inf") for i in p.interps)
        if p.is_cap and agrees and not verb and not any(i.is_first_name for i in p.interps):
            start -= 1
            continue
        if p.text in DASHES and start >= 2:  # "Kielecko – Ostrowieckiego Ośrodka"
            pp = toks[start - 2]
            if pp.is_cap and pp.text.lower().endswith("o") and pp.sentence == p.sentence:
                start -= 2
                continue
        break
    return start


def walk(doc: Doc, k: int, head: str) -> Chain:
    """Walk right from the head at ``k`` as far as the name goes."""
    toks, gaz = doc.tokens, doc.gaz
    stop_words = gaz.words("stop_words")
    numbered = gaz.words("numbered_parts")
    start = k if head in gaz.words("self_government") else left_adjectives(doc, k, head)
    c = Chain(start, k + 1)
    sent = toks[k].sentence
    j = k + 1
    tail = False
    programme = head in gaz.programme_heads and not any(k.head == head and not k.also for k in gaz.kinds)
    while j < len(toks) and toks[j].sentence == sent and (j not in doc.claimed or _area_at(doc, j, c.end)):
        t = toks[j]
        if j in doc.quotes:
            q_end = doc.quotes[j]
            if doc.is_free(j, q_end + 1):
                c.quoted = doc.quoted_text(j)
                c.end = q_end + 1
            break
        low = t.text.lower()
        nxt = doc.tok(j + 1)
        if low == "na" and nxt is not None and nxt.text.lower() == "rzecz" and j == c.end and not tail:
            tail = True  # "Stowarzyszenie na Rzecz Spółdzielni Socjalnych": what follows names its aim
            c.end = j = j + 2
            continue
        if tail and j == c.end and t.is_word and not t.is_cap \
                and any(i.cases & {"gen", "inst"} for i in (*nouns(t), *adjectives(t))) \
                and low not in stop_words and low not in ("w", "we", "z", "i", "oraz") \
                and not any(x.pos in ("fin", "praet", "bedzie", "inf") for x in t.interps):
            c.end = j = j + 1  # "na Rzecz Osób niepełnosprawnych"
            continue
        if low in ("z", "ze") and j == c.end and j - 1 > k and toks[j - 1].lemmas & gaz.words("served_people") \
                and nxt is not None and nxt.sentence == sent and any("inst" in i.cases for i in nouns(nxt)) \
                and not is_person_start(doc, j + 1) and not head_lemma(gaz, nxt):
            c.end = j = j + 2  # "na Rzecz Osób z Autyzmem", "Dzieci z Niepełnosprawnościami"
            continue
        if j == c.end and j > k + 1 and c.acronym is None and _spells_initials(doc, t, toks[c.start:j]):
            c.acronym = t.text  # "Federacja Organizacji Socjalnych … FOSa": the name's acronym, no word of it
            c.skip.add(j)
            c.end = j = j + 1
            continue
        if j == c.end and j > k and (after := _initialism_end(doc, j)) is not None:
            c.end = j = after  # "Spółdzielnia Socjalna S.O.S. Codzienność"
            continue
        if low in ("nr", "numer") and j == c.end and not programme and (num := _number_after(doc, c.start, j)):
            c.end = j = num  # "Szkoła Podstawowa nr 1 w Lesku", "Zakład Aktywności Zawodowej nr. 2"
            continue
        if _roman(t.text) and t.is_upper and j == c.end and any(i.is_first_name for i in toks[j - 1].interps):
            c.end = j = j + 1  # a patron's ordinal: "im. Jana Pawła II", "im. Jana III Sobieskiego"
            continue
        if t.is_cap and not t.is_upper:
            if is_person_start(doc, j) and not is_patron(doc, j) or low in gaz.words("honorifics"):
                break
            if head_lemma(gaz, t) and not tail:
                if head in gaz.words("name_heads") and j == c.end and (j == k + 1 or genitive_noun(t)):
                    pass  # "Stowarzyszenie Centrum Wolontariatu", "Fundacja Pomorskie Centrum Integracji",
                    # "Stowarzyszenie Przyjaciół Szkoły …": another kind's noun inside the name names no parent
                elif j == c.end and genitive_noun(t) and c.parent_at is None and not programme:
                    c.parent_at = j
                    while c.parent_at - 1 > k and toks[c.parent_at - 1].is_cap \
                            and any("gen" in a.cases for a in adjectives(toks[c.parent_at - 1])):
                        c.parent_at -= 1  # "… EFS Wojewódzkiego Urzędu Pracy": the parent's own adjectives
                elif j != c.end or (j > k + 1 and not genitive_noun(t) and not toks[j - 1].is_upper
                                    and any("nom" in i.cases for i in nouns(t))
                                    and not any("nom" in a.cases for a in adjectives(toks[j - 1]))):
                    break  # "działający przy Stowarzyszeniu Nadzieja Rodzinie Zakład Aktywności …": a new name
            c.end = j = j + 1
            continue
        if programme and j == c.end and (t.is_upper or (not t.is_cap and t.is_word and adjectives(t)
                                                         and not nouns(t)
                                                         and not any(i.pos in ("ppas", "pact") for i in t.interps))):
            c.end = j = j + 1  # "Program Operacyjny WER", "Oś priorytetowa 9"
            continue
        if t.is_upper and j == c.end and not programme and not toks[k].is_upper and not _roman(t.text):
            first = j  # "Stowarzyszenie Edukacji i Rozwoju AMICUS", "Przedsiębiorstwo Społeczne SANTOS CAFE"
            while doc.tok(j) is not None and doc.tokens[j].is_upper and doc.tokens[j].sentence == sent \
                    and j not in doc.claimed:
                j += 1
            c.end = j
            if c.proper is None:
                c.proper = doc.span_text(first, j)
            continue
        if t.kind == "num" and programme and j == c.end:
            c.end = j = j + 1
            if head in numbered:
                title_end = _title_end(doc, j, sent)
                if title_end > j:
                    c.numbered_title = doc.span_text(c.start, title_end)
                break
            continue
        if t.text in DASHES and programme and j == c.end and nxt is not None and nxt.kind == "num":
            c.end = j = j + 2
            continue
        area = _area_at(doc, j, c.end) if not programme else None
        if area is not None:
            c.area, c.end = range(area.start, area.end), area.end  # "… województwa warmińsko-mazurskiego"
            break
        if nxt is None or nxt.sentence != sent:
            break
        if low in ("i", "oraz") and nxt.is_cap and not nxt.is_upper and not head_lemma(gaz, nxt) \
                and not is_person_start(doc, j + 1) and j == c.end and not _starts_org(doc, j + 1) \
                and (low == "i" or _genitive(toks[j - 1]) and _genitive_run(doc, j + 1)):
            c.end = j = j + 2
            continue
        if low == "dla" and programme and j == c.end and nxt.is_cap and toks[k].text.lower().startswith("fundusz") \
                and not is_person_start(doc, j + 1):
            c.end = j = j + 1  # "Fundusze Europejskie dla Rozwoju Społecznego 2021-2027", "… dla Podkarpacia"
            continue
        if low == "na" and nxt.text.lower() == "lata" and programme and j == c.end:
            c.end = j = j + 2
            continue
        if low in ("w", "we") and j == c.end and "województwo" in nxt.lemmas and doc.tok(j + 2) is not None \
                and doc.tokens[j + 2].sentence == sent and any(
                    gaz.register.voivodeship_by_name(a.lemma[:-1] + "ie") for a in adjectives(doc.tokens[j + 2])):
            c.end = j + 3  # "Regionalny Komitet … w Województwie Podlaskim"
            if not c.area:
                c.area = range(j + 1, j + 3)
            break
        if low in ("w", "we") and nxt.is_cap and j == c.end and town_at(doc, j + 1) is not None \
                and not is_place(doc, nxt):
            c.end = town_at(doc, j + 1)[0]  # type: ignore[index]  # "w Stalowej Woli", "w Czerwińsku nad Wisłą"
            break
        if low in ("w", "we") and nxt.is_cap and j == c.end and is_place(doc, nxt):
            c.end = place_end(doc, j) or c.end  # "w Zielonej Górze", "w Nowym Mieście Lubawskim"
            break
        if low in ("w", "we") and j == c.end and (village := village_end(doc, j)) is not None:
            c.end = village  # "w Uhercach Mineralnych": a village, not in the register
            break
        if t.text == "+" and j == c.end and t.start == toks[j - 1].end:
            c.end = j = j + 1  # "Dzienny Dom Senior+"
            continue
        if low in ("z", "ze") and j == c.end and nxt.is_cap and _kind_only(doc, toks[c.start:j], k, head):
            hit = town_at(doc, j + 1)
            if hit is not None and any("gen" in i.cases for i in (*nouns(nxt), *adjectives(nxt))) \
                    and not is_person_start(doc, j + 1):
                c.from_town, c.end = (j, hit[1][0].code), hit[0]  # "Warsztaty Terapii Zajęciowej ze Świecia"
            break
        if low == "przy" and j == c.end and nxt.is_cap and c.parent_at is None \
                and _kind_only(doc, toks[c.start:j], k, head) and doc.tok(j + 2) is not None:
            c.parent_at, c.parent_case = j + 1, "loc"  # "Centrum Integracji Społecznej przy Rzeszowskim Towarzystwie …"
            c.end = j = j + 1
            continue
        if low == "imienia" and j == c.end and nxt.is_cap:
            c.end = j = j + 1  # "Fundacja imienia Królowej Polski"
            continue
        if low in ("ds", "im", "św", "pw", "bł") and nxt.text == "." and j == c.end:
            c.end = j = j + 2
            if low == "ds":
                c.end = _ds_complement(doc, j, sent)
                break
            continue
        if low == "," and nxt.is_cap and not nxt.is_upper and not head_lemma(gaz, nxt) and j == c.end \
                and not is_person_start(doc, j + 1) and genitive_noun(toks[j - 1]) and genitive_noun(nxt) \
                and j - 1 > k and _list_closes(doc, j + 2, sent):
            c.end = j = j + 2  # "Ministerstwo Rodziny, Pracy i Polityki Społecznej"
            continue
        if low == "(" and _acronym_shape(nxt) and doc.tok(j + 2) is not None and doc.tokens[j + 2].text == ")" \
                and c.acronym is None:
            c.acronym = nxt.text
            doc.claimed.update(range(j, j + 3))
            c.skip.update(range(j, j + 3))
            after = doc.tok(j + 3)
            if after is not None and after.sentence == sent and head_lemma(gaz, after) and genitive_noun(after) \
                    and not programme:
                c.end = j = j + 3
                continue
        break
    return c


def _acronym_shape(t: Token) -> bool:
    """ "ROPS", and capitals mixed with a few small letters: "mOWES", "MRPiPS"."""
    return t.is_word and reads_as_acronym(t.text)


def leading_quote(doc: Doc, start: int) -> int | None:
    """Where a quoted name of one to three capitalised words that ends right before ``start`` opens, or None."""
    q = next((q for q, e in doc.quotes.items() if e == start - 1), None)
    if q is None or q in doc.claimed:
        return None
    inner = doc.tokens[q + 1:start - 1]
    if not 1 <= len(inner) <= 3 or not all(t.is_word and t.is_cap for t in inner) \
            or inner[0].sentence != doc.tokens[start].sentence:
        return None
    first = doc.tokens[start]  # adjectives that agree with the name's first word: "„Samorządowej” Spółdzielni"
    readings = [(c, n, g) for i in (*nouns(first), *adjectives(first)) for c in i.cases for n in i.numbers
                for g in i.genders]
    if not all(any(agree(a, c, n, g) for a in adjectives(t) for c, n, g in readings) for t in inner):
        return None  # "hasłem „Ekonomia Społeczna” Stowarzyszenie …": a title before a name, no part of it
    return q


def place_end(doc: Doc, j: int) -> int | None:
    """One past "w <place>" at ``j`` ("w Zielonej Górze", "w Nowym Mieście Lubawskim"), or None."""
    toks, at, nxt = doc.tokens, doc.tok(j), doc.tok(j + 1)
    if at is None or nxt is None or at.text.lower() not in ("w", "we") or nxt.sentence != at.sentence \
            or not nxt.is_cap or not is_place(doc, nxt):
        return None
    end = j + 2
    while end < len(toks) and toks[end].sentence == at.sentence and toks[end].is_cap and end - j < 4 \
            and not head_lemma(doc.gaz, toks[end]) and not is_person_start(doc, end) and end not in doc.claimed:
        end += 1
    hit = town_at(doc, j + 1)  # "w Nowym Mieście Lubawskim": a town's name may hold a kind's word
    return max(end, hit[0]) if hit is not None else end


def _initialism_end(doc: Doc, j: int) -> int | None:
    """One past an initialism written with dots that starts at ``j`` ("S.O.S."), or None."""
    k = j
    while (t := doc.tok(k)) is not None and len(t.text) == 1 and t.text.isupper() \
            and (d := doc.tok(k + 1)) is not None and d.text == "." and d.sentence == t.sentence:
        k += 2
    return k if k - j >= 4 else None  # two letters at least


def _spells_initials(doc: Doc, t: Token, span: list[Token]) -> bool:
    """Whether ``t`` is the acronym of the name ``span`` ("FOSa" after "Federacja Organizacji Socjalnych …"):
    its capitals are the first letters of the name's words, as far as it goes."""
    if not _acronym_shape(t) or len(span) < 2:
        return False
    skip = doc.gaz.words("initials_skip")
    letters = "".join(part[0].upper() for w in span if w.is_word and w.text.lower() not in skip
                      for part in w.text.split("-") if part[:1].isalpha())
    caps = "".join(ch for ch in t.text if ch.isupper())
    return len(caps) >= 2 and letters.startswith(caps)


def _kind_only(doc: Doc, span: list[Token], k: int, head: str) -> bool:
    """Whether the name so far is only a kind's ("Centrum Integracji Społecznej"), which "przy …" makes one body's."""
    kind = doc.gaz.org_kind(head, span_lemmas(span))
    return kind is not None and kind.scope in ("local", "gmina", "county") and \
        is_generic(doc, span, kind, None, None, doc.tokens[k], head)


def _area_at(doc: Doc, j: int, end: int) -> Mention | None:
    """A voivodeship or county in the genitive right after a name, written in lower case, that belongs to it:
    "Regionalnego Komitetu Rozwoju Ekonomii Społecznej województwa warmińsko-mazurskiego"."""
    if j != end or doc.tokens[j].text not in ("województwa", "powiatu"):
        return None
    return next((m for m in doc.covering(j) if m.type in ("Voivodeship", "County") and m.start == j), None)


def _genitive(t: Token) -> bool:
    return genitive_noun(t) or any("gen" in a.cases for a in adjectives(t))


def _genitive_run(doc: Doc, j: int) -> bool:
    """ "… oraz Małej i Średniej Przedsiębiorczości": capitalised genitives closing a coordinated complement."""
    k = j
    while doc.tok(k) is not None and doc.tokens[k].is_cap and k - j < 5:
        t = doc.tokens[k]
        if nouns(t) and genitive_noun(t):
            return True
        if not any("gen" in a.cases for a in adjectives(t)) and t.text.lower() != "i":
            return False
        k += 1
        if doc.tok(k) is not None and doc.tokens[k].text == "i":
            k += 1
    return False


def _lower_genitive(doc: Doc, j: int) -> bool:
    t = doc.tok(j)
    return t is not None and t.is_word and not t.is_cap and genitive_noun(t)


def _number_after(doc: Doc, start: int, j: int) -> int | None:
    """One past the number after "nr" (or "nr.") at ``j`` that numbers the body named from ``start``, or None: not
    a document's ("Uchwała Zarządu Województwa nr 3592/110/III/2012")."""
    k = j + 2 if (d := doc.tok(j + 1)) is not None and d.text == "." else j + 1
    t, after, before = doc.tok(k), doc.tok(k + 1), doc.tok(start - 1)
    if t is None or t.kind != "num" or t.sentence != doc.tokens[j].sentence \
            or after is not None and after.text in "/-–" or before is not None and before.lemmas & doc.gaz.words(
                "document_nouns"):
        return None
    return k + 1


def _roman(text: str) -> bool:
    return bool(text) and all(ch in "IVXLC" for ch in text)


def _ds_complement(doc: Doc, j: int, sent: int) -> int:
    """One past the words after "ds.": "Zespół ds. Ekonomii Społecznej"."""
    stop_words = doc.gaz.words("stop_words")
    end = j
    n2 = doc.tok(j)
    while n2 is not None and n2.sentence == sent and n2.is_word and n2.i not in doc.claimed \
            and (n2.text.lower() not in stop_words or n2.text.lower() == "oraz" and _lower_genitive(doc, n2.i + 1)) \
            and n2.text.lower() not in ("w", "we") \
            and (n2.text != "i" or (doc.tok(n2.i + 1) is not None and doc.tokens[n2.i + 1].is_word)) \
            and not any(x.pos in ("fin", "praet", "bedzie") for x in n2.interps):
        end = n2.i + 1
        n2 = doc.tok(n2.i + 1)
    return end


def _title_end(doc: Doc, j: int, sent: int) -> int:
    """End of the title after a numbered programme part: "Działanie 9.1 Aktywna integracja …" up to a comma."""
    toks = doc.tokens
    numbered = doc.gaz.words("numbered_parts")
    k = j
    while k < len(toks) and toks[k].sentence == sent and toks[k].is_word and k - j < 15:
        if k != j and toks[k].lemmas & numbered:
            break
        k += 1
    return k


def _list_closes(doc: Doc, j: int, sent: int) -> bool:
    """ "Ministerstwo Rodziny, Pracy i Polityki Społecznej": a comma inside a name needs an "i" to close the list."""
    for k in range(j, min(j + 4, len(doc.tokens))):
        t = doc.tokens[k]
        if t.sentence != sent or t.text in ",;:()":
            return False
        if t.text == "i":
            nxt = doc.tok(k + 1)
            return nxt is not None and nxt.is_cap and genitive_noun(nxt)
    return False


def _starts_org(doc: Doc, j: int) -> bool:
    """Whether capitalised adjectives at ``j`` lead to an organisation's head noun ("i Regionalnego Ośrodka")."""
    toks = doc.tokens
    k = j
    while k < len(toks) and k - j < 4 and toks[k].is_cap and adjectives(toks[k]) and not head_lemma(doc.gaz, toks[k]):
        k += 1
    return j < k < len(toks) and bool(head_lemma(doc.gaz, toks[k]))
