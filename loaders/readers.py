"""Read articles from files, folders and feeds: plain text, markdown, HTML pages, JSON Lines, JSON, CSV and TSV.

:func:`read_articles` yields an :class:`~graph.model.Article` for each article and a :class:`ReadError` for each
file or feed line it cannot read, and goes on: one bad file in a folder of a thousand costs one error line.
"""
from __future__ import annotations

import io
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.model import Article
from graph.slug import slugify
from loaders import sidecar
from loaders.html_text import extract
from loaders.records import Ids, ReadError, read_feed, read_json, to_date, usable_url
from loaders.text import NotText, clip, decode, head, normalise, strip_markdown

log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: a .json document is parsed whole, so it has a limit of its own; JSON Lines and CSV are read line by line
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv", ".tsv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


def read_articles(paths: Iterable[Path | str] | Path | str, *,
                  max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | ReadError]:
    """Every article in ``paths`` (files and folders, read recursively in name order), or why one is unreadable.

    Never raises for bad input: each unreadable file, and each bad line of a feed, is yielded as a
    :class:`ReadError` and reading goes on. Article ids are unique among the articles yielded by one call.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not the characters of one
    ids = Ids()
    for given in paths:
        path = Path(given)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False  # reading it as a file reports why it cannot be read
        if is_dir:
            files, errors = _expand(path)
            yield from errors
            indexes = {f.parent: index for f in files if (index := sidecar.read_index(f)) is not None}
            files = [f for f in files if not (f.parent in indexes and f.name.lower() in sidecar.INDEX_NAMES)]
            if not files and not errors:
                yield ReadError(str(path), f"no article files ({', '.join(sorted(SUFFIXES))}) in the folder")
            for file in files:
                row = indexes.get(file.parent, {}).get(file.name)
                for item in _read_file(file, ids=ids, max_bytes=max_bytes):
                    yield sidecar.enrich(item, row, _voivodeship_code) if row and isinstance(item, Article) else item
        else:  # a file named alone still takes its row of the folder's index
            row = sidecar.row_for(path)
            for item in _read_file(path, ids=ids, max_bytes=max_bytes):
                yield sidecar.enrich(item, row, _voivodeship_code) if row and isinstance(item, Article) else item


def _voivodeship_code(name: str) -> str | None:
    from graph.teryt import load_register  # plain Python, read once

    v = load_register().voivodeship_by_name(name)
    return v.code if v else None


def read_bytes(data: bytes, *, name: str, source: str | None = None,
               max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | ReadError]:
    """The articles in ``data``, read as a file called ``name`` would be (an upload, a download).

    The suffix of ``name`` decides the format; the stem gives the article id.
    """
    source = source or name
    path = Path(name)
    ids = Ids()
    kind = _kind(path.suffix.lower(), data[:512])
    if kind in ("jsonl", "csv", "tsv"):
        yield from read_feed(io.BytesIO(data), kind, source=source, stem=path.stem, ids=ids, max_bytes=max_bytes)
    elif kind == "json":
        yield from read_json(data, source=source, stem=path.stem, ids=ids, max_bytes=max_bytes)
    elif len(data) > max_bytes:
        yield _too_big(source, len(data), max_bytes)
    else:
        yield _read_document(data, kind, source=source, stem=path.stem, ids=ids)


# -- files ---------------------------------------------------------------------------------------------------------

def _hidden(name: str) -> bool:
    return name.startswith(".")


def _expand(folder: Path) -> tuple[list[Path], list[ReadError]]:
    files: list[Path] = []
    errors: list[ReadError] = []

    def failed(exc: OSError) -> None:
        errors.append(ReadError(str(exc.filename or folder), f"cannot list the folder ({exc.strerror or exc})"))

    for root, dirs, names in os.walk(folder, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        files.extend(Path(root, n) for n in sorted(names)
                     if not _hidden(n) and Path(n).suffix.lower() in SUFFIXES)
    files.sort(key=lambda p: p.relative_to(folder).parts)  # name order across folders: a/x.txt before b.txt
    return files, errors


def _too_big(source: str, size: int, max_bytes: int, setting: str = "ESGRAF_MAX_ARTICLE_BYTES") -> ReadError:
    return ReadError(source, f"{size:,} bytes is over the {max_bytes:,}-byte limit ({setting})")


def _kind(suffix: str, start: bytes) -> str:
    """The format of a file from its suffix, or from its first bytes when the suffix says nothing."""
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".json", ".csv", ".tsv"):
        return suffix[1:]
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".md":
        return "markdown"
    if suffix == ".txt":
        return "text"
    lead = start.lstrip(b"\xef\xbb\xbf \t\r\n")
    if lead.startswith(b"{"):
        return "jsonl"
    if lead.startswith(b"["):
        return "json"
    if lead.startswith(b"<"):
        return "html"
    return "text"


def _read_file(path: Path, *, ids: Ids, max_bytes: int) -> Iterator[Article | ReadError]:
    source = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        yield ReadError(source, "no such file or directory" if isinstance(exc, FileNotFoundError)
                        else f"cannot read ({exc.strerror or exc})")
        return
    if not stat.S_ISREG(info.st_mode):
        yield ReadError(source, "not a regular file")
        return
    suffix = path.suffix.lower()
    try:
        if suffix in SUFFIXES:
            kind = _kind(suffix, b"")
        else:  # a file named on the command line without a known suffix: its first bytes tell
            with path.open("rb") as stream:
                kind = _kind(suffix, stream.read(512))
        limit = MAX_DOCUMENT_BYTES if kind == "json" else max_bytes
        setting = "a JSON document; use JSON Lines for more" if kind == "json" else "ESGRAF_MAX_ARTICLE_BYTES"
        if kind not in ("jsonl", "csv", "tsv") and info.st_size > limit:
            yield _too_big(source, info.st_size, limit, setting)  # refused before it is opened
            return
        with path.open("rb") as stream:
            if kind in ("jsonl", "csv", "tsv"):
                # feeds are read a line at a time, so their size is limited per article, not per file
                yield from read_feed(stream, kind, source=source, stem=path.stem, ids=ids, max_bytes=max_bytes)
                return
            data = stream.read(limit + 1)
    except OSError as exc:
        yield ReadError(source, f"cannot read ({exc.strerror or exc})")
        return
    if len(data) > limit:  # the file grew after it was measured
        yield _too_big(source, len(data), limit, setting)
    elif kind == "json":
        yield from read_json(data, source=source, stem=path.stem, ids=ids, max_bytes=max_bytes)
    else:
        yield _read_document(data, kind, source=source, stem=path.stem, ids=ids)


# -- one article a file: text, markdown, HTML ----------------------------------------------------------------------

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_HTML_CHARSETS = {"windows-1250": "cp1250", "cp1250": "cp1250", "iso-8859-2": "iso-8859-2", "latin2": "iso-8859-2",
                  "iso-8859-1": "cp1252", "latin1": "cp1252", "windows-1252": "cp1252", "cp1252": "cp1252"}


def _decode_html(data: bytes) -> str:
    """A page's text: UTF-8, or the legacy charset the page declares."""
    try:
        return decode(data)[0]
    except NotText:
        declared = _CHARSET.search(data[:4096])
        codec = _HTML_CHARSETS.get(declared.group(1).decode("ascii").lower()) if declared else None
        if codec is None or b"\x00" in data:
            raise
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            raise NotText(f"not {declared.group(1).decode('ascii')} text as the page declares") from None


def _read_document(data: bytes, kind: str, *, source: str, stem: str, ids: Ids) -> Article | ReadError:
    if not data:
        return ReadError(source, "empty file")
    try:
        if kind == "html":
            raw = _decode_html(data)
        else:
            raw, encoding = decode(data)
            if encoding != "utf-8":
                log.info("%s: read as %s text", source, encoding)
    except NotText as exc:
        return ReadError(source, str(exc))
    if not raw.strip():
        return ReadError(source, "empty file (only whitespace)")
    if kind == "html" or _HTML_START.match(raw):
        return _html_article(raw, source=source, stem=stem, ids=ids)
    text = strip_markdown(normalise(raw), headings=kind == "markdown").strip()
    if not text:
        return ReadError(source, "empty file (no text)")
    title, date = head(text)
    return Article(id=ids.claim(slugify(stem)), text=text, source=source, title=title,
                   published=date.as_date() if date else None)


def _html_article(html: str, *, source: str, stem: str, ids: Ids) -> Article | ReadError:
    page = extract(normalise(html))
    text = page.text.strip()
    if not text:
        return ReadError(source, "no article text in the page")
    title, date = head(text)
    published = to_date(page.published) if page.published else None
    return Article(id=ids.claim(slugify(stem)), text=text, source=source,
                   title=clip(page.title) if page.title else title, url=usable_url(page.url, source),
                   published=published or (date.as_date() if date else None))


__all__ = ["ReadError", "SUFFIXES", "read_articles", "read_bytes"]
