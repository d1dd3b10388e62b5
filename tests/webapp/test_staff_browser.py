"""The path a regional centre's staff member takes, in Debian's Chromium on the sample corpus: the home page, their
county in one click, its map and who cooperates with whom there, a click on an organisation, the downloads; and
every Polish page they meet speaks Polish, with dates and names as people write them."""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.settings import DATA_DIR
from esgraf.pipeline import load_paths
from graph.settings import Settings
from graph.ontology import ontology_graph
from graph.store import OxigraphStore
from graph.vocab import RDF
from tests.webapp.test_network_browser import Watched
from tests.webapp.test_server import serve_in_thread
from webapp import create_app

pytestmark = pytest.mark.browser

#: what must not show on a Polish page: a date as stored, an id of a sentence, statement or article
RAW = [re.compile(p) for p in (r"--\d\d-\d\d", r"\bst?\d+\b", r"\b\d{3}-[0-9a-f]{12,}\b")]
ENGLISH = ["nothing is known about", "founded", "Class", "Organization", "unknown sector", "tie across sectors"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = OxigraphStore()
    load_paths(store, [DATA_DIR / "articles"], settings=Settings())
    app = create_app(Settings(), store)
    url, stop = serve_in_thread(app)
    yield url
    stop()
    app.extensions["esgraf"].runner.close()


@pytest.fixture
def watched(browser: object, site: str) -> Iterator[Watched]:
    w = Watched(browser, site, locale="pl-PL", accept_downloads=True)
    yield w
    w.context.close()


def english_class_names() -> set[str]:
    from rdflib.namespace import OWL

    g = ontology_graph()
    # "Bank" and "Role" are Polish words too ("Role pośrednika": brokerage roles)
    return {str(c).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for c in g.subjects(RDF.type, OWL.Class)} - {"Bank", "Role"}


def test_home_to_the_county_in_one_click_and_who_cooperates_there(watched: Watched, site: str) -> None:
    page = watched.page
    page.goto(site + "/")
    page.get_by_role("link", name="powiat starachowicki").first.click()
    page.wait_for_url(f"{site}/county/2611")
    assert page.locator("h1").inner_text() == "powiat starachowicki"
    # the county's map, with every organisation the page lists as active there and on the map
    on_map = watched.drawn("#area-network")
    listed = page.locator("#organisations-table tbody tr:not(.muted)").count()
    assert on_map == listed > 0
    assert page.get_attribute("a.full-map", "href") == "/network/?area=2611"
    # who with whom: one row per pair of organisations, with how and when they are tied
    rows = page.locator("#ties-table tbody tr")
    assert rows.count() == page.evaluate("window.esgrafMap.current.graph.size")
    first = rows.first.inner_text()
    assert "publiczny" in first and ("spotkanie" in first or "porozumienie" in first)
    assert page.locator("#ties-table a[href^='/organization/']").count() >= 2 * rows.count()
    # sorting by "when" puts the dated ties first
    page.locator("#ties-table th button", has_text="Kiedy").click()
    assert page.get_attribute("#ties-table", "data-sorted") == "6 asc"
    # click an organisation on the map: its ties stand out and its partners are listed beside it
    x, y = watched.at("/organization/rops-swietokrzyskie", "#area-network")
    page.mouse.click(x, y)
    page.wait_for_selector("#area-network[data-selected$='/organization/rops-swietokrzyskie']")
    faded = page.evaluate("""() => { const s = window.esgrafMap.current;
        const me = s.byIri.get(s.data.nodes.find(n => n.iri.endsWith('/rops-swietokrzyskie')).iri);
        return s.graph.edges().filter(e => !s.graph.hasExtremity(e, me))
                .every(e => s.renderer.getEdgeDisplayData(e).color === '#f0f1f2'); }""")
    assert faded
    panel = page.locator("[data-panel-for='area-network']")
    panel.locator("ol.panel-partners li").first.wait_for()
    partners = page.evaluate("""() => { const s = window.esgrafMap.current;
        const me = s.byIri.get(s.data.nodes.find(n => n.iri.endsWith('/rops-swietokrzyskie')).iri);
        return s.graph.neighbors(me).length; }""")
    assert partners > 0 and panel.locator("ol.panel-partners > li").count() == partners
    assert "Starostwo Powiatowe w Starachowicach" in panel.inner_text()
    watched.check_clean()


def test_downloads_open_with_the_expected_rows_and_size(watched: Watched, site: str) -> None:
    from openpyxl import load_workbook
    from PIL import Image

    page = watched.page
    page.goto(f"{site}/county/2611")
    watched.drawn("#area-network")
    ties = page.locator("#ties-table tbody tr").count()
    with page.expect_download() as info:
        page.locator("a", has_text="powiązania (XLSX)").first.click()
    assert info.value.suggested_filename == "esgraf-network-2611.powiazania.xlsx"
    wb = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("Organizacja", "Sektor organizacji", "Partner") and len(rows) == 1 + ties
    with page.expect_download() as info:
        page.locator("a", has_text="PNG").first.click()
    img = Image.open(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert img.format == "PNG" and img.size == (1600, 1200)
    with page.expect_download() as info:
        page.locator("a", has_text="powiązania (CSV)").first.click()
    body = Path(info.value.path()).read_bytes()
    assert body.startswith(b"\xef\xbb\xbfOrganizacja;")
    watched.check_clean()


def visible_problems(text: str, classes: set[str]) -> list[str]:
    found = [m.group() for rx in RAW for m in rx.finditer(text)]
    found += [w for w in ENGLISH if re.search(rf"\b{re.escape(w)}\b", text)]
    found += [c for c in classes if re.search(rf"\b{c}\b", text)]
    return found


def test_polish_pages_speak_polish_with_dates_and_names_as_people_write_them(watched: Watched, site: str) -> None:
    page = watched.page
    classes = english_class_names()
    page.goto(f"{site}/county/2611")
    watched.drawn("#area-network")
    links = page.eval_on_selector_all(
        "main a[href^='/event/'], main a[href^='/agreement/'], main a[href^='/organization/'], "
        "main a[href^='/partnership/'], main a[href^='/article/'], main a[href^='/person/']",
        "links => [...new Set(links.map(a => a.getAttribute('href')))]")
    pages = ["/", "/county/2611", "/voivodeship/26", "/network/?area=2611", "/counties", "/search?q=powiat",
             "/organization/nowhere"] + sorted(links)[:40]
    problems = {}
    for path in pages:
        page.goto(site + path)
        if page.locator(".esgraf-map[data-src]:not([data-quiet])").count():
            page.wait_for_selector(".esgraf-map[data-drawn='1']", state="attached", timeout=30000)
        # the text a reader sees, less the identifiers shown as code on purpose (an entity's IRI)
        text = page.evaluate("""() => { const b = document.body.cloneNode(true);
            b.querySelectorAll('code').forEach(c => c.remove()); document.documentElement.appendChild(b);
            const t = b.innerText; b.remove(); return t; }""")
        found = visible_problems(text, classes)
        if found:
            problems[path] = found
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
    page.goto(f"{site}/organization/nowhere")
    assert page.locator("h1").inner_text().startswith("Nie znaleziono")
    page.goto(f"{site}/event/000-48bf010c9a210a90")
    assert page.locator("h1").inner_text() == "Spotkanie — Starostwo Powiatowe w Starachowicach, 17 maja"
    # the English switch gives English pages
    page.goto(f"{site}/county/2611?lang=en")
    watched.drawn("#area-network")
    text = page.locator("main").inner_text()
    assert "Who cooperates with whom" in text and "Kto z kim" not in text
    kinds = set(page.locator("#ties-table .tie-kind").all_inner_texts())
    assert kinds and kinds <= {"meeting", "agreement", "partnership", "project", "unit", "founder"}
    assert "public" in page.inner_text("#area-network-legend")
    watched.errors = [e for e in watched.errors if "404" not in e]  # the page that is not there, on purpose
    watched.check_clean()
