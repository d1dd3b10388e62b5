"""Reading articles: each format with good input, each kind of bad input, folders, feeds and article ids."""
from __future__ import annotations

import datetime as dt
import json
import pathlib
from pathlib import Path

import pytest

from graph.model import Article
from graph.settings import DATA_DIR
from loaders.readers import ReadError, read_articles, read_bytes
from loaders.records import record_article, to_date


def read(*paths: Path | str, **kw: int) -> tuple[list[Article], list[ReadError]]:
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in read_articles(paths, **kw):
        (articles if isinstance(item, Article) else errors).append(item)
    return articles, errors


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


# -- plain text and markdown ----------------------------------------------------------------------------------------

def test_plain_text_article(tmp_path: Path) -> None:
    path = write(tmp_path / "000_48bf010c9a210a90.txt",
                 "\ufeffSpotkanie partnerstwa w Starachowicach\r\n\r\nData opublikowania: 20 stycznia 2017\r\n\r\n"
                 "Gospodarzem był **Dariusz Dąbrowski**, starosta starachowicki.\r\n")
    [article], errors = read(path)
    assert errors == []
    assert article == Article(
        id="000-48bf010c9a210a90",
        text="Spotkanie partnerstwa w Starachowicach\n\nData opublikowania: 20 stycznia 2017\n\n"
             "Gospodarzem był Dariusz Dąbrowski, starosta starachowicki.",
        source=str(path), title="Spotkanie partnerstwa w Starachowicach", url=None,
        published=dt.date(2017, 1, 20), region=None)
    # offsets found in the returned text point at the name, not at markdown markers
    start = article.text.index("Dariusz")
    assert article.text[start:start + len("Dariusz Dąbrowski")] == "Dariusz Dąbrowski"


@pytest.mark.parametrize(("content", "title", "published"), [
    ("\n\n20 stycznia 2017\n\n\nBędą współpracować\n\nTreść.", "Będą współpracować", dt.date(2017, 1, 20)),
    ("Tytuł\n\nData opublikowania:\n\n28 czerwca 2019 r.\n\nTreść.", "Tytuł", dt.date(2019, 6, 28)),
    ("Tytuł\n\nData opublikowania:\n\nUczestnicy spotkania\n\n17 maja br. odbyło się...", "Tytuł", None),
    ("Tytuł\n20.01.2017\nTreść.", "Tytuł", dt.date(2017, 1, 20)),
    ("Tytuł\n17 maja br.\nTreść.", "Tytuł", None),  # a date without a year is no publication date
    ("Jedna linia bez daty", "Jedna linia bez daty", None),
])
def test_title_and_date_at_the_top(tmp_path: Path, content: str, title: str, published: dt.date | None) -> None:
    [article], _ = read(write(tmp_path / "a.txt", content))
    assert (article.title, article.published) == (title, published)


def test_markdown_article(tmp_path: Path) -> None:
    path = write(tmp_path / "Spotkanie w Jędrzejowie.md",
                 "# Rozwijamy ekonomię społeczną\n\n**Karolina Jarosz**, wicedyrektor ROPS, powitała gości.\n")
    [article], _ = read(path)
    assert article.id == "spotkanie-w-jedrzejowie"
    assert article.title == "Rozwijamy ekonomię społeczną"
    assert article.text == "Rozwijamy ekonomię społeczną\n\nKarolina Jarosz, wicedyrektor ROPS, powitała gości."


@pytest.mark.parametrize(("markdown", "text"), [
    ("## Tytuł ##\nTreść", "Tytuł\nTreść"),
    ("# C#\n#hasztag", "C#\n#hasztag"),
    ("####### siedem\n#\ttab", "####### siedem\ntab"),
    ("Tekst z **pogrubieniem** i ***", "Tekst z pogrubieniem i *"),
])
def test_markdown_markers(tmp_path: Path, markdown: str, text: str) -> None:
    [article], _ = read(write(tmp_path / "a.md", markdown))
    assert article.text == text


def test_title_of_a_single_huge_line_is_clipped(tmp_path: Path) -> None:
    [article], _ = read(write(tmp_path / "a.txt", "słowo " * 20000))
    assert len(article.title) <= 301 and article.title.endswith("…")
    assert len(article.text) == len("słowo " * 20000) - 1


@pytest.mark.parametrize("codec", ["cp1250", "iso-8859-2"])
def test_polish_text_in_a_legacy_code_page(tmp_path: Path, codec: str) -> None:
    text = "Zażółć gęślą jaźń\n\nŚwiętokrzyski Ośrodek Wsparcia Ekonomii Społecznej w Kielcach."
    [article], errors = read(write(tmp_path / "a.txt", text.encode(codec)))
    assert errors == [] and article.text == text


def test_sample_corpus() -> None:
    articles, errors = read(DATA_DIR / "articles")
    assert errors == []
    assert [a.id for a in articles] == ["000-48bf010c9a210a90", "001-6a1f135c841c9949", "002-253314b829a4178a",
                                        "003-31faf54a3bc25820", "004-1feb189100687b87"]
    by_id = {a.id: a for a in articles}
    assert by_id["001-6a1f135c841c9949"].published == dt.date(2017, 1, 20)
    assert by_id["001-6a1f135c841c9949"].title == "Będą współpracować na rzecz rozwoju ekonomii"
    assert by_id["003-31faf54a3bc25820"].title == "Rozwijamy ekonomię społeczną w powiecie jędrzejowskim"
    assert all("**" not in a.text and "\r" not in a.text for a in articles)
    assert "Gospodarzem spotkania był Dariusz Dąbrowski, starosta" in by_id["001-6a1f135c841c9949"].text


# -- HTML -----------------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="pl"><head><title>Spotkanie | ROPS Kielce</title>
<meta property="og:title" content="Spotkanie partnerstwa (og)">
<meta property="article:published_time" content="2017-05-17T10:00:00+02:00">
<link rel="canonical" href="https://rops.example/aktualnosci/spotkanie-partnerstwa.html">
<script>var starosta = "Skrypt Skryptowski";</script><style>p { color: red }</style></head>
<body class="page has-sidebar">
<header><div class="logo">ROPS</div><h1>Portal ROPS</h1></header>
<nav><ul><li>Strona główna</li><li>Aktualności</li></ul></nav>
<div class="breadcrumb">Start &raquo; Aktualności</div>
<div id="main-menu"><a href="/">Menu główne</a></div>
<article><header><h1>Spotkanie &bdquo;partnerstwa&rdquo;</h1><time datetime="2017-05-18">18 maja 2017</time></header>
<p>Starosta <b>Dariusz</b>   Dąbrowski powitał gości.<p>Drugi akapit.<br>Nowa linia.
<div class="galeria-zdjec"><img src="a.jpg"><p>Zdjęcie: uczestnicy</p></div>
<h2>Wnioski</h2><p>Współpraca &amp; partnerstwo.</p>
<div class="share-buttons">Udostępnij na Facebooku</div>
<section class="comments"><p>Komentarz czytelnika</p></section></article>
<aside>Inne wiadomości</aside><footer>Stopka serwisu</footer>
<div id="cookie-banner">Ta strona używa cookies</div><noscript>Włącz JavaScript</noscript>
<iframe src="https://maps.example">Mapa</iframe><form><label>Szukaj</label></form></body></html>"""

NOT_IN_TEXT = ["Skrypt", "color", "Portal ROPS", "Strona główna", "Start", "Menu główne", "Zdjęcie",
               "Udostępnij", "Komentarz", "Inne wiadomości", "Stopka", "cookies", "JavaScript", "Mapa", "Szukaj"]


def test_html_article(tmp_path: Path) -> None:
    [article], errors = read(write(tmp_path / "spotkanie.html", PAGE))
    assert errors == []
    assert article.text == ("Spotkanie „partnerstwa”\n\n18 maja 2017\n\n"
                            "Starosta Dariusz Dąbrowski powitał gości."
                            "\n\nDrugi akapit.\nNowa linia.\n\nWnioski\n\nWspółpraca & partnerstwo.")
    assert (article.id, article.title, article.url, article.published) == (
        "spotkanie", "Spotkanie „partnerstwa”", "https://rops.example/aktualnosci/spotkanie-partnerstwa.html",
        dt.date(2017, 5, 17))
    for furniture in NOT_IN_TEXT:
        assert furniture not in article.text


@pytest.mark.parametrize(("page", "text", "title", "published", "url"), [
    # no <article>: the body without its furniture; title from og:title; date from <time>
    ('<html><head><meta property="og:title" content="OG tytuł"><meta property="og:url" content="https://x.example/a">'
     '</head><body><nav>Menu</nav><div class="content"><p>Akapit pierwszy.</p><time datetime="2018-03-01">1 marca'
     '</time></div><ul class="gallery"><li>Foto</li></ul></body></html>',
     "Akapit pierwszy.\n\n1 marca", "OG tytuł", dt.date(2018, 3, 1), "https://x.example/a"),
    # title from <title>; date from a Polish date line near the top
    ("<html><head><title>Tytuł strony</title></head><body><main><p>20 stycznia 2017</p><p>Treść.</p></main>"
     "<p>Poza main</p></body></html>",
     "20 stycznia 2017\n\nTreść.", "Tytuł strony", dt.date(2017, 1, 20), None),
    # unclosed tags, stray end tags, entities
    ("<html><body><p>Jeden &lt;dwa&gt; &#x105;<p>Trzy</span></div><li>Cztery</body></html>",
     "Jeden <dwa> ą\n\nTrzy\n\nCztery", "Jeden <dwa> ą", None, None),  # no title: the first line
    # the title and date of the page's article, not of a teaser beside it; a site name in an <h1> outside it
    ('<html><body><div class="logo"><h1>ROPS Kielce</h1></div>'
     '<article><h2>Inny</h2><time datetime="2016-01-01">x</time><p>Krótko.</p></article>'
     '<article><h1>Właściwy</h1><time datetime="2017-02-03">3 lutego</time><p>Długa treść artykułu.</p></article>'
     '</body></html>',
     "Właściwy\n\n3 lutego\n\nDługa treść artykułu.", "Właściwy", dt.date(2017, 2, 3), None),
    # "social" in a class name is the topic of the site, not a share widget
    ('<html><body><div class="social-economy-news"><p>Ekonomia społeczna.</p></div><p>Druga.</p></body></html>',
     "Ekonomia społeczna.\n\nDruga.", "Ekonomia społeczna.", None, None),
    # no </head>, no <body>: the head ends where the first body element starts, as in a browser
    ("<html><head><title>Bez zamknięcia</title><meta charset=utf-8><p>Treść po nagłówku.</p>",
     "Treść po nagłówku.", "Bez zamknięcia", None, None),
    # a page whose every wrapper has a furniture-like class still gives its text
    ('<html><body><div class="menu-wrapper"><p>Jedyny tekst.</p></div></body></html>',
     "Jedyny tekst.", "Jedyny tekst.", None, None),
])
def test_html_variants(tmp_path: Path, page: str, text: str, title: str | None, published: dt.date | None,
                       url: str | None) -> None:
    [article], errors = read(write(tmp_path / "p.htm", page))
    assert errors == []
    assert (article.text, article.title, article.published, article.url) == (text, title, published, url)


def test_html_in_a_txt_file(tmp_path: Path) -> None:
    [article], _ = read(write(tmp_path / "a.txt", "\n<!doctype html><html><body><h1>Tytuł</h1><script>x</script>"
                                                  "<p>Treść.</p></body></html>"))
    assert (article.title, article.text) == ("Tytuł", "Tytuł\n\nTreść.")


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-2"></head><body><p>Świętokrzyskie, Łódź — žal</p></body></html>'
    [article], errors = read(write(tmp_path / "a.html", page.encode("iso-8859-2", errors="replace")))
    assert errors == [] and article.text.startswith("Świętokrzyskie, Łódź")


# -- feeds ----------------------------------------------------------------------------------------------------------

def test_jsonl_feed(tmp_path: Path) -> None:
    lines = [
        {"id": "art 1", "url": "https://rops.example/a/1", "title": "Pierwszy", "date": "2017-01-20",
         "text": "Treść pierwsza.", "region": "26"},
        {"url": "https://rops.example/aktualnosci/spotkanie-w-kielcach.html", "content": "Treść druga.",
         "published": "2018-05-17T09:30:00Z"},
        {"body": "Tytuł z tekstu\n\nTreść trzecia.", "date": "20 stycznia 2017", "region": 6},
        {"text": "<p>Akapit <b>HTML</b></p><p>Drugi</p>", "title": "  Z   HTML  "},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    articles, errors = read(path)
    assert errors == []
    assert [(a.id, a.source, a.title, a.url, a.published, a.region) for a in articles] == [
        ("art-1", f"{path}:1", "Pierwszy", "https://rops.example/a/1", dt.date(2017, 1, 20), "26"),
        ("spotkanie-w-kielcach", f"{path}:2", "Treść druga.",
         "https://rops.example/aktualnosci/spotkanie-w-kielcach.html", dt.date(2018, 5, 17), None),
        ("feed-3", f"{path}:3", "Tytuł z tekstu", None, dt.date(2017, 1, 20), "06"),
        ("feed-4", f"{path}:4", "Z HTML", None, None, None),
    ]
    assert articles[3].text == "Akapit HTML\n\nDrugi"


def test_jsonl_with_a_malformed_line_between_good_ones(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.ndjson", '{"id": "a", "text": "Jeden."}\n{"id": "b", "text": "Dwa.",, }\n'
                                           '\n{"id": "c", "text": "Trzy."}\n{"id": "d", "text": "Ucię')
    articles, errors = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    assert [(str(e), e.source, e.line) for e in errors] == [
        (f"{path}: line 2: not JSON (Expecting property name enclosed in double quotes)", str(path), 2),
        (f"{path}: line 5: not JSON (Unterminated string starting at)", str(path), 5),
    ]


@pytest.mark.parametrize(("line", "message"), [
    ('["a", "b"]', "line 1: not a JSON object but list"),
    ('{"title": "Bez tekstu"}', "line 1: no text"),
    ('{"text": "   "}', "line 1: no text"),
    ('{"text": 42}', "line 1: 'text' is not a string but int"),
    ('{"text": ["a"]}', "line 1: 'text' is not a string but list"),
    ("[" * 100000, "line 1: not JSON (nested too deeply)"),
])
def test_bad_feed_lines(tmp_path: Path, line: str, message: str) -> None:
    articles, errors = read(write(tmp_path / "f.jsonl", line + "\n"))
    assert articles == [] and [e.message for e in errors] == [message]


def test_jsonl_line_over_the_limit_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    path = write(tmp_path / "f.jsonl", json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "Krótki."}))
    articles, errors = read(path, max_bytes=1000)
    assert [a.text for a in articles] == ["Krótki."]
    assert [(e.source, e.line) for e in errors] == [(str(path), 1)] and "1,000-byte limit" in errors[0].message


def test_json_list(tmp_path: Path) -> None:
    path = write(tmp_path / "lista.json", '[\n  {"text": "Jeden."},\n  {"text": "Dwa.", "id": "x"},\n  "zły",\n'
                                          '  {"text": "Trzy."}\n]\n')
    articles, errors = read(path)
    assert [(a.id, a.source) for a in articles] == [("lista-2", f"{path}:2"), ("x", f"{path}:3"),
                                                    ("lista-5", f"{path}:5")]
    assert [str(e) for e in errors] == [f"{path}: line 4: item 3: not a JSON object but str"]


@pytest.mark.parametrize(("content", "ids"), [
    ('{"articles": [{"text": "A"}, {"text": "B"}]}', ["d-1", "d-1-2"]),  # both objects start on line 1
    ('{"text": "Jeden obiekt"}', ["d-1"]),
    ('{"text": "A"}\n{"text": "B"}\n', ["d-1", "d-2"]),  # JSON Lines in a .json file
])
def test_json_document_shapes(tmp_path: Path, content: str, ids: list[str]) -> None:
    articles, errors = read(write(tmp_path / "d.json", content))
    assert errors == [] and [a.id for a in articles] == ids


CSV = ('id,url,title,date,text,region\n'
       'a1,https://x.example/1,Pierwszy,2017-01-20,"Treść, z przecinkiem.",26\n'
       'a2,https://x.example/2,Drugi,2017-01-21,,26\n'
       'a3,,Trzeci,21.01.2017,"Wiele\nlinii ""cytat""",\n'
       'a4,,Czwarty\n')


def test_csv_feed_with_a_missing_text_value(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.csv", CSV)
    articles, errors = read(path)
    assert [(a.id, a.source, a.title, a.published, a.text, a.region) for a in articles] == [
        ("a1", f"{path}:2", "Pierwszy", dt.date(2017, 1, 20), "Treść, z przecinkiem.", "26"),
        ("a3", f"{path}:4", "Trzeci", dt.date(2017, 1, 21), 'Wiele\nlinii "cytat"', None),
    ]
    assert [str(e) for e in errors] == [f"{path}: line 3: no text", f"{path}: line 6: no text"]


@pytest.mark.parametrize(("name", "content"), [
    ("feed.tsv", "url\ttitle\tpublished\tbody\nhttps://x.example/art-7\tTytuł\t2019-06-28\tTreść TSV.\n"),
    ("feed.csv", "url;title;published;content\nhttps://x.example/art-7;Tytuł;28 czerwca 2019;Treść TSV.\n"),
    ("feed.csv", "\ufeffURL,Title,Published,Content\r\nhttps://x.example/art-7,Tytuł,2019-06-28,Treść TSV.\r\n"),
])
def test_tsv_and_csv_dialects(tmp_path: Path, name: str, content: str) -> None:
    [article], errors = read(write(tmp_path / name, content))
    assert errors == []
    assert (article.id, article.title, article.published, article.text) == (
        "art-7", "Tytuł", dt.date(2019, 6, 28), "Treść TSV.")


def test_csv_without_a_text_column(tmp_path: Path) -> None:
    path = write(tmp_path / "f.csv", "url,title\nhttps://x.example/1,Tytuł\n")
    articles, errors = read(path)
    assert articles == []
    assert [str(e) for e in errors] == [f"{path}: no text column (one of text, content, body)"]


def test_csv_row_that_is_not_utf8_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "f.csv", b"text\nDobry.\nZ\xff\xfezly\nTe\xc5\xbc dobry.\n")
    articles, errors = read(path)
    assert [a.text for a in articles] == ["Dobry.", "Też dobry."]
    assert [str(e) for e in errors] == [f"{path}: line 3: not UTF-8 text"]


# -- bad input ------------------------------------------------------------------------------------------------------

BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("spaces.txt", b"  \n\t\r\n  \n", "empty file (only whitespace)"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "not UTF-8 text (binary?)"),
    ("nul.txt", b"Tekst\x00z zerem", "not UTF-8 text (binary?)"),
    ("latin.txt", b"Caf\xc3\x28 i \xe9t\xe9", "not UTF-8 text (invalid byte 0xc3 at offset 3)"),
    ("utf16.txt", "Zażółć".encode("utf-16"), "UTF-16 text; save it as UTF-8"),
    ("empty.html", b"", "empty file"),
    ("nothing.html", b"<html><head><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>",
     "no article text in the page"),
    ("empty.jsonl", b"\n\n", "empty file"),
    ("empty.json", b"  ", "empty file"),
    ("bad.json", b'{"text": "a",}', "line 1: not JSON (Expecting property name enclosed in double quotes)"),
    ("empty.csv", b"", "line 1: no header row"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_one_read_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = write(tmp_path / name, content)
    articles, errors = read(path)
    assert articles == []
    assert [e.message for e in errors] == [message]
    assert errors[0].source == str(path)


def test_a_50_mb_file_is_refused_by_its_size_without_being_opened(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written
    opened: list[Path] = []
    real_open = pathlib.Path.open
    monkeypatch.setattr(pathlib.Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    articles, errors = read(path)
    assert articles == [] and opened == []
    assert [str(e) for e in errors] == [
        f"{path}: 52,428,800 bytes is over the 5,242,880-byte limit (ESGRAF_MAX_ARTICLE_BYTES)"]


def test_limit_is_a_parameter(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "x" * 101)
    assert [e.message for e in read(path, max_bytes=100)[1]] == [
        "101 bytes is over the 100-byte limit (ESGRAF_MAX_ARTICLE_BYTES)"]
    assert len(read(path, max_bytes=101)[0]) == 1


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p / "missing.txt", "no such file or directory"),
    (lambda p: (p / "empty-dir").mkdir() or p / "empty-dir", "no article files"),
])
def test_paths_that_are_not_articles(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    articles, errors = read(path)
    assert articles == [] and len(errors) == 1 and errors[0].message.startswith(message)
    assert errors[0].source == str(path)


def test_read_error_is_an_exception_with_source_and_message() -> None:
    error = ReadError("data/x.txt", "empty file")
    assert isinstance(error, Exception)
    assert (str(error), error.source, error.message, error.line) == (
        "data/x.txt: empty file", "data/x.txt", "empty file", None)
    assert str(ReadError("f.jsonl", "line 3: no text", 3)) == "f.jsonl: line 3: no text"


def test_a_single_path_is_not_read_as_its_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Tekst.")
    assert [a.text for a in read_articles(str(path))] == ["Tekst."]
    assert [a.text for a in read_articles(path)] == ["Tekst."]


# -- folders and ids ------------------------------------------------------------------------------------------------

def test_folder_with_good_and_bad_files_yields_every_good_article(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Dobry tekst B.")
    write(tmp_path / "a.txt", "Dobry tekst A.")
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00")
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00")  # not an article suffix: not read at all
    write(tmp_path / ".hidden.txt", "Ukryty.")
    write(tmp_path / ".git" / "x.txt", "Ukryty katalog.")
    write(tmp_path / "sub" / "c.html", "<html><body><p>Strona C.</p></body></html>")
    write(tmp_path / "sub" / "d.md", "**Markdown D.**")
    write(tmp_path / "sub" / "feed.jsonl", '{"id": "e", "text": "E."}\n{zły}\n{"id": "f", "text": "F."}\n')
    articles, errors = read(tmp_path)
    assert [a.id for a in articles] == ["a", "b", "c", "d", "e", "f"]
    assert [a.text for a in articles] == ["Dobry tekst A.", "Dobry tekst B.", "Strona C.", "Markdown D.", "E.", "F."]
    assert sorted(e.source for e in errors) == sorted([str(tmp_path / "empty.txt"), str(tmp_path / "image.txt"),
                                                       str(tmp_path / "sub" / "feed.jsonl")])


def test_ids_are_unique_within_a_run(tmp_path: Path) -> None:
    write(tmp_path / "x" / "art.txt", "Jeden.")
    write(tmp_path / "y" / "art.txt", "Dwa.")
    write(tmp_path / "z.jsonl", '{"id": "art", "text": "Trzy."}\n{"id": "art", "text": "Cztery."}\n'
                                '{"id": "art-2", "text": "Pięć."}\n')
    articles, errors = read(tmp_path, tmp_path / "x" / "art.txt")
    assert errors == []
    ids = [a.id for a in articles]
    assert ids == ["art", "art-2", "art-3", "art-4", "art-2-2", "art-5"]
    assert len(set(ids)) == len(ids)


def test_read_bytes_of_an_upload() -> None:
    items = list(read_bytes(PAGE.encode(), name="spotkanie.html", source="upload:spotkanie.html"))
    assert [(a.id, a.source, a.published) for a in items] == [("spotkanie", "upload:spotkanie.html",
                                                                dt.date(2017, 5, 17))]
    items = list(read_bytes(b'{"text": "A"}\n{"text": "B"}\n', name="feed.jsonl"))
    assert [a.source for a in items] == ["feed.jsonl:1", "feed.jsonl:2"]
    [error] = read_bytes(b"x" * 11, name="a.txt", max_bytes=10)
    assert isinstance(error, ReadError) and "over the 10-byte limit" in error.message


def test_unknown_suffix_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    [article] = read(write(tmp_path / "artykul", "<html><body><p>Treść.</p></body></html>"))[0]
    assert article.text == "Treść."
    [article] = read(write(tmp_path / "feed.data", '{"text": "Z linii."}\n'))[0]
    assert (article.text, article.id) == ("Z linii.", "feed-1")


def test_record_article_needs_no_file() -> None:
    article = record_article({"Text": "Treść.", "URL": "https://x.example/a/"}, source="api", fallback_id="r-1")
    assert (article.id, article.url, article.text) == ("a", "https://x.example/a/", "Treść.")
    bad_url = record_article({"text": "T.", "url": "javascript:alert(1)"}, source="api", fallback_id="r-1")
    assert (bad_url.id, bad_url.url) == ("r-1", None)


@pytest.mark.parametrize(("line", "text", "title", "url"), [
    # a JSON escape can make a lone surrogate, which no UTF-8 writer downstream accepts
    (r'{"text": "A\ud800B", "title": "T\udfffT", "url": "https://x.example/\ud800"}', "AB", "TT", None),
    (r'{"text": "Za\u017c\u00f3\u0142\u0107", "url": "https://x.example/a b"}', "Zażółć", "Zażółć", None),
    ('{"text": "Ok", "url": "https://x.example/ą?x=1#y"}', "Ok", "Ok", "https://x.example/ą?x=1#y"),
])
def test_feed_values_are_cleaned(tmp_path: Path, line: str, text: str, title: str, url: str | None) -> None:
    [article], errors = read(write(tmp_path / "f.jsonl", line))
    assert errors == [] and (article.text, article.title, article.url) == (text, title, url)


@pytest.mark.parametrize(("value", "expected"), [
    ("2017-01-20", dt.date(2017, 1, 20)),
    ("2017-01-20T10:00:00+01:00", dt.date(2017, 1, 20)),
    ("2017-01-20T10:00:00.123456789Z", dt.date(2017, 1, 20)),
    ("20.01.2017", dt.date(2017, 1, 20)),
    ("20 stycznia 2017 r.", dt.date(2017, 1, 20)),
    ("17 maja", None),
    ("wczoraj", None),
    ("2017-02-30", None),
    (20170120, None),
    (None, None),
])
def test_to_date(value: object, expected: dt.date | None) -> None:
    assert to_date(value) == expected
