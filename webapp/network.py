"""Cooperation maps: the ``/network`` page, its JSON data, downloads, and ego networks for entity pages.

The filter lives in the query string, so a view can be shared as a link. The page holds no data and no inline
script: ``static/network/network.js`` fetches ``/network/data.json`` with the same query string and draws the
laid-out network with the vendored vis-network (physics off; positions come from the server).
"""
from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlencode

import networkx as nx
from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from graph import network_export as nxp
from graph.metrics import add_metrics
from graph.network import SECTORS, TIE_KINDS, NetworkFilter, build_network, is_plain_iri
from graph.store import Store
from graph.vocab import sparql_prefixes
from webapp.errors import WebError
from webapp.i18n import current_lang
from webapp.state import state

bp = Blueprint("network", __name__, url_prefix="/network")

#: downloads: name -> (media type, file suffix)
DOWNLOADS = {
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "nodes.csv": ("text/csv; charset=utf-8", "nodes.csv"),
    "edges.csv": ("text/csv; charset=utf-8", "edges.csv"),
    "svg": ("image/svg+xml", "svg"),
    "json": ("application/json", "json"),
}
SIZE_BY = ("degree", "betweenness", "weighted_degree")
CACHE_SIZE = 16  # networks and their JSON, a few filters' worth
STAMP_SECONDS = 10.0

STRINGS = {
    "pl": {"title": "Mapa współpracy", "area": "Obszar", "all": "cała Polska", "whole": "całe województwo",
           "from": "Od", "to": "Do", "sectors": "Sektory", "kinds": "Rodzaje powiązań", "min_weight": "Min. waga",
           "people": "Pokaż osoby", "size_by": "Wielkość węzła", "show": "Pokaż", "reset": "Wyczyść",
           "download": "Pobierz", "metrics": "Miary węzłów", "mixing": "Współpraca międzysektorowa",
           "loading": "Wczytywanie mapy…", "ego": "Sieć współpracy", "help":
           "Kliknij węzeł, aby otworzyć stronę podmiotu. Linie przerywane łączą różne sektory.",
           "public": "publiczny", "social": "ekonomia społeczna", "business": "biznes",
           "event": "spotkanie", "agreement": "porozumienie", "project": "projekt", "partnership": "partnerstwo",
           "unit": "jednostka", "founder": "założyciel", "member": "członek (osoba)",
           "nodes": "węzły", "edges": "powiązania", "degree": "stopień", "betweenness": "pośrednictwo", "weighted_degree": "stopień ważony"},
    "en": {"title": "Cooperation map", "area": "Area", "all": "all of Poland", "whole": "whole voivodeship",
           "from": "From", "to": "To", "sectors": "Sectors", "kinds": "Tie kinds", "min_weight": "Min. weight",
           "people": "Show people", "size_by": "Node size", "show": "Show", "reset": "Clear",
           "download": "Download", "metrics": "Node metrics", "mixing": "Cross-sector cooperation",
           "loading": "Loading the map…", "ego": "Cooperation network", "help":
           "Click a node to open its page. Dashed lines join different sectors.",
           "public": "public", "social": "social economy", "business": "business",
           "event": "meeting", "agreement": "agreement", "project": "project", "partnership": "partnership",
           "unit": "unit", "founder": "founder", "member": "member (person)",
           "nodes": "nodes", "edges": "edges", "degree": "degree", "betweenness": "betweenness", "weighted_degree": "weighted degree"},
}


class _Cache:
    """A small LRU of computed networks and their JSON, keyed by filter and a stamp of the store's state.

    The stamp is a generation, bumped by every write through the app, and the store's size, asked at most every
    :data:`STAMP_SECONDS` (counting a big store takes a noticeable part of a second, and a SPARQL server can be
    written by others).
    """

    def __init__(self, size: int = CACHE_SIZE):
        self.size = size
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()
        self.generation = 0
        self._count: tuple[float, int] | None = None

    def get(self, key: tuple, make: Callable[[], object]) -> object:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.generation += 1
            self._count = None

    def stamp(self, store: Store) -> tuple[int, int]:
        now = time.monotonic()
        with self.lock:
            known = self._count
        if known is None or now - known[0] > STAMP_SECONDS:
            known = (now, store.count())
            with self.lock:
                self._count = known
        return self.generation, known[1]


def _lang() -> str:
    lang = current_lang()
    return lang if lang in STRINGS else "pl"


def _filter() -> NetworkFilter:
    try:
        return NetworkFilter.from_query_args(request.args)
    except ValueError as exc:
        raise WebError(400, str(exc)) from None


def _size_by() -> str:
    size = request.args.get("size", "degree")
    return size if size in SIZE_BY else "degree"


def url_of_entity(iri: str) -> str | None:
    """The path of an entity's page on this app, or None for an IRI outside the base."""
    local = state().mint.local(str(iri))
    return f"{request.script_root}/{local}" if local else None


def _cache() -> _Cache:
    cache = current_app.extensions.get("esgraf_network_cache")
    if cache is None:
        fresh = _Cache()
        cache = current_app.extensions.setdefault("esgraf_network_cache", fresh)
        if cache is fresh:  # the first request to get here
            state().runner.on_write(cache.clear)  # an update or an ingest changes the network
    return cache


def computed(flt: NetworkFilter, focus: str | None = None) -> tuple[nx.Graph, dict, dict]:
    """The filtered network with its metrics and layout, cached per filter until the store changes."""
    ctx = state()
    stamp = _cache().stamp(ctx.store)

    def make() -> tuple[nx.Graph, dict, dict]:
        G = build_network(ctx.store, flt, focus=focus)
        if focus and focus in G:  # ego network: the actor and its direct partners only
            G = nx.ego_graph(G, focus, radius=1)
        summary = add_metrics(G)
        return G, summary, nxp.layout(G)

    return _cache().get((flt.key(), focus, stamp), make)  # type: ignore[return-value]


def _areas() -> tuple[list[dict], dict[str, str]]:
    """Voivodeships with their counties from the TERYT graph, for the area menu."""
    rows = state().store.select(sparql_prefixes(["esg", "rdfs", "skos"]) + """
SELECT DISTINCT ?code ?label ?type WHERE {
  GRAPH ?g { ?t a ?type ; esg:terytCode ?code ; rdfs:label ?label }
  VALUES ?type { esg:Voivodeship esg:County }
}""")
    voiv: dict[str, dict] = {}
    names: dict[str, str] = {}
    for r in sorted(rows, key=lambda r: str(r["code"])):
        code, label = str(r["code"]), str(r["label"])
        names.setdefault(code, label)
        if str(r["type"]).endswith("Voivodeship"):
            voiv.setdefault(code, {"code": code, "label": label, "counties": []})
    for code, label in sorted(names.items()):
        if len(code) == 4:
            voiv.setdefault(code[:2], {"code": code[:2], "label": code[:2], "counties": []})
            if all(c["code"] != code for c in voiv[code[:2]]["counties"]):
                voiv[code[:2]]["counties"].append({"code": code, "label": label})
    return sorted(voiv.values(), key=lambda v: v["code"]), names


@bp.get("/")
def page() -> str:
    flt = _filter()
    areas, names = _areas()
    query = urlencode(flt.to_query_args(), doseq=True)
    size = _size_by()
    data_query = "&".join(q for q in (query, f"size={size}" if size != "degree" else "") if q)
    return render_template(
        "network.html", flt=flt, areas=areas, area_name=names.get(flt.area or "", ""),
        sectors=SECTORS, tie_kinds=TIE_KINDS, size_by=SIZE_BY, size=size,
        s=STRINGS[_lang()],
        data_url=url_for("network.data") + (f"?{data_query}" if data_query else ""),
        downloads={name: url_for("network.download", fmt=name) + (f"?{query}" if query else "")
                   for name in DOWNLOADS})


@bp.get("/data.json")
def data() -> Response:
    flt = _filter()
    size = _size_by()

    def make() -> bytes:
        G, summary, pos = computed(flt)
        payload = nxp.vis_data(G, pos, url_of_entity, size_by=size)
        payload.update(summary=summary, filter=flt.to_query_args())
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    # a big map's JSON takes a good part of a second to write: keep it with the network it shows
    body = _cache().get(("json", flt.key(), size, _cache().stamp(state().store)), make)
    return Response(body, mimetype="application/json")


@bp.get("/download/<fmt>")
def download(fmt: str) -> Response:
    if fmt not in DOWNLOADS:
        raise WebError(404, f"no download format {fmt!r}; choose from {', '.join(DOWNLOADS)}")
    flt = _filter()
    G, summary, pos = computed(flt)
    media, suffix = DOWNLOADS[fmt]
    body = nxp.render(fmt, G, summary, pos, url_of_entity)
    name = "esgraf-network" + "".join(f"-{v}" for v in (flt.area,) if v)
    resp = Response(body, mimetype=media.split(";")[0])
    resp.headers["Content-Type"] = media
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    return resp


def _wants_json() -> bool:
    if request.args.get("format") == "json":
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


@bp.get("/ego/<path:iri_path>")
def ego(iri_path: str) -> Response | str:
    """The actor's direct partners and the ties among them: JSON for entity pages, or a small HTML page."""
    if any(part in (".", "..") for part in iri_path.split("/")):  # no minted IRI has them: a probe for files
        raise WebError(404, "no such entity")
    iri = state().mint.base + iri_path.lstrip("/")
    if not is_plain_iri(iri):  # it would not fit in a query, and no minted IRI looks like it
        raise WebError(404, f"not an IRI: {iri!r}")
    flt = _filter()
    if iri_path.startswith("person/") and not flt.people:  # a person's network has the person in it
        flt = dataclasses.replace(flt, people=True)
    if _wants_json():
        G, summary, pos = computed(flt, focus=iri)
        if iri not in G:
            G, pos = nx.Graph(), {}
        payload = nxp.vis_data(G, pos, url_of_entity, size_by=_size_by())
        payload.update(summary={k: v for k, v in summary.items() if k != "mixing"} if len(G) else {},
                       focus=iri)
        return jsonify(payload)
    query = urlencode(flt.to_query_args() | {"format": "json"}, doseq=True)
    return render_template("network_ego.html", iri=iri,
                           s=STRINGS[_lang()], entity_url=url_of_entity(iri),
                           data_url=url_for("network.ego", iri_path=iri_path) + f"?{query}")
