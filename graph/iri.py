"""Every IRI esgraf mints is made here and nowhere else.

IRIs are stable and readable: ``{base}person/dariusz-dabrowski``, ``{base}county/2611``,
``{base}graph/article/000-48bf010c9a210a90``. The base defaults to :data:`graph.vocab.BASE` and is a setting,
so a deployment can mint IRIs under its own domain.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import URIRef

from graph.slug import slugify
from graph.vocab import BASE

__all__ = ["Minter", "MINT", "slugify", "TYPE_PATHS", "PATH_TYPES", "iri_problem"]

#: path segment for each entity type
TYPE_PATHS = {
    "Person": "person",
    "Organization": "organization",
    "County": "county",
    "Voivodeship": "voivodeship",
    "Municipality": "gmina",
    "Partnership": "partnership",
    "Agreement": "agreement",
    "Project": "project",
    "Programme": "programme",
    "Event": "event",
}
PATH_TYPES = {v: k for k, v in TYPE_PATHS.items()}


def iri_problem(text: str) -> str | None:
    """Why ``text`` cannot be an IRI in the graph (``Invalid IRI percent encoding '%zz'``), or None when it can.

    The stores' own parser decides, so an address that passes here is one every store takes.
    """
    try:
        ox.NamedNode(text)
    except ValueError as exc:
        return str(exc)
    return None


class Minter:
    """Mints IRIs under one base."""

    def __init__(self, base: str = BASE):
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, type_: str, key: str) -> URIRef:
        return URIRef(f"{self.base}{TYPE_PATHS[type_]}/{key}")

    def article(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}")

    def sentence(self, article_id: str, index: int) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}/s{index}")

    def article_graph(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/article/{article_id}")

    def membership(self, person_key: str, org_key: str) -> URIRef:
        return URIRef(f"{self.base}membership/{person_key}--{org_key}")

    def statement(self, article_id: str, n: int) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}/st{n}")

    def concept(self, scheme: str, key: str) -> URIRef:
        return URIRef(f"{self.base}concept/{scheme}/{slugify(key)}")

    def scheme(self, scheme: str) -> URIRef:
        return URIRef(f"{self.base}concept/{scheme}")

    @property
    def meta_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/meta")

    @property
    def ontology_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/ontology")

    @property
    def teryt_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/teryt")

    @property
    def dataset(self) -> URIRef:
        return URIRef(f"{self.base}dataset")

    def is_article_graph(self, iri: str) -> bool:
        return iri.startswith(f"{self.base}graph/article/")

    def local(self, iri: str) -> str | None:
        """The path of an IRI under the base (``person/dariusz-dabrowski``), or None if it is not ours."""
        return iri[len(self.base):] if iri.startswith(self.base) else None


#: the default minter, under the default base
MINT = Minter()
