"""Query answers are written the same way whichever backend answered, and cut at the row limit."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from graph.results import (GRAPH_FORMATS, RESULT_FORMATS, NotAcceptable, encode_solutions, query_kind,
                           run_oxigraph, run_store, term_json)
from graph.store import OxigraphStore, QuerySyntaxError

DATA = """
<urn:x:a> <urn:x:name> "Ala"@pl , "Ala" , "3"^^<http://www.w3.org/2001/XMLSchema#integer> .
<urn:x:b> <urn:x:name> _:n .
"""
SELECT = "SELECT ?s ?o WHERE { ?s <urn:x:name> ?o } ORDER BY ?s STR(?o) LANG(?o)"


@pytest.fixture
def store() -> OxigraphStore:
    s = OxigraphStore()
    s.update(f"INSERT DATA {{ GRAPH <urn:x:g> {{ {DATA} }} {DATA} }}")  # the graph and the merged default graph
    return s


@pytest.mark.parametrize("term, expected", [
    (ox.NamedNode("urn:x:a"), {"type": "uri", "value": "urn:x:a"}),
    (ox.Literal("Ala", language="pl"), {"type": "literal", "value": "Ala", "xml:lang": "pl"}),
    (ox.Literal("Ala"), {"type": "literal", "value": "Ala"}),
    (ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
     {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}),
    (ox.BlankNode("b1"), {"type": "bnode", "value": "b1"}),
])
def test_term_json(term, expected):
    assert term_json(term) == expected


@pytest.mark.parametrize("fmt", sorted(RESULT_FORMATS))
def test_both_paths_write_the_same_rows(store, fmt):
    raw = run_oxigraph(store.raw, SELECT, fmt, None, max_rows=100)
    generic = run_store(store, SELECT, fmt, None, max_rows=100)
    assert raw.media_type == generic.media_type == RESULT_FORMATS[fmt][0]
    assert raw.count == generic.count == 4
    if fmt == "json":  # blank node labels may differ between the two paths
        strip = [{k: v for k, v in b.items() if v.get("type") != "bnode"}
                 for b in json.loads(raw.body)["results"]["bindings"]]
        assert strip == [{k: v for k, v in b.items() if v.get("type") != "bnode"}
                         for b in json.loads(generic.body)["results"]["bindings"]]
    else:
        assert raw.body.count(b"Ala") == generic.body.count(b"Ala") == 2


@pytest.mark.parametrize("runner", ["oxigraph", "store"])
def test_cut_at_the_row_limit(store, runner):
    answer = (run_oxigraph(store.raw, SELECT, "json", None, max_rows=2) if runner == "oxigraph"
              else run_store(store, SELECT, "json", None, max_rows=2))
    assert answer.truncated and answer.count == 2
    assert len(json.loads(answer.body)["results"]["bindings"]) == 2
    whole = run_oxigraph(store.raw, SELECT, "json", None, max_rows=4)
    assert not whole.truncated


def test_select_keeps_the_projection_order_and_unbound_variables(store):
    q = "SELECT ?o ?missing ?s WHERE { ?s <urn:x:name> ?o } LIMIT 1"
    for answer in (run_oxigraph(store.raw, q, "json", None, 10), run_store(store, q, "json", None, 10)):
        assert json.loads(answer.body)["head"]["vars"] == ["o", "missing", "s"]


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_graphs_in_every_format(store, fmt):
    q = "CONSTRUCT WHERE { ?s <urn:x:name> ?o }"
    answer = run_oxigraph(store.raw, q, None, fmt, 100)
    assert answer.kind == "graph" and answer.count == 4
    assert len(list(ox.parse(answer.body, format=GRAPH_FORMATS[fmt][1]))) == 4


@pytest.mark.parametrize("query, kind", [(SELECT, "select"), ("ASK { ?s ?p ?o }", "ask"),
                                         ("CONSTRUCT WHERE { ?s ?p ?o }", "graph"), ("DESCRIBE <urn:x:a>", "graph")])
def test_query_kind(query, kind):
    assert query_kind(query) == kind


def test_not_acceptable_names_the_formats(store):
    with pytest.raises(NotAcceptable) as err:
        run_oxigraph(store.raw, "ASK { ?s ?p ?o }", None, "turtle", 10)
    assert "application/sparql-results+json" in str(err.value)
    with pytest.raises(NotAcceptable):
        run_store(store, "CONSTRUCT WHERE { ?s ?p ?o }", "json", None, 10)


@pytest.mark.parametrize("runner", [run_oxigraph, run_store])
def test_syntax_errors(store, runner):
    target = store.raw if runner is run_oxigraph else store
    with pytest.raises(QuerySyntaxError):
        runner(target, "SELECT WHERE", "json", "turtle", 10)


def test_encode_solutions_empty():
    assert json.loads(encode_solutions(["x"], [], "json")) == {"head": {"vars": ["x"]}, "results": {"bindings": []}}
