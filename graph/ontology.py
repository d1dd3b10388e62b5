"""The ontology, concept schemes and shapes as graphs, and the reference graphs every store holds.

``ontology/esgraf.ttl`` and ``ontology/schemes.ttl`` go into ``{base}graph/ontology``, the TERYT register into
``{base}graph/teryt``. Each graph records a hash of what it was made from, so a store is reloaded only when the
ontology, the register or the code that turns it into triples has changed.
"""
from __future__ import annotations

import functools
import hashlib
import logging
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

import ontology as _ontology_pkg
from graph import teryt
from graph.iri import MINT, Minter
from graph.settings import DATA_DIR
from graph.store import Store
from graph.vocab import BASE, DCTERMS, ESG, RDFS

log = logging.getLogger(__name__)

Triple = tuple[Node, Node, Node]

ONTOLOGY_DIR = Path(_ontology_pkg.__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "esgraf.ttl"
SCHEMES_FILE = ONTOLOGY_DIR / "schemes.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

def _rebase(term: Node, mint: Minter) -> Node:
    return URIRef(mint.rebase(str(term))) if isinstance(term, URIRef) else term


def _parse(paths: tuple[Path, ...], base: str) -> tuple[Triple, ...]:
    g = Graph()
    for path in paths:
        g.parse(path, format="turtle")
    if base == BASE:
        return tuple(g)
    mint = Minter(base)
    return tuple((_rebase(s, mint), _rebase(p, mint), _rebase(o, mint)) for s, p, o in g)


@functools.lru_cache(maxsize=8)
def _parsed(paths: tuple[Path, ...], base: str, digest: str) -> tuple[Triple, ...]:
    # keyed by the content digest too, so an edited file is parsed again in a long-running process
    return _parse(paths, base)


def _ontology_sources() -> tuple[Path, ...]:
    return (ONTOLOGY_FILE, SCHEMES_FILE)


def _ontology_triples(mint: Minter) -> tuple[Triple, ...]:
    return _parsed(_ontology_sources(), mint.base, ontology_hash(mint))


def _graph(triples: tuple[Triple, ...]) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    g.bind("esg", ESG._NS)
    return g


def ontology_graph(mint: Minter = MINT) -> Graph:
    """The ontology and the SKOS schemes (a fresh graph each call; the parse is cached)."""
    return _graph(_ontology_triples(mint))


def shapes_graph(mint: Minter = MINT) -> Graph:
    """The SHACL shapes (a fresh graph each call; the parse is cached)."""
    digest = _digest([mint.base.encode(), SHAPES_FILE.read_bytes()])
    return _graph(_parsed((SHAPES_FILE,), mint.base, digest))


def _digest(parts: list[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return "sha256:" + h.hexdigest()


def ontology_hash(mint: Minter = MINT) -> str:
    """Hash of the ontology graph's sources and the base it is minted under."""
    return _digest([mint.base.encode(), *(f.read_bytes() for f in _ontology_sources())])


def teryt_hash(mint: Minter = MINT, data_dir: Path | str = DATA_DIR) -> str:
    """Hash of the register files, the base, and the code that turns them into triples."""
    files = [*teryt.register_files(data_dir), Path(teryt.__file__)]
    return _digest([mint.base.encode(), *(f.read_bytes() for f in files)])


def _stamp(graph: URIRef, digest: str, title: str) -> list[Triple]:
    return [(graph, DCTERMS.identifier, Literal(digest)), (graph, RDFS.label, Literal(title, lang="en"))]


def _has_stamp(store: Store, graph: URIRef, digest: str) -> bool:
    return store.ask(f'ASK {{ GRAPH <{graph}> {{ <{graph}> <{DCTERMS.identifier}> "{digest}" }} }}')


def ensure_reference_data(store: Store, mint: Minter = MINT, data_dir: Path | str = DATA_DIR) -> None:
    """Load the ontology and the TERYT register into their graphs unless the store already has these versions.

    Both graphs are replaced in one transaction, so a reader sees either the old or the new reference data.
    """
    graphs: dict[str, list[Triple]] = {}
    digest = ontology_hash(mint)
    if not _has_stamp(store, mint.ontology_graph, digest):
        graphs[str(mint.ontology_graph)] = [*_ontology_triples(mint),
                                            *_stamp(mint.ontology_graph, digest, "esgraf ontology and concept schemes")]
    digest = teryt_hash(mint, data_dir)
    if not _has_stamp(store, mint.teryt_graph, digest):
        register = teryt.load_register(Path(data_dir))
        graphs[str(mint.teryt_graph)] = [*teryt.teryt_triples(register, mint),
                                         *_stamp(mint.teryt_graph, digest, "TERYT territories of Poland (GUS TERC)")]
    if graphs:
        log.info("loading reference graphs: %s", ", ".join(graphs))
        store.replace_graphs(graphs)
