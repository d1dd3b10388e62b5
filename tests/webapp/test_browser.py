"""The app in a real browser: Playwright driving Debian's Chromium against the app under waitress.

Every request the pages make is recorded; anything not addressed to 127.0.0.1 is blocked and fails the test,
as does any console error.
"""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from graph.store import OxigraphStore
from tests.webapp.conftest import fill, make_settings
from tests.webapp.test_server import serve_in_thread
from webapp import create_app

pytestmark = pytest.mark.browser

EXAMPLE = "# title: Osoby i ich funkcje\nPREFIX org: <http://www.w3.org/ns/org#>\n" \
          "SELECT ?person ?org WHERE { ?person org:memberOf ?org }\n"



@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("data")
    (data / "queries").mkdir()
    (data / "queries" / "01-roles.rq").write_text(EXAMPLE, encoding="utf-8")
    app = create_app(make_settings(data_dir=str(data)), fill(OxigraphStore()))
    url, stop = serve_in_thread(app)
    yield url
    stop()


@pytest.fixture
def page(browser, site) -> Iterator[object]:
    context = browser.new_context(locale="pl-PL")
    outside: list[str] = []
    errors: list[str] = []

    def guard(route) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"console errors: {errors}"


def test_query_in_yasgui(page, site):
    page.goto(f"{site}/query")
    page.wait_for_selector(".CodeMirror")
    tabs = page.locator(".tabPanel, [role=tab]").all_inner_texts()
    assert any("Osoby i ich funkcje" in t for t in tabs)
    assert "PREFIX esg: <https://w3id.org/esgraf/ontology#>" in page.evaluate(
        "window.esgrafYasgui.getTab().getYasqe().getValue()")
    page.click(".CodeMirror")
    page.keyboard.press("Control+A")
    page.keyboard.type("SELECT ?name WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector(".yasr table tbody tr")
    rows = page.locator(".yasr table tbody tr").all_inner_texts()
    assert len(rows) == 2
    assert "Dariusz Dąbrowski" in rows[0] and "Piotr Babiarz" in rows[1]


def test_autocompletion_asks_nobody_outside(page, site):
    page.goto(f"{site}/query")
    page.wait_for_selector(".CodeMirror")
    page.click(".CodeMirror")
    page.keyboard.press("Control+A")
    page.keyboard.type("PREFIX fo")
    page.keyboard.press("Control+Space")  # prefixes: from YASGUI's own list
    page.keyboard.press("Escape")
    page.keyboard.press("Control+A")
    page.keyboard.type("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT * WHERE { ?s foaf:na")
    page.keyboard.press("Control+Space")  # properties and classes: would ask Linked Open Vocabularies
    page.keyboard.type("me ?o } LIMIT 1")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector(".yasr table tbody tr")
    # the page fixture fails the test if any request left 127.0.0.1


def test_example_tab_runs(page, site):
    page.goto(f"{site}/query")
    page.wait_for_selector(".CodeMirror")
    page.get_by_text("Osoby i ich funkcje").first.click()
    page.wait_for_function("window.esgrafYasgui.getTab().getYasqe().getValue().includes('org:memberOf')")
    page.evaluate("window.esgrafYasgui.getTab().getYasqe().query()")
    page.wait_for_selector(".yasr table tbody tr")
    text = " ".join(page.locator(".yasr table tbody tr").all_inner_texts())
    assert "piotr-babiarz" in text and "dariusz-dabrowski" in text


def test_entity_page_and_link(page, site):
    page.goto(f"{site}/person/piotr-babiarz")
    assert page.locator("h1").inner_text() == "Piotr Babiarz"
    assert "starosta starachowicki" in page.locator("main").inner_text()
    page.get_by_role("link", name="Starostwo Powiatowe w Starachowicach").first.click()
    page.wait_for_url(f"{site}/organization/starostwo-powiatowe-w-starachowicach")
    assert page.locator("h1").inner_text() == "Starostwo Powiatowe w Starachowicach"
    page.wait_for_selector("#entity-network[data-drawn='1'] canvas")  # its cooperation map is drawn


def test_search_lands_on_the_person(page, site):
    page.goto(site + "/")
    box = page.locator("main form.search input[name=q]")
    box.fill("Dąbrowskiego")
    box.press("Enter")
    page.wait_for_url(f"{site}/person/dariusz-dabrowski")
    assert page.locator("h1").inner_text() == "Dariusz Dąbrowski"


def test_hostile_label_does_not_run(page, site):
    page.goto(f"{site}/organization/hostile")
    assert page.locator("h1").inner_text() == "<img src=x onerror=alert(1)>"
    assert page.locator("main img").count() == 0


def test_english_switch_and_phone_width(page, site):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(site + "/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**lang=en")
    assert page.locator("h2").first.inner_text() == "The graph in numbers"
    # nothing wider than the phone's screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_query_page_says_when_rows_were_cut(browser, tmp_path):
    app = create_app(make_settings(max_rows=1, data_dir=str(tmp_path)), fill(OxigraphStore()))
    url, stop = serve_in_thread(app)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{url}/query")
        page.wait_for_selector(".CodeMirror")
        page.evaluate("window.esgrafYasgui.getTab().getYasqe().setValue('SELECT * WHERE { ?s ?p ?o }')")
        page.evaluate("window.esgrafYasgui.getTab().getYasqe().query()")
        page.wait_for_selector("#truncated-note:not([hidden])")
        assert page.locator("#truncated-note").inner_text() == "Wynik obcięto do pierwszych 1 wierszy."
        assert page.locator(".yasr table tbody tr").count() == 1
    finally:
        context.close()
        stop()


def test_query_results_open_this_servers_pages(page, site):
    page.goto(f"{site}/query")
    page.wait_for_selector(".CodeMirror")
    page.evaluate("window.esgrafYasgui.getTab().getYasqe().setValue("
                  "'SELECT ?p WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> } ORDER BY ?p')")
    page.evaluate("window.esgrafYasgui.getTab().getYasqe().query()")
    page.wait_for_selector(".yasr table tbody tr a")
    hrefs = page.eval_on_selector_all(".yasr table tbody a", "links => links.map(a => a.href)")
    assert hrefs == [f"{site}/person/dariusz-dabrowski", f"{site}/person/piotr-babiarz"]
    page.locator(".yasr table tbody a").first.click()
    page.wait_for_url(f"{site}/person/dariusz-dabrowski")
