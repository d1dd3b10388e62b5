"""Settings, declared once: each has a name, a default and a help text that feed the CLI, the app and the docs.

A setting is read from the environment variable ``ESGRAF_<NAME>`` unless a command-line option or the caller
gives it. ``esgraf settings`` prints them all with their current values. The data folder the repository ships
(:data:`DATA_DIR`) is declared here too: it is the default of ``ESGRAF_DATA_DIR``, and every reader of
gazetteers, TERYT and sample articles that is not handed a folder reads this one.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

#: the repository: data/ and ontology/ are found from here
ROOT = Path(__file__).resolve().parent.parent
#: sample articles, gazetteers, word lists of the constructions, the TERYT register, example queries
DATA_DIR = ROOT / "data"


def _setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass
class Settings:
    store: str = _setting("var/store", "folder of the embedded on-disk store (pyoxigraph)")
    endpoint: str = _setting("", "SPARQL query URL of a server to use instead of the embedded store")
    update_endpoint: str = _setting("", "SPARQL update URL of that server (default: the query URL)")
    gsp_endpoint: str = _setting("", "Graph Store Protocol URL of that server (optional, faster bulk loads)")
    endpoint_user: str = _setting("", "user name for the SPARQL server (HTTP basic auth)")
    endpoint_password: str = _setting("", "password for the SPARQL server")
    endpoint_default_graph: str = _setting("merge", "how the server's default graph holds the named graphs' "
                                                    "facts: `merge` (esgraf keeps it) or `union` (the server "
                                                    "shows the union itself)")
    base_iri: str = _setting("https://w3id.org/esgraf/", "base of every IRI esgraf mints")
    data_dir: str = _setting(str(DATA_DIR), "folder with the sample articles, gazetteers and word lists, TERYT and example queries")
    articles: str = _setting("", "the corpus `serve` and `load` without paths read (default: articles/ in the "
                                 "data folder)")
    write_token: str = _setting("", "bearer token that allows SPARQL Update, Graph Store writes and ingest; "
                                    "empty: the endpoint is read-only")
    query_timeout: float = _setting(30.0, "seconds a SPARQL query may run before it is stopped")
    max_rows: int = _setting(10000, "most result rows the SPARQL endpoint returns; more are cut and flagged")
    max_body: int = _setting(10 * 1024 * 1024, "largest request body the web app accepts, in bytes")
    max_article_bytes: int = _setting(5 * 1024 * 1024, "largest article file esgraf reads, in bytes")
    host: str = _setting("127.0.0.1", "address `serve` listens on")
    port: int = _setting(5000, "port `serve` listens on")
    threads: int = _setting(8, "worker threads of the web server")
    query_memory: int = _setting(0, "MiB of memory one query worker may hold before its query is stopped (503); "
                                    "0: half the machine's RAM shared among the workers")
    client_queries: int = _setting(0, "most queries one client (IP address) may have running at once; more are "
                                      "answered 429; 0: half the query workers, at least one")
    connection_limit: int = _setting(1000, "most connections the web server holds open at once")
    idle_timeout: int = _setting(30, "seconds a connection may stay silent before the web server closes it")
    request_timeout: int = _setting(60, "seconds a client may take to send a whole request (headers and body); "
                                        "a connection still sending after that is closed")
    trusted_proxy: str = _setting("", "address of the reverse proxy whose X-Forwarded-For names the client; "
                                      "empty: the client is the connection's address")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then ``ESGRAF_*`` variables, then non-None ``overrides``."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(f"ESGRAF_{f.name.upper()}")
            if raw is not None:
                values[f.name] = type(f.default)(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @classmethod
    def describe(cls) -> list[tuple[str, object, str]]:
        """(environment variable, default, help) for each setting, for docs and ``esgraf settings``."""
        return [(f"ESGRAF_{f.name.upper()}", f.default, f.metadata["help"]) for f in dataclasses.fields(cls)]

    @property
    def store_path(self) -> Path:
        return Path(self.store)

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)

    @property
    def articles_path(self) -> Path:
        return Path(self.articles) if self.articles else self.data_path / "articles"

    @property
    def uses_server(self) -> bool:
        return bool(self.endpoint)
