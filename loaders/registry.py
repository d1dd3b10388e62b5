"""The registry of constructions: each a small named rule with its patterns in data, run in a declared order.

A construction is registered with :func:`construction` under a name ("role-after-name"), for a stage
(``mentions`` finds names, ``relations`` links entities) and with the labels its function reads from a match.
Its token patterns live in ``data/constructions/<stage>.toml`` under the same name; the order of each stage is
``data/constructions/order.toml``. :func:`check` is what the pipeline runs before it starts: every name in the
order is registered, every registered construction is in the order, every pattern belongs to a construction and
uses only word lists that exist and labels its function reads.
"""
from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.doc import Doc
from loaders.gazetteer import DATA_DIR, Gazetteer
from loaders.matcher import Match, Pattern, PatternError, compile_pattern

log = logging.getLogger(__name__)

STAGES = ("mentions", "relations")


class RegistryError(ValueError):
    """The constructions and their data do not fit together."""


@dataclass(frozen=True)
class Construction:
    name: str
    stage: str
    func: Callable[..., None]
    slots: tuple[str, ...]  # labels the function reads; every pattern must define them ("org?": may lack it)
    patterned: bool  # called once per match of its patterns, else once per document
    doc: str


REGISTRY: dict[str, Construction] = {}


def construction(name: str, stage: str, slots: tuple[str, ...] = (), patterned: bool = True
                 ) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register ``func(doc, match)`` (or ``func(doc)`` when not ``patterned``) as the construction ``name``."""
    if stage not in STAGES:
        raise RegistryError(f"{name}: unknown stage {stage!r}")

    def register(func: Callable[..., None]) -> Callable[..., None]:
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise RegistryError(f"construction {name!r} registered twice")
        REGISTRY[name] = Construction(name, stage, func, tuple(slots), patterned, (func.__doc__ or "").strip())
        return func
    return register


@dataclass
class Stage:
    name: str
    steps: list[tuple[Construction, list[Pattern]]] = field(default_factory=list)
    _sets: dict[str, PatternSet] = field(default_factory=dict)

    def run(self, doc: Doc) -> None:
        """Run each construction over the document. On a lenient document a construction that fails loses only
        what it would have read there: the failure is logged and kept in ``doc.warnings``, and the rest goes on."""
        for c, patterns in self.steps:
            if not c.patterned:
                _call(doc, c, None)
                continue
            ps = self._sets.get(c.name)
            if ps is None:
                ps = self._sets[c.name] = PatternSet(patterns)
            for match in ps.matches(doc):
                _call(doc, c, match)


def _call(doc: Doc, c: Construction, match: Match | None) -> None:
    try:
        c.func(doc) if match is None else c.func(doc, match)
    except Exception as exc:  # noqa: BLE001 - one rule's fault must not lose the article
        if not doc.lenient:
            raise
        where = f" in sentence {match.sentence + 1}" if match is not None else ""
        message = f"the construction {c.name} failed{where} ({type(exc).__name__}: {exc}); the rest was read"
        doc.warnings.append(message)
        log.warning("%s: %s", doc.article.source, message)


class PatternSet:
    """A construction's patterns, indexed by the words they may start with, so that a token is tried only
    against the patterns that can start there."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        self.by_word: dict[str, list[int]] = {}
        self.any: list[int] = []
        self.mentions: frozenset[str] = frozenset()  # types of mention some pattern starts with
        for n, p in enumerate(patterns):
            if p.first is None:
                self.any.append(n)
                if p.first_mention is not None:
                    self.mentions |= p.first_mention
            else:
                for w in p.first:
                    self.by_word.setdefault(w, []).append(n)
        self.unbounded = any(patterns[n].first_mention is None for n in self.any)

    def candidates(self, doc: Doc, i: int) -> list[Pattern]:
        hits = [n for w in doc.word_keys(i) for n in self.by_word.get(w, ())]
        if not hits:
            return [self.patterns[n] for n in self.any] if self.any else []
        return [self.patterns[n] for n in sorted(set(hits) | set(self.any))]

    def starts(self, doc: Doc) -> list[int]:
        """The tokens where a pattern may start: every token when a pattern has no first word, else those that
        are one of the first words."""
        if self.unbounded:
            return list(range(len(doc.tokens)))
        found: set[int] = {m.start for m in doc.mentions if m.type in self.mentions or "any" in self.mentions}
        for w in self.by_word:
            found.update(doc.positions(w))
        return sorted(found)

    def matches(self, doc: Doc) -> list[Match]:
        """Matches in the document, left to right, none inside another: at each start the first pattern that
        fits, and the next match starts after it; no match crosses a sentence."""
        out: list[Match] = []
        after = -1
        for i in self.starts(doc):
            if i < after:
                continue
            s = doc.tokens[i].sentence
            _, b = doc.sentence_span(s)
            m = next((m for p in self.candidates(doc, i) if (m := p.match_at(doc, i, b, s)) is not None), None)
            if m is not None:
                out.append(m)
                after = m.end
        return out


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RegistryError(f"{path}: {exc}") from exc


_LOADED: dict[tuple[Path, int], dict[str, Stage]] = {}


def load(data_dir: Path = DATA_DIR, gaz: Gazetteer | None = None) -> dict[str, Stage]:
    """The stages with their constructions and compiled patterns, checked (see :func:`check`)."""
    from loaders import constructions  # noqa: F401  (registers every construction)
    from loaders.gazetteer import gazetteer

    gaz = gaz or gazetteer(data_dir)
    cache_key = (data_dir, id(gaz))
    if cache_key not in _LOADED:
        _LOADED[cache_key] = _build(data_dir, gaz)
    return _LOADED[cache_key]


def _build(data_dir: Path, gaz: Gazetteer) -> dict[str, Stage]:
    folder = data_dir / "constructions"
    order = _load_toml(folder / "order.toml")
    stages: dict[str, Stage] = {}
    listed: dict[str, str] = {}
    for stage in STAGES:
        names = order.get(stage)
        if not isinstance(names, list):
            raise RegistryError(f"order.toml: no list of {stage} constructions")
        data = _load_toml(folder / f"{stage}.toml") if (folder / f"{stage}.toml").exists() else {}
        st = Stage(stage)
        for name in names:
            if name in listed:
                raise RegistryError(f"order.toml: {name!r} is listed twice")
            listed[name] = stage
            c = REGISTRY.get(name)
            if c is None:
                raise RegistryError(f"order.toml: unknown construction {name!r}")
            if c.stage != stage:
                raise RegistryError(f"order.toml: {name!r} belongs to the {c.stage} stage, not {stage}")
            st.steps.append((c, _patterns(c, data.get(name), gaz)))
        for name in data:
            if name not in REGISTRY:
                raise RegistryError(f"{stage}.toml: patterns for unknown construction {name!r}")
            if name not in names:
                raise RegistryError(f"{stage}.toml: {name!r} has patterns but is not in order.toml")
        stages[stage] = st
    missing = sorted(set(REGISTRY) - set(listed))
    if missing:
        raise RegistryError(f"order.toml does not place {', '.join(missing)}")
    return stages


def _patterns(c: Construction, table: Any, gaz: Gazetteer) -> list[Pattern]:
    if not c.patterned:
        if table and table.get("patterns"):
            raise RegistryError(f"{c.name}: runs once per document and takes no patterns")
        return []
    if not isinstance(table, dict) or not table.get("patterns"):
        raise RegistryError(f"{c.name}: no patterns in data/constructions/{c.stage}.toml")
    unknown = set(table) - {"patterns", "example", "examples", "note"}
    if unknown:
        raise RegistryError(f"{c.name}: unknown key {sorted(unknown)[0]!r}")
    out = []
    for n, raw in enumerate(table["patterns"]):
        try:
            p = compile_pattern(f"{c.name}#{n}", raw, gaz)
        except (PatternError, KeyError) as exc:
            raise RegistryError(str(exc).strip('"')) from exc
        labels = {s.label for s in p.specs if s.label}
        lacking = [s for s in c.slots if not s.endswith("?") and s not in labels]
        if lacking:
            raise RegistryError(f"{p.name}: the pattern has no {lacking[0]!r} label, which {c.name} reads")
        stray = labels - {s.rstrip("?") for s in c.slots}
        if stray:
            raise RegistryError(f"{p.name}: label {sorted(stray)[0]!r} is not one {c.name} reads")
        out.append(p)
    return out


def check(data_dir: Path = DATA_DIR) -> None:
    """Raise :class:`RegistryError` unless constructions, order and patterns fit together."""
    load(data_dir)
