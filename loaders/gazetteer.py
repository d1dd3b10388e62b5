"""Word lists the extractor reads: organisation kinds, role words, programmes, meeting words, cue words, TERYT.

All of it is data under ``data/gazetteers``, ``data/constructions/words.toml`` and ``data/teryt``: adding an
organisation kind, a role word or a cue word is an edit to a data file, not to code. Patterns refer to a list
as ``"@name"``; a multi-word entry ("wziąć udział") is a phrase, its first word matched by lemma.
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from graph.teryt import Register, load_register
from loaders.matcher import PatternError, Phrase

from graph.settings import DATA_DIR  # noqa: E402 - the one data folder, unless a caller gives another
#: endings an acronym takes in the cases: "OWES-u", "ROPS-ie", "PFRON-em"
ACRONYM_ENDINGS = ("u", "ie", "em", "owi", "y", "ów", "a", "e", "i")


def bare_acronym(word: str) -> str:
    """ "OWES-u" -> "OWES": the acronym without its case ending."""
    head, _, end = word.rpartition("-")
    return head if head and end in ACRONYM_ENDINGS and head.isupper() else word


@dataclass(frozen=True)
class OrgKind:
    head: str  # lemma of the head noun
    also: tuple[frozenset[str], ...]  # each set: one of these lemmas must occur too
    kind: str  # esg: class local name
    sector: str
    scope: str  # region | county | gmina | local | named
    code: str  # short code used in IRIs of region-scope bodies ("rops")
    acronyms: tuple[str, ...]

    def matches(self, head: str, lemmas: set[str]) -> bool:
        return head == self.head and all(alt & lemmas for alt in self.also)


@dataclass(frozen=True)
class RoleWord:
    words: tuple[str, ...]  # lower-case words of the role as written in the nominative: ("zastępca", "dyrektora")
    slug: str
    label: str  # nominative masculine form, the role concept's label


@dataclass(frozen=True)
class NationalBody:
    acronym: str
    name: str
    kind: str
    sector: str


@dataclass(frozen=True)
class Gazetteer:
    kinds: tuple[OrgKind, ...]
    heads: frozenset[str]
    acronyms: dict[str, OrgKind]
    roles: tuple[RoleWord, ...]
    role_heads: dict[str, list[RoleWord]]  # first-word lemma -> role words starting with it
    role_levels: dict[str, str]  # role slug -> level of the body it heads (voivodeship, county, gmina, city)
    programmes: tuple[tuple[str, tuple[frozenset[str], ...], str], ...]
    programme_heads: frozenset[str]
    event_words: dict[str, str]
    register: Register
    lists: dict[str, frozenset[str]]  # named cue-word lists (lemmas), single words only
    phrase_lists: dict[str, tuple[Phrase, ...]]  # the same lists with their multi-word entries, and "roles"
    maps: dict[str, dict[str, tuple[str, ...]]]  # named tables: word -> values
    national: dict[str, NationalBody]  # "MRPiPS" -> the ministry
    seats: dict[str, tuple[str, str]]  # voivodeship code -> its seat, nominative and locative
    voivode_seats: dict[str, tuple[str, str]]  # voivodeship code -> the voivode's seat, nominative and locative

    def role_label(self, slug: str) -> str:
        return next((r.label for r in self.roles if r.slug == slug), slug)

    def mapping(self, name: str) -> dict[str, tuple[str, ...]]:
        try:
            return self.maps[name]
        except KeyError:
            raise PatternError(f"no table [{name}] in data/constructions/words.toml") from None

    def words(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError:
            raise PatternError(f"no word list {name!r} in data/constructions/words.toml") from None

    def phrases(self, name: str) -> tuple[Phrase, ...]:
        try:
            return self.phrase_lists[name]
        except KeyError:
            raise PatternError(f"no phrase list {name!r} in data/constructions/words.toml") from None

    def org_kind(self, head: str, lemmas: set[str]) -> OrgKind | None:
        for k in self.kinds:
            if k.matches(head, lemmas):
                return k
        return None

    def programme(self, head: str, lemmas: set[str]) -> str | None:
        for h, also, code in self.programmes:
            if h == head and all(alt & lemmas for alt in also):
                return code
        return None


def _tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _also(cell: str) -> tuple[frozenset[str], ...]:
    if cell in ("", "-"):
        return ()
    return tuple(frozenset(part.split("|")) for part in cell.split("+"))


@functools.lru_cache(maxsize=2)
def gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    folder = data_dir / "gazetteers"
    kinds = []
    for row in _tsv(folder / "org_kinds.tsv"):
        row += [""] * (7 - len(row))
        head, also, kind, sector, scope, code, acr = row[:7]
        kinds.append(OrgKind(head, _also(also), kind, sector, scope, code,
                             tuple(a for a in acr.split(",") if a)))
    acronyms: dict[str, OrgKind] = {}
    for k in kinds:
        for a in k.acronyms:
            acronyms.setdefault(a, k)
    roles = []
    labels: dict[str, str] = {}
    for row in _tsv(folder / "roles.tsv"):
        if row[0] == "role":
            continue
        words, slug = row[0], row[1]
        labels.setdefault(slug, words)
        roles.append(RoleWord(tuple(words.lower().split()), slug, labels[slug]))
    roles.sort(key=lambda r: -len(r.words))
    role_heads: dict[str, list[RoleWord]] = {}
    for r in roles:
        role_heads.setdefault(r.words[0], []).append(r)
    levels = {row[0]: row[1] for row in _tsv(folder / "role_levels.tsv")}
    programmes = tuple((r[0], _also(r[1]), r[2]) for r in _tsv(folder / "programmes.tsv"))
    events = {r[0]: r[1] for r in _tsv(folder / "event_words.tsv")}
    lists, phrase_lists, maps = _word_lists(data_dir / "constructions" / "words.toml")
    lists.setdefault("org_heads", frozenset(k.head for k in kinds))
    lists.setdefault("event_words", frozenset(events))
    phrase_lists["roles"] = tuple(_phrase(" ".join(r.words), r.slug) for r in roles)
    lists["role_heads"] = frozenset(r.words[0] for r in roles)
    national = {r[0]: NationalBody(*r[:4]) for r in _tsv(folder / "national_bodies.tsv")}
    plain = frozenset(acronyms) | frozenset(national)
    lists["kind_acronyms"] = plain | {f"{a}-{end}" for a in plain for end in ACRONYM_ENDINGS}
    seat_rows = _tsv(folder / "regional_seats.tsv")
    seats = {r[0]: (r[1], r[2]) for r in seat_rows}
    voivode_seats = {r[0]: (r[3], r[4]) for r in seat_rows}
    return Gazetteer(tuple(kinds), frozenset(k.head for k in kinds), acronyms, tuple(roles), role_heads, levels,
                     programmes, frozenset(p[0] for p in programmes), events, load_register(data_dir), lists,
                     phrase_lists, maps, national, seats, voivode_seats)


def _word_lists(path: Path) -> tuple[dict[str, frozenset[str]], dict[str, tuple[Phrase, ...]],
                                     dict[str, dict[str, tuple[str, ...]]]]:
    """Named lists and tables from ``words.toml``: a list holds lemmas or multi-word phrases, a table maps words."""
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    lists: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[Phrase, ...]] = {}
    maps: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, entries in data.items():
        if isinstance(entries, dict):
            if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in entries.values()):
                raise PatternError(f"{path.name}: table [{name}] must map words to lists of words")
            maps[name] = {k: tuple(v) for k, v in entries.items()}
            continue
        if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
            raise PatternError(f"{path.name}: {name!r} must be a list of words")
        lists[name] = frozenset(e for e in entries if " " not in e.strip())
        phrases[name] = tuple(_phrase(e, e) for e in entries)
    return lists, phrases, maps


def _phrase(entry: str, value: str) -> Phrase:
    """A phrase cut into words as the tokenizer cuts text ("p.o." is four tokens)."""
    from loaders.tokens import tokenize

    words = tuple(t.text.lower() for t in tokenize(entry))
    return Phrase(words, value, _phrase_lemmas(words))


def _phrase_lemmas(words: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    from loaders.morph import morph

    m = morph()
    return tuple(frozenset(i.lemma.lower() for i in m.analyse(w) if i.pos != "ign") | {w} for w in words)
