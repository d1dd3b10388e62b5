"""The core commands: extract, load, query, export, validate, stats, settings."""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
import time
from pathlib import Path

import click
import pyoxigraph as ox

from esgraf.cli import UserError, settings_of
from esgraf.pipeline import LoadReport, load_paths, read_all
from graph.settings import Settings
from graph.backend import open_store
from graph.build import article_triples, meta_triples
from graph.iri import Minter
from graph.ontology import ontology_graph
from graph.store import RDF_FORMATS, QuerySyntaxError, StoreError, to_ox
from graph.vocab import sparql_prefixes
from loaders.pipeline import ExtractionError, extract_corpus

log = logging.getLogger("esgraf")

FORMAT_CHOICE = click.Choice(sorted(RDF_FORMATS))
#: most processes ``load --jobs`` shares the work among
MOST_JOBS = 64


def cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _store(ctx: click.Context, read_only: bool = False):
    try:
        return open_store(settings_of(ctx), read_only=read_only)
    except StoreError as exc:
        raise UserError(str(exc)) from exc


@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["trig", "nq", "jsonld"]), default="trig", show_default=True,
              help="RDF syntax of the output (one named graph per article).")
@click.option("--no-ontology", is_flag=True, help="Leave the ontology graph out of the output.")
@click.pass_context
def extract(ctx: click.Context, articles: tuple[Path, ...], fmt: str, no_ontology: bool) -> None:
    """Print the RDF read from ARTICLES (files or folders), without storing it.

    Articles given together are resolved together: an acronym in one joins the name another spells out.
    Unreadable files are reported on stderr, one line each, and the exit status is 1; the rest is printed.
    """
    settings = settings_of(ctx)
    mint = Minter(settings.base_iri)
    report = LoadReport()
    items = read_all(articles, settings, report)
    store = ox.Store()
    quads = []
    for x in extract_corpus(items, data_dir=settings.data_path, on_error=report.not_extracted):
        g = ox.NamedNode(str(mint.article_graph(x.article.id)))
        quads += [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in article_triples(x, mint)]
        meta = ox.NamedNode(str(mint.meta_graph))
        quads += [ox.Quad(to_ox(s), to_ox(p), to_ox(o), meta) for s, p, o in meta_triples(x, mint)]
    if not no_ontology:
        og = ox.NamedNode(str(mint.ontology_graph))
        quads += [ox.Quad(to_ox(s), to_ox(p), to_ox(o), og) for s, p, o in ontology_graph(mint)]
    store.extend(quads)
    out = sys.stdout.buffer
    store.dump(out, RDF_FORMATS[fmt][0])
    out.flush()
    if not report.ok:
        ctx.exit(1)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--from-dump", "dump", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Bulk-load an RDF dump (TriG, N-Quads, Turtle…) instead of reading articles.")
@click.option("--jobs", "-j", type=click.IntRange(1, MOST_JOBS), default=None,
              help="Processes sharing the work: this one stores, the others extract [the machine's cores]. The "
                   "store is the same for any number.")
@click.pass_context
def load(ctx: click.Context, paths: tuple[Path, ...], dump: Path | None, jobs: int | None) -> None:
    """Read every article under PATHS (default: the sample corpus) and store its graph.

    Re-loading an article replaces its graph: loading twice gives the same store. Bad files, and articles that
    cannot be extracted, are reported one line each and skipped; the exit status is 1 if any were.
    """
    settings = settings_of(ctx)
    with _store(ctx) as store:
        if dump is not None:
            fmt = _format_of(dump)
            try:
                store.load_file(dump, fmt)
            except StoreError as exc:
                raise UserError(str(exc)) from exc
            log.info("loaded %s: the store holds %d quads", dump, store.count())
            return
        targets = list(paths) or [settings.articles_path]
        started = last = time.monotonic()

        def progress(n: int, x) -> None:
            nonlocal last
            log.debug("[%d] %s: %d entities, %d relations", n, x.article.id, len(x.entities), len(x.relations))
            now = time.monotonic()
            if now - last >= 1.0:  # a line a second at most, so a 10,000-article load stays readable
                last = now
                log.info("[%d articles, %.0f/s] %s: %d entities, %d relations", n, n / (now - started),
                         x.article.id, len(x.entities), len(x.relations))

        try:
            report = load_paths(store, targets, settings=settings, progress=progress, jobs=jobs or cores())
        except (StoreError, ExtractionError) as exc:
            raise UserError(str(exc)) from exc
        # each skipped and not stored article was reported in its line as it happened
        log.info("loaded %d articles (%d triples) in %.1f s; %d skipped, %d not stored; the store holds %d quads",
                 report.articles, report.triples, report.seconds, len(report.errors), len(report.failed),
                 store.count())
    if not report.ok:
        ctx.exit(1)


def _format_of(path: Path) -> str:
    suffix = path.suffix.lstrip(".").lower()
    aliases = {"ttl": "ttl", "turtle": "ttl", "trig": "trig", "nq": "nq", "nquads": "nq", "nt": "nt",
               "jsonld": "jsonld", "json": "jsonld", "rdf": "xml", "xml": "xml", "owl": "xml"}
    if suffix not in aliases:
        raise UserError(f"{path}: cannot tell the RDF syntax from the suffix .{suffix}")
    return aliases[suffix]


@click.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="How to print SELECT results.")
@click.pass_context
def query(ctx: click.Context, query: str, fmt: str) -> None:
    """Run a SPARQL QUERY (text, or a .rq file) on the store and print the result.

    The model's prefixes (esg:, schema:, org:, foaf:, skos:, dcterms:…) are predeclared.
    """
    path = Path(query)
    if query.endswith((".rq", ".sparql")) or (len(query) < 255 and path.is_file()):
        try:
            query = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{path}: {exc.strerror or exc}") from exc
    text = query if "PREFIX" in query.upper() else sparql_prefixes() + query
    kind = _query_kind(query)
    with _store(ctx, read_only=True) as store:
        try:
            if kind == "ASK":
                click.echo("true" if store.ask(text) else "false")
                return
            if kind in ("CONSTRUCT", "DESCRIBE"):
                click.echo(store.construct(text).serialize(format="turtle"))
                return
            rows = store.select(text)
        except QuerySyntaxError as exc:
            raise UserError(f"bad query: {exc}") from exc
        except StoreError as exc:
            raise UserError(str(exc)) from exc
    names = _variables(text, rows)
    click.echo(format_rows(rows, names, fmt), nl=False)


def _query_kind(q: str) -> str:
    import re

    body = re.sub(r"(?im)^\s*(PREFIX|BASE)\s+[^\n]*$", "", re.sub(r"#[^\n]*", "", q))
    m = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.I)
    return m.group(1).upper() if m else "SELECT"


def _variables(query: str, rows: list[dict]) -> list[str]:
    import re

    head = re.search(r"SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\s*(?:WHERE|FROM|\{)", query, re.I | re.S)
    if head and "*" not in head.group(1):
        names = re.findall(r"\?(\w+)(?=[^()]*(?:\(|$))|AS\s+\?(\w+)", head.group(1))
        out = []
        for plain, alias in names:
            name = alias or plain
            if name and name not in out:
                out.append(name)
        if out:
            return out
    seen: list[str] = []
    for r in rows:
        for k in r:
            if k not in seen:
                seen.append(k)
    return seen


def format_rows(rows: list[dict], names: list[str], fmt: str) -> str:
    values = [[str(r[n]) if n in r else "" for n in names] for r in rows]
    if fmt == "json":
        return json.dumps([dict(zip(names, v)) for v in values], ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        w.writerows(values)
        return buf.getvalue()
    widths = [min(60, max([len(n)] + [len(v[i]) for v in values])) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join((c if len(c) <= 60 else c[:57] + "...").ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(v) for v in values]
    out.append(f"({len(values)} row{'s' if len(values) != 1 else ''})")
    return "\n".join(out) + "\n"


@click.command()
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="trig", show_default=True,
              help="RDF syntax: trig, nq and jsonld keep the named graphs; ttl, nt and xml give their union.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@click.option("--graph", "graph_iri", help="Only this named graph.")
@click.pass_context
def export(ctx: click.Context, fmt: str, output: Path | None, graph_iri: str | None) -> None:
    """Write the whole store (or one graph) as RDF, streamed."""
    with _store(ctx, read_only=True) as store:
        try:
            if output is None:
                store.dump(sys.stdout.buffer, fmt, graph_iri)
                sys.stdout.buffer.flush()
            else:
                with output.open("wb") as f:
                    store.dump(f, fmt, graph_iri)
                log.info("wrote %s", output)
        except (StoreError, OSError) as exc:
            raise UserError(str(exc)) from exc


@click.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Check the store against the SHACL shapes in ontology/shapes.ttl; exit 1 on violations."""
    from graph.validate import format_report, validate as run

    settings = settings_of(ctx)
    with _store(ctx, read_only=True) as store:
        report = run(store, Minter(settings.base_iri))
    click.echo(format_report(report))
    if not report.conforms:
        ctx.exit(1)


STATS_QUERIES = {
    "by type": """
        SELECT ?type (COUNT(DISTINCT ?x) AS ?n) WHERE {
          VALUES (?cls ?type) { (foaf:Person "person") (org:Organization "organisation")
            (esg:Partnership "partnership") (esg:Agreement "agreement") (schema:Project "project")
            (esg:Programme "programme") (schema:Event "meeting") }
          ?x a ?cls } GROUP BY ?type ORDER BY DESC(?n)""",
    "organisations by sector": """
        SELECT ?sector (COUNT(DISTINCT ?o) AS ?n) WHERE {
          ?o a org:Organization . OPTIONAL { ?o esg:sector ?s } BIND(COALESCE(REPLACE(STR(?s), "^.*/", ""), "unknown") AS ?sector)
        } GROUP BY ?sector ORDER BY DESC(?n)""",
    "meetings and agreements by county": """
        SELECT ?county (COUNT(DISTINCT ?x) AS ?n) WHERE {
          ?x dcterms:spatial ?c . ?c a esg:County ; rdfs:label ?county .
        } GROUP BY ?county ORDER BY DESC(?n) LIMIT 20""",
    "articles": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a esg:Article }",
}


@click.command()
@click.pass_context
def stats(ctx: click.Context) -> None:
    """Counts by type, sector and county, and the articles loaded."""
    with _store(ctx, read_only=True) as store:
        click.echo(f"store: {store.backend}, {store.count()} quads in {len(store.named_graphs())} named graphs")
        for title, q in STATS_QUERIES.items():
            rows = store.select(sparql_prefixes() + q)
            click.echo(f"\n{title}:")
            for r in rows:
                vals = [str(v) for v in r.values()]
                click.echo("  " + "  ".join(vals))


@click.command("settings")
def settings_cmd() -> None:
    """List the settings, their environment variables and current values."""
    current = Settings.from_env()
    for env, default, help_ in Settings.describe():
        name = env[len("ESGRAF_"):].lower()
        value = getattr(current, name)
        shown = "***" if "token" in name or "password" in name and value else value
        click.echo(f"{env}={shown}\n    {help_} (default: {default!r})")


commands = [extract, load, query, export, validate, stats, settings_cmd]
