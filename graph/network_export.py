"""The cooperation network as files and as drawing data: layout, GraphML, GEXF, CSV, SVG and vis-network JSON.

The layout is computed once here (networkx spring layout with a fixed seed), so browsers draw with physics off
and the SVG, the web map and the downloads show the same picture.
"""
from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from html import escape
from typing import Any

import networkx as nx

from graph.metrics import ROLES

#: colours of the sectors (colour-blind safe: Okabe-Ito)
SECTOR_COLOURS = {"public": "#0072B2", "social": "#009E73", "business": "#E69F00", "": "#999999",
                  "person": "#CC79A7"}
SECTOR_NAMES = {"public": "public", "social": "social economy", "business": "business", "": "unknown sector",
                "person": "person"}
CROSS_COLOUR = "#D55E00"
SAME_COLOUR = "#8c8c8c"
SEED = 7

NODE_FIELDS = ["iri", "label", "kind", "sector", "county", "layer", "degree", "weighted_degree", "betweenness",
               "community"] + [f"brokerage_{r}" for r in ROLES] + ["brokerage_total"]
EDGE_FIELDS = ["source", "target", "source_label", "target_label", "weight", "kinds", "cross_sector",
               "contexts", "articles"]


#: components up to this many nodes are laid out by Kamada-Kawai (even spacing), bigger ones by springs
KAMADA_KAWAI_MAX = 100
#: above this many nodes the layout is done in two levels (communities, then each community)
DIRECT_LAYOUT_MAX = 700


def layout(G: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Positions in [-1, 1]², the same for the same network.

    Each connected component is laid out on its own and the components are packed in rows, biggest first (in one
    spring layout, pieces with no tie between them drift apart and squeeze the main one into a corner). A
    component of up to :data:`KAMADA_KAWAI_MAX` nodes gets a Kamada-Kawai layout (started from springs), of up
    to :data:`DIRECT_LAYOUT_MAX` nodes a Fruchterman-Reingold spring layout; a bigger one
    would take minutes, so it is laid out in two levels: its communities (the ``community`` node attribute when
    metrics were added, else Louvain) as weighted super-nodes, then each community on its own inside a disc
    whose area follows its size. Communities stay visibly apart, which is what a reader of a big map looks for.
    """
    if G.number_of_nodes() == 0:
        return {}
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0])))
    if len(parts) == 1:
        return _normalised(_connected_layout(G))
    # shelf packing: squares of side √size (a component's area follows its node count), rows of bounded width
    sides = [math.sqrt(len(c)) for c in parts]
    width = max(sides[0], 1.3 * math.sqrt(sum(s * s for s in sides)))
    gap = 0.5
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, side in zip(parts, sides):
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        inner = _normalised(_connected_layout(G.subgraph(part))) if len(part) > 1 else {part[0]: (0.0, 0.0)}
        for v, (px, py) in inner.items():
            pos[v] = (x + side / 2 * (1 + 0.9 * px), y + side / 2 * (1 + 0.9 * py))
        x += side + gap
        row_height = max(row_height, side)
    return _normalised(pos)


def _connected_layout(G: nx.Graph) -> dict[Any, tuple[float, float]]:
    n = G.number_of_nodes()
    if n <= KAMADA_KAWAI_MAX:
        # path lengths as distances spread a dense meeting's clique evenly, where springs would bunch it
        H = nx.Graph()
        H.add_nodes_from(sorted(G, key=str))
        H.add_edges_from(G.edges())
        pos = nx.kamada_kawai_layout(H, pos=_spring(H), weight=None)
        return {v: (float(p[0]), float(p[1])) for v, p in pos.items()}
    if n <= DIRECT_LAYOUT_MAX:
        return _spring(G)
    comm = {v: d["community"] for v, d in G.nodes(data=True) if "community" in d}
    if len(comm) != n:
        from graph.metrics import communities

        comm = communities(G)
    members: dict[int, list] = {}
    for v in sorted(G, key=str):
        members.setdefault(comm[v], []).append(v)
    C = nx.Graph()
    C.add_nodes_from(members)
    for a, b in G.edges():
        ca, cb = comm[a], comm[b]
        if ca != cb:
            w = C.edges[ca, cb]["weight"] + 1 if C.has_edge(ca, cb) else 1
            C.add_edge(ca, cb, weight=w)
    centres = _normalised(_spring(C, weight_cap=None)) if len(C) > 1 else {next(iter(C)): (0.0, 0.0)}
    pos: dict[Any, tuple[float, float]] = {}
    for c, vs in members.items():
        cx, cy = centres[c]
        radius = 0.9 * math.sqrt(len(vs) / n)
        inner = _normalised(_spring(G.subgraph(vs))) if len(vs) > 1 else {vs[0]: (0.0, 0.0)}
        for v, (x, y) in inner.items():
            pos[v] = (cx + radius * x, cy + radius * y)
    return pos


def _spring(G: nx.Graph, weight_cap: int | None = 5, iterations: int = 50) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold on a dense weight matrix with numpy (as networkx does below 500 nodes; above, it
    switches to per-node Python loops that take minutes for a few thousand nodes)."""
    import numpy as np

    nodes = sorted(G, key=str)  # a stable order makes the seeded layout reproducible
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((n, n))
    for a, b, d in G.edges(data=True):
        w = d.get("weight", 1)
        w = min(w, weight_cap) if weight_cap else w
        A[index[a], index[b]] = A[index[b], index[a]] = w
    rng = np.random.default_rng(SEED)
    pos = rng.random((n, 2))
    k = math.sqrt(1.0 / n)
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        # repulsion k²/d between all pairs, attraction w·d²/k along ties
        force = k * k / dist ** 2 - A * dist / k
        disp = np.einsum("ijk,ij->ik", delta, force)
        length = np.maximum(np.linalg.norm(disp, axis=-1), 0.01)
        pos += disp * (t / length)[:, None]
        t -= dt
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}


def _normalised(pos: dict[Any, tuple[float, float]]) -> dict[Any, tuple[float, float]]:
    """Centre the positions and scale them into [-1, 1]², keeping the aspect ratio."""
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {v: ((x - cx) / span, (y - cy) / span) for v, (x, y) in pos.items()}


def node_colour(data: dict) -> str:
    return SECTOR_COLOURS["person"] if data.get("layer") == "person" else SECTOR_COLOURS.get(
        data.get("sector") or "", SECTOR_COLOURS[""])


def _size(value: float, top: float, small: float = 7, big: float = 30) -> float:
    return small + (big - small) * (math.sqrt(value / top) if top > 0 else 0)


def canvas_scale(n: int) -> float:
    """Half the drawing's width in canvas units: about the size of the map box for a small network, so it opens
    near zoom 1 with readable labels, and wider for big ones, so their nodes do not cover each other."""
    return min(1500.0, 400.0 * math.sqrt(max(n, 50) / 50))


def vis_data(G: nx.Graph, pos: dict, url_of: Callable[[str], str | None] = lambda iri: None,
             size_by: str = "degree", scale: float | None = None) -> dict:
    """Nodes and edges ready for vis-network DataSets (x/y fixed), with the fields tooltips and tables need.

    Labels travel as plain strings: the page builds tooltips with DOM text nodes, so a name read from an
    article can never become markup.
    """
    scale = scale or canvas_scale(G.number_of_nodes())
    ids = {n: i for i, n in enumerate(sorted(G, key=str))}
    top = max((G.nodes[n].get(size_by, 0) or 0 for n in G), default=0)
    nodes = []
    for n in sorted(G, key=str):
        d = G.nodes[n]
        x, y = pos.get(n, (0.0, 0.0))
        rec = {f: d.get(f) for f in NODE_FIELDS}
        rec.update(id=ids[n], x=round(x * scale, 1), y=round(y * scale, 1), color=node_colour(d),
                   size=round(_size(d.get(size_by, 0) or 0, top), 1), url=url_of(n),
                   shape="dot" if d.get("layer") != "person" else "diamond")
        rec["betweenness"] = round(rec.get("betweenness") or 0.0, 6)
        nodes.append(rec)
    edges = []
    for i, (a, b, d) in enumerate(sorted(G.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]]))):
        cross = bool(d.get("cross_sector"))
        edges.append({"id": i, "from": ids[a], "to": ids[b], "weight": d.get("weight", 1),
                      "kinds": d.get("kinds", []), "cross_sector": cross, "dashes": cross,
                      "color": CROSS_COLOUR if cross else SAME_COLOUR,
                      "width": round(1 + math.log2(d.get("weight", 1)), 2),
                      "contexts": d.get("contexts", []), "articles": d.get("articles", [])})
    legend = [{"key": k, "name": SECTOR_NAMES[k], "color": c} for k, c in SECTOR_COLOURS.items()]
    return {"nodes": nodes, "edges": edges, "legend": legend,
            "edge_legend": [{"key": "cross", "name": "tie across sectors", "color": CROSS_COLOUR, "dashes": True},
                            {"key": "same", "name": "tie within a sector", "color": SAME_COLOUR, "dashes": False}]}


def flat_copy(G: nx.Graph) -> nx.Graph:
    """A copy with only strings and numbers as attributes, as GraphML and GEXF require."""
    H = nx.Graph()
    H.graph["filter"] = json.dumps(G.graph.get("filter", {}), ensure_ascii=False, sort_keys=True)
    for n, d in G.nodes(data=True):
        H.add_node(n, **{f: _scalar(d.get(f)) for f in NODE_FIELDS if d.get(f) is not None})
    for a, b, d in G.edges(data=True):
        H.add_edge(a, b, **_edge_row(G, a, b, d, keep_ends=False))
    return H


def _scalar(v: Any) -> Any:
    if isinstance(v, (bool, int, float, str)):
        return v
    return "" if v is None else str(v)


def _edge_row(G: nx.Graph, a: Any, b: Any, d: dict, keep_ends: bool = True) -> dict:
    row = {"weight": d.get("weight", 1), "kinds": ";".join(d.get("kinds", [])),
           "cross_sector": bool(d.get("cross_sector")),
           "contexts": " | ".join(c.get("label") or c.get("iri", "") for c in d.get("contexts", [])),
           "articles": " | ".join(f"{x['title']} <{x['iri']}>" for x in d.get("articles", []))}
    if keep_ends:
        row = {"source": a, "target": b, "source_label": G.nodes[a].get("label", ""),
               "target_label": G.nodes[b].get("label", "")} | row
    return row


def to_graphml(G: nx.Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(flat_copy(G), buf, encoding="utf-8")
    return buf.getvalue()


def to_gexf(G: nx.Graph, pos: dict | None = None) -> bytes:
    """GEXF for Gephi, with the layout as viz positions and sector colours."""
    H = flat_copy(G)
    pos = pos if pos is not None else layout(G)
    for n, d in H.nodes(data=True):
        x, y = pos.get(n, (0.0, 0.0))
        colour = node_colour(G.nodes[n]).lstrip("#")
        d["viz"] = {"position": {"x": x * 1000, "y": -y * 1000, "z": 0.0},
                    "color": {"r": int(colour[0:2], 16), "g": int(colour[2:4], 16), "b": int(colour[4:6], 16),
                              "a": 1.0}}
    buf = io.BytesIO()
    nx.write_gexf(H, buf, encoding="utf-8")
    return buf.getvalue()


def nodes_csv(G: nx.Graph) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=NODE_FIELDS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for n in sorted(G, key=str):
        w.writerow({f: G.nodes[n].get(f, "") for f in NODE_FIELDS})
    return buf.getvalue()


def edges_csv(G: nx.Graph) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=EDGE_FIELDS, lineterminator="\n")
    w.writeheader()
    for a, b, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        a, b = sorted((a, b), key=str)
        w.writerow(_edge_row(G, a, b, d))
    return buf.getvalue()


def to_svg(G: nx.Graph, pos: dict | None = None, width: int = 1200, height: int = 900,
           max_labels: int = 60, title: str = "esgraf cooperation network", lines: list[str] | None = None,
           legend: list[tuple[str, str, bool]] | None = None) -> str:
    """An SVG picture of the layout: sector colours, dashed cross-sector ties, labels of the busiest nodes, and a
    title, its ``lines`` (area, dates) and a legend of (name, colour, is a line) in the caller's language."""
    pos = pos if pos is not None else layout(G)
    lines = lines or []
    if legend is None:
        legend = [(SECTOR_NAMES[k], SECTOR_COLOURS[k], False) for k in ("public", "social", "business", "person")]
        legend += [("tie across sectors", CROSS_COLOUR, True), ("tie within a sector", SAME_COLOUR, True)]
    margin = 40
    head = 34 + 20 * len(lines)
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def at(n: Any) -> tuple[float, float]:
        x, y = pos.get(n, (0.0, 0.0))
        return (round(margin + (x - min(xs)) / span_x * (width - 2 * margin), 1),
                round(head + margin + (y - min(ys)) / span_y * (height - 2 * margin - head - 30), 1))

    top = max((G.nodes[n].get("degree", G.degree(n)) for n in G), default=0)
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">'),
           f"<title>{escape(title)}</title>", '<rect width="100%" height="100%" fill="#ffffff"/>',
           f'<text x="{margin}" y="28" font-size="18" font-weight="bold">{escape(title)}</text>']
    for i, line in enumerate(lines):
        out.append(f'<text x="{margin}" y="{50 + 20 * i}" font-size="13" fill="#4a555c">{escape(line)}</text>')
    out.append('<g class="edges" fill="none">')
    for a, b, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        (x1, y1), (x2, y2) = at(a), at(b)
        cross = d.get("cross_sector")
        dash = ' stroke-dasharray="6 4"' if cross else ""
        out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{CROSS_COLOUR if cross else SAME_COLOUR}"'
                   f' stroke-width="{round(1 + math.log2(d.get("weight", 1)), 2)}" stroke-opacity="0.6"{dash}/>')
    out.append("</g>")
    out.append('<g class="nodes" stroke="#ffffff" stroke-width="1">')
    for n in sorted(G, key=str):
        d = G.nodes[n]
        x, y = at(n)
        r = round(_size(d.get("degree", G.degree(n)), top, 3, 14), 1)
        out.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{node_colour(d)}">'
                   f'<title>{escape(str(d.get("label", n)))}</title></circle>')
    out.append("</g>")
    ranked = sorted(G, key=lambda n: (-G.nodes[n].get("degree", G.degree(n)), str(n)))[:max_labels]
    out.append('<g class="labels" fill="#222222">')
    for n in sorted(ranked, key=str):
        x, y = at(n)
        anchor = ' text-anchor="end"' if x > width * 0.7 else ""
        dx = -6 if anchor else 6
        out.append(f'<text x="{x + dx}" y="{y - 6}"{anchor}>{escape(str(G.nodes[n].get("label", n))[:60])}</text>')
    out.append("</g>")
    out.append('<g class="legend">')
    lx, ly = margin, height - 18
    for name, colour, is_line in legend:
        if is_line:
            dash = ' stroke-dasharray="6 4"' if colour == CROSS_COLOUR else ""
            out.append(f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 24}" y2="{ly - 4}" stroke="{colour}" '
                       f'stroke-width="2"{dash}/>')
            lx += 30
        else:
            out.append(f'<circle cx="{lx + 6}" cy="{ly - 4}" r="6" fill="{colour}"/>')
            lx += 16
        out.append(f'<text x="{lx}" y="{ly}">{escape(name)}</text>')
        lx += 8 + 7 * len(name)
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def to_json(G: nx.Graph, summary: dict | None = None, pos: dict | None = None,
            url_of: Callable[[str], str | None] = lambda iri: None) -> str:
    """Everything the web map needs, as one JSON document."""
    pos = pos if pos is not None else layout(G)
    data = vis_data(G, pos, url_of)
    data["summary"] = summary or {}
    data["filter"] = G.graph.get("filter", {})
    return json.dumps(data, ensure_ascii=False)


#: the formats :func:`render` writes, for the CLI and the web downloads alike
RENDERERS = ("graphml", "gexf", "nodes.csv", "edges.csv", "svg", "json")


def render(fmt: str, G: nx.Graph, summary: dict, pos: dict, url_of: Callable[[str], str | None]) -> str | bytes:
    """The network in one of :data:`RENDERERS`."""
    if fmt == "graphml":
        return to_graphml(G)
    if fmt == "gexf":
        return to_gexf(G, pos)
    if fmt == "nodes.csv":
        return nodes_csv(G)
    if fmt == "edges.csv":
        return edges_csv(G)
    if fmt == "svg":
        return to_svg(G, pos)
    if fmt == "json":
        return to_json(G, summary, pos, url_of)
    raise ValueError(f"no network format {fmt!r}; choose from {', '.join(RENDERERS)}")
