"""Names that look like markup, read from an article by the real extractor, shown in Chromium: on entity pages,
in search results, in the cooperation map's tooltips and in the query editor's results. None of them may run:
no dialog opens, the flag an ``onerror`` payload would set stays unset, no image is made of them, and the console
stays clean (a payload the escaping missed would at least trip the Content-Security-Policy there)."""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote, urlparse

import pytest

from graph.store import OxigraphStore
from graph.vocab import SKOS
from tests.webapp.conftest import make_settings
from tests.webapp.test_security import HOSTILE_NAMES, load_hostile_article
from tests.webapp.test_server import serve_in_thread
from webapp import create_app

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """The app under waitress on a store holding the hostile article; and each hostile name's page path."""
    folder = tmp_path_factory.mktemp("hostile")
    store = OxigraphStore()
    load_hostile_article(store, folder)
    paths = {}
    for row in store.select(f"SELECT ?s ?label WHERE {{ ?s <{SKOS.prefLabel}> ?label }}"):
        if str(row["label"]) in HOSTILE_NAMES:
            paths[str(row["label"])] = "/" + str(row["s"]).split("/esgraf/", 1)[1]
    assert set(paths) == set(HOSTILE_NAMES)
    app = create_app(make_settings(data_dir=str(folder)), store)
    url, stop = serve_in_thread(app)
    yield url, paths
    stop()


class Watched:
    """A page that records dialogs, console errors and requests leaving 127.0.0.1.

    With ``csp`` False the browser ignores the Content-Security-Policy, so what is checked is the escaping
    itself: a payload it missed would run and be seen, not just be blocked.
    """

    def __init__(self, browser: object, csp: bool):
        self.csp = csp
        self.context = browser.new_context(locale="pl-PL", bypass_csp=not csp)
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.context.route("**/*", self._guard)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _guard(self, route: object) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check_clean(self) -> None:
        assert self.page.evaluate("typeof window.esgrafXss") == "undefined"
        assert self.page.locator("img[src=x], img[src=y]").count() == 0
        assert self.page.locator("script:not([src])").count() == 0
        assert self.dialogs == [], f"a script from a name ran: {self.dialogs}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.outside == [], f"requests left 127.0.0.1: {self.outside}"


@pytest.fixture(params=["csp", "no-csp"])
def watched(browser: object, request: pytest.FixtureRequest) -> Iterator[Watched]:
    w = Watched(browser, csp=request.param == "csp")
    yield w
    w.context.close()


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_entity_page_shows_the_name_as_text(watched: Watched, site, name: str) -> None:
    url, paths = site
    watched.page.goto(url + paths[name])
    assert watched.page.locator("h1").inner_text() == name
    watched.page.wait_for_load_state("networkidle")  # the page's own map is fetched and drawn
    watched.check_clean()


@pytest.mark.parametrize("words", ["onerror", "script", "alert"])
def test_search_results_show_the_names_as_text(watched: Watched, site, words: str) -> None:
    url, _ = site
    watched.page.goto(f"{url}/search?q={quote(words)}")
    shown = " ".join(watched.page.locator("main").all_inner_texts())
    expected = [n for n in HOSTILE_NAMES if words.lower() in n.lower()]
    assert expected and all(n in shown for n in expected)
    watched.check_clean()


def test_network_tooltips_show_the_names_as_text(watched: Watched, site) -> None:
    url, _ = site
    watched.page.goto(f"{url}/network/")
    watched.page.wait_for_selector("#network-map[data-drawn='1'] canvas")
    labels = watched.page.evaluate("window.esgrafMap.current.data.nodes.map(n => n.label)")
    on_map = [n for n in HOSTILE_NAMES if n in labels]
    assert on_map, labels
    watched.page.locator("#network-map").scroll_into_view_if_needed()  # a node low on the map is under the fold
    box = watched.page.locator("#network-map").bounding_box()
    tip = watched.page.locator("#network-map .network-tip")
    for name in on_map:
        at = watched.page.evaluate("""(name) => {
            const s = window.esgrafMap.current;
            return s.position(s.data.nodes.find(n => n.label === name).iri);
        }""", name)
        watched.page.mouse.move(0, 0)
        watched.page.mouse.move(box["x"] + at["x"], box["y"] + at["y"])
        watched.page.wait_for_function("(name) => { const t = document.querySelector('#network-map .network-tip');"
                                       " return t && t.innerText.includes(name); }", arg=name, timeout=10000)
        assert tip.locator("img, script").count() == 0
    assert watched.page.locator("#network-table img").count() == 0
    assert all(n in watched.page.inner_text("#network-table") for n in on_map)
    watched.check_clean()


def test_query_results_show_the_names_as_text(watched: Watched, site) -> None:
    url, _ = site
    watched.page.goto(f"{url}/query")
    watched.page.wait_for_selector(".CodeMirror")
    query = (f"SELECT ?label WHERE {{ ?s <{SKOS.prefLabel}> ?label "
             "FILTER(CONTAINS(?label, '<') || CONTAINS(?label, 'DROP')) } ORDER BY ?label")
    watched.page.evaluate("(q) => window.esgrafYasgui.getTab().getYasqe().setValue(q)", query)
    watched.page.evaluate("window.esgrafYasgui.getTab().getYasqe().query()")
    watched.page.wait_for_selector(".yasr table tbody tr")
    rows = " ".join(watched.page.locator(".yasr table tbody tr").all_inner_texts())
    for name in HOSTILE_NAMES:
        assert name in rows
    assert watched.page.locator(".yasr img, .yasr script").count() == 0
    if watched.csp:
        # YASR passes each value through DOMPurify for sorting and filtering; DOMPurify parses it in an inert
        # document, where Chromium reports the handler it finds as blocked by the policy. Without the policy
        # (the other run of this test) nothing runs and nothing is reported, so these reports are all it is.
        blocked = "Executing inline event handler violates the following Content Security Policy"
        assert all(e.startswith(blocked) for e in watched.errors), watched.errors
        watched.errors.clear()
    watched.check_clean()


def test_the_article_page_shows_the_text_as_text(watched: Watched, site) -> None:
    url, _ = site
    watched.page.goto(f"{url}/article/nazwy")
    text = watched.page.locator("main").inner_text()
    assert all(part in text for part in ('"}; DROP ALL </script>', "<img src=y onerror=window.esgrafXss=1>"))
    watched.check_clean()

