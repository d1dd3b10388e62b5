"""Helpers the relation constructions share: mentions after a cue, the end of a clause, the body a role implies.

They work on a resolved :class:`~loaders.doc.Doc` (every mention has an entity key) and keep no state of their
own; what they add to the document (an implied self-government, the territory it governs) goes through
``doc.entities`` and ``doc.relate`` like everything else.
"""
from __future__ import annotations

from graph.model import Entity
from graph.slug import slugify
from graph.teryt import Gmina, Voivodeship
from loaders.doc import Doc, Mention
from loaders.tokens import Token


def after(doc: Doc, sentence: int, pos: int, types: tuple[str, ...], stop_at_clause: bool = False) -> list[Mention]:
    """Outer mentions of ``types`` in ``sentence`` from token ``pos`` on (up to the clause's end if asked)."""
    stop = clause_end(doc, pos, sentence) if stop_at_clause else None
    return [m for m in doc.in_sentence(sentence, types) if m.start >= pos and (stop is None or m.start < stop)]


def clause_end(doc: Doc, pos: int, sentence: int) -> int:
    """The token where a relative clause begins after ``pos`` (", który …"), or the sentence's end."""
    relative = doc.gaz.words("relative_words")
    for t in doc.tokens[pos:]:
        if t.sentence != sentence:
            return t.i
        if t.text == ",":
            n = doc.tok(t.i + 1)
            if n is not None and n.lemmas & relative:
                return t.i
    return len(doc.tokens)


def is_unit_host(doc: Doc, m: Mention) -> bool:
    """Whether ``m`` only says where the organisation before it sits ("Departament … w Ministerstwie …")."""
    if m.start < 2 or doc.tokens[m.start - 1].text.lower() not in ("w", "we", "przy"):
        return False
    return any(o.end == m.start - 1 and o.type == "Organization" for o in doc.mentions)


def has(doc: Doc, s: int, lemmas: frozenset[str] | set[str]) -> Token | None:
    """The first token of sentence ``s`` with one of ``lemmas`` (or written as one)."""
    for t in doc.sentence_tokens(s):
        if t.lemmas & lemmas or t.text.lower() in lemmas:
            return t
    return None


def says(doc: Doc, s: int, phrase_list: str) -> bool:
    """Whether sentence ``s`` has one of the multi-word phrases of list ``phrase_list`` as written ("rok temu",
    "nie mogła")."""
    text = " " + " ".join(t.text.lower() for t in doc.sentence_tokens(s)) + " "
    return any(f" {' '.join(p.words)} " in text for p in doc.gaz.phrases(phrase_list))


def main_of(doc: Doc, type_: str, s: int | None = None) -> str | None:
    """The entity of ``type_`` named in sentence ``s``, else the first of the article."""
    if s is not None:
        here = [m for m in doc.in_sentence(s, (type_,), outer=False)]
        if here:
            return doc.key(here[0])
    keys = [k for k, e in doc.entities.items() if e.type == type_]
    return keys[0] if keys else None


def gmina_government(g: Gmina) -> str:
    """The name a gmina's self-government is keyed by: "Miasto Puszczykowo" where the gmina is a town (TERYT type
    1), else "Gmina Bałtów"; "Gmina Puszczykowo" and "Burmistrz Puszczykowa" then lead to one body."""
    return f"{'Miasto' if g.code.endswith('1') else 'Gmina'} {g.name}"


def voivodeship_government(v: Voivodeship) -> str:
    """ "Województwo Świętokrzyskie", "Województwo Warmińsko-Mazurskie"."""
    return f"Województwo {v.name.title()}"


def body(doc: Doc, name: str, level: str, code: str) -> str:
    """The self-government ``name`` ("Powiat Konecki"), added if the article did not name it, governing ``code``."""
    key = slugify(name)
    if key not in doc.entities:
        doc.entities[key] = Entity(key=key, type="Organization", name=name, kind="LocalGovernment", sector="public")
    governs(doc, key, level, code)
    return key


def governs(doc: Doc, org_key: str, level: str, code: str, by: str = "self-government") -> None:
    """Record that the self-government ``org_key`` governs territory ``code`` (added as reference data)."""
    type_ = {"county": "County", "voivodeship": "Voivodeship", "gmina": "Municipality"}[level]
    if code not in doc.entities:
        reg = doc.gaz.register
        if level == "county":
            unit = reg.county(code)
            label = unit.label if unit is not None else code
        elif level == "voivodeship":
            v = reg.voivodeship(code)
            label = v.label if v is not None else code
        else:
            g = reg.gmina(code)
            label = reg.gmina_label(g) if g is not None else code
        doc.entities[code] = Entity(key=code, type=type_, name=label, teryt=code, reference=True)
    doc.relate("governs", org_key, code, None, by)


def person_at(doc: Doc, j: int) -> Mention | None:
    return next((m for m in doc.covering(j) if m.type == "Person"), None)
