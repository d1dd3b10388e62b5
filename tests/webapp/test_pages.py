"""Linked-data pages, search, languages and security headers."""
from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef

from graph.store import OxigraphStore
from graph.vocab import FOAF, ORG, SKOS
from tests.webapp.conftest import HOSTILE, SECOND_ID, fill, make_settings
from webapp import create_app

BASE = "https://w3id.org/esgraf/"
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
PAGES = ["/", "/person/piotr-babiarz", "/organization/owes-subregionu-polnocnego", "/county/2611",
         f"/article/{SECOND_ID}", "/search?q=porozumienie", "/counties", "/downloads", "/ontology", "/query",
         "/organization/hostile", "/concept/sector/social", "/concept/role/starosta",
         "/event/spotkanie-w-starachowicach-2024-05-17", "/agreement/porozumienie-kielce-2024-06-03"]


def page(client, path: str) -> str:
    resp = client.get(path, headers=HTML)
    assert resp.status_code == 200, (path, resp.status_code)
    assert resp.mimetype == "text/html"
    return resp.get_data(as_text=True)


def test_person_page_shows_roles_events_and_sources(memory_client):
    html = page(memory_client, "/person/piotr-babiarz")
    assert "<h1>Piotr Babiarz</h1>" in html
    assert 'href="/organization/starostwo-powiatowe-w-starachowicach"' in html
    assert "starosta starachowicki" in html  # the role title
    assert 'href="/event/spotkanie-w-starachowicach-2024-05-17"' in html  # the meeting attended
    assert "Starosta starachowicki Piotr Babiarz spotkał się 17 maja 2024 r." in html  # the sentence
    assert 'href="/article/starachowice-2024-05-17"' in html and "Starostwo i OWES podpisały porozumienie" in html
    assert 'href="https://example.org/news/42"' in html
    assert 'data-src="/network/ego/person/piotr-babiarz"' in html
    assert html.count(">osoba</a>") == 1  # foaf:Person and schema:Person read the same: shown once


def test_organisation_page(memory_client):
    html = page(memory_client, "/organization/owes-subregionu-polnocnego")
    assert "Ośrodek Wsparcia Ekonomii Społecznej Subregionu Północnego" in html
    assert "OWES" in html  # alias
    assert 'href="/concept/sector/social"' in html
    assert 'href="/agreement/porozumienie-starostwo-owes-2024-05-17"' in html  # signed
    assert "podpisał(a) porozumienia" in html


def test_county_page_is_where_its_cooperation_is_seen(memory_client):
    html = page(memory_client, "/county/2611")
    assert "<dt>kod TERYT</dt><dd>2611</dd>" in html
    # the county's map, and a link to the full map with the county's filter set
    assert re.search(r'id="area-network"[^>]*data-src="/network/data.json\?area=2611"', html)
    assert 'href="/network/?area=2611"' in html
    # who with whom: the starostwo and the OWES signed one agreement and met at one meeting
    ties = html.split('id="ties-table"', 1)[1].split("</table>", 1)[0]
    row = next(r for r in ties.split("<tr")[2:] if "owes-subregionu-polnocnego" in r and "starostwo-powiatowe" in r)
    assert "porozumienie</span>" in row and "spotkanie</span>" in row
    assert "17 maja 2024" in row and "ekonomia społeczna" in row and "publiczny" in row
    assert 'href="/article/starachowice-2024-05-17"' in row
    # every organisation active there, and the year's agreements and meetings on the timeline
    orgs = html.split("Organizacje działające na tym obszarze", 1)[1].split("</table>", 1)[0]
    assert 'href="/organization/starostwo-powiatowe-w-starachowicach"' in orgs
    assert 'href="/organization/owes-subregionu-polnocnego"' in orgs
    timeline = html.split('class="timeline"', 1)[1].split("</section>", 1)[0]
    assert 'data-year="2024"' in timeline and 'href="/agreement/porozumienie-kielce-2024-06-03"' in timeline
    # every measure is explained beside its value
    assert all(f'data-key="{k}"' in html for k in ("ei", "degree", "betweenness", "brokerage"))


def test_voivodeship_page_is_where_its_cooperation_is_seen():
    from graph.iri import MINT
    from graph.teryt import load_register, teryt_triples

    # the voivodeship is known from the TERYT register, as on a loaded corpus; its things are in its counties
    store = fill(OxigraphStore())
    store.replace_graphs({str(MINT.teryt_graph): teryt_triples(load_register(), MINT)})
    html = page(create_app(make_settings(), store).test_client(), "/voivodeship/26")
    assert "<h1>województwo świętokrzyskie</h1>" in html and "<dt>kod TERYT</dt><dd>26</dd>" in html
    assert re.search(r'id="area-network"[^>]*data-src="/network/data.json\?area=26"', html)
    assert 'href="/network/?area=26"' in html and 'href="/county/2611"' in html
    ties = html.split('id="ties-table"', 1)[1].split("</table>", 1)[0]
    row = next(r for r in ties.split("<tr")[2:] if "owes-subregionu-polnocnego" in r and "starostwo-powiatowe" in r)
    assert "porozumienie</span>" in row and "spotkanie</span>" in row and "17 maja 2024" in row
    timeline = html.split('class="timeline"', 1)[1].split("</section>", 1)[0]
    assert 'data-year="2024"' in timeline
    assert 'href="/agreement/porozumienie-starostwo-owes-2024-05-17"' in timeline
    # what is placed in one of its counties is the voivodeship's too
    assert 'href="/agreement/porozumienie-kielce-2024-06-03"' in timeline
    assert all(f'data-key="{k}"' in html for k in ("ei", "degree", "betweenness", "brokerage"))


def test_agreement_page_shows_its_date_and_signatories_first(memory_client):
    html = page(memory_client, "/agreement/porozumienie-starostwo-owes-2024-05-17")
    facts = html.split('<dl class="facts">', 1)[1].split("</dl>", 1)[0]
    assert re.search(r"<dt>Data podpisania</dt><dd class=\"lead\">17 maja 2024</dd>", facts)
    signatories = facts.split("<dt>Sygnatariusze</dt>", 1)[1].split("</dd>", 1)[0]
    assert 'href="/organization/starostwo-powiatowe-w-starachowicach"' in signatories
    assert 'href="/organization/owes-subregionu-polnocnego"' in signatories
    assert facts.index("Sygnatariusze") < facts.index("Identyfikator")
    assert ">2024-05-17<" not in html


def test_event_page_is_named_by_what_where_and_when(memory_client):
    html = page(memory_client, "/event/spotkanie-w-starachowicach-2024-05-17")
    assert "<h1>Spotkanie — Starostwo Powiatowe w Starachowicach, 17 maja 2024</h1>" in html
    assert "<dt>Opisane w artykule</dt><dd>Spotkanie w Starachowicach</dd>" in html  # the headline, below


def test_each_source_sentence_is_quoted_once(memory_client):
    from tests.conftest import SENTENCES

    for path in ("/organization/starostwo-powiatowe-w-starachowicach", "/county/2611", "/person/piotr-babiarz"):
        html = page(memory_client, path)
        for sentence in SENTENCES:
            assert html.count(f"<q>{sentence}</q>") <= 1, (path, sentence)
    html = page(memory_client, "/organization/starostwo-powiatowe-w-starachowicach")
    assert html.count(f"<q>{SENTENCES[2]}</q>") == 1
    assert 'href="#note-' in html  # the facts point to their numbered sentence


def test_pages_in_polish_and_english(memory_client):
    html = page(memory_client, "/organization/owes-subregionu-polnocnego")
    assert ">ośrodek wsparcia ekonomii społecznej</a>" in html
    html = page(memory_client, "/organization/owes-subregionu-polnocnego?lang=en")
    assert ">social economy support centre</a>" in html and "Powiązania" not in html
    missing = memory_client.get("/organization/nowhere?lang=pl", headers=HTML)
    assert missing.status_code == 404
    text = missing.get_data(as_text=True)
    assert "Nie znaleziono" in text and "W grafie nie ma niczego o identyfikatorze" in text
    assert "nothing is known" not in text
    search = page(memory_client, "/search?q=ośrodek&lang=pl")
    assert "ośrodek wsparcia ekonomii społecznej" in search and "SocialEconomySupportCentre" not in search


def test_article_page(memory_client):
    html = page(memory_client, "/article/starachowice-2024-05-17")
    assert "<h1>Starostwo i OWES podpisały porozumienie</h1>" in html
    assert "2024-05-17" in html
    assert 'href="https://example.org/news/42"' in html
    for path in ("/person/piotr-babiarz", "/organization/rops-w-kielcach", "/county/2611",
                 "/event/spotkanie-w-starachowicach-2024-05-17"):
        assert f'href="{path}"' in html
    assert "Spotkanie w Starostwie Powiatowym w Starachowicach zorganizował" in html


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_without_inline_script(memory_client, path):
    html = page(memory_client, path)
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert " on" + "error=" not in html.lower().replace("&lt;img src=x onerror=", "")
    assert '<meta name="viewport"' in html


@pytest.mark.parametrize("path", ["/organization/hostile", f"/article/{SECOND_ID}", "/person/dariusz-dabrowski",
                                  "/search?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+zzz", "/county/2611"])
def test_hostile_label_is_escaped(memory_client, path):
    html = page(memory_client, path)
    assert HOSTILE not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_security_headers(memory_client):
    resp = memory_client.get("/", headers=HTML)
    csp = resp.headers["Content-Security-Policy"]
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", "'self'"]
    assert "default-src 'self'" in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("accept, suffix, fmt, mimetype", [
    ("text/turtle", "ttl", "turtle", "text/turtle"),
    ("application/ld+json", "jsonld", "json-ld", "application/ld+json"),
    ("application/n-triples", "nt", "nt", "application/n-triples"),
    ("application/rdf+xml", "rdf", "xml", "application/rdf+xml"),
])
def test_entity_content_negotiation(client, accept, suffix, fmt, mimetype):
    iri = URIRef(BASE + "person/piotr-babiarz")
    for resp in (client.get("/person/piotr-babiarz", headers={"Accept": accept}),
                 client.get(f"/person/piotr-babiarz.{suffix}", headers=HTML)):
        assert resp.status_code == 200
        assert resp.mimetype == mimetype
        g = Graph().parse(data=resp.get_data(), format=fmt)
        assert (iri, FOAF.name, Literal("Piotr Babiarz")) in g
        assert (iri, ORG.memberOf, URIRef(BASE + "organization/starostwo-powiatowe-w-starachowicach")) in g
        # and where it is the object: the meeting it attended
        assert (URIRef(BASE + "event/spotkanie-w-starachowicach-2024-05-17"),
                URIRef("https://schema.org/attendee"), iri) in g


def test_link_alternate_headers(memory_client):
    for path in ("/person/piotr-babiarz", "/article/starachowice-2024-05-17", "/ontology"):
        link = memory_client.get(path, headers=HTML).headers["Link"]
        for suffix, media in (("ttl", "text/turtle"), ("jsonld", "application/ld+json"),
                              ("nt", "application/n-triples"), ("rdf", "application/rdf+xml")):
            assert f'{path}.{suffix}>; rel="alternate"; type="{media}"' in link


@pytest.mark.parametrize("path", ["/person/nobody", "/county/9999", "/article/none", "/person/nobody.ttl",
                                  "/organization/x/y"])
def test_unknown_iris_are_404(memory_client, path):
    assert memory_client.get(path, headers=HTML).status_code == 404
    assert memory_client.get(path, headers={"Accept": "text/turtle"}).status_code == 404


def test_page_in_a_format_nobody_offers_is_406(memory_client):
    assert memory_client.get("/person/piotr-babiarz", headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize("q, target", [
    ("Dąbrowskiego", "/person/dariusz-dabrowski"),
    ("dabrowskiego", "/person/dariusz-dabrowski"),
    ("DĄBROWSKI", "/person/dariusz-dabrowski"),
    ("Dariuszem Dąbrowskim", "/person/dariusz-dabrowski"),
    ("Babiarza", "/person/piotr-babiarz"),
    ("powiatu starachowickiego", "/county/2611"),
    ("ROPS", "/organization/rops-w-kielcach"),
])
def test_search_finds_inflected_forms(memory_client, q, target):
    resp = memory_client.get("/search", query_string={"q": q}, headers=HTML)
    assert resp.status_code == 302
    assert resp.headers["Location"] == target


def test_search_lists_several_hits(memory_client):
    html = page(memory_client, "/search?q=porozumienie")
    assert 'href="/agreement/porozumienie-kielce-2024-06-03"' in html
    assert 'href="/agreement/porozumienie-starostwo-owes-2024-05-17"' in html


def test_search_json_and_prefix(memory_client):
    data = memory_client.get("/search", query_string={"q": "dąbr", "format": "json"}).get_json()
    assert [h["url"] for h in data["results"]] == ["/person/dariusz-dabrowski"]
    data = memory_client.get("/search", query_string={"q": "nieistniejący", "format": "json"}).get_json()
    assert data["results"] == []


def test_language_switch(memory_client):
    assert "Szukaj" in page(memory_client, "/")
    resp = memory_client.get("/?lang=en", headers=HTML)
    assert "Search" in resp.get_data(as_text=True) and 'lang="en"' in resp.get_data(as_text=True)
    assert "esgraf_lang=en" in resp.headers["Set-Cookie"]
    assert "The graph in numbers" in page(memory_client, "/")  # the cookie keeps it
    assert "Graf w liczbach" in page(memory_client, "/?lang=pl")


def test_home_counts(memory_client):
    html = page(memory_client, "/")
    counts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html))
    assert counts["Artykuły"] == "2"
    assert counts["Osoby"] == "2"
    assert counts["Organizacje"] == "4"
    assert counts["Porozumienia"] == "2"


def test_query_page_config_reads_example_queries(tmp_path):
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "01-people.rq").write_text("# title: People and roles\n# title@pl: Osoby i funkcje\n"
                                          "SELECT * WHERE { ?s ?p ?o }\n")
    (queries / "02-plain.rq").write_text("SELECT ?s WHERE { ?s a ?t }\n")
    app = create_app(make_settings(data_dir=str(tmp_path)), fill(OxigraphStore()))
    config = app.test_client().get("/query/config.json").get_json()
    assert config["endpoint"] == "/sparql"
    assert config["prefixes"]["esg"] == "https://w3id.org/esgraf/ontology#"
    assert [t["name"] for t in config["tabs"]] == ["Osoby i funkcje", "02-plain"]
    assert config["base"] == "https://w3id.org/esgraf/" and config["local"] == "/"
    english = app.test_client().get("/query/config.json?lang=en").get_json()
    assert [t["name"] for t in english["tabs"]] == ["People and roles", "02-plain"]
    assert config["tabs"][1]["query"] == "SELECT ?s WHERE { ?s a ?t }\n"
    html = app.test_client().get("/query", headers=HTML).get_data(as_text=True)
    assert "/static/vendor/yasgui/yasgui.min.js" in html and "/static/js/query.js" in html
    assert "http" not in re.sub(r'href="http[^"]*"', "", html.split("<main", 1)[1].split("</main>")[0])


def test_ontology_page_and_file(memory_client):
    html = page(memory_client, "/ontology")
    assert "RegionalSocialPolicyCentre" in html
    g = Graph().parse(data=memory_client.get("/ontology.ttl").get_data(), format="turtle")
    assert (URIRef("https://w3id.org/esgraf/ontology#Partnership"), None, None) in g


def test_concept_page(memory_client):
    html = page(memory_client, "/concept/role/starosta")
    assert "starosta" in html
    g = Graph().parse(data=memory_client.get("/concept/role/starosta.ttl").get_data(), format="turtle")
    assert (URIRef(BASE + "concept/role/starosta"), SKOS.prefLabel, Literal("starosta", lang="pl")) in g


def test_kind_labels_follow_the_language():
    from esgraf.pipeline import ensure_reference_data
    from graph.iri import Minter

    store = fill(OxigraphStore())
    ensure_reference_data(store, Minter())  # the ontology, with Polish and English labels
    client = create_app(make_settings(), store).test_client()
    path = "/organization/owes-subregionu-polnocnego"
    assert ">ośrodek wsparcia ekonomii społecznej</a>" in page(client, path + "?lang=pl")
    assert ">social economy support centre</a>" in page(client, path + "?lang=en")


def test_sentence_iris_dereference(memory_client):
    html = page(memory_client, "/article/starachowice-2024-05-17/s2")
    assert "Starostwo i OWES podpisały porozumienie o współpracy" in html
    g = Graph().parse(data=memory_client.get("/article/starachowice-2024-05-17/s2.ttl").get_data(),
                      format="turtle")
    assert (URIRef(BASE + "article/starachowice-2024-05-17/s2"), None, None) in g
