"""Token patterns over Morfeusz readings, after spaCy's ``Matcher``: the data half of every construction.

A pattern is a list of token specs, read from ``data/constructions/*.toml``. A spec tests one token (its text,
lower-case form, lemmas, part of speech, case, shape, whether a mention covers it) or consumes a larger unit: a
whole mention (``mention = "Organization"``) or a phrase from a word list (``phrase = "@roles"``). ``op``
repeats a spec (``?``, ``*``, ``+``, at most ``max`` times) and ``label`` names what it matched, so a
construction's function reads slots ("person", "role", "org"), not token offsets. Word lists are referenced as
``"@name"`` and come from ``data/constructions/words.toml``; a pattern naming an unknown list, key or value is
an error when the patterns are loaded, not a silent miss.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from loaders.tokens import Token

SHAPES = ("cap", "title", "upper", "lower", "num", "punct", "word")
OPS = ("?", "*", "+")
TOKEN_KEYS = {"text", "lower", "lemma", "pos", "case", "number", "gender", "shape", "in_mention", "free", "not",
              "any"}
UNIT_KEYS = {"mention", "phrase"}
CONTROL_KEYS = {"op", "label", "max"}


class PatternError(ValueError):
    """A pattern in the data is not well formed."""


class Sentences(Protocol):
    """What the matcher needs of a document: its tokens, mentions and phrase lists."""

    tokens: list[Token]

    def outer_at(self, i: int) -> Any: ...

    def covering(self, i: int) -> list[Any]: ...

    def is_free(self, a: int, b: int) -> bool: ...

    def sentence_span(self, s: int) -> tuple[int, int]: ...


@dataclass(frozen=True)
class Phrase:
    """A multi-word entry of a phrase list: the first word matched by lemma, the rest as written or by lemma."""

    words: tuple[str, ...]
    value: str  # what the entry stands for (a role slug, a cue's meaning); the text itself by default
    lemmas: tuple[frozenset[str], ...] = ()  # lemmas of each word, for matching inflected forms


@dataclass
class Spec:
    """One position of a pattern."""

    raw: dict[str, Any]
    tests: list[Callable[[Token, int, Sentences], bool]] = field(default_factory=list)
    unit: Callable[[int, Sentences], int | None] | None = None
    op: str = ""
    label: str | None = None
    max: int = 1

    def consume(self, i: int, doc: Sentences, end: int) -> int | None:
        """One past what this spec consumes at token ``i``, or None if it does not match there."""
        if i >= end:
            return None
        tok = doc.tokens[i]
        for test in self.tests:
            if not test(tok, i, doc):
                return None
        if self.unit is not None:
            j = self.unit(i, doc)
            return j if j is not None and j <= end else None
        return i + 1


@dataclass(frozen=True)
class Match:
    """A pattern matched over tokens ``start``..``end`` (one past) of one sentence, with its labelled slots."""

    pattern: str
    start: int
    end: int
    sentence: int
    slots: Mapping[str, tuple[tuple[int, int], ...]]

    def span(self, label: str) -> tuple[int, int] | None:
        spans = self.slots.get(label)
        return spans[0] if spans else None

    def spans(self, label: str) -> tuple[tuple[int, int], ...]:
        return self.slots.get(label, ())


@dataclass
class Pattern:
    name: str
    specs: list[Spec]
    first: frozenset[str] | None = None  # words (lower-case forms or lemmas) the first token must be one of
    first_mention: frozenset[str] | None = None  # or the types of mention it must start

    def may_start(self, doc: Sentences, i: int) -> bool:
        """A cheap test that rules out most starts before the pattern is tried."""
        if self.first is not None:
            t = doc.tokens[i]
            return t.text.lower() in self.first or bool(t.lemmas & self.first)
        if self.first_mention is not None:
            m = doc.outer_at(i)
            return m is not None and (m.type in self.first_mention or "any" in self.first_mention)
        return True

    def match_at(self, doc: Sentences, i: int, end: int, sentence: int) -> Match | None:
        if not self.may_start(doc, i):
            return None
        found = _match(self.specs, 0, i, end, doc, ())
        if found is None:
            return None
        j, slots = found
        if j == i:
            return None  # a pattern of optional parts only matches nothing
        grouped: dict[str, list[tuple[int, int]]] = {}
        for label, a, b in slots:
            grouped.setdefault(label, []).append((a, b))
        return Match(self.name, i, j, sentence, {k: tuple(v) for k, v in grouped.items()})

    def finditer(self, doc: Sentences, sentence: int, start: int | None = None) -> Iterator[Match]:
        """The matches in one sentence, left to right, each starting after the previous one ends."""
        a, b = doc.sentence_span(sentence)
        i = max(a, start or a)
        while i < b:
            m = self.match_at(doc, i, b, sentence)
            if m is None:
                i += 1
                continue
            yield m
            i = m.end


def _match(specs: Sequence[Spec], k: int, i: int, end: int, doc: Sentences,
           slots: tuple[tuple[str, int, int], ...]) -> tuple[int, tuple[tuple[str, int, int], ...]] | None:
    if k == len(specs):
        return i, slots
    s = specs[k]
    if not s.op:
        j = s.consume(i, doc, end)
        if j is None:
            return None
        return _match(specs, k + 1, j, end, doc, slots + ((s.label, i, j),) if s.label else slots)
    steps: list[tuple[int, int]] = []
    j = i
    while len(steps) < s.max:
        nj = s.consume(j, doc, end)
        if nj is None or nj == j:
            break
        steps.append((j, nj))
        j = nj
    least = 1 if s.op == "+" else 0
    for n in range(len(steps), least - 1, -1):  # greedy, giving back one repetition at a time
        here = slots + tuple((s.label, a, b) for a, b in steps[:n]) if s.label else slots
        found = _match(specs, k + 1, steps[n - 1][1] if n else i, end, doc, here)
        if found is not None:
            return found
    return None


# -- compiling specs ---------------------------------------------------------------------------------------------

class WordLists(Protocol):
    def words(self, name: str) -> frozenset[str]: ...

    def phrases(self, name: str) -> Sequence[Phrase]: ...


def _values(value: Any, words: WordLists, where: str) -> frozenset[str]:
    if isinstance(value, str):
        if value.startswith("@"):
            return words.words(value[1:])
        return frozenset({value})
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        out: set[str] = set()
        for v in value:
            out |= _values(v, words, where)
        return frozenset(out)
    raise PatternError(f"{where}: expected a string or a list of strings, got {value!r}")


def compile_spec(raw: dict[str, Any], words: WordLists, where: str) -> Spec:
    unknown = set(raw) - TOKEN_KEYS - UNIT_KEYS - CONTROL_KEYS
    if unknown:
        raise PatternError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    if len(set(raw) & UNIT_KEYS) > 1:
        raise PatternError(f"{where}: a spec consumes one mention or one phrase, not both")
    spec = Spec(raw, label=raw.get("label"))
    op = raw.get("op", "")
    if op not in ("",) + OPS:
        raise PatternError(f"{where}: op must be one of {', '.join(OPS)}")
    spec.op = op
    spec.max = int(raw.get("max", 1 if op == "?" else 8))
    spec.tests = _token_tests(raw, words, where)
    if "mention" in raw:
        types = _values(raw["mention"], words, where)
        spec.unit = _mention_unit(types)
    elif "phrase" in raw:
        name = raw["phrase"]
        if not isinstance(name, str) or not name.startswith("@"):
            raise PatternError(f"{where}: phrase names a list, as \"@name\"")
        spec.unit = _phrase_unit(words.phrases(name[1:]))
    return spec


def _token_tests(raw: dict[str, Any], words: WordLists, where: str) -> list[Callable[[Token, int, Sentences], bool]]:
    tests: list[Callable[[Token, int, Sentences], bool]] = []
    if "text" in raw:
        texts = _values(raw["text"], words, where)
        tests.append(lambda t, i, d: t.text in texts)
    if "lower" in raw:
        lows = _values(raw["lower"], words, where)
        tests.append(lambda t, i, d: t.text.lower() in lows)
    reading_keys = {k: _values(raw[k], words, where) for k in ("pos", "case", "number", "gender") if k in raw}
    if "lemma" in raw:
        lemmas = _values(raw["lemma"], words, where)
        if reading_keys:
            tests.append(_reading_test(lemmas, reading_keys))
        else:
            tests.append(lambda t, i, d: bool(t.lemmas & lemmas) or t.text.lower() in lemmas)
    elif reading_keys:
        tests.append(_reading_test(None, reading_keys))
    if "shape" in raw:
        shapes = _values(raw["shape"], words, where)
        bad = shapes - set(SHAPES)
        if bad:
            raise PatternError(f"{where}: unknown shape {sorted(bad)[0]!r}; known: {', '.join(SHAPES)}")
        tests.append(lambda t, i, d: any(_shape(t, s) for s in shapes))
    if "in_mention" in raw:
        types = _values(raw["in_mention"], words, where)
        tests.append(lambda t, i, d: any(m.type in types or "any" in types for m in d.covering(i)))
    if raw.get("any") is not None and raw.get("any") is not True:
        raise PatternError(f"{where}: any = true matches any token")
    if raw.get("free") is True:
        tests.append(lambda t, i, d: d.is_free(i, i + 1))
    if "not" in raw:  # a token test, or a list of them: the token must pass none
        inners = raw["not"] if isinstance(raw["not"], list) else [raw["not"]]
        negated = []
        for n, inner in enumerate(inners):
            if not isinstance(inner, dict) or not inner or set(inner) & (UNIT_KEYS | CONTROL_KEYS):
                raise PatternError(f"{where}: 'not' takes token tests only")
            negated.append(_token_tests(inner, words, f"{where}.not[{n}]"))
        tests.append(lambda t, i, d: not any(all(test(t, i, d) for test in neg) for neg in negated))
    return tests


def _reading_test(lemmas: frozenset[str] | None, keys: dict[str, frozenset[str]]
                  ) -> Callable[[Token, int, Sentences], bool]:
    pos, cases, numbers, genders = (keys.get(k) for k in ("pos", "case", "number", "gender"))

    def test(t: Token, i: int, d: Sentences) -> bool:
        for r in t.interps:
            if lemmas is not None and r.lemma.lower() not in lemmas:
                continue
            if pos is not None and r.pos not in pos:
                continue
            if cases is not None and not (r.cases & cases):
                continue
            if numbers is not None and not (r.numbers & numbers):
                continue
            if genders is not None and r.genders and not (r.genders & genders):
                continue
            return True
        return False
    return test


def _shape(t: Token, shape: str) -> bool:
    if shape == "cap":
        return t.is_cap
    if shape == "title":
        return t.is_cap and not t.is_upper
    if shape == "upper":
        return t.is_upper
    if shape == "lower":
        return t.kind == "word" and t.text[:1].islower()
    if shape == "num":
        return t.kind == "num"
    if shape == "punct":
        return t.kind == "punct"
    return t.kind == "word"


def _mention_unit(types: frozenset[str]) -> Callable[[int, Sentences], int | None]:
    def unit(i: int, doc: Sentences) -> int | None:
        m = doc.outer_at(i)
        if m is None or (m.type not in types and "any" not in types):
            return None
        return m.end
    return unit


def _phrase_unit(phrases: Sequence[Phrase]) -> Callable[[int, Sentences], int | None]:
    index = phrase_index(phrases)

    def unit(i: int, doc: Sentences) -> int | None:
        found = phrase_at(index, doc.tokens, i)
        return i + len(found.words) if found else None
    return unit


def phrase_index(phrases: Sequence[Phrase]) -> dict[str, list[Phrase]]:
    """Phrases by each form their first word may take, longest first."""
    by_first: dict[str, list[Phrase]] = {}
    for p in sorted(phrases, key=lambda p: -len(p.words)):
        for key in {p.words[0]} | (p.lemmas[0] if p.lemmas else frozenset()):
            lst = by_first.setdefault(key, [])
            if p not in lst:
                lst.append(p)
    for lst in by_first.values():
        lst.sort(key=lambda p: -len(p.words))
    return by_first


def phrase_at(index: Mapping[str, list[Phrase]], tokens: Sequence[Token], i: int) -> Phrase | None:
    """The longest phrase of ``index`` starting at token ``i``: the first word by lemma or as written, the others
    as written or by lemma, all in one sentence."""
    t = tokens[i]
    if t.kind != "word":
        return None
    seen: set[int] = set()
    for key in (t.text.lower(), *sorted(t.lemmas)):
        for p in index.get(key, ()):
            if id(p) in seen:
                continue
            seen.add(id(p))
            if _rest_matches(p, tokens, i):
                return p
    return None


def _rest_matches(p: Phrase, tokens: Sequence[Token], i: int) -> bool:
    if i + len(p.words) > len(tokens):
        return False
    first = tokens[i]
    for k in range(1, len(p.words)):
        u = tokens[i + k]
        if u.sentence != first.sentence:
            return False
        want = p.words[k]
        low = u.text.lower()
        if low == want:
            continue
        if p.lemmas and p.lemmas[k] and u.lemmas & p.lemmas[k]:
            continue
        return False
    return True


def _first_words(raw: dict[str, Any], words: WordLists, name: str) -> set[str] | None:
    """The lower-case forms or lemmas a spec's token must be one of, or None when it is not so bounded."""
    if "lemma" in raw or "lower" in raw:
        keys: set[str] = set()
        for k in ("lemma", "lower"):
            if k in raw:
                keys |= {v.lower() for v in _values(raw[k], words, name)}
        return keys
    if "text" in raw:
        return {v.lower() for v in _values(raw["text"], words, name)}
    if "phrase" in raw:
        return set(phrase_index(words.phrases(raw["phrase"][1:])))
    return None


def compile_pattern(name: str, raw: Any, words: WordLists) -> Pattern:
    if not isinstance(raw, list) or not raw or not all(isinstance(s, dict) for s in raw):
        raise PatternError(f"{name}: a pattern is a non-empty list of token specs")
    p = Pattern(name, [compile_spec(s, words, f"{name}[{n}]") for n, s in enumerate(raw)])
    keys: set[str] = set()
    for spec_raw, spec in zip(raw, p.specs):  # optional specs first: the first word is one of theirs or the next's
        found = _first_words(spec_raw, words, name)
        if found is None:
            if spec.op in ("", "+") and "mention" in spec_raw and not keys:
                p.first_mention = _values(spec_raw["mention"], words, name)
            break
        keys |= found
        if spec.op in ("", "+"):
            p.first = frozenset(keys)
            break
    return p
