"""What a SPARQL query or update asks for, read from its parse tree: whether it fetches from elsewhere
(``SERVICE`` anywhere in a pattern, ``LOAD``), and the dataset each operation names (``FROM``, ``USING``,
``WITH``), which the endpoint checks against the protocol's parameters.

The text is parsed with rdflib's SPARQL parser, in a worker process (:mod:`graph.sandbox`): parsing is
recursive and slow on long text, and a parser that runs out of stack or time there costs one process, not the
server. Before parsing, :func:`prepare` refuses text nested deeper than :data:`MAX_NESTING` and empties long
data blocks (``VALUES``, ``INSERT DATA``), which only hold terms and would make the parse take minutes.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

from graph.sparql_text import nesting, tokens, without_data
from graph.store import QuerySyntaxError, StoreError

#: deepest nesting of braces, parentheses and brackets a query or update may have; real queries stay far below
#: it, and parsers (Oxigraph's among them) recurse once a level and crash on a few thousand
MAX_NESTING = 100
#: data blocks longer than this are emptied before the parse
LONG_DATA = 2000
#: names in the parse tree of what makes a store fetch a URL
_REMOTE = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}


class TooDeep(QuerySyntaxError):
    """The text nests deeper than :data:`MAX_NESTING`."""


class RemoteRefused(StoreError):
    """The query or update would make the store fetch from elsewhere (``SERVICE``, ``LOAD``)."""

    def __init__(self, keyword: str):
        self.keyword = keyword
        super().__init__(f"{keyword} is not allowed here: this endpoint answers from its own data and fetches "
                         "nothing from elsewhere")


@dataclass
class Operation:
    """One operation of an update: its kind (``Modify``, ``InsertData``, ``Load``…) and the dataset it names."""

    kind: str
    using: list[str] = field(default_factory=list)
    using_named: list[str] = field(default_factory=list)
    with_graph: str | None = None


@dataclass
class Checked:
    """What a query or update asks for."""

    remote: str | None = None  # SERVICE or LOAD when it fetches from elsewhere
    form: str | None = None  # a query's SelectQuery, AskQuery, ConstructQuery or DescribeQuery
    from_graphs: list[str] = field(default_factory=list)  # a query's FROM
    from_named: list[str] = field(default_factory=list)  # a query's FROM NAMED
    operations: list[Operation] = field(default_factory=list)  # an update's operations


def prepare(text: str) -> str:
    """``text`` as the parser is given it; :class:`TooDeep` when it nests too deeply to be parsed safely."""
    toks = tokens(text)
    depth = nesting(toks)
    if depth > MAX_NESTING:
        raise TooDeep(f"the text nests {depth} levels deep; at most {MAX_NESTING} are allowed")
    return without_data(text, LONG_DATA, toks)


def inspect(text: str, update: bool) -> Checked:
    """:func:`check` of the :func:`prepare` d text: the job a parser process runs."""
    return check(prepare(text), update)


def check(text: str, update: bool) -> Checked:
    """Parse a query (or an update) and say what it asks for; :class:`QuerySyntaxError` when it does not parse.

    Meant to run in a worker process on text from :func:`prepare`: it raises the recursion limit, which
    rdflib's parser needs for nested patterns, and :func:`prepare` bounds the nesting.
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 100 * MAX_NESTING + 10_000))
    try:
        tree = parseUpdate(text) if update else parseQuery(text)
    except ParseBaseException as exc:
        raise QuerySyntaxError(str(exc)) from None
    except RecursionError:
        raise TooDeep("the text nests too deeply to be parsed") from None
    checked = Checked(remote=_remote(tree))
    if update:
        checked.operations = [_operation(op) for op in _field(tree, "request") or []]
    else:
        query = tree[1]
        checked.form = query.name
        for clause in _field(query, "datasetClause") or []:
            if _field(clause, "default") is not None:
                checked.from_graphs.append(str(_field(clause, "default")))
            else:
                checked.from_named.append(str(_field(clause, "named")))
    return checked


def _field(node: object, key: str) -> object:
    """A part of a parse tree node, or None (rdflib's own ``get`` answers a missing key with the key)."""
    return dict.get(node, key) if isinstance(node, dict) else None


def _operation(op: object) -> Operation:
    checked = Operation(getattr(op, "name", type(op).__name__))
    for clause in _field(op, "using") or []:  # type: ignore[union-attr]
        if _field(clause, "default") is not None:
            checked.using.append(str(_field(clause, "default")))
        else:
            checked.using_named.append(str(_field(clause, "named")))
    with_graph = _field(op, "withClause")
    checked.with_graph = str(with_graph) if with_graph is not None else None
    return checked


def _remote(tree: object) -> str | None:
    """SERVICE or LOAD when the parse tree holds one anywhere (inside OPTIONAL, UNION, MINUS, GRAPH,
    subqueries, EXISTS in a filter or a projection…), else None. Walks the tree without recursion."""
    stack = [tree]
    while stack:
        node = stack.pop()
        name = getattr(node, "name", None)
        if isinstance(name, str) and name in _REMOTE:
            return _REMOTE[name]
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(list(node))
    return None
