"""The baseline for esgraf's map: the same network drawn the way pyvis draws it.

pyvis builds its page from networkx (``Network.from_nx``) and lets vis-network's physics place the nodes in the
browser; esgraf lays the graph out once on the server and draws with physics off. This module times pyvis's
two costs on the very graph esgraf draws: building the page in Python, and the browser's stabilisation until
pyvis's loading bar reaches 100%. Both are bounded: a run that passes its time budget is reported as such.
"""
from __future__ import annotations

import multiprocessing as mp
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _plain(G: nx.Graph) -> nx.Graph:
    """Only what pyvis needs: string ids, a label, a weight."""
    H = nx.Graph()
    for n, d in G.nodes(data=True):
        H.add_node(str(n), label=str(d.get("label") or n))
    for a, b, d in G.edges(data=True):
        H.add_edge(str(a), str(b), weight=float(d.get("weight", 1)))
    return H


def _build(G: nx.Graph, out: str, queue: mp.Queue) -> None:
    from pyvis.network import Network

    t = time.perf_counter()
    net = Network(height="900px", width="100%", cdn_resources="in_line")  # vis-network inlined, as offline needs
    net.from_nx(G)
    Path(out).write_text(net.generate_html(), encoding="utf-8")
    queue.put(time.perf_counter() - t)


def build_page(G: nx.Graph, out: Path, budget: float = 300.0) -> float | None:
    """Seconds pyvis takes to turn ``G`` into its HTML page at ``out``, or None past ``budget`` seconds."""
    queue: mp.Queue = mp.get_context("fork").Queue()
    proc = mp.get_context("fork").Process(target=_build, args=(_plain(G), str(out), queue))
    proc.start()
    proc.join(budget)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    return queue.get() if not queue.empty() else None


def first_draw(page: Path, budget: float = 300.0) -> float | None:
    """Seconds from opening pyvis's page until its physics has stabilised (loading bar at 100%), or None."""
    if not shutil.which(CHROMIUM):
        return None
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            pg = browser.new_page(viewport={"width": 1400, "height": 900})
            # the page also links Bootstrap from a CDN: refused here, as on an offline machine
            pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            t = time.perf_counter()
            pg.goto(page.as_uri(), wait_until="commit", timeout=budget * 1000)  # stabilising blocks "load"
            done = ("() => { const t = document.getElementById('text');"
                    " return typeof network !== 'undefined' && (!t || t.innerHTML === '100%'); }")
            try:
                pg.wait_for_function(done, timeout=budget * 1000, polling=100)
            except PlaywrightTimeout:
                return None
            return time.perf_counter() - t
        finally:
            browser.close()


def measure(G: nx.Graph, budget: float = 300.0) -> dict[str, float | None]:
    """pyvis's page-building and first-draw seconds for ``G`` (None where the budget ran out)."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "pyvis.html"
        build = build_page(G, page, budget)
        draw = first_draw(page, budget) if build is not None else None
    return {"pyvis_build": build, "pyvis_draw": draw}
