"""Extraction as a pipeline of named steps (after spaCy's factories).

A step is a small function registered under a name with what it needs and what it adds; a :class:`Pipeline`
is a list of step names, checked before it runs, so a step whose input nothing provides fails at start, not
halfway through a corpus. ``extract_corpus`` runs the pipeline over many articles so that an acronym or short
form in one article joins the entity another article spells out, and every entity gets one canonical name.
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from graph.model import Article, Entity, Extraction
from graph.settings import DATA_DIR
from loaders import registry
from loaders.doc import Doc
from loaders.events import merge_events
from loaders.gazetteer import Gazetteer, gazetteer
from loaders.morph import morph
from loaders.resolve import KnownEntities, Resolver, name_rank as _rank
from loaders.tokens import split_sentences, tokenize

T = TypeVar("T")


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
    doc.extraction = Extraction(doc.article, doc.sentences, doc.entities, [], warnings=doc.warnings)


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

    def prepare(self, article: Article, known: KnownEntities | None = None, lenient: bool = False) -> Doc:
        """Run the steps before entity resolution: what does not depend on other articles. With ``lenient``, a
        construction that fails loses what it would have read, not the article (see :meth:`registry.Stage.run`)."""
        doc = Doc(article, self.gaz, known or KnownEntities(), lenient)
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
    return default_pipeline()(article, known)


def default_pipeline(data_dir: Path | str | None = None) -> Pipeline:
    """The default pipeline, reading its word lists from ``data_dir`` (default: the repository's ``data/``)."""
    folder = Path(data_dir).resolve() if data_dir is not None else DATA_DIR
    return _pipeline(None if folder == DATA_DIR else folder)


@functools.lru_cache(maxsize=2)
def _pipeline(folder: Path | None) -> Pipeline:
    return Pipeline(gaz=gazetteer(folder) if folder is not None else None)


class ExtractionError(Exception):
    """One article could not be read through the pipeline; the message says why, in one line."""


#: what happened to each article of a batch so far: its document on the way, or why it failed
Slot = Doc | ExtractionError


def _guarded(work: Callable[[], T], catch: bool) -> T | ExtractionError:
    """``work()``, or with ``catch`` the error it raised as an :class:`ExtractionError`."""
    if not catch:
        return work()
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - one article's failure must not lose the others
        return ExtractionError(f"{type(exc).__name__}: {exc}".strip())


def prepare_all(pipe: Pipeline, articles: Sequence[Article], known: KnownEntities, catch: bool,
                at: Callable[[int], None] = lambda i: None) -> list[Slot]:
    """The steps before resolution for each article: they depend on no other article."""
    out: list[Slot] = []
    for i, a in enumerate(articles):
        at(i)
        out.append(_guarded(lambda: pipe.prepare(a, known, lenient=catch), catch))
    return out


def first_pass(pipe: Pipeline, docs: list[Slot], known: KnownEntities, catch: bool,
               at: Callable[[int], None] = lambda i: None) -> list[Entity]:
    """Resolve each document in order, adding its organisations' names to ``known`` before the next one
    resolves; the entities added, in that order. A document that fails becomes its error."""
    added: list[Entity] = []
    for i, d in enumerate(docs):
        if isinstance(d, Doc):
            at(i)
            found = _guarded(lambda: list(pipe.finish(d, until="resolve").entities.values()), catch)
            if isinstance(found, ExtractionError):
                docs[i] = found
                continue
            for e in found:
                known.add(e)
            added += found
    return added


def finish_all(pipe: Pipeline, docs: list[Slot], catch: bool,
               at: Callable[[int], None] = lambda i: None) -> list[Extraction | ExtractionError]:
    """Resolution knowing every name of the batch, then relations, for each document."""
    out: list[Extraction | ExtractionError] = []
    for i, d in enumerate(docs):
        at(i)
        out.append(_guarded(lambda: pipe.finish(d), catch) if isinstance(d, Doc) else d)
    return out


def kept(articles: Sequence[Article], results: Sequence[Extraction | ExtractionError],
         on_error: Callable[[Article, ExtractionError], None] | None) -> list[Extraction]:
    """The extractions of a batch, its reports of one event as one, with one canonical name per entity; each
    failed article told to ``on_error``."""
    out = []
    for a, r in zip(articles, results):
        if isinstance(r, ExtractionError):
            if on_error is None:
                raise r
            on_error(a, r)
        else:
            out.append(r)
    merge_events(out)
    unify_names(out)
    return out


def extract_batches(articles: Iterable[Article], known: KnownEntities | None = None, batch: int = 200, *,
                    data_dir: Path | None = None, on_error: Callable[[Article, ExtractionError], None] | None = None
                    ) -> Iterator[list[Extraction]]:
    """Extract articles batch by batch so that they share entities: acronyms and short forms join across
    articles, and each entity gets one canonical name within a batch.

    Within a batch, tokens, morphology and mentions are computed once; entity resolution runs twice, first to
    collect every organisation's names, then knowing them. ``known`` carries entities from batch to batch (and
    from the store), so memory stays bounded by the batch, not the corpus.

    ``data_dir`` holds the word lists (default: the repository's ``data/``). With ``on_error``, an article that
    fails is told to it and left out, and the others go on; without it the failure is raised.
    :func:`loaders.parallel.parallel_batches` gives the same batches, read in worker processes.
    """
    known = known if known is not None else KnownEntities()
    pipe = default_pipeline(data_dir)
    catch = on_error is not None
    for items in batches_of(articles, batch):
        docs = prepare_all(pipe, items, known, catch)
        first_pass(pipe, docs, known, catch)
        yield kept(items, finish_all(pipe, docs, catch), on_error)


def batches_of(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """The articles in batches of ``size``, the last one shorter."""
    pending: list[Article] = []
    for a in articles:
        pending.append(a)
        if len(pending) >= size:
            yield pending
            pending = []
    if pending:
        yield pending


def extract_corpus(articles: Iterable[Article], known: KnownEntities | None = None, *,
                   data_dir: Path | None = None,
                   on_error: Callable[[Article, ExtractionError], None] | None = None) -> list[Extraction]:
    """All extractions of a corpus resolved together (see :func:`extract_batches`, and for ``on_error``)."""
    return [x for b in extract_batches(articles, known, batch=1_000_000, data_dir=data_dir, on_error=on_error)
            for x in b]


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
