"""The esgraf command line on both backends: load, extract, query, export, validate, stats."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.settings import DATA_DIR, ROOT
from esgraf.cli import main
from graph.remote import SparqlStore
from graph.store import OxigraphStore, Store, to_rdflib
from tests.conftest import with_reference_data

SAMPLE = DATA_DIR / "articles"
Run = Callable[..., Result]


@pytest.fixture
def run(reference_store: Store) -> Run:
    """Invoke ``esgraf`` against the same store as the ``store`` fixture (embedded folder or server), which
    holds the reference graphs already."""
    store = reference_store
    if isinstance(store, SparqlStore):
        opts = ["--endpoint", store.query_url, "--update-endpoint", store.update_url]
    else:
        store.close()  # the command opens the folder itself
        opts = ["--store", str(store.path)]

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, [*opts, *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The sample corpus next to bad files: empty, binary, not UTF-8, too big, a feed with a broken line."""
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "latin2.txt").write_bytes("Spotkanie w Końskich".encode("iso-8859-2"))
    with (folder / "huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    (folder / "feed.jsonl").write_text(
        '{"url": "https://example.org/a", "title": "A", "text": "Anna Górak spotkała się z Jackiem Gralczykiem."}\n'
        '{"url": "https://example.org/b", "title": \n', encoding="utf-8")
    return folder


def quads(run: Run) -> int:
    out = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "json")
    return int(json.loads(out.output)[0]["n"])


def test_load_twice_gives_the_same_store(run: Run) -> None:
    first = run("load", str(SAMPLE))
    assert first.exit_code == 0, first.output
    n = quads(run)
    second = run("load", str(SAMPLE))
    assert second.exit_code == 0
    assert quads(run) == n > 1000


def test_bad_files_fail_alone(run: Run, corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    result = run("load", str(corpus))
    assert result.exit_code == 1
    errors = [r.getMessage() for r in caplog.records if r.getMessage().startswith("skipped:")]
    assert len(errors) == 4, errors  # Polish text in ISO 8859-2 is read, not refused
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("huge.txt" in e and "limit" in e for e in errors)
    assert any("feed.jsonl: line 2" in e for e in errors)
    names = run("query", "SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }", "--format", "csv").output
    assert "Dariusz Dąbrowski" in names and "Jacek Gralczyk" in names  # the sample and the feed's good line
    articles = run("query", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a esg:Article }", "--format", "json").output
    assert json.loads(articles)[0]["n"] == "7"  # five sample articles, the legacy-encoded one, the feed's good line


def test_query_formats(run: Run) -> None:
    run("load", str(SAMPLE))
    q = "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name LIMIT 3"
    table = run("query", q).output
    assert table.splitlines()[0].strip() == "name" and "(3 rows)" in table
    csv_out = run("query", q, "--format", "csv").output.splitlines()
    assert csv_out[0] == "name" and len(csv_out) == 4
    assert run("query", "ASK { ?x a esg:Agreement }").output.strip() == "true"
    bad = CliRunner().invoke(main, ["--store", "/nonexistent/never", "query", "SELEKT nothing"])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def test_bad_query_is_one_line(run: Run) -> None:
    result = run("query", "SELECT ?x WHERE { ?x ")
    assert result.exit_code == 1
    assert result.output.startswith("esgraf: error: bad query")


def test_query_from_a_file(run: Run) -> None:
    run("load", str(SAMPLE))
    rq = DATA_DIR / "queries"
    for path in sorted(rq.glob("*.rq")):
        result = run("query", str(path), "--format", "csv")
        assert result.exit_code == 0, (path, result.output)
        rows = result.output.splitlines()[1:]
        assert rows, f"{path.name} returns no rows on the sample corpus"
        assert len(rows) == len(set(rows)), f"{path.name} repeats rows"
        if path.name.startswith("01-"):  # one row per membership: a person's role in an organisation, once
            pairs = [(r[0], r[4]) for r in csv.reader(rows)]
            assert len(pairs) == len(set(pairs)), pairs


@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld"])
def test_export_round_trips(run: Run, tmp_path: Path, fmt: str) -> None:
    run("load", str(SAMPLE))
    out = tmp_path / f"dump.{fmt}"
    assert run("export", "--format", fmt, "-o", str(out)).exit_code == 0
    ds = Dataset()
    ds.parse(out, format={"nq": "nquads", "jsonld": "json-ld"}.get(fmt, fmt))
    assert len(set(ds.quads((None, None, None, None)))) == quads(run)


def test_export_turtle_is_the_union(run: Run, tmp_path: Path) -> None:
    run("load", str(SAMPLE))
    out = tmp_path / "dump.ttl"
    run("export", "--format", "ttl", "-o", str(out))
    g = Graph().parse(out)
    again = tmp_path / "again.ttl"
    run("export", "--format", "ttl", "-o", str(again))
    assert isomorphic(g, Graph().parse(again))


def test_validate_and_stats(run: Run) -> None:
    run("load", str(SAMPLE))
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "0 violations" in result.output
    stats = run("stats").output
    assert "organisation" in stats and "powiat starachowicki" in stats


def test_extract_prints_rdf_with_the_ontology(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(SAMPLE / "000_48bf010c9a210a90.txt")], catch_exceptions=False)
    assert result.exit_code == 0
    ds = Dataset()
    ds.parse(data=result.stdout, format="trig")
    graphs = {str(g.identifier) for g in ds.graphs()}
    assert "https://w3id.org/esgraf/graph/ontology" in graphs
    assert "https://w3id.org/esgraf/graph/article/000-48bf010c9a210a90" in graphs
    assert "Anna Górak" in result.stdout


def test_extract_reports_bad_files_and_prints_the_rest(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    good = SAMPLE / "002_253314b829a4178a.txt"
    result = subprocess.run([sys.executable, "-m", "esgraf.cli", "extract", "--no-ontology",
                             str(tmp_path / "empty.txt"), str(good)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"skipped: {tmp_path / 'empty.txt'}: empty file"]
    assert "Renata Janik" in result.stdout


BAD_ADDRESS_TEXT = ("Starosta starachowicki Piotr Babiarz spotkał się 17 maja 2024 r. z przedstawicielami Ośrodka "
                    "Wsparcia Ekonomii Społecznej w Starachowicach.")


def bad_addresses(folder: Path) -> list[Path]:
    """A feed with a bad percent-encoding in one article's url next to a good article, and a page whose
    canonical link has one."""
    folder.mkdir()
    feed = folder / "feed.jsonl"
    feed.write_text(json.dumps({"url": "https://example.org/a%zz", "title": "Zły adres", "text": BAD_ADDRESS_TEXT},
                               ensure_ascii=False) + "\n"
                    + json.dumps({"url": "https://example.org/dobry", "title": "Dobry adres",
                                  "text": "Prezes Fundacji Wsparcie Jan Kowalski podpisał porozumienie."},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    page = folder / "strona.html"
    page.write_text('<html><head><link rel="canonical" href="https://example.org/b%zz"><title>T</title></head>'
                    f"<body><article><h1>Tytuł</h1><p>{BAD_ADDRESS_TEXT}</p></article></body></html>",
                    encoding="utf-8")
    return [feed, page]


def esgraf(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "esgraf.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_a_bad_address_keeps_the_article_and_is_one_line(tmp_path: Path, reference_data: Path) -> None:
    files = bad_addresses(tmp_path / "in")
    extracted = esgraf("extract", *files)
    assert extracted.returncode == 0, extracted.stderr
    assert "Traceback" not in extracted.stderr
    assert [line for line in extracted.stderr.splitlines() if "%zz" in line] == [
        "in/feed.jsonl:1: the address https://example.org/a%zz is left out (Invalid IRI percent encoding '%zz'); "
        "the article is kept".replace("in/", f"{tmp_path}/in/"),
        f"{tmp_path}/in/strona.html: the address https://example.org/b%zz is left out (Invalid IRI percent "
        "encoding '%zz'); the article is kept"]
    ds = Dataset()
    ds.parse(data=extracted.stdout, format="trig")
    articles = {str(g.identifier) for g in ds.graphs() if "/graph/article/" in str(g.identifier)}
    assert len(articles) == 3

    loaded = esgraf("--store", with_reference_data(tmp_path / "store", reference_data), "load", *files)
    assert loaded.returncode == 0, loaded.stderr
    assert "not stored:" not in loaded.stderr and "loaded 3 articles" in loaded.stderr
    assert sum("%zz" in line for line in loaded.stderr.splitlines()) == 2


def test_each_article_not_stored_is_reported_once(tmp_path: Path, monkeypatch, caplog, reference_data: Path) -> None:
    import esgraf.pipeline

    def fail(store, x, mint):
        raise RuntimeError(f"disk says no to {x.article.id}")

    monkeypatch.setattr(esgraf.pipeline, "store_extraction", fail)
    files = bad_addresses(tmp_path / "in")
    with caplog.at_level("INFO"):
        result = CliRunner().invoke(main, ["--store", str(with_reference_data(tmp_path / "store", reference_data)),
                                           "load", *map(str, files)])
    assert result.exit_code == 1
    reported = [r.getMessage() for r in caplog.records if r.getMessage().startswith("not stored:")]
    assert len(reported) == 3, reported


def assert_same_store(a: OxigraphStore, b: OxigraphStore) -> None:
    """The same quads in every graph, the merged default graph too; where blank nodes stand (the ontology's
    lists and restrictions), isomorphic graphs."""
    def split(store: OxigraphStore) -> tuple[set, dict[str, Graph]]:
        plain, blank = set(), {}
        for q in store.raw.quads_for_pattern(None, None, None, None):
            if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
                blank.setdefault(str(q.graph_name), Graph()).add(
                    (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
            else:
                plain.add(q)
        return plain, blank

    (plain_a, blank_a), (plain_b, blank_b) = split(a), split(b)
    assert plain_a == plain_b
    assert blank_a.keys() == blank_b.keys()
    assert all(isomorphic(blank_a[g], blank_b[g]) for g in blank_a)


def test_the_store_is_the_same_for_any_number_of_jobs(tmp_path: Path, synthetic_articles, reference_data: Path
                                                        ) -> None:
    """Three processes extract the feed's articles (two blocks of fifty and more), one stores."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": a.id, "title": a.title, "text": a.text}, ensure_ascii=False) + "\n"
                            for a in synthetic_articles[:100]), encoding="utf-8")
    for jobs in ("1", "4"):
        store = with_reference_data(tmp_path / jobs, reference_data)
        result = CliRunner().invoke(main, ["--store", str(store), "load", "--jobs", jobs, str(feed)],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
    with OxigraphStore(tmp_path / "1") as one, OxigraphStore(tmp_path / "4") as four:
        assert len([g for g in one.named_graphs() if "/graph/article/" in g]) == 100
        assert_same_store(one, four)


def test_the_data_folder_setting_reaches_the_word_lists_and_the_register(tmp_path: Path) -> None:
    """A deployment's own data folder: an organisation kind the repository's lists lack, its own sample corpus
    (``load`` without paths) and a county's Wikidata item in its TERYT register."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("articles"))
    with (data / "gazetteers" / "org_kinds.tsv").open("a", encoding="utf-8") as f:
        f.write("bractwo\t-\tAssociation\tsocial\tnamed\tbractwo\t\n")
    counties = data / "teryt" / "counties.csv"
    counties.write_text(counties.read_text(encoding="utf-8").replace("Q1553070", "Q4242"), encoding="utf-8")
    (data / "articles").mkdir()
    (data / "articles" / "bractwo.txt").write_text(
        "Spotkanie w powiecie starachowickim zorganizowało Bractwo Rozwoju Lokalnego z Kielc.\n", encoding="utf-8")
    store = str(tmp_path / "store")
    result = CliRunner().invoke(main, ["--store", store, "load"], env={"ESGRAF_DATA_DIR": str(data)},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    found = CliRunner().invoke(main, ["--store", store, "query", "--format", "csv",
                                      "SELECT ?kind ?same WHERE { ?o skos:prefLabel 'Bractwo Rozwoju Lokalnego'@pl ; "
                                      "a ?kind FILTER(?kind != org:Organization) "
                                      "<https://w3id.org/esgraf/county/2611> owl:sameAs ?same }"])
    assert found.output.splitlines()[1:] == ["https://w3id.org/esgraf/ontology#Association,"
                                             "http://www.wikidata.org/entity/Q4242"]


def test_a_later_load_joins_the_organisations_already_stored(run: Run, tmp_path: Path) -> None:
    """The second load knows the stored organisation's acronym, as if the first article were in it."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    (first / "a.txt").write_text("Spotkanie zorganizowała Fundacja Rozwoju Ekonomii Społecznej z Rzeszowa. "
                                 "Przedstawiciele FRES omówili plany.\n", encoding="utf-8")
    (second / "b.txt").write_text("W Przemyślu przedstawiciele FRES spotkali się z Anną Górak.\n", encoding="utf-8")
    assert run("load", str(first)).exit_code == 0
    assert run("load", str(second)).exit_code == 0
    graphs = run("query", "--format", "csv", "SELECT DISTINCT ?g WHERE { GRAPH ?g { "
                 "<https://w3id.org/esgraf/organization/fundacja-rozwoju-ekonomii-spolecznej> a org:Organization } }")
    assert sorted(graphs.output.splitlines()[1:]) == ["https://w3id.org/esgraf/graph/article/a",
                                                      "https://w3id.org/esgraf/graph/article/b"]


def _one_article_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample article that names "Krzemienny" fails in the pipeline; the others are read as they are."""
    from loaders.pipeline import Pipeline

    real = Pipeline.prepare

    def prepare(self: Pipeline, article, known=None, lenient=False):  # noqa: ANN001, ANN202 - as Pipeline.prepare
        if "Krzemienny" in article.text:
            raise IndexError("list index out of range")
        return real(self, article, known, lenient)

    monkeypatch.setattr(Pipeline, "prepare", prepare)


def test_extract_prints_the_articles_it_could_read_and_names_the_one_it_could_not(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    _one_article_fails(monkeypatch)
    with caplog.at_level("INFO"):
        result = CliRunner().invoke(main, ["extract", "--no-ontology", "--format", "nq", str(SAMPLE)])
    assert result.exit_code == 1
    failed = [r.getMessage() for r in caplog.records if r.getMessage().startswith("not extracted:")]
    assert failed == [f"not extracted: {SAMPLE / '002_253314b829a4178a.txt'}: IndexError: list index out of range"]
    graphs = {line.split()[-2] for line in result.stdout.splitlines() if line.strip()}
    assert len([g for g in graphs if "/graph/article/" in g]) == 4


def test_an_article_that_cannot_be_extracted_is_one_line_and_the_others_load(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, reference_data: Path) -> None:
    _one_article_fails(monkeypatch)
    store = with_reference_data(tmp_path / "store", reference_data)
    with caplog.at_level("INFO"):
        result = CliRunner().invoke(main, ["--store", str(store), "load", "--jobs", "1", str(SAMPLE)])
    assert result.exit_code == 1
    failed = [r.getMessage() for r in caplog.records if r.getMessage().startswith("not extracted:")]
    assert failed == [f"not extracted: {SAMPLE / '002_253314b829a4178a.txt'}: IndexError: list index out of range"]
    loaded = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("loaded "))
    assert loaded.startswith("loaded 4 articles")
