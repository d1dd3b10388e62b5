"""Benchmark of the cooperation network on synthetic stores of 500, 2,000 and 5,000 organisations.

For each size: fill an in-memory store with generated articles (meetings, agreements, projects, founders),
then time building the networkx graph from the store, the metrics, the layout, the map's JSON, and (when
Debian's Chromium and Playwright are there) the first draw of the whole map in the browser by both renderers:
sigma.js (WebGL), which /network uses, and vis-network's canvas, which it used before (bench/vis_map/: the old
drawing script and the JSON it read, served by the same app). Prints a Markdown table.

    python -m bench.bench_network [--sizes 500 2000 5000] [--no-browser] [--pyvis-budget 120]

With --pyvis-budget above 0, the same graph is also drawn the way pyvis draws it (bench/pyvis_baseline.py:
physics in the browser instead of a server-side layout).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import threading
import time
from pathlib import Path

from bench import pyvis_baseline
from graph import network_export as nxp
from graph.build import to_dataset_graphs
from graph.metrics import add_metrics
from graph.model import Article, Entity, Extraction, Relation, Sentence
from graph.network import NetworkFilter, build_network
from graph.store import OxigraphStore, Store, ntriples_term

KINDS = {"public": ["CountyOffice", "MunicipalOffice", "SocialWelfareCentre", "LabourOffice"],
         "social": ["Association", "Foundation", "SocialCooperative", "SocialIntegrationCentre"],
         "business": ["Company", "Bank"]}
COUNTIES = [f"26{n:02d}" for n in range(1, 14)] + ["2661", "2461", "2463", "1261", "1206"]
CHROMIUM = "/usr/bin/chromium"
VIS_MAP = Path(__file__).resolve().parent / "vis_map"
RENDERERS = ("sigma", "vis")


def synthetic_extractions(n_orgs: int, seed: int = 1) -> list[Extraction]:
    """Articles about ``n_orgs`` organisations: about 0.6 meetings, 0.2 agreements and 0.15 projects per
    organisation, each with a few participants drawn mostly from one county, so the network has regions."""
    rng = random.Random(seed)
    orgs = []
    for i in range(n_orgs):
        sector = rng.choices(["public", "social", "business"], [0.4, 0.45, 0.15])[0]
        orgs.append((f"org-{i}", f"Organizacja {i}", rng.choice(KINDS[sector]), sector, rng.choice(COUNTIES)))
    by_county: dict[str, list[tuple]] = {}
    for o in orgs:
        by_county.setdefault(o[4], []).append(o)
    out = []
    n_articles = max(1, int(n_orgs * 0.5))
    for a in range(n_articles):
        county = rng.choice(COUNTIES)
        local = by_county.get(county) or orgs
        ents: dict[str, Entity] = {}
        rels: list[Relation] = []

        def pick(k: int, local: list[tuple] = local, ents: dict[str, Entity] = ents) -> list[tuple]:
            chosen = rng.sample(local, min(k, len(local)))
            if rng.random() < 0.3:  # some partners come from elsewhere
                chosen.append(rng.choice(orgs))
            for o in chosen:
                ents[o[0]] = Entity(key=o[0], type="Organization", name=o[1], kind=o[2], sector=o[3], sentences={0})
            return chosen

        ents["powiat"] = Entity(key="powiat", type="County", name=f"powiat {county}", teryt=county)
        day = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        ents["ev"] = Entity(key=f"ev-{a}", type="Event", name=f"Spotkanie {a}", date=day)
        rels.append(Relation("about", "ev", "powiat", sentence=0))
        for j, o in enumerate(pick(rng.randint(3, 7))):
            rels.append(Relation("organizer" if j == 0 else "attendee", "ev", o[0], sentence=0))
        if rng.random() < 0.4:
            ents["ag"] = Entity(key=f"ag-{a}", type="Agreement", name=f"Porozumienie {a}", date=day)
            rels.append(Relation("about", "ag", "powiat", sentence=0))
            for o in pick(rng.randint(2, 3)):
                rels.append(Relation("signatory", "ag", o[0], sentence=0))
        if rng.random() < 0.3:
            ents["pr"] = Entity(key=f"pr-{a}", type="Project", name=f"Projekt {a}")
            for o in pick(rng.randint(3, 5)):
                rels.append(Relation("partner", "pr", o[0], sentence=0))
        if rng.random() < 0.2:
            x, y = pick(2)[:2] if len(local) > 1 else (orgs[0], orgs[1])
            if x[0] != y[0]:
                rels.append(Relation("founder", x[0], y[0], sentence=0))
        art = Article(f"b{a}", "x", f"b{a}.txt", title=f"Artykuł {a}", published=day)
        out.append(Extraction(art, [Sentence(0, 0, 1, "x")], ents, rels, event="ev"))
    return out


def fill(store: Store, extractions: list[Extraction], batch: int = 200) -> None:
    for i in range(0, len(extractions), batch):
        graphs = to_dataset_graphs(extractions[i:i + batch])
        meta = graphs.pop(next(g for g in graphs if str(g).endswith("/graph/meta")))
        store.replace_graphs({str(g): t for g, t in graphs.items()})
        # the metadata graph is shared by all batches: add to it instead of replacing it
        body = "\n".join(f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} ." for s, p, o in meta)
        store.update(f"INSERT DATA {{ GRAPH <https://w3id.org/esgraf/graph/meta> {{ {body} }} }}")


def timed(fn):
    t = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t


def _add_vis_baseline(app: object) -> None:
    """Serve the map as it was drawn before sigma.js: vis-network with the old drawing script, reading the old
    JSON (every tie with its evidence, ``graph.network_export.vis_data``) built from the app's cached network."""
    from flask import Blueprint, Response, send_from_directory

    from graph.network import NetworkFilter as Filter
    from webapp.network import computed, url_of_entity

    bp = Blueprint("bench_vis_map", __name__, url_prefix="/bench/vis-map")
    cache: dict[str, bytes] = {}

    @bp.get("/")
    def page() -> Response:
        return Response((VIS_MAP / "page.html").read_bytes(), mimetype="text/html")

    @bp.get("/data.json")
    def data() -> Response:
        if "json" not in cache:
            G, summary, pos = computed(Filter())
            cache["json"] = json.dumps(nxp.vis_data(G, pos, url_of_entity) | {"summary": summary},
                                       ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return Response(cache["json"], mimetype="application/json")

    @bp.get("/<path:name>")
    def files(name: str) -> Response:
        return send_from_directory(VIS_MAP, name)

    app.register_blueprint(bp)  # type: ignore[attr-defined]


def first_draw(store: Store, renderers: tuple[str, ...] = RENDERERS) -> dict[str, float | None]:
    """Seconds from the start of loading the whole map in Chromium (server cache warm) to its first frame, per
    renderer; {} without Chromium or Playwright.

    The time is the page's own: the ``esgraf-network-drawn`` performance mark each drawing script sets once the
    first frame is drawn, from the navigation's start (the same clock for both renderers). Waiting from outside
    would add whatever the page does next (the measures table) to the figure.
    """
    if not shutil.which(CHROMIUM):
        return {}
    try:
        from playwright.sync_api import sync_playwright
        from werkzeug.serving import make_server

        from graph.settings import Settings
        from webapp import create_app
    except ImportError:
        return {}
    app = create_app(settings=Settings(), store=store)
    _add_vis_baseline(app)
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{srv.server_port}"
    pages = {"sigma": (f"{origin}/network/", "#network-map[data-drawn='1']"),
             "vis": (f"{origin}/bench/vis-map/", "#entity-network[data-drawn='1']")}
    out: dict[str, float | None] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            for name in renderers:
                url, drawn = pages[name]
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(origin) else r.abort())
                page.goto(url)  # warm the server's cache: the figure is the browser's share
                page.wait_for_selector(drawn, state="attached", timeout=300000)
                page.reload()
                page.wait_for_selector(drawn, state="attached", timeout=300000)
                out[name] = page.evaluate("performance.getEntriesByName('esgraf-network-drawn')[0].startTime") / 1000
                page.close()
            browser.close()
        return out
    finally:
        srv.shutdown()
        thread.join(timeout=10)


def run(size: int, browser: bool, pyvis_budget: float = 120.0) -> dict:
    store = OxigraphStore()
    _, t_fill = timed(lambda: fill(store, synthetic_extractions(size)))
    G, t_build = timed(lambda: build_network(store, NetworkFilter()))
    summary, t_metrics = timed(lambda: add_metrics(G))
    pos, t_layout = timed(lambda: nxp.layout(G))
    _, t_json = timed(lambda: json.dumps(nxp.vis_data(G, pos, lambda i: "/x") | {"summary": summary},
                                         ensure_ascii=False))
    draws = first_draw(store) if browser else {}
    baseline = pyvis_baseline.measure(G, pyvis_budget) if browser and pyvis_budget > 0 else {}
    return {**baseline, "budget": pyvis_budget, "size": size, "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(), "quads": store.count(), "fill": t_fill, "build": t_build,
            "metrics": t_metrics, "exact": summary["betweenness_exact"], "layout": t_layout, "json": t_json,
            "draw": draws.get("sigma"), "draw_vis": draws.get("vis")}


def seconds(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "n/a"


def main() -> None:
    import logging

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request lines between the table's rows
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--pyvis-budget", type=float, default=0.0,
                    help="seconds each pyvis step may take (0, the default: leave the pyvis baseline out)")
    args = ap.parse_args()
    print("| organisations | nodes | ties | quads | build from store (s) | metrics (s) | layout (s) | "
          "map JSON (s) | first draw, sigma.js (s) | first draw, vis-network (s) | pyvis page (s) | "
          "pyvis first draw (s) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        r = run(size, not args.no_browser, args.pyvis_budget)
        exact = "" if r["exact"] else " (sampled betweenness)"

        def base(key: str) -> str:
            if key not in r:
                return "n/a"
            return f"{r[key]:.2f}" if r[key] is not None else f"> {r['budget']:.0f}"

        print(f"| {r['size']:,} | {r['nodes']:,} | {r['edges']:,} | {r['quads']:,} | {r['build']:.2f} | "
              f"{r['metrics']:.2f}{exact} | {r['layout']:.2f} | {r['json']:.2f} | {seconds(r['draw'])} | "
              f"{seconds(r['draw_vis'])} | {base('pyvis_build')} | {base('pyvis_draw')} |", flush=True)


if __name__ == "__main__":
    main()
