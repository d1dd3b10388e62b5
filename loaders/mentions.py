"""Find the names an article mentions: people, organisations, programmes, territories, partnerships,
agreements and projects, each with its token span and its name in the nominative.

The rules are about Polish, not about particular articles: a person is a known first name followed by a
surname; an organisation is a capitalised phrase built on a head noun from ``data/gazetteers/org_kinds.tsv``
("Ośrodek", "Stowarzyszenie", "Starostwo"...), an acronym of a known kind with a quoted name, or a quoted name
after a lower-case kind noun; a county is "powiat" with an adjective from the TERYT register.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.gazetteer import Gazetteer, OrgKind
from loaders.names import adjectives, agree, nominative_phrase, nouns, person_name
from loaders.tokens import CLOSE_QUOTES, DASHES, OPEN_QUOTES, Token

LEVEL_ADJECTIVES = {"regionalny", "powiatowy", "gminny", "miejski", "wojewódzki", "miejsko-gminny", "lokalny",
                    "gminno-miejski", "krajowy", "ogólnopolski"}
FUNCTION_WORDS = {"i", "na", "rzecz", "w", "we", "ds", "dla", "z", "oraz", "."}
PREPOSITION_CASE = {"w": ("loc",), "we": ("loc",), "przez": ("acc",), "z": ("inst", "gen"), "ze": ("inst", "gen"),
                    "do": ("gen",), "od": ("gen",), "dla": ("gen",), "o": ("loc", "acc"), "po": ("loc",),
                    "przy": ("loc",), "na": ("loc", "acc"), "między": ("inst",), "pomiędzy": ("inst",),
                    "wśród": ("gen",), "u": ("gen",)}
NAME_INTRO = {"pn", "pt", "pod"}  # "projekt pn. „…”", "pod nazwą „…”"
LEGAL_FORM = re.compile(r"\s*,?\s*(?:sp\.\s*z\s*o\.\s*o\.|s\.\s*a\.|sp\.\s*j\.|sp\.\s*k\.|spółka z o\.\s*o\.)",
                        re.IGNORECASE)
GENERIC_GOVERNMENT_WORDS = {"terytorialny", "lokalny", "gminny", "powiatowy", "wojewódzki", "miejski", "samorząd",
                            "samorządowy", "jednostka", "gmina", "powiat", "miasto", "województwo"}
SELF_GOVERNMENT = {"powiat", "gmina", "miasto", "województwo", "samorząd"}
NUMBERED_PARTS = {"działanie", "poddziałanie", "oś"}
PROJECT_HEADS = {"projekt", "cykl", "kampania", "inicjatywa"}
COLLAB_HEADS = {"partnerstwo": "Partnership", "porozumienie": "Agreement", "umowa": "Agreement",
                "list": "Agreement", "koalicja": "Partnership", "sieć": "Partnership"}
DETERMINERS = {"taki", "ten", "tamten", "ów", "każdy", "wszelki", "jakiś", "żaden", "inny", "swój", "nasz",
               "wasz", "mój", "kolejny", "niniejszy", "powyższy", "wspomniany", "owy", "tenże", "jakikolwiek"}
STOP_LEMMAS = {"który", "oraz", "a", "lecz", "ale", "gdy", "jako", "by", "aby", "że", "czy", "to", "jak"}


@dataclass
class Mention:
    type: str  # Person, Organization, Programme, Project, Partnership, Agreement, County, Voivodeship, Municipality
    start: int  # first token index
    end: int  # one past the last token
    name: str  # nominative
    sentence: int
    kind: OrgKind | None = None
    quoted: str | None = None  # a proper name in quotes that identifies it
    acronym: str | None = None
    teryt: str | None = None
    generic: bool = False
    region: str | None = None  # voivodeship code the name itself points to
    county: str | None = None  # county code the name itself points to
    parent: Mention | None = None  # an organisation named inside this one's name, in the genitive
    head: int = -1
    case: str | None = None
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)
    key: str | None = None  # set by resolution
    programme: str | None = None


def analyse(tokens: list[Token], morph) -> None:
    for t in tokens:
        if t.kind == "word":
            t.interps = morph.analyse(t.text)
            t.lemmas = frozenset(i.lemma.lower() for i in t.interps if i.pos != "ign")


def quote_spans(tokens: list[Token]) -> dict[int, int]:
    """Opening quote index -> closing quote index, within one sentence and at most 40 tokens."""
    spans: dict[int, int] = {}
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if t.text in OPEN_QUOTES or (t.text == '"' and k + 1 < len(tokens) and tokens[k + 1].start == t.end):
            for j in range(k + 1, min(len(tokens), k + 40)):
                u = tokens[j]
                if u.sentence != t.sentence:
                    break
                if u.text in CLOSE_QUOTES and j > k + 1 and (u.text != "“" or t.text != "“"):
                    spans[k] = j
                    k = j
                    break
        k += 1
    return spans


class Finder:
    """Runs the mention rules over one analysed article."""

    def __init__(self, text: str, tokens: list[Token], gaz: Gazetteer):
        self.text, self.toks, self.gaz = text, tokens, gaz
        self.quotes = quote_spans(tokens)
        self.taken: set[int] = set()
        self.mentions: list[Mention] = []

    # -- helpers -------------------------------------------------------------------------------------------
    def tok(self, i: int) -> Token | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def quoted_text(self, q: int) -> str:
        end = self.quotes[q]
        return self.text[self.toks[q].end:self.toks[end].start].strip()

    def is_person_start(self, i: int) -> bool:
        t, u = self.tok(i), self.tok(i + 1)
        return (t is not None and u is not None and t.is_cap and u.is_cap and not u.is_upper
                and any(x.is_first_name for x in t.interps) and u.sentence == t.sentence
                and t.text.lower() not in HONORIFICS and not (t.lemmas & HONORIFICS) and not self.head_lemma(u)
                and _surname_like(u))

    def head_lemma(self, t: Token) -> str | None:
        """The organisation-kind or programme head lemma of a capitalised noun, if it is one."""
        if not t.is_cap:
            return None
        for i in nouns(t):
            low = i.lemma.lower()
            if low in self.gaz.heads or low in self.gaz.programme_heads:
                return low
        return None

    def _patron(self, k: int) -> bool:
        """A name after "im." or "św." is part of an institution's name, not a person present."""
        return k >= 2 and self.toks[k - 1].text == "." and self.toks[k - 2].text.lower() in ("im", "św")

    def add(self, m: Mention) -> Mention:
        self.mentions.append(m)
        self.taken.update(range(m.start, m.end))
        return m

    def free(self, a: int, b: int) -> bool:
        return not any(k in self.taken for k in range(a, b))

    # -- people --------------------------------------------------------------------------------------------
    def people(self) -> None:
        toks = self.toks
        inside_quotes = {j for q, e in self.quotes.items() for j in range(q, e + 1)}
        k = 0
        while k < len(toks) - 1:
            if not self.is_person_start(k) or k in inside_quotes or self._patron(k):
                k += 1
                continue
            end = k + 1
            while end + 1 < len(toks) and any(x.is_first_name for x in toks[end].interps) and toks[end + 1].is_cap \
                    and not toks[end + 1].is_upper and end - k < 2 and not self.head_lemma(toks[end + 1]) \
                    and _surname_like(toks[end + 1]) and toks[end + 1].sentence == toks[k].sentence:
                end += 1
            span = toks[k:end + 1]
            if any(t.is_upper for t in span):
                k += 1
                continue
            res = person_name(span)
            if res is None:
                k += 1
                continue
            name, gender = res
            self.add(Mention("Person", k, end + 1, name, toks[k].sentence, gender=gender))
            k = end + 1

    # -- territories ---------------------------------------------------------------------------------------
    def territories(self) -> None:
        toks = self.toks
        for k, t in enumerate(toks):
            if not t.is_word or t.is_cap and k and toks[k - 1].sentence == t.sentence and toks[k - 1].is_cap:
                continue
            if k in self.taken:
                continue
            nxt = self.tok(k + 1)
            if nxt is not None and nxt.text == "." and t.text.lower() in ("woj", "pow"):
                nxt = self.tok(k + 2)  # "woj. lubuskim", "pow. buskim"
                lem = {"woj": {"województwo"}, "pow": {"powiat"}}[t.text.lower()]
                if nxt is None or not nxt.is_word:
                    continue
                self._territory(k, nxt, lem, t, width=3)
                continue
            if nxt is None or not nxt.is_word or nxt.sentence != t.sentence:
                continue
            self._territory(k, nxt, t.lemmas, t, width=2)

    def _territory(self, k: int, nxt: Token, lem: set[str] | frozenset[str], t: Token, width: int) -> None:
        """ "w powiecie starachowickim", "województwa świętokrzyskiego", "gminie Bałtów", "woj. lubuskim"."""
        reg = self.gaz.register
        if t.is_cap:
            return  # "Powiat Starachowicki" is the self-government, found as an organisation
        if "powiat" in lem:
            for a in adjectives(nxt):
                found = reg.counties_by_name(a.lemma)
                if found:
                    self.add(Mention("County", k, k + width, f"powiat {a.lemma}", t.sentence,
                                     teryt=",".join(c.code for c in found)))
                    return
        elif "województwo" in lem or "region" in lem:
            for a in adjectives(nxt):
                lemma = a.lemma
                if "-" in nxt.text and "-" not in lemma:
                    lemma = nxt.text.rsplit("-", 1)[0].lower() + "-" + lemma
                v = reg.voivodeship_by_name(_voiv_name(lemma))
                if v:
                    self.add(Mention("Voivodeship", k, k + width, f"województwo {v.name}", t.sentence, teryt=v.code))
                    return
        elif "gmina" in lem and nxt.is_cap:
            for n in {i.lemma for i in nxt.interps if i.pos == "subst"} | {nxt.text}:
                found = reg.gminas_by_name(n)
                if found:
                    self.add(Mention("Municipality", k, k + width, f"gmina {found[0].name}", t.sentence,
                                     teryt=",".join(g.code for g in found)))
                    return

    # -- organisations and programmes ----------------------------------------------------------------------
    def organisations(self) -> None:
        toks = self.toks
        for k, t in enumerate(toks):
            if k in self.taken:
                continue
            head = self.head_lemma(t)
            if head:
                self._org_chain(k, head)
            elif t.is_upper and k + 1 in self.quotes and self.free(k, k + 1) and \
                    (self._acronym_kind(t.text) or _NONE).scope == "named":
                self._acronym_quoted(k)  # "LGD „Krzemienny Krąg”"; "OWES „…”" is rather an event's title
        for k, t in enumerate(toks):
            if k in self.taken or not t.is_word or t.is_cap:
                continue
            lemma = next((i.lemma.lower() for i in nouns(t) if i.lemma.lower() in self.gaz.heads), None)
            if lemma:
                self._lower_head_quoted(k, lemma)
        self._foreign()

    def _acronym_kind(self, word: str) -> OrgKind | None:
        kind = self.gaz.acronyms.get(word)
        if kind:
            return kind
        for acr, kind in self.gaz.acronyms.items():
            if len(acr) >= 3 and word.endswith(acr) and len(word) > len(acr):
                return kind
        return None

    def _acronym_quoted(self, k: int) -> None:
        t = self.toks[k]
        q = k + 1
        end = self.quotes[q]
        inner = self.quoted_text(q)
        kind = self._acronym_kind(t.text)
        name = f"{t.text} „{inner}”"
        m = Mention("Organization", k, end + 1, name, t.sentence, kind=kind, quoted=inner, head=k)
        m.aliases.add(inner)
        self.add(m)

    def _left_adjectives(self, k: int, head: str) -> int:
        start = k
        readings = [(c, n, g) for i in nouns(self.toks[k], head) for c in i.cases for n in i.numbers
                    for g in (i.genders or {"n"})]
        while start > 0:
            p = self.toks[start - 1]
            if p.sentence != self.toks[k].sentence or start - 1 in self.taken:
                break
            agrees = any(agree(a, c, n, g) for a in adjectives(p) for c, n, g in readings)
            verb = any(i.pos in ("praet", "fin", "bedzie", "impt", "inf") for i in p.interps)
            if p.is_cap and agrees and not verb and not any(i.is_first_name for i in p.interps):
                start -= 1
                continue
            if p.text in DASHES and start >= 2:
                pp = self.toks[start - 2]
                if pp.is_cap and pp.text.lower().endswith("o") and pp.sentence == p.sentence:
                    start -= 2
                    continue
            break
        return start

    def _org_chain(self, k: int, head: str) -> None:
        toks, text = self.toks, self.text
        start = k if head in SELF_GOVERNMENT else self._left_adjectives(k, head)
        sent = toks[k].sentence
        j = k + 1
        end = k + 1  # one past the last token of the name
        parent_at: int | None = None
        quoted = None
        acronym = None
        tail = False
        numbered_title = None
        programme = head in self.gaz.programme_heads and head not in self.gaz.heads
        while j < len(toks) and toks[j].sentence == sent and j not in self.taken:
            t = toks[j]
            if j in self.quotes:
                q_end = self.quotes[j]
                if self.free(j, q_end + 1):
                    quoted = self.quoted_text(j)
                    end = q_end + 1
                break
            nxt0 = self.tok(j + 1)
            if t.text.lower() == "na" and nxt0 is not None and nxt0.text.lower() == "rzecz" and j == end and not tail:
                tail = True  # "Stowarzyszenie na Rzecz Spółdzielni Socjalnych": what follows names its aim
                end = j + 2
                j += 2
                continue
            if tail and j == end and t.is_word and not t.is_cap and (nouns(t) or adjectives(t)) \
                    and t.text.lower() not in STOP_LEMMAS and t.text.lower() not in ("w", "we", "z", "i", "oraz") \
                    and not any(x.pos in ("fin", "praet", "bedzie", "inf") for x in t.interps):
                end = j + 1  # "na Rzecz Osób niepełnosprawnych"
                j += 1
                continue
            if t.is_cap and not t.is_upper:
                patron = j >= 2 and toks[j - 1].text == "." and toks[j - 2].text.lower() in ("im", "św")
                if self.is_person_start(j) and not patron:
                    break
                if self.head_lemma(t) and not tail:
                    if j == end and any("gen" in i.cases for i in nouns(t)) and parent_at is None and not programme:
                        parent_at = j
                    elif j != end:
                        break
                end = j + 1
                j += 1
                continue
            if t.is_upper and programme and j == end:
                end = j + 1
                j += 1
                continue
            if t.kind == "num" and programme and j == end:
                end = j + 1
                j += 1
                if head in NUMBERED_PARTS:
                    title_end = self._title_end(j, sent)
                    if title_end > j:
                        numbered_title = self.text[toks[start].start:toks[title_end - 1].end]
                    break
                continue
            if programme and j == end and not t.is_cap and t.is_word and adjectives(t) and not nouns(t):
                end = j + 1  # "Oś priorytetowa 9"
                j += 1
                continue
            if t.text in DASHES and programme and j == end and self.tok(j + 1) and self.tok(j + 1).kind == "num":
                end = j + 2
                j += 2
                continue
            low = t.text.lower()
            nxt = self.tok(j + 1)
            if nxt is None or nxt.sentence != sent:
                break
            if low == "i" and nxt.is_cap and not nxt.is_upper and not self.head_lemma(nxt) \
                    and not self.is_person_start(j + 1) and j == end and not self._starts_org(j + 1):
                end = j + 2
                j += 2
                continue
            if low == "na" and nxt.text.lower() == "lata" and programme and j == end:
                end = j + 2
                j += 2
                continue
            if low in ("w", "we") and nxt.is_cap and j == end and self._is_place(nxt):
                end = j + 2
                while end < len(toks) and toks[end].sentence == sent and toks[end].is_cap and end - j < 4 \
                        and not self.head_lemma(toks[end]) and not self.is_person_start(end) \
                        and toks[end].i not in self.taken:
                    end += 1  # "w Zielonej Górze", "w Nowym Mieście Lubawskim"
                break
            if low in ("ds", "im", "św") and nxt.text == "." and j == end:
                n2 = self.tok(j + 2)
                end = j + 2
                j += 2
                if low == "ds":
                    while n2 is not None and n2.sentence == sent and n2.is_word and n2.i not in self.taken \
                            and n2.text.lower() not in STOP_LEMMAS and n2.text.lower() not in ("w", "we") \
                            and (n2.text != "i" or (self.tok(n2.i + 1) and self.tok(n2.i + 1).is_word)) \
                            and not any(x.pos in ("fin", "praet", "bedzie") for x in n2.interps):
                        end = n2.i + 1
                        n2 = self.tok(n2.i + 1)
                    break
                continue
            if low == "," and nxt.is_cap and not nxt.is_upper and not self.head_lemma(nxt) and j == end \
                    and not self.is_person_start(j + 1) and _genitive_noun(toks[j - 1]) and _genitive_noun(nxt) \
                    and j - 1 > k and self._list_closes(j + 2, sent):
                end = j + 2
                j += 2
                continue
            if low == "(" and nxt.is_upper and self.tok(j + 2) and self.tok(j + 2).text == ")" and acronym is None:
                acronym = nxt.text
                self.taken.update(range(j, j + 3))
                after = self.tok(j + 3)
                if after is not None and after.sentence == sent and self.head_lemma(after) and _genitive_noun(after) \
                        and not programme:
                    j += 3
                    end = j
                    continue
            break
        legal = LEGAL_FORM.match(text, toks[end - 1].end) if end > start else None
        if legal and not programme:  # "… Sp. z o.o.", "… S.A.": a company
            while end < len(toks) and toks[end].start < legal.end():
                end += 1
        span = toks[start:end]
        if not span:
            return
        prev = self.tok(start - 1)
        prefer = PREPOSITION_CASE.get(prev.text.lower(), ()) if prev is not None else ()
        skip = {j for j in range(start, end) if j in self.taken}  # "(ROPS)" inside the span
        name_tokens = [t for t in span if t.i not in skip]
        head_index = name_tokens.index(toks[k])
        span = name_tokens
        q_open = next((i for i, tk in enumerate(span) if tk.i in self.quotes), None)
        if q_open is not None:
            base = nominative_phrase(span[:q_open], head_index, head, text, prefer) if head_index < q_open else ""
            name = f"{base} „{quoted}”".strip()
        else:
            name = nominative_phrase(name_tokens, head_index, head, text, prefer)
        reading = _case_of(toks[k], head)
        if programme:
            code = self.gaz.programme(head, _lemmas(span))
            if head in NUMBERED_PARTS and not any(t.kind == "num" for t in span):
                return  # "działanie" without a number is a plain word
            m = Mention("Programme", start, end, name, sent, head=k, programme=code, acronym=acronym)
            if numbered_title:
                m.aliases.add(" ".join(numbered_title.split()))
            self.add(m)
            return
        kind = self.gaz.org_kind(head, _lemmas(span))
        if legal:
            kind = self.gaz.org_kind("spółka", set()) or kind
        if kind is None:
            return
        if head in ("miasto", "gmina") and len(name_tokens) == head_index + 2:
            geo = next((i for i in nouns(name_tokens[-1]) if i.is_geo), None)
            if geo is not None:  # "Miasta Gdańska" -> "Miasto Gdańsk"
                name = f"{name.split()[0]} {geo.lemma}"
        m = Mention("Organization", start, end, name, sent, kind=kind, quoted=quoted, acronym=acronym, head=k,
                    case=reading)
        if acronym:
            m.aliases.add(acronym)
        if quoted:
            m.aliases.add(quoted)
        m.generic = self._generic(span, kind, quoted, acronym, toks[k], head)
        self._place_of(m, span)
        if parent_at is not None and parent_at < end:
            p_head = self.head_lemma(toks[parent_at])
            p_span = toks[parent_at:end]
            p_kind = self.gaz.org_kind(p_head, _lemmas(p_span)) if p_head else None
            if p_kind is not None and p_head not in self.gaz.programme_heads:
                p_name = nominative_phrase(p_span, 0, p_head, text, ("gen",))
                parent = Mention("Organization", parent_at, end, p_name, sent, kind=p_kind, head=parent_at)
                parent.generic = self._generic(p_span, p_kind, None, None, toks[parent_at], p_head)
                self._place_of(parent, p_span)
                m.parent = parent
        self.add(m)
        if m.parent is not None:
            self.mentions.append(m.parent)

    def _title_end(self, j: int, sent: int) -> int:
        """End of the title after a numbered programme part: "Działanie 9.1 Aktywna integracja …" up to a comma."""
        toks = self.toks
        k = j
        while k < len(toks) and toks[k].sentence == sent and toks[k].is_word and k - j < 15:
            if k != j and toks[k].lemmas & NUMBERED_PARTS:
                break
            k += 1
        return k

    def _list_closes(self, j: int, sent: int) -> bool:
        """"Ministerstwo Rodziny, Pracy i Polityki Społecznej": a comma inside a name needs an "i" to close the list."""
        for k in range(j, min(j + 4, len(self.toks))):
            t = self.toks[k]
            if t.sentence != sent or t.text in ",;:()":
                return False
            if t.text == "i":
                nxt = self.tok(k + 1)
                return nxt is not None and nxt.is_cap and _genitive_noun(nxt)
        return False

    def _starts_org(self, j: int) -> bool:
        """Whether capitalised adjectives at ``j`` lead to an organisation's head noun ("i Regionalnego Ośrodka")."""
        k = j
        while k < len(self.toks) and k - j < 4 and self.toks[k].is_cap and adjectives(self.toks[k]) \
                and not self.head_lemma(self.toks[k]):
            k += 1
        return k > j and k < len(self.toks) and bool(self.head_lemma(self.toks[k]))

    def _is_place(self, t: Token) -> bool:
        if any(i.is_geo for i in t.interps):
            return True
        return any(self.gaz.register.gminas_by_name(i.lemma) for i in nouns(t))

    def _generic(self, span: list[Token], kind: OrgKind, quoted: str | None, acronym: str | None, head: Token,
                 head_lemma: str) -> bool:
        """A kind's name with nothing of its own ("Powiatowe Centrum Pomocy Rodzinie") names no one entity."""
        if quoted:
            return False
        if acronym and acronym not in kind.acronyms:
            return False
        if all(i.numbers == frozenset({"pl"}) for i in nouns(head, head_lemma)) and head_lemma != "warsztat":
            return True
        words = [t for t in span if t.is_word]
        if kind.kind == "LocalGovernment":  # "Samorząd Terytorialny" is any of them; "Gmina Bałtów" is one
            return not any(t is not head and (any(i.is_geo for i in nouns(t)) or not t.lemmas or
                                              (t.lemmas - GENERIC_GOVERNMENT_WORDS and t.is_cap)) for t in words)
        if kind.scope == "named":
            return len(words) == 1
        vocab = _kind_vocabulary(self.gaz)
        return all((t.lemmas & vocab) or t.text.lower() in FUNCTION_WORDS for t in words)

    def _place_of(self, m: Mention, span: list[Token]) -> None:
        """The voivodeship or county a name itself points to: "Województwa Świętokrzyskiego", "w Kielcach"."""
        reg = self.gaz.register
        for n, t in enumerate(span):
            for a in adjectives(t):
                lemma = a.lemma
                if "-" in t.text and "-" not in lemma:  # "Warmińsko-Mazurskiego" -> warmińsko-mazurski
                    lemma = t.text.rsplit("-", 1)[0].lower() + "-" + lemma
                v = reg.voivodeship_by_name(_voiv_name(lemma))
                if v:
                    m.region = v.code
                    return
            if n + 1 < len(span) and adjectives(t) and nouns(span[n + 1]) and span[n + 1].is_cap and t.is_cap \
                    and n and span[n - 1].text.lower() in ("w", "we"):
                two = nominative_phrase(span[n:n + 2], 1, nouns(span[n + 1])[0].lemma.lower(), self.text)
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

    def _lower_head_quoted(self, k: int, lemma: str) -> None:
        """"stowarzyszenia „Bezpieczny Powiat”", "spółdzielni socjalnej „Starachowiczanka”"."""
        toks = self.toks
        j = k + 1
        while j < len(toks) and j not in self.quotes and adjectives(toks[j]) and not toks[j].is_cap and j - k < 3:
            j += 1
        if j not in self.quotes or not self.free(k, self.quotes[j] + 1):
            return
        end = self.quotes[j]
        span = toks[k:j]
        kind = self.gaz.org_kind(lemma, _lemmas(span))
        if kind is None or kind.kind in ("PublicInstitution",) and lemma in ("centrum", "ośrodek"):
            return
        base = nominative_phrase(span, 0, lemma, self.text)
        inner = self.quoted_text(j)
        name = f"{base[:1].upper()}{base[1:]} „{inner}”"
        m = Mention("Organization", k, end + 1, name, toks[k].sentence, kind=kind, quoted=inner, head=k)
        m.aliases.add(inner)
        self.add(m)

    def _foreign(self) -> None:
        """A run of capitalised words Morfeusz does not know: a foreign organisation's name."""
        toks = self.toks
        k = 0
        while k < len(toks):
            t = toks[k]
            if k in self.taken or not (t.is_cap and not t.interps or all(i.pos == "ign" for i in t.interps)) \
                    or not t.is_cap or t.is_upper:
                k += 1
                continue
            j = k
            caps = 0
            while j < len(toks) and j not in self.taken and toks[j].is_word and toks[j].sentence == t.sentence:
                u = toks[j]
                unknown = all(i.pos == "ign" for i in u.interps)
                if not (unknown or (not u.is_cap and len(u.text) <= 4)):
                    break
                caps += u.is_cap and unknown
                j += 1
            if j - k >= 3 and caps >= 2 and all(i.pos == "ign" for i in toks[j - 1].interps):
                name = self.text[toks[k].start:toks[j - 1].end]
                self.add(Mention("Organization", k, j, " ".join(name.split()), t.sentence, head=k))
            k = max(j, k + 1)

    # -- partnerships, agreements, projects ------------------------------------------------------------------
    def collaborations(self) -> None:
        toks = self.toks
        for k, t in enumerate(toks):
            if k in self.taken or not t.is_word:
                continue
            lemma = next((i.lemma.lower() for i in nouns(t) if i.lemma.lower() in COLLAB_HEADS), None)
            if lemma is None:
                continue
            if all(i.numbers == frozenset({"pl"}) for i in nouns(t, lemma)):
                continue  # "partnerstwa lokalne w subregionie": several, none named
            prev = self.tok(k - 1)
            if prev is not None and prev.lemmas & DETERMINERS:
                continue  # "takie porozumienie", "to partnerstwo": a reference, not a name
            if lemma == "list" and not (self.tok(k + 1) and self.tok(k + 1).text.lower().startswith("intencyjn")):
                continue
            start = k
            readings = [(c, n, g) for i in nouns(t, lemma) for c in i.cases for n in i.numbers for g in i.genders]
            while start > 0 and toks[start - 1].is_word and toks[start - 1].sentence == t.sentence \
                    and not nouns(toks[start - 1]) and start - 1 not in self.taken \
                    and any(a.pos == "adj" and agree(a, c, n, g) for a in adjectives(toks[start - 1])
                            for c, n, g in readings) \
                    and toks[start - 1].text.lower() not in STOP_LEMMAS:
                start -= 1
            end = self._complements(k + 1, t.sentence)
            span = toks[start:end]
            has_complement = end > k + 1 and any(x.text.lower() in ("na", "o", "w", "we", "dla", "ds", "między",
                                                                     "pomiędzy") for x in toks[k + 1:end])
            has_quote = any(x.i in self.quotes for x in toks[k + 1:end + 1])
            if not has_complement and not has_quote:
                continue
            name = nominative_phrase(span, k - start, lemma, self.text)
            name = name[:1].lower() + name[1:] if not toks[start].is_upper else name
            m = Mention(COLLAB_HEADS[lemma], start, end, name, t.sentence, head=k)
            for x in span:
                if x.lemmas & {"powiat"}:
                    nxt = self.tok(x.i + 1)
                    if nxt is not None:
                        for a in adjectives(nxt):
                            found = self.gaz.register.counties_by_name(a.lemma)
                            if found:
                                m.county = ",".join(c.code for c in found)
            if m.county is None:
                self._complete_with_county(m)
            self.mentions.append(m)  # spans may cover territories; do not block them

    def _complete_with_county(self, m: Mention) -> None:
        """"Zawarte w powiecie X … partnerstwo na rzecz …": the county named in the sentence completes the name."""
        here = [c for c in self.mentions if c.type == "County" and c.sentence == m.sentence and c.teryt]
        if len(here) != 1:
            return
        c = here[0]
        adj = c.name.split()[-1]
        form = morph_inflect(adj, "loc")
        if form:
            m.name = f"{m.name} w powiecie {form}"
            m.county = c.teryt

    def _complements(self, j: int, sent: int) -> int:
        """One past the end of the complements after a lower-case head: "o …", "na rzecz …", "w powiecie …"."""
        toks = self.toks
        end = j
        # agreeing adjectives right after the head ("partnerstwa lokalnego")
        while j < len(toks) and toks[j].sentence == sent and toks[j].is_word and adjectives(toks[j]) \
                and not nouns(toks[j]) and not toks[j].is_cap:
            j += 1
            end = j
        steps = 0
        while j < len(toks) and toks[j].sentence == sent and steps < 16:
            t = toks[j]
            low = t.text.lower()
            if low in ("o", "na", "w", "we", "dla", "ds", "między", "pomiędzy", "z", "ze") or low == ".":
                if low == "." and toks[j - 1].text.lower() != "ds":
                    break
                j += 1
                steps += 1
                continue
            if not t.is_word or low in STOP_LEMMAS or low == "i" and not _noun_follows(toks, j):
                break
            if any(i.pos in ("fin", "praet", "bedzie", "impt", "inf", "pcon", "ppas", "pact", "winien")
                   for i in t.interps) and not nouns(t) and not adjectives(t):
                break
            if j in self.quotes:
                end = self.quotes[j] + 1
                break
            j += 1
            steps += 1
            end = j
        while end > 0 and toks[end - 1].text.lower() in ("o", "na", "w", "we", "dla", "ds", "i", "z", "ze"):
            end -= 1
        return end

    def quoted_projects(self) -> None:
        """"projekt pn. „…”", "z cyklu „…”": a quoted name after a project word."""
        toks = self.toks
        for q, q_end in self.quotes.items():
            if not self.free(q, q_end + 1):
                continue
            intro = None
            named = any(self.tok(q - b) and self.tok(q - b).text.lower() in NAME_INTRO for b in range(1, 4))
            for back in range(1, 30 if named else 14):
                p = self.tok(q - back)
                if p is None or p.sentence != toks[q].sentence:
                    break
                lem = {x.lower() for x in p.lemmas}
                if lem & PROJECT_HEADS or p.text.lower() in PROJECT_HEADS:
                    intro = p
                    break
                if back > 4 and not named:
                    break
            if intro is None:
                continue
            inner = self.quoted_text(q)
            if len(inner) < 3:
                continue
            self.add(Mention("Project", q, q_end + 1, inner, toks[q].sentence, head=intro.i, quoted=inner))

    def named_projects(self) -> None:
        """"w ramach projektu Wielkopolskie Centrum Ekonomii Solidarnej": a capitalised name right after "projekt"
        was read as an organisation; it names the project."""
        toks = self.toks
        for m in list(self.mentions):
            if m.type != "Organization" or m.quoted:
                continue
            p = self.tok(m.start - 1)
            if p is not None and {x.lower() for x in p.lemmas} & {"projekt"}:
                m.type = "Project"
                m.kind = None
                m.generic = False
                raw = self.text[toks[m.start].start:toks[m.end - 1].end]
                m.name = " ".join(re.sub(r"\s*\([^)]*\)", "", raw).split())

    def run(self) -> list[Mention]:
        self.people()
        self.territories()
        self.quoted_projects()  # before organisation rules see the capitalised words inside the quotes
        self.organisations()
        self.named_projects()
        self.collaborations()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions


def morph_inflect(adj_lemma: str, case: str) -> str | None:
    from loaders.morph import morph

    return morph().inflect(adj_lemma, "adj", case, "sg", "m3")


class _NoKind:
    scope = ""


_NONE = _NoKind()
HONORIFICS = {"pan", "pani", "państwo", "ksiądz", "ks", "dr", "prof", "mgr", "inż", "siostra", "brat", "ojciec"}


def _surname_like(t: Token) -> bool:
    """A word that can be a surname: the dictionary says so, or it does not know the word at all."""
    if all(i.pos == "ign" for i in t.interps):
        return True
    if "-" in t.text:
        return True
    return any(i.is_surname for i in t.interps)


def _voiv_name(adj_lemma: str) -> str:
    return adj_lemma[:-1] + "e" if adj_lemma.endswith("i") else adj_lemma


def _lemmas(span: list[Token]) -> set[str]:
    out: set[str] = set()
    for t in span:
        out |= {x.lower() for x in t.lemmas}
        out.add(t.text.lower())
    return out


def _genitive_noun(t: Token) -> bool:
    return any("gen" in i.cases for i in nouns(t))


def _noun_follows(toks: list[Token], j: int) -> bool:
    return j + 1 < len(toks) and bool(nouns(toks[j + 1]) or adjectives(toks[j + 1]))


def _case_of(t: Token, lemma: str) -> str | None:
    cases = set()
    for i in nouns(t, lemma):
        cases |= set(i.cases)
    for c in ("nom", "gen", "loc", "inst", "acc", "dat"):
        if c in cases:
            return c
    return None


_VOCAB: dict[int, frozenset[str]] = {}


def _kind_vocabulary(gaz: Gazetteer) -> frozenset[str]:
    key = id(gaz)
    if key not in _VOCAB:
        words = set(LEVEL_ADJECTIVES) | set(gaz.heads)
        for k in gaz.kinds:
            for alt in k.also:
                words |= alt
        words |= {"pomoc", "rodzina", "społeczny", "polityka", "praca", "integracja", "terapia", "zajęciowy",
                  "aktywność", "zawodowy", "wsparcie", "ekonomia", "marszałkowski", "urząd", "centrum", "ośrodek",
                  "gminny", "miejski", "powiatowy", "dzienny", "środowiskowy", "usługa", "interwencja", "kryzysowy"}
        _VOCAB[key] = frozenset(words)
    return _VOCAB[key]
