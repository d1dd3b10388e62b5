"""Every IRI esgraf mints is made here, and read back here: nowhere else.

IRIs are stable and readable: ``{base}person/dariusz-dabrowski``, ``{base}county/2611``,
``{base}graph/article/000-48bf010c9a210a90``. The base defaults to :data:`graph.vocab.BASE` and is a setting,
so a deployment can mint IRIs under its own domain.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import URIRef

from graph.model import ENTITY_TYPES
from graph.slug import slugify
from graph.vocab import BASE

__all__ = ["Minter", "MINT", "PATH_TYPES", "SECTIONS", "TERRITORIES", "TYPE_PATHS", "iri_problem", "is_plain_iri", "local_name", "slugify",
           "territory_code"]

#: path segment of each entity type's IRIs: its name in lower case, or the Polish word where that is the one used
TYPE_PATHS = {t: {"Municipality": "gmina"}.get(t, t.lower()) for t in ENTITY_TYPES}
PATH_TYPES = {v: k for k, v in TYPE_PATHS.items()}
#: the first path segments of what the minter makes: entities, then articles with their sentences and statements,
#: memberships, concepts and named graphs
SECTIONS = (*TYPE_PATHS.values(), "article", "membership", "concept", "graph")
#: the entity types whose IRIs end in their TERYT code rather than a key
TERRITORIES = ("County", "Voivodeship", "Municipality")

#: an absolute IRI that can be written between < and > in a query as it is
_PLAIN_IRI = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+")
_TERRITORY = re.compile(r"/(%s)/(\d{2,7})$" % "|".join(TYPE_PATHS[t] for t in TERRITORIES))
#: IRIs under the default base that files of the repository spell (concept schemes, named graphs); a deployment
#: with its own base has them under it. The vocabulary itself (``{BASE}ontology#``) keeps its IRI whatever the base.
_REBASED = (BASE + "concept/", BASE + "graph/")


def is_plain_iri(text: str) -> bool:
    """True for an absolute IRI that can stand between < and > in a query as it is."""
    return bool(_PLAIN_IRI.fullmatch(text))


def local_name(iri: str) -> str:
    """The last segment of an IRI, after its ``#`` or ``/``: the readable part of a predicate or a class."""
    return iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def territory_code(iri: str) -> str | None:
    """The TERYT code at the end of a territory's IRI, under any base (``…/county/2611`` -> ``2611``), or None."""
    m = _TERRITORY.search(str(iri))
    return m.group(2) if m else None


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

    def at(self, path: str) -> URIRef:
        """The IRI of a path under the base (``person/dariusz-dabrowski``): the page at that path names it."""
        return URIRef(self.base + path.lstrip("/"))

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

    def distribution(self, name: str) -> URIRef:
        """One of the dataset's dumps (``dump.trig``) as a DCAT distribution."""
        return URIRef(f"{self.dataset}/dump.{name}")

    def is_article_graph(self, iri: str) -> bool:
        return iri.startswith(f"{self.base}graph/article/")

    def local(self, iri: str) -> str | None:
        """The path of an IRI under the base (``person/dariusz-dabrowski``), or None if it is not ours."""
        return iri[len(self.base):] if iri.startswith(self.base) else None

    def section(self, iri: str) -> str | None:
        """What an IRI under the base names, by its first segment: ``person``, ``membership``, ``graph``…"""
        path = self.local(iri)
        return path.split("/", 1)[0] if path else None

    def entity_type(self, iri: str) -> str | None:
        """The entity type of an entity's IRI (``Person`` for ``…/person/x``), or None."""
        path = self.local(iri)
        head, slash, key = (path or "").partition("/")
        return PATH_TYPES.get(head) if slash and key else None

    def key(self, iri: str, type_: str) -> str | None:
        """The key of an entity IRI of type ``type_`` (``dariusz-dabrowski``), or None for any other IRI."""
        path = self.local(iri)
        if path is None or self.entity_type(iri) != type_:
            return None
        return path[len(TYPE_PATHS[type_]) + 1:]

    def rebase(self, iri: str) -> str:
        """An IRI the repository's files spell under the default base, under this one; others as they are."""
        return self.base + iri[len(BASE):] if iri.startswith(_REBASED) else iri


#: the default minter, under the default base
MINT = Minter()
