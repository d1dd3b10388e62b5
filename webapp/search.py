"""Search over every label in the graph, forgiving case, diacritics and Polish inflection.

A small in-memory index, built from the store at start and rebuilt after each write. Each label token is
kept folded (lower case, no diacritics: "dąbrowski" -> "dabrowski"). A query word matches a token when one
of its keys equals it, where the keys are the folded word and the folded lemmas Morfeusz 2 gives for it
("Dąbrowskiego" -> "Dąbrowski"); failing that, when the word is the token plus a short inflectional ending
(typed without diacritics: "dabrowskiego") or the start of the token (typing in progress: "dąbr").
"""
from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from graph.iri import Minter
from graph.store import Store
from graph.vocab import sparql_prefixes

#: label properties searched, best first
LABELS_QUERY = sparql_prefixes(["rdfs", "skos", "foaf", "esg", "rdf"]) + """
SELECT DISTINCT ?s ?p ?label ?type WHERE {
  VALUES ?p { skos:prefLabel rdfs:label foaf:name skos:altLabel esg:acronym }
  ?s ?p ?label .
  OPTIONAL { ?s rdf:type ?type }
  FILTER (isIRI(?s))
}"""
#: longest ending a word may have beyond a token and still count as an inflected form of it
MAX_ENDING = 4
_NAME_RANK = {"http://www.w3.org/2004/02/skos/core#prefLabel": 0, "http://www.w3.org/2000/01/rdf-schema#label": 1,
              "http://xmlns.com/foaf/0.1/name": 2}
MIN_PREFIX = 3

_FOLD = str.maketrans({"ł": "l", "Ł": "L"})
_lock = threading.Lock()


def fold(text: str) -> str:
    """Lower case without diacritics: ``Łódź`` -> ``lodz``."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[str]:
    out, word = [], []
    for c in text:
        if c.isalnum():
            word.append(c)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


@lru_cache(maxsize=1)
def _morfeusz() -> object | None:
    try:
        import morfeusz2
    except ImportError:  # the index still works on folded forms
        return None
    return morfeusz2.Morfeusz()


@lru_cache(maxsize=50000)
def lemmas(word: str) -> frozenset[str]:
    """Folded lemmas Morfeusz gives for ``word`` (the word itself included)."""
    out = {fold(word)}
    m = _morfeusz()
    if m is not None:
        with _lock:  # one analyser, not safe to share between threads
            analyses = m.analyse(word)
        for _, _, (_, lemma, *_rest) in analyses:
            out.add(fold(lemma.split(":", 1)[0]))
    return frozenset(out)


@dataclass
class Hit:
    iri: str
    label: str
    types: set[str] = field(default_factory=set)
    matched: str = ""  # the label that matched (an alias, a former name)
    score: float = 0.0
    exact: bool = False


@dataclass
class _Entry:
    iri: str
    label: str
    token_keys: list[frozenset[str]]
    capitals: list[bool]  # which tokens start with a capital: a proper name


class LabelIndex:
    """Every labelled IRI under the base, searchable by words."""

    def __init__(self, base: str):
        self.mint = Minter(base)
        self._entries: list[_Entry] = []
        self._types: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}

    def refresh(self, store: Store) -> None:
        entries, types, names = [], {}, {}
        seen: set[tuple[str, str]] = set()
        for row in store.select(LABELS_QUERY):
            iri, label = str(row["s"]), str(row["label"])
            # role titles label memberships, which are shown on the person's page, not found on their own
            if self.mint.section(iri) in (None, "membership", "graph"):
                continue
            if "type" in row:
                types.setdefault(iri, set()).add(str(row["type"]))
            if (iri, label) in seen:
                continue
            seen.add((iri, label))
            rank = _NAME_RANK.get(str(row["p"]), 9)
            if rank < names.get(iri, (10, ""))[0]:
                names[iri] = (rank, label)
            toks = tokens(label)
            entries.append(_Entry(iri, label, [lemmas(tok) for tok in toks], [tok[:1].isupper() for tok in toks]))
        self._entries, self._types = entries, types
        self._names = {iri: label for iri, (_, label) in names.items()}

    def name(self, iri: str) -> str | None:
        return self._names.get(iri)

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        words = tokens(query)
        if not words:
            return []
        keys = [lemmas(w) for w in words]
        capitals = [w[:1].isupper() and not w.isupper() for w in words]
        best: dict[str, Hit] = {}
        for entry in self._entries:
            score, exact = _score(keys, capitals, entry)
            if score <= 0:
                continue
            full = fold(entry.label) == fold(query.strip())
            score += 2.0 if full else 0.0
            score -= 0.01 * max(0, len(entry.token_keys) - len(words))  # fewer extra words: a closer match
            hit = best.get(entry.iri)
            if hit is None or score > hit.score:
                best[entry.iri] = Hit(entry.iri, self._names.get(entry.iri, entry.label),
                                      types=self._types.get(entry.iri, set()), score=score, exact=exact or full,
                                      matched=entry.label)
        return sorted(best.values(), key=lambda h: (-h.score, h.label))[:limit]


def _score(query_keys: list[frozenset[str]], capitals: list[bool], entry: _Entry) -> tuple[float, bool]:
    """How well every query word matches some token: 1 per exact match, less for looser ones; 0 if one fails.

    A capitalised word matching a capitalised token scores a little more: "Dąbrowskiego" is rather
    Dariusz Dąbrowski than powiat dąbrowski.
    """
    total, all_exact = 0.0, True
    for qk, capital in zip(query_keys, capitals):
        best = 0.0
        for tk, token_capital in zip(entry.token_keys, entry.capitals):
            if qk & tk:
                best = max(best, 1.1 if capital and token_capital else 1.0)
                continue
            for q in qk:
                for t in tk:
                    if len(t) >= MIN_PREFIX + 1 and q.startswith(t) and len(q) - len(t) <= MAX_ENDING:
                        best = max(best, 0.8)
                    elif len(q) >= MIN_PREFIX and t.startswith(q):
                        best = max(best, 0.6)
        if best == 0.0:
            return 0.0, False
        all_exact &= best >= 0.8  # the word itself, a lemma, or the token with an ending: not a bare prefix
        total += best
    return total, all_exact
