"""Synthetic corpora for the benchmarks: N articles recombined from the sentences of real ones.

Each article takes a real title and real sentences, and swaps the people, counties and quoted organisation
names for others, in the grammatical form the sentence needs (Morfeusz 2 analyses the original word and
generates the substitute in the same number, case and gender), so extraction reads them as it reads real news.
Within one article a name is swapped consistently; across articles the pools are small enough that people and
organisations recur, as they do in a real corpus. The same seed gives the same corpus.

    python -m bench.generate OUT.jsonl [--articles 10000] [--seed 1] [--source FOLDER ...]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import json
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import morfeusz2

from graph.model import Article
from graph.settings import DATA_DIR, ROOT
from loaders.readers import ReadError, read_articles
from loaders.records import record_article
from loaders.tokens import split_sentences, tokenize

#: the sample corpus of the repository and the larger set of real articles beside it
SOURCES = (DATA_DIR / "articles", ROOT.parent / "shared" / "articles" / "more")

# first names and surnames (male, female) that Morfeusz declines; a fixed list keeps the corpus reproducible
MALE_NAMES = ("Adam", "Andrzej", "Bartosz", "Dariusz", "Grzegorz", "Jacek", "Jakub", "Jan", "Janusz", "Jerzy",
              "Kamil", "Krzysztof", "Łukasz", "Maciej", "Marcin", "Marek", "Mariusz", "Michał", "Paweł", "Piotr",
              "Robert", "Stanisław", "Tadeusz", "Tomasz", "Wojciech", "Zbigniew")
FEMALE_NAMES = ("Agnieszka", "Anna", "Barbara", "Beata", "Danuta", "Dorota", "Elżbieta", "Ewa", "Grażyna",
                "Halina", "Irena", "Joanna", "Justyna", "Katarzyna", "Magdalena", "Małgorzata", "Maria", "Marta",
                "Monika", "Natalia", "Renata", "Teresa", "Urszula", "Zofia")
SURNAMES = (("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
            ("Kowalczyk", "Kowalczyk"), ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"),
            ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"),
            ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"), ("Mazur", "Mazur"),
            ("Kwiatkowski", "Kwiatkowska"), ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"),
            ("Grabowski", "Grabowska"), ("Pawłowski", "Pawłowska"), ("Michalski", "Michalska"),
            ("Król", "Król"), ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"), ("Wróbel", "Wróbel"),
            ("Majewski", "Majewska"), ("Olszewski", "Olszewska"), ("Stępień", "Stępień"), ("Malinowski",
            "Malinowska"), ("Jaworski", "Jaworska"), ("Adamczyk", "Adamczyk"))
# words of quoted organisation names („…”), which are written in the nominative whatever the sentence's case
NAME_ADJECTIVES = ("Aktywni", "Razem", "Nowa", "Zielona", "Wspólna", "Otwarta", "Dobra", "Pomocna", "Lokalna")
NAME_NOUNS = ("Szansa", "Przystań", "Dolina", "Droga", "Inicjatywa", "Perspektywa", "Przyszłość", "Zmiana",
              "Wspólnota", "Nadzieja", "Ziemia")
#: organisation kinds whose name is the kind plus a quoted name ("also" column "-")
NAMED_SECTORS = ("social", "business")

NUMBERS = ("sg", "pl")
CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
GENDERS = ("m1", "m2", "m3", "f", "n")
_NAME_WORD = re.compile(r"\b[A-ZĄĆĘŁŃÓŚŹŻ]\w+(?:-[A-ZĄĆĘŁŃÓŚŹŻ]\w+)?")
_CAPITALISED = re.compile(r"\b[A-ZĄĆĘŁŃÓŚŹŻ]\w+")
_COUNTY = re.compile(r"\b([Pp]owi(?:at|atu|atowi|atem|ecie|aty|atów))(\s+)(\w+)")
_QUOTED = re.compile(r"„([^”\n]{2,80})”")


@dataclass(frozen=True)
class Form:
    """The grammatical slot a word fills: number, case and gender, as Morfeusz tags them."""

    number: str
    case: str
    gender: str


@functools.lru_cache(maxsize=1)
def _morfeusz() -> morfeusz2.Morfeusz:
    return morfeusz2.Morfeusz(generate=True, expand_tags=False)


def _first(values: set[str], order: tuple[str, ...]) -> str:
    """The first of ``values`` in grammar order (singular before plural, nominative before genitive...)."""
    return min(values, key=lambda v: order.index(v) if v in order else len(order))


def _parse_tag(tag: str) -> tuple[str, set[str], set[str], set[str]]:
    parts = tag.split(":")
    pos = parts[0]
    if len(parts) < 4:
        return pos, set(), set(), set()
    return pos, set(parts[1].split(".")), set(parts[2].split(".")), set(parts[3].split("."))


@functools.lru_cache(maxsize=None)
def _forms(lemma: str, pos: str, gender: str | None = None) -> dict[Form, str]:
    """Every form of ``lemma`` as ``pos`` (subst or adj), by slot; ``gender`` keeps one homonym (f or m1)."""
    out: dict[Form, str] = {}
    for orth, lem, tag, _names, _quals in _morfeusz().generate(lemma):
        tpos, numbers, cases, genders = _parse_tag(tag)
        if tpos != pos or lem.split(":")[0] != lemma:
            continue
        if gender is not None and gender not in genders:
            continue
        for n in numbers:
            for c in cases:
                for g in genders:
                    out.setdefault(Form(n, c, g), orth)
    return out


def _reading(word: str, kind: str, counties: frozenset[str] = frozenset()) -> tuple[str, Form] | None:
    """The lemma and slot of ``word`` read as ``kind`` ("first", "surname" or "county"), or None."""
    return _readings(word, counties).get(kind)


@functools.lru_cache(maxsize=None)
def _readings(word: str, counties: frozenset[str]) -> dict[str, tuple[str, Form]]:
    out: dict[str, tuple[str, Form]] = {}
    for _s, _e, (_orth, lemma, tag, names, _q) in _morfeusz().analyse(word):
        pos, numbers, cases, genders = _parse_tag(tag)
        if not numbers or not cases or not genders:
            continue
        lemma = lemma.split(":")[0]
        if pos == "subst" and word[:1].isupper() and ("m1" in genders or "f" in genders):
            form = Form(_first(numbers, NUMBERS), _first(cases, CASES), "f" if "f" in genders else "m1")
            if "imię" in names:
                out.setdefault("first", (lemma, form))
            if "nazwisko" in names:
                out.setdefault("surname", (lemma, form))
        if pos == "adj" and lemma in counties:
            out.setdefault("county", (lemma, Form(_first(numbers, NUMBERS), _first(cases, CASES),
                                                  _first(genders, GENDERS))))
    return out


@functools.lru_cache(maxsize=None)
def _unknown(word: str) -> bool:
    """Morfeusz does not know the word: after a first name, a surname outside its dictionary."""
    return all(tag == "ign" for _s, _e, (_o, _l, tag, _n, _q) in _morfeusz().analyse(word))


def county_adjectives(path: Path = DATA_DIR / "teryt" / "counties.csv") -> tuple[str, ...]:
    """The adjectives of counties (powiat starachowicki -> "starachowicki"); cities with county rights have none."""
    with path.open(encoding="utf-8") as f:
        return tuple(sorted(r["name"] for r in csv.DictReader(f)
                            if r["kind"] == "powiat" and " " not in r["name"] and r["name"].endswith("ki")))


def org_kinds(path: Path = DATA_DIR / "gazetteers" / "org_kinds.tsv") -> tuple[str, ...]:
    """Head nouns of the social-economy and business kinds named by a quoted name (Fundacja „…”)."""
    heads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        head, also, _kind, sector, *_ = line.split("\t")
        if also == "-" and sector in NAMED_SECTORS and head not in heads:
            heads.append(head)
    return tuple(heads)


def real_articles(sources: Sequence[Path | str] = SOURCES) -> list[Article]:
    """The real articles the corpus is made from (folders that do not exist are skipped)."""
    paths = [Path(p) for p in sources if Path(p).exists()]
    return [a for a in read_articles(paths) if not isinstance(a, ReadError)]


class Generator:
    """Articles recombined from ``articles``; :meth:`records` and :meth:`articles` are deterministic by seed."""

    def __init__(self, articles: Sequence[Article], seed: int = 1):
        if not articles:
            raise ValueError("no real articles to recombine")
        self.seed = seed
        self.counties = county_adjectives()
        self._county_set = frozenset(self.counties)
        self.kinds = [k for k in org_kinds() if _forms(k, "subst").get(Form("sg", "gen", _gender(k)))]
        self.titles = [a.text.split("\n", 1)[0].strip() for a in articles]
        self.sentences = []
        self.lengths = []
        for a in articles:
            body = a.text.split("\n", 1)[1] if "\n" in a.text else a.text
            sents = [s.text.strip() for s in split_sentences(body, tokenize(body))]
            self.sentences.extend(s for s in sents if len(s) > 20)
            self.lengths.append(len(body))
        self.surnames = {"m1": [m for m, _ in SURNAMES], "f": [f for _, f in SURNAMES]}
        self.first = {"m1": list(MALE_NAMES), "f": list(FEMALE_NAMES)}

    def _swap(self, text: str, rng: random.Random, chosen: dict[tuple[str, str, str], str]) -> str:
        """``text`` with its people, counties and quoted names swapped; ``chosen`` keeps swaps consistent.

        Only unambiguous contexts are touched: a first name followed by a surname, a surname already swapped
        in this article, an adjective after a form of "powiat", and a quoted name that starts with a capital.
        """
        def swap(word: str, kind: str, lemma: str, form: Form) -> str:
            key = (kind, lemma, form.gender)
            if key not in chosen:
                pool = self.counties if kind == "county" else (
                    self.first if kind == "first" else self.surnames)[form.gender]
                chosen[key] = rng.choice(pool)
            new = chosen[key]
            out = _forms(new, "adj").get(form) if kind == "county" else _forms(new, "subst", form.gender).get(form)
            if out is None:
                return word
            return out[0].upper() + out[1:] if word[0].isupper() else out

        def people(text: str) -> str:
            # a pair of capitalised words, first name then surname; a pair that is not a person moves on by one
            # word, so "Starosta Dariusz Dąbrowski" still finds "Dariusz Dąbrowski"
            words = list(_NAME_WORD.finditer(text))
            out, last_end, i = [], 0, 0
            while i < len(words) - 1:
                a, b = words[i], words[i + 1]
                f = _reading(a.group(0), "first")
                s = _reading(b.group(0), "surname") if f else None
                if f is not None and s is None and _unknown(b.group(0)):
                    s = (b.group(0), f[1])
                if (f is None or s is None or f[1].gender != s[1].gender
                        or not text[a.end():b.start()].isspace()):
                    i += 1
                    continue
                # the first name's reading decides the slot: "Nowak" alone could be any case
                out += [text[last_end:a.start()], swap(a.group(0), "first", *f), text[a.end():b.start()],
                        swap(b.group(0), "surname", s[0], f[1])]
                last_end = b.end()
                i += 2
            return "".join(out) + text[last_end:]

        def surname(m: re.Match[str]) -> str:
            s = _reading(m.group(0), "surname")
            if s is None or ("surname", s[0], s[1].gender) not in chosen:
                return m.group(0)
            return swap(m.group(0), "surname", *s)

        def county(m: re.Match[str]) -> str:
            c = _reading(m.group(3), "county", self._county_set)
            return m.group(0) if c is None else m.group(1) + m.group(2) + swap(m.group(3), "county", *c)

        def quoted(m: re.Match[str]) -> str:
            if not m.group(1)[:1].isupper():
                return m.group(0)
            key = ("quoted", m.group(1), "")
            if key not in chosen:
                chosen[key] = f"{rng.choice(NAME_ADJECTIVES)} {rng.choice(NAME_NOUNS)}"
            return f"„{chosen[key]}”"

        text = people(text)
        text = _CAPITALISED.sub(surname, text)
        text = _COUNTY.sub(county, text)
        return _QUOTED.sub(quoted, text)

    def _participants(self, rng: random.Random) -> str:
        """A sentence naming a few organisations of the kinds in the gazetteer, in the genitive."""
        names = []
        for _ in range(rng.randint(2, 4)):
            head = rng.choice(self.kinds)
            gen = _forms(head, "subst")[Form("sg", "gen", _gender(head))]
            names.append(f"{gen[0].upper()}{gen[1:]} „{rng.choice(NAME_ADJECTIVES)} {rng.choice(NAME_NOUNS)}”")
        listed = ", ".join(names[:-1]) + " oraz " + names[-1]
        return f"W spotkaniu uczestniczyli także przedstawiciele {listed}."

    def record(self, n: int) -> dict[str, str]:
        """Article number ``n`` as a feed record (id, title, date, text): the same for the same seed and n."""
        rng = random.Random(f"{self.seed}:{n}")
        chosen: dict[tuple[str, str, str], str] = {}
        title = self._swap(rng.choice(self.titles), rng, chosen)
        target = rng.choice(self.lengths)
        body: list[str] = []
        size = 0
        while size < target and len(body) < 200:
            s = self._swap(rng.choice(self.sentences), rng, chosen)
            body.append(s)
            size += len(s) + 1
        body.insert(rng.randrange(len(body) + 1), self._participants(rng))
        day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(9 * 365))
        paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
        return {"id": f"syn-{self.seed}-{n:06d}", "title": title, "date": day.isoformat(),
                "text": title + "\n\n" + "\n\n".join(paragraphs)}

    def records(self, count: int, start: int = 0) -> Iterator[dict[str, str]]:
        for n in range(start, start + count):
            yield self.record(n)

    def articles(self, count: int, start: int = 0) -> list[Article]:
        """``count`` articles, read from their records exactly as ``esgraf load`` reads a JSON Lines feed."""
        out = []
        for rec in self.records(count, start):
            a = record_article(rec, source="synthetic", fallback_id=rec["id"])
            assert not isinstance(a, ReadError), a
            out.append(a)
        return out


def _gender(noun: str) -> str:
    """The gender of a noun lemma (n for stowarzyszenie, f for fundacja, m3 for bank)."""
    for _s, _e, (_o, lemma, tag, _n, _q) in _morfeusz().analyse(noun):
        pos, _numbers, _cases, genders = _parse_tag(tag)
        if pos == "subst" and lemma.split(":")[0] == noun:
            return sorted(genders)[0]
    return "n"


def write_jsonl(path: Path | str, count: int, seed: int = 1, sources: Sequence[Path | str] = SOURCES) -> Path:
    """Write ``count`` synthetic articles as JSON Lines, the feed format ``esgraf load`` reads."""
    gen = Generator(real_articles(sources), seed)
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        for rec in gen.records(count):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--source", type=Path, nargs="+", default=list(SOURCES),
                    help="folders of real articles (default: data/articles and ../shared/articles/more)")
    args = ap.parse_args()
    write_jsonl(args.out, args.articles, args.seed, args.source)
    print(f"{args.articles} articles written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
