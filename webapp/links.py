"""Where an IRI is shown in this app: IRIs under the base open the app's own page at the same path; any other
IRI (Wikidata, an article's original URL) stays as it is."""
from __future__ import annotations

from flask import request

from webapp.state import state


def local_path(iri: str) -> str:
    base = state().mint.base
    if iri.startswith(base):
        rest = iri[len(base):]
        if rest.startswith("ontology#"):
            rest = "ontology#" + rest.split("#", 1)[1]
        return f"{request.script_root}/{rest}"
    return iri


def is_local(iri: str) -> bool:
    return iri.startswith(state().mint.base)
