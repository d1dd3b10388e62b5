"""The cooperation network of the sample corpus (data/articles), as the extractor reads it today.

The starachowicki articles report a meeting of the regional centre (ROPS), the support centre (KOOWES) and the
county office, an agreement the starosta signed for the county with ROPS, and the social cooperative
"Starachowiczanka" founded by the county and the town: together one cooperating cluster in county 2611.
"""
from __future__ import annotations


import networkx as nx
import pytest

from esgraf.pipeline import load_paths
from graph.settings import DATA_DIR, Settings
from graph.iri import MINT
from graph.metrics import add_metrics
from graph.network import NetworkFilter, build_network
from graph.store import OxigraphStore

ARTICLES = DATA_DIR / "articles"
ROPS = MINT.entity("Organization", "rops-swietokrzyskie")
KOOWES = MINT.entity("Organization", "kielecko-ostrowiecki-osrodek-wsparcia-ekonomii-spolecznej")
STAROSTWO = MINT.entity("Organization", "starostwo-powiatowe-w-starachowicach")
POWIAT = MINT.entity("Organization", "powiat-starachowicki")
MIASTO = MINT.entity("Organization", "miasto-starachowice")
COOP = MINT.entity("Organization", "ss-starachowiczanka")


@pytest.fixture(scope="module")
def corpus() -> OxigraphStore:
    store = OxigraphStore()
    report = load_paths(store, [ARTICLES], settings=Settings())
    assert report.ok and report.articles == 5
    return store


def test_the_starachowicki_cluster(corpus: OxigraphStore) -> None:
    G = build_network(corpus, NetworkFilter(area="2611"))
    cluster = {str(x) for x in (ROPS, KOOWES, STAROSTWO, POWIAT, MIASTO, COOP)}
    assert cluster <= set(G)
    assert cluster <= nx.node_connected_component(G, str(ROPS))
    assert {G.nodes[str(n)]["county"] for n in (STAROSTWO, POWIAT, MIASTO, COOP)} == {"2611"}
    assert G.nodes[str(KOOWES)]["county"] == "2607"  # most of its meetings are elsewhere; it came for this one
    assert (G.nodes[str(KOOWES)]["sector"], G.nodes[str(COOP)]["sector"], G.nodes[str(ROPS)]["sector"]) == (
        "social", "social", "public")


def test_ties_and_their_evidence(corpus: OxigraphStore) -> None:
    G = build_network(corpus)
    meeting = MINT.article("000-48bf010c9a210a90")
    for a, b in [(ROPS, KOOWES), (ROPS, STAROSTWO), (KOOWES, STAROSTWO)]:
        e = G.edges[str(a), str(b)]
        assert "event" in e["kinds"]
        assert str(meeting) in {x["iri"] for x in e["articles"]}
    # the agreement: initiated by ROPS, signed by the starosta for the county
    e = G.edges[str(ROPS), str(POWIAT)]
    agreement = [c for c in e["contexts"] if c["kind"] == "agreement"]
    assert len(agreement) == 1 and agreement[0]["via"] == ["Dariusz Dąbrowski"]
    assert e["cross_sector"] is False
    # the cooperative's founders
    assert G.edges[str(COOP), str(POWIAT)]["kinds"] == ["founder"]
    assert G.edges[str(COOP), str(MIASTO)]["kinds"] == ["founder"]
    assert G.edges[str(COOP), str(MIASTO)]["cross_sector"] is True


def test_metrics_of_the_county(corpus: OxigraphStore) -> None:
    G = build_network(corpus, NetworkFilter(area="2611"))
    summary = add_metrics(G)
    mixing = summary["mixing"]
    assert mixing["ties"] == mixing["internal"] + mixing["external"] > 0
    assert -1.0 <= mixing["ei"] <= 1.0
    # the cooperative joins its two founders, who are not otherwise tied: it brokers between sectors
    assert not G.has_edge(str(POWIAT), str(MIASTO))
    assert G.nodes[str(COOP)]["brokerage_itinerant"] >= 1


@pytest.mark.parametrize("actor", [ROPS, KOOWES, POWIAT, COOP])
def test_ego_network_agrees_with_the_whole(corpus: OxigraphStore, actor: str) -> None:
    # the same partners with the same weights; ties among the partners are those of the actor's own contexts
    whole = build_network(corpus)
    ego = nx.ego_graph(build_network(corpus, focus=str(actor)), str(actor))
    assert set(ego) == set(nx.ego_graph(whole, str(actor)))
    assert {n: ego.edges[str(actor), n]["weight"] for n in ego[str(actor)]} == {
        n: whole.edges[str(actor), n]["weight"] for n in whole[str(actor)]}
    assert {frozenset(e) for e in ego.edges()} <= {frozenset(e) for e in whole.edges()}
