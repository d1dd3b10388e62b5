"""The cooperation map in a real browser: Debian's Chromium driven by Playwright, against a local server.

The map (sigma.js, WebGL) must draw with readable labels, follow the filters as they change, find an area and an
organisation by name, highlight a clicked organisation's ties and list its partners, show article names only as
text, fit a phone, fetch nothing from outside 127.0.0.1 and log no console error.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.build import to_dataset_graphs
from graph.model import Article, Entity, Extraction, Relation, Sentence
from tests.graph.network_fixtures import iri
from tests.webapp.network_app import make_app, network_store

pytestmark = pytest.mark.browser

#: a name read from an article that would fetch an outside address and set a flag if it became markup
HOSTILE = 'Fundacja <img src="http://203.0.113.9/x.png" onerror="window.__xss=1">'
#: the policy the site answers with; the map must work under it
CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " \
      "connect-src 'self'; object-src 'none'; base-uri 'self'"


def hostile_extraction() -> Extraction:
    s0 = Sentence(0, 0, 10, "Zdanie.")
    ents = {
        "meeting": Entity(key="meeting", type="Event", name="Spotkanie w Starachowicach", date=dt.date(2018, 5, 17)),
        "fundacja": Entity(key="fundacja-img", type="Organization", name=HOSTILE, kind="Foundation", sector="social",
                           sentences={0}),
    }
    art = Article("a3", "x", "a3.txt", title="Fundacja dołącza", published=dt.date(2018, 5, 20))
    return Extraction(art, [s0], ents, [Relation("attendee", "meeting", "fundacja", sentence=0)])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    from werkzeug.serving import make_server

    store = network_store()
    store.replace_graphs({str(g): t for g, t in to_dataset_graphs([hostile_extraction()]).items()
                          if "/graph/article/" in str(g)})
    app = make_app(store)

    @app.after_request
    def _csp(resp):  # the app factory sets its own policy; this keeps the bare test app as strict
        resp.headers.setdefault("Content-Security-Policy", CSP)
        return resp

    srv = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    thread.join(timeout=10)



class Watched:
    """A page that records console errors and every request it makes."""

    def __init__(self, browser: object, origin: str, **context: object):
        self.origin = origin
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        # nothing may leave the machine: answer any outside request with an error instead of sending it
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin)
                        else route.abort())

    def drawn(self, selector: str = "#network-map") -> int:
        # map.js marks the container once sigma has put the first frame on screen
        self.page.wait_for_selector(f"{selector}[data-drawn='1']", state="attached", timeout=30000)
        return self.page.evaluate(f"""() => {{
            const c = document.querySelector("{selector}");
            const s = window.esgrafMap.instances.find(i => i.container === c);
            return s && s.graph ? s.graph.order : 0; }}""")

    def at(self, iri_end: str, selector: str = "#network-map") -> tuple[float, float]:
        """Where on the page the organisation whose IRI ends with ``iri_end`` is drawn (the map scrolled into view)."""
        self.page.locator(selector).scroll_into_view_if_needed()
        box = self.page.locator(selector).bounding_box()
        at = self.page.evaluate(f"""() => {{
            const c = document.querySelector("{selector}");
            const s = window.esgrafMap.instances.find(i => i.container === c);
            return s.position(s.data.nodes.find(n => n.iri.endsWith("{iri_end}")).iri); }}""")
        return box["x"] + at["x"], box["y"] + at["y"]

    def check_clean(self) -> None:
        outside = [u for u in self.requests if not u.startswith(self.origin)]
        assert outside == []
        assert self.errors == []


@pytest.fixture
def watched(browser: object, server: str) -> Iterator[Watched]:
    w = Watched(browser, server, locale="pl-PL")
    yield w
    w.context.close()


def labels(page) -> list[dict]:
    return page.evaluate("window.esgrafMap.current.labels")


def test_map_draws_every_node_with_readable_labels(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/")
    assert watched.drawn() == 6
    assert watched.page.evaluate("window.esgrafMap.current.graph.size") == 10
    width, height = watched.page.evaluate("[document.querySelector('#network-map').clientWidth, "
                                          "document.querySelector('#network-map').clientHeight]")
    drawn = labels(watched.page)
    # every organisation is named at the default zoom, at 12 px, inside the box, no label over another
    assert len(drawn) == 6
    assert all(x["px"] >= 11 for x in drawn)
    assert all(x["x"] >= 0 and x["y"] >= 0 and x["x"] + x["w"] <= width and x["y"] + x["h"] <= height for x in drawn)
    for i, a in enumerate(drawn):
        for b in drawn[i + 1:]:
            assert a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"] or \
                a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"], (a["text"], b["text"])
    # the measures table lists the same nodes, and sorts by a column on click
    assert watched.page.locator("#network-table tbody tr").count() == 6
    watched.page.click("#network-table button[data-key='label']")
    assert watched.page.get_attribute("#network-table", "data-sort") == "label asc"
    first = watched.page.locator("#network-table tbody tr td:first-child").first.inner_text()
    assert first == "Firma Budowlana Sp. z o.o."
    legend = watched.page.inner_text("#network-legend")
    assert "publiczny" in legend and "powiązanie międzysektorowe" in legend  # the app speaks Polish first
    assert watched.page.inner_text("#network-mixing").startswith("6 węzłów, 10 powiązań")
    watched.check_clean()


def test_filters_apply_as_they_change(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/")
    assert watched.drawn() == 6
    assert not watched.page.locator("#network-filter button[type=submit]").is_visible()  # no separate button
    watched.page.evaluate("document.querySelector('#network-map').removeAttribute('data-drawn')")
    watched.page.check("input[name=sector][value=public]")
    assert watched.drawn() == 2
    assert "sector=public" in watched.page.url  # the address keeps the view
    assert "sector=public" in watched.page.get_attribute("a:text('GraphML')", "href")
    watched.check_clean()


def test_area_box_finds_a_county_by_name(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/")
    assert watched.drawn() == 6
    watched.page.evaluate("document.querySelector('#network-map').removeAttribute('data-drawn')")
    watched.page.fill("#filter-area-name", "starach")
    option = watched.page.locator("#filter-area-list button[data-code='2611']")
    assert "powiat starachowicki" in option.inner_text() and "świętokrzyskie" in option.inner_text()
    assert watched.page.locator("#filter-area-list button").count() <= 10
    option.click()
    watched.drawn()
    assert "area=2611" in watched.page.url
    assert watched.page.inner_text("h1") == "Mapa współpracy: powiat starachowicki"
    watched.check_clean()


def test_clicking_a_node_highlights_its_ties_and_lists_its_partners(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/")
    assert watched.drawn() == 6
    x, y = watched.at("/organization/rops")
    watched.page.mouse.click(x, y)
    watched.page.wait_for_selector("#network-map[data-selected$='/organization/rops']")
    colours = watched.page.evaluate("""() => {
        const s = window.esgrafMap.current, rops = s.byIri.get(s.data.nodes.find(n => n.iri.endsWith('/rops')).iri);
        return s.graph.edges().map(e => [s.graph.hasExtremity(e, rops), s.renderer.getEdgeDisplayData(e).color]); }""")
    assert {c for mine, c in colours if mine} <= {"#1d2327", "#D55E00"} and any(mine for mine, _ in colours)
    assert {c for mine, c in colours if not mine} == {"#f0f1f2"}  # the other ties fade
    panel = watched.page.locator("[data-panel-for='network-map']")
    panel.locator("h3").wait_for()
    assert panel.locator("h3").inner_text() == "Regionalny Ośrodek Polityki Społecznej w Kielcach"
    text = panel.inner_text()
    assert "Starostwo Powiatowe w Starachowicach" in text and "Konsorcjum Ośrodków Wsparcia" in text
    assert "porozumienie: Porozumienie o partnerstwie (17 maja 2018)" in text  # what ties them, and when
    assert "Projekt Razem ruszył" in text  # the articles
    # choosing a partner in the panel moves the selection to it
    panel.locator("button.panel-pick", has_text="Starostwo Powiatowe").first.click()
    watched.page.wait_for_selector("#network-map[data-selected$='/organization/starostwo']")
    watched.check_clean()


def test_search_box_in_the_map_selects_an_organisation(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/")
    assert watched.drawn() == 6
    watched.page.fill(".map-search input", "spoldzielnia")  # no diacritics needed
    watched.page.locator(".map-search-results button", has_text="Spółdzielnia Socjalna Razem").click()
    watched.page.wait_for_selector("#network-map[data-selected$='/organization/coop']")
    watched.check_clean()


def test_names_from_articles_stay_text(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/")
    watched.drawn()
    x, y = watched.at("/organization/fundacja-img")
    watched.page.mouse.move(x - 3, y - 3)
    watched.page.mouse.move(x, y)
    tip = watched.page.locator("#network-map .network-tip")
    tip.wait_for(state="visible", timeout=10000)
    assert HOSTILE in tip.inner_text()
    assert "fundacja" in tip.inner_text()  # the kind in Polish, not "Foundation"
    assert tip.locator("img").count() == 0
    assert watched.page.locator("#network-table img").count() == 0
    assert watched.page.evaluate("window.__xss") is None
    watched.check_clean()


def test_entity_page_network_highlights_the_entity_and_has_a_legend(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/organization/firma")
    assert watched.drawn("#entity-network") == 3
    assert watched.page.locator("#entity-network canvas").count() >= 1
    focus = watched.page.evaluate("""() => { const s = window.esgrafMap.current;
        return [s.data.nodes.find(n => s.byIri.get(n.iri) === s.focus).iri,
                s.renderer.getNodeDisplayData(s.focus).type]; }""")
    assert focus == [iri("organization/firma"), "ring"]
    legend = watched.page.inner_text("#entity-network-legend")
    assert "biznes" in legend and "ta strona" in legend
    watched.check_clean()


def test_county_page_draws_the_county_map(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/county/2611")
    assert watched.drawn("#area-network") == 6  # the network above less the project, plus the meeting added here
    watched.check_clean()


def test_map_page_fits_a_phone(browser: object, server: str) -> None:
    w = Watched(browser, server, locale="pl-PL", viewport={"width": 375, "height": 740}, has_touch=True)
    try:
        w.page.goto(f"{server}/network/")
        assert w.drawn() == 6
        assert w.page.evaluate("document.documentElement.scrollWidth") <= 375
        box = w.page.locator("#network-map").bounding_box()
        assert box["width"] <= 375 and box["height"] >= 280
        w.check_clean()
    finally:
        w.context.close()


def test_standalone_html_file_draws_offline(browser: object, tmp_path: Path) -> None:
    import json

    from webapp.standalone import standalone_html
    from graph.metrics import add_metrics
    from graph.network import build_network
    from graph.network_export import layout
    from tests.graph.network_fixtures import store_with
    from webapp.network_data import map_payload

    G = build_network(store_with())
    payload = map_payload(G, layout(G), add_metrics(G), "pl", "https://w3id.org/esgraf/", lambda i: None, {})
    page_file = tmp_path / "map.html"
    page_file.write_text(standalone_html(json.dumps(payload), "esgraf <test>"), encoding="utf-8")
    w = Watched(browser, "file://")
    try:
        w.page.goto(page_file.as_uri())
        assert w.drawn() == 5
        assert w.page.title() == "esgraf <test>"
        w.check_clean()
    finally:
        w.context.close()
