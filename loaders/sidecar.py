"""A folder's index of its articles: ``index.tsv`` or ``index.csv`` with a ``file`` column and no text.

Collections of saved pages often come with such a list of where each file came from. Its rows give the
articles read from those files their source address, title and region, so every triple keeps a link to the page
it was read from; the index itself is not an article feed.
"""
from __future__ import annotations

import csv
import datetime as dt
import dataclasses
import re
from pathlib import Path

from graph.model import Article

INDEX_NAMES = ("index.tsv", "index.csv")
TEXT_COLUMNS = {"text", "content", "body"}
_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?![\d/-])")
_URL_OK = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"{}|\\^`]+$", re.IGNORECASE)


def read_index(path: Path) -> dict[str, dict[str, str]] | None:
    """Rows of an index by file name, or None if ``path`` is no index (no ``file`` column, or article texts)."""
    if path.name.lower() not in INDEX_NAMES:
        return None
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t" if path.suffix.lower() == ".tsv" else ","))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    if not rows:
        return None
    columns = {c.strip().lower() for c in rows[0] if c}
    if "file" not in columns or columns & TEXT_COLUMNS:
        return None
    out = {}
    for row in rows:
        clean = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if clean.get("file"):
            out[clean["file"]] = clean
    return out


def row_for(path: Path) -> dict[str, str] | None:
    """The row of the index beside ``path`` that describes it, if the folder has an index."""
    for name in INDEX_NAMES:
        index = path.parent / name
        try:
            found = index.is_file()
        except OSError:
            found = False
        if found and (rows := read_index(index)) is not None:
            return rows.get(path.name)
    return None


def enrich(article: Article, row: dict[str, str], voivodeship_code) -> Article:
    """The article with the index row's source address, title, date and voivodeship where the row has them (a
    date only when the cell begins with one written in full, "2019-04-04 (event)")."""
    changes: dict[str, object] = {}
    day = _ISO_DAY.match(row.get("date", ""))
    if day and not article.published:
        try:
            changes["published"] = dt.date.fromisoformat(day.group(1))
        except ValueError:
            pass
    url = row.get("url", "")
    if url and _URL_OK.match(url):
        changes["url"] = url
    if row.get("title"):
        changes["title"] = row["title"]
    region = row.get("region", "").split("(")[0].strip()
    if region and not article.region:
        code = voivodeship_code(region)
        if code:
            changes["region"] = code
    return dataclasses.replace(article, **changes) if changes else article
