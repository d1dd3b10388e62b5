"""SPARQL text read lexically, without a parser: which keywords a query or update uses outside its strings,
IRIs and comments. Linear in the text's length, so it is safe to run on any request before a store sees it."""
from __future__ import annotations

import re

#: what a keyword cannot hide in: long and short strings, IRIs, comments (leftmost match wins, so a ``#`` in an
#: IRI or a quote in a comment is read as part of it)
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
#: SPARQL's codepoint escapes, which the grammar allows anywhere (\u0053ERVICE is SERVICE)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def bare(text: str) -> str:
    """``text`` with codepoint escapes decoded and every string, IRI and comment blanked out."""
    text = _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    return _OPAQUE.sub(" ", text)


def keyword(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for any of ``words`` as a bare keyword: not part of a variable, prefixed name, blank node label
    or longer word."""
    return re.compile(r"(?<![\w:?$\-])(" + "|".join(words) + r")(?![\w:\-])", re.IGNORECASE)


def first_keyword(text: str, pattern: re.Pattern[str]) -> str | None:
    """The first keyword of ``pattern`` in ``text`` outside strings, IRIs and comments, upper case; or None."""
    found = pattern.search(bare(text))
    return found.group(1).upper() if found else None
