"""Partnerships, agreements and projects: named by a head noun and its complements ("porozumienie o partnerskiej
współpracy na rzecz rozwoju ekonomii społecznej w powiecie jędrzejowskim"), or by a quoted name after a project
word ("projekt pn. „Razem dla rodziny”").
"""
from __future__ import annotations

import re

from loaders.constructions.agreementrefs import determiner, headline_joins_body, signed_unnamed
from loaders.doc import Doc, Mention
from loaders.lexical import head_lemma, is_person_start, is_verb, lower_head, noun_follows
from loaders.matcher import Match
from loaders.morph import morph
from loaders.names import adjectives, agree, head_reading, join, nominative_phrase, nouns
from loaders.registry import construction
from loaders.tokens import DASHES
from loaders.towns import town_at


@construction("project-quoted", "mentions", patterned=False)
def quoted_projects(doc: Doc) -> None:
    """A quoted name after a project word: "projekt pn. „…”", "z cyklu „…”"."""
    toks = doc.tokens
    heads = doc.gaz.words("project_heads")
    intro_words = doc.gaz.words("name_intro")
    places = ("County", "Voivodeship", "Municipality")
    for q, q_end in doc.quotes.items():
        if not all(k not in doc.claimed or all(m.type in places for m in doc.covering(k)) for k in range(q, q_end + 1)):
            continue  # a place inside a title is still the title's: "„Razem w usługach – powiat nyski”"
        intro = None
        named = any(doc.tok(q - b) is not None and doc.tokens[q - b].text.lower() in intro_words for b in range(1, 4))
        for back in range(1, 30 if named else 14):
            p = doc.tok(q - back)
            if p is None or p.sentence != toks[q].sentence:
                break
            if (p.lemmas & heads or p.text.lower() in heads) and not (p.is_cap and back > 1 and p.i > 0
                                                                       and doc.tokens[p.i - 1].sentence == p.sentence):
                intro = p  # a capitalised "Inicjatyw" mid-sentence is a word of a body's name, not a project word
                break
            if back > 4 and not named:
                break
        if intro is None:
            continue
        inner = doc.quoted_text(q)
        before = doc.tok(q - 1)
        if len(inner) < 3 or before is not None and (head_lemma(doc.gaz, before) or lower_head(doc.gaz, before) or
                                                     before.text in doc.gaz.acronyms):
            continue  # "Fundacja „Fundusz Współpracy”": an organisation's name
        doc.add(Mention("Project", q, q_end + 1, inner, toks[q].sentence, head=intro.i, quoted=inner), "project-quoted")


@construction("project-named", "mentions", patterned=False)
def named_projects(doc: Doc) -> None:
    """A capitalised name right after "projekt" names the project, though it reads as an organisation: "w ramach
    projektu Wielkopolskie Centrum Ekonomii Solidarnej"."""
    for m in list(doc.mentions):
        if m.type != "Organization" or m.quoted:
            continue
        p = doc.tok(m.start - 1)
        if p is not None and "projekt" in p.lemmas:
            m.type = "Project"
            m.kind = None
            m.generic = False
            m.by = "project-named"
            m.name = " ".join(re.sub(r"\s*\([^)]*\)", "", doc.span_text(m.start, m.end)).split())
            doc.changed()


def _collab_type(doc: Doc, lemma: str) -> str | None:
    if lemma in doc.gaz.words("partnership_heads"):
        return "Partnership"
    if lemma in doc.gaz.words("agreement_heads"):
        return "Agreement"
    return None


@construction("collaboration-name", "mentions", patterned=False)
def collaborations(doc: Doc) -> None:
    """A partnership's or agreement's head noun with the complements that name it: "partnerstwo lokalne na rzecz
    rozwoju ekonomii społecznej", "porozumienie o współpracy", "list intencyjny w sprawie …"."""
    toks = doc.tokens
    determiners = doc.gaz.words("determiners")
    stop_words = doc.gaz.words("stop_words")
    bare: list[Mention] = []
    for k, t in enumerate(toks):
        if k in doc.claimed or not t.is_word:
            continue
        lemma = next((i.lemma.lower() for i in nouns(t) if _collab_type(doc, i.lemma.lower())), None)
        if lemma is None:
            continue
        if _plural(doc, k, lemma):
            continue  # "3 nowe partnerstwa lokalne w subregionie": several, none named
        prev = doc.tok(k - 1)
        if prev is not None and determiner(prev, determiners):
            continue  # "takie porozumienie", "to partnerstwo": a reference, not a name
        nxt = doc.tok(k + 1)
        if lemma == "list" and not (nxt is not None and nxt.text.lower().startswith("intencyjn")):
            continue
        start = k
        readings = [(c, n, g) for i in nouns(t, lemma) for c in i.cases for n in i.numbers for g in i.genders]
        while start > 0 and toks[start - 1].is_word and toks[start - 1].sentence == t.sentence \
                and not any(n.lemma[:1].islower() for n in nouns(toks[start - 1])) and start - 1 not in doc.claimed \
                and any(a.pos == "adj" and agree(a, c, n, g) for a in adjectives(toks[start - 1])
                        for c, n, g in readings) \
                and toks[start - 1].text.lower() not in stop_words:
            start -= 1
        end = _complements(doc, k + 1, t.sentence)
        if end < len(toks) and toks[end].text.lower() in ("między", "pomiędzy") and \
                not any(x.text.lower() in ("o", "na", "w", "we", "dla", "ds") for x in toks[k + 1:end]):
            end = _parties_end(doc, end + 1) or end  # "porozumienie między Powiatem X a Stowarzyszeniem Y"
        span = toks[start:end]
        has_complement = end > k + 1 and any(x.text.lower() in ("na", "o", "dla", "ds", "między", "pomiędzy")
                                             or x.text.lower() in ("w", "we") and not _place_after(doc, x.i)
                                             for x in toks[k + 1:end])
        has_quote = any(x.i in doc.quotes for x in toks[k + 1:end + 1])
        kind_named = _collab_type(doc, lemma) == "Agreement" and end > k + 1 \
            and bool(toks[k + 1].lemmas & doc.gaz.words("agreement_kind_adjectives"))
        if not has_complement and not has_quote and not kind_named:
            continue  # "umowa partnerska", "list intencyjny" name their kind; a bare "porozumienie" names none
        q = next((x.i for x in span if x.i in doc.quotes and x.i > k), None)
        if q is not None:  # a title in quotes stays as written
            name = f"{nominative_phrase(toks[start:q], k - start, lemma, doc.text)} „{doc.quoted_text(q)}”"
        else:
            name = nominative_phrase(span, k - start, lemma, doc.text)
        opens = start == doc.sentence_span(t.sentence)[0] or not toks[start - 1].is_word
        if opens and not toks[start].is_upper:  # the capital of a sentence's first word; mid-sentence it is the name's
            name = name[:1].lower() + name[1:]
        type_ = _collab_type(doc, lemma)
        assert type_ is not None
        m = Mention(type_, start, end, name, t.sentence, head=k)
        for x in span:
            if "powiat" in x.lemmas:
                after = doc.tok(x.i + 1)
                if after is not None:
                    for a in adjectives(after):
                        found = doc.gaz.register.counties_by_name(a.lemma)
                        if found:
                            m.county = ",".join(c.code for c in found)
        m.gmina = _gmina_in(doc, start, end)
        if m.county is None:
            _county_of_sentence(doc, m)
        if type_ == "Partnership":
            m.key_name = _identity(doc, k, end, lemma, m)
            m.aliases |= _area_name(doc, m, k, end, lemma)
        doc.add(m, "collaboration-name", claim=False)  # spans may cover territories; do not block them
        if kind_named and not has_complement and not has_quote:
            bare.append(m)
    named = [m for m in doc.of_type("Agreement") if m not in bare]
    for m in bare:  # "porozumienie partnerskie" after "porozumienie partnerskie o współpracy …" is that one
        fuller = [n for n in named if n.name.lower().startswith(m.name.lower() + " ")]
        if fuller:
            m.name = fuller[0].name
    if next(doc.of_type("Agreement", "Partnership"), None) is None:
        signed_unnamed(doc)
    headline_joins_body(doc)


def _place_after(doc: Doc, j: int) -> bool:
    """ "w Nowym Targu", "w powiecie jędrzejowskim": a place after "w", which alone names no agreement."""
    nxt = doc.tok(j + 1)
    return nxt is not None and (nxt.is_cap or bool(nxt.lemmas & {"powiat", "gmina", "województwo", "miasto"}))


def _area_name(doc: Doc, m: Mention, k: int, end: int, lemma: str) -> set[str]:
    """The partnership named with the county the sentence places it in, as another name of it: "Zawarte w powiecie
    starachowickim … partnerstwo na rzecz …" is also "partnerstwo na rzecz … w powiecie starachowickim"."""
    if not m.county or "," in m.county or "powiat" in m.name.lower():
        return set()  # "… Powiatu Zamojskiego" names its county already
    county = doc.gaz.register.county(m.county)
    form = morph().inflect(county.name, "adj", "loc", "sg", "m3") if county else None
    if form is None:
        return set()
    aim = _identity(doc, k, end, lemma, m).rsplit(" powiat ", 1)[0]
    return {f"{aim} w powiecie {form}"}


def _identity(doc: Doc, k: int, end: int, lemma: str, m: Mention) -> str:
    """What identifies a partnership across reports: its head and aim without adjectives or place, and the area
    it serves ("partnerstwo lokalne na rzecz rozwoju ekonomii społecznej w powiecie starachowickim" and
    "międzysektorowe partnerstwo na rzecz rozwoju ekonomii społecznej" in that county are one)."""
    toks = doc.tokens
    j = k + 1
    while j < end and adjectives(toks[j]) and not nouns(toks[j]):
        j += 1
    cut = next((n for n in range(j, end) if toks[n].text.lower() in ("w", "we") and
                (doc.covering(n + 1) or town_at(doc, n + 1) or "gmina" in doc.tokens[n + 1].lemmas)), end)
    words = [toks[k]] + toks[j:cut]
    aim = nominative_phrase(words, 0, lemma, doc.text)
    reg = doc.gaz.register
    county = reg.county((m.county or "").split(",")[0]) if m.county else None
    gmina = reg.gmina(m.gmina) if m.gmina else None
    place = f"powiat {county.name}" if county else f"gmina {gmina.name}" if gmina else ""
    return f"{aim} {place}".strip()


def _gmina_in(doc: Doc, a: int, b: int) -> str | None:
    """The gmina a name places itself in: "… w Gminie Puszczykowo", "… w gminie Bałtów", "… w Czerwińsku"."""
    for k in range(a, b - 1):
        t = doc.tokens[k]
        at = k + 1 if t.text.lower() in ("w", "we") else None
        if at is not None and "gmina" in doc.tokens[at].lemmas:
            at += 1
        if at is None or at >= b:
            continue
        hit = town_at(doc, at)
        if hit is not None:
            return hit[1][0].code
    return None


def _county_of_sentence(doc: Doc, m: Mention) -> None:
    """ "Zawarte w powiecie X … partnerstwo na rzecz …": the one county named in the sentence is the one the
    partnership or agreement serves (its name stays as written)."""
    here = [c for c in doc.mentions if c.type == "County" and c.sentence == m.sentence and c.teryt]
    if len(here) == 1:
        m.county = here[0].teryt


def _parties_end(doc: Doc, j: int) -> int | None:
    """One past the organisations listed from ``j`` ("Powiatem X, Gminą Y a Stowarzyszeniem Z"), or None."""
    end = None
    while (m := doc.outer_at(j)) is not None and m.type == "Organization" and m.start == j:
        end = j = m.end
        sep = doc.tok(j)
        if sep is None or sep.text.lower() not in (",", "i", "oraz", "a"):
            break
        j += 1
    return end


def _complements(doc: Doc, j: int, sent: int) -> int:
    """One past the end of the complements after a lower-case head: "o …", "na rzecz …", "w powiecie …"."""
    toks = doc.tokens
    stop_words = doc.gaz.words("stop_words")
    preps = doc.gaz.words("complement_prepositions")
    end = j
    # agreeing adjectives right after the head ("partnerstwa lokalnego")
    while j < len(toks) and toks[j].sentence == sent and toks[j].is_word and adjectives(toks[j]) \
            and not nouns(toks[j]) and not toks[j].is_cap and any(a.pos == "adj" for a in adjectives(toks[j])):
        j += 1
        end = j
    steps = 0
    while j < len(toks) and toks[j].sentence == sent and steps < 16:
        t = toks[j]
        low = t.text.lower()
        if low in ("w", "we") and doc.tok(j + 1) is not None and toks[j + 1].text.lower() in ("imieniu", "celu"):
            break  # "Umowę w imieniu OWES podpisała"; "sieci współpracy w celu wzmacniania …" says its purpose
        if low in preps or low == ".":
            if low == "." and toks[j - 1].text.lower() != "ds":
                break
            if low in ("z", "ze", "między", "pomiędzy") and doc.outer_at(j + 1) is not None \
                    and doc.outer_at(j + 1).type == "Organization":
                break  # "umowa o dofinansowanie z Ministerstwem …", "… pomiędzy Gminą X a Fundacją Y": the parties
                # are no part of its name
            j += 1
            steps += 1
            continue
        if j in doc.quotes:  # "umowa partnerska na realizację projektu „Razem w usługach”"
            end = doc.quotes[j] + 1
            break
        if not t.is_word or low in stop_words or low == "i" and not noun_follows(toks, j):
            break
        if determiner(t, doc.gaz.words("determiners")):
            break  # "umowę na taką skalę", "… w naszej spółdzielni"
        participles = [i for i in t.interps if i.pos in ("ppas", "pact")]
        if participles and not nouns(t) and not any(i.pos == "adj" for i in t.interps):
            break  # "Umowa partnerska na rzecz usług społecznych podpisana"
        body = next((m for m in doc.covering(j) if m.type == "Organization" and m.start == j), None)
        if body is not None and toks[j - 1].lemmas & doc.gaz.words("founding_nouns"):
            j = end = body.end  # "porozumienie w sprawie utworzenia Centrum Integracji Społecznej": its object
            steps += 1
            continue
        if "być" in t.lemmas or any(m.type == "Person" or m.type == "Organization" and not
                                    (m.kind and m.kind.kind == "LocalGovernment") for m in doc.covering(j)):
            break  # "Sygnatariuszem porozumienia … była Fundacja Barka": the name ends before the verb
        if any(i.pos in ("fin", "praet", "bedzie", "impt", "inf", "pcon", "ppas", "pact", "winien", "imps")
               for i in t.interps) and not nouns(t) and not adjectives(t):
            break
        if any(i.pos in ("fin", "praet") for i in t.interps) and toks[j - 1].text.lower() not in preps \
                and not (nouns(t) and nouns(toks[j - 1]) and not adjectives(toks[j - 1])):
            break  # "… partnerstwo na rzecz rozwoju ekonomii społecznej działa od roku" (not "terenów zieleni")
        j += 1
        steps += 1
        end = j
    while end > 0 and toks[end - 1].text.lower() in preps | {"i"}:
        end -= 1
    return end


@construction("project-title", "mentions", slots=("cue",))
def project_title(doc: Doc, match: Match) -> None:
    """A project's title written out after the word, capitalised at its first word only or throughout: "w ramach
    projektów Spójna integracja regionalna ekonomii społecznej (SIRES) oraz Koordynacja i monitorowanie …",
    "w ramach projektu pozakonkursowego Świętokrzyska Ekonomia Społeczna"; an acronym in brackets is its alias."""
    toks = doc.tokens
    _, b = doc.sentence_span(match.sentence)
    k = match.end
    while k < b:
        t = toks[k]
        if not t.is_cap or t.is_upper or not doc.is_free(k, k + 1) or is_person_start(doc, k):
            return
        j = k + 1
        while j < b and j - k < 14 and (toks[j].is_word or toks[j].text in DASHES and j + 1 < b and
                                        toks[j + 1].is_cap) and (doc.is_free(j, j + 1) or _government(doc, j)) and \
                toks[j].text.lower() not in ("oraz", "który", "która", "które") and not is_verb(toks[j]):
            j += 1
        if j - k < 2:
            return
        for inner in [x for x in doc.mentions if k <= x.start and x.end <= j]:
            doc.remove(inner)  # "… Powiatu Koneckiego" is part of the title, no participant
        m = Mention("Project", k, j, _title_name(doc, toks[k:j]), match.sentence, head=match.start)
        if j + 2 < b and toks[j].text == "(" and toks[j + 1].is_upper and toks[j + 2].text == ")":
            m.aliases.add(toks[j + 1].text)
            doc.claimed.update(range(j, j + 3))
            j += 3
        doc.add(m, "project-title")
        if j < b and toks[j].text.lower() in ("oraz", "i") and j + 1 < b:
            k = j + 1  # "projektów A (X) oraz B (Y)"
            continue
        return


def _title_name(doc: Doc, span: list) -> str:
    """A title in the nominative: "z cyklu Warsztatów Rozwoju …" names Warsztaty Rozwoju …; one already in the
    nominative ("projektów Spójna integracja …") stays as written."""
    first = [i for i in nouns(span[0]) if i.pos == "subst"]
    if first and not any("nom" in i.cases for i in first):
        return nominative_phrase(span, 0, first[0].lemma.lower(), doc.text)
    return join(span, [t.text for t in span], doc.text)


def _plural(doc: Doc, k: int, lemma: str) -> bool:
    """Whether the head at ``k`` is plural, read with the adjectives around it ("nowe partnerstwa lokalne")."""
    t = doc.tokens[k]
    if all(i.numbers == frozenset({"pl"}) for i in nouns(t, lemma)):
        return True
    a, b = doc.sentence_span(t.sentence)
    reading = head_reading(t, lemma, doc.tokens[max(a, k - 2):k], doc.tokens[k + 1:min(b, k + 2)])
    prev = doc.tok(k - 1)
    counted = prev is not None and prev.kind == "num" or doc.tok(k - 2) is not None and doc.tokens[k - 2].kind == "num"
    return reading is not None and reading[1] == "pl" and (counted or reading[0] != "gen")


def _government(doc: Doc, j: int) -> bool:
    return any(m.type == "Organization" and m.kind is not None and m.kind.kind == "LocalGovernment"
               for m in doc.covering(j))
