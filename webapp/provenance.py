"""Each sentence a page's facts were read from, shown once: numbered notes, as a printed text cites its sources.

A county's page would otherwise quote the same sentence under every link it supports and again among the
mentions. Facts carry note numbers (``[2]``); the sentences are listed once at the end, in the order the page
first cites them, then those that support no fact shown (plain mentions).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.lookup import Source


@dataclass
class Note:
    number: int
    source: Source
    articles: list[Source] = field(default_factory=list)  # the same sentence read from other articles


class Notes:
    """The numbered sentences of one page."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], Note] = {}
        self._by_text: dict[str, Note] = {}

    def refs(self, sources: Iterable[Source]) -> list[int]:
        """The note numbers of ``sources``, numbering the sentences not seen before."""
        out: list[int] = []
        for src in sources:
            note = self._note(src)
            if note.number not in out:
                out.append(note.number)
        return sorted(out)

    def _note(self, src: Source) -> Note:
        key = (src.text, src.article)
        note = self._by_key.get(key)
        if note is None:
            note = self._by_text.get(src.text)
            if note is not None:  # the same words in another article: one note naming both
                if all(a.article != src.article for a in note.articles):
                    note.articles.append(src)
            else:
                note = Note(len(self._by_text) + 1, src, [src])
                self._by_text[src.text] = note
            self._by_key[key] = note
        return note

    def add(self, sources: Iterable[Source]) -> None:
        """Number sentences that no fact cites (an entity's mentions), after the cited ones."""
        self.refs(sources)

    @property
    def items(self) -> list[Note]:
        return sorted(self._by_text.values(), key=lambda n: n.number)


__all__ = ["Note", "Notes"]
