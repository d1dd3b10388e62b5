"""The store contract, run on both backends (embedded pyoxigraph and an Oxigraph SPARQL server).

Whatever a backend is, a query must see the same terms, the default graph must be the merge of the named
graphs (each fact once, however many graphs state it), replacing a graph must leave nothing of the old one, and a dump must read back as what was stored.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.build import as_graph, to_dataset_graphs
from graph.iri import MINT
from graph.model import Extraction
from graph.store import QuerySyntaxError, Store, StoreError, Triple, dump_bytes, ntriples_term
from graph.vocab import DCTERMS, FOAF, ORG, RDF, RDFS, SKOS, XSD, sparql_prefixes


G1 = str(MINT.article_graph("a1"))
G2 = str(MINT.article_graph("a2"))
META = str(MINT.meta_graph)

ROPS = MINT.entity("Organization", "rops-w-kielcach")
OWES = MINT.entity("Organization", "owes-subregionu-polnocnego")
BABIARZ = MINT.entity("Person", "piotr-babiarz")
NAME = SKOS.prefLabel
TERYT = URIRef("https://w3id.org/esgraf/ontology#terytCode")

#: literals a store must give back exactly: language, datatype and text
LITERALS = {
    "polish-lang": Literal("Ośrodek Wsparcia Ekonomii Społecznej", lang="pl"),
    "english-lang": Literal("social economy support centre", lang="en"),
    "plain": Literal("zażółć gęślą jaźń"),
    "date": Literal("2024-05-17", datatype=XSD.date),
    "integer": Literal(42),
    "decimal": Literal("12.5", datatype=XSD.decimal),
    "boolean": Literal(True),
    "escapes": Literal('cytat "Razem" i\nnowa linia\t\\ ukośnik'),
    "own-datatype": Literal("2611", datatype=URIRef("https://w3id.org/esgraf/ontology#TerytCode")),
}


def _dataset() -> dict[str, list[Triple]]:
    """Three graphs with language-tagged, typed and plain literals and a blank node."""
    address = BNode("adres1")
    return {
        G1: [
            (ROPS, RDF.type, ORG.Organization),
            (ROPS, NAME, Literal("Regionalny Ośrodek Polityki Społecznej w Kielcach", lang="pl")),
            (ROPS, DCTERMS.date, Literal("2024-05-17", datatype=XSD.date)),
            (ROPS, URIRef("https://schema.org/address"), address),
            (address, URIRef("https://schema.org/addressLocality"), Literal("Kielce")),
            (BABIARZ, FOAF.name, Literal("Piotr Babiarz")),
            (BABIARZ, ORG.memberOf, ROPS),
        ],
        G2: [
            (OWES, RDF.type, ORG.Organization),
            (OWES, NAME, Literal("Ośrodek Wsparcia Ekonomii Społecznej", lang="pl")),
            (OWES, TERYT, Literal("2611")),
            (ROPS, NAME, Literal("Regionalny Ośrodek Polityki Społecznej w Kielcach", lang="pl")),
        ],
        META: [
            (URIRef(G1), DCTERMS.source, MINT.article("a1")),
            (URIRef(G2), DCTERMS.source, MINT.article("a2")),
            (MINT.article("a1"), DCTERMS.issued, Literal("2024-05-17", datatype=XSD.date)),
        ],
    }


@pytest.fixture
def filled(store: Store) -> Store:
    store.replace_graphs(_dataset())
    return store


def _union(graphs: dict[str, list[Triple]]) -> Graph:
    return as_graph(t for triples in graphs.values() for t in triples)


# -- queries ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("literal", LITERALS.values(), ids=LITERALS.keys())
def test_select_gives_back_the_literal_exactly(store: Store, literal: Literal) -> None:
    store.replace_graphs({G1: [(ROPS, RDFS.comment, literal)]})
    rows = store.select(f"SELECT ?o WHERE {{ <{ROPS}> <{RDFS.comment}> ?o }}")
    assert rows == [{"o": literal}]
    got = rows[0]["o"]
    assert (str(got), got.language, got.datatype) == (str(literal), literal.language, literal.datatype)
    assert store.ask(f"ASK {{ ?s ?p {ntriples_term(literal)} }}") is True


@pytest.mark.parametrize("datatype", [XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long])
def test_derived_integer_types_come_back_as_integer(store: Store, datatype: URIRef) -> None:
    # Oxigraph stores integers by value: a derived type (nif:beginIndex is an xsd:nonNegativeInteger) reads
    # back as xsd:integer on both backends, with the same value
    store.replace_graphs({G1: [(ROPS, RDFS.comment, Literal("7", datatype=datatype))]})
    assert store.select(f"SELECT ?o WHERE {{ <{ROPS}> <{RDFS.comment}> ?o }}") == [{"o": Literal(7)}]


def _as_stored(triples: list[Triple]) -> Graph:
    """The triples as the store gives them back: derived integer types become xsd:integer."""
    return as_graph((s, p, Literal(int(o)) if isinstance(o, Literal) and o.datatype in INTEGERS else o)
                    for s, p, o in triples)


INTEGERS = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long}


def test_select_terms_and_unbound_variables(filled: Store) -> None:
    rows = filled.select(f"""SELECT ?org ?addr ?date WHERE {{
        ?org a <{ORG.Organization}> .
        OPTIONAL {{ ?org <https://schema.org/address> ?addr }}
        OPTIONAL {{ ?org <{DCTERMS.date}> ?date }}
    }} ORDER BY ?org""")
    by_org = {r["org"]: r for r in rows}
    assert set(by_org) == {ROPS, OWES}
    assert isinstance(by_org[ROPS]["org"], URIRef)
    assert isinstance(by_org[ROPS]["addr"], BNode)
    assert by_org[ROPS]["date"] == Literal("2024-05-17", datatype=XSD.date)
    assert by_org[OWES] == {"org": OWES}  # unbound variables are absent, not None


def test_ask(filled: Store) -> None:
    assert filled.ask(f"ASK {{ <{BABIARZ}> <{ORG.memberOf}> <{ROPS}> }}") is True
    assert filled.ask(f"ASK {{ <{BABIARZ}> <{ORG.memberOf}> <{OWES}> }}") is False


def test_construct_round_trip(filled: Store) -> None:
    expected = as_graph(_dataset()[G1])
    got = filled.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    assert isomorphic(got, expected)
    assert isomorphic(filled.graph(G1), expected)


def test_describe_gives_a_graph(filled: Store) -> None:
    got = filled.construct(f"DESCRIBE <{OWES}>")
    assert (OWES, TERYT, Literal("2611")) in got


@pytest.mark.parametrize("method, query", [
    ("select", "ASK { ?s ?p ?o }"),
    ("select", "CONSTRUCT WHERE { ?s ?p ?o }"),
    ("ask", "SELECT * WHERE { ?s ?p ?o }"),
    ("construct", "SELECT * WHERE { ?s ?p ?o }"),
    ("construct", "ASK { ?s ?p ?o }"),
])
def test_wrong_query_form_is_a_store_error(filled: Store, method: str, query: str) -> None:
    with pytest.raises(StoreError, match="^not an? ") as exc:
        getattr(filled, method)(query)
    assert not isinstance(exc.value, QuerySyntaxError)


@pytest.mark.parametrize("method, text", [
    ("select", "SELECT ?s WHERE { ?s ?p "),
    ("ask", "ASK { ?s ?p ?o"),
    ("construct", "CONSTRUCT { ?s ?p ?o } WHERE {"),
    ("select", "SELEKT ?s WHERE { ?s ?p ?o }"),
    ("update", "INSERT DATA { <urn:a> <urn:b> }"),
])
def test_bad_query_raises_the_parser_message(store: Store, method: str, text: str) -> None:
    with pytest.raises(QuerySyntaxError) as exc:
        getattr(store, method)(text)
    # the parser says where it stopped: line:column, as Oxigraph's parser words it on both backends
    assert re.search(r"error at \d+:\d+", str(exc.value)), str(exc.value)


# -- the default graph is the union of named graphs ------------------------------------------------------------

def test_default_graph_is_the_union_of_named_graphs(filled: Store) -> None:
    names = filled.select(f"SELECT DISTINCT ?name WHERE {{ ?org <{NAME}> ?name }}")
    assert {r["name"] for r in names} == {
        Literal("Regionalny Ośrodek Polityki Społecznej w Kielcach", lang="pl"),
        Literal("Ośrodek Wsparcia Ekonomii Społecznej", lang="pl"),
    }
    # a join across graphs: the person in G1, the TERYT code in G2
    assert filled.ask(f"ASK {{ <{BABIARZ}> <{ORG.memberOf}> ?o . <{OWES}> <{TERYT}> ?t }}") is True
    where = filled.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{ROPS}> <{NAME}> ?name }} }}")
    assert sorted(str(r["g"]) for r in where) == sorted([G1, G2])


def _assert_default_is_the_merge(store: Store) -> None:
    """The default graph of queries holds each triple of the named graphs exactly once, and nothing else."""
    rows = store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    merged = store.select("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert len(rows) == len(merged)
    assert isomorphic(as_graph((r["s"], r["p"], r["o"]) for r in rows),
                      as_graph((r["s"], r["p"], r["o"]) for r in merged))


def test_a_fact_stated_by_two_graphs_is_one_triple_of_the_default_graph(filled: Store) -> None:
    rows = filled.select(f"SELECT ?name WHERE {{ <{ROPS}> <{NAME}> ?name }}")
    assert len(rows) == 1  # G1 and G2 both state it
    _assert_default_is_the_merge(filled)


def test_the_default_graph_follows_every_write(filled: Store) -> None:
    shared = (ROPS, NAME, Literal("Regionalny Ośrodek Polityki Społecznej w Kielcach", lang="pl"))
    filled.replace_graphs({G2: [t for t in _dataset()[G2] if t != shared]})
    assert filled.ask(f"ASK {{ <{ROPS}> <{NAME}> ?n }}")  # G1 still states it
    _assert_default_is_the_merge(filled)
    filled.replace_graphs({G1: [(BABIARZ, FOAF.name, Literal("Piotr Babiarz"))]})
    assert not filled.ask(f"ASK {{ <{ROPS}> <{NAME}> ?n }}")  # no graph does now
    assert not filled.ask("ASK { ?a <https://schema.org/addressLocality> ?l }")  # nor the blank node's
    _assert_default_is_the_merge(filled)
    a1 = MINT.article("a1")
    filled.replace_graphs({}, forget={META: [str(a1)]}, remove={META: [_dataset()[META][1]]},
                          add={META: [(a1, DCTERMS.title, Literal("Nowy tytuł", lang="pl"))]})
    assert not filled.ask(f"ASK {{ <{a1}> <{DCTERMS.issued}> ?d }}")
    assert not filled.ask(f"ASK {{ <{G2}> <{DCTERMS.source}> ?a }}")
    assert filled.ask(f'ASK {{ <{a1}> <{DCTERMS.title}> "Nowy tytuł"@pl }}')
    _assert_default_is_the_merge(filled)
    filled.replace_graphs({G1: [], G2: []})
    _assert_default_is_the_merge(filled)


def test_a_remerge_repairs_writes_that_did_not_keep_the_merge(filled: Store) -> None:
    if not filled.merged_default:
        pytest.skip("the server shows the union itself")
    filled.user_update(f"DROP GRAPH <{G2}> ; INSERT DATA {{ GRAPH <{G1}> {{ <{OWES}> <{NAME}> \"OWES\" }} }}")
    _assert_default_is_the_merge(filled)
    assert not filled.ask(f"ASK {{ <{OWES}> <{TERYT}> ?t }}")


def test_named_graphs_and_counts(filled: Store) -> None:
    data = _dataset()
    assert filled.named_graphs() == sorted(data)
    for g, triples in data.items():
        assert filled.count(g) == len(triples)
    assert filled.count() == sum(len(t) for t in data.values())
    assert filled.count(str(MINT.article_graph("missing"))) == 0


# -- replacing graphs ------------------------------------------------------------------------------------------

def test_replace_graphs_replaces_a_graph_wholly(filled: Store) -> None:
    new = [
        (BABIARZ, FOAF.name, Literal("Piotr Babiarz")),  # kept from the old graph
        (BABIARZ, ORG.memberOf, OWES),  # changed
    ]
    filled.replace_graphs({G1: new})
    assert isomorphic(filled.graph(G1), as_graph(new))
    assert isomorphic(filled.graph(G2), as_graph(_dataset()[G2]))  # other graphs untouched
    assert filled.ask(f"ASK {{ <{BABIARZ}> <{ORG.memberOf}> <{ROPS}> }}") is False


def test_replace_graphs_twice_adds_nothing(store: Store) -> None:
    store.replace_graphs(_dataset())
    first = store.count()
    store.replace_graphs(_dataset())
    assert store.count() == first == sum(len(t) for t in _dataset().values())
    assert store.count(G1) == len(_dataset()[G1])


def test_replace_graphs_removes_given_meta_triples(filled: Store) -> None:
    old_meta = _dataset()[META]
    gone = old_meta[0]
    filled.replace_graphs({G1: _dataset()[G1]}, remove={META: [gone]})
    assert isomorphic(filled.graph(META), as_graph(old_meta[1:]))
    assert filled.count(G1) == len(_dataset()[G1])


def test_replace_graphs_forgets_what_was_said_about_a_subject(filled: Store) -> None:
    a1 = MINT.article("a1")
    filled.replace_graphs({G1: _dataset()[G1]}, forget={META: [str(a1)]})
    assert isomorphic(filled.graph(META), as_graph(t for t in _dataset()[META] if t[0] != a1))
    assert filled.count(G1) == len(_dataset()[G1])


def test_replace_graphs_is_all_or_nothing(filled: Store) -> None:
    # a blank node may not appear in DELETE DATA: the one update is rejected whole, the new G1 included
    with pytest.raises(StoreError):
        filled.replace_graphs({G1: [(BABIARZ, FOAF.name, Literal("Piotr Babiarz"))]},
                              remove={META: [(BNode(), DCTERMS.source, MINT.article("a1"))]})
    assert isomorphic(filled.graph(G1), as_graph(_dataset()[G1]))
    assert filled.count() == sum(len(t) for t in _dataset().values())


def test_replace_with_no_triples_drops_the_graph(filled: Store) -> None:
    filled.replace_graphs({G2: []})
    assert filled.named_graphs() == sorted([G1, META])
    assert filled.count(G2) == 0


# -- dumps and loads -------------------------------------------------------------------------------------------

QUAD = ["trig", "nq", "jsonld"]
TRIPLE = ["ttl", "nt", "xml"]
RDFLIB_FORMAT = {"trig": "trig", "nq": "nquads", "jsonld": "json-ld", "ttl": "turtle", "nt": "nt",
                 "xml": "xml"}


def _read_dataset(data: bytes, fmt: str) -> Dataset:
    ds = Dataset()
    ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
    return ds


def _read_union(data: bytes, fmt: str) -> Graph:
    if fmt in QUAD:
        return as_graph((s, p, o) for s, p, o, _ in _read_dataset(data, fmt).quads())
    g = Graph()
    g.parse(data=data, format=RDFLIB_FORMAT[fmt])
    return g


def _assert_same_dataset(ds: Dataset, expected: dict[str, list[Triple]]) -> None:
    got = {str(g.identifier): g for g in ds.graphs() if len(g)}
    assert set(got) == set(expected)
    for name, triples in expected.items():
        assert isomorphic(got[name], as_graph(triples)), name


@pytest.mark.parametrize("fmt", QUAD)
def test_dump_quads_reads_back_graph_by_graph(filled: Store, fmt: str) -> None:
    _assert_same_dataset(_read_dataset(dump_bytes(filled, fmt), fmt), _dataset())


@pytest.mark.parametrize("fmt", TRIPLE)
def test_dump_triples_is_the_union(filled: Store, fmt: str) -> None:
    assert isomorphic(_read_union(dump_bytes(filled, fmt), fmt), _union(_dataset()))


@pytest.mark.parametrize("fmt", QUAD + TRIPLE)
def test_dump_one_graph(filled: Store, fmt: str) -> None:
    assert isomorphic(_read_union(dump_bytes(filled, fmt, graph=G1), fmt), as_graph(_dataset()[G1]))


def test_dump_of_a_missing_graph_is_empty(filled: Store) -> None:
    assert len(_read_union(dump_bytes(filled, "nt", graph=str(MINT.article_graph("missing"))), "nt")) == 0


@pytest.mark.parametrize("fmt", QUAD)
def test_load_a_quad_dump_into_an_empty_store(filled: Store, tmp_path: Path, fmt: str) -> None:
    count = filled.count()
    path = tmp_path / f"dump.{fmt}"
    path.write_bytes(dump_bytes(filled, fmt))
    filled.update("DROP ALL")
    assert filled.count() == 0
    filled.load_file(path, fmt)
    assert filled.count() == count
    assert filled.named_graphs() == sorted(_dataset())
    _assert_same_dataset(_read_dataset(dump_bytes(filled, "nq"), "nq"), _dataset())
    _assert_default_is_the_merge(filled)


@pytest.mark.parametrize("fmt", TRIPLE)
def test_load_a_triple_dump_into_a_graph(filled: Store, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"g1.{fmt}"
    path.write_bytes(dump_bytes(filled, fmt, graph=G1))
    filled.update("DROP ALL")
    filled.load_file(path, fmt, graph=G1)
    assert filled.named_graphs() == [G1]
    assert filled.count() == len(_dataset()[G1])
    assert isomorphic(filled.graph(G1), as_graph(_dataset()[G1]))
    _assert_default_is_the_merge(filled)


def test_load_a_broken_file_names_it(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(StoreError, match=re.escape(str(path))):
        store.load_file(path, "ttl", graph=G1)
    assert store.count() == 0


@pytest.mark.parametrize("action", ["dump", "load"])
def test_unknown_format_is_a_store_error(filled: Store, tmp_path: Path, action: str) -> None:
    path = tmp_path / "g.ttl"
    path.write_text("", encoding="utf-8")
    with pytest.raises(StoreError, match="unknown RDF format 'n3'"):
        if action == "dump":
            filled.dump(io.BytesIO(), "n3")
        else:
            filled.load_file(path, "n3")


def test_load_a_missing_file_names_it(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "missing.nq"
    with pytest.raises(StoreError, match=re.escape(str(path))):
        store.load_file(path, "nq")


def test_dump_streams_to_a_binary_file(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "all.nq"
    with path.open("wb") as out:
        filled.dump(out, "nq")
    _assert_same_dataset(_read_dataset(path.read_bytes(), "nq"), _dataset())


# -- an article, as extraction leaves it -----------------------------------------------------------------------

def test_extraction_graphs_can_be_queried_back(store: Store, sample_extraction: Extraction) -> None:
    graphs = to_dataset_graphs([sample_extraction])
    store.replace_graphs(graphs)
    store.replace_graphs(to_dataset_graphs([sample_extraction]))  # read again: replaced, not doubled
    assert store.count() == sum(len(t) for t in graphs.values())
    article_graph = MINT.article_graph(sample_extraction.article.id)
    assert isomorphic(store.graph(str(article_graph)), _as_stored(graphs[article_graph]))

    people = store.select(sparql_prefixes() + "SELECT ?p ?name WHERE { ?p a foaf:Person ; foaf:name ?name }")
    assert people == [{"p": BABIARZ, "name": Literal("Piotr Babiarz")}]

    roles = store.select(sparql_prefixes() + """
        SELECT ?person ?role ?title ?org WHERE {
            ?m a org:Membership ; org:member ?person ; org:organization ?o ; org:role ?r ; esg:roleTitle ?title .
            ?r skos:prefLabel ?role .
            ?o skos:prefLabel ?org .
            ?person org:memberOf ?o .
        }""")
    assert roles == [{
        "person": BABIARZ,
        "role": Literal("starosta", lang="pl"),
        "title": Literal("starosta starachowicki", lang="pl"),
        "org": Literal("Starostwo Powiatowe w Starachowicach", lang="pl"),
    }]

    meeting = store.select(sparql_prefixes() + """
        SELECT ?organizer ?place ?date (COUNT(DISTINCT ?who) AS ?attendees) WHERE {
            ?e a esg:Meeting ; schema:organizer ?organizer ; schema:location ?place ; schema:startDate ?date ;
               schema:attendee ?who .
        } GROUP BY ?organizer ?place ?date""")
    assert meeting == [{
        "organizer": ROPS,
        "place": MINT.entity("Organization", "starostwo-powiatowe-w-starachowicach"),
        "date": Literal("2024-05-17", datatype=XSD.date),
        "attendees": Literal(2),
    }]

    signatories = store.select(sparql_prefixes() + """
        SELECT ?name WHERE { ?a a esg:Agreement ; esg:signatory/skos:prefLabel ?name ; dcterms:spatial ?c .
                             ?c esg:terytCode "2611" }""")
    assert {r["name"] for r in signatories} == {
        Literal("Starostwo Powiatowe w Starachowicach", lang="pl"),
        Literal("Ośrodek Wsparcia Ekonomii Społecznej Subregionu Północnego", lang="pl"),
    }
    assert store.ask(sparql_prefixes() + f"""
        ASK {{ GRAPH <{MINT.meta_graph}> {{ <{article_graph}> prov:wasDerivedFrom ?a .
                                           ?a dcterms:title ?t ; dcterms:issued "2024-05-17"^^xsd:date }} }}""")


def test_a_store_without_the_merged_default_graph_gets_it_when_opened(tmp_path: Path) -> None:
    from graph.store import OxigraphStore

    path = tmp_path / "old"
    with OxigraphStore(path) as old:  # as esgraf wrote stores before it kept the merge: named graphs only
        old.update("INSERT DATA { " + " ".join(
            f"GRAPH <{g}> {{ {' '.join(f'{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} .' for s, p, o in t)} }}"
            for g, t in _dataset().items()) + " }")
    with OxigraphStore(path, read_only=True) as reader:
        assert reader.count() == sum(len(t) for t in _dataset().values())
    with OxigraphStore(path) as store:
        _assert_default_is_the_merge(store)
        assert store.ask(f"ASK {{ <{BABIARZ}> <{ORG.memberOf}> ?o . <{OWES}> <{TERYT}> ?t }}")


# -- updates written by users (the web app's SPARQL Update endpoint) ------------------------------------------

def test_user_data_updates_keep_the_merged_default_graph(filled: Store) -> None:
    filled.user_update(f"""PREFIX esg: <https://w3id.org/esgraf/ontology#>  # a comment with a brace {{
        INSERT DATA {{ GRAPH <{G2}> {{ <{OWES}> esg:note "klamra }} w tekście" ; esg:address _:a . _:a esg:city "Kielce" }} }} ;
        DELETE DATA {{ GRAPH <{G2}> {{ <{OWES}> <{TERYT}> "2611" }} }} ;
        DELETE DATA {{ GRAPH <{G2}> {{ <{ROPS}> <{NAME}> "Regionalny Ośrodek Polityki Społecznej w Kielcach"@pl }} }} ;""")
    _assert_default_is_the_merge(filled)
    assert filled.ask('ASK { ?o <https://w3id.org/esgraf/ontology#note> "klamra } w tekście" }')
    # the blank node is one node in the article's graph and in the default graph
    assert filled.ask('ASK { ?o <https://w3id.org/esgraf/ontology#address> ?a . ?a ?p "Kielce" }')
    assert not filled.ask(f"ASK {{ <{OWES}> <{TERYT}> ?t }}")  # no graph states it any more
    assert filled.ask(f"ASK {{ <{ROPS}> <{NAME}> ?n }}")  # G1 still states it


def test_other_user_updates_are_followed_by_a_whole_remerge(filled: Store) -> None:
    filled.user_update(f"DELETE WHERE {{ GRAPH ?g {{ <{ROPS}> ?p ?o }} }} ;\n")
    _assert_default_is_the_merge(filled)
    assert not filled.ask(f"ASK {{ <{ROPS}> ?p ?o }}")


def test_user_data_for_the_default_graph_is_refused_in_the_merged_layout(filled: Store) -> None:
    from graph.store import DefaultGraphWrite

    update = f'INSERT DATA {{ <{OWES}> <{NAME}> "OWES" }}'
    if not filled.merged_default:
        filled.user_update(update)  # the server's own default graph, as the server sees it
        return
    with pytest.raises(DefaultGraphWrite, match="named graph"):
        filled.user_update(update)
    _assert_default_is_the_merge(filled)


@pytest.mark.parametrize("update, expected", [
    ('INSERT DATA { <urn:a> <urn:b> "}" }', [("INSERT", "\n", ' <urn:a> <urn:b> "}" ')]),
    ("PREFIX x: <urn:x:> DELETE DATA { x:a x:b x:c } ; INSERT DATA { GRAPH x:g { x:a x:b x:d } } ;",
     [("DELETE", "PREFIX x: <urn:x:> \n", " x:a x:b x:c "),
      ("INSERT", "PREFIX x: <urn:x:> \n \n", " GRAPH x:g { x:a x:b x:d } ")]),
    ("DELETE WHERE { ?s ?p ?o }", None),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> } ; CLEAR ALL", None),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> ", None),
    ("INSERT DATA { <urn:a> <urn:b> \\u0022x\\u0022 }", None),
])
def test_data_operations_are_read_lexically(update: str, expected: object) -> None:
    from graph.sparql_text import data_operations

    assert data_operations(update) == expected
