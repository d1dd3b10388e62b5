"""The cooperation network: who works with whom, read from the store with SPARQL only.

Organisations (and, on request, people) are nodes. Two actors are tied when they met at the same event, signed
the same agreement, are partners in the same project or partnership, or when one is a unit or a founder of the
other (people: ``org:memberOf``). Every edge keeps its weight (the number of distinct shared contexts) and its
evidence: the contexts and the articles each fact was read from. Only :meth:`graph.store.Store.select` is used,
with explicit ``GRAPH ?g`` patterns, so the same code runs on the embedded store and on any SPARQL 1.1 server.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from graph.iri import is_plain_iri, local_name, territory_code
from graph.model import SECTORS
from graph.network_filter import CONTEXT_KINDS, DIRECT_KINDS, TIE_KINDS, NetworkFilter
from graph.store import Store
from graph.vocab import ESG, sparql_prefixes

__all__ = ["CONTEXT_KINDS", "DIRECT_KINDS", "TIE_KINDS", "Context", "NetworkFilter", "build_network", "county_of_code"]

#: tie kinds: contexts shared by two actors, then direct ties

_PREFIXES = sparql_prefixes(["esg", "schema", "org", "foaf", "dcterms", "prov", "rdfs", "skos", "rdf"])
#: esg classes that group kinds; a node's kind is its most specific class, so these come last
#: how a direct tie reads as evidence (``a`` is the subject of the triple)
_DIRECT_LABELS = {"unit": "{a} is a unit of {b}", "founder": "{b} founded {a}", "member": "{a} is a member of {b}"}
_GROUP_CLASSES = {"PublicInstitution", "SocialEconomyOrganization", "Business", "Partnership", "Agreement",
                  "Programme", "Meeting", "Article", "County", "Voivodeship", "Municipality"}


@dataclass
class Context:
    """One event, agreement, project or partnership, and the actors taking part in it."""

    iri: str
    kind: str
    label: str = ""
    date: dt.date | None = None
    date_text: str = ""  # the date as stored: also ``--05-17`` (day and month, no year), which ``date`` lacks
    spatial: set[str] = field(default_factory=set)  # TERYT codes (county or finer)
    actors: dict[str, set[str]] = field(default_factory=dict)  # actor IRI -> article graphs stating it
    via: dict[str, str] = field(default_factory=dict)  # organisation -> the member who took part for it


# ---------------------------------------------------------------------------------------------- SPARQL

def _focus_contexts(focus: str | None) -> str:
    # the contexts the focus takes part in, itself or through a member, found first so the rest of the query
    # only joins on them
    if not focus:
        return ""
    return f"""{{ SELECT DISTINCT ?ctx WHERE {{
    {{ GRAPH ?gf {{ ?ctx ?pf <{focus}> }} }}
    UNION
    {{ GRAPH ?gm {{ ?member org:memberOf <{focus}> }} GRAPH ?gf {{ ?ctx ?pf ?member }} }}
  }} }}"""


def _q_memberships(actors: Iterable[str]) -> str:
    values = " ".join(f"<{a}>" for a in actors)
    return _PREFIXES + f"""
SELECT DISTINCT ?a ?b ?g WHERE {{ VALUES ?a {{ {values} }} GRAPH ?g {{ ?a org:memberOf ?b }} }}"""


#: (kind, class, predicates from the context to its actors)
_CONTEXT_PATTERNS = (
    ("event", "schema:Event", "schema:organizer|schema:attendee|schema:location"),
    ("agreement", "esg:Agreement", "esg:signatory|esg:initiator"),
    ("project", "schema:Project", "esg:partner|esg:leadPartner|schema:member"),
    ("partnership", "esg:Partnership", "esg:partner|esg:leadPartner|schema:member|esg:initiator"),
)


def _q_contexts(focus: str | None) -> str:
    # the class and the tie are read from the same article graph (an article types every entity it names);
    # joining them across graphs makes the query an order of magnitude slower on big stores
    branches = "\n  UNION\n  ".join(
        f'{{ GRAPH ?g {{ ?ctx a {cls} ; {preds} ?actor }} BIND("{kind}" AS ?kind) }}'
        for kind, cls, preds in _CONTEXT_PATTERNS)
    return _PREFIXES + f"""
SELECT DISTINCT ?ctx ?kind ?actor ?g WHERE {{
  {_focus_contexts(focus)}
  {branches}
}}"""


def _q_context_facts(focus: str | None) -> str:
    return _PREFIXES + f"""
SELECT DISTINCT ?ctx ?label ?date ?spatial WHERE {{
  {_focus_contexts(focus)}
  GRAPH ?gt {{ ?ctx a ?cls }}
  VALUES ?cls {{ schema:Event esg:Agreement schema:Project esg:Partnership }}
  OPTIONAL {{ GRAPH ?g1 {{ ?ctx rdfs:label ?label }} }}
  OPTIONAL {{ GRAPH ?g2 {{ ?ctx schema:startDate|dcterms:date ?date }} }}
  OPTIONAL {{ GRAPH ?g3 {{ ?ctx dcterms:spatial ?spatial }} }}
}}"""


def _q_direct(focus: str | None) -> str:
    focus_pattern = f"FILTER(?a = <{focus}> || ?b = <{focus}>)" if focus else ""
    return _PREFIXES + f"""
SELECT DISTINCT ?a ?b ?kind ?g WHERE {{
  {{ GRAPH ?g {{ ?a org:subOrganizationOf ?b }} BIND("unit" AS ?kind) }}
  UNION
  {{ GRAPH ?g {{ ?a schema:founder ?b }} BIND("founder" AS ?kind) }}
  UNION
  {{ GRAPH ?g {{ ?a org:memberOf ?b }} BIND("member" AS ?kind) }}
  {focus_pattern}
}}"""


_Q_ARTICLES = _PREFIXES + """
SELECT ?g ?article ?title ?issued WHERE {
  GRAPH ?m { ?g prov:wasDerivedFrom ?article . ?article a esg:Article }
  OPTIONAL { GRAPH ?m2 { ?article dcterms:title ?title } }
  OPTIONAL { GRAPH ?m3 { ?article dcterms:issued ?issued } }
}"""


#: what is read about each actor (one row per article graph, so the most used label wins); one query per
#: property is much faster than ``VALUES ?p`` with ``?actor ?p ?o``
_ACTOR_FACTS = (("label", "rdfs:label"), ("type", "rdf:type"), ("sector", "esg:sector"), ("governs", "esg:governs"))


def _q_actor_fact(actors: Iterable[str], prop: str) -> str:
    values = " ".join(f"<{a}>" for a in actors)
    distinct = "" if prop == "rdfs:label" else "DISTINCT"  # labels are counted, the rest only seen
    return _PREFIXES + f"""
SELECT {distinct} ?actor ?o WHERE {{
  VALUES ?actor {{ {values} }}
  GRAPH ?g {{ ?actor {prop} ?o }}
}}"""


_Q_COUNTIES = _PREFIXES + """
SELECT DISTINCT ?county ?label WHERE { GRAPH ?g { ?county a esg:County ; rdfs:label|skos:prefLabel ?label } }"""


# ---------------------------------------------------------------------------------------------- building

def county_of_code(code: str | None) -> str | None:
    """A county or gmina code as its county's code; voivodeship codes have no county."""
    return code[:4] if code and len(code) >= 4 else None


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _batches(items: list[str], n: int = 400) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _county_stems(store: Store) -> list[tuple[str, str]]:
    """(stem, code) for counties named by an adjective: "powiat starachowicki" -> ("starachowick", "2611")."""
    out = []
    for row in store.select(_Q_COUNTIES):
        code = territory_code(str(row["county"]))
        words = str(row["label"]).lower().split()
        if code and words and words[-1].endswith(("ki", "cki", "dzki")) and len(words[-1]) > 5:
            out.append((words[-1][:-1], code))  # drop the ending so "starachowickie", "starachowicka" match
    return out


def build_network(store: Store, flt: NetworkFilter | None = None, focus: str | None = None) -> nx.Graph:
    """The cooperation network the filter selects, with evidence on edges and descriptive node attributes.

    ``focus`` restricts the reading to the contexts and direct ties of one actor (its ego network), which is
    much cheaper than building the whole network for an entity page: the actor gets the same partners and
    weights as in the whole network, and ties among its partners are those seen in its own contexts. Metrics are added by
    :func:`graph.metrics.add_metrics`.
    """
    flt = flt or NetworkFilter()
    if focus is not None and not is_plain_iri(focus):
        raise ValueError(f"not an IRI: {focus!r}")
    articles: dict[str, dict] = {}
    for row in store.select(_Q_ARTICLES):
        articles[str(row["g"])] = {"iri": str(row["article"]), "title": str(row.get("title", "")),
                                   "issued": _date(row["issued"]) if "issued" in row else None}

    contexts: dict[str, Context] = {}
    for row in store.select(_q_contexts(focus)):
        c = contexts.setdefault(str(row["ctx"]), Context(str(row["ctx"]), str(row["kind"])))
        c.actors.setdefault(str(row["actor"]), set()).add(str(row["g"]))
    for row in store.select(_q_context_facts(focus)):
        c = contexts.get(str(row["ctx"]))
        if c is None:
            continue
        if "label" in row and not c.label:
            c.label = str(row["label"])
        if "date" in row and not c.date_text:
            c.date, c.date_text = _date(row["date"]), str(row["date"])
        if "spatial" in row and territory_code(str(row["spatial"])):
            c.spatial.add(territory_code(str(row["spatial"])))
    direct: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in store.select(_q_direct(focus)):
        direct[(str(row["a"]), str(row["b"]), str(row["kind"]))].add(str(row["g"]))

    if focus:  # the people met in these contexts may stand for organisations (see below): read whom they serve
        for batch in _batches(sorted({a for c in contexts.values() for a in c.actors})):
            for row in store.select(_q_memberships(batch)):
                direct[(str(row["a"]), str(row["b"]), "member")].add(str(row["g"]))
    actors = {a for c in contexts.values() for a in c.actors} | {x for a, b, _ in direct for x in (a, b)}
    info = _actor_info(store, sorted(actors))
    # direct ties only join actors: drop ties to places or things that are not organisations or people
    direct = {k: v for k, v in direct.items() if k[0] in info and k[1] in info}
    _people_stand_for_their_organisations(contexts, direct, info)
    _assign_counties(store, info, contexts, direct)

    def dated(c_date: dt.date | None, graphs: Iterable[str]) -> dt.date | None:
        if c_date:
            return c_date
        issued = [articles[g]["issued"] for g in graphs if g in articles and articles[g]["issued"]]
        return min(issued) if issued else None

    def in_dates(d: dt.date | None) -> bool:
        if flt.date_from is None and flt.date_to is None:
            return True
        return d is not None and (flt.date_from is None or d >= flt.date_from) and (
            flt.date_to is None or d <= flt.date_to)

    def keep_actor(a: str) -> bool:
        i = info.get(a)
        if i is None:
            return False
        if i["kind"] == "Person":
            return flt.people
        return not flt.sectors or i["sector"] in flt.sectors

    G = nx.Graph(filter=flt.to_query_args())
    edges: dict[tuple[str, str], dict] = {}

    def tie(a: str, b: str, kind: str, ctx_key: str, ctx: dict, graphs: set[str]) -> None:
        e = edges.setdefault((a, b) if a < b else (b, a), {"contexts": {}, "graphs": set()})
        e["contexts"][ctx_key] = ctx | {"kind": kind}
        e["graphs"] |= graphs

    kinds = set(flt.kinds or TIE_KINDS)
    for c in contexts.values():
        if c.kind not in kinds:
            continue
        all_graphs = set().union(*c.actors.values())
        when = dated(c.date, all_graphs)
        if not in_dates(when):
            continue
        if flt.area:
            places = {county_of_code(s) or s for s in c.spatial}
            if not places:
                places = {info[a]["county"] for a in c.actors if a in info and info[a]["county"]}
            if not any(flt.in_area(p) for p in places):
                continue
        members = sorted(a for a in c.actors if keep_actor(a))
        for a in members:
            G.add_node(a)
        ctx = {"iri": c.iri, "label": c.label, "date": c.date.isoformat() if c.date else "",
               "date_text": c.date_text, "dated": when.isoformat() if when else ""}
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                via = sorted(info[c.via[x]]["label"] for x in (a, b) if x in c.via)
                tie(a, b, c.kind, c.iri, ctx | {"via": via}, c.actors[a] | c.actors[b])
    for (a, b, kind), graphs in direct.items():
        if kind not in kinds or a == b or not (keep_actor(a) and keep_actor(b)):
            continue
        when = dated(None, graphs)
        if not in_dates(when):
            continue
        if flt.area and not (flt.in_area(info[a]["county"]) or flt.in_area(info[b]["county"])):
            continue
        G.add_node(a)
        G.add_node(b)
        label = _DIRECT_LABELS[kind].format(a=info[a]["label"], b=info[b]["label"])
        tie(a, b, kind, f"{kind} {a} {b}", {"iri": "", "label": label, "date": "", "date_text": "",
                                           "dated": when.isoformat() if when else "", "via": [],
                                           "subject": a, "object": b}, graphs)

    for (a, b), e in edges.items():
        weight = len(e["contexts"])
        if weight < flt.min_weight:
            continue
        ctxs = sorted(e["contexts"].values(), key=lambda x: (TIE_KINDS.index(x["kind"]), x["iri"], x["label"]))
        arts = sorted({articles[g]["iri"]: {"iri": articles[g]["iri"], "title": articles[g]["title"], "graph": g,
                                            "issued": articles[g]["issued"].isoformat()
                                            if articles[g]["issued"] else ""}
                       for g in e["graphs"] if g in articles}.values(), key=lambda x: x["iri"])
        sa, sb = info[a]["sector"], info[b]["sector"]
        G.add_edge(a, b, weight=weight, kinds=sorted({x["kind"] for x in ctxs}, key=TIE_KINDS.index),
                   contexts=ctxs, articles=arts, cross_sector=bool(sa and sb and sa != sb))
    if flt.min_weight > 1:
        G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    for n in G:
        G.nodes[n].update(iri=n, **info[n])
    return G


def _actor_info(store: Store, actors: list[str]) -> dict[str, dict]:
    """Label, kind, sector and governed territories of each organisation or person."""
    raw: dict[str, dict] = {a: {"labels": [], "types": set(), "sector": "", "governs": set()} for a in actors}
    for batch in _batches(actors):
        for p, prop in _ACTOR_FACTS:
            for row in store.select(_q_actor_fact(batch, prop)):
                _add_fact(raw[str(row["actor"])], p, str(row["o"]))
    out: dict[str, dict] = {}
    for a, r in raw.items():
        types = {local_name(t) for t in r["types"]}
        if "Person" in types:
            kind = "Person"
        elif "Organization" in types:
            esg_kinds = sorted(local_name(t) for t in r["types"] if t.startswith(str(ESG)))
            specific = [k for k in esg_kinds if k not in _GROUP_CLASSES]
            kind = (specific or esg_kinds or ["Organization"])[0]
        else:
            continue  # a place or another thing named as a location: not an actor
        labels = Counter(r["labels"])
        label = min(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0] if labels else local_name(a)
        sector = r["sector"] if r["sector"] in SECTORS else ""
        out[a] = {"label": label, "kind": kind, "sector": sector, "county": "", "layer":
                  "person" if kind == "Person" else "organization", "governs": r["governs"]}
    return out


def _people_stand_for_their_organisations(contexts: Mapping[str, Context],
                                          direct: Mapping[tuple[str, str, str], set[str]],
                                          info: Mapping[str, dict]) -> None:
    """A person who meets, signs or partners does so for the organisations they belong to (``org:memberOf``).

    Articles often name the starosta who signed rather than the county office: the organisation then takes
    part in the context through that person (``via``), with the articles of both facts as evidence.
    """
    belongs: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for (a, b, kind), graphs in direct.items():
        if kind == "member" and info.get(a, {}).get("kind") == "Person" and info.get(b, {}).get("layer") == \
                "organization":
            belongs[a].append((b, graphs))
    for c in contexts.values():
        for person in [a for a in c.actors if a in belongs]:
            for org, graphs in belongs[person]:
                if org not in c.actors:
                    c.actors[org] = c.actors[person] | graphs
                    c.via[org] = person


def _add_fact(r: dict, p: str, o: str) -> None:
    if p == "label":
        r["labels"].append(o)
    elif p == "type":
        r["types"].add(o)
    elif p == "sector":
        r["sector"] = local_name(o)
    elif p == "governs":
        r["governs"].add(o)


def _assign_counties(store: Store, info: dict[str, dict], contexts: dict[str, Context],
                     direct: Mapping[tuple[str, str, str], set[str]]) -> None:
    """Give each actor the county it is most often tied to.

    Votes: each county of a context the actor takes part in, each county (or gmina's county) it governs, and a
    county whose adjective appears in its name. People and actors with no vote take the county of the
    organisations they belong to. Ties in votes go to the smaller code, so the result is stable.
    """
    votes: dict[str, Counter] = {a: Counter() for a in info}
    for c in contexts.values():
        counties = {county_of_code(s) for s in c.spatial} - {None}
        for a in c.actors:
            if a in votes:
                votes[a].update(counties)
    for a, i in info.items():
        votes[a].update({county_of_code(territory_code(t)) for t in i.pop("governs")} - {None})
    stems = _county_stems(store) if info else []
    for a, i in info.items():
        name = i["label"].lower()
        votes[a].update({code for stem, code in stems if stem in name})
    for a, i in info.items():
        if votes[a]:
            i["county"] = min(votes[a].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    for (a, b, kind) in direct:  # a unit or a member with no place of its own sits where its parent sits
        if kind in ("unit", "member") and not info[a]["county"] and info[b]["county"]:
            info[a]["county"] = info[b]["county"]
