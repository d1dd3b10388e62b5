"""What can be taken away from a cooperation map: files for Gephi and scripts (GraphML, GEXF, CSV, JSON), tables
for spreadsheets (the ties and the organisations' measures as XLSX and as CSV for a Polish Excel), pictures
(PNG, SVG) and a page laid out for printing.

Every file is made from the network the map shows (the same filter in the query string, the same cache), and
every picture and table says what it shows: title, area, date range and, for pictures, a legend.
"""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, render_template, request, url_for

from graph import network_export as nxp
from graph.metrics import ROLES
from graph.network import NetworkFilter
from graph.network_picture import LegendItem, to_png
from webapp.cooperation import Reader
from webapp.errors import WebError
from webapp.explain import explain
from webapp.formats import count, format_date
from webapp.i18n import current_lang, section
from webapp.network import areas, computed, current_filter, query_of, url_of_entity
from webapp.network_data import legend
from webapp.state import state
from webapp.tables import Table, excel_csv, xlsx
from webapp.vocabulary import sector_label, tie_kind_label

bp = Blueprint("network_files", __name__, url_prefix="/network")

#: downloads: name -> (media type, file suffix)
DOWNLOADS = {
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "nodes.csv": ("text/csv; charset=utf-8", "nodes.csv"),
    "edges.csv": ("text/csv; charset=utf-8", "edges.csv"),
    "json": ("application/json", "json"),
    "svg": ("image/svg+xml", "svg"),
    "png": ("image/png", "png"),
    "ties.xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ties.xlsx"),
    "ties.csv": ("text/csv; charset=utf-8", "ties.csv"),
    "metrics.xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "metrics.xlsx"),
    "metrics.csv": ("text/csv; charset=utf-8", "metrics.csv"),
}

TIE_COLUMNS = {
    "pl": ["Organizacja", "Sektor organizacji", "Partner", "Sektor partnera", "Jak współpracują",
           "Wspólne działania (liczba)", "Kiedy", "Wspólne działania", "Artykuły", "Międzysektorowe",
           "IRI organizacji", "IRI partnera"],
    "en": ["Organisation", "Organisation's sector", "Partner", "Partner's sector", "How they are tied",
           "Shared activities (number)", "When", "Shared activities", "Articles", "Across sectors",
           "Organisation IRI", "Partner IRI"],
}
METRIC_COLUMNS = {
    "pl": ["Nazwa", "Rodzaj", "Sektor", "Powiat", "Liczba partnerów (stopień)", "Wspólne działania (suma wag)",
           "Pośrednictwo", "Grupa"] + [section("script", "pl")[r] for r in ROLES] + ["IRI"],
    "en": ["Name", "Kind", "Sector", "County", "Partners (degree)", "Shared activities (weighted degree)",
           "Betweenness", "Group"] + [section("script", "en")[r] for r in ROLES] + ["IRI"],
}


def describe(flt: NetworkFilter, language: str) -> tuple[str, list[tuple[str, str]]]:
    """A map's title and what it covers, as (what, value) pairs: area, period, filters, the data's date."""
    words = section("map", language)
    _, names = areas()
    area = names.get(flt.area or "", flt.area or "") if flt.area else words["all"]
    title = f"{words['title']} — {area}"
    a = format_date(flt.date_from.isoformat(), language) if flt.date_from else ""
    b = format_date(flt.date_to.isoformat(), language) if flt.date_to else ""
    period = words["between"].format(a=a, b=b) if a and b else words["since"].format(a=a) if a else \
        words["until"].format(b=b) if b else words["all_dates"]
    about = [(words["area"], area + (f" (TERYT {flt.area})" if flt.area else "")), (words["period"], period)]
    if flt.sectors:
        about.append((words["sectors"], ", ".join(sector_label(s, language) for s in flt.sectors)))
    if flt.kinds:
        about.append((words["kinds"], ", ".join(tie_kind_label(k, language) for k in flt.kinds)))
    about.append((words["state"], format_date(dt.date.today().isoformat(), language)))
    return title, about


def ties_table(flt: NetworkFilter, language: str) -> Table:
    G, _, _ = computed(flt)
    title, about = describe(flt, language)
    reader = Reader(G, language, state().mint.base, state().names, _absolute)
    rows = []
    for t in reader.ties():
        acts = "; ".join(f"{a.kind_label}: {a.label}" + (f" ({a.when})" if a.when else "") for a in t.activities)
        arts = "; ".join(f"{x.title} <{x.url}>" if x.url else x.title for x in t.articles)
        rows.append([t.a_label, t.a_sector, t.b_label, t.b_sector, ", ".join(t.kinds), t.weight, t.when, acts, arts,
                     t.cross_sector, t.a, t.b])
    words = section("map", language)
    return Table(f"{words['ties_title']} — {title.split(' — ', 1)[1]}", TIE_COLUMNS[language], rows,
                 about + [(words["source"], request.url_root.rstrip("/") + url_for("network.page") +
                           (f"?{query_of(flt)}" if query_of(flt) else "")),
                          (words["licence"], "CC BY 4.0")],
                 sheet=section("file", language)["ties"], about_sheet="opis" if language == "pl" else "about",
                 widths=[40, 16, 40, 16, 24, 12, 24, 80, 80, 10, 30, 30])


def metrics_table(flt: NetworkFilter, language: str) -> Table:
    G, _, _ = computed(flt)
    title, about = describe(flt, language)
    _, names = areas()
    rows = []
    for o in Reader(G, language, state().mint.base, state().names, _absolute).organisations():
        county = G.nodes[o.iri].get("county") or ""
        rows.append([o.label, o.kind, o.sector, names.get(county, county), o.degree, o.weighted_degree,
                     round(o.betweenness, 4), G.nodes[o.iri].get("community", 0)] +
                    [o.brokerage.get(r, 0) for r in ROLES] + [o.iri])
    words = section("map", language)
    return Table(f"{words['metrics_title']} — {title.split(' — ', 1)[1]}", METRIC_COLUMNS[language], rows,
                 about + [(words["licence"], "CC BY 4.0")],
                 sheet=section("file", language)["metrics"], about_sheet="opis" if language == "pl" else "about")


def _absolute(iri: str) -> str | None:
    path = url_of_entity(iri)
    return request.url_root.rstrip("/") + path if path else None


def picture_legend(language: str) -> list[LegendItem]:
    lg = legend(language, people=False)
    return [LegendItem(x["name"], x["color"]) for x in lg["nodes"]] + \
        [LegendItem(x["name"], x["color"], line=True) for x in lg["edges"]]


@bp.get("/download/<fmt>")
def download(fmt: str) -> Response:
    if fmt not in DOWNLOADS:
        raise WebError(404, f"no download format {fmt!r}; choose from {', '.join(DOWNLOADS)}",
                       key="unknown_download", args={"fmt": fmt})
    flt = current_filter()
    language = current_lang()
    media, suffix = DOWNLOADS[fmt]
    body: str | bytes
    if fmt in ("ties.xlsx", "ties.csv"):
        table = ties_table(flt, language)
        body = xlsx(table) if fmt.endswith("xlsx") else excel_csv(table)
        suffix = f"{section('file', language)['ties']}.{fmt.split('.')[1]}"
    elif fmt in ("metrics.xlsx", "metrics.csv"):
        table = metrics_table(flt, language)
        body = xlsx(table) if fmt.endswith("xlsx") else excel_csv(table)
        suffix = f"{section('file', language)['metrics']}.{fmt.split('.')[1]}"
    else:
        G, summary, pos = computed(flt)
        title, about = describe(flt, language)
        lines = [f"{what}: {value}" for what, value in about]
        if fmt == "png":
            body = to_png(G, pos, title, lines, picture_legend(language))
        elif fmt == "svg":
            body = nxp.to_svg(G, pos, title=title, lines=lines,
                              legend=[(x.name, x.colour, x.line) for x in picture_legend(language)])
        else:
            body = nxp.render(fmt, G, summary, pos, url_of_entity)
    name = "esgraf-network" + "".join(f"-{v}" for v in (flt.area,) if v)
    resp = Response(body, mimetype=media.split(";")[0])
    resp.headers["Content-Type"] = media
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    return resp


def download_links(flt: NetworkFilter) -> dict[str, str]:
    """Each download's URL for ``flt`` (with the page's language, so tables speak it)."""
    query = query_of(flt)
    return {name: url_for("network_files.download", fmt=name) + (f"?{query}" if query else "")
            for name in DOWNLOADS} | {"print": url_for("network_files.print_layout") + (f"?{query}" if query else "")}


@bp.get("/print")
def print_layout() -> str:
    """The map laid out for an A4 page: title, area, dates, the picture with its legend, the ties and figures."""
    flt = current_filter()
    language = current_lang()
    G, summary, _ = computed(flt)
    title, about = describe(flt, language)
    reader = Reader(G, language, state().mint.base, state().names, url_of_entity)
    query = query_of(flt)
    return render_template("network_print.html", title=title, about=about, ties=reader.ties(),
                           organisations=reader.organisations(), explanations=explain(G, summary, language),
                           legend=picture_legend(language), s=section("map", language),
                           summary_line=f"{count(len(reader.organisations()), 'organisation', language)}, "
                                        f"{count(G.number_of_edges(), 'tie', language)}",
                           svg_url=url_for("network_files.download", fmt="svg") + (f"?{query}" if query else ""),
                           map_url=url_for("network.page") + (f"?{query}" if query else ""))


__all__ = ["DOWNLOADS", "describe", "download_links", "metrics_table", "ties_table"]
