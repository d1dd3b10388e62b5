"""Queries and updates make the server fetch nothing, however SERVICE and LOAD are written: comments, escapes in
prefixed names, codepoint escapes, case and line breaks around them, and SERVICE in every place a pattern can
be. Each generated text has a real SERVICE or LOAD, so each must be refused and the canary must hear nothing;
the same text with the SERVICE pattern replaced by a plain one must be answered, so the refusal is not of
everything."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.webapp.conftest import TOKEN
from tests.webapp.test_security import canary  # noqa: F401 - the fixture

SEPARATORS = st.sampled_from([" ", "\n", "\r\n", "\t", " # } SERVICE {\n", "#\n", "\n#x\n  "])
SERVICE = st.sampled_from(["SERVICE", "service", "SeRvIcE", "\\u0053ERVICE", "\\u0073\\u0065rvice", "SERVIC\\u0045"])
SILENT = st.sampled_from(["", "SILENT", "silent", "\\u0053ILENT"])
LOAD = st.sampled_from(["LOAD", "load", "LoAd", "\\u004cOAD", "LOA\\u0044"])
#: what stands before the SERVICE pattern: escapes and strings that a text-based reading takes for comments
BEFORE = st.sampled_from(["", "VALUES ?v { ex:a\\# }", "?a ex:p ex:a\\# .", "?a ex:p ex:a\\#b .",
                          'BIND("\\"#" AS ?q)', "?a ?b '''#\n''' .", "FILTER(?a < 2)", "?a ex:p%23 ?b ."])
#: where the pattern stands
PLACES = st.sampled_from(["{X}", "OPTIONAL {{ {X} }}", "{{ ?a ?b ?c }} UNION {{ {X} }}",
                          "{{ SELECT * WHERE {{ {X} }} }}", "FILTER EXISTS {{ {X} }}", "FILTER NOT EXISTS {{ {X} }}",
                          "MINUS {{ {X} }}", "GRAPH ?g {{ {X} }}", "BIND(EXISTS {{ {X} }} AS ?e)"])
PLAIN = "{ ?x ?y ?z }"


def _query(sep: str, before: str, place: str, pattern: str) -> str:
    return (f"PREFIX ex: <http://e/>{sep}SELECT * WHERE {{{sep}{before}{sep}"
            f"{place.format(X=pattern)}{sep}}}")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sep=SEPARATORS, keyword=SERVICE, silent=SILENT, before=BEFORE, place=PLACES)
def test_service_written_any_way_is_refused(client, canary, sep, keyword, silent, before, place):  # noqa: F811
    url, seen = canary
    remote = f"{keyword}{sep}{silent}{sep}<{url}/x>{sep}{{ ?x ?y ?z }}"
    resp = client.post("/sparql", data={"query": _query(sep, before, place, remote)})
    assert resp.status_code == 400, resp.get_data(as_text=True)
    assert seen == []
    control = client.post("/sparql", data={"query": _query(sep, before, place, PLAIN)})
    assert control.status_code == 200, control.get_data(as_text=True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sep=SEPARATORS, keyword=LOAD, silent=SILENT, before=BEFORE, service=SERVICE, place=PLACES)
def test_load_and_service_in_updates_are_refused(client, filled_store, canary, sep, keyword, silent, before,  # noqa: F811
                                                 service, place):
    url, seen = canary
    before_update = before.replace("BIND", "FILTER(BOUND(?q)) BIND") if "BIND" in before else before
    data = f"PREFIX ex: <http://e/>{sep}INSERT DATA {{ GRAPH <urn:x:evil> {{ ex:a ex:b ex:c\\# }} }}"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before_count = filled_store.count()
    for text in (f"{data}{sep};{sep}{keyword}{sep}{silent}{sep}<{url}/x>",
                 f"PREFIX ex: <http://e/>{sep}INSERT {{ GRAPH <urn:x:evil> {{ ?x ?y ?z }} }} WHERE {{{sep}"
                 f"{before_update}{sep}{place.format(X=f'{service} <{url}/x> {{ ?x ?y ?z }}')} }}"):
        resp = client.post("/sparql", data={"update": text}, headers=auth)
        assert resp.status_code == 400, (text, resp.get_data(as_text=True))
    assert seen == []
    assert filled_store.count() == before_count
