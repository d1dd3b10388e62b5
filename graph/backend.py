"""Open the store the settings name: the embedded pyoxigraph store, or a SPARQL server."""
from __future__ import annotations

from graph.settings import Settings
from graph.store import OxigraphStore, Store


def open_store(settings: Settings, read_only: bool = False) -> Store:
    """The embedded store at ``settings.store``, or a :class:`graph.remote.SparqlStore` if an endpoint is set."""
    if settings.uses_server:
        from graph.remote import SparqlStore

        return SparqlStore(
            query_url=settings.endpoint,
            update_url=settings.update_endpoint or settings.endpoint,
            gsp_url=settings.gsp_endpoint or None,
            user=settings.endpoint_user or None,
            password=settings.endpoint_password or None,
            default_graph=settings.endpoint_default_graph,
        )
    return OxigraphStore(settings.store_path, read_only=read_only)
