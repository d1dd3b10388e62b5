"""SPARQL text read lexically, without a parser: the grammar's tokens (its terminals: IRIs, prefixed names with
their escapes, strings, numbers, variables, keywords, punctuation) with their places in the text.

Linear in the text's length, so it is safe to run on any request before a parser sees it: how deeply a text
nests, which form keyword a query starts with, and where the data blocks of ``VALUES``, ``INSERT DATA`` and
``DELETE DATA`` start and end. Whether a query fetches from elsewhere is not decided here but on the parsed
query (:mod:`graph.sparql_check`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

#: SPARQL's codepoint escapes, which the grammar decodes before anything else (\u0053ERVICE is SERVICE)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

# the character classes of the SPARQL 1.1 grammar (section 19.8)
_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F"
         "\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_U = _BASE + "_"
_CHARS = _U + r"\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PREFIX = f"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_LOCAL = f"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_ECHAR = r"\\[tbnrf\\\"']"
_TOKEN = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in [
    ("ws", r"[ \t\r\n]+"),
    ("comment", r"#[^\r\n]*"),
    ("iri", r"<[^<>\"{}|^`\\\x00-\x20]*>"),
    ("string", f'"""(?:(?:"|"")?(?:[^"\\\\]|{_ECHAR}))*"""|\'\'\'(?:(?:\'|\'\')?(?:[^\'\\\\]|{_ECHAR}))*\'\'\''
               f'|"(?:[^"\\\\\\r\\n]|{_ECHAR})*"|\'(?:[^\'\\\\\\r\\n]|{_ECHAR})*\''),
    ("pname", f"(?:{_PREFIX})?:(?:{_LOCAL})?"),
    ("bnode", f"_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?"),
    ("var", f"[?$][{_U}0-9][{_U}0-9\u00B7\u0300-\u036F\u203F-\u2040]*"),
    ("langtag", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"),
    ("number", r"[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.?[0-9]+[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+"),
    ("word", r"[A-Za-z_][A-Za-z0-9_]*"),
    ("punct", r"\^\^|\|\||&&|!=|<=|>=|[{}()\[\].,;*/|+\-!=<>^]"),
    ("error", r"[\s\S]"),
]))
#: tokens that are RDF terms, as a data block may hold them
TERMS = frozenset(("iri", "string", "pname", "bnode", "langtag", "number"))
OPEN, CLOSE = "{([", "})]"


class Token(NamedTuple):
    kind: str  # iri | string | pname | bnode | var | langtag | number | word | punct | error
    text: str
    start: int
    end: int

    def word(self) -> str | None:
        """The keyword in upper case, or None when the token is no keyword."""
        return self.text.upper() if self.kind == "word" else None


def has_escapes(text: str) -> bool:
    return _CODEPOINT.search(text) is not None


def decode(text: str) -> str:
    """``text`` with its codepoint escapes decoded, as a SPARQL parser reads it."""
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def iter_tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` one by one (decoded first when it has codepoint escapes, so places are then in the
    decoded text); whitespace and comments are left out. A character no token can start with is an ``error``
    token."""
    text = decode(text) if has_escapes(text) else text
    for m in _TOKEN.finditer(text):
        if m.lastgroup not in ("ws", "comment"):
            yield Token(m.lastgroup, m.group(), m.start(), m.end())  # type: ignore[arg-type]


def tokens(text: str) -> list[Token]:
    """All the tokens of ``text`` (:func:`iter_tokens`)."""
    return list(iter_tokens(text))


def nesting(toks: Iterable[Token]) -> int:
    """How deeply braces, parentheses and brackets nest: a parser recurses once a level."""
    depth = deepest = 0
    for t in toks:
        if t.kind == "punct" and t.text in OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif t.kind == "punct" and t.text in CLOSE:
            depth = max(0, depth - 1)
    return deepest


def first_keyword(text: str, words: Iterable[str]) -> str | None:
    """The first of ``words`` (keywords, any case) that ``text`` uses as a keyword, upper case; or None."""
    wanted = {w.upper() for w in words}
    return next((w for t in iter_tokens(text) if (w := t.word()) in wanted), None)


def matching(toks: list[Token], i: int) -> int | None:
    """The index of the token closing the brace, parenthesis or bracket at ``toks[i]``, or None."""
    depth = 0
    for j in range(i, len(toks)):
        t = toks[j]
        if t.kind == "punct" and t.text in OPEN:
            depth += 1
        elif t.kind == "punct" and t.text in CLOSE:
            depth -= 1
            if depth == 0:
                return j
    return None


#: what a VALUES row and an INSERT DATA / DELETE DATA block may hold besides terms
_VALUES_WORDS = frozenset(("UNDEF", "TRUE", "FALSE"))
_DATA_WORDS = frozenset(("A", "GRAPH", "TRUE", "FALSE"))
_DATA_PUNCT = frozenset("{}()[].,;") | {"^^"}


def _data_block(toks: list[Token], i: int, words: frozenset[str]) -> int | None:
    """The index of the ``}`` closing the block opened at ``toks[i]`` when everything in it is data (terms, the
    given keywords, punctuation); None when something else is in it."""
    end = matching(toks, i)
    if end is None:
        return None
    for t in toks[i + 1:end]:
        if not (t.kind in TERMS or t.word() in words or (t.kind == "punct" and t.text in _DATA_PUNCT)):
            return None
    return end


def data_blocks(text: str, longer_than: int = 0, toks: list[Token] | None = None) -> list[tuple[int, int]]:
    """Where the blocks of ``VALUES``, ``INSERT DATA`` and ``DELETE DATA`` that hold only data lie in ``text``:
    (start, end) of each, braces included, for blocks longer than ``longer_than`` characters.

    A text with codepoint escapes has none (places would be in its decoded form). ``toks`` are the text's
    tokens when the caller has them already.
    """
    if has_escapes(text):
        return []
    toks = tokens(text) if toks is None else toks
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        word = toks[i].word()
        opening = None
        if word == "VALUES":
            j = i + 1
            if j < len(toks) and toks[j].kind == "var":
                opening = j + 1
            elif j < len(toks) and toks[j].text == "(":
                close = matching(toks, j)
                opening = close + 1 if close is not None else None
            words = _VALUES_WORDS
        elif word in ("INSERT", "DELETE") and i + 1 < len(toks) and toks[i + 1].word() == "DATA":
            opening, words = i + 2, _DATA_WORDS
        if opening is not None and opening < len(toks) and toks[opening].text == "{":
            end = _data_block(toks, opening, words)
            if end is not None:
                start, stop = toks[opening].start, toks[end].end
                if stop - start > longer_than:
                    found.append((start, stop))
                i = end
        i += 1
    return found


def without_data(text: str, longer_than: int = 0, toks: list[Token] | None = None) -> str:
    """``text`` with every long data block (:func:`data_blocks`) emptied to ``{}``: what is left is the shape of
    the query or update, which a parser then reads quickly however much data it carries."""
    out, last = [], 0
    for start, end in data_blocks(text, longer_than, toks):
        out += [text[last:start], "{}"]
        last = end
    return "".join(out) + text[last:]


#: the head of one operation of a data-only update, read with its strings, IRIs and comments blanked out: an
#: optional separator, prefix and base declarations (their IRIs blank), then INSERT DATA or DELETE DATA
_DATA_HEAD = re.compile(r"\s*;?\s*(?:(?:PREFIX\s+(?:[A-Za-z][\w\-.]*)?:|BASE)\s+)*(INSERT|DELETE)\s+DATA\s*$",
                        re.IGNORECASE)
#: what a keyword cannot hide in: strings, IRIs and comments (leftmost match wins)
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def _masked(text: str) -> str:
    """``text`` with every string, IRI and comment replaced by as many spaces: the same length, so positions in
    it are positions in ``text``."""
    return _OPAQUE.sub(lambda m: " " * len(m.group()), text)


def data_operations(text: str) -> list[tuple[str, str, str]] | None:
    """The operations of an update made only of ``INSERT DATA`` and ``DELETE DATA``, as (``INSERT`` or
    ``DELETE``, the declarations so far, the data block's text); None for any other update.

    Read lexically: a block is found by its braces outside strings, IRIs and comments, so the caller still has
    to parse each block (as TriG, with the declarations before it) and fall back when that fails.
    """
    if has_escapes(text):
        return None
    masked = _masked(text)
    if "\\" in masked:  # an escape in a prefixed name (ex:a\#), which the masking reads as a comment
        return None
    ops: list[tuple[str, str, str]] = []
    declarations = ""
    depth, start, head_from = 0, 0, 0
    kind = ""
    for i, ch in enumerate(masked):
        if ch == "{":
            if depth == 0:
                head = _DATA_HEAD.match(masked, head_from, i)
                if head is None:
                    return None
                declarations += text[head_from:head.start(1)].lstrip().lstrip(";") + "\n"
                kind = head.group(1).upper()
                start = i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                ops.append((kind, declarations, text[start:i]))
                head_from = i + 1
    if depth != 0 or not ops or masked[head_from:].strip() not in ("", ";"):
        return None
    return ops
