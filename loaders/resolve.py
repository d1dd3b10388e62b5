"""One node per real entity: mentions become entities with stable keys.

Within an article, an acronym ("KOOWES") joins the name it abbreviates, a quoted short form ("Krzemienny
Krąg") joins the organisation it names, and a bare kind name that exists once per voivodeship ("Regionalny
Ośrodek Polityki Społecznej") joins that voivodeship's body. Keys are built so that the same entity gets the
same key in every article: people by their nominative name, region-wide bodies by kind and voivodeship,
organisations with a quoted name by kind and that name, others by their full nominative name.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graph.model import Entity, reads_as_acronym
from graph.slug import slugify
from loaders.doc import Doc, Mention
from loaders.gazetteer import OrgKind, bare_acronym, gazetteer
from loaders.identity import fold, hosted_bodies, initials, is_acronym, merge, name_rank, names_more, short_forms
from loaders.morph import morph
from loaders.names import placed_name
from loaders.relate import gmina_government, voivodeship_government
from loaders.towns import town_at


@dataclass
class KnownEntities:
    """Entities already in the corpus or the store, for joining acronyms and short forms across articles."""

    acronyms: dict[str, str] = field(default_factory=dict)  # "KOOWES" -> organisation key
    names: dict[str, str] = field(default_factory=dict)  # folded name -> organisation key
    generic_acronyms: frozenset[str] = field(default_factory=lambda: gazetteer().words("generic_acronyms"))

    def add(self, e: Entity) -> None:
        if e.type != "Organization":
            return
        for a in e.aliases | {e.name}:
            if reads_as_acronym(a) and a not in self.generic_acronyms:
                self.acronyms.setdefault(a, e.key)
            self.names.setdefault(fold(a), e.key)


class Resolver:
    """Turns the mentions of one document into entities, and records which entity each mention is."""

    def __init__(self, doc: Doc, known: KnownEntities | None = None):
        self.doc, self.gaz = doc, doc.gaz
        self.known = known or KnownEntities()
        self.entities: dict[str, Entity] = {}
        self.keys: dict[str, str] = {}
        self._counties: Counter = Counter()  # county mentions of the article, once counted
        self._at = 0  # the token of the acronym being resolved

    # -- places ------------------------------------------------------------------------------------------------
    def region(self) -> str | None:
        votes: Counter = Counter()
        if self.doc.article.region:
            votes[self.doc.article.region] += 100
        for m in self.doc.mentions:
            if m.type == "Voivodeship" and m.teryt:
                votes[m.teryt] += 2
            elif m.type == "County" and m.teryt and "," not in m.teryt:
                votes[m.teryt[:2]] += 2
            elif m.region:
                votes[m.region] += 1
        if not votes:  # "W Szczecinie odbyła się gala": the towns after "w", each of one voivodeship only
            for t in self.doc.tokens[:-1]:
                if t.text.lower() in ("w", "we") and self.doc.tokens[t.i + 1].is_cap:
                    hit = town_at(self.doc, t.i + 1)
                    if hit is not None and len({g.voivodeship for g in hit[1]}) == 1:
                        votes[hit[1][0].voivodeship] += 1
        return votes.most_common(1)[0][0] if votes else None

    @staticmethod
    def pick_county(codes: str, region: str | None) -> str:
        options = codes.split(",")
        if len(options) > 1 and region:
            inside = [c for c in options if c.startswith(region)]
            if inside:
                return inside[0]
        return options[0]

    # -- entities ----------------------------------------------------------------------------------------------
    def entity(self, key: str, type_: str, name: str, m: Mention | None = None, **kw: object) -> Entity:
        e = self.entities.get(key)
        if e is None:
            e = Entity(key=key, type=type_, name=name, **kw)  # type: ignore[arg-type]
            self.entities[key] = e
        elif name and name != e.name:
            # keep the fullest name as canonical, the others as aliases
            if name_rank(name) > name_rank(e.name):
                e.aliases.add(e.name)
                e.name = name
            else:
                e.aliases.add(name)
        if m is not None:
            toks = self.doc.tokens
            e.sentences.add(m.sentence)
            e.mentions.append((toks[m.start].start, toks[m.end - 1].end))
            e.aliases |= {a for a in m.aliases if a}
            self.keys[m.id] = key
        return e

    def org_key(self, m: Mention, region: str | None) -> str | None:
        kind = m.kind
        if kind is not None and kind.scope == "region":
            reg = m.region or region
            if reg:
                v = self.gaz.register.voivodeship(reg)
                return f"{kind.code}-{slugify(v.name)}" if v else slugify(m.name)
        if m.generic and kind is not None and kind.kind == "LocalGovernment" and region \
                and m.name.lower() in self.gaz.words("bare_voivodeship_names"):
            name = self.voivodeship_government(region)  # "członek Zarządu Województwa": the article's region
            return slugify(name) if name else None
        if m.generic:
            return None
        g = self.gaz.register.gmina(m.gmina) if m.gmina else None
        if kind is not None and g is not None and kind.kind == "LocalGovernment":
            # "Gmina Starachowice" and "Miasto Starachowice" are one self-government where the gmina is the town
            return slugify(gmina_government(g))
        if kind is not None and g is not None and m.placed:
            # "Centrum Kultury w Jędrzejowie" and "Jędrzejowskie Centrum Kultury": one kind, one town
            return slugify(self.placed_name(m.key_name or m.name, g.name, m.region))
        if m.quoted:
            return f"{kind.code}-{slugify(m.quoted)}" if kind else slugify(m.quoted)
        return slugify(m.key_name or m.name)

    def collaboration_key(self, m: Mention) -> str:
        """An agreement's or partnership's key: its name (a partnership's aim and area) and, when the name places
        it nowhere, the area the article places it in, so that "porozumienie o współpracy" signed in one county
        and another of that name signed elsewhere stay two agreements. With no area known, the article is the
        place: two such reports are not taken for one agreement."""
        key = slugify(self.spelt_out(m.key_name or m.name))
        if m.generic:  # "porozumienie" alone: only its article tells which
            return f"{key}-{slugify(self.doc.article.id)}"
        words = (m.key_name or m.name).split()
        if any(w in ("w", "we", "powiat", "gmina") and n + 1 < len(words) and words[n + 1][:1].isupper()
               or w in ("powiat", "gmina") for n, w in enumerate(words)):
            return key  # "… w powiecie starachowickim", "… w Gminie Puszczykowo", "… powiat jędrzejowski"
        reg = self.gaz.register
        county = reg.county(m.county.split(",")[0]) if m.county else None
        gmina = reg.gmina(m.gmina) if m.gmina else None
        if county is None and gmina is None:
            if self.doc.main_county:
                county = reg.county(self.doc.main_county)
            else:  # signed "w Opatowie": the town of the sentence that names it
                town = next((t for t in self.doc.in_sentence(m.sentence, ("Municipality",)) if t.teryt), None)
                gmina = reg.gmina(town.teryt.split(",")[0]) if town is not None else None
        if county is not None:
            return f"{key}-{slugify('powiat ' + county.name)}"
        if gmina is not None:
            return f"{key}-{slugify('gmina ' + gmina.name)}"
        return f"{key}-{slugify(self.doc.article.id)}"

    def spelt_out(self, name: str) -> str:
        """A collaboration's name with its abbreviations spelt out, for its key ("… rozwoju ES" -> "… rozwoju
        ekonomii społecznej")."""
        table = self.gaz.mapping("collaboration_abbreviations")
        return " ".join(table[w][0] if w in table else w for w in name.split())

    def voivodeship_government(self, region: str) -> str | None:
        """The name of a voivodeship's self-government: "Województwo Świętokrzyskie"."""
        v = self.gaz.register.voivodeship(region)
        return voivodeship_government(v) if v else None

    def placed_name(self, name: str, town: str, region: str | None) -> str:
        """One spelling of a body's name placed in a town, for its key: "Jędrzejowskie Centrum Kultury" and
        "Centrum Kultury w Jędrzejowie" are both "Centrum Kultury w Jędrzejowie"."""
        words = name.split()
        cut = next((n for n, w in enumerate(words) if w in ("w", "we") and n > 0), None)
        if cut is not None:
            words = words[:cut]
        else:
            words = [w for w in words if not any(
                i.pos == "adj" and self.gaz.register.counties_by_name(i.lemma, region)
                for i in morph().analyse(w.lower()))] or words
        return placed_name(" ".join(words), town)

    def run(self) -> None:
        doc = self.doc
        if doc.found is None:
            doc.found = list(doc.mentions)  # resolution may run again (corpus passes): start from the same mentions
        else:
            doc.mentions, doc.by_id = [], {}
            for m in doc.found:
                doc.add(m, m.by, claim=False)
        region = self.region()
        counties: Counter = Counter()
        reg = self.gaz.register
        for m in doc.mentions:
            if m.type == "County" and m.teryt:
                code = self.pick_county(m.teryt, region)
                m.teryt = code
                counties[code] += 1
                c = reg.county(code)
                self.entity(code, "County", c.label if c else m.name, m, teryt=code, wikidata=c.qid if c else None)
            elif m.type == "Voivodeship" and m.teryt:
                v = reg.voivodeship(m.teryt)
                self.entity(m.teryt, "Voivodeship", v.label if v else m.name, m, teryt=m.teryt)
            elif m.type == "Municipality" and m.teryt:
                code = m.teryt.split(",")[0]
                g = reg.gmina(code)
                self.entity(code, "Municipality", reg.gmina_label(g) if g else m.name, m, teryt=code)
            elif m.type in ("Agreement", "Partnership") and m.county:
                m.county = self.pick_county(m.county, region)
        doc.region = region
        doc.main_county = counties.most_common(1)[0][0] if counties else None

        for m in doc.mentions:
            if m.type == "Person":
                self.entity(slugify(m.name), "Person", m.name, m)
            elif m.type == "Organization":
                key = self.org_key(m, region)
                if key is None:
                    continue
                kind = m.kind
                name = m.name
                if m.generic and m.name.lower() in self.gaz.words("bare_voivodeship_names"):
                    name = self.voivodeship_government(region or "") or m.name
                e = self.entity(key, "Organization", name, m, kind=kind.kind if kind else None,
                                sector=kind.sector if kind else None)
                if m.acronym:
                    e.aliases.add(m.acronym)
                if kind is not None and kind.scope == "region":
                    e.aliases |= self._seat_names(m, m.region or region)
            elif m.type in ("Agreement", "Partnership"):
                self.entity(self.collaboration_key(m), m.type, m.name, m)
            elif m.type in ("Project", "Programme"):
                self.entity(slugify(self.spelt_out(m.name)), m.type, m.name, m)
        self._counties = counties
        self._generic_mentions(counties)
        for m in doc.mentions:  # "Zarząd Powiatu X" is one more name of Powiat X
            if m.joins and m.joins in self.keys and m.id in self.keys and self.keys[m.id] != self.keys[m.joins]:
                merge(self.entities, self.keys, self.keys[m.id], self.keys[m.joins])
        hosted_bodies(self.doc, self.entities, self.keys)
        short_forms(self.entities, self.keys, self.gaz)
        acronyms = self._acronyms(region)
        doc.entities = self.entities
        doc.keys = self.keys
        resolved = [m for m in doc.mentions if m.id in self.keys]
        doc.mentions, doc.by_id = [], {}
        for m in resolved:
            doc.add(m, m.by, claim=False)
        for m in acronyms:
            doc.add(m, "acronym", claim=False)

    def _generic_mentions(self, counties: Counter) -> None:
        """A kind's bare name stands for the one organisation of that kind the article names ("Starostwo" after
        "Starostwo Powiatowe w Starachowicach", "Wojewódzki Zespół" after "Wojewódzki Zespół ds. Ekonomii
        Społecznej")."""
        orgs = [e for e in self.entities.values() if e.type == "Organization"]
        for m in self.doc.mentions:
            if m.type != "Organization" or not m.generic or m.kind is None or m.id in self.keys:
                continue
            same = [e for e in orgs if e.kind == m.kind.kind and
                    (names_more(e.name, m.name) or m.kind.scope in ("county", "gmina"))]
            if len(same) == 1:
                self.entity(same[0].key, "Organization", same[0].name, m)
                continue
            key = self.placed_key(m.kind, counties, m.start, m.tokens_lemmas(self.doc))
            if key:
                self.entity(key, "Organization", m.name, m, kind=m.kind.kind, sector=m.kind.sector)

    def placed_key(self, kind: OrgKind, counties: Counter, at: int, lemmas: set[str]) -> str | None:
        """The key of a kind's body placed by the article: "Wojewódzki Dom Kultury" is the voivodeship's, and a
        county-wide kind ("Powiatowy Urząd Pracy", "PCPR") in an article about one county is that county's, keyed
        by its place so two counties' bodies never merge. Not inside brackets, where reports list kinds of body
        ("jednostek pomocy społecznej (OPS, PCPR, PUP)")."""
        if self._in_brackets(at):
            return None
        region = self.doc.region
        if lemmas & {"wojewódzki", "regionalny"} and region:
            v = self.gaz.register.voivodeship(region)
            return f"{kind.code}-{slugify(v.name)}" if v else None
        if kind.scope != "county" or not counties:
            return None
        code, n = counties.most_common(1)[0]
        c = self.gaz.register.county(code)
        if c is None or (n < 2 and len(counties) > 1):
            return None
        return f"{kind.code}-powiat-{slugify(c.name)}"

    def _in_brackets(self, at: int) -> bool:
        a, _ = self.doc.sentence_span(self.doc.tokens[at].sentence)
        depth = 0
        for t in self.doc.tokens[a:at]:
            depth += (t.text == "(") - (t.text == ")")
        return depth > 0

    def _seat_names(self, m: Mention, region: str | None) -> set[str]:
        """A region-wide body named without its place is also "… w <seat>" ("Regionalny Ośrodek Polityki
        Społecznej w Kielcach"), and a marshal's office "Urząd Marszałkowski Województwa <name>"."""
        if region is None or m.kind is None or any(w in m.name for w in (" w ", " we ", "Województwa")):
            return set()
        seat = self.gaz.seats.get(region)
        v = self.gaz.register.voivodeship(region)
        if m.kind.kind == "MarshalOffice" and v is not None:
            from loaders.morph import morph

            *first, last = (v.name[:-1] if v.name.endswith("ie") else v.name).split("-")
            form = morph().inflect(last, "adj", "gen", "sg", "n")  # "warmińsko-mazurski": the last part declines
            if form is None:
                return set()
            genitive = "-".join(p[:1].upper() + p[1:] for p in [*first, form])
            return {f"Urząd Marszałkowski Województwa {genitive}"}
        return {f"{m.name} w {seat[1]}"} if seat else set()

    def _acronyms(self, region: str | None) -> list[Mention]:
        """Stand-alone acronyms ("przedstawiciele ROPS i KOOWES") resolved to entities, as one-token mentions."""
        taken: set[int] = set()
        for m in self.doc.mentions:
            taken.update(range(m.start, m.end))
        found = []
        for t in self.doc.tokens:
            if not is_acronym(bare_acronym(t.text), self.gaz) or t.i in taken:
                continue
            self._at = t.i
            key = self.resolve_acronym(bare_acronym(t.text), region)
            if key:
                e = self.entities[key]
                e.sentences.add(t.sentence)
                e.mentions.append((t.start, t.end))
                e.aliases.add(t.text)
                m = Mention("Organization", t.i, t.i + 1, t.text, t.sentence, by="acronym", id=f"acr{t.i}")
                self.keys[m.id] = key
                found.append(m)
        return found

    def resolve_acronym(self, acr: str, region: str | None) -> str | None:
        if "-" in acr:
            return None  # "ROPS-OWES": two kinds side by side, no one body
        orgs = [e for e in self.entities.values() if e.type == "Organization"]
        for e in orgs:
            if acr in e.aliases:
                return e.key
        body = self.gaz.national.get(acr)
        if body is not None:  # "w MRPiPS": a national body known by its acronym
            key = slugify(body.name)
            e = self.entity(key, "Organization", body.name, None, kind=body.kind, sector=body.sector)
            e.aliases.add(acr)
            return key
        kind = self.gaz.acronyms.get(acr)
        if kind is not None:
            same = [e for e in orgs if e.kind == kind.kind and (kind.scope != "region" or e.key.startswith(kind.code))]
            if len(same) == 1:
                return same[0].key  # "prezes LGD": the one local action group the article names
        skip = self.gaz.words("initials_skip")
        for e in orgs:
            ini = initials(e.name, skip)
            if len(acr) >= 3 and ini.startswith(acr) and len(acr) >= min(len(ini), 4):
                return e.key
        kind = self.gaz.acronyms.get(acr)
        if kind is not None and kind.scope == "region" and region:
            v = self.gaz.register.voivodeship(region)
            if v is not None:
                key = f"{kind.code}-{slugify(v.name)}"
                if key not in self.entities:
                    self.entity(key, "Organization", acr, None, kind=kind.kind, sector=kind.sector)
                return key
        if acr in self.gaz.acronyms:
            kind = self.gaz.acronyms[acr]
            key = self.placed_key(kind, self._counties, self._at, set()) if kind.scope == "county" else None
            if key:  # "przedstawiciele PCPR" in an article about one county: that county's centre
                self.entity(key, "Organization", acr, None, kind=kind.kind, sector=kind.sector)
            return key  # else "OWES", "PCPR" alone name a kind, not one organisation
        if acr in self.known.acronyms:
            key = self.known.acronyms[acr]
            if key not in self.entities:
                kind_guess = self._kind_by_suffix(acr)
                self.entity(key, "Organization", acr, None, kind=kind_guess.kind if kind_guess else None,
                            sector=kind_guess.sector if kind_guess else None)
            return key
        kind = self._kind_by_suffix(acr)
        if kind is not None:
            key = f"{kind.code}-{slugify(acr)}"
            self.entity(key, "Organization", acr, None, kind=kind.kind, sector=kind.sector)
            return key
        return None

    def _kind_by_suffix(self, acr: str) -> OrgKind | None:
        for a, kind in self.gaz.acronyms.items():
            if len(a) >= 3 and acr.endswith(a) and len(acr) > len(a) and kind.scope not in ("county", "gmina"):
                return kind
        return None

