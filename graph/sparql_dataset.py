"""The SPARQL Protocol's dataset parameters written into the query or update itself, so that every store
(embedded or a SPARQL server) runs them alike: ``default-graph-uri`` / ``named-graph-uri`` become ``FROM`` /
``FROM NAMED``, ``using-graph-uri`` / ``using-named-graph-uri`` become ``USING`` / ``USING NAMED`` of each
operation that has a ``WHERE``.

The places are found on the text's tokens (:mod:`graph.sparql_text`); the endpoint then parses the result
and checks that each operation names exactly the graphs asked for (:mod:`graph.sparql_check`).
"""
from __future__ import annotations

from graph.sparql_text import Token, has_escapes, matching, tokens
from graph.store import QuerySyntaxError

_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
#: what may follow a DESCRIBE's resources and so ends them
_AFTER_DESCRIBE = {"FROM", "WHERE", "ORDER", "GROUP", "HAVING", "LIMIT", "OFFSET", "VALUES"}


class DatasetConflict(QuerySyntaxError):
    """The request names a dataset both in the protocol's parameters and in the text, which the protocol
    forbids for updates."""


def _iris(keyword: str, graphs: list[str]) -> str:
    return "".join(f" {keyword} <{g}>" for g in graphs)


def _prologue_end(toks: list[Token], i: int = 0) -> int:
    """The index of the first token after the PREFIX and BASE declarations starting at ``toks[i]``."""
    while i < len(toks):
        word = toks[i].word()
        if word == "PREFIX":
            i += 3
        elif word == "BASE":
            i += 2
        else:
            break
    return i


def _readable(text: str) -> None:
    if has_escapes(text):
        raise QuerySyntaxError("write the text without \\u escapes to name graphs in the request's parameters")


def with_from(query: str, default: list[str], named: list[str]) -> str:
    """``query`` with its dataset made of ``default`` (``FROM``) and ``named`` (``FROM NAMED``) graphs, in place
    of any it names itself: the protocol's dataset takes precedence over the query's."""
    if not default and not named:
        return query
    _readable(query)
    toks = tokens(query)
    i = _prologue_end(toks)
    if i >= len(toks) or toks[i].word() not in _FORMS:
        raise QuerySyntaxError("the query has no SELECT, ASK, CONSTRUCT or DESCRIBE form")
    form = toks[i].word()
    i += 1
    if form == "CONSTRUCT" and i < len(toks) and toks[i].text == "{":
        close = matching(toks, i)
        if close is None:
            raise QuerySyntaxError("the CONSTRUCT template is not closed")
        i = close + 1
    elif form in ("SELECT", "DESCRIBE"):
        depth = 0
        while i < len(toks):
            t = toks[i]
            if depth == 0 and (t.text == "{" or t.word() in ("FROM", "WHERE")
                               or (form == "DESCRIBE" and t.word() in _AFTER_DESCRIBE)):
                break
            depth += (t.text == "(") - (t.text == ")")
            i += 1
    insert_at = cut_to = toks[i].start if i < len(toks) else len(query)
    # the query's own FROM clauses (FROM iri, FROM NAMED iri) give way to the protocol's
    while i < len(toks) and toks[i].word() == "FROM":
        i += 2 if i + 1 < len(toks) and toks[i + 1].word() == "NAMED" else 1
        if i >= len(toks):
            raise QuerySyntaxError("FROM names no graph")
        cut_to = toks[i].end
        i += 1
    clauses = _iris("FROM", default) + _iris("FROM NAMED", named)
    return f"{query[:insert_at].rstrip()} {clauses.strip()} {query[cut_to:].lstrip()}"


def with_using(update: str, default: list[str], named: list[str]) -> str:
    """``update`` with ``USING`` ``default`` and ``USING NAMED`` ``named`` graphs in each operation that matches
    a pattern (``INSERT``/``DELETE`` … ``WHERE``, and ``DELETE WHERE``, written out in its long form).

    :class:`DatasetConflict` when an operation names its own dataset with ``USING`` or ``WITH``.
    """
    if not default and not named:
        return update
    _readable(update)
    toks = tokens(update)
    clauses = _iris("USING", default) + _iris("USING NAMED", named)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text
    i = 0
    while i < len(toks):
        i = _prologue_end(toks, i)
        end = _operation_end(toks, i)
        op = toks[i:end]
        words = [t.word() for t in op if t.word()]
        if words[:1] == ["WITH"] or "USING" in _top_words(op):
            raise DatasetConflict("the update names its dataset with USING or WITH: leave out "
                                  "using-graph-uri and using-named-graph-uri, or USING and WITH")
        if words[:2] == ["DELETE", "WHERE"] and len(op) > 2 and op[2].text == "{":
            close = matching(toks, i + 2)
            if close is not None:
                pattern = update[toks[i + 2].start:toks[close].end]
                edits.append((op[0].start, toks[close].end, f"DELETE {pattern}{clauses} WHERE {pattern}"))
        elif words[:1] in (["INSERT"], ["DELETE"]) and words[1:2] != ["DATA"]:
            where = next((t for t in _top_tokens(op) if t.word() == "WHERE"), None)
            if where is not None:
                edits.append((where.start, where.start, clauses.strip() + " "))
        i = end + 1
    for start, stop, text in reversed(edits):
        update = update[:start] + text + update[stop:]
    return update


def _operation_end(toks: list[Token], i: int) -> int:
    """The index of the ``;`` ending the operation that starts at ``toks[i]`` (or the end)."""
    depth = 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "punct":
            if t.text in "{([":
                depth += 1
            elif t.text in "})]":
                depth -= 1
            elif t.text == ";" and depth == 0:
                return i
        i += 1
    return i


def _top_tokens(op: list[Token]) -> list[Token]:
    """The tokens of an operation outside its braces, parentheses and brackets."""
    out, depth = [], 0
    for t in op:
        if t.kind == "punct" and t.text in "{([":
            depth += 1
        elif t.kind == "punct" and t.text in "})]":
            depth -= 1
        elif depth == 0:
            out.append(t)
    return out


def _top_words(op: list[Token]) -> list[str]:
    return [w for t in _top_tokens(op) if (w := t.word())]


def with_base(text: str, base: str) -> str:
    """``text`` resolving its relative IRIs against ``base`` (a ``BASE`` of its own still applies after it)."""
    return f"BASE <{base}>\n{text}"
