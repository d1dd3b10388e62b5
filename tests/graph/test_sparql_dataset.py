"""The protocol's dataset parameters written into queries and updates: in the right place whatever the form,
in place of the query's own FROM, and refused for updates that name their own dataset."""
from __future__ import annotations

import pytest

from graph.sparql_check import check
from graph.sparql_dataset import DatasetConflict, with_from, with_using

D, N = "urn:x:d", "urn:x:n"


@pytest.mark.parametrize("query", [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "PREFIX x: <urn:x:> SELECT * FROM <urn:x:old> FROM NAMED x:old { ?s ?p ?o } LIMIT 1",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "DESCRIBE <urn:x:a> ?b",
    "DESCRIBE * WHERE { ?b ?p ?o }",
    "ASK{}",
    "select distinct ?g{graph ?g{}}",
    "BASE <http://x/> SELECT ?s FROM <old> WHERE { ?s ?p ?o } ORDER BY ?s",
])
def test_from_clauses_take_the_place_of_the_querys(query):
    checked = check(with_from(query, [D], [N]), update=False)
    assert (checked.from_graphs, checked.from_named) == ([D], [N])


def test_no_parameters_leave_the_query_as_it_is():
    query = "SELECT * FROM <urn:x:old> { ?s ?p ?o }"
    assert with_from(query, [], []) == query


def test_using_goes_into_every_operation_with_a_where():
    update = ("PREFIX x: <urn:x:> DELETE WHERE { ?s x:p ?o } ; INSERT DATA { <urn:a> <urn:b> <urn:c> } ;"
              "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o } ; CLEAR GRAPH <urn:x:g>")
    ops = check(with_using(update, [D], [N]), update=True).operations
    assert [(op.kind, op.using, op.using_named) for op in ops] == [
        ("Modify", [D], [N]), ("InsertData", [], []), ("Modify", [D], [N]), ("Clear", [], [])]


@pytest.mark.parametrize("update", [
    "WITH <urn:x:w> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "INSERT { ?s ?p ?o } USING <urn:x:u> WHERE { ?s ?p ?o }",
    "INSERT { ?s ?p ?o } using named <urn:x:u> WHERE { ?s ?p ?o }",
])
def test_an_update_with_its_own_dataset_conflicts(update):
    with pytest.raises(DatasetConflict):
        with_using(update, [D], [])
