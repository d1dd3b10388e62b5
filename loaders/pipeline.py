"""Extraction as a pipeline of named steps (after spaCy's factories).

A step is a small function registered under a name with what it needs and what it adds; a :class:`Pipeline`
is a list of step names, checked before it runs, so a step whose input nothing provides fails at start, not
halfway through a corpus. ``extract_corpus`` runs the pipeline over many articles so that an acronym or short
form in one article joins the entity another article spells out, and every entity gets one canonical name.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from graph.model import Article, Extraction
from loaders import registry
from loaders.doc import Doc
from loaders.events import merge_events
from loaders.gazetteer import Gazetteer, gazetteer
from loaders.morph import morph
from loaders.resolve import KnownEntities, Resolver, name_rank as _rank
from loaders.tokens import split_sentences, tokenize


@dataclass(frozen=True)
class Step:
    name: str
    func: Callable[[Doc], None]
    needs: frozenset[str]
    adds: frozenset[str]


STEPS: dict[str, Step] = {}


def step(name: str, needs: Iterable[str] = (), adds: Iterable[str] = ()) -> Callable:
    def register(func: Callable[[Doc], None]) -> Callable[[Doc], None]:
        STEPS[name] = Step(name, func, frozenset(needs), frozenset(adds))
        return func
    return register


@step("tokenize", needs=["text"], adds=["tokens"])
def _tokenize(doc: Doc) -> None:
    doc.tokens = tokenize(doc.text)


@step("sentences", needs=["tokens"], adds=["sentences"])
def _sentences(doc: Doc) -> None:
    doc.set_tokens(doc.tokens, split_sentences(doc.text, doc.tokens))


@step("morphology", needs=["tokens"], adds=["lemmas"])
def _morphology(doc: Doc) -> None:
    m = morph()
    for t in doc.tokens:
        if t.kind == "word":
            t.interps = m.analyse(t.text)
            t.lemmas = frozenset(i.lemma.lower() for i in t.interps if i.pos != "ign")


@step("mentions", needs=["tokens", "sentences", "lemmas"], adds=["mentions"])
def _mentions(doc: Doc) -> None:
    registry.load(gaz=doc.gaz)["mentions"].run(doc)


@step("resolve", needs=["mentions"], adds=["entities"])
def _resolve(doc: Doc) -> None:
    known = doc.known if isinstance(doc.known, KnownEntities) else None
    Resolver(doc, known).run()
    doc.extraction = Extraction(doc.article, doc.sentences, doc.entities, [])


@step("relations", needs=["entities", "sentences"], adds=["relations"])
def _relations(doc: Doc) -> None:
    registry.load(gaz=doc.gaz)["relations"].run(doc)


DEFAULT_STEPS = ("tokenize", "sentences", "morphology", "mentions", "resolve", "relations")


class PipelineError(ValueError):
    """The pipeline is not well formed: an unknown step, or a step whose input nothing provides."""


class Pipeline:
    def __init__(self, names: Iterable[str] = DEFAULT_STEPS, gaz: Gazetteer | None = None):
        self.steps = []
        have = {"text"}
        for name in names:
            if name not in STEPS:
                raise PipelineError(f"unknown step {name!r}; known: {', '.join(sorted(STEPS))}")
            s = STEPS[name]
            missing = s.needs - have
            if missing:
                raise PipelineError(f"step {name!r} needs {', '.join(sorted(missing))}, which no earlier step adds")
            have |= s.adds
            self.steps.append(s)
        self.gaz = gaz or gazetteer()
        try:
            registry.load(gaz=self.gaz)
        except registry.RegistryError as exc:
            raise PipelineError(str(exc)) from exc

    def __call__(self, article: Article, known: KnownEntities | None = None) -> Extraction:
        return self.finish(self.prepare(article, known))

    def _split(self) -> int:
        names = [s.name for s in self.steps]
        return names.index("resolve") if "resolve" in names else len(names)

    def prepare(self, article: Article, known: KnownEntities | None = None) -> Doc:
        """Run the steps before entity resolution: what does not depend on other articles."""
        doc = Doc(article, self.gaz, known or KnownEntities())
        for s in self.steps[: self._split()]:
            s.func(doc)
        return doc

    def finish(self, doc: Doc, until: str | None = None) -> Extraction:
        """Run resolution and the steps after it (up to and including ``until``)."""
        for s in self.steps[self._split():]:
            s.func(doc)
            if s.name == until:
                break
        if doc.extraction is None:
            return Extraction(doc.article, doc.sentences, {}, [])
        return doc.extraction


def extract(article: Article, known: KnownEntities | None = None) -> Extraction:
    """Everything one article says, with names in the nominative."""
    return _default()(article, known)


_PIPELINE: Pipeline | None = None


def _default() -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE


def extract_batches(articles: Iterable[Article], known: KnownEntities | None = None,
                    batch: int = 200) -> Iterator[list[Extraction]]:
    """Extract articles batch by batch so that they share entities: acronyms and short forms join across
    articles, and each entity gets one canonical name within a batch.

    Within a batch, tokens, morphology and mentions are computed once; entity resolution runs twice, first to
    collect every organisation's names, then knowing them. ``known`` carries entities from batch to batch (and
    from the store), so memory stays bounded by the batch, not the corpus.
    """
    known = known or KnownEntities()
    pipe = _default()
    pending: list[Article] = []

    def run(items: list[Article]) -> list[Extraction]:
        docs = [pipe.prepare(a, known) for a in items]
        for d in docs:
            for e in pipe.finish(d, until="resolve").entities.values():
                known.add(e)
        out = [pipe.finish(d) for d in docs]
        merge_events(out)
        unify_names(out)
        return out

    for a in articles:
        pending.append(a)
        if len(pending) >= batch:
            yield run(pending)
            pending = []
    if pending:
        yield run(pending)


def extract_corpus(articles: Iterable[Article], known: KnownEntities | None = None) -> list[Extraction]:
    """All extractions of a corpus resolved together (see :func:`extract_batches`)."""
    return [x for b in extract_batches(articles, known, batch=1_000_000) for x in b]


def unify_names(extractions: list[Extraction]) -> None:
    """Give every entity key one canonical name across articles, the others becoming aliases."""
    votes: dict[tuple[str, str], Counter] = {}
    aliases: dict[tuple[str, str], set[str]] = {}
    for x in extractions:
        for e in x.entities.values():
            k = (e.type, e.key)
            aliases.setdefault(k, set()).update({e.name} | e.aliases)
            votes.setdefault(k, Counter())[e.name] += 1
    # the name most articles use; among equals the fuller one
    best = {k: max(c, key=lambda n: (c[n], _rank(n))) for k, c in votes.items()}
    for x in extractions:
        for e in x.entities.values():
            k = (e.type, e.key)
            if e.type in ("County", "Voivodeship", "Municipality"):
                continue
            e.name = best[k]
            e.aliases = (aliases[k] | e.aliases) - {e.name}
