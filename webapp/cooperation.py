"""Who cooperates with whom in an area, as tables a person reads: pairs of organisations and how they are tied,
the organisations with their figures, and the area's meetings, agreements and partnerships by year.

Everything is read from the cooperation network the map draws (:func:`graph.network.build_network` with the
area's filter, metrics added), so the page's tables, its map and its downloads always agree. Names and dates
are put in the reader's language here; the network itself keeps plain values.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from graph.network import TIE_KINDS
from webapp.formats import format_date, year_of
from webapp.names import DisplayNames
from webapp.vocabulary import direct_tie_label, kind_label, sector_label, tie_kind_label

#: the activities a timeline shows, in the order of its columns
TIMELINE_KINDS = ("partnership", "agreement", "event", "project")


@dataclass
class Activity:
    """One shared context of a tie: a meeting, an agreement, a project, a partnership, or a direct tie."""

    kind: str
    kind_label: str
    label: str
    url: str | None
    when: str  # as the reader writes it: "17 maja 2017", "17 maja", or ""
    sort_date: str  # ISO, from the context or else its article, for sorting and years
    via: list[str] = field(default_factory=list)  # people who took part for the organisations


@dataclass
class Article:
    url: str | None
    title: str
    issued: str


@dataclass
class Tie:
    """A row of "who with whom": two organisations (``a`` before ``b`` by name) and everything that ties them."""

    a: str
    a_label: str
    a_url: str | None
    a_sector: str
    b: str
    b_label: str
    b_url: str | None
    b_sector: str
    weight: int
    cross_sector: bool
    activities: list[Activity]
    articles: list[Article]

    @property
    def kinds(self) -> list[str]:
        """How the two are tied, in the order of the network's tie kinds (meeting, agreement, project…)."""
        order = {k: i for i, k in enumerate(TIE_KINDS)}
        acts = sorted(self.activities, key=lambda x: order.get(x.kind, len(order)))
        return list(dict.fromkeys(x.kind_label for x in acts))

    @property
    def first(self) -> str:
        dates = [x.sort_date for x in self.activities if x.sort_date]
        return min(dates) if dates else ""

    @property
    def last(self) -> str:
        dates = [x.sort_date for x in self.activities if x.sort_date]
        return max(dates) if dates else ""

    @property
    def when(self) -> str:
        """The dates of the tie's activities, earliest first, once each."""
        return ", ".join(dict.fromkeys(x.when for x in sorted(self.activities, key=lambda x: x.sort_date)
                                       if x.when))


@dataclass
class Organisation:
    iri: str
    label: str
    url: str | None
    kind: str
    sector: str
    sector_key: str
    degree: int
    weighted_degree: int
    betweenness: float
    brokerage: dict[str, int]
    on_map: bool = True


@dataclass
class Year:
    year: int | None  # None: undated
    groups: dict[str, list[Activity]]

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.groups.values())


class Reader:
    """Turns the network's plain values into what a page in ``lang`` shows."""

    def __init__(self, G: nx.Graph, lang: str, base: str, names: DisplayNames,
                 url_of: Callable[[str], str | None]):
        self.G, self.lang, self.base, self.names, self.url_of = G, lang, base, names, url_of

    def label(self, iri: str) -> str:
        return str(self.G.nodes[iri].get("label", iri)) if iri in self.G else iri

    def activity(self, ctx: dict) -> Activity:
        kind = ctx.get("kind", "")
        iri = ctx.get("iri") or ""
        if kind in ("unit", "founder", "member") and ctx.get("subject"):
            label = direct_tie_label(kind, self.label(ctx["subject"]), self.label(ctx["object"]), self.lang)
        else:
            label = self.names.name(iri, ctx.get("label") or iri, self.lang) if iri else ctx.get("label", "")
        when = format_date(ctx.get("date_text") or ctx.get("date") or "", self.lang)
        return Activity(kind, tie_kind_label(kind, self.lang), label, self.url_of(iri) if iri else None, when,
                        ctx.get("dated") or ctx.get("date") or "", list(ctx.get("via") or []))

    def ties(self) -> list[Tie]:
        """Every tie of the network, the strongest first, then by the names of its ends."""
        out = []
        for u, v, d in self.G.edges(data=True):
            a, b = sorted((u, v), key=lambda n: (self.label(n).casefold(), n))
            acts = sorted((self.activity(c) for c in d.get("contexts", [])),
                          key=lambda x: (x.sort_date or "9999", x.kind, x.label))
            arts = [Article(self.url_of(x["iri"]), x.get("title") or "", format_date(x.get("issued", ""), self.lang))
                    for x in d.get("articles", [])]
            out.append(Tie(a, self.label(a), self.url_of(a), self._sector(a), b, self.label(b), self.url_of(b),
                           self._sector(b), int(d.get("weight", 1)), bool(d.get("cross_sector")), acts, arts))
        return sorted(out, key=lambda t: (-t.weight, t.a_label.casefold(), t.b_label.casefold()))

    def _sector(self, n: str) -> str:
        d = self.G.nodes[n]
        return sector_label("person" if d.get("layer") == "person" else d.get("sector"), self.lang)

    def organisations(self, others: list[tuple[str, str]] = ()) -> list[Organisation]:
        """The network's organisations, busiest first, then ``others`` (iri, label) active in the area with no
        tie to show."""
        out = []
        for n, d in self.G.nodes(data=True):
            if d.get("layer") == "person":
                continue
            out.append(Organisation(
                n, self.label(n), self.url_of(n), kind_label(d.get("kind", ""), self.lang, self.base),
                sector_label(d.get("sector"), self.lang), d.get("sector") or "", int(d.get("degree", 0)),
                int(d.get("weighted_degree", 0)), float(d.get("betweenness", 0.0)),
                {k[len("brokerage_"):]: int(v) for k, v in d.items() if k.startswith("brokerage_")}))
        out.sort(key=lambda o: (-o.degree, -o.betweenness, o.label.casefold()))
        seen = {o.iri for o in out}
        for iri, label in others:
            if iri not in seen:
                seen.add(iri)
                out.append(Organisation(iri, label, self.url_of(iri), "", "", "", 0, 0, 0.0, {}, on_map=False))
        return out

    def timeline(self, extra: dict[str, list[tuple[str, str, str]]] | None = None) -> list[Year]:
        """The area's partnerships, agreements, meetings and projects by year, from the network's ties and from
        ``extra`` (group -> [(iri, label, date)], things located in the area that tie no two organisations)."""
        seen: dict[str, Activity] = {}
        for _, _, d in self.G.edges(data=True):
            for ctx in d.get("contexts", []):
                if ctx.get("kind") in TIMELINE_KINDS and ctx.get("iri") and ctx["iri"] not in seen:
                    seen[ctx["iri"]] = self.activity(ctx)
        groups = {"events": "event", "agreements": "agreement", "partnerships": "partnership",
                  "projects": "project"}
        for group, items in (extra or {}).items():
            kind = groups.get(group)
            for iri, label, date in items if kind else ():
                if iri not in seen:
                    seen[iri] = self.activity({"kind": kind, "iri": iri, "label": label, "date_text": date,
                                               "dated": date if year_of(date) else ""})
        years: dict[int | None, dict[str, list[Activity]]] = {}
        for act in seen.values():
            years.setdefault(year_of(act.sort_date), {}).setdefault(act.kind, []).append(act)
        out = []
        for year in sorted(years, key=lambda y: (y is None, y or 0)):
            groups_ = {k: sorted(years[year][k], key=lambda x: (x.sort_date, x.label))
                       for k in TIMELINE_KINDS if k in years[year]}
            out.append(Year(year, groups_))
        return out


__all__ = ["Activity", "Article", "Organisation", "Reader", "TIMELINE_KINDS", "Tie", "Year"]
