"""When two names are one entity: folded names, initials, acronyms, the better of two names, and the passes
that merge an article's entities (a short form into the long name, a place of business into the body named
alike, a body hosted "przy" another into the one body of its kind).
"""
from __future__ import annotations

from graph.model import Entity, reads_as_acronym
from graph.slug import slugify
from loaders.doc import Doc
from loaders.gazetteer import Gazetteer


def fold(name: str) -> str:
    return slugify(name)


def initials(name: str, skip: frozenset[str]) -> str:
    out = []
    for word in name.replace("–", "-").split():
        if word.lower().strip(".,") in skip or word.startswith(("„", '"', "“")):
            continue
        for part in word.split("-"):
            if part[:1].isalpha():
                out.append(part[0].upper())
    return "".join(out)


def names_more(long: str, short: str) -> bool:
    """Whether ``long`` is ``short`` with more words of its own, not with a place ("… w Nowem" may be another
    town's body of the same kind)."""
    if not fold(long).startswith(fold(short) + "-"):
        return False
    rest = long[len(short):].split()
    return bool(rest) and rest[0].lower() not in ("w", "we", "z", "ze")


def is_acronym(word: str, gaz: Gazetteer) -> bool:
    """ "ROPS", "ŚOWES", "MRPiPS", "mOWES": two or more capitals, and either all capitals or a known acronym."""
    if len(word) < 2 or not word[:1].isalpha() or sum(ch.isupper() for ch in word) < 2 or not reads_as_acronym(word):
        return False
    return word.isupper() or word in gaz.national or any(word.endswith(a) for a in gaz.acronyms if len(a) >= 3)


def name_rank(n: str) -> tuple[int, int]:
    """How good a canonical name is: spelled out beats acronyms, then the fuller one."""
    upper = sum(1 for w in n.split() if w.isupper() and len(w) > 1)
    return (-upper, len(n))


def short_forms(entities: dict[str, Entity], keys: dict[str, str], gaz: Gazetteer) -> None:
    """A name that begins another organisation's name of the same kind is that organisation."""
    orgs = [e for e in entities.values() if e.type == "Organization"]
    for short in orgs:
        for long in orgs:
            if short is long or short.key not in entities or long.key not in entities:
                continue
            if short.kind == long.kind and len(long.name) > len(short.name) + 3 \
                    and fold(long.name).startswith(fold(short.name) + "-"):
                merge(entities, keys, short.key, long.key)
    same_proper_names(entities, keys, gaz)


def same_proper_names(entities: dict[str, Entity], keys: dict[str, str], gaz: Gazetteer) -> None:
    """ "kawiarnia Santos Cafe" run by "Przedsiębiorstwo Społeczne SANTOS CAFE": a place of business and the
    organisation named alike are one, and so are two mentions of one kind with the same proper name."""
    places = gaz.words("venue_kinds")
    kinds = gaz.words("kind_acronyms")

    def proper(e: Entity) -> set[str]:
        return {fold(x) for x in e.aliases if len(x) >= 4 and x not in kinds}

    orgs = [e for e in entities.values() if e.type == "Organization"]
    for a in orgs:
        for b in orgs:
            if a is b or a.key not in entities or b.key not in entities:
                continue
            shared = proper(a) & proper(b)
            if fold(a.name) == fold(b.name) and a.kind == b.kind:
                shared = {fold(a.name)}  # "Spółdzielnia Socjalna „DobryDzień”" and "… DobryDzień"
            if shared and (a.kind == b.kind or a.kind in places and b.kind not in places):
                merge(entities, keys, a.key, b.key)


def hosted_bodies(doc: Doc, entities: dict[str, Entity], keys: dict[str, str]) -> None:
    """ "Zakład Aktywności Zawodowej przy Stowarzyszeniu X" is the one body of that kind the article names
    otherwise ("Zakład Aktywności Zawodowej w Kielcach", "Kielecki ZAZ")."""
    for m in doc.mentions:
        own = keys.get(m.id)
        if not m.hosted or own is None or m.kind is None or own not in entities:
            continue
        others = {k for k, e in entities.items() if e.type == "Organization" and e.kind == m.kind.kind
                  and k != own}
        if len(others) == 1:
            merge(entities, keys, own, others.pop())


def merge(entities: dict[str, Entity], keys: dict[str, str], src: str, dst: str) -> None:
    """Fold entity ``src`` into ``dst``: its names, sentences and mentions, and the mentions that pointed to it."""
    a, b = entities.pop(src), entities[dst]
    b.aliases |= a.aliases | {a.name}
    b.sentences |= a.sentences
    b.mentions += a.mentions
    for mid, key in list(keys.items()):
        if key == src:
            keys[mid] = dst
