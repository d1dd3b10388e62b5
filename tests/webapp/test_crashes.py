"""Input nested deep enough to crash a parser (Oxigraph's overflows its stack at about ten thousand levels)
is refused, and the server goes on: a query, an update and a Graph Store PUT of JSON-LD, each ten thousand
levels deep. The app runs in a child process, so that a crash shows as a failed test rather than ending the
test run."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from graph.settings import ROOT

DEPTH = 10_000
SCRIPT = f"""
import json, urllib.parse
from graph.store import OxigraphStore
from tests.webapp.conftest import TOKEN, fill, make_settings
from webapp import create_app

d = {DEPTH}
auth = {{"Authorization": "Bearer " + TOKEN}}
client = create_app(make_settings(), fill(OxigraphStore())).test_client()
requests = {{
    "query": lambda: client.get("/sparql", query_string={{"query": "SELECT * WHERE " + "{{ " * d + "?s ?p ?o" + " }}" * d}}),
    "query-parentheses": lambda: client.get("/sparql", query_string={{
        "query": "SELECT * WHERE {{ FILTER(" + "(" * d + "1" + ")" * d + ") }}"}}),
    "update": lambda: client.post("/sparql", headers=auth, data={{
        "update": "INSERT {{ GRAPH <urn:x:g> {{ ?s ?p ?o }} }} WHERE " + "{{ " * d + "?s ?p ?o" + " }}" * d}}),
    "jsonld-put": lambda: client.put("/store?graph=urn%3Ax%3Adeep", headers=auth, content_type="application/ld+json",
        data='{{"@id": "urn:x:s", "urn:x:p": ' + '{{"urn:x:p": ' * d + '"x"' + '}}' * d + '}}'),
}}
for name, send in requests.items():
    resp = send()
    after = client.get("/sparql", query_string={{"query": "ASK {{ ?s ?p ?o }}"}})
    print(json.dumps({{"name": name, "status": resp.status_code, "after": after.status_code,
                      "message": (resp.get_json() or {{}}).get("error", {{}}).get("message", "")}}), flush=True)
"""


@pytest.fixture(scope="module")
def answers() -> dict[str, dict]:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=600)
    found = {a["name"]: a for a in map(json.loads, proc.stdout.splitlines())}
    found["returncode"] = {"status": proc.returncode, "stderr": proc.stderr[-2000:]}
    return found


@pytest.mark.parametrize("name", ["query", "query-parentheses", "update", "jsonld-put"])
def test_deep_input_is_refused_and_the_server_goes_on(answers, name):
    assert name in answers, f"the server process ended: {answers['returncode']}"
    assert answers[name]["status"] in (400, 413), answers[name]
    assert answers[name]["after"] == 200


def test_the_server_process_ended_normally(answers):
    assert answers["returncode"]["status"] == 0, answers["returncode"]["stderr"]
