"""Keywords read lexically from SPARQL text: found where they are keywords, never inside strings, IRIs,
comments, variables or prefixed names, and fast on long text."""
from __future__ import annotations

import pytest

from graph.results import query_kind
from graph.sparql_text import first_keyword, keyword
from graph.store import QuerySyntaxError

REMOTE = keyword(("SERVICE", "LOAD"))


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
