"""Cooperation maps: the ``/network`` page, the data its map draws, one organisation's partners, and the small
networks of entity pages.

The filter lives in the query string, so a view can be shared as a link. The page holds no data and no inline
script: ``static/network/map.js`` fetches ``/network/data.json`` with the same query string and draws it with
the vendored sigma.js (WebGL), with the positions the server laid out. Networks are built once per filter and
kept until the store changes; the files to download (``webapp/network_files.py``) share them.
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
from graph.model import SECTORS
from graph.iri import is_plain_iri
from graph.network import TIE_KINDS, NetworkFilter, build_network
from graph.store import Store
from graph.vocab import sparql_prefixes
from webapp.errors import WebError
from webapp.i18n import current_lang, section
from webapp.network_data import map_payload, node_payload
from webapp.state import state
from webapp.vocabulary import sector_label, tie_kind_label

bp = Blueprint("network", __name__, url_prefix="/network")

SIZE_BY = ("degree", "betweenness", "weighted_degree")
CACHE_SIZE = 16  # networks and their JSON, a few filters' worth
STAMP_SECONDS = 10.0

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


def current_filter() -> NetworkFilter:
    """The filter in the query string; an area may also be given by name (``area=powiat starachowicki``), and
    the page's area box sends the name it shows (``area_name``) when the form is sent without its script."""
    args = request.args.to_dict(flat=False)
    if "area_name" in args:
        args["area"] = [args.pop("area_name")[0]]
    area = (args.get("area") or [""])[0].strip()
    if area and not area.isdigit():
        code = area_code(area)
        if code is None:
            raise WebError(400, f"no county or voivodeship is named {area!r}", key="unknown_area",
                           args={"name": area})
        args["area"] = [code]
    try:
        return NetworkFilter.from_query_args(args)
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


def areas() -> tuple[list[dict], dict[str, str]]:
    """Voivodeships with their counties from the TERYT graph, and every area's name by code (read once)."""
    cached = current_app.extensions.get("esgraf_areas")
    if cached is not None:
        return cached
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
    result = (sorted(voiv.values(), key=lambda v: v["code"]), names)
    if names:  # a store without the TERYT graph yet: ask again next time
        current_app.extensions["esgraf_areas"] = result
    return result


def area_code(name: str) -> str | None:
    """The TERYT code of the county or voivodeship named ``name`` (case and diacritics aside), or None."""
    from webapp.search import fold

    wanted = fold(name).replace("powiat ", "").replace("województwo ", "").replace("wojewodztwo ", "").strip()
    for code, label in sorted(areas()[1].items()):
        plain = fold(label).replace("powiat ", "").replace("wojewodztwo ", "").strip()
        if plain == wanted or fold(label) == fold(name):
            return code
    return None


def area_choices() -> list[dict]:
    """Every area the map can show, for the area search box: name, code and the voivodeship a county lies in."""
    voivodeships, _ = areas()
    out = []
    for v in voivodeships:
        out.append({"code": v["code"], "label": v["label"], "in": ""})
        out.extend({"code": c["code"], "label": c["label"], "in": v["label"]} for c in v["counties"])
    return out


def query_of(flt: NetworkFilter, **extra: str) -> str:
    """The query string of ``flt`` (and ``extra`` arguments), for links that keep the filter."""
    return urlencode(flt.to_query_args() | {k: v for k, v in extra.items() if v}, doseq=True)


@bp.get("/")
def page() -> str:
    from webapp.network_files import download_links

    flt = current_filter()
    _, names = areas()
    size = _size_by()
    data_query = query_of(flt, size=size if size != "degree" else "")
    return render_template(
        "network.html", flt=flt, area_name=names.get(flt.area or "", ""),
        area_choices=json.dumps(area_choices(), ensure_ascii=False, separators=(",", ":")),
        sectors=[(k, sector_label(k, current_lang())) for k in SECTORS],
        tie_kinds=[(k, tie_kind_label(k, current_lang())) for k in TIE_KINDS], size_by=SIZE_BY, size=size,
        s=section("map", current_lang()), query=query_of(flt), files=download_links(flt),
        data_url=url_for("network.data") + (f"?{data_query}" if data_query else ""))


def data_body(flt: NetworkFilter, size: str, focus: str | None = None) -> bytes:
    """The map's JSON for ``flt`` (or the ego network of ``focus``), cached with the network it shows."""
    language = current_lang()

    def make() -> bytes:
        G, summary, pos = computed(flt, focus=focus)
        if focus and focus not in G:
            G, pos, summary = nx.Graph(), {}, {}
        payload = map_payload(G, pos, summary, language, state().mint.base, url_of_entity, areas()[1],
                              size_by=size, focus=focus)
        payload["filter"] = flt.to_query_args()
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    # a big map's JSON takes a good part of a second to write: keep it with the network it shows
    key = ("json", flt.key(), focus, size, language, request.script_root, _cache().stamp(state().store))
    return _cache().get(key, make)  # type: ignore[return-value]


@bp.get("/data.json")
def data() -> Response:
    return Response(data_body(current_filter(), _size_by()), mimetype="application/json")


@bp.get("/node.json")
def node() -> Response:
    """One organisation of the filtered map and its partners with what ties them (the side panel's list)."""
    iri = request.args.get("iri", "")
    focus = request.args.get("focus") or None
    if focus is not None and not is_plain_iri(focus):
        raise WebError(404, f"not an IRI: {focus!r}")
    G, _, _ = computed(_ego_filter(current_filter(), focus), focus=focus)
    if focus and focus in G:
        G = nx.ego_graph(G, focus, radius=1)
    body = node_payload(G, iri, current_lang(), state().mint.base, state().names, url_of_entity)
    if body is None:
        raise WebError(404, f"no organisation {iri!r} on this map")
    return jsonify(body)


def _wants_json() -> bool:
    if request.args.get("format") == "json":
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _ego_filter(flt: NetworkFilter, focus: str | None) -> NetworkFilter:
    if focus and state().mint.entity_type(focus) == "Person" and not flt.people:  # with the person in it
        return dataclasses.replace(flt, people=True)
    return flt


@bp.get("/ego/<path:iri_path>")
def ego(iri_path: str) -> Response | str:
    """The actor's direct partners and the ties among them: JSON for entity pages, or a small HTML page."""
    if any(part in (".", "..") for part in iri_path.split("/")):  # no minted IRI has them: a probe for files
        raise WebError(404, "no such entity", key="status_404")
    iri = str(state().mint.at(iri_path))
    if not is_plain_iri(iri):  # it would not fit in a query, and no minted IRI looks like it
        raise WebError(404, f"not an IRI: {iri!r}", key="status_404")
    flt = _ego_filter(current_filter(), iri)
    if _wants_json():
        return Response(data_body(flt, _size_by(), focus=iri), mimetype="application/json")
    query = query_of(flt, format="json")
    return render_template("network_ego.html", iri=iri, s=section("map", current_lang()), entity_url=url_of_entity(iri),
                           name=state().search.name(iri) or iri,
                           data_url=url_for("network.ego", iri_path=iri_path) + f"?{query}")
