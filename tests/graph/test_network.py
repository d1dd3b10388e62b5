"""The cooperation network: building it from the store, its filters, metrics with hand-worked answers, exports."""
from __future__ import annotations

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graph import metrics
from graph.build import to_dataset_graphs
from graph.iri import MINT, territory_code
from graph.metrics import add_metrics, betweenness, brokerage, communities, ei_index, sector_mixing
from graph.model import Article, Entity, Extraction, Relation, Sentence
from graph.network import NetworkFilter, build_network
from graph.network_export import edges_csv, layout, nodes_csv, to_gexf, to_graphml, to_svg, vis_data
from graph.store import Store
from graph.teryt import load_register, teryt_triples
from tests.graph.network_fixtures import extractions, iri, store_with

ROPS, KOOWES, STAROSTWO = iri("organization/rops"), iri("organization/koowes"), iri("organization/starostwo")
COOP, FIRMA, PREZES = iri("organization/coop"), iri("organization/firma"), iri("person/jan-kowalski")


def fill(store: Store) -> Store:
    graphs = to_dataset_graphs(extractions())
    store.replace_graphs({str(g): t for g, t in graphs.items()})
    return store


def pairs(G: nx.Graph) -> set[frozenset]:
    return {frozenset((a, b)) for a, b in G.edges()}


# ---------------------------------------------------------------------------------------------- building

def test_build_gives_the_expected_ties_with_evidence(store: Store) -> None:
    G = build_network(fill(store), NetworkFilter(people=True))
    assert pairs(G) == {frozenset(p) for p in [
        (ROPS, KOOWES), (ROPS, STAROSTWO), (KOOWES, STAROSTWO),  # the meeting (+ the agreement)
        (COOP, KOOWES), (COOP, FIRMA), (KOOWES, FIRMA),  # the project
        (COOP, STAROSTWO),  # the starostwo founded the cooperative
        (PREZES, COOP),  # the president is a member of the cooperative
    ]}
    e = G.edges[ROPS, STAROSTWO]
    assert e["weight"] == 2
    assert e["kinds"] == ["event", "agreement"]
    assert [c["iri"] for c in e["contexts"]] == [iri("event/meeting"), iri("agreement/umowa")]
    assert [c["date"] for c in e["contexts"]] == ["2018-05-17", "2018-05-17"]
    # the starostwo signed in a1 only; ROPS in both articles: the tie is read from both
    assert [(a["iri"], a["title"]) for a in e["articles"]] == [
        (iri("article/a1"), "Spotkanie w Starachowicach"), (iri("article/a2"), "Projekt Razem ruszył")]
    assert e["cross_sector"] is False
    e = G.edges[KOOWES, FIRMA]
    assert (e["weight"], e["kinds"], e["cross_sector"]) == (1, ["project"], True)
    assert [a["title"] for a in e["articles"]] == ["Projekt Razem ruszył"]
    e = G.edges[COOP, STAROSTWO]
    assert e["kinds"] == ["founder"]
    assert e["contexts"][0]["label"] == "Starostwo Powiatowe w Starachowicach founded Spółdzielnia Socjalna Razem"


def test_node_attributes(store: Store) -> None:
    G = build_network(fill(store), NetworkFilter(people=True))
    got = {n: (d["label"], d["kind"], d["sector"], d["county"], d["layer"]) for n, d in G.nodes(data=True)}
    assert got == {
        ROPS: ("Regionalny Ośrodek Polityki Społecznej w Kielcach", "RegionalSocialPolicyCentre", "public", "2611",
               "organization"),
        KOOWES: ("Konsorcjum Ośrodków Wsparcia Ekonomii Społecznej <b>KOOWES</b>", "SocialEconomySupportCentre",
                 "social", "2611", "organization"),
        STAROSTWO: ("Starostwo Powiatowe w Starachowicach", "CountyOffice", "public", "2611", "organization"),
        COOP: ("Spółdzielnia Socjalna Razem", "SocialCooperative", "social", "", "organization"),
        FIRMA: ("Firma Budowlana Sp. z o.o.", "Company", "business", "", "organization"),
        PREZES: ("Jan Kowalski", "Person", "", "", "person"),
    }


def test_county_comes_from_a_county_named_in_the_label() -> None:
    store = store_with()
    mint = MINT
    store.replace_graphs({str(mint.teryt_graph): teryt_triples(load_register(), mint)})
    x = extractions()[1]
    x.entities["firma"].name = "Starachowickie Centrum Usług"
    store.replace_graphs({str(g): t for g, t in to_dataset_graphs([x]).items() if "article" in str(g)})
    G = build_network(store)
    assert G.nodes[FIRMA]["county"] == "2611"


def test_a_person_stands_for_their_organisation() -> None:
    # the starosta signs for the county office: the office is tied to the other signatory through him
    s0 = Sentence(0, 0, 10, "Zdanie.")
    ents = {
        "rops": Entity(key="rops", type="Organization", name="ROPS", kind="RegionalSocialPolicyCentre",
                       sector="public"),
        "fundacja": Entity(key="fundacja", type="Organization", name="Fundacja Razem", kind="Foundation",
                           sector="social"),
        "starosta": Entity(key="jan-nowak", type="Person", name="Jan Nowak"),
        "umowa": Entity(key="umowa-2", type="Agreement", name="Porozumienie", date=dt.date(2019, 1, 1)),
    }
    rels = [Relation("role", "starosta", "fundacja", role="prezes", sentence=0),
            Relation("signatory", "umowa", "rops", sentence=0),
            Relation("signatory", "umowa", "starosta", sentence=0)]
    x = Extraction(Article("a9", "x", "a9.txt", title="Umowa"), [s0], ents, rels)
    G = build_network(store_with([x]))
    assert pairs(G) == {frozenset((ROPS, iri("organization/fundacja")))}
    ctx = G.edges[ROPS, iri("organization/fundacja")]["contexts"]
    assert [(c["kind"], c["via"]) for c in ctx] == [("agreement", ["Jan Nowak"])]
    # the foundation's own ego network finds the agreement through its member
    G = build_network(store_with([x]), focus=iri("organization/fundacja"))
    assert pairs(G) == {frozenset((ROPS, iri("organization/fundacja")))}
    G = build_network(store_with([x]), focus=ROPS)
    assert pairs(G) == {frozenset((ROPS, iri("organization/fundacja")))}
    G = build_network(store_with([x]), NetworkFilter(people=True))
    assert G.has_edge(ROPS, iri("person/jan-nowak")) and G.has_edge(iri("person/jan-nowak"), iri(
        "organization/fundacja"))


def test_partnership_and_unit_ties() -> None:
    s0 = Sentence(0, 0, 10, "Zdanie.")
    ents = {
        "p": Entity(key="partnerstwo", type="Partnership", name="Partnerstwo lokalne"),
        "powiat": Entity(key="powiat", type="County", name="powiat starachowicki", teryt="2611"),
        "rops": Entity(key="rops", type="Organization", name="ROPS", kind="RegionalSocialPolicyCentre",
                       sector="public"),
        "coop": Entity(key="coop", type="Organization", name="Spółdzielnia", kind="SocialCooperative",
                       sector="social"),
        "firma": Entity(key="firma", type="Organization", name="Firma", kind="Company", sector="business"),
        "dzial": Entity(key="dzial", type="Organization", name="Dział", kind="GovernmentDepartment",
                        sector="public"),
    }
    rels = [Relation("lead_partner", "p", "rops", sentence=0), Relation("partner", "p", "coop", sentence=0),
            Relation("initiator", "p", "firma", sentence=0), Relation("about", "p", "powiat", sentence=0),
            Relation("suborganization", "dzial", "rops", sentence=0)]
    x = Extraction(Article("a8", "x", "a8.txt", title="Partnerstwo"), [s0], ents, rels)
    G = build_network(store_with([x]))
    assert pairs(G) == {frozenset(p) for p in [(ROPS, COOP), (ROPS, FIRMA), (COOP, FIRMA),
                                               (iri("organization/dzial"), ROPS)]}
    assert G.edges[ROPS, COOP]["kinds"] == ["partnership"]
    assert G.edges[ROPS, iri("organization/dzial")]["kinds"] == ["unit"]
    assert G.edges[ROPS, iri("organization/dzial")]["contexts"][0]["label"] == "Dział is a unit of ROPS"
    # the partnership is in county 2611; the department sits where its parent sits
    assert {G.nodes[n]["county"] for n in G} == {"2611"}
    assert pairs(build_network(store_with([x]), NetworkFilter(kinds=("unit",)))) == {
        frozenset((iri("organization/dzial"), ROPS))}


def test_people_are_off_by_default() -> None:
    G = build_network(store_with())
    assert PREZES not in G
    assert len(G) == 5


@pytest.mark.parametrize("flt, expected", [
    (NetworkFilter(area="2611"), {(ROPS, KOOWES), (ROPS, STAROSTWO), (KOOWES, STAROSTWO), (COOP, KOOWES),
                                  (COOP, FIRMA), (KOOWES, FIRMA), (COOP, STAROSTWO)}),
    (NetworkFilter(area="26"), {(ROPS, KOOWES), (ROPS, STAROSTWO), (KOOWES, STAROSTWO), (COOP, KOOWES),
                                (COOP, FIRMA), (KOOWES, FIRMA), (COOP, STAROSTWO)}),
    (NetworkFilter(area="2604"), set()),
    (NetworkFilter(area="12"), set()),
    # the meeting and the agreement are of 2018; the project and the founding are read from an article of 2019
    (NetworkFilter(date_from=dt.date(2019, 1, 1)), {(COOP, KOOWES), (COOP, FIRMA), (KOOWES, FIRMA),
                                                    (COOP, STAROSTWO)}),
    (NetworkFilter(date_to=dt.date(2018, 12, 31)), {(ROPS, KOOWES), (ROPS, STAROSTWO), (KOOWES, STAROSTWO)}),
    (NetworkFilter(sectors=("public",)), {(ROPS, STAROSTWO)}),
    (NetworkFilter(sectors=("social", "business")), {(COOP, KOOWES), (COOP, FIRMA), (KOOWES, FIRMA)}),
    (NetworkFilter(kinds=("agreement",)), {(ROPS, STAROSTWO)}),
    (NetworkFilter(kinds=("founder", "member"), people=True), {(COOP, STAROSTWO), (PREZES, COOP)}),
    (NetworkFilter(min_weight=2), {(ROPS, STAROSTWO)}),
])
def test_filters(flt: NetworkFilter, expected: set) -> None:
    G = build_network(store_with(), flt)
    assert pairs(G) == {frozenset(p) for p in expected}
    if flt.min_weight > 1:
        assert set(G) == {ROPS, STAROSTWO}


def test_focus_reads_one_actors_ties_only() -> None:
    G = build_network(store_with(), focus=FIRMA)
    assert pairs(G) == {frozenset(p) for p in [(COOP, KOOWES), (COOP, FIRMA), (KOOWES, FIRMA)]}


@pytest.mark.parametrize("focus", ["https://w3id.org/esgraf/x> } DROP ALL #", "no-scheme", "https://a b",
                                   "https://w3id.org/esgraf/<x>"])
def test_focus_must_be_a_plain_iri(focus: str) -> None:
    with pytest.raises(ValueError, match="not an IRI"):
        build_network(store_with(), focus=focus)


@pytest.mark.parametrize("args, expected", [
    ({}, NetworkFilter()),
    ({"area": "2611"}, NetworkFilter(area="2611")),
    ({"county": "2611"}, NetworkFilter(area="2611")),
    ({"voivodeship": "26"}, NetworkFilter(area="26")),
    ({"from": "2018", "to": "2019"}, NetworkFilter(date_from=dt.date(2018, 1, 1), date_to=dt.date(2019, 12, 31))),
    ({"from": "2018-05-01"}, NetworkFilter(date_from=dt.date(2018, 5, 1))),
    ({"sector": ["social", "public"]}, NetworkFilter(sectors=("public", "social"))),
    ({"sector": "public,business"}, NetworkFilter(sectors=("public", "business"))),
    ({"kind": ["event", "unit"], "min_weight": "3", "people": "on"},
     NetworkFilter(kinds=("event", "unit"), min_weight=3, people=True)),
    ({"area": "", "from": "", "sector": []}, NetworkFilter()),
])
def test_filter_from_query_args(args: dict, expected: NetworkFilter) -> None:
    flt = NetworkFilter.from_query_args(args)
    assert flt == expected
    assert NetworkFilter.from_query_args(flt.to_query_args()) == flt


def test_filter_round_trips_through_a_query_string() -> None:
    from urllib.parse import parse_qs, urlencode

    flt = NetworkFilter(area="2611", date_from=dt.date(2018, 1, 1), sectors=("public", "social"),
                        kinds=("event",), min_weight=2, people=True)
    qs = urlencode(flt.to_query_args(), doseq=True)
    assert NetworkFilter.from_query_args(parse_qs(qs)) == flt


@pytest.mark.parametrize("args, message", [
    ({"area": "261"}, "area"),
    ({"area": "abcd"}, "area"),
    ({"sector": "church"}, "sector"),
    ({"kind": "friendship"}, "tie kind"),
    ({"min_weight": "0"}, "min_weight"),
    ({"min_weight": "two"}, "min_weight"),
    ({"from": "yesterday"}, "from"),
    ({"from": "2020-01-01", "to": "2019-01-01"}, "after"),
])
def test_bad_filters_say_what_is_wrong(args: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        NetworkFilter.from_query_args(args)


@pytest.mark.parametrize("iri_, code", [
    ("https://w3id.org/esgraf/county/2611", "2611"),
    ("https://w3id.org/esgraf/gmina/2611011", "2611011"),
    ("https://w3id.org/esgraf/voivodeship/26", "26"),
    ("https://w3id.org/esgraf/organization/2611", None),
])
def test_territory_code(iri_: str, code: str | None) -> None:
    assert territory_code(iri_) == code


# ---------------------------------------------------------------------------------------------- metrics

def graph_of(sectors: dict[str, str | None], edges: list[tuple[str, str]]) -> nx.Graph:
    G = nx.Graph()
    for n, s in sectors.items():
        G.add_node(n, sector=s or "")
    G.add_edges_from(edges)
    return G


def test_ei_index_worked_by_hand() -> None:
    # three public (p1-p3), two social (s1, s2): internal p1-p2, p2-p3, s1-s2; external p1-s1, p3-s2
    G = graph_of({"p1": "public", "p2": "public", "p3": "public", "s1": "social", "s2": "social"},
                 [("p1", "p2"), ("p2", "p3"), ("s1", "s2"), ("p1", "s1"), ("p3", "s2")])
    m = sector_mixing(G)
    assert (m["internal"], m["external"], m["ties"]) == (3, 2, 5)
    assert m["ei"] == pytest.approx((2 - 3) / 5)  # -0.2
    assert m["cross_share"] == pytest.approx(0.4)
    assert m["per_sector"]["public"] == {"internal": 2, "external": 2, "ei": 0.0}
    assert m["per_sector"]["social"]["ei"] == pytest.approx((2 - 1) / 3)
    assert m["table"] == [{"a": "public", "b": "public", "ties": 2, "share": 0.4},
                          {"a": "public", "b": "social", "ties": 2, "share": 0.4},
                          {"a": "social", "b": "social", "ties": 1, "share": 0.2}]
    assert m["matrix"]["social"]["public"] == m["matrix"]["public"]["social"] == 2


@pytest.mark.parametrize("e, i, expected", [(0, 4, -1.0), (4, 0, 1.0), (3, 1, 0.5), (0, 0, None)])
def test_ei_index_bounds(e: int, i: int, expected: float | None) -> None:
    assert ei_index(e, i) == expected


def test_mixing_leaves_out_ties_of_unknown_sector() -> None:
    G = graph_of({"a": "public", "b": "social", "x": None}, [("a", "b"), ("a", "x")])
    m = sector_mixing(G)
    assert (m["ties"], m["unknown_ties"], m["ei"]) == (1, 1, 1.0)


ROLE_CASES = [
    # (sectors of a, b, c), path a-b-c, the role b gets
    (("public", "public", "public"), {"coordinator": 1}),
    (("public", "social", "public"), {"itinerant": 1}),
    (("public", "public", "social"), {"gatekeeper": 1, "representative": 1}),
    (("social", "public", "public"), {"gatekeeper": 1, "representative": 1}),
    (("public", "social", "business"), {"liaison": 1}),
]


@pytest.mark.parametrize("groups, roles", ROLE_CASES)
def test_brokerage_role_on_an_open_path(groups: tuple[str, str, str], roles: dict[str, int]) -> None:
    G = graph_of(dict(zip("abc", groups)), [("a", "b"), ("b", "c")])
    got = brokerage(G)["b"]
    assert {r: got[r] for r in metrics.ROLES} == {r: roles.get(r, 0) for r in metrics.ROLES}
    assert got["total"] == 1
    assert brokerage(G)["a"]["total"] == brokerage(G)["c"]["total"] == 0


def test_brokerage_needs_an_open_path() -> None:
    G = graph_of({"a": "public", "b": "social", "c": "business"}, [("a", "b"), ("b", "c"), ("a", "c")])
    assert all(v["total"] == 0 for v in brokerage(G).values())


def test_brokerage_on_a_four_node_star() -> None:
    # b (public) joins a, c (public) and d (social): a-c coordinates, a-d and c-d cross with b on a's side
    G = graph_of({"a": "public", "b": "public", "c": "public", "d": "social"}, [("b", "a"), ("b", "c"), ("b", "d")])
    got = brokerage(G)["b"]
    assert got == {"coordinator": 1, "gatekeeper": 2, "representative": 2, "itinerant": 0, "liaison": 0,
                   "total": 3}


def test_brokerage_skips_ends_without_a_sector() -> None:
    G = graph_of({"a": "public", "b": "public", "p": None}, [("a", "b"), ("b", "p")])
    assert brokerage(G)["b"]["total"] == 0


def test_betweenness_exact() -> None:
    path = nx.path_graph(["a", "b", "c"])
    bc, exact = betweenness(path)
    assert exact and bc == {"a": 0.0, "b": 1.0, "c": 0.0}
    star = nx.star_graph(4)  # centre 0 lies on all 6 shortest paths between the leaves
    bc, _ = betweenness(star)
    assert bc[0] == 1.0 and bc[1] == 0.0


def test_betweenness_is_sampled_above_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    G = nx.path_graph(8)
    exact_values, _ = betweenness(G)
    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS_WORK", 10)
    monkeypatch.setattr(metrics, "MIN_PIVOTS", 4)
    bc, exact = betweenness(G)
    assert not exact
    assert bc == betweenness(G)[0]  # the sample is seeded
    assert bc != exact_values
    monkeypatch.setattr(metrics, "MIN_PIVOTS", 8)  # a sample of every node is the exact value
    bc, exact = betweenness(G)
    assert exact and bc == pytest.approx(exact_values)


def test_communities_are_stable() -> None:
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    got = communities(G)
    assert got == communities(G)
    assert got["a"] == got["b"] == got["c"] != got["x"] == got["y"] == got["z"]


def test_add_metrics_on_the_built_network() -> None:
    G = build_network(store_with())
    summary = add_metrics(G)
    assert (summary["nodes"], summary["edges"], summary["components"]) == (5, 7, 1)
    # ties: public-public 1 (ROPS-starostwo), public-social 3, social-social 1, social-business 2
    assert (summary["mixing"]["internal"], summary["mixing"]["external"]) == (2, 5)
    assert summary["mixing"]["ei"] == pytest.approx(3 / 7)
    d = G.nodes[KOOWES]
    assert (d["degree"], d["weighted_degree"]) == (4, 4)
    assert G.nodes[ROPS]["weighted_degree"] == 3  # one tie of weight 1, one of weight 2
    # KOOWES brokers ROPS-coop and starostwo-firma... : paths through it with non-adjacent ends
    assert d["brokerage_total"] == 3
    assert d["betweenness"] > G.nodes[ROPS]["betweenness"] == 0.0


# ---------------------------------------------------------------------------------------------- exports

@pytest.fixture(scope="module")
def built() -> tuple[nx.Graph, dict]:
    G = build_network(store_with(), NetworkFilter(people=True))
    add_metrics(G)
    return G, layout(G)


def test_layout_is_reproducible(built: tuple[nx.Graph, dict]) -> None:
    G, pos = built
    assert layout(G) == pos
    assert set(pos) == set(G)
    assert all(-1.0 <= c <= 1.0 for p in pos.values() for c in p)


def test_components_are_packed_not_scattered() -> None:
    # a triangle and a lone pair: neither may be pushed into a corner by the other
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    pos = layout(G)
    assert pos == layout(G)
    xs_main = [pos[v][0] for v in "abc"]
    ys_main = [pos[v][1] for v in "abc"]
    spread = max(max(xs_main) - min(xs_main), max(ys_main) - min(ys_main))
    assert spread > 0.5  # the biggest component fills a good part of the picture
    assert all(-1.0 <= c <= 1.0 for p in pos.values() for c in p)
    # the pair is beside the triangle, not on it
    assert min(abs(pos["x"][0] - x) + abs(pos["x"][1] - y) for x, y in (pos[v] for v in "abc")) > 0.1


def test_big_networks_are_laid_out_by_community(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph import network_export

    monkeypatch.setattr(network_export, "DIRECT_LAYOUT_MAX", 3)
    G = nx.Graph()
    for group in ("a", "b", "c"):  # three cliques of five joined in a ring by single ties
        G.add_edges_from((f"{group}{i}", f"{group}{j}") for i in range(5) for j in range(i + 1, 5))
    G.add_edges_from([("a0", "b0"), ("b1", "c1"), ("c2", "a2")])
    pos = layout(G)
    assert pos == layout(G) and set(pos) == set(G)
    assert all(-1.0 <= c <= 1.0 for p in pos.values() for c in p)

    def centre(g: str) -> tuple[float, float]:
        pts = [pos[f"{g}{i}"] for i in range(5)]
        return sum(p[0] for p in pts) / 5, sum(p[1] for p in pts) / 5

    def dist(p: tuple[float, float], q: tuple[float, float]) -> float:
        return ((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2) ** 0.5

    spread = max(dist(pos[f"{g}{i}"], centre(g)) for g in "abc" for i in range(5))
    assert min(dist(centre(x), centre(y)) for x, y in (("a", "b"), ("b", "c"), ("a", "c"))) > spread


def test_graphml_reads_back(built: tuple[nx.Graph, dict]) -> None:
    G, _ = built
    H = nx.read_graphml(io.BytesIO(to_graphml(G)))
    assert set(H) == set(G) and pairs(H) == pairs(G)
    assert H.nodes[KOOWES]["sector"] == "social"
    assert H.edges[ROPS, STAROSTWO]["weight"] == 2
    assert H.edges[ROPS, STAROSTWO]["kinds"] == "event;agreement"


def test_gexf_reads_back(built: tuple[nx.Graph, dict]) -> None:
    G, _ = built
    H = nx.read_gexf(io.BytesIO(to_gexf(G)))
    assert set(H) == set(G) and len(H.edges) == len(G.edges)
    assert "viz" in H.nodes[ROPS]


def test_csv(built: tuple[nx.Graph, dict]) -> None:
    G, _ = built
    nodes = list(csv.DictReader(io.StringIO(nodes_csv(G))))
    edges = list(csv.DictReader(io.StringIO(edges_csv(G))))
    assert len(nodes) == 6 and len(edges) == 8
    row = next(r for r in nodes if r["iri"] == KOOWES)
    assert (row["sector"], row["degree"], row["brokerage_total"]) == ("social", "4", "3")
    row = next(r for r in edges if {r["source"], r["target"]} == {ROPS, STAROSTWO})
    assert (row["weight"], row["kinds"], row["cross_sector"]) == ("2", "event;agreement", "False")
    assert "Spotkanie w Starachowicach <https://w3id.org/esgraf/article/a1>" in row["articles"]


def test_svg_is_well_formed_and_escapes_names(built: tuple[nx.Graph, dict]) -> None:
    G, pos = built
    svg = to_svg(G, pos)
    assert "<b>KOOWES" not in svg and "&lt;b&gt;KOOWES" in svg
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}g[@class='nodes']/{ns}circle")) == len(G)
    lines = root.findall(f"{ns}g[@class='edges']/{ns}line")
    assert len(lines) == G.number_of_edges()
    assert sum(1 for ln in lines if ln.get("stroke-dasharray")) == sum(
        1 for *_, d in G.edges(data=True) if d["cross_sector"])


def test_vis_data(built: tuple[nx.Graph, dict]) -> None:
    G, pos = built
    data = vis_data(G, pos, url_of=lambda i: "/" + MINT.local(i))
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 8
    by_iri = {n["iri"]: n for n in data["nodes"]}
    assert by_iri[KOOWES]["url"] == "/organization/koowes"
    assert by_iri[PREZES]["shape"] == "diamond"
    ids = {n["id"]: n["iri"] for n in data["nodes"]}
    cross = {frozenset((ids[e["from"]], ids[e["to"]])) for e in data["edges"] if e["dashes"]}
    assert frozenset((KOOWES, FIRMA)) in cross and frozenset((ROPS, STAROSTWO)) not in cross
