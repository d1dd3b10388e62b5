"""Dates, numbers and counted nouns as a reader of each language writes them.

Polish counts take one of three noun forms (1 powiązanie, 2 powiązania, 5 powiązań; 12-14 take the third) and
dates put the month in the genitive ("17 maja 2017"); a meeting whose article gave no year is stored as an
``xsd:gMonthDay`` (``--05-17``) and reads "17 maja". The same rules are written once more in
``static/js/words.js`` for what the browser writes itself.
"""
from __future__ import annotations

import re

MONTHS = {
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
#: a month on its own (``2017-05``): the nominative in Polish
MONTHS_ALONE = {
    "pl": ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
           "październik", "listopad", "grudzień"),
    "en": MONTHS["en"],
}

#: counted nouns: Polish (one, few, many), English (one, other)
NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    "node": {"pl": ("węzeł", "węzły", "węzłów"), "en": ("node", "nodes")},
    "tie": {"pl": ("powiązanie", "powiązania", "powiązań"), "en": ("tie", "ties")},
    "organisation": {"pl": ("organizacja", "organizacje", "organizacji"), "en": ("organisation", "organisations")},
    "partner": {"pl": ("partner", "partnerzy", "partnerów"), "en": ("partner", "partners")},
    "event": {"pl": ("spotkanie", "spotkania", "spotkań"), "en": ("meeting", "meetings")},
    "agreement": {"pl": ("porozumienie", "porozumienia", "porozumień"), "en": ("agreement", "agreements")},
    "partnership": {"pl": ("partnerstwo", "partnerstwa", "partnerstw"), "en": ("partnership", "partnerships")},
    "project": {"pl": ("projekt", "projekty", "projektów"), "en": ("project", "projects")},
    "article": {"pl": ("artykuł", "artykuły", "artykułów"), "en": ("article", "articles")},
    "path": {"pl": ("ścieżka", "ścieżki", "ścieżek"), "en": ("path", "paths")},
    "context": {"pl": ("wspólne działanie", "wspólne działania", "wspólnych działań"),
                "en": ("shared activity", "shared activities")},
    "row": {"pl": ("wiersz", "wiersze", "wierszy"), "en": ("row", "rows")},
}


def plural_index(n: int, lang: str) -> int:
    """Which form of a counted noun ``n`` takes: Polish 0 (one), 1 (few: 2-4, 22-24…), 2 (many); English 0, 1."""
    n = abs(int(n))
    if lang != "pl":
        return 0 if n == 1 else 1
    if n == 1:
        return 0
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return 1
    return 2


def noun(n: int, key: str, lang: str) -> str:
    """The form of the noun ``key`` that goes with the number ``n``: ``noun(2, "tie", "pl")`` -> ``powiązania``."""
    forms = NOUNS[key].get(lang) or NOUNS[key]["en"]
    return forms[min(plural_index(n, lang), len(forms) - 1)]


def count(n: int, key: str, lang: str) -> str:
    """``count(5, "tie", "pl")`` -> ``5 powiązań``; ``count(1, "tie", "en")`` -> ``1 tie``."""
    return f"{number(n, 0, lang)} {noun(n, key, lang)}"


def number(x: float | int | None, digits: int, lang: str) -> str:
    """A number with the language's decimal mark and a true minus sign: ``-0.11`` -> ``−0,11`` in Polish."""
    if x is None:
        return "–"
    if digits == 0:
        text = f"{int(round(x)):,}".replace(",", "\u00a0" if lang == "pl" else ",")
    else:
        text = f"{x:.{digits}f}"
        if lang == "pl":
            text = text.replace(".", ",")
    return text.replace("-", "−")


def percent(x: float | None, lang: str) -> str:
    return "–" if x is None else f"{round(x * 100)}\u00a0%" if lang == "pl" else f"{round(x * 100)}%"


_FULL = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")
_MONTH_DAY = re.compile(r"--(\d{2})-(\d{2})")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")


def format_date(value: object, lang: str) -> str:
    """A date as it is read: ``2017-05-17`` -> "17 maja 2017", ``--05-17`` -> "17 maja", ``2017-05`` -> "maj
    2017"; English "17 May 2017". Anything else is returned as it is."""
    text = str(value or "").strip()
    months = MONTHS.get(lang, MONTHS["en"])
    if m := _FULL.fullmatch(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12:
            return f"{d} {months[mo - 1]} {y}"
    elif m := _MONTH_DAY.fullmatch(text):
        mo, d = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            return f"{d} {months[mo - 1]}"
    elif m := _YEAR_MONTH.fullmatch(text):
        y, mo = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            return f"{MONTHS_ALONE.get(lang, MONTHS_ALONE['en'])[mo - 1]} {y}"
    return text


def year_of(value: object) -> int | None:
    """The year of a date written as text, or None (``--05-17`` has none)."""
    m = re.match(r"(\d{4})", str(value or ""))
    return int(m.group(1)) if m else None


__all__ = ["MONTHS", "NOUNS", "count", "format_date", "noun", "number", "percent", "plural_index", "year_of"]
