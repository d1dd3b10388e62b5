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


#: the head of one operation of a data-only update, read with its strings, IRIs and comments blanked out: an
#: optional separator, prefix and base declarations (their IRIs blank), then INSERT DATA or DELETE DATA
_DATA_HEAD = re.compile(r"\s*;?\s*(?:(?:PREFIX\s+(?:[A-Za-z][\w\-.]*)?:|BASE)\s+)*(INSERT|DELETE)\s+DATA\s*$",
                        re.IGNORECASE)


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
    if _CODEPOINT.search(text):
        return None
    masked = _masked(text)
    ops: list[tuple[str, str, str]] = []
    declarations = ""
    depth, start, head_from = 0, 0, 0
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
