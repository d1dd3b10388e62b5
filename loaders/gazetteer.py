"""Word lists the extractor reads: organisation kinds, role words, programmes, meeting words, and TERYT.

All of it is data under ``data/gazetteers`` and ``data/teryt``: adding an organisation kind or a role word is
an edit to a TSV file, not to code.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from graph.teryt import Register, load_register

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


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
    return Gazetteer(tuple(kinds), frozenset(k.head for k in kinds), acronyms, tuple(roles), role_heads, levels,
                     programmes, frozenset(p[0] for p in programmes), events, load_register(data_dir))
