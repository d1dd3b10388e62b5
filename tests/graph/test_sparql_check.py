"""SERVICE and LOAD found on the parse tree wherever they are, never where they are only words, and text too
deep or too long for the parser handled before it parses."""
from __future__ import annotations

import pytest

from graph.sparql_check import MAX_NESTING, TooDeep, inspect
from graph.store import QuerySyntaxError

S = "SERVICE <http://127.0.0.1:9/x> { ?x ?y ?z }"


@pytest.mark.parametrize("query", [
    f"SELECT * WHERE {{ {S} }}",
    f"SELECT * WHERE {{ OPTIONAL {{ {S} }} }}",
    f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ {S} }} }}",
    f"SELECT * WHERE {{ ?a ?b ?c MINUS {{ {S} }} }}",
    f"SELECT * WHERE {{ GRAPH ?g {{ {S} }} }}",
    f"SELECT * WHERE {{ {{ SELECT * WHERE {{ {S} }} }} }}",
    f"SELECT * WHERE {{ FILTER EXISTS {{ {S} }} }}",
    f"SELECT * WHERE {{ FILTER (NOT EXISTS {{ {S} }}) }}",
    f"SELECT (EXISTS {{ {S} }} AS ?e) WHERE {{ }}",
    f"SELECT ?a (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c }} GROUP BY ?a HAVING (EXISTS {{ {S} }})",
    f"SELECT * WHERE {{ ?a ?b ?c }} ORDER BY (EXISTS {{ {S} }})",
    f"ASK {{ {S} }}",
    f"CONSTRUCT {{ ?x ?y ?z }} WHERE {{ {S} }}",
    f"DESCRIBE ?x WHERE {{ {S} }}",
    "SELECT * WHERE { SERVICE SILENT ?endpoint { ?x ?y ?z } VALUES ?endpoint { <http://127.0.0.1:9/> } }",
])
def test_service_is_found_anywhere_in_a_query(query):
    assert inspect(query, update=False).remote == "SERVICE"


@pytest.mark.parametrize("update", [
    "LOAD <http://127.0.0.1:9/x>",
    "LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:x:g>",
    "CLEAR SILENT GRAPH <urn:x:a> ; load <http://127.0.0.1:9/x>",
])
def test_load_is_found_in_updates(update):
    assert inspect(update, update=True).remote == "LOAD"


def test_service_in_an_update_where_is_found():
    assert inspect(f"INSERT {{ ?x ?y ?z }} WHERE {{ OPTIONAL {{ {S} }} }}", update=True).remote == "SERVICE"


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?service ?load "SERVICE <http://x/> {}" } # SERVICE <http://x/> {}',
    "PREFIX service: <urn:x:> SELECT * WHERE { ?s service:load <http://x/SERVICE> }",
])
def test_the_words_alone_are_nothing(query):
    assert inspect(query, update=False).remote is None


def test_nesting_past_the_limit_is_refused_before_parsing():
    deep = "SELECT * WHERE " + "{ " * (MAX_NESTING + 1) + "?s ?p ?o" + " }" * (MAX_NESTING + 1)
    with pytest.raises(TooDeep):
        inspect(deep, update=False)
    ok = "SELECT * WHERE " + "{ " * MAX_NESTING + "?s ?p ?o" + " }" * MAX_NESTING
    assert inspect(ok, update=False).remote is None


def test_long_data_is_read_at_once():
    """A VALUES block of a hundred thousand rows, which rdflib's parser takes a minute over, is emptied first;
    a SERVICE after it is still found."""
    values = " ".join(str(i) for i in range(100_000))
    assert inspect(f"SELECT * WHERE {{ VALUES ?v {{ {values} }} {S} }}", update=False).remote == "SERVICE"


def test_what_does_not_parse_says_so():
    with pytest.raises(QuerySyntaxError):
        inspect("SELECT * WHERE { ?s ?p }", update=False)
