"""``esgraf serve``: the web app (SPARQL endpoint, editor, linked-data pages, maps) under waitress.

An empty embedded store is first filled with the sample corpus (``ESGRAF_ARTICLES``), so a fresh checkout
shows something at once. Never runs Flask's debug server.
"""
from __future__ import annotations

import dataclasses
import logging
import signal

import click

from esgraf.cli import UserError, settings_of
from graph.settings import Settings
from graph.backend import open_store
from graph import sandbox
from graph.iri import Minter
from graph.store import Store, StoreError

log = logging.getLogger(__name__)


def has_articles(store: Store, settings: Settings) -> bool:
    mint = Minter(settings.base_iri)
    return any(mint.is_article_graph(g) for g in store.named_graphs())


def load_sample(store: Store, settings: Settings) -> None:
    """Load the corpus of ``settings.articles_path`` (with the ontology and TERYT reference graphs)."""
    from esgraf.pipeline import load_paths

    log.info("the store holds no articles: loading %s", settings.articles_path)
    report = load_paths(store, [settings.articles_path], settings=settings)
    # each article skipped or not stored was reported in its line as it happened
    log.info("loaded %d articles (%d triples) in %.1f s", report.articles, report.triples, report.seconds)


def _locked(exc: StoreError) -> bool:
    """True when the embedded store could not be opened because another process holds its lock (RocksDB
    answers "While lock file: …/LOCK: Resource temporarily unavailable")."""
    text = str(exc)
    return "LOCK" in text and ("temporarily unavailable" in text or "lock hold" in text.lower())


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on [ESGRAF_HOST, 127.0.0.1].")
@click.option("--port", type=int, default=None, help="Port to listen on [ESGRAF_PORT, 5000].")
@click.option("--store", "store_path", type=click.Path(file_okay=False), default=None,
              help="Folder of the embedded store [ESGRAF_STORE].")
@click.option("--threads", type=click.IntRange(1, 256), default=None, help="Worker threads [ESGRAF_THREADS, 8].")
@click.option("--no-sample", is_flag=True, help="Do not load the sample corpus into an empty store.")
@click.pass_context
def command(ctx: click.Context, host: str | None, port: int | None, store_path: str | None,
            threads: int | None, no_sample: bool) -> None:
    """Serve the graph on the web: SPARQL endpoint, query editor, entity pages, cooperation maps."""
    from webapp import create_app
    from webapp.server import create_server

    overrides = {k: v for k, v in (("host", host), ("port", port), ("store", store_path), ("threads", threads))
                 if v is not None}
    settings = dataclasses.replace(settings_of(ctx), **overrides)
    try:
        store = open_store(settings)
    except StoreError as exc:
        if _locked(exc):
            raise UserError(f"esgraf already serves this store ({settings.store})") from None
        raise UserError(str(exc)) from exc
    try:
        if not no_sample and not has_articles(store, settings):
            load_sample(store, settings)
        app = create_app(settings, store)
        runner = app.extensions["esgraf"].runner
        try:
            # every query worker ready: a client's runaway query must not leave the next client waiting for one
            for _ in range(runner.pool.size if runner.pool is not None else 0):
                runner.pool.warm()
            sandbox.shared().warm()  # a parser ready, so the first query does not wait for it to start
        except StoreError as exc:
            raise UserError(f"the query workers cannot start: {exc}") from exc
        try:
            try:  # bind first, so "serving" is only said once the port is ours
                server = create_server(app, settings)  # with the connection limits of the settings
            except OSError as exc:
                raise UserError(f"cannot listen on {settings.host}:{settings.port}: {exc}") from exc
            source = settings.endpoint or settings.store
            click.echo(f"esgraf: serving {source} on http://{settings.host}:{server.effective_port}/ "
                       "(Ctrl+C stops)", err=True)
            if not settings.write_token:
                log.info("read-only: set ESGRAF_WRITE_TOKEN to allow SPARQL Update and Graph Store writes")
            signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop ends like Ctrl+C
            try:
                server.run()
            except KeyboardInterrupt:
                pass
            finally:
                server.close()
        finally:
            runner.close()
    finally:
        store.close()
