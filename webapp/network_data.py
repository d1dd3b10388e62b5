"""What the browser's map draws, in the reader's language: compact nodes and ties for the WebGL renderer, the
legend, the words the scripts write, and one organisation's partners for the side panel.

A map of 5,000 organisations has about 40,000 ties; sending every tie's evidence with the first answer made it
tens of megabytes. The map gets the ties as ``[source, target, weight, across sectors]`` and asks for the
evidence of one organisation's ties (``/network/node.json``) when it is clicked.
"""
from __future__ import annotations

import math
from collections.abc import Callable

import networkx as nx

from graph import network_export as nxp
from graph.metrics import ROLES
from webapp.cooperation import Reader
from webapp.explain import explain
from webapp.formats import NOUNS
from webapp.i18n import section
from webapp.names import DisplayNames
from webapp.vocabulary import SECTOR_LABELS, TIE_KIND_LABELS, kind_label, sector_label, tie_kind_label



def words(lang: str) -> dict:
    """The scripts' words in ``lang``, with the sector and tie names and the counted nouns' forms."""
    out = section("script", lang)
    out["sectors"] = {k: v[lang] for k, v in SECTOR_LABELS.items()}
    out["tie_kinds"] = {k: v[lang] for k, v in TIE_KIND_LABELS.items()}
    out["nouns"] = {k: v.get(lang, v["en"]) for k, v in NOUNS.items()}
    out["lang"] = lang
    return out


def legend(lang: str, people: bool = True) -> dict:
    nodes = [{"key": k, "name": sector_label(k, lang), "color": nxp.SECTOR_COLOURS[k]}
             for k in ("public", "social", "business", "") + (("person",) if people else ())]
    words = section("script", lang)
    edges = [{"key": "cross", "name": words["cross"], "color": nxp.CROSS_COLOUR},
             {"key": "same", "name": words["same"], "color": nxp.SAME_COLOUR}]
    return {"nodes": nodes, "edges": edges}


def map_payload(G: nx.Graph, pos: dict, summary: dict, lang: str, base: str,
                url_of: Callable[[str], str | None], county_names: dict[str, str],
                size_by: str = "degree", focus: str | None = None) -> dict:
    """Everything the map draws for ``G``: nodes with their figures, compact ties, legend, words, explanations."""
    order = sorted(G, key=str)
    ids = {n: i for i, n in enumerate(order)}
    top = max((G.nodes[n].get(size_by, 0) or 0 for n in G), default=0)
    nodes = []
    for n in order:
        d = G.nodes[n]
        x, y = pos.get(n, (0.0, 0.0))
        value = d.get(size_by, 0) or 0
        rec = {"id": ids[n], "iri": n, "label": d.get("label") or n, "url": url_of(n),
               "x": round(x, 5), "y": round(y, 5),
               "size": round(3 + 11 * (math.sqrt(value / top) if top > 0 else 0), 2),
               "color": nxp.node_colour(d), "sector": d.get("sector") or "", "layer": d.get("layer", ""),
               "kind": kind_label(d.get("kind", ""), lang, base), "county": d.get("county") or "",
               "county_label": county_names.get(d.get("county") or "", ""),
               "degree": d.get("degree", 0), "weighted_degree": d.get("weighted_degree", 0),
               "betweenness": round(d.get("betweenness") or 0.0, 4), "community": d.get("community", 0)}
        for role in ROLES:
            rec[f"brokerage_{role}"] = d.get(f"brokerage_{role}", 0)
        nodes.append(rec)
    edges = [[ids[a], ids[b], d.get("weight", 1), 1 if d.get("cross_sector") else 0]
             for a, b, d in sorted(G.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]]))]
    return {"nodes": nodes, "edges": edges, "legend": legend(lang, any(d.get("layer") == "person"
                                                                      for _, d in G.nodes(data=True))),
            "words": words(lang), "summary": summary, "focus": focus,
            "explanations": [e.__dict__ for e in explain(G, summary, lang)] if len(G) else []}


def node_payload(G: nx.Graph, iri: str, lang: str, base: str, names: DisplayNames,
                 url_of: Callable[[str], str | None]) -> dict | None:
    """One organisation of ``G`` and its partners, strongest tie first, with the activities and articles that
    tie them: what the side panel lists when the organisation is clicked. None if ``iri`` is not on the map."""
    if iri not in G:
        return None
    reader = Reader(G, lang, base, names, url_of)
    d = G.nodes[iri]
    partners = []
    for other in G[iri]:
        e = G.edges[iri, other]
        acts = sorted((reader.activity(c) for c in e.get("contexts", [])), key=lambda x: (x.sort_date, x.label))
        o = G.nodes[other]
        partners.append({
            "iri": other, "label": o.get("label") or other, "url": url_of(other),
            "sector": sector_label("person" if o.get("layer") == "person" else o.get("sector"), lang),
            "weight": e.get("weight", 1), "cross_sector": bool(e.get("cross_sector")),
            "kinds": [tie_kind_label(k, lang) for k in e.get("kinds", [])],
            "activities": [{"kind": a.kind_label, "label": a.label, "url": a.url, "when": a.when, "via": a.via}
                           for a in acts],
            "articles": [{"title": x.get("title") or "", "url": url_of(x["iri"])} for x in e.get("articles", [])],
        })
    partners.sort(key=lambda p: (-p["weight"], str(p["label"]).casefold()))
    return {"iri": iri, "label": d.get("label") or iri, "url": url_of(iri),
            "kind": kind_label(d.get("kind", ""), lang, base),
            "sector": sector_label("person" if d.get("layer") == "person" else d.get("sector"), lang),
            "degree": d.get("degree", 0), "partners": partners}


__all__ = ["legend", "map_payload", "node_payload", "words"]
