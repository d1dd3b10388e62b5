"""Relations between the entities of one article, read from the constructions news reports use.

* roles: "Anna Górak, doradca ds. ekonomii społecznej w Regionalnym Ośrodku…", "wicemarszałek Renata Janik",
  "Członkowie Zarządu Powiatu Starachowickiego: Monika Nowak i Andrzej Sendecki", "starosta starachowicki";
* the meeting: "organizatorem spotkania był X we współpracy z Y", "zorganizowane przez X oraz Y",
  "w siedzibie X", "w sali konferencyjnej X", the people it names, its date and county;
* agreements: "podpisane przez …", "sygnatariuszami są …", "inicjatorem porozumienia jest X";
* organisations: "założona przez X i Y" (founders), units ("Departament … w Ministerstwie …");
* projects: "realizowany przez X", "lider projektu – X", "w partnerstwie z A, B oraz C", "w ramach <programme>".
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from graph.slug import slugify
from graph.model import Entity, Extraction, Relation
from loaders.dates import find_dates
from loaders.gazetteer import Gazetteer, RoleWord
from loaders.mentions import NUMBERED_PARTS, Mention
from loaders.names import adjectives, nominative_phrase, nouns
from loaders.resolve import Resolution
from loaders.tokens import ABBREVIATIONS, DASHES, Token

ORGANIZER_CUES = {"organizator", "współorganizator", "organizować", "zorganizować", "współorganizować", "gospodarz",
                  "organizatorka"}
ORGANIZER_SUPPORT = {"wspierać", "wesprzeć", "koordynować", "zapewnić", "przygotować"}
EVENT_VERBS = {"odbyć", "spotkać", "podpisać", "zebrać", "uczestniczyć", "zgromadzić", "gościć", "obradować",
               "otworzyć", "zorganizować", "wziąć", "zainaugurować"}
VENUE_WORDS = {"siedziba", "sala", "budynek", "aula", "gmach", "sala konferencyjna", "pomieszczenie", "hol",
               "salon", "centrum", "ośrodek", "dom", "świetlica", "biuro"}
SIGN_CUES = {"podpisać", "sygnatariusz", "podpisywać", "zawrzeć", "parafować"}
INITIATOR_CUES = {"inicjator", "inicjatorka", "inicjatywa", "pomysłodawca"}
FOUNDER_CUES = {"założyć", "utworzyć", "powołać", "fundator", "założyciel", "zawiązać"}
LEAD_CUES = {"lider", "beneficjent", "wnioskodawca"}
REALIZE_CUES = {"realizować", "zrealizować", "prowadzić", "wdrażać"}
PARTNER_CUES = {"partnerstwo", "partner"}
FUNDING_CUES = {"ramy", "środek", "współfinansować", "dofinansować", "finansować", "sfinansować"}


class Relator:
    def __init__(self, x: Extraction, tokens: list[Token], mentions: list[Mention], res: Resolution,
                 gaz: Gazetteer):
        self.x, self.toks, self.gaz, self.res = x, tokens, gaz, res
        self.ms = [m for m in mentions if id(m) in res.by_mention]
        self.key = {id(m): res.by_mention[id(m)] for m in self.ms}
        # acronym tokens count as one-token mentions
        for i, key, sent in res.acronym_mentions:
            m = Mention("Organization", i, i + 1, tokens[i].text, sent)
            self.ms.append(m)
            self.key[id(m)] = key
        self.ms.sort(key=lambda m: (m.start, -m.end))
        self.at: dict[int, Mention] = {}
        for m in self.ms:
            if m.start not in self.at or m.end > self.at[m.start].end:
                self.at[m.start] = m
        self.by_sentence: dict[int, list[Mention]] = {}
        for m in self.ms:
            self.by_sentence.setdefault(m.sentence, []).append(m)
        self._sentence_tokens: dict[int, list[Token]] = {}
        for t in tokens:
            self._sentence_tokens.setdefault(t.sentence, []).append(t)

    # -- helpers ---------------------------------------------------------------------------------------------
    def ent(self, m: Mention) -> Entity:
        return self.x.entities[self.key[id(m)]]

    def rel(self, kind: str, s: str, o: str, sentence: int | None, **kw: object) -> None:
        if s == o or s not in self.x.entities or o not in self.x.entities:
            return
        self.x.add_relation(Relation(kind, s, o, sentence=sentence, **kw))

    def outer(self, ms: Iterable[Mention]) -> list[Mention]:
        """Mentions not nested inside another one (the parent organisation named within a name)."""
        ms = list(ms)
        return [m for m in ms if not any(o is not m and o.start <= m.start and m.end <= o.end and
                                         (o.end - o.start) > (m.end - m.start) for o in ms)]

    def after(self, sentence: int, pos: int, types: tuple[str, ...], stop_at_clause: bool = False) -> list[Mention]:
        out = []
        stop = self._clause_end(pos, sentence) if stop_at_clause else None
        for m in self.outer(self.by_sentence.get(sentence, [])):
            if m.start >= pos and m.type in types and (stop is None or m.start < stop):
                out.append(m)
        return out

    def _clause_end(self, pos: int, sentence: int) -> int:
        for t in self.toks[pos:]:
            if t.sentence != sentence:
                return t.i
            if t.text == "," and self._next_is_relative(t.i):
                return t.i
        return len(self.toks)

    def _next_is_relative(self, i: int) -> bool:
        n = self.toks[i + 1] if i + 1 < len(self.toks) else None
        return n is not None and bool(n.lemmas & {"który", "gdzie", "co", "aby", "ponieważ", "gdyż"})

    def is_unit_host(self, m: Mention) -> bool:
        """Whether ``m`` only says where the organisation before it sits ("Departament … w Ministerstwie …")."""
        if m.start < 2 or self.toks[m.start - 1].text.lower() not in ("w", "we", "przy"):
            return False
        return any(o.end == m.start - 1 and o.type == "Organization" for o in self.ms)

    def sentence_tokens(self, s: int) -> list[Token]:
        return self._sentence_tokens.get(s, [])

    def has(self, s: int, lemmas: set[str]) -> Token | None:
        for t in self.sentence_tokens(s):
            if t.lemmas & lemmas or t.text.lower() in lemmas:
                return t
        return None

    # -- roles -----------------------------------------------------------------------------------------------
    def match_role(self, i: int) -> tuple[RoleWord, int] | None:
        """The role starting at token ``i`` and the index one past it."""
        t = self.toks[i] if i < len(self.toks) else None
        if t is None or not t.is_word:
            return None
        first = t.text.lower()
        lemmas = {x for x in t.lemmas} | {first}
        for lem in lemmas:
            for role in self.gaz.role_heads.get(lem, []):
                ok = True
                for k, w in enumerate(role.words[1:], start=1):
                    u = self.toks[i + k] if i + k < len(self.toks) else None
                    if u is None or u.sentence != t.sentence or not (u.text.lower() == w or
                                                                     u.lemmas & _lemmas_of(w)):
                        ok = False
                        break
                if ok:
                    return role, i + len(role.words)
        return None

    def roles(self) -> None:
        people = [m for m in self.ms if m.type == "Person"]
        for p in people:
            self._role_after(p) or self._role_before(p)

    def _role_after(self, p: Mention) -> bool:
        i = p.end
        if i < len(self.toks) and (self.toks[i].text == "," or self.toks[i].text in DASHES):
            i += 1
        found = self.match_role(i)
        if not found or self.toks[i].sentence != p.sentence:
            return False
        role, j = found
        return self._attach_role(p, role, i, j)

    def _role_before(self, p: Mention) -> bool:
        # "wicemarszałek Renata Janik", "Prezes Fundacji X Jan Kowalski", "Członkowie Zarządu X: A i B"
        s = p.sentence
        toks = self.toks
        j = p.start - 1
        org: Mention | None = None
        while j >= 0 and toks[j].sentence == s and (toks[j].text in (":", ",") or toks[j].lemmas & {"i", "oraz"}
                                                    or self._person_at(j)):
            j = self._person_at(j).start - 1 if self._person_at(j) else j - 1
        for start in range(max(0, j - 12), j + 1):
            found = self.match_role(start)
            if not found:
                continue
            role, end = found
            if toks[start].sentence != s:
                continue
            between = [m for m in self.outer(self.by_sentence.get(s, [])) if end - 1 <= m.start and m.end <= j + 1
                       or m.start < end <= m.end <= j + 1]
            orgs = [m for m in between if m.type == "Organization"]
            if end == j + 1 or (orgs and orgs[-1].end == j + 1):
                org = orgs[-1] if orgs else None
                return self._attach_role(p, role, start, end, org_mention=org, org_search=False)
        return False

    def _person_at(self, j: int) -> Mention | None:
        for m in self.ms:
            if m.type == "Person" and m.start <= j < m.end:
                return m
        return None

    def _attach_role(self, p: Mention, role: RoleWord, i: int, j: int, org_mention: Mention | None = None,
                     org_search: bool = True) -> bool:
        toks = self.toks
        s = p.sentence
        title_end = j
        org = org_mention
        if org_search:
            k = j
            while k < len(toks) and toks[k].sentence == s and k - j < 8:
                m = self.at.get(k)
                if m is not None and m.type == "Organization":
                    org = m
                    break
                if m is not None and m.type == "Person":
                    break
                low = toks[k].text.lower()
                abbreviation = low == "." and toks[k - 1].text.lower() in ABBREVIATIONS
                if low in (",", ";", "(", ")", ":", "!", "?") or low == "." and not abbreviation or low in DASHES or \
                        low in ("oraz", "który", "która", "i"):
                    break
                if low in ("w", "we", "z", "ze", "przy"):
                    nxt = self.at.get(k + 1)
                    if nxt is not None and nxt.type == "Organization":
                        org = nxt
                    break
                if toks[k].is_cap and not toks[k].is_upper and k > j:
                    break
                k += 1
                title_end = k
            # a role inside an organisation's name: "Członkowie Zarządu Powiatu X" (the org mention covers "Zarządu")
            if org is None:
                for m in self.ms:
                    if m.type == "Organization" and m.start < j <= m.end and m.start >= i:
                        org = m
                        title_end = m.start
                        break
        title = self._title(role, i, title_end)
        key_p = self.key[id(p)]
        if org is not None:
            self.rel("role", key_p, self.key[id(org)], s, role=role.label, title=title)
            return True
        level = self.gaz.role_levels.get(role.slug)
        if level:
            body = self._implied_body(level, j, s)
            if body:
                self.rel("role", key_p, body, s, role=role.label, title=title)
                return True
        return False

    def _title(self, role: RoleWord, i: int, end: int) -> str:
        toks = self.toks[i:max(end, i + len(role.words))]
        if not toks:
            return role.label
        head_lemma = next((x.lemma.lower() for x in toks[0].interps if x.pos == "subst"), toks[0].text.lower())
        phrase = nominative_phrase(toks, 0, head_lemma, self.x.article.text)
        phrase = phrase.strip(" ,–-")
        return phrase[:1].lower() + phrase[1:] if phrase else role.label

    def _implied_body(self, level: str, j: int, s: int) -> str | None:
        """The self-government body a starosta or marshal heads: "starosta starachowicki" -> Powiat Starachowicki."""
        reg = self.gaz.register
        nxt = self.toks[j] if j < len(self.toks) else None
        if level == "county":
            code = None
            if nxt is not None and nxt.sentence == s:
                for a in adjectives(nxt):
                    found = reg.counties_by_name(a.lemma, self.res.region)
                    if found:
                        code = found[0].code
            code = code or self.res.main_county
            c = reg.county(code) if code else None
            if c is None or c.is_city:
                return None
            return self._body(f"Powiat {c.name[:1].upper()}{c.name[1:]}", "county", c.code)
        if level == "voivodeship":
            code = self.res.region
            if nxt is not None and nxt.sentence == s:
                m = self.at.get(j)
                if m is not None and m.type == "Organization":
                    return self.key[id(m)]
            v = reg.voivodeship(code) if code else None
            if v is None:
                return None
            return self._body(f"Województwo {v.name[:1].upper()}{v.name[1:]}", "voivodeship", v.code)
        if level in ("gmina", "city") and nxt is not None and nxt.sentence == s and nxt.is_cap:
            for i in nouns(nxt):
                found = reg.gminas_by_name(i.lemma)
                if found:
                    prefix = "Miasto" if level == "city" else "Gmina"
                    return self._body(f"{prefix} {found[0].name}", "gmina", found[0].code)
        return None

    def _body(self, name: str, level: str, code: str) -> str:
        key = slugify(name)
        if key not in self.x.entities:
            self.x.entities[key] = Entity(key=key, type="Organization", name=name, kind="LocalGovernment",
                                          sector="public")
        self._governs(key, level, code)
        return key

    def _governs(self, org_key: str, level: str, code: str) -> None:
        type_ = {"county": "County", "voivodeship": "Voivodeship", "gmina": "Municipality"}[level]
        if code not in self.x.entities:
            reg = self.gaz.register
            unit = {"county": reg.county, "voivodeship": reg.voivodeship, "gmina": reg.gmina}[level](code)
            label = unit.label if unit is not None and level != "gmina" else (
                reg.gmina_label(unit) if unit is not None else code)
            self.x.entities[code] = Entity(key=code, type=type_, name=label, teryt=code, reference=True)
        self.rel("governs", org_key, code, None)

    # -- local governments govern their territory --------------------------------------------------------------
    def governments(self) -> None:
        reg = self.gaz.register
        for m in self.ms:
            if m.type != "Organization" or not m.kind or m.kind.kind != "LocalGovernment":
                continue
            words = m.name.split()
            if len(words) < 2:
                continue
            head, rest = words[0].lower(), " ".join(words[1:])
            key = self.key[id(m)]
            if head == "powiat":
                found = reg.counties_by_name(rest.lower(), self.res.region) or reg.counties_by_name(rest.lower())
                if found:
                    self._governs(key, "county", found[0].code)
            elif head in ("województwo", "samorząd"):
                v = reg.voivodeship_by_name(rest.split()[-1].lower()[:-1] + "e") if head == "samorząd" else \
                    reg.voivodeship_by_name(rest.lower())
                if v:
                    self._governs(key, "voivodeship", v.code)
            elif head in ("gmina", "miasto"):
                found = reg.gminas_by_name(rest)
                if self.res.region:
                    found = [g for g in found if g.voivodeship == self.res.region] or found
                if found:
                    self._governs(key, "gmina", found[0].code)

    # -- the meeting -------------------------------------------------------------------------------------------
    def event_sentences(self) -> list[int]:
        words = set(self.gaz.event_words)
        out = []
        for s in range(len(self.x.sentences)):
            if self.has(s, words | EVENT_VERBS):
                out.append(s)
        return out

    def meeting(self) -> None:
        ev_sents = self.event_sentences()
        if not ev_sents:
            return
        a = self.x.article
        key = slugify(a.id)
        label = _short(a.title or self.x.sentences[ev_sents[0]].text)
        ev = Entity(key=key, type="Event", name=label, sentences=set(ev_sents[:1]))
        self.x.entities[key] = ev
        self.x.event = key
        self._event_date(ev, ev_sents)
        # organisers
        for s in range(len(self.x.sentences)):
            cue = self._organizer_cue(s)
            if cue is None:
                continue
            types = ("Organization", "Person") if cue.lemmas & {"gospodarz"} else ("Organization",)
            for m in self.after(s, cue.i, types, stop_at_clause=True):
                self.rel("organizer", key, self.key[id(m)], s)
        # venue
        venue = self._venue(ev_sents)
        if venue:
            self.rel("location", key, venue[0], venue[1])
        # people
        partners = self._project_partner_people()
        for m in self.ms:
            if m.type == "Person" and self.key[id(m)] not in partners:
                self.rel("attendee", key, self.key[id(m)], m.sentence)
        if self.res.main_county and self.res.main_county in self.x.entities:
            self.rel("about", key, self.res.main_county, self.x.entities[self.res.main_county].sentences and
                     min(self.x.entities[self.res.main_county].sentences))

    def _organizer_cue(self, s: int) -> Token | None:
        toks = self.sentence_tokens(s)
        for n, t in enumerate(toks):
            if t.lemmas & ORGANIZER_CUES:
                return t
            if t.lemmas & {"organizacja"} and any(u.lemmas & ORGANIZER_SUPPORT for u in toks[max(0, n - 3):n + 4]):
                return t
        return None

    def _event_date(self, ev: Entity, ev_sents: list[int]) -> None:
        year = self.x.article.published.year if self.x.article.published else None
        for s in ev_sents[:3]:
            for _a, _b, d in find_dates(self.x.sentences[s].text, default_year=year):
                if d.day and d.month:
                    if d.year:
                        ev.date = d.as_date()
                    else:
                        ev.date_partial = d.gmonthday()
                    ev.sentences.add(s)
                    return

    def _venue(self, ev_sents: list[int]) -> tuple[str, int] | None:
        place = None
        for s in ev_sents[:4]:
            toks = self.sentence_tokens(s)
            for n, t in enumerate(toks):
                if t.text.lower() not in ("w", "we"):
                    continue
                k = n + 1
                while k < len(toks) and k - n <= 3 and not toks[k].is_cap and (toks[k].lemmas & VENUE_WORDS or
                                                                             adjectives(toks[k])):
                    k += 1
                if k >= len(toks):
                    continue
                m = self.at.get(toks[k].i)
                if m is not None and m.type == "Organization" and not (m.kind and m.kind.kind == "LocalGovernment"):
                    return self.key[id(m)], s
                if place is None and toks[k].is_cap and k == n + 1:
                    gm = [g for i in nouns(toks[k]) if i.is_geo for g in self.gaz.register.gminas_by_name(i.lemma)]
                    if self.res.region:
                        gm = [g for g in gm if g.voivodeship == self.res.region] or gm
                    if gm:
                        place = (gm[0], s)
        if place:
            g, s = place
            if g.code not in self.x.entities:
                self.x.entities[g.code] = Entity(key=g.code, type="Municipality", teryt=g.code,
                                                 name=self.gaz.register.gmina_label(g), sentences={s})
            return g.code, s
        return None

    # -- agreements and partnerships ---------------------------------------------------------------------------
    def main_of(self, type_: str, s: int | None = None) -> str | None:
        if s is not None:
            here = [m for m in self.by_sentence.get(s, []) if m.type == type_]
            if here:
                return self.key[id(here[0])]
        keys = [k for k, e in self.x.entities.items() if e.type == type_]
        return keys[0] if keys else None

    def agreements(self) -> None:
        for s in range(len(self.x.sentences)):
            toks = self.sentence_tokens(s)
            for n, t in enumerate(toks):
                low = t.text.lower()
                if t.lemmas & SIGN_CUES or low.startswith("podpisan"):
                    subj = self.main_of("Agreement", s) or self.main_of("Partnership", s)
                    if subj is None:
                        continue
                    start = n + 1
                    przez = next((u for u in toks[n + 1:n + 4] if u.text.lower() in ("przez", ":")), None)
                    listing = t.lemmas & {"sygnatariusz"} and any(
                        u.text == ":" or u.lemmas & {"być", "zostać"} for u in toks[n + 1:n + 4])
                    if przez is None and not listing:
                        continue
                    if przez is not None:
                        start = toks.index(przez) + 1
                    for m in self.after(s, toks[start].i if start < len(toks) else t.i, ("Organization", "Person")):
                        self.rel("signatory", subj, self.key[id(m)], s)
                    self._listed_signatories(subj, s)
                if t.lemmas & INITIATOR_CUES:
                    subj = self.main_of("Agreement", s) or self.main_of("Partnership", s)
                    objs = self.after(s, t.i + 1, ("Organization", "Person"), stop_at_clause=True)
                    if subj and objs:
                        self.rel("initiator", subj, self.key[id(objs[0])], s)
            for m in self.by_sentence.get(s, []):
                if m.type in ("Agreement", "Partnership") and m.county and m.county in self.x.entities:
                    self.rel("about", self.key[id(m)], m.county, s)

    def _listed_signatories(self, subj: str, s: int) -> None:
        """"… pomiędzy:" followed by numbered lines, each naming a party."""
        if not self.x.sentences[s].text.rstrip().endswith(":"):
            return
        for nxt in range(s + 1, min(s + 40, len(self.x.sentences))):
            text = self.x.sentences[nxt].text.lstrip()
            if not text[:1].isdigit() and not text.startswith(("•", "-", "–", "*")):
                break
            for m in self.outer(self.by_sentence.get(nxt, [])):
                if m.type in ("Organization", "Person"):
                    self.rel("signatory", subj, self.key[id(m)], nxt)
                    break

    # -- founders and units ------------------------------------------------------------------------------------
    def organisations(self) -> None:
        for s in range(len(self.x.sentences)):
            toks = self.sentence_tokens(s)
            for n, t in enumerate(toks):
                if not t.lemmas & FOUNDER_CUES:
                    continue
                przez = next((u for u in toks[n + 1:n + 3] if u.text.lower() == "przez"), None)
                if przez is None:
                    continue
                founders = self.after(s, przez.i + 1, ("Organization", "Person"), stop_at_clause=True)
                subject = self._founded(s, t.i)
                for f in founders:
                    if subject:
                        self.rel("founder", subject, self.key[id(f)], s)
        for m in self.ms:
            if m.type == "Organization" and m.parent is not None and id(m.parent) in self.key:
                # an organ or office of a self-government is linked to it, not a unit of it
                kind = "linked" if m.parent.kind and m.parent.kind.kind == "LocalGovernment" else "suborganization"
                self.rel(kind, self.key[id(m)], self.key[id(m.parent)], m.sentence)
            if m.type == "Organization" and m.kind and m.kind.kind in ("GovernmentDepartment", "GovernmentBody"):
                k = m.end
                if k + 1 < len(self.toks) and self.toks[k].text.lower() in ("w", "we", "przy"):
                    other = self.at.get(k + 1)
                    if other is not None and other.type == "Organization":
                        local = other.kind is not None and other.kind.kind == "LocalGovernment"
                        self.rel("linked" if local else "suborganization", self.key[id(m)], self.key[id(other)],
                                 m.sentence)

    def _founded(self, s: int, cue: int) -> str | None:
        """What was founded: an organisation before the cue in the sentence, or the one a bare noun refers to."""
        before = [m for m in self.outer(self.by_sentence.get(s, [])) if m.end <= cue and m.type == "Organization"]
        if before:
            return self.key[id(before[-1])]
        for t in reversed([u for u in self.sentence_tokens(s) if u.i < cue]):
            lemma = next((i.lemma.lower() for i in nouns(t) if i.lemma.lower() in self.gaz.heads), None)
            if lemma:
                for m in sorted(self.ms, key=lambda m: -m.start):
                    if m.start < t.i and m.type == "Organization" and m.head >= 0 and \
                            lemma in self.toks[m.head].lemmas:
                        return self.key[id(m)]
        return None

    # -- projects ----------------------------------------------------------------------------------------------
    def _project_in(self, s: int, before: int | None = None) -> str | None:
        here = [m for m in self.by_sentence.get(s, []) if m.type == "Project"]
        if here:
            return self.key[id(here[0])]
        if self.has(s, {"projekt"}):
            earlier = [m for m in self.ms if m.type == "Project" and m.sentence < s]
            if earlier:
                return self.key[id(earlier[-1])]
        return None

    def _project_partner_people(self) -> set[str]:
        out = set()
        for s in range(len(self.x.sentences)):
            toks = self.sentence_tokens(s)
            for n, t in enumerate(toks):
                if t.lemmas & {"partnerstwo"} and n and toks[n - 1].text.lower() == "w" and self._project_in(s):
                    out |= {self.key[id(m)] for m in self.after(s, t.i, ("Person",))}
        return out

    def projects(self) -> None:
        for s in range(len(self.x.sentences)):
            proj = self._project_in(s)
            if proj is None:
                continue
            toks = self.sentence_tokens(s)
            for n, t in enumerate(toks):
                low = t.text.lower()
                if t.lemmas & REALIZE_CUES:
                    przez = next((u for u in toks[n + 1:n + 4] if u.text.lower() == "przez"), None)
                    if przez is not None:
                        objs = self.after(s, przez.i + 1, ("Organization",))
                        if objs:
                            self.rel("lead_partner", proj, self.key[id(objs[0])], s)
                if t.lemmas & LEAD_CUES:
                    objs = self.after(s, t.i + 1, ("Organization",))
                    if objs and objs[0].start - t.i <= 5:
                        self.rel("lead_partner", proj, self.key[id(objs[0])], s)
                if t.lemmas & PARTNER_CUES and n and toks[n - 1].text.lower() in ("w", "we") or \
                        (t.lemmas & {"partner"} and low.startswith("partnera")):
                    for m in self.after(s, t.i + 1, ("Organization", "Person"), stop_at_clause=True):
                        if not self.is_unit_host(m):
                            self.rel("partner", proj, self.key[id(m)], s)
                if t.lemmas & FUNDING_CUES:
                    self._funding(proj, self.after(s, t.i + 1, ("Programme",)), s)
                if t.lemmas & {"teren", "obszar"}:
                    nxt = [m for m in self.by_sentence.get(s, []) if m.type == "County" and m.start > t.i]
                    if nxt and nxt[0].start - t.i <= 3:
                        self.rel("about", proj, nxt[0].teryt, s)
        # "Przedstawiciele lidera projektu - Fundacja X": the last named project is meant
        reg = self.gaz.register
        for m in self.ms:
            if m.type == "Project":
                words = m.name.split()
                if len(words) > 1 and words[0].lower() == "powiat":
                    found = reg.counties_by_name(words[1].lower(), self.res.region)
                    if found and found[0].code in self.x.entities:
                        self.rel("about", self.key[id(m)], found[0].code, m.sentence)

    def _funding(self, proj: str, programmes: list[Mention], s: int) -> None:
        """Funders of a project: each programme, and of a chain of numbered parts ("Oś 9, Działanie 9.3,
        Poddziałanie 9.3.2") only the most specific one, the others linked as parts of each other."""
        parts = [m for m in programmes if m.name.split()[0].lower() in NUMBERED_PARTS]
        for m in programmes:
            if m not in parts:
                self.rel("funder", proj, self.key[id(m)], s)
        for inner, outer in zip(parts[1:], parts):
            self.rel("part_of", self.key[id(inner)], self.key[id(outer)], s)
        if parts:
            self.rel("funder", proj, self.key[id(parts[-1])], s)

    def run(self) -> None:
        self.governments()
        self.roles()
        self.meeting()
        self.agreements()
        self.organisations()
        self.projects()


def _short(text: str, limit: int = 120) -> str:
    """A label of at most ``limit`` characters: the first sentence, cut at a word."""
    text = " ".join(text.split())
    for m in re.finditer(r"[.!?] ", text[:limit]):
        word = text[: m.start()].rsplit(" ", 1)[-1].lower()
        if m.group()[0] == "." and (word in ABBREVIATIONS or word.isdigit()):
            continue  # "24 czerwca br. odbyło się…" goes on
        text = text[: m.start() + 1]
        break
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


_LEMMA_CACHE: dict[str, frozenset[str]] = {}


def _lemmas_of(word: str) -> frozenset[str]:
    if word not in _LEMMA_CACHE:
        from loaders.morph import morph

        _LEMMA_CACHE[word] = frozenset(i.lemma.lower() for i in morph().analyse(word) if i.pos != "ign")
    return _LEMMA_CACHE[word]
