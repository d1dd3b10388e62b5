"""Bytes to the text esgraf analyses: decoding (UTF-8, or Polish text in the two legacy code pages), line ends,
Unicode normalisation, markdown markers, and the title and publication date at the top of an article.

Whatever these functions return is the text that is analysed, so character offsets refer to it.
"""
from __future__ import annotations

import re
import unicodedata

from loaders.dates import PartialDate, parse_date


class NotText(ValueError):
    """The bytes are not text esgraf can read; the message says why in a few words."""


# bytes that open common binary formats: PNG, JPEG, GIF, PDF, ZIP/Office, gzip, 7z, ELF, RIFF, OLE
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"7z\xbc\xaf", b"\x7fELF",
          b"RIFF", b"\xd0\xcf\x11\xe0")

# The Polish letters of each legacy code page, plus the punctuation Polish text uses in them. Polish text in
# one of them decodes with only these bytes above 0x7f; anything else (binary, another language) is refused.
_PL_COMMON = set(b"\xea\xb3\xe6\xf1\xf3\xbf\xca\xa3\xc6\xd1\xd3\xaf\xa0\xa7\xb0")
_CODE_PAGES = {
    "cp1250": _PL_COMMON | set(b"\xb9\x9c\x9f\xa5\x8c\x8f\x84\x94\x93\x96\x97\x85\xab\xbb\x92\x91"),
    "iso-8859-2": _PL_COMMON | set(b"\xb1\xb6\xbc\xa1\xa6\xac"),
}
_LETTERS_PL = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


def _legacy_polish(data: bytes) -> str | None:
    """``data`` decoded from cp1250 or ISO 8859-2 when it is plainly Polish text in one of them, else None."""
    high = {b for b in data if b >= 0x80}
    for codec, allowed in _CODE_PAGES.items():
        if not high <= allowed:
            continue
        text = data.decode(codec)
        # each non-ASCII letter must sit inside a word, as Polish letters do
        inside = sum(1 for m in re.finditer(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]", text)
                     if (m.start() > 0 and text[m.start() - 1].isalpha())
                     or (m.end() < len(text) and text[m.end()].isalpha()))
        letters = sum(1 for c in text if c in _LETTERS_PL)
        if letters and inside == letters:
            return text
    return None


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: strict UTF-8 (a BOM is dropped), or Polish cp1250 / ISO 8859-2 when unambiguous.

    Raises :class:`NotText` for binary data and for text in an encoding that cannot be told reliably.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotText("UTF-16 text; save it as UTF-8")
    if data.startswith(_MAGIC) or b"\x00" in data:
        raise NotText("not UTF-8 text (binary?)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        controls = sum(1 for b in data[:4096] if b < 0x20 and b not in b"\t\n\r\f")
        if controls:
            raise NotText("not UTF-8 text (binary?)") from None
        text = _legacy_polish(data)
        if text is None:
            raise NotText(f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
        return text, "cp1250" if any(b in data for b in b"\xb9\x9c\x9f\xa5\x8c\x8f") else "iso-8859-2"


# lone surrogates come from JSON escapes ("\\ud800") and cannot be written as UTF-8 anywhere downstream;
# bidirectional controls (right-to-left override and the like) would let a name show as other letters than it has
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff\ud800-\udfff"
                       r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_ENDS = re.compile(r"\r\n?|[\x0c\x85\u2028\u2029]")


def normalise(text: str) -> str:
    """One form for equal text: NFC, LF line ends, no BOM, zero-width, control, bidirectional control or lone
    surrogate characters (tabs stay)."""
    text = _CONTROLS.sub("", _LINE_ENDS.sub("\n", text))
    return unicodedata.normalize("NFC", text)


def strip_markdown(text: str, *, headings: bool = False) -> str:
    """Drop bold markers (``**Dariusz Dąbrowski**``) and, for markdown files, the hashes of headings.

    Plain string work, no regular expressions: a line of a million asterisks or spaces costs one pass.
    """
    text = text.replace("**", "")
    if not headings or "#" not in text:
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if line.startswith("#"):
            hashes = len(line) - len(line.lstrip("#"))
            rest = line[hashes:]
            if hashes <= 6 and rest[:1] in (" ", "\t"):
                rest = rest.strip(" \t")
                closing = rest.rstrip("#")  # "## Tytuł ##": closing hashes go when a space precedes them
                lines[n] = closing.rstrip(" \t") if closing != rest and closing.endswith((" ", "\t")) else rest
    return "\n".join(lines)


_PUBLISHED = re.compile(r"^\s*(?:data\s+(?:opublikowania|publikacji|dodania)|opublikowano|dodano)\s*:?\s*(.*)$",
                        re.IGNORECASE)
TITLE_MAX = 300


def clip(line: str, limit: int = TITLE_MAX) -> str:
    """A line cut to ``limit`` characters at a word boundary, marked with an ellipsis when cut."""
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"


def head(text: str, *, lines: int = 8) -> tuple[str | None, PartialDate | None]:
    """The title and the publication date at the top of an article.

    The title is the first non-empty line that is neither a date nor a "Data opublikowania:" header. The date is
    taken from such a header (its value on the same line or on the next non-empty line) or from a line near the
    top that is nothing but a date.
    """
    title: str | None = None
    published: PartialDate | None = None
    pending_header = False
    seen = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > lines and title is not None:
            break
        if len(line) > 200:  # a paragraph, neither a date line nor a header
            date = None
            header = None
        else:
            header = _PUBLISHED.match(line)
            date = parse_date(header.group(1) if header else line)
        if header or pending_header:
            if date is not None and published is None:
                published = date
            pending_header = bool(header) and not header.group(1).strip()
            if header:
                continue
        if date is not None:
            if published is None and seen <= lines:
                published = date
            continue
        if title is None:
            title = clip(line)
    return title, published
