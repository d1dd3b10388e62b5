"""What the construction tests share: extract a short text and read back relations by entity name."""
from __future__ import annotations

import datetime as dt

from graph.model import Article, Extraction
from loaders.pipeline import extract


def run(text: str, title: str | None = None, published: dt.date | None = None, region: str | None = None
        ) -> Extraction:
    return extract(Article(id="t", text=text, source="test", title=title, published=published, region=region))


def rels(x: Extraction, kind: str, by: str | None = None) -> set[tuple[str, str]]:
    """(subject name, object name) of the relations of ``kind`` (read by construction ``by``, if given)."""
    name = {k: e.name for k, e in x.entities.items()}
    return {(name[r.s], name[r.o]) for r in x.relations if r.kind == kind and (by is None or r.construction == by)}


def roles(x: Extraction, by: str | None = None) -> set[tuple[str, str, str]]:
    """(person, role label, organisation) of every role relation."""
    name = {k: e.name for k, e in x.entities.items()}
    return {(name[r.s], r.role or "", name[r.o]) for r in x.relations
            if r.kind == "role" and (by is None or r.construction == by)}


def names(x: Extraction, type_: str) -> set[str]:
    return {e.name for e in x.entities.values() if e.type == type_}
