"""The /network pages: the filter form, the JSON the map draws, downloads and ego networks."""
from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import networkx as nx
import pytest
from flask.testing import FlaskClient

from tests.graph.network_fixtures import iri
from tests.webapp.network_app import make_app, network_store

KOOWES, FIRMA, COOP = iri("organization/koowes"), iri("organization/firma"), iri("organization/coop")


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return make_app(network_store()).test_client()


def test_page_has_the_form_and_no_inline_script(client: FlaskClient) -> None:
    r = client.get("/network/?area=2611&sector=public&sector=social&people=1&size=betweenness")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert re.search(r'<form[^>]*method="get"', html)
    # the area is a box to type a name in, with every area's name for it to search, not a menu of 397 options
    assert "<option" not in html.split('id="network-filter"', 1)[1].split('name="from"', 1)[0]
    assert re.search(r'id="filter-area-name"[^>]*value="powiat starachowicki"', html)
    assert re.search(r'name="area" id="filter-area" value="2611"', html)
    areas = json.loads(unescape(re.search(r'data-areas="([^"]+)"', html).group(1)))
    assert {"code": "2611", "label": "powiat starachowicki", "in": "województwo świętokrzyskie"} in areas
    assert len([a for a in areas if len(a["code"]) == 4]) > 300
    assert re.search(r'name="sector" value="public"\s+checked', html)
    assert re.search(r'name="sector" value="business"\s+>', html)
    # every script is a file of this site: the Content-Security-Policy allows no inline script
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
    assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert "vendor/sigma/sigma.min.js" in html and "vendor/graphology/" in html and "//cdn" not in html.lower()
    src = re.search(r'id="network-map"[^>]*data-src="([^"]+)"', html).group(1).replace("&amp;", "&")
    url = urlsplit(src)
    assert url.path == "/network/data.json"
    assert parse_qs(url.query) == {"area": ["2611"], "sector": ["public", "social"], "people": ["1"],
                                   "size": ["betweenness"]}
    graphml = re.search(r'href="([^"]+)"[^>]*>GraphML<', html).group(1).replace("&amp;", "&")
    assert graphml.startswith("/network/download/graphml?area=2611")
    for name in ("ties.xlsx", "ties.csv", "metrics.xlsx", "png"):
        assert f"/network/download/{name}?area=2611" in html
    assert "/network/print?area=2611" in html


def test_an_area_may_be_named(client: FlaskClient) -> None:
    named = client.get("/network/data.json?area=powiat+Starachowicki").get_json()
    assert named["filter"] == {"area": "2611"}
    r = client.get("/network/data.json?area=Atlantyda", headers={"Accept": "application/json"})
    assert r.status_code == 400
    # the form sent without its script: the name in the area box wins, an empty box is the whole country
    assert client.get("/network/data.json?area=2604&area_name=starachowicki").get_json()["filter"] == {"area": "2611"}
    assert client.get("/network/data.json?area=2611&area_name=").get_json()["filter"] == {}


def test_data_json(client: FlaskClient) -> None:
    data = client.get("/network/data.json").get_json()
    assert len(data["nodes"]) == 5 and len(data["edges"]) == 7
    node = next(n for n in data["nodes"] if n["iri"] == KOOWES)
    assert node["url"] == "/organization/koowes"
    assert node["label"] == "Konsorcjum Ośrodków Wsparcia Ekonomii Społecznej <b>KOOWES</b>"  # text, not markup
    assert (node["sector"], node["county"], node["degree"]) == ("social", "2611", 4)
    assert (node["kind"], node["county_label"]) == ("ośrodek wsparcia ekonomii społecznej", "powiat starachowicki")
    assert sum(node[f"brokerage_{r}"] for r in ("coordinator", "gatekeeper", "itinerant", "liaison")) == 3
    assert isinstance(node["x"], float) and isinstance(node["y"], float)
    mixing = data["summary"]["mixing"]
    assert (mixing["internal"], mixing["external"]) == (2, 5)
    assert [item["name"] for item in data["legend"]["nodes"]][:3] == ["publiczny", "ekonomia społeczna", "biznes"]
    ids = {n["iri"]: n["id"] for n in data["nodes"]}
    edge = next(e for e in data["edges"] if {e[0], e[1]} == {ids[iri("organization/rops")],
                                                              ids[iri("organization/starostwo")]})
    assert edge[2:] == [2, 0]  # two shared contexts, within one sector
    assert {e["key"] for e in data["explanations"]} == {"ei", "degree", "betweenness", "brokerage"}
    english = client.get("/network/data.json?lang=en").get_json()
    assert next(n for n in english["nodes"] if n["iri"] == KOOWES)["kind"] == "social economy support centre"


def test_node_json_lists_partners_with_what_ties_them(client: FlaskClient) -> None:
    body = client.get("/network/node.json", query_string={"iri": iri("organization/rops"), "lang": "pl"}).get_json()
    assert body["label"] == "Regionalny Ośrodek Polityki Społecznej w Kielcach"
    first = body["partners"][0]
    assert first["label"] == "Starostwo Powiatowe w Starachowicach" and first["weight"] == 2
    assert first["kinds"] == ["spotkanie", "porozumienie"]  # in the order of the network's tie kinds
    assert [a["when"] for a in first["activities"]] == ["17 maja 2018", "17 maja 2018"]
    assert client.get("/network/node.json", query_string={"iri": iri("organization/nowhere")},
                      headers={"Accept": "application/json"}).status_code == 404


@pytest.mark.parametrize("query, nodes, edges", [
    ("people=1", 6, 8),
    ("sector=public", 2, 1),
    ("kind=project", 3, 3),
    ("min_weight=2", 2, 1),
    ("area=2604", 0, 0),
    ("from=2019-01-01", 4, 4),
])
def test_data_json_follows_the_filter(client: FlaskClient, query: str, nodes: int, edges: int) -> None:
    data = client.get(f"/network/data.json?{query}").get_json()
    assert (len(data["nodes"]), len(data["edges"])) == (nodes, edges)


@pytest.mark.parametrize("query", ["area=99x", "sector=church", "min_weight=0", "from=someday"])
def test_bad_filter_is_a_400_with_the_json_error_shape(client: FlaskClient, query: str) -> None:
    r = client.get(f"/network/data.json?{query}", headers={"Accept": "application/json"})
    assert r.status_code == 400
    body = r.get_json()
    assert body["error"]["status"] == 400 and body["error"]["message"]


@pytest.mark.parametrize("fmt, media", [
    ("graphml", "application/graphml+xml"),
    ("gexf", "application/gexf+xml"),
    ("nodes.csv", "text/csv"),
    ("edges.csv", "text/csv"),
    ("svg", "image/svg+xml"),
    ("json", "application/json"),
])
def test_downloads(client: FlaskClient, fmt: str, media: str) -> None:
    r = client.get(f"/network/download/{fmt}?area=2611&kind=project")
    assert r.status_code == 200
    assert r.mimetype == media
    assert r.headers["Content-Disposition"] == f'attachment; filename="esgraf-network-2611.{fmt}"'
    body = r.get_data()
    if fmt == "graphml":
        G = nx.read_graphml(io.BytesIO(body))
        assert set(G) == {KOOWES, FIRMA, COOP}
    elif fmt == "gexf":
        assert len(nx.read_gexf(io.BytesIO(body))) == 3
    elif fmt == "nodes.csv":
        assert {r["iri"] for r in csv.DictReader(io.StringIO(body.decode()))} == {KOOWES, FIRMA, COOP}
    elif fmt == "edges.csv":
        assert len(list(csv.DictReader(io.StringIO(body.decode())))) == 3
    elif fmt == "svg":
        assert body.count(b"<circle ") == 3 + 4  # nodes and the legend's four swatches
    else:
        assert len(r.get_json()["nodes"]) == 3


def test_measures_download_is_a_workbook_with_a_row_per_organisation(client: FlaskClient) -> None:
    from openpyxl import load_workbook

    nodes = client.get("/network/data.json?area=2611").get_json()["nodes"]
    r = client.get("/network/download/metrics.xlsx?area=2611")
    assert r.status_code == 200
    assert r.headers["Content-Disposition"] == 'attachment; filename="esgraf-network-2611.miary.xlsx"'
    wb = load_workbook(io.BytesIO(r.get_data()))
    assert wb.sheetnames == ["miary", "opis"]
    rows = list(wb["miary"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Nazwa", "Rodzaj", "Sektor") and rows[0][-1] == "IRI"
    assert sorted(row[-1] for row in rows[1:]) == sorted(n["iri"] for n in nodes)
    koowes = next(row for row in rows[1:] if row[-1] == KOOWES)
    assert koowes[0] == "Konsorcjum Ośrodków Wsparcia Ekonomii Społecznej <b>KOOWES</b>" and koowes[4] == 4


def test_print_layout_has_the_title_the_area_and_a_legend(client: FlaskClient) -> None:
    r = client.get("/network/print?area=2611")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "<h1>Mapa współpracy — powiat starachowicki</h1>" in html
    assert "<dt>Obszar</dt><dd>powiat starachowicki (TERYT 2611)</dd>" in html
    assert '<img src="/network/download/svg?area=2611"' in html
    legend = re.findall(r'<li><span class="(dot|line)" data-colour="#[0-9A-Fa-f]{6}"></span>([^<]+)</li>',
                        html.split('<ul class="legend">', 1)[1].split("</ul>", 1)[0])
    assert [name for _, name in legend][:3] == ["publiczny", "ekonomia społeczna", "biznes"]
    assert {kind for kind, _ in legend} == {"dot", "line"}


def test_unknown_download_is_404(client: FlaskClient) -> None:
    assert client.get("/network/download/pdf", headers={"Accept": "application/json"}).status_code == 404


def test_ego_json(client: FlaskClient) -> None:
    r = client.get("/network/ego/organization/firma", headers={"Accept": "application/json"})
    assert r.status_code == 200
    data = r.get_json()
    assert data["focus"] == FIRMA
    assert {n["iri"] for n in data["nodes"]} == {FIRMA, KOOWES, COOP}
    assert len(data["edges"]) == 3


def test_ego_of_a_person_shows_people(client: FlaskClient) -> None:
    data = client.get("/network/ego/person/jan-kowalski?format=json").get_json()
    assert {n["iri"] for n in data["nodes"]} == {iri("person/jan-kowalski"), COOP}


def test_ego_of_something_that_is_not_an_actor_is_empty(client: FlaskClient) -> None:
    data = client.get("/network/ego/county/2611?format=json").get_json()
    assert data["nodes"] == [] and data["edges"] == []


@pytest.mark.parametrize("query", ["?format=json", ""])
def test_ego_of_a_path_that_is_no_iri_is_404(client: FlaskClient, query: str) -> None:
    r = client.get(f"/network/ego/organization/x%3E%20%7D{query}", headers={"Accept": "application/json"})
    assert r.status_code == 404 and "not an IRI" in r.get_json()["error"]["message"]
    r = client.get(f"/network/ego/organization/x%3E%20%7D{query}", headers={"Accept": "text/html"})
    assert r.status_code == 404


def test_ego_html_embeds_the_json(client: FlaskClient) -> None:
    r = client.get("/network/ego/organization/firma", headers={"Accept": "text/html"})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    src = re.search(r'id="entity-network"[^>]*data-src="([^"]+)"', html).group(1)
    assert src == "/network/ego/organization/firma?format=json"
    assert "network/map.js" in html and "Firma Budowlana Sp. z o.o." in html


def test_a_write_through_the_app_refreshes_the_map() -> None:
    from graph.settings import Settings

    client = make_app(network_store(), Settings(write_token="secret")).test_client()
    assert len(client.get("/network/data.json").get_json()["nodes"]) == 5
    update = """
        PREFIX org: <http://www.w3.org/ns/org#> PREFIX schema: <https://schema.org/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX esg: <https://w3id.org/esgraf/ontology#>
        INSERT DATA { GRAPH <https://w3id.org/esgraf/graph/article/a1> {
          <https://w3id.org/esgraf/organization/nowa> a org:Organization ; rdfs:label "Fundacja Nowa"@pl ;
            esg:sector <https://w3id.org/esgraf/concept/sector/social> .
          <https://w3id.org/esgraf/event/meeting> a schema:Event ;
            schema:attendee <https://w3id.org/esgraf/organization/nowa> } }"""
    r = client.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer secret"})
    assert r.status_code in (200, 204)
    nodes = client.get("/network/data.json").get_json()["nodes"]
    assert iri("organization/nowa") in {n["iri"] for n in nodes}

