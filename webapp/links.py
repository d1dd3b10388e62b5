"""Where an IRI is shown in this app: IRIs under the base open the app's own page at the same path; any other
IRI (Wikidata, an article's original URL) stays as it is."""
from __future__ import annotations

from flask import request

from webapp.state import state


def local_path(iri: str) -> str:
    path = state().mint.local(iri)
    return iri if path is None else f"{request.script_root}/{path}"


def is_local(iri: str) -> bool:
    return state().mint.local(iri) is not None
