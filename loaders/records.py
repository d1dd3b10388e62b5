"""Articles from feed records (JSON Lines, JSON, CSV, TSV), and what every reader shares: the error for one
article that cannot be read, ids unique within a run, and the checks on an article's address and date.

A record gives ``text`` (or ``content``, ``body``, ``treść``…), ``title``, ``date``, ``url``, ``id`` and ``region``;
a record without text, or with a text over the size limit, is a :class:`ReadError` for its line and the rest go on.
"""
from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from graph.iri import iri_problem
from graph.model import Article
from graph.slug import slugify
from loaders import feeds
from loaders.dates import parse_date
from loaders.html_text import extract
from loaders.text import clip, head, normalise, strip_markdown

log = logging.getLogger(__name__)

class ReadError(Exception):
    """An article that could not be read: where (``source``, the file) and why, in one line.

    For a feed, ``line`` is the line of the bad record and the message starts with it: ``line 3: not JSON (...)``.
    """

    def __init__(self, source: str, message: str, line: int | None = None):
        super().__init__(source, message, line)
        self.source = source
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class Ids:
    """Article ids unique within one run: a second ``a`` becomes ``a-2``."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def claim(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.seen:
            n += 1
            candidate = f"{base}-{n}"
        self.seen.add(candidate)
        return candidate


def usable_url(url: str | None, source: str) -> str | None:
    """``url`` when it can be an IRI; otherwise None, and one line saying why (the article is kept)."""
    if url is None:
        return None
    problem = iri_problem(url) if _URL_OK.match(url) else "not an http(s) address"
    if problem is None:
        return url
    log.warning("%s: the address %s is left out (%s); the article is kept", source, url[:200], problem)
    return None



_TEXT_KEYS = ("text", "content", "body", "tresc", "treść")
_TITLE_KEYS = ("title", "headline", "tytul", "tytuł")
_DATE_KEYS = ("date", "published", "published_at", "datepublished", "data", "issued")
_URL_KEYS = ("url", "link", "href")
_REGION_KEYS = ("region", "voivodeship", "wojewodztwo", "województwo")
_HTML_TAG = re.compile(r"<(?:p|div|br|h[1-6]|span|a|ul|ol|li|strong|em|b|i|article|section|table)\b[^>]*>",
                       re.IGNORECASE)
# what an IRI may not hold: spaces, controls, lone surrogates and the characters RFC 3987 excludes
_URL_OK = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"{}|\\^`\ud800-\udfff]+$", re.IGNORECASE)


def read_feed(stream: io.BufferedIOBase, kind: str, *, source: str, stem: str, ids: Ids,
               max_bytes: int) -> Iterator[Article | ReadError]:
    if kind == "jsonl":
        records = feeds.jsonl_records(stream, max_bytes=max_bytes)  # type: ignore[arg-type]
    else:
        records = feeds.csv_records(stream, delimiter="\t" if kind == "tsv" else None,  # type: ignore[arg-type]
                                    max_bytes=max_bytes)
    yield from _articles(records, kind=kind, source=source, stem=stem, ids=ids, max_bytes=max_bytes)


def read_json(data: bytes, *, source: str, stem: str, ids: Ids, max_bytes: int) -> Iterator[Article | ReadError]:
    if not data.strip():
        yield ReadError(source, "empty file")
        return
    yield from _articles(feeds.json_records(data), kind="json", source=source, stem=stem, ids=ids,
                         max_bytes=max_bytes)


def _articles(records: Iterator[tuple[int, feeds.Record]], *, kind: str, source: str, stem: str, ids: Ids,
              max_bytes: int | None = None) -> Iterator[Article | ReadError]:
    any_record = False
    for line, record in records:
        if isinstance(record, str):
            any_record = True
            yield ReadError(source, f"line {line}: {record}", line)
            continue
        if kind in ("csv", "tsv") and not any_record and not any(k in record for k in _TEXT_KEYS):
            # every CSV record has every column, so the first one tells
            yield ReadError(source, f"no text column (one of {', '.join(_TEXT_KEYS[:3])})")
            return
        any_record = True
        item = record_article(record, source=f"{source}:{line}", fallback_id=f"{stem}-{line}", ids=ids,
                              max_bytes=max_bytes)
        yield ReadError(source, f"line {line}: {item.message}", line) if isinstance(item, ReadError) else item
    if not any_record:
        yield ReadError(source, "empty file" if kind != "csv" else "no rows")


def _field(record: dict[str, object], keys: tuple[str, ...]) -> tuple[str | None, object]:
    for key in keys:
        value = record.get(key)
        if value is not None and value != "":
            return key, value
    return None, None


def record_article(record: dict[str, object], *, source: str, fallback_id: str, ids: Ids | None = None,
                   max_bytes: int | None = None) -> Article | ReadError:
    """An article from one feed record (``url``, ``title``, ``date``, ``text``, optional ``id``, ``region``).

    ``fallback_id`` is the id when the record has neither an id nor a URL to take one from.
    """
    record = {str(k).strip().lower(): v for k, v in record.items()}
    key, value = _field(record, _TEXT_KEYS)
    if key is None:
        return ReadError(source, "no text")
    if not isinstance(value, str):
        return ReadError(source, f"'{key}' is not a string but {type(value).__name__}")
    if max_bytes is not None and len(value) > max_bytes:
        return ReadError(source, f"a text of {len(value):,} characters is over the {max_bytes:,}-byte limit "
                                 "(ESGRAF_MAX_ARTICLE_BYTES)")
    page_title = page_url = page_date = None
    if _HTML_TAG.search(value):
        page = extract(normalise(value))
        value, page_title, page_url, page_date = page.text, page.title, page.url, page.published
    text = strip_markdown(normalise(value)).strip()
    if not text:
        return ReadError(source, "no text")
    first_line, head_date = head(text)
    title = _string(record, _TITLE_KEYS) or page_title or first_line
    url = usable_url(_string(record, _URL_KEYS) or page_url, source)
    _, raw_date = _field(record, _DATE_KEYS)
    published = to_date(raw_date) if raw_date is not None else to_date(page_date) if page_date else None
    if published is None and raw_date is None and head_date is not None:
        published = head_date.as_date()
    region = _string(record, _REGION_KEYS)
    if region and region.isdigit() and len(region) == 1:
        region = region.zfill(2)  # voivodeship TERYT codes have two digits: "02", "26"
    base = _string(record, ("id", "identifier", "guid"))
    base_slug = slugify(base) if base else (_url_slug(url) if url else None) or slugify(fallback_id)
    article_id = ids.claim(base_slug) if ids else base_slug
    return Article(id=article_id, text=text, source=source, title=clip(normalise(title)) if title else None, url=url,
                   published=published, region=region or None)


def _string(record: dict[str, object], keys: tuple[str, ...]) -> str | None:
    _, value = _field(record, keys)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return " ".join(str(value).split()) or None


def _url_slug(url: str) -> str | None:
    """``https://rops.pl/aktualnosci/spotkanie-w-starachowicach.html`` -> ``spotkanie-w-starachowicach``."""
    segment = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    segment = re.sub(r"\.(?:html?|php|aspx?|jsp)$", "", segment, flags=re.IGNORECASE)
    slug = slugify(segment) if segment else None
    return None if slug in (None, "x", "index") else slug


def to_date(value: object) -> dt.date | None:
    """A publication date from a feed or page: ISO date or timestamp, ``20.01.2017``, ``20 stycznia 2017``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    if value[10:11] in ("T", " "):  # a timestamp fromisoformat does not take: "2017-01-20T10:00:00.123456789Z"
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    date = parse_date(value)
    return date.as_date() if date else None
