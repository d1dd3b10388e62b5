"""The article in a web page: its body text (paragraphs and headings, one a line), title, date and URL.

Uses the standard library's ``html.parser``, which never fails on bad markup. Menus, galleries, cookie banners,
share buttons, comments and scripts are dropped; when the page marks its article (``<article>``, ``<main>``),
only that is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# elements whose content is never article text
_DROP_TAGS = {"script", "style", "nav", "aside", "form", "noscript", "iframe", "template", "svg", "button",
              "select", "textarea", "object", "embed", "canvas", "audio", "video", "map", "dialog"}
# dropped only outside <article>/<main>: inside them a header holds the title and the date
_DROP_OUTSIDE = {"header", "footer"}
# a class or id token naming one of these marks page furniture: "menu", "main-menu", "galeria_zdjec", "nav"
_FURNITURE = re.compile(r"(?:^|.*[_-])(?:menu|nav|navbar|navigation|breadcrumbs?|gallery|galeria|cookies?|share|"
                        r"sharing|footer|sidebar|comments?|komentarze|related|advert|ads|newsletter|"
                        r"skip)(?:$|[_-].*)", re.IGNORECASE)
# tokens that describe a state of the page rather than name a part of it: "has-sidebar", "no-menu"
_STATE = re.compile(r"^(?:has|no|with|without|is|show|hide)[_-]", re.IGNORECASE)
_NEVER_DROPPED = {"html", "body", "article", "main"}


def _furniture(attrs: dict[str, str]) -> bool:
    tokens = (attrs.get("class", "") + " " + attrs.get("id", "")).split()
    return any(_FURNITURE.match(t) and not _STATE.match(t) for t in tokens)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr", "keygen"}
_BLOCKS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
           "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "header", "footer",
           "address", "hr", "body", "caption", "details", "summary"}
# what may stand in <head>; any other element ends it, as in a browser, even without </head>
_HEAD_TAGS = {"title", "meta", "link", "script", "style", "base", "noscript", "template", "head", "html"}
_MAX_DEPTH = 2000  # deeper nesting is not an article; deeper elements are read as flat text


@dataclass
class Page:
    text: str
    title: str | None
    url: str | None
    published: str | None  # as the page writes it: ISO timestamp or date from metadata, or None


class _Extractor(HTMLParser):
    def __init__(self, *, by_name: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.by_name = by_name  # drop elements whose class or id names page furniture
        self.stack: list[tuple[str, bool]] = []  # (tag, dropped here)
        self.dropped = 0  # open elements that drop their content
        self.article = 0  # open <article> elements
        self.main = 0
        self.article_no = 0  # which top-level <article> we are in (1-based)
        self.lines: list[tuple[str, int, bool]] = []  # (text, article number or 0, inside <main>)
        self.current: list[str] = []
        self.pre = 0
        self.head = 0  # open <head> elements
        self.meta: dict[str, str] = {}
        self.title_tag: list[str] = []
        self.in_title = False
        self.h1: list[str] | None = None  # text of the <h1> being read
        # <h1> texts and <time datetime> values, each with where it stood (article number, inside <main>)
        self.h1s: list[tuple[str, int, bool]] = []
        self.times: list[tuple[str, int, bool]] = []

    # -- the open elements -------------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if self.head and tag not in _HEAD_TAGS:
            self.handle_endtag("head")
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a and key not in self.meta:
                self.meta[key] = a["content"]
            return
        if tag == "link":
            if "canonical" in a.get("rel", "").lower().split() and "canonical" not in self.meta:
                self.meta["canonical"] = a.get("href", "")
            return
        if tag == "br":
            self.current.append("\n")
            return
        if tag == "time" and not self.dropped and a.get("datetime"):
            self.times.append((a["datetime"], self._where(), bool(self.main)))
        if tag in _VOID:
            if tag in _BLOCKS:
                self._flush()
            return
        if len(self.stack) >= _MAX_DEPTH:
            return
        drop = (tag in _DROP_TAGS
                or (tag in _DROP_OUTSIDE and not (self.article or self.main))
                or (self.by_name and tag not in _NEVER_DROPPED and _furniture(a))
                or "hidden" in a or a.get("aria-hidden") == "true")
        if tag in _BLOCKS:
            self._flush()
        self.stack.append((tag, drop))
        self.dropped += drop
        if tag == "title":
            self.in_title = True
        elif tag == "article":
            if not self.article:
                self.article_no += 1
            self.article += 1
        elif tag == "main":
            self.main += 1
        elif tag == "pre":
            self.pre += 1
        elif tag == "head":
            self.head += 1
        elif tag == "h1" and not self.dropped:
            self.h1 = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self.stack):
            return  # a stray end tag: ignore it rather than close what it does not match
        while self.stack:
            open_tag, drop = self.stack.pop()
            self._close(open_tag, drop)
            if open_tag == tag:
                break

    def _close(self, tag: str, drop: bool) -> None:
        if tag in _BLOCKS:
            self._flush()
        self.dropped -= drop
        if tag == "title":
            self.in_title = False
        elif tag == "article":
            self.article -= 1
        elif tag == "main":
            self.main -= 1
        elif tag == "pre":
            self.pre -= 1
        elif tag == "head":
            self.head -= 1
        elif tag == "h1" and self.h1 is not None:
            text = " ".join("".join(self.h1).split())
            if text:
                self.h1s.append((text, self._where(), bool(self.main)))
            self.h1 = None

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close(*self.stack.pop())
        self._flush()

    # -- text --------------------------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_tag.append(data)
            return
        if self.dropped or self.head:
            return
        if self.h1 is not None:
            self.h1.append(data)
        self.current.append(data)

    def _flush(self) -> None:
        if not self.current:
            return
        raw = "".join(self.current)
        self.current = []
        if self.pre:
            lines = [line.rstrip() for line in raw.split("\n")]
        else:
            lines = [" ".join(line.split()) for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line.strip())
        if text:
            self.lines.append((text, self._where(), bool(self.main)))

    def _where(self) -> int:
        return self.article_no if self.article else 0


Placed = list[tuple[str, int, bool]]  # (text, article number or 0, inside <main>)


def _part(lines: Placed) -> tuple[int, bool]:
    """Where the page's article is: the <article> with the most text, else <main>, else everywhere (0, False)."""
    sizes: dict[int, int] = {}
    for text, article, _ in lines:
        if article:
            sizes[article] = sizes.get(article, 0) + len(text)
    if sizes:
        return max(sizes, key=lambda k: (sizes[k], -k)), False
    return 0, any(main for _, _, main in lines)


def _within(items: Placed, part: tuple[int, bool]) -> list[str]:
    article, main = part
    if article:
        return [text for text, a, _ in items if a == article]
    return [text for text, _, m in items if m or not main]


def _first(items: Placed, part: tuple[int, bool]) -> str | None:
    """The first item inside the article's part of the page, else the first anywhere."""
    inside = _within(items, part)
    return inside[0] if inside else (items[0][0] if items else None)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _http(url: str | None) -> str | None:
    url = _clean(url)
    return url if url and re.match(r"https?://\S+$", url, re.IGNORECASE) else None


def _parse(html: str, *, by_name: bool) -> _Extractor:
    parser = _Extractor(by_name=by_name)
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:  # html.parser asserts on a few malformed declarations; keep what was read
        parser._flush()
    return parser


def extract(html: str) -> Page:
    """The article in ``html``; ``text`` is empty when the page holds no readable text."""
    parser = _parse(html, by_name=True)
    if not parser.lines:
        # class names misled us (a page whose every wrapper says "menu"): read it again without them
        parser = _parse(html, by_name=False)
    part = _part(parser.lines)
    lines = _within(parser.lines, part)
    meta = parser.meta
    title = (_first(parser.h1s, part) or _clean(meta.get("og:title")) or _clean(meta.get("twitter:title"))
             or _clean("".join(parser.title_tag)))
    published = (_clean(meta.get("article:published_time")) or _clean(meta.get("datepublished"))
                 or _clean(meta.get("date")) or _clean(meta.get("dc.date")) or _clean(meta.get("dcterms.issued"))
                 or _clean(_first(parser.times, part)))
    url = _http(meta.get("canonical")) or _http(meta.get("og:url"))
    return Page(text="\n\n".join(lines), title=title, url=url, published=published)
