"""Metrics of the cooperation network: centrality, brokerage between sectors, sector mixing, communities.

All functions take an undirected :class:`networkx.Graph` whose nodes may carry a ``sector`` attribute
(``public``, ``social``, ``business``; empty or missing for people and for organisations of unknown sector).
Nodes without a sector take part in centrality and communities, but not in brokerage or sector mixing.
"""
from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx

from graph.model import SECTORS

ROLES = ("coordinator", "gatekeeper", "representative", "itinerant", "liaison")
#: betweenness is exact while nodes × ties stays under this (a few seconds of pure-Python BFS); above it, it is
#: estimated from a fixed sample of source nodes (Brandes and Pich's pivots) sized to the same budget
EXACT_BETWEENNESS_WORK = 1_000_000
MIN_PIVOTS = 50
SEED = 42


def _group(G: nx.Graph, n: object, attr: str) -> str | None:
    return G.nodes[n].get(attr) or None


def brokerage(G: nx.Graph, attr: str = "sector") -> dict[object, dict[str, int]]:
    """Gould-Fernandez brokerage roles of each node, for an undirected network.

    Gould and Fernandez (1989) count, for a broker ``b``, the directed two-paths ``a → b → c`` with no tie
    ``a → c``, by the groups of ``a``, ``b`` and ``c``: coordinator (all three in one group), itinerant or
    consultant (``a`` and ``c`` in one group, ``b`` in another), representative (``b`` in the group of the
    source ``a``, ``c`` outside), gatekeeper (``b`` in the group of the destination ``c``, ``a`` outside) and
    liaison (three different groups).

    Cooperation is not directed, so we count each *unordered* open path ``a – b – c`` (``a`` and ``c`` not
    adjacent) once. Coordinator, itinerant and liaison counts are therefore half of what the directed
    definition gives on the symmetrised network (where each path appears in both directions). A path where
    ``b`` shares a group with exactly one end is, read one way, a representative path and, read the other way,
    a gatekeeper path: the two roles cannot be told apart without direction, so such a path adds 1 to *both*
    ``gatekeeper`` and ``representative`` (their values are always equal here; ``total`` counts it once).
    Paths with an end or a broker without a group are not counted.
    """
    out: dict[object, dict[str, int]] = {}
    adj = {n: set(G[n]) - {n} for n in G}
    for b in G:
        counts = dict.fromkeys(ROLES, 0)
        counts["total"] = 0
        gb = _group(G, b, attr)
        if gb is not None:
            for a, c in combinations(sorted(adj[b], key=str), 2):
                if c in adj[a]:
                    continue
                ga, gc = _group(G, a, attr), _group(G, c, attr)
                if ga is None or gc is None:
                    continue
                counts["total"] += 1
                if ga == gb == gc:
                    counts["coordinator"] += 1
                elif ga == gc:
                    counts["itinerant"] += 1
                elif gb in (ga, gc):
                    counts["gatekeeper"] += 1
                    counts["representative"] += 1
                else:
                    counts["liaison"] += 1
        out[b] = counts
    return out


def ei_index(external: int, internal: int) -> float | None:
    """Krackhardt and Stern's E-I index: (E - I) / (E + I), from -1 (all ties inside) to +1 (all across)."""
    total = external + internal
    return None if total == 0 else (external - internal) / total


def sector_mixing(G: nx.Graph, attr: str = "sector", groups: tuple[str, ...] = SECTORS) -> dict:
    """Ties between and within sectors, and the E-I index of the network and of each sector.

    Ties are counted once each (not by weight); ties with an end of unknown sector are left out and reported as
    ``unknown_ties``. A sector's E-I index counts the ties of its members: those to another sector are external,
    those within it internal.
    """
    pairs: Counter = Counter()
    unknown = 0
    for a, b in G.edges():
        ga, gb = _group(G, a, attr), _group(G, b, attr)
        if ga is None or gb is None or a == b:
            unknown += 1
            continue
        pairs[tuple(sorted((ga, gb), key=lambda g: groups.index(g) if g in groups else len(groups)))] += 1
    total = sum(pairs.values())
    internal = sum(n for (x, y), n in pairs.items() if x == y)
    external = total - internal
    present = [g for g in groups if any(g in p for p in pairs)] + sorted(
        {g for p in pairs for g in p} - set(groups))
    per_sector = {}
    for g in present:
        i = pairs.get((g, g), 0)
        e = sum(n for (x, y), n in pairs.items() if x != y and g in (x, y))
        per_sector[g] = {"internal": i, "external": e, "ei": ei_index(e, i)}
    table = [{"a": x, "b": y, "ties": n, "share": n / total} for (x, y), n in sorted(
        pairs.items(), key=lambda kv: (present.index(kv[0][0]), present.index(kv[0][1])))]
    matrix = {x: {y: pairs.get((x, y), 0) + (pairs.get((y, x), 0) if x != y else 0) for y in present}
              for x in present}
    return {"ties": total, "internal": internal, "external": external, "cross_share": external / total if total
            else None, "ei": ei_index(external, internal), "per_sector": per_sector, "table": table,
            "matrix": matrix, "sectors": present, "unknown_ties": unknown}


def betweenness(G: nx.Graph) -> tuple[dict[object, float], bool]:
    """Normalised betweenness (unweighted shortest paths), and whether it is exact.

    Exact while nodes × ties is at most :data:`EXACT_BETWEENNESS_WORK`; above that, estimated from
    ``max(MIN_PIVOTS, EXACT_BETWEENNESS_WORK // ties)`` source nodes drawn with a fixed seed, so the same network
    always gives the same figures. The estimate ranks the main brokers reliably; small values are noisy.
    """
    n, m = G.number_of_nodes(), G.number_of_edges()
    if n * max(m, 1) <= EXACT_BETWEENNESS_WORK:
        return nx.betweenness_centrality(G, normalized=True), True
    k = min(n, max(MIN_PIVOTS, EXACT_BETWEENNESS_WORK // max(m, 1)))
    return nx.betweenness_centrality(G, k=k, normalized=True, seed=SEED), k == n


def communities(G: nx.Graph) -> dict[object, int]:
    """Louvain communities (weighted, fixed seed), numbered from 0 by decreasing size."""
    if G.number_of_nodes() == 0:
        return {}
    parts = nx.community.louvain_communities(G, weight="weight", seed=SEED)
    parts = sorted(parts, key=lambda p: (-len(p), min(str(x) for x in p)))
    return {n: i for i, p in enumerate(parts) for n in p}


def add_metrics(G: nx.Graph) -> dict:
    """Write degree, weighted degree, betweenness, community and brokerage onto the nodes; return a summary."""
    bc, exact = betweenness(G)
    comm = communities(G)
    brk = brokerage(G)
    for n, data in G.nodes(data=True):
        data["degree"] = G.degree(n)
        data["weighted_degree"] = G.degree(n, weight="weight")
        data["betweenness"] = bc.get(n, 0.0)
        data["community"] = comm.get(n, 0)
        for role, v in brk[n].items():
            data["brokerage_" + role] = v
    return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "betweenness_exact": exact,
            "communities": len(set(comm.values())), "components": nx.number_connected_components(G)
            if G.number_of_nodes() else 0, "mixing": sector_mixing(G)}
