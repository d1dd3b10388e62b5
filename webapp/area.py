"""The page of a county or a voivodeship as the place its cooperation is seen: the area's map, who cooperates
with whom, the area's partnerships, agreements and meetings by year, every organisation active there and what
the network's measures say about it. Everything comes from the network the map draws for the area's filter
(cached with the map), plus the things located in the area that tie no two organisations.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import url_for

from graph import lookup
from graph.network import NetworkFilter
from webapp.cooperation import Organisation, Reader, Tie, Year
from webapp.explain import Explanation, explain
from webapp.i18n import current_lang
from webapp.network import computed, query_of, url_of_entity
from webapp.network_files import download_links
from webapp.state import state


@dataclass
class AreaView:
    code: str
    data_url: str
    node_url: str
    full_map: str
    files: dict[str, str]
    ties: list[Tie]
    organisations: list[Organisation]
    timeline: list[Year]
    explanations: list[Explanation]
    counties: list[tuple[str, str, str, int]] = field(default_factory=list)


def area_page(iri: str, code: str) -> AreaView:
    """What the page of the county or voivodeship ``iri`` (TERYT ``code``) shows beside its facts."""
    st = state()
    lang = current_lang()
    flt = NetworkFilter(area=code)
    G, summary, _ = computed(flt)
    reader = Reader(G, lang, st.mint.base, st.names, url_of_entity)
    overview = lookup.county(st.store, iri)
    query = query_of(flt)
    counties = [c for c in lookup.counties(st.store) if c[2].startswith(code)] if len(code) == 2 else []
    return AreaView(
        code=code,
        data_url=url_for("network.data") + f"?{query}",
        node_url=url_for("network.node") + f"?{query}",
        full_map=url_for("network.page") + f"?{query}",
        files=download_links(flt),
        ties=reader.ties(),
        organisations=reader.organisations(overview.actors),
        timeline=reader.timeline(overview.activities),
        explanations=explain(G, summary, lang) if len(G) else [],
        counties=counties,
    )


__all__ = ["AreaView", "area_page"]
