"""Linked-data pages: every IRI esgraf mints under its base answers at the same path here, as HTML for a
browser and as Turtle, JSON-LD, N-Triples or RDF/XML by ``Accept`` or by suffix (``/person/x.ttl``); plus
the home page, search, the list of counties and the SPARQL query page.
"""
from __future__ import annotations

import time
from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, redirect, render_template, request, url_for

from graph import lookup
from graph.iri import SECTIONS
from graph.vocab import PREFIXES
from webapp.errors import WebError
from webapp.i18n import current_lang
from webapp.links import local_path
from webapp.negotiation import SUFFIXES, alternate_links, page_format, rdf_response
from webapp.provenance import Notes
from webapp.state import state

bp = Blueprint("entities", __name__)


#: seconds the home page's figures are reused; a write through the app drops them at once
SUMMARY_SECONDS = 30.0


def summary() -> tuple[dict[str, int], list]:
    """The home page's counts and busiest counties: computed at most every :data:`SUMMARY_SECONDS` (counting a
    million triples takes about a second) and again after any write through the app."""
    st = state()
    ext = current_app.extensions
    if "esgraf_summary" not in ext:
        ext["esgraf_summary"] = None
        st.runner.on_write(lambda: ext.update(esgraf_summary=None))
    cached = ext["esgraf_summary"]
    now = time.monotonic()
    if cached is None or now - cached[0] > SUMMARY_SECONDS:
        cached = (now, lookup.counts(st.store), lookup.counties(st.store)[:12])
        ext["esgraf_summary"] = cached
    return cached[1], cached[2]


@bp.route("/")
def home() -> str:
    counts, counties_ = summary()
    return render_template("home.html", counts=counts, counties=counties_)


@bp.route("/favicon.ico")
def favicon() -> Response:
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.route("/search")
def search() -> Response | str:
    q = request.args.get("q", "").strip()[:200]
    hits = state().search.search(q) if q else []
    if request.args.get("format") == "json" or (request.accept_mimetypes.best == "application/json"):
        return jsonify({"query": q, "results": [{"iri": h.iri, "label": h.label, "matched": h.matched,
                                                 "url": local_path(h.iri)} for h in hits]})
    # one clear answer: go straight to it
    if hits and hits[0].exact and (len(hits) == 1 or hits[0].score >= hits[1].score + 0.05):
        return redirect(local_path(hits[0].iri))
    return render_template("search.html", q=q, hits=hits)


@bp.route("/counties")
def counties() -> str:
    return render_template("counties.html", counties=lookup.counties(state().store))


@bp.route("/query")
def query_page() -> str:
    return render_template("query.html")


def query_title(text: str, lang: str) -> str | None:
    """The tab name a query gives itself in its leading comments: ``# title@pl: …`` for the page's language,
    else ``# title: …``."""
    names: dict[str, str] = {}
    for line in text.lstrip().splitlines():
        if not line.startswith("#"):
            break
        head, colon, value = line[1:].strip().partition(":")
        if colon and head.startswith("title"):
            names.setdefault(head.partition("@")[2] or "", value.strip())
    return names.get(lang) or names.get("")


@bp.route("/query/config.json")
def query_config() -> Response:
    """The editor's prefixes and example tabs (read from data/queries/*.rq at each request), named in the page's
    language, and the base under which result IRIs open this server's pages."""
    folder = Path(state().settings.data_dir) / "queries"
    lang = current_lang()
    tabs = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        tabs.append({"name": query_title(text, lang) or path.stem, "query": text})
    return jsonify({"endpoint": url_for("sparql.endpoint"), "prefixes": PREFIXES, "tabs": tabs,
                    "rowLimit": state().settings.max_rows, "base": state().mint.base,
                    "local": request.script_root + "/", "tabName": "Zapytanie" if lang == "pl" else "Query"})


@bp.route("/<any(" + ",".join(SECTIONS) + "):kind>/<path:rest>")
def resource(kind: str, rest: str) -> Response | str:
    st = state()
    fmt = None
    stem, dot, suffix = rest.rpartition(".")
    if dot and suffix in SUFFIXES and "/" not in suffix:
        rest, fmt = stem, SUFFIXES[suffix]
    iri = str(st.mint.at(f"{kind}/{rest}"))
    if fmt is None:
        fmt = page_format()
        if fmt is None:
            raise WebError(406, "this page is available as HTML, Turtle, JSON-LD, N-Triples and RDF/XML")
    page_url = url_for("entities.resource", kind=kind, rest=rest, _external=True)
    if fmt != "html":
        graph = lookup.describe(st.store, iri)
        if len(graph) == 0:
            raise WebError(404, f"nothing is known about <{iri}>", key="unknown_entity", args={"iri": iri})
        resp = rdf_response(graph, fmt)
    elif kind == "article" and "/" not in rest:
        art = lookup.article(st.store, iri, st.mint.article_graph(rest))
        if art is None:
            raise WebError(404, f"no article <{iri}>", key="unknown_article", args={"iri": iri})
        resp = Response(render_template("article.html", art=art, iri=iri))
    else:
        ent = lookup.entity(st.store, iri, current_lang())
        if ent is None:
            raise WebError(404, f"nothing is known about <{iri}>", key="unknown_entity", args={"iri": iri})
        area_view = None
        if kind in ("county", "voivodeship") and "/" not in rest and rest.isdigit():
            from webapp.area import area_page

            area_view = area_page(iri, rest)
        resp = Response(render_template("entity.html", ent=ent, iri=iri, kind=kind, area=area_view, notes=Notes(),
                                        network_src=url_for("network.ego", iri_path=f"{kind}/{rest}")))
    resp.headers["Link"] = alternate_links(page_url)
    resp.headers["Vary"] = "Accept"
    return resp
