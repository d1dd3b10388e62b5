"""Records from article feeds: JSON Lines, a JSON list of objects, CSV and TSV.

Each record comes with its line number, or with a one-line message saying why that line could not be read, so a
reader can report a bad line and go on with the next one. Turning records into articles is
:mod:`loaders.readers`' work.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from typing import BinaryIO

#: a record (column or key name -> value) or why the line is not one
Record = dict[str, object] | str

_CHUNK = 1 << 20


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"not JSON ({exc.msg})"


def jsonl_records(stream: BinaryIO, *, max_bytes: int) -> Iterator[tuple[int, Record]]:
    """``(line number, record or message)`` for each non-blank line of a JSON Lines stream.

    A line over ``max_bytes`` is skipped unread (it is reported, and reading goes on at the next line).
    """
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip to the end of the line without keeping it
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, f"{max_bytes:,}-byte limit exceeded by one line (ESGRAF_MAX_ARTICLE_BYTES)"
            continue
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            yield number, "not UTF-8 text"
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield number, _json_error(exc)
            continue
        except RecursionError:
            yield number, "not JSON (nested too deeply)"
            continue
        yield number, value if isinstance(value, dict) else f"not a JSON object but {type(value).__name__}"


def json_records(data: bytes) -> Iterator[tuple[int, Record]]:
    """Records of a ``.json`` document: a list of objects, ``{"articles": [...]}``, one object, or JSON Lines.

    The line number of a record in a list is the line its object starts on.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield 1 + data[: exc.start].count(b"\n"), "not UTF-8 text"
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # one object per line in a .json file
            yield from jsonl_records(io.BytesIO(data), max_bytes=len(data) + 1)
        else:
            yield exc.lineno, _json_error(exc)
        return
    except RecursionError:
        yield 1, "not JSON (nested too deeply)"
        return
    if isinstance(value, dict):
        items = next((value[k] for k in ("articles", "items", "data") if isinstance(value.get(k), list)), None)
        if items is None:
            yield 1, value
            return
        value = items
    if not isinstance(value, list):
        yield 1, f"not a JSON object or list but {type(value).__name__}"
        return
    lines = _item_lines(text, len(value))
    for i, item in enumerate(value):
        line = lines[i] if i < len(lines) else 1
        yield line, item if isinstance(item, dict) else f"item {i + 1}: not a JSON object but {type(item).__name__}"


def _item_lines(text: str, count: int) -> list[int]:
    """The line each item of the top-level list starts on (scanning with the decoder, which knows the syntax)."""
    decoder = json.JSONDecoder()
    lines: list[int] = []
    start = text.index("[") + 1 if "[" in text else 0
    pos, line, counted = start, 1 + text.count("\n", 0, start), start
    try:
        while len(lines) < count:
            while pos < len(text) and text[pos] in " \t\r\n,":
                pos += 1
            line += text.count("\n", counted, pos)
            counted = pos
            lines.append(line)
            _, pos = decoder.raw_decode(text, pos)
    except (json.JSONDecodeError, RecursionError):
        pass
    return lines


_COLUMNS_SEPARATORS = ",;\t"


def csv_records(stream: BinaryIO, *, delimiter: str | None = None, max_bytes: int) -> Iterator[tuple[int, Record]]:
    """Records of a CSV or TSV file with a header row; the line number is the line the record starts on.

    Without ``delimiter`` the header decides between comma, semicolon and tab. Rows that are not UTF-8 are
    reported one by one. A row the CSV grammar cannot read ends the file, since where the next row starts is
    then unknown.
    """
    # surrogateescape keeps undecodable bytes visible per row instead of failing the whole file
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    first = text.readline(max_bytes + 1)
    if not first.strip():
        yield 1, "no header row"
        return
    if delimiter is None:
        delimiter = max(_COLUMNS_SEPARATORS, key=first.count)
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)  # an article's text is one field, far longer than csv's default
    rows = csv.reader(_chain(first, text), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(rows)]
    except (csv.Error, StopIteration) as exc:
        yield 1, f"not CSV ({exc})"
        return
    if any(_undecodable(h) for h in header):
        yield 1, "not UTF-8 text"
        return
    line = rows.line_num
    while True:
        start = line + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, f"not CSV ({exc}); the rest of the file is skipped"
            return
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if any(_undecodable(cell) for cell in row):
            yield start, "not UTF-8 text"
            continue
        # a short row lacks its last values, not its columns
        yield start, {h: (row[i] if i < len(row) else "") for i, h in enumerate(header) if h}


def _chain(first: str, rest: io.TextIOBase) -> Iterator[str]:
    yield first
    yield from rest


def _undecodable(value: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in value)
