"""The document every construction reads and writes: tokens, sentences, mentions, entities and relations.

Constructions never see one another's state. They go through this narrow interface: find mentions by token or
sentence, claim a span for a new mention (``add``), ask which entity a mention resolved to (``key``), and add a
relation (``relate``), which records the construction that read it. Mentions carry stable ids built from their
span, so resolution and relations refer to them by id, not by object identity.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from graph.model import Article, Entity, Extraction, Relation, Sentence
from loaders.gazetteer import Gazetteer, OrgKind
from loaders.tokens import CLOSE_QUOTES, OPEN_QUOTES, Token


@dataclass
class Mention:
    """A name in the text: its type, token span and name in the nominative."""

    type: str  # Person, Organization, Programme, Project, Partnership, Agreement, County, Voivodeship, Municipality
    start: int  # first token index
    end: int  # one past the last token
    name: str  # nominative
    sentence: int
    kind: OrgKind | None = None
    quoted: str | None = None  # a proper name in quotes that identifies it
    acronym: str | None = None
    teryt: str | None = None
    generic: bool = False  # a kind's name with nothing of its own ("Powiatowe Centrum Pomocy Rodzinie")
    region: str | None = None  # voivodeship code the name itself points to
    county: str | None = None  # county code the name itself points to
    gmina: str | None = None  # gmina code the name itself points to ("w Puszczykowie")
    parent: str | None = None  # id of an organisation named inside this one's name, in the genitive
    joins: str | None = None  # id of a mention whose entity this one is ("Zarząd Powiatu X" is Powiat X)
    key_name: str | None = None  # the name that identifies it across articles, when not the name itself
    placed: bool = False  # a kind's name made one body's by its place ("Centrum Kultury w Jędrzejowie")
    hosted: bool = False  # a kind's name made one body's by its host ("ZAZ przy Stowarzyszeniu X")
    head: int = -1
    case: str | None = None
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)
    programme: str | None = None
    by: str = ""  # the construction that found it
    id: str = ""  # stable within the article, set by Doc.add

    def tokens_lemmas(self, doc: Doc) -> set[str]:
        """The lemmas of every word of the mention."""
        return set().union(*(t.lemmas for t in doc.tokens[self.start:self.end]))


class Doc:
    """One article on its way through the pipeline."""

    def __init__(self, article: Article, gaz: Gazetteer, known: object | None = None, lenient: bool = False):
        self.article = article
        self.lenient = lenient  # a construction that fails costs what it would have read, not the article
        self.warnings: list[str] = []
        self.text = article.text
        self.gaz = gaz
        self.known = known
        self.tokens: list[Token] = []
        self.sentences: list[Sentence] = []
        self.mentions: list[Mention] = []
        self.by_id: dict[str, Mention] = {}
        self.claimed: set[int] = set()
        self.quotes: dict[int, int] = {}
        self.found: list[Mention] | None = None  # what the mention stage found, kept while resolution reruns
        self.keys: dict[str, str] = {}  # mention id -> entity key, after resolution
        self.entities: dict[str, Entity] = {}
        self.region: str | None = None  # voivodeship of the article
        self.main_county: str | None = None
        self.extraction: Extraction | None = None
        self._outer: dict[int, Mention] | None = None
        self._cover: dict[int, list[Mention]] | None = None
        self._in_sentence: dict[int, list[Mention]] | None = None
        self._sentence_tokens: dict[int, tuple[int, int]] = {}
        self._word_keys: dict[int, tuple[str, ...]] = {}
        self._positions: dict[str, list[int]] | None = None
        #: what constructions derive from the tokens and their lemmas, which no longer change once morphology has
        #: run, computed once for all of them ("meeting sentences")
        self.derived: dict[str, object] = {}

    # -- tokens and sentences ------------------------------------------------------------------------------------
    def set_tokens(self, tokens: list[Token], sentences: list[Sentence]) -> None:
        self.tokens, self.sentences = tokens, sentences
        self._sentence_tokens = {}
        for t in tokens:
            a, b = self._sentence_tokens.get(t.sentence, (t.i, t.i + 1))
            self._sentence_tokens[t.sentence] = (min(a, t.i), max(b, t.i + 1))
        self.quotes = quote_spans(tokens)

    def word_keys(self, i: int) -> tuple[str, ...]:
        """The forms a pattern's first word is looked up by: the token in lower case and its lemmas."""
        keys = self._word_keys.get(i)
        if keys is None:
            t = self.tokens[i]
            keys = self._word_keys[i] = (t.text.lower(), *t.lemmas)
        return keys

    def positions(self, word: str) -> list[int]:
        """The tokens whose lower-case form or lemma is ``word``."""
        if self._positions is None:
            index: dict[str, list[int]] = {}
            for t in self.tokens:
                for w in self.word_keys(t.i):
                    index.setdefault(w, []).append(t.i)
            self._positions = index
        return self._positions.get(word, [])

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def sentence_span(self, s: int) -> tuple[int, int]:
        return self._sentence_tokens.get(s, (0, 0))

    def sentence_tokens(self, s: int) -> list[Token]:
        a, b = self.sentence_span(s)
        return self.tokens[a:b]

    def span_text(self, a: int, b: int) -> str:
        """The article's text from token ``a`` to token ``b - 1``, as written."""
        return self.text[self.tokens[a].start:self.tokens[b - 1].end] if b > a else ""

    def quoted_text(self, q: int) -> str:
        end = self.quotes[q]
        return self.text[self.tokens[q].end:self.tokens[end].start].strip()

    # -- mentions ----------------------------------------------------------------------------------------------
    def add(self, m: Mention, by: str, claim: bool = True) -> Mention:
        """Record a mention found by construction ``by``; ``claim`` keeps later constructions off its tokens."""
        if not m.id or m.id in self.by_id:
            base = f"{m.start}-{m.end}"
            m.id = base if base not in self.by_id else f"{base}-{m.type}"
            n = 2
            while m.id in self.by_id:
                m.id, n = f"{base}-{m.type}{n}", n + 1
        m.by = m.by or by
        self.mentions.append(m)
        self.by_id[m.id] = m
        if claim:
            self.claimed.update(range(m.start, m.end))
        self._outer = self._cover = self._in_sentence = None
        return m

    def remove(self, m: Mention) -> None:
        self.mentions = [x for x in self.mentions if x.id != m.id]
        self.by_id.pop(m.id, None)
        self._outer = self._cover = self._in_sentence = None

    def changed(self) -> None:
        """Call after changing a mention's span or type in place."""
        self._outer = self._cover = self._in_sentence = None

    def is_free(self, a: int, b: int) -> bool:
        return not any(k in self.claimed for k in range(a, b))

    def _index(self) -> None:
        outer: dict[int, Mention] = {}
        cover: dict[int, list[Mention]] = {}
        in_sentence: dict[int, list[Mention]] = {}
        for m in sorted(self.mentions, key=lambda m: (m.start, -m.end)):
            in_sentence.setdefault(m.sentence, []).append(m)
            for i in range(m.start, m.end):
                cover.setdefault(i, []).append(m)
        for m in sorted(self.mentions, key=lambda m: (m.start, -m.end)):
            if not any(o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                       for o in cover.get(m.start, ())):
                if m.start not in outer or m.end > outer[m.start].end:
                    outer[m.start] = m
        self._outer, self._cover, self._in_sentence = outer, cover, in_sentence

    def outer_at(self, i: int) -> Mention | None:
        """The outermost mention that starts at token ``i``."""
        if self._outer is None:
            self._index()
        assert self._outer is not None
        return self._outer.get(i)

    def starting_at(self, i: int) -> Mention | None:
        """The longest mention that starts at token ``i``, nested or not."""
        best = None
        for m in self.covering(i):
            if m.start == i and (best is None or m.end > best.end):
                best = m
        return best

    def covering(self, i: int) -> list[Mention]:
        if self._cover is None:
            self._index()
        assert self._cover is not None
        return self._cover.get(i, [])

    def in_sentence(self, s: int, types: Iterable[str] | None = None, outer: bool = True) -> list[Mention]:
        """Mentions of sentence ``s`` in text order; only those no other mention contains, unless ``outer`` is off."""
        if self._in_sentence is None:
            self._index()
        assert self._in_sentence is not None
        ms = self._in_sentence.get(s, [])
        wanted = set(types) if types is not None else None
        out = []
        for m in ms:
            if wanted is not None and m.type not in wanted:
                continue
            if outer and self.outer_at(m.start) is not m:
                continue
            out.append(m)
        return out

    def of_type(self, *types: str) -> Iterator[Mention]:
        return (m for m in sorted(self.mentions, key=lambda m: (m.start, -m.end)) if m.type in types)

    # -- entities and relations --------------------------------------------------------------------------------
    def key(self, m: Mention | None) -> str | None:
        """The entity a mention resolved to, or None."""
        return self.keys.get(m.id) if m is not None else None

    def entity(self, m: Mention) -> Entity | None:
        k = self.key(m)
        return self.entities.get(k) if k else None

    def relate(self, kind: str, s: str | None, o: str | None, sentence: int | None, by: str,
               role: str | None = None, title: str | None = None) -> bool:
        """Add a relation between two entity keys, read by construction ``by``; False if it cannot stand."""
        if not s or not o or s == o or s not in self.entities or o not in self.entities:
            return False
        assert self.extraction is not None
        self.extraction.add_relation(Relation(kind, s, o, role=role, title=title, sentence=sentence,
                                              construction=by))
        return True

    def relations(self, kind: str | None = None) -> list[Relation]:
        assert self.extraction is not None
        return [r for r in self.extraction.relations if kind is None or r.kind == kind]


def quote_spans(tokens: list[Token]) -> dict[int, int]:
    """Opening quote index -> closing quote index, within one sentence and at most 40 tokens."""
    spans: dict[int, int] = {}
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if t.text in OPEN_QUOTES or (t.text == '"' and k + 1 < len(tokens) and tokens[k + 1].start == t.end):
            for j in range(k + 1, min(len(tokens), k + 40)):
                u = tokens[j]
                if u.sentence != t.sentence:
                    break
                if u.text in CLOSE_QUOTES and j > k + 1 and (u.text != "“" or t.text != "“"):
                    spans[k] = j
                    k = j
                    break
        k += 1
    return spans
