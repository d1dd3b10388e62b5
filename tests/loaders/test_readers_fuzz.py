"""Property tests: whatever a file holds, reading it gives articles or read errors, never an exception; whatever
the text, finding dates in it gives valid dates at valid offsets."""
from __future__ import annotations

import calendar
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.model import Article
from loaders.dates import PartialDate, find_dates, parse_date
from loaders.readers import SUFFIXES, ReadError, read_articles, read_bytes

# no example database: a run leaves nothing behind in the working tree
FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIX = st.sampled_from(sorted(SUFFIXES) + ["", ".dat"])


def read_one_file(content: bytes, suffix: str, max_bytes: int = 5 * 1024 * 1024) -> list[Article | ReadError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "article" + suffix)
        path.write_bytes(content)
        items = list(read_articles([path], max_bytes=max_bytes))
        check(items, str(path))
        # a folder holding the file reads the same way (unknown suffixes are not read from folders)
        if suffix in SUFFIXES:
            again = list(read_articles([folder], max_bytes=max_bytes))
            assert [type(i) for i in again] == [type(i) for i in items]
    return items


def check(items: list[Article | ReadError], source: str) -> None:
    assert items, "a file gives at least one article or one error"
    ids = [i.id for i in items if isinstance(i, Article)]
    assert len(ids) == len(set(ids))
    for item in items:
        assert isinstance(item, (Article, ReadError))
        assert item.source.startswith(source)
        if isinstance(item, Article):
            assert item.text.strip() and item.text == item.text.strip()
            assert "\r" not in item.text and "\x00" not in item.text
            assert item.id and item.id == item.id.lower() and " " not in item.id
            assert item.title is None or len(item.title) <= 301
        else:
            assert item.message and "\n" not in item.message


@FUZZ
@given(content=st.binary(max_size=3000), suffix=SUFFIX)
def test_random_bytes(content: bytes, suffix: str) -> None:
    read_one_file(content, suffix)


@FUZZ
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000), suffix=SUFFIX)
def test_random_unicode(text: str, suffix: str) -> None:
    read_one_file(text.encode("utf-8"), suffix)


# the characters that make structure in the formats esgraf reads, control characters and Polish letters
SYNTAX_PIECES = list('<>/="\'{}[]:,;\t\n\r\x00\x0b\x0c\x1b\x7f\u2028\ufeff\xa0 aąęłśżź1#*-!') + [
    "<p>", "</p>", "<script>", "<nav>", "<!--", "-->", "<html>", "<!doctype html>", '{"text": "', '"}', "text,url\n",
    "&amp;", "&#", "**", "Data opublikowania:", "20 stycznia 2017", "br.", "<![CDATA[", "<?xml", "<!"]
SYNTAX = st.lists(st.sampled_from(SYNTAX_PIECES), max_size=120).map("".join)


@FUZZ
@given(text=SYNTAX, suffix=SUFFIX)
def test_structure_and_control_characters(text: str, suffix: str) -> None:
    read_one_file(text.encode("utf-8"), suffix)


@settings(max_examples=12, deadline=None, database=None)
@given(size=st.integers(50_000, 1_500_000), char=st.sampled_from(["a", "ą", "{", "<", "[", "\"", ",", " ", "\n"]),
       suffix=SUFFIX)
def test_huge_single_lines(size: int, char: str, suffix: str) -> None:
    items = read_one_file((char * size).encode("utf-8"), suffix, max_bytes=1_000_000)
    if len((char * size).encode()) > 1_000_000 and suffix in (".txt", ".md", ".html", ".htm"):
        assert [type(i) for i in items] == [ReadError]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "content", "body", "title", "url", "date", "published", "id", "region"])
        | st.text(max_size=8), inner, max_size=6),
    max_leaves=20)


@FUZZ
@given(records=st.lists(JSON_VALUES, max_size=6), suffix=st.sampled_from([".jsonl", ".json", ".ndjson"]))
def test_json_feeds_of_any_shape(records: list[object], suffix: str) -> None:
    content = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    read_one_file(content.encode("utf-8"), suffix)


@FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=30), max_size=6), max_size=6),
       header=st.lists(st.sampled_from(["text", "content", "url", "title", "date", "id", "region", "x", ""]),
                       min_size=1, max_size=6),
       delimiter=st.sampled_from([",", ";", "\t"]), suffix=st.sampled_from([".csv", ".tsv"]))
def test_csv_feeds_of_any_shape(rows: list[list[str]], header: list[str], delimiter: str, suffix: str) -> None:
    content = "\n".join(delimiter.join(r) for r in [header, *rows])
    read_one_file(content.encode("utf-8"), suffix)


@FUZZ
@given(content=st.binary(max_size=1000), name=st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.json", "a.csv",
                                                               "a", "a.tsv"]))
def test_read_bytes_never_raises(content: bytes, name: str) -> None:
    check(list(read_bytes(content, name=name)), name)


# -- dates ----------------------------------------------------------------------------------------------------------

DATEISH = st.lists(st.sampled_from(list("0123456789.-/ ,IVXrb\n\xa0") + [
    "stycznia", "lutego", "maja", "maj", "w maju", "września", "br.", "b.r.", "ub.r.", "roku", " r.", "2017",
    "w poniedziałek ", "XII", "29", "31", "lutym"]), max_size=40).map("".join)


def valid_spans(text: str, found: list[tuple[int, int, PartialDate]]) -> None:
    last_end = 0
    for start, end, date in found:
        assert last_end <= start < end <= len(text)
        assert isinstance(date, PartialDate)
        last_end = end


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.text(max_size=500) | DATEISH, default_year=st.none() | st.integers(1800, 2199))
def test_find_dates_never_raises(text: str, default_year: int | None) -> None:
    found = find_dates(text, default_year=default_year)
    valid_spans(text, found)
    parsed = parse_date(text, default_year=default_year)
    assert parsed is None or isinstance(parsed, PartialDate)


GENITIVE = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
            "października", "listopada", "grudnia"]


@st.composite
def dates(draw: st.DrawFn) -> tuple[int, int, int]:
    year = draw(st.integers(1900, 2100))
    month = draw(st.integers(1, 12))
    return year, month, draw(st.integers(1, calendar.monthrange(year, month)[1]))


FORMS = ["{d} {g} {y}", "{d} {g} {y} r.", "{d:02d}.{m:02d}.{y}", "{y}-{m:02d}-{d:02d}", "{d}.{r}.{y}", "{d} {r} {y}"]


@settings(max_examples=150, deadline=None, database=None)
@given(date=dates(), form=st.sampled_from(FORMS), before=st.sampled_from(["", "Spotkanie odbyło się ", "W dniu "]),
       after=st.sampled_from(["", ".", " w Kielcach."]))
def test_written_dates_are_read_back(date: tuple[int, int, int], form: str, before: str, after: str) -> None:
    y, m, d = date
    roman = "I II III IV V VI VII VIII IX X XI XII".split()[m - 1]
    written = form.format(d=d, m=m, y=y, g=GENITIVE[m - 1], r=roman)
    text = before + written + after
    [(start, end, found)] = find_dates(text)
    assert (found, text[start:end]) == (PartialDate(y, m, d), written)

