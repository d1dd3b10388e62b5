"""What a page calls an event: what happened, where and when ("Spotkanie — Starostwo Powiatowe
w Starachowicach, 17 maja 2017"), not the headline of the article it was read from.

The graph labels an event with its article's title; the page composes a name from the event's kind (its most
specific class, named by the ontology: ``esg:Meeting`` reads "spotkanie"), its venue (``schema:location``, else
the area of ``dcterms:spatial``) and its date (``schema:startDate``, which may lack the year). The facts are
read from the store once and again after each write, like the search index; names are put together per
language when asked. A write through the app only marks the names stale: they are read again when a page next
needs one, not while the write is being answered.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from graph.store import Store
from graph.vocab import sparql_prefixes
from webapp.formats import format_date
from webapp.vocabulary import term_label

_P = sparql_prefixes(["schema", "rdfs", "skos", "dcterms", "rdf"])
_Q_TYPES = _P + "SELECT DISTINCT ?e ?type WHERE { ?e a schema:Event ; a ?type }"
_Q_VENUES = _P + """SELECT DISTINCT ?e ?place ?label ?how WHERE {
  ?e a schema:Event .
  { ?e schema:location ?place BIND(0 AS ?how) } UNION { ?e dcterms:spatial ?place BIND(1 AS ?how) }
  ?place skos:prefLabel|rdfs:label ?label }"""
_Q_DATES = _P + "SELECT DISTINCT ?e ?date WHERE { ?e a schema:Event ; schema:startDate ?date }"
#: classes every event has: the name uses a more specific one when there is
_GENERIC = {"https://schema.org/Event"}


@dataclass
class _Event:
    types: set[str] = field(default_factory=set)
    venues: list[tuple[int, str]] = field(default_factory=list)  # (0 venue / 1 area, label)
    date: str = ""


class DisplayNames:
    """Display names of the events in a store, rebuilt by :meth:`refresh`."""

    def __init__(self, base: str):
        self.base = base
        self._events: dict[str, _Event] = {}
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._stale = False

    def stale(self) -> None:
        """The store was written: read the events again before the next name is given."""
        self._stale = True

    def _current(self) -> dict[str, _Event]:
        if self._stale and self._store is not None:
            self._stale = False
            self.refresh(self._store)
        return self._events

    def refresh(self, store: Store) -> None:
        events: dict[str, _Event] = {}
        for row in store.select(_Q_TYPES):
            events.setdefault(str(row["e"]), _Event()).types.add(str(row["type"]))
        for row in store.select(_Q_VENUES):
            ev = events.setdefault(str(row["e"]), _Event())
            item = (int(row["how"]), str(row["label"]))
            if item not in ev.venues:
                ev.venues.append(item)
        for row in store.select(_Q_DATES):
            ev = events.setdefault(str(row["e"]), _Event())
            ev.date = min(ev.date, str(row["date"])) if ev.date else str(row["date"])
        for ev in events.values():
            ev.venues.sort()
        with self._lock:
            self._events = events
            self._store = store

    def is_event(self, iri: str) -> bool:
        return str(iri) in self._current()

    def event_name(self, iri: str, lang: str) -> str | None:
        """The event's name in ``lang``, or None if ``iri`` is no event of the store."""
        ev = self._current().get(str(iri))
        if ev is None:
            return None
        specific = sorted(ev.types - _GENERIC) or sorted(ev.types)
        kinds = [term_label(t, lang, self.base) for t in specific]
        kind = next((k for k in kinds if k), None) or ("spotkanie" if lang == "pl" else "meeting")
        name = kind[:1].upper() + kind[1:]
        if ev.venues:
            best = ev.venues[0][0]
            name += " — " + ", ".join(label for how, label in ev.venues if how == best)
        if ev.date:
            name += (", " if ev.venues else " ") + format_date(ev.date, lang)
        return name

    def name(self, iri: str, fallback: str, lang: str) -> str:
        """What a page shows for ``iri``: the composed name of an event, else ``fallback`` (its label)."""
        return self.event_name(iri, lang) or fallback


__all__ = ["DisplayNames"]
