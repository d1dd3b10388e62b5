"""The cooperation map in a real browser: Debian's Chromium driven by Playwright, against a local server.

The map must draw, follow the filter form, open an entity's page on click, show article names only as text,
fetch nothing from outside 127.0.0.1 and log no console error.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.build import to_dataset_graphs
from graph.model import Article, Entity, Extraction, Relation, Sentence
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

    def __init__(self, browser: object, origin: str):
        self.origin = origin
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        # nothing may leave the machine: answer any outside request with an error instead of sending it
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin)
                        else route.abort())

    def drawn(self) -> int:
        # embed.js marks the container once vis-network has drawn the first frame
        self.page.wait_for_selector("[data-drawn='1']", state="attached", timeout=30000)
        return self.page.evaluate("window.esgrafNetwork.current.network.body.data.nodes.length")

    def check_clean(self) -> None:
        outside = [u for u in self.requests if not u.startswith(self.origin)]
        assert outside == []
        assert self.errors == []


@pytest.fixture
def watched(browser: object, server: str) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.page.close()


def test_map_draws_every_node(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/")
    assert watched.drawn() == 6
    assert watched.page.evaluate("window.esgrafNetwork.current.network.body.data.edges.length") == 10
    # the side table lists the same nodes, and sorts by a column on click
    assert watched.page.locator("#network-table tbody tr").count() == 6
    watched.page.click("#network-table button[data-key='label']")
    assert watched.page.get_attribute("#network-table", "data-sort") == "label asc"
    first = watched.page.locator("#network-table tbody tr td:first-child").first.inner_text()
    assert first == "Firma Budowlana Sp. z o.o."
    legend = watched.page.inner_text("#network-legend")
    assert "publiczny" in legend and "powiązanie międzysektorowe" in legend  # the app speaks Polish first
    watched.check_clean()


def test_filter_form_changes_the_map(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/")
    assert watched.drawn() == 6
    watched.page.check("input[name=sector][value=public]")
    with watched.page.expect_navigation():
        watched.page.click("#network-filter button[type=submit]")
    assert "sector=public" in watched.page.url
    assert watched.drawn() == 2
    watched.check_clean()


def test_clicking_a_node_opens_its_page(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/?kind=agreement")
    assert watched.drawn() == 2
    box = watched.page.locator("#network-map").bounding_box()
    at = watched.page.evaluate("""() => {
        const s = window.esgrafNetwork.current;
        const id = s.data.nodes.find(n => n.url.endsWith('/organization/starostwo')).id;
        return s.network.canvasToDOM(s.network.getPosition(id));
    }""")
    with watched.page.expect_navigation():
        watched.page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    assert watched.page.url == f"{server}/organization/starostwo"


def test_names_from_articles_stay_text(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/")
    watched.drawn()
    box = watched.page.locator("#network-map").bounding_box()
    at = watched.page.evaluate("""() => {
        const s = window.esgrafNetwork.current;
        const id = s.data.nodes.find(n => n.url.endsWith('/organization/fundacja-img')).id;
        return s.network.canvasToDOM(s.network.getPosition(id));
    }""")
    watched.page.mouse.move(box["x"] + at["x"], box["y"] + at["y"])
    tip = watched.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=10000)
    assert HOSTILE in tip.inner_text()
    assert tip.locator("img").count() == 0
    assert watched.page.locator("#network-table img").count() == 0
    assert watched.page.evaluate("window.__xss") is None
    watched.check_clean()


def test_ego_network_embed(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/ego/organization/firma")
    assert watched.drawn() == 3
    watched.check_clean()


def test_entity_page_shows_its_network(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/organization/firma")
    assert watched.drawn() == 3
    assert watched.page.locator("#entity-network canvas").count() == 1
    watched.check_clean()


def test_entity_page_of_a_place_stays_without_a_map(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/county/2611")
    watched.page.wait_for_load_state("networkidle")
    assert any("/network/ego/county/2611" in u for u in watched.requests)  # asked, and nothing to draw
    assert watched.page.locator("#entity-network canvas").count() == 0
    watched.check_clean()



def test_standalone_html_file_draws_offline(browser: object, tmp_path: Path) -> None:
    from esgraf.commands.network import standalone_html
    from graph.metrics import add_metrics
    from graph.network import build_network
    from graph.network_export import to_json
    from tests.graph.network_fixtures import store_with

    G = build_network(store_with())
    page_file = tmp_path / "map.html"
    page_file.write_text(standalone_html(to_json(G, add_metrics(G)), "esgraf <test>"), encoding="utf-8")
    w = Watched(browser, "file://")
    try:
        w.page.goto(page_file.as_uri())
        assert w.drawn() == 5
        assert w.page.title() == "esgraf <test>"
        w.check_clean()
    finally:
        w.page.close()


def test_tie_tooltip_shows_its_evidence(watched: Watched, server: str) -> None:
    watched.page.goto(f"{server}/network/?kind=agreement")
    assert watched.drawn() == 2
    box = watched.page.locator("#network-map").bounding_box()
    mid = watched.page.evaluate("""() => {
        const s = window.esgrafNetwork.current;
        const e = s.data.edges[0];
        const a = s.network.canvasToDOM(s.network.getPosition(e.from));
        const b = s.network.canvasToDOM(s.network.getPosition(e.to));
        return {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
    }""")
    watched.page.mouse.move(box["x"] + mid["x"] - 3, box["y"] + mid["y"] - 3)
    watched.page.mouse.move(box["x"] + mid["x"], box["y"] + mid["y"])
    tip = watched.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=10000)
    text = tip.inner_text()
    assert "porozumienie: Porozumienie o partnerstwie (2018-05-17)" in text
    assert "Spotkanie w Starachowicach" in text and "Projekt Razem ruszył" in text  # both articles
    watched.check_clean()
