"""What part of the cooperation network to show: area, dates, sectors, tie kinds, weight, people.

A :class:`NetworkFilter` travels in a URL query string, so a map can be shared as a link, and from the command
line; both read it with the same rules and the same messages.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

from graph.model import SECTORS

#: tie kinds: contexts shared by two actors, then direct ties
CONTEXT_KINDS = ("event", "agreement", "project", "partnership")
DIRECT_KINDS = ("unit", "founder", "member")
TIE_KINDS = CONTEXT_KINDS + DIRECT_KINDS


@dataclass
class NetworkFilter:
    """What part of the network to show. Every field round-trips through a URL query string.

    ``area`` is a county TERYT code (4 digits) or a voivodeship code (2 digits). A context (event, agreement,
    project, partnership) is in the area when its ``dcterms:spatial`` lies there or, if it names no place, when
    one of its actors' counties does; a direct tie is in the area when one of its ends is. ``date_from`` and
    ``date_to`` bound the date of each context: the event's start or the agreement's date, else the publication
    date of the article it was read from; undated contexts are left out while a date bound is set.
    """

    area: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sectors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    min_weight: int = 1
    people: bool = False

    def __post_init__(self) -> None:
        if self.area is not None and not re.fullmatch(r"\d{2}|\d{4}", self.area):
            raise ValueError(f"area must be a voivodeship (2 digits) or county (4 digits) TERYT code: {self.area!r}")
        bad = [s for s in self.sectors if s not in SECTORS]
        if bad:
            raise ValueError(f"unknown sector {bad[0]!r}; choose from {', '.join(SECTORS)}")
        bad = [k for k in self.kinds if k not in TIE_KINDS]
        if bad:
            raise ValueError(f"unknown tie kind {bad[0]!r}; choose from {', '.join(TIE_KINDS)}")
        if self.min_weight < 1:
            raise ValueError("min_weight must be at least 1")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("the start date is after the end date")
        self.sectors = tuple(sorted(set(self.sectors), key=SECTORS.index))
        self.kinds = tuple(sorted(set(self.kinds), key=TIE_KINDS.index))

    @property
    def county(self) -> str | None:
        return self.area if self.area and len(self.area) == 4 else None

    @property
    def voivodeship(self) -> str | None:
        return self.area[:2] if self.area else None

    def in_area(self, teryt: str | None) -> bool:
        return self.area is None or (teryt is not None and teryt.startswith(self.area))

    @classmethod
    def from_query_args(cls, args: Mapping[str, object]) -> NetworkFilter:
        """Read a filter from query arguments (a Flask ``request.args`` or a plain dict of lists or strings).

        Names: ``area`` (or ``county`` / ``voivodeship``), ``from``, ``to``, ``sector`` (repeatable or comma
        separated), ``kind`` (likewise), ``min_weight``, ``people`` (1/true/on). Empty values mean "no filter".
        Raises ``ValueError`` with a message for the user on a bad value.
        """
        def many(name: str) -> list[str]:
            if hasattr(args, "getlist"):
                raw = args.getlist(name)  # type: ignore[union-attr]
            else:
                raw = args.get(name) or []
                raw = [raw] if isinstance(raw, str) else list(raw)
            return [p.strip() for r in raw for p in str(r).split(",") if p.strip()]

        def one(name: str) -> str | None:
            vals = many(name)
            return vals[0] if vals else None

        def date(name: str) -> dt.date | None:
            v = one(name)
            if v is None:
                return None
            if re.fullmatch(r"\d{4}", v):  # a bare year: its first or last day
                return dt.date(int(v), 1, 1) if name == "from" else dt.date(int(v), 12, 31)
            try:
                return dt.date.fromisoformat(v)
            except ValueError:
                raise ValueError(f"{name}: not a date (YYYY-MM-DD): {v!r}") from None

        area = one("area") or one("county") or one("voivodeship")
        mw = one("min_weight")
        try:
            min_weight = int(mw) if mw else 1
        except ValueError:
            raise ValueError(f"min_weight: not a number: {mw!r}") from None
        return cls(area=area, date_from=date("from"), date_to=date("to"), sectors=tuple(many("sector")),
                   kinds=tuple(many("kind")), min_weight=min_weight,
                   people=(one("people") or "").lower() in ("1", "true", "on", "yes"))

    def to_query_args(self) -> dict[str, str | list[str]]:
        """The non-default fields as query arguments; ``from_query_args`` reads them back to an equal filter."""
        out: dict[str, str | list[str]] = {}
        if self.area:
            out["area"] = self.area
        if self.date_from:
            out["from"] = self.date_from.isoformat()
        if self.date_to:
            out["to"] = self.date_to.isoformat()
        if self.sectors:
            out["sector"] = list(self.sectors)
        if self.kinds:
            out["kind"] = list(self.kinds)
        if self.min_weight != 1:
            out["min_weight"] = str(self.min_weight)
        if self.people:
            out["people"] = "1"
        return out

    def key(self) -> tuple:
        return tuple(getattr(self, f.name) for f in fields(self))
