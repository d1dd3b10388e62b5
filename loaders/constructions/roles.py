"""Roles: who holds which post where.

A role is a role word of ``data/gazetteers/roles.tsv`` with what follows it (see :mod:`loaders.rolesegments`),
written after the name ("Anna Górak, doradca ds. ekonomii społecznej w ROPS", "Jan Nowak – Prezes Fundacji
X", several in a row) or before it ("wicemarszałek Renata Janik", "Dyrektor Departamentu … – Pani Andżelika
Wardęga", "Członkowie Zarządu Powiatu X: A i B"). Without a role word, "Jan Nowak z Fundacji X" says where he is
from and "Izba, reprezentowana przez Jana Nowaka" whom it sent.
"""
from __future__ import annotations

from graph.model import reads_as_acronym
from loaders.doc import Doc, Mention
from loaders.matcher import Match
from loaders.morph import morph
from loaders.names import nouns
from loaders.registry import construction
from loaders.rolesegments import Segment, owner, person_after, person_before, read_segment, segments_after


def attach(doc: Doc, person: Mention, seg: Segment, by: str) -> bool:
    label = doc.gaz.role_label(seg.phrase.value)
    return doc.relate("role", doc.key(person), seg.org, seg.sentence, by, role=label, title=seg.title)


def _plural(doc: Doc, seg: Segment) -> bool:
    """Whether the role word is plural ("konsultantki", "członkowie"): it may then stand for several names."""
    readings = [i for i in nouns(doc.tokens[seg.role_start]) if i.pos == "subst"]
    return any("pl" in i.numbers and "nom" in i.cases for i in readings) and \
        not any("sg" in i.numbers and "nom" in i.cases for i in readings)


def coordinated_before(doc: Doc, person: Mention) -> list[Mention]:
    """People listed right before ``person``: "Pani Marta Lewandowska i Pani Ania Bugalska"."""
    out: list[Mention] = []
    k = person.start - 1
    honorifics = doc.gaz.words("honorifics")
    while True:
        while doc.tok(k) is not None and (doc.tokens[k].text.lower() in honorifics or doc.tokens[k].text == "."):
            k -= 1
        t = doc.tok(k)
        if t is None or t.sentence != person.sentence or t.text.lower() not in (",", "i", "oraz"):
            return out
        k -= 1
        prev = next((m for m in doc.covering(k) if m.type == "Person" and m.end == k + 1), None)
        if prev is None:
            return out
        out.append(prev)
        k = prev.start - 1


def coordinated_after(doc: Doc, person: Mention) -> list[Mention]:
    """People listed right after ``person``: "… Anna Mróz i Piotr Wilk"."""
    out: list[Mention] = []
    k = person.end
    while True:
        t = doc.tok(k)
        if t is None or t.sentence != person.sentence or t.text.lower() not in (",", "i", "oraz"):
            return out
        nxt, _ = person_after(doc, k + 1)
        if nxt is None:
            return out
        out.append(nxt)
        k = nxt.end


@construction("role-after-name", "relations", slots=("person", "role", "prefix?"))
def role_after_name(doc: Doc, match: Match) -> None:
    """ "Jan Nowak, prezes Fundacji X", "Jan Nowak – Dyrektor …, Przewodniczący …", "Starosta Konecki" after a name;
    a plural role ("konsultantki regionalne") goes to every name listed before it."""
    span = match.span("person")
    person = doc.outer_at(span[0]) if span else None
    if person is None or person.type != "Person":
        return
    first = match.span("prefix") or match.span("role")
    assert first is not None
    chain = segments_after(doc, first[0])
    if chain and _plural(doc, chain[0]) and not coordinated_before(doc, person):
        return  # "burmistrz Ewa Kulikowska, przedstawiciele Stowarzyszenia X": the plural is other people
    for seg in chain:
        if owner(doc, seg, chain_start=chain[0].start) is not person:
            break  # "…, Wiceprzewodnicząca Fundacji Barka Barbara Sadowska": the rest is the next person's
        attach(doc, person, seg, "role-after-name")
        if _plural(doc, seg):
            for other in coordinated_before(doc, person):
                attach(doc, other, seg, "role-after-name")


@construction("role-before-name", "relations", slots=("role", "prefix?"))
def role_before_name(doc: Doc, match: Match) -> None:
    """ "wicemarszałek Renata Janik", "Prezes Fundacji X – Pan Jan Nowak", "Członkowie Zarządu X: A i B", and a
    chain: "Przedstawiciel Spółdzielni X, a zarazem Zastępca Prezesa Y Pan Marcin Juszczyk"."""
    chain = segments_after(doc, match.start)
    if not chain:
        return
    last = chain[-1]
    person, mark = person_after(doc, last.end)
    colon = doc.tok(last.end) is not None and doc.tokens[last.end].text == ":"
    if person is None and colon:
        person, mark = person_after(doc, last.end + 1)
    if person is None or owner(doc, last, chain_start=chain[0].start) is not person and not colon:
        return
    if person_before(doc, chain[0].start)[0] is not None:
        chain = [last]  # "A – Kierownik X, Wiceprzewodnicząca Y B": only the role next to B is B's
    people = [person]
    if colon or _plural(doc, last):
        people += coordinated_after(doc, person)
    for p in people:
        for seg in chain:
            attach(doc, p, seg, "role-before-name")


@construction("deputy-of", "relations", slots=("role", "person"))
def deputy_of(doc: Doc, match: Match) -> None:
    """ "dyrektor ROPS Elżbieta Korus oraz jej zastępca Arkadiusz Ślipikowski": the deputy of the post just
    named, in the same body."""
    p_span = match.span("person")
    person = doc.outer_at(p_span[0]) if p_span else None
    if person is None:
        return
    before = [r for r in doc.relations("role") if r.sentence == match.sentence and r.s != doc.key(person)
              and r.role and any(m.end <= match.start and doc.key(m) == r.s for m in doc.of_type("Person"))]
    if not before:
        return
    post = before[-1]
    head = post.role.split()[0]
    deputy = next((r for r in doc.gaz.roles if len(r.words) == 2 and r.words[0] == "zastępca"
                   and any(i.lemma == head for i in morph().analyse(r.words[1]))), None)
    if deputy is None:
        return  # a deputy of a post the role list has no deputy for
    doc.relate("role", doc.key(person), post.o, match.sentence, "deputy-of", role=deputy.label,
               title=doc.span_text(*match.span("role")))  # type: ignore[misc]


@construction("possessive-role", "relations", slots=("pronoun", "role", "person"))
def possessive_role(doc: Doc, match: Match) -> None:
    """ "w imieniu Stowarzyszenia X – jego prezes A i wiceprezes B", "Fundacja Y; jej prezeska A": the post is in
    the body named just before whose noun agrees with the pronoun (jej: feminine; jego: masculine or neuter)."""
    pronoun, r_span, p_span = match.span("pronoun"), match.span("role"), match.span("person")
    person = doc.outer_at(p_span[0]) if p_span else None
    if person is None or pronoun is None or r_span is None:
        return
    feminine = doc.tokens[pronoun[0]].text.lower() == "jej"
    org = _antecedent(doc, pronoun[0], feminine)
    seg = read_segment(doc, r_span[0])
    if org is None or seg is None:
        return
    doc.relate("role", doc.key(person), org, match.sentence, "possessive-role",
               role=doc.gaz.role_label(seg.phrase.value), title=seg.title)
    k = person.end  # "… i wiceprezes Tomasz Hanus": the next post in the same body
    while doc.tok(k) is not None and doc.tokens[k].text.lower() in (",", "i", "oraz"):
        nxt = read_segment(doc, k + 1)
        if nxt is None:
            break
        other, _ = person_after(doc, nxt.role_end)
        if other is None:
            break
        doc.relate("role", doc.key(other), org, match.sentence, "possessive-role",
                   role=doc.gaz.role_label(nxt.phrase.value), title=nxt.title)
        k = other.end


def _antecedent(doc: Doc, at: int, feminine: bool) -> str | None:
    """The last organisation before token ``at`` (in its sentence or the one before) whose noun's gender fits."""
    s = doc.tokens[at].sentence
    for m in sorted((m for m in doc.of_type("Organization") if m.end <= at and s - 1 <= m.sentence <= s),
                    key=lambda m: -m.end):
        if doc.key(m) is None or m.head < 0:
            continue
        genders = {g for i in nouns(doc.tokens[m.head]) for g in i.genders}
        if (feminine and "f" in genders) or (not feminine and genders & {"m1", "m2", "m3", "n"}):
            return doc.key(m)
    return None


@construction("affiliation-from", "relations", slots=("person", "org", "unit?", "bracket?"))
def affiliation_from(doc: Doc, match: Match) -> None:
    """ "Jan Nowak z Fundacji X", "Pan Tomasz Zamorski z zarządu Stowarzyszenia X", "prof. Jan Nowak z
    Uniwersytetu Y i Z": a person from an organisation, in the genitive (with the instrumental, "z Fundacją", it
    is a meeting with it)."""
    p_span, o_span = match.span("person"), match.span("org")
    person = doc.outer_at(p_span[0]) if p_span else None
    org = doc.outer_at(o_span[0]) if o_span else None
    if person is None or org is None or not (match.span("bracket") or _genitive(doc, org)):
        return  # "z Fundacją X" is a meeting with it; "Jan Nowak (Fundacja X)" names his body as it is
    unit = match.span("unit")
    role = doc.gaz.role_label("czlonek-zarzadu") if unit else None
    title = "członek zarządu" if unit else None
    before = None if unit else _bare_role_before(doc, person)
    if before is not None:  # "dyrektor Anna Kot z MOPS w Sanoku": the role word before, the body after
        role, title = doc.gaz.role_label(before.label), before.title
    orgs = [org]
    k = org.end
    while doc.tok(k) is not None and doc.tokens[k].text.lower() in ("i", "oraz"):
        nxt = doc.outer_at(k + 1)
        if nxt is None or nxt.type != "Organization" or not _genitive(doc, nxt):
            break
        orgs.append(nxt)
        k = nxt.end
    for o in orgs:
        doc.relate("role", doc.key(person), doc.key(o), match.sentence, "affiliation-from", role=role, title=title)
    if unit:  # "Pan A i Pan B z zarządu X": both
        for other in coordinated_before(doc, person):
            doc.relate("role", doc.key(other), doc.key(org), match.sentence, "affiliation-from", role=role,
                       title=title)


def _bare_role_before(doc: Doc, person: Mention) -> Segment | None:
    """A role word with no body of its own right before the person, past honorifics: "Pani Dyrektor Anna Kot"."""
    honorifics = doc.gaz.words("honorifics")
    k = person.start
    while doc.tok(k - 1) is not None and doc.tokens[k - 1].text.lower() in honorifics:
        k -= 1
    for back in (1, 2, 3):
        seg = read_segment(doc, k - back)
        if seg is not None and seg.role_end == k and seg.end <= k and seg.org is None \
                and seg.sentence == person.sentence:
            return seg
    return None


def _genitive(doc: Doc, m: Mention) -> bool:
    if m.head < 0:
        return True  # an acronym does not decline
    head = doc.tokens[m.head]
    if reads_as_acronym(head.text):
        return True  # "z MOPS w Sanoku": nor does an acronym head ("mops" is a dog in the dictionary)
    return any("gen" in i.cases for i in nouns(head)) or not nouns(head)


@construction("represented-by", "relations", slots=("org", "person"))
def represented_by(doc: Doc, match: Match) -> None:
    """ "Izba Rzemieślnicza, reprezentowana przez Jana Nowaka – prezesa": whom the organisation sent, with the
    role that follows the name if there is one."""
    o_span, p_span = match.span("org"), match.span("person")
    org = doc.outer_at(o_span[0]) if o_span else None
    person = doc.outer_at(p_span[0]) if p_span else None
    if org is None or person is None:
        return
    while person is not None:  # "X reprezentowali Anna Kot (prezes) i Jan Nowak (skarbnik)"
        k = person.end
        if doc.tok(k) is not None and doc.tokens[k].text in (",", "–", "-", "—", "("):
            k += 1
        seg = read_segment(doc, k)
        if seg is None:  # "W imieniu Gminy X podpisał Burmistrz Jan Nowak": the role just before the name
            seg = next((g for back in (1, 2, 3) if (g := read_segment(doc, person.start - back)) is not None
                        and g.role_end == person.start), None)
        role = doc.gaz.role_label(seg.phrase.value) if seg else doc.gaz.role_label("przedstawiciel")
        title = seg.title if seg else None
        doc.relate("role", doc.key(person), doc.key(org), match.sentence, "represented-by", role=role, title=title)
        person = _next_listed(doc, max(person.end, seg.end if seg and seg.start >= person.end else person.end))


def _next_listed(doc: Doc, k: int) -> Mention | None:
    """The next person of a list, right after ``k`` and its closing bracket: "… (prezes) i Jan Nowak"."""
    if doc.tok(k) is not None and doc.tokens[k].text == ")":
        k += 1
    t = doc.tok(k)
    if t is None or t.text.lower() not in (",", "i", "oraz"):
        return None
    nxt = doc.starting_at(k + 1)
    return nxt if nxt is not None and nxt.type == "Person" else None
