"""A folder's index.tsv gives its articles their source address, title and region, and is no feed itself."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from graph.model import Article
from loaders.readers import ReadError, read_articles


def test_index_enriches_the_articles_of_its_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Spotkanie\n\nW Końskich odbyło się spotkanie.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Konferencja\n\nW Opolu odbyła się konferencja.", encoding="utf-8")
    (tmp_path / "index.tsv").write_text(
        "file\turl\ttitle\tdate\tregion\n"
        "a.txt\thttps://example.org/news/1\tSpotkanie w Końskich\t(not stated)\tświętokrzyskie (powiat konecki)\n"
        "b.txt\tnot a url\t\t2016-05-01\topolskie\n", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert not [i for i in items if isinstance(i, ReadError)]
    by_id = {a.id: a for a in items if isinstance(a, Article)}
    assert set(by_id) == {"a", "b"}
    assert (by_id["a"].url, by_id["a"].title, by_id["a"].region) == \
        ("https://example.org/news/1", "Spotkanie w Końskich", "26")
    assert (by_id["b"].url, by_id["b"].title, by_id["b"].region) == (None, "Konferencja", "16")


def test_a_tsv_with_texts_is_still_a_feed(tmp_path: Path) -> None:
    (tmp_path / "index.tsv").write_text("file\ttitle\ttext\nx\tT\tAnna Górak mówiła.\n", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article"]


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Spotkanie\n\nW Końskich odbyło się spotkanie.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Konferencja\n\nW Opolu odbyła się konferencja.", encoding="utf-8")
    (tmp_path / "index.tsv").write_text(
        "file\turl\ttitle\tdate\tregion\n"
        "a.txt\thttps://example.org/news/1\tSpotkanie w Końskich\t2019-04-04 (event)\tświętokrzyskie\n"
        "b.txt\t\t\t2016-04-13/14 (two days)\topolskie\n", encoding="utf-8")
    return tmp_path


def test_a_file_named_alone_takes_its_row_of_the_index(tmp_path: Path) -> None:
    [a] = list(read_articles([_folder(tmp_path) / "a.txt"]))
    assert isinstance(a, Article)
    assert (a.url, a.region, a.published) == ("https://example.org/news/1", "26", dt.date(2019, 4, 4))


def test_only_a_whole_day_is_a_date(tmp_path: Path) -> None:
    [b] = list(read_articles([_folder(tmp_path) / "b.txt"]))
    assert isinstance(b, Article) and (b.region, b.published) == ("16", None)
