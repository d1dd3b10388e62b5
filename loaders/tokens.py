"""Tokens and sentences with character offsets into the article text.

Every later step works on these tokens, so everything found can point back to its sentence. Sentence
boundaries respect Polish abbreviations (``ds.``, ``br.``, ``m.in.``) and line breaks (headlines, list items).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from graph.model import Sentence

OPEN_QUOTES = "„“«‚"
CLOSE_QUOTES = "”“»’\""
DASHES = "-–—‐‑‒―"

#: abbreviations after which a full stop does not end a sentence
ABBREVIATIONS = {
    "ds", "br", "b.r", "r", "m.in", "pn", "pt", "tj", "św", "ul", "im", "sp", "o.o", "np", "tzw", "ok", "nr", "godz",
    "prof", "dr", "hab", "mgr", "inż", "ks", "pl", "al", "os", "tel", "wyd", "zob", "tys", "mln", "mld", "zł", "ww",
    "jw", "itd", "itp", "dot", "woj", "pow", "gm", "cz", "pkt", "ust", "art", "zm", "poz", "rozp", "wicedyr", "p.o",
    "dyr", "kier", "przew", "min", "st", "płk", "gen", "mjr", "ppłk", "kpt", "por", "sierż", "red", "oprac", "fot",
    "pw", "bł",
}

_TOKEN = re.compile(
    r"""
    (?P<compound>[^\W\d_]+[sc]ko(?:\s*[-–—]\s+|\s+[-–—]\s*)(?=[^\W\d_]+(?:sk|ck|dzk)[^\W\d_]*\b)[^\W\d_]+
                 |[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]*(?<!i)(?<!Woj)[sc]ko[ ](?=[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]*(?:sk|ck|dzk)[^\W\d_]*\b)[^\W\d_]+)
                                   # "Warmińsko- Mazurskiego", "kujawsko – pomorskim", "Warmińsko Mazurskiego"
                                   # (not the nouns "Stanowisko", "Wojsko")
    |(?P<word>[^\W\d_](?:[^\W_]|['’](?=[^\W\d_]))*(?:-[^\W\d_][^\W_]*)*)   # words, hyphenated compounds
    |(?P<num>\d+(?:[.,:/]\d+)*)                            # numbers, 9.1, 9.3.2, 2014-2020 parts, 20.01.2017
    |(?P<punct>\S)
    """,
    re.VERBOSE,
)


@dataclass
class Token:
    i: int
    text: str
    start: int
    end: int
    kind: str  # word | num | punct
    sentence: int = 0
    interps: tuple = ()  # morph.Interp readings, filled by the analysis step
    lemmas: frozenset = frozenset()  # lower-case lemmas of those readings

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def is_cap(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        return self.kind == "word" and len(self.text) > 1 and self.text.isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()

    def is_(self, *texts: str) -> bool:
        return self.text.lower() in texts


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation with their offsets. A compound adjective written with spaces around its dash
    ("Warmińsko- Mazurskiego") is one word, read as written with a plain hyphen ("Warmińsko-Mazurskiego")."""
    out = []
    for n, m in enumerate(_TOKEN.finditer(text)):
        kind = m.lastgroup or "punct"
        word = m.group()
        if kind == "compound":
            kind, word = "word", re.sub(r"\s*[-–—]\s*|\s+", "-", word)
        out.append(Token(n, word, m.start(), m.end(), kind))
    return out


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Sentences over ``tokens``; sets each token's ``sentence`` index."""
    sentences: list[Sentence] = []
    start_tok = 0

    def close(end_tok: int) -> None:
        nonlocal start_tok
        if end_tok < start_tok:
            return
        first, last = tokens[start_tok], tokens[end_tok]
        idx = len(sentences)
        for t in tokens[start_tok:end_tok + 1]:
            t.sentence = idx
        sentences.append(Sentence(idx, first.start, last.end, text[first.start:last.end]))
        start_tok = end_tok + 1

    quoted_since: int | None = None  # inside „…”: "!" in a quoted title does not end the sentence
    for n, tok in enumerate(tokens):
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        if nxt is None:
            close(n)
            break
        if quoted_since is None and tok.text in "„“«\"":
            quoted_since = n
        elif quoted_since is not None and (tok.text in "”“»\"" or n - quoted_since > 60):
            quoted_since = None
        gap = text[tok.end:nxt.start]
        if "\n" in gap:
            quoted_since = None
            close(n)
            continue
        if tok.kind == "punct" and _pictograph(tok.text) and gap and nxt.is_cap and quoted_since is None \
                and n > 0 and tokens[n - 1].text in ".!?…":
            close(n)  # "… w Ostrowcu Św. 💪 Swoje produkty …": an abbreviation's full stop and an emoji end it
            continue
        if tok.text in ".!?…" and gap and quoted_since is None:
            prev = tokens[n - 1] if n > 0 else None
            if tok.text == "." and prev is not None and _is_abbreviation(tokens, n):
                continue
            if tok.text == "." and prev is not None and prev.text == "r" and \
                    sum(t.kind == "word" for t in tokens[start_tok:n - 1]) <= 3:
                continue  # "W 2019 r. Gmina Goleniów założyła …": a date that opens a sentence does not end it
            if tok.text == "." and prev is not None and prev.kind == "num" and nxt.kind == "num":
                continue
            if tok.text == "." and prev is not None and prev.kind == "num" and \
                    (n < 2 or "\n" in text[tokens[n - 2].end:prev.start]):
                continue  # "1. Fundacja Barka": a numbered line goes on
            if nxt.is_cap or nxt.kind == "num" or nxt.text in OPEN_QUOTES + DASHES + "\"(":
                close(n)
    return sentences


def _pictograph(ch: str) -> bool:
    """An emoji or another pictograph ("💪", "👉", "✅"), which posts put where a full stop would stand."""
    return len(ch) == 1 and (unicodedata.category(ch) == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF)


def _is_abbreviation(tokens: list[Token], n: int) -> bool:
    """Whether the full stop at ``n`` closes an abbreviation (``ds.``, ``m.in.``) or an initial (``J.``)."""
    prev = tokens[n - 1]
    if prev.kind != "word":
        return False
    word = prev.text.lower()
    if n >= 3 and tokens[n - 2].text == "." and tokens[n - 3].kind == "word":
        compound = f"{tokens[n - 3].text.lower()}.{word}"
        if compound in ABBREVIATIONS:
            return True
    if word in ABBREVIATIONS and word not in ("r", "ok", "pl"):
        return True
    if word in ("r", "ok", "pl"):
        # "2019 r." ends a sentence only if what follows starts one; "r." after a year is usually mid-sentence
        return n + 1 < len(tokens) and not tokens[n + 1].is_cap
    return len(prev.text) == 1 and prev.text.isupper()
