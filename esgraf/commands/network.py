"""``esgraf network``: write the cooperation network of a county, a voivodeship or the whole store to a file.

Formats: GraphML and GEXF (for Gephi), CSV (two files: ``NAME-nodes.csv`` and ``NAME-edges.csv``), JSON (what
the web map draws), SVG (a picture of the layout) and HTML (the web app's interactive map as one page that opens
from disk without a server, :mod:`webapp.standalone`).
"""
from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

import click

from esgraf.cli import UserError, settings_of
from graph.backend import open_store
from graph import network_export as nxp
from graph.iri import Minter
from graph.metrics import add_metrics
from graph.model import SECTORS
from graph.network import TIE_KINDS, NetworkFilter, build_network
from graph.store import StoreError

log = logging.getLogger(__name__)

FORMATS = ("graphml", "gexf", "csv", "json", "svg", "html")


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--{name}: not a date (YYYY-MM-DD): {value}") from None


def csv_paths(output: str) -> tuple[Path, Path]:
    """``out/starachowicki.csv`` or ``out/starachowicki`` -> ``out/starachowicki-nodes.csv``, ``…-edges.csv``."""
    base = Path(output)
    stem = base.name.removesuffix(".csv")
    return base.with_name(f"{stem}-nodes.csv"), base.with_name(f"{stem}-edges.csv")


@click.command("network")
@click.option("--county", help="TERYT code of a county (4 digits), e.g. 2611.")
@click.option("--voivodeship", help="TERYT code of a voivodeship (2 digits), e.g. 26.")
@click.option("--from", "date_from", help="Only events and agreements from this date (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Only events and agreements up to this date (YYYY-MM-DD).")
@click.option("--sector", "sectors", multiple=True, type=click.Choice(SECTORS),
              help="Only organisations of this sector (repeatable).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(TIE_KINDS), help="Only ties of this kind "
              "(repeatable).")
@click.option("--people", is_flag=True, help="Add people, tied to the organisations they belong to.")
@click.option("--min-weight", default=1, show_default=True, type=click.IntRange(min=1),
              help="Only ties backed by at least this many shared contexts.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="graphml", show_default=True)
@click.option("-o", "--output", default="-", show_default=True,
              help="File to write ('-': standard output). For csv: NAME gives NAME-nodes.csv and NAME-edges.csv.")
@click.pass_context
def command(ctx: click.Context, county: str | None, voivodeship: str | None, date_from: str | None,
            date_to: str | None, sectors: tuple[str, ...], kinds: tuple[str, ...], people: bool, min_weight: int,
            fmt: str, output: str) -> None:
    """Write the cooperation network (organisations tied by shared meetings, agreements, projects,
    partnerships, units and founders) with its metrics, for Gephi, a spreadsheet or a browser."""
    if county and voivodeship:
        raise UserError("give --county or --voivodeship, not both")
    if fmt == "csv" and output == "-":
        raise UserError("csv writes two files: give -o NAME (NAME-nodes.csv and NAME-edges.csv)")
    try:
        flt = NetworkFilter(area=county or voivodeship, date_from=_date(date_from, "from"),
                            date_to=_date(date_to, "to"), sectors=sectors, kinds=kinds, min_weight=min_weight,
                            people=people)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    settings = settings_of(ctx)
    try:
        store = open_store(settings, read_only=True)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    try:
        G = build_network(store, flt)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    finally:
        try:
            store.close()
        except RuntimeError:  # pyoxigraph refuses to flush a read-only store; there is nothing to flush
            pass
    summary = add_metrics(G)
    mix = summary["mixing"]
    log.info("%d organisations%s, %d ties; %s of ties cross sectors (E-I %s)", summary["nodes"],
             " and people" if people else "", summary["edges"],
             f"{mix['cross_share']:.0%}" if mix["cross_share"] is not None else "none",
             f"{mix['ei']:+.2f}" if mix["ei"] is not None else "n/a")
    pos = nxp.layout(G)
    mint = Minter(settings.base_iri)

    def url_of(iri: str) -> str | None:
        return iri if mint.local(iri) else None  # a file has no app: link to the IRI itself

    if fmt == "csv":
        nodes_path, edges_path = csv_paths(output)
        try:
            nodes_path.write_text(nxp.nodes_csv(G), encoding="utf-8")
            edges_path.write_text(nxp.edges_csv(G), encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {exc.filename}: {exc.strerror}") from None
        log.info("wrote %s and %s", nodes_path, edges_path)
        return
    body: str | bytes
    if fmt != "html":
        body = nxp.render(fmt, G, summary, pos, url_of)
    else:  # the web app's own map, in a file: its script, its words and the data it draws
        from webapp.standalone import map_page

        title = "esgraf: " + (f"TERYT {flt.area}" if flt.area else "mapa współpracy")
        body = map_page(G, summary, pos, title, mint.base, url_of)
    data = body.encode("utf-8") if isinstance(body, str) else body
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror}") from None
    log.info("wrote %s", output)


__all__ = ["FORMATS", "command", "csv_paths"]
