"""SPARQL text read lexically: the grammar's tokens, keywords found where they are keywords (never inside
strings, IRIs, comments, variables or prefixed names), nesting, data blocks, and fast on long text."""
from __future__ import annotations

import pytest

from graph.results import query_kind
from graph.sparql_text import first_keyword, nesting, tokens, without_data
from graph.store import QuerySyntaxError

REMOTE = ("SERVICE", "LOAD")


@pytest.mark.parametrize("text, found", [
    ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("select * {?s ?p ?o .service<http://x>{}}", "SERVICE"),
    ("SELECT * { FILTER(1<2)SERVICE<http://x>{} }", "SERVICE"),
    ("LOAD <file:///etc/passwd>", "LOAD"),
    ("load<http://x> into graph <urn:g>", "LOAD"),
    ("\\u0053ERVICE <http://x> {}", "SERVICE"),
    ('SELECT ?service WHERE { ?service a schema:Service ; ex:load "SERVICE LOAD" } # SERVICE', None),
    ("SELECT * { <http://x/SERVICE> ?p '''LOAD\nSERVICE''' }", None),
    ('SELECT * { ?s ?p "a\\"SERVICE" }', None),
    ("PREFIX load: <urn:x:> SELECT * { ?s esg:a-service load:x }", None),
    # an escaped character in a prefixed name is part of the name, not the start of a comment
    ("PREFIX ex: <http://e/> SELECT * { VALUES ?v { ex:a\\# } SERVICE <http://x/> { } }", "SERVICE"),
    ("PREFIX ex: <http://e/> SELECT * { ?s ex:p ex:a\\#\nSERVICE <http://x/> { } }", "SERVICE"),
])
def test_remote_keywords(text, found):
    assert first_keyword(text, REMOTE) == found


@pytest.mark.parametrize("query, kind", [
    ("PREFIX ask: <urn:x:> # CONSTRUCT\nSELECT ?ask WHERE { ?s ask:describe 'CONSTRUCT' }", "select"),
    ("BASE <http://x/select> ASK { { SELECT * { ?s ?p ?o } } }", "ask"),
    ("construct { ?s ?p ?o } where { { select ?s ?p ?o { ?s ?p ?o } } }", "graph"),
    ("DESCRIBE ?s WHERE { ?s ?p ?o }", "graph"),
])
def test_query_kind_from_the_form_keyword(query, kind):
    assert query_kind(query) == kind


def test_no_form_is_a_syntax_error():
    with pytest.raises(QuerySyntaxError):
        query_kind("PREFIX x: <urn:x:> # SELECT")


def test_long_queries_are_read_at_once():
    """A query of several megabytes (what ESGRAF_MAX_BODY lets through) is read in well under the time limit;
    rdflib's parser took minutes on it."""
    values = " ".join(str(i) for i in range(1_000_000))
    query = f"SELECT * WHERE {{ VALUES ?x {{ {values} }} }}"
    assert len(query) > 6_000_000
    assert query_kind(query) == "select"
    assert first_keyword(query, REMOTE) is None


def test_tokens_follow_the_grammar():
    text = 'PREFIX ex: <http://e/> SELECT ?x WHERE { ex:a\\#b ex:p "x\\"y"@pl, 1.5e3, _:b . } # SERVICE'
    assert [(t.kind, t.text) for t in tokens(text)] == [
        ("word", "PREFIX"), ("pname", "ex:"), ("iri", "<http://e/>"), ("word", "SELECT"), ("var", "?x"),
        ("word", "WHERE"), ("punct", "{"), ("pname", "ex:a\\#b"), ("pname", "ex:p"), ("string", '"x\\"y"'),
        ("langtag", "@pl"), ("punct", ","), ("number", "1.5e3"), ("punct", ","), ("bnode", "_:b"),
        ("punct", "."), ("punct", "}")]


def test_nesting_counts_every_bracket():
    assert nesting(tokens("SELECT * { { FILTER((1)) } }")) == 4
    assert nesting(tokens('SELECT * { ?s ?p "{{{{" }')) == 1


@pytest.mark.parametrize("text, emptied", [
    ("SELECT * { VALUES (?a ?b) { (1 'x') (UNDEF <urn:a>) } }", "SELECT * { VALUES (?a ?b) {} }"),
    ("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> [ <urn:c> 1 ] } }", "INSERT DATA {}"),
    # anything but data stays for the parser to see
    ("SELECT * { VALUES ?a { 1 } SERVICE <urn:x> { } }", "SELECT * { VALUES ?a {} SERVICE <urn:x> { } }"),
    ("SELECT * { VALUES ?a { 1 } } } SERVICE <urn:x> { VALUES ?b { ?c } }",
     "SELECT * { VALUES ?a {} } } SERVICE <urn:x> { VALUES ?b { ?c } }"),
    ("INSERT DATA { <urn:a> <urn:b> ?c }", "INSERT DATA { <urn:a> <urn:b> ?c }"),
    ("SELECT * { VALUES ?a { \\u0031 } }", "SELECT * { VALUES ?a { \\u0031 } }"),
])
def test_data_blocks_are_emptied_and_nothing_else(text, emptied):
    assert without_data(text) == emptied
