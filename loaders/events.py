"""One event, several reports: two articles telling of the same signing or meeting give one event node.

Two events are one when they agree on their day (a day without a year agrees with the same day of any year)
and on where or with whom they were held: the same venue, or at least two of the same participants (people
and organisations taking part or organising). With no day on one side, three shared participants at the same
venue still tell it is the same. Each report stays the event's provenance: its article graph keeps the event
with ``schema:subjectOf`` pointing to the article.
"""
from __future__ import annotations

from collections.abc import Iterable

from graph.model import Extraction

PARTICIPATION = ("attendee", "organizer")


def _day(x: Extraction) -> tuple[int | None, int, int] | None:
    e = x.entities[x.event] if x.event else None
    if e is None:
        return None
    if e.date:
        return e.date.year, e.date.month, e.date.day
    if e.date_partial:
        month, day = e.date_partial.lstrip("-").split("-")
        return None, int(month), int(day)
    return None


def _same_day(a: tuple[int | None, int, int] | None, b: tuple[int | None, int, int] | None) -> bool | None:
    """True or False when both days are known, None when one is not."""
    if a is None or b is None:
        return None
    return a[1:] == b[1:] and (a[0] is None or b[0] is None or a[0] == b[0])


def _venues(x: Extraction) -> set[str]:
    return {r.o for r in x.relations if r.kind == "location" and r.s == x.event}


def _participants(x: Extraction) -> set[str]:
    return {r.o for r in x.relations if r.kind in PARTICIPATION and r.s == x.event}


def same_event(a: Extraction, b: Extraction) -> bool:
    """Whether two articles report one event (see the module's description)."""
    if not a.event or not b.event:
        return False
    day = _same_day(_day(a), _day(b))
    if day is False:
        return False
    shared = len(_participants(a) & _participants(b))
    venue = bool(_venues(a) & _venues(b))
    if day:
        return venue or shared >= 2
    return venue and shared >= 3


def merge_events(extractions: Iterable[Extraction]) -> None:
    """Give every event reported by several of ``extractions`` one key, the one of its earliest report."""
    seen: list[Extraction] = []
    for x in extractions:
        if not x.event:
            continue
        first = next((y for y in seen if same_event(y, x)), None)
        if first is None:
            seen.append(x)
            continue
        _rekey(x, x.event, first.event)  # type: ignore[arg-type]
        _share_year(first, x)


def _share_year(a: Extraction, b: Extraction) -> None:
    """One report's full date completes the other's day without a year ("27 września" is 2017-09-27), so the one
    event has one date."""
    ea, eb = a.entities[a.event], b.entities[b.event]  # type: ignore[index]
    for full, part in ((ea, eb), (eb, ea)):
        if full.date and not part.date and part.date_partial:
            part.date, part.date_partial = full.date, None


def _rekey(x: Extraction, old: str, new: str) -> None:
    if old == new:
        return
    e = x.entities.pop(old)
    e.key = new
    x.entities[new] = e
    x.event = new
    for r in x.relations:
        if r.s == old:
            r.s = new
        if r.o == old:
            r.o = new
