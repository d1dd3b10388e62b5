"""Roles told by a predicate rather than by apposition.

"Prezesem Spółdzielni Socjalnej „Razem” jest Anna Kot", "Przewodniczącą Zespołu została Renata Żukowska",
"Funkcję prezesa Stowarzyszenia X pełni Jan Nowak": the role segment (role word and body) comes first, then the
verb, then the person. "Spółdzielnią Socjalną „Razem” kieruje Anna Kot", "PCPR w Kole, którym kieruje Magdalena
Wasielewska", "Jan Nowak, który od lat kieruje Stowarzyszeniem X": the person leads the body.
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.matcher import Match
from loaders.registry import construction
from loaders.rolesegments import person_after, read_segment, role_at


@construction("role-predicate", "relations", slots=("role",))
def role_predicate(doc: Doc, match: Match) -> None:
    """The role segment at the match, the verb right after it ("jest", "została", "pełni") and the person."""
    seg = read_segment(doc, match.span("role")[0])  # type: ignore[index]
    if seg is None or seg.org is None:
        return
    verb = doc.tok(seg.end)
    if verb is None or verb.sentence != seg.sentence or not verb.lemmas & doc.gaz.words("role_verbs"):
        return
    k = seg.end + 1
    while doc.tok(k) is not None and doc.tokens[k].lemmas & doc.gaz.words("role_verb_adverbs"):
        k += 1  # "jest obecnie", "pełni od 2019 r." is left alone
    person, _ = person_after(doc, k)
    if person is not None:
        doc.relate("role", doc.key(person), seg.org, seg.sentence, "role-predicate",
                   role=doc.gaz.role_label(seg.label), title=seg.title)


@construction("leads-body", "relations", slots=("person", "org"))
def leads_body(doc: Doc, match: Match) -> None:
    """ "X kieruje Y" and "Y, którym kieruje X": the person heads the body."""
    p, o = match.span("person"), match.span("org")
    person = doc.outer_at(p[0]) if p else None
    org = doc.outer_at(o[0]) if o else None
    if isinstance(person, Mention) and isinstance(org, Mention) and person.type == "Person" \
            and org.type == "Organization":
        doc.relate("role", doc.key(person), doc.key(org), match.sentence, "leads-body",
                   role=doc.gaz.role_label("kierownik"))


@construction("role-of-relative", "relations", slots=("org", "role", "person"))
def role_of_relative(doc: Doc, match: Match) -> None:
    """ "Spółdzielnia X, której prezesem jest Anna Kot": the body before the relative pronoun, the role and the
    person after it."""
    o, r, p = match.span("org"), match.span("role"), match.span("person")
    org = doc.outer_at(o[0]) if o else None
    person = doc.outer_at(p[0]) if p else None
    found = role_at(doc, r[0]) if r else None
    if org is not None and person is not None and found is not None and org.type == "Organization" \
            and person.type == "Person":
        label = doc.gaz.role_label(found[0].value)
        doc.relate("role", doc.key(person), doc.key(org), match.sentence, "role-of-relative", role=label,
                   title=label)
