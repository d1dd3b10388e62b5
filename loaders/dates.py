"""Polish dates in news text: "20 stycznia 2017", "17 maja br.", "w styczniu 2017", "20.I.2017", "2017-01-20".

A date read from an article is often partial ("17 maja" with no year), so the result is a :class:`PartialDate`
that knows which parts it has. ``br.`` (this year) and ``ub.r.`` (last year) are resolved against the article's
year when the caller knows it.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

#: earliest and latest years taken for dates; outside this range "2500" is a number, not a year
MIN_YEAR, MAX_YEAR = 1800, 2199


@dataclass(frozen=True)
class PartialDate:
    """A calendar date of which the year, the day or both may be unknown; invalid dates cannot be made."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.year is None and self.month is None:
            raise ValueError("a date needs at least a year or a month")
        if self.year is not None and not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year {self.year} out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            # with the year unknown, 29 February is possible (2016 is a leap year)
            last = calendar.monthrange(self.year if self.year is not None else 2016, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} out of range for month {self.month}")

    @property
    def complete(self) -> bool:
        return None not in (self.year, self.month, self.day)

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``year`` or ``monthday`` (day and month without a year)."""
        if self.year is None:
            return "monthday" if self.day is not None else "month"
        return "day" if self.day is not None else ("month" if self.month is not None else "year")

    def iso(self) -> str | None:
        """``2017-01-20``, ``2017-01`` or ``2017`` (xsd:date, gYearMonth, gYear); None without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def gmonthday(self) -> str | None:
        """``--05-17`` (xsd:gMonthDay), for a date whose day and month are known; None otherwise."""
        if self.month is None or self.day is None:
            return None
        return f"--{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.complete else None  # type: ignore[arg-type]

    def __str__(self) -> str:
        return self.iso() or self.gmonthday() or f"--{self.month:02d}"


# month stems: genitive (after a day), nominative, locative ("w styczniu"); ASCII spellings are accepted too,
# as feeds and old pages sometimes lose the diacritics
_MONTH_FORMS: dict[int, tuple[str, ...]] = {
    1: ("stycznia", "styczeń", "styczen", "styczniu"),
    2: ("lutego", "luty", "lutym"),
    3: ("marca", "marzec", "marcu"),
    4: ("kwietnia", "kwiecień", "kwiecien", "kwietniu"),
    5: ("maja", "maj", "maju"),
    6: ("czerwca", "czerwiec", "czerwcu"),
    7: ("lipca", "lipiec", "lipcu"),
    8: ("sierpnia", "sierpień", "sierpien", "sierpniu"),
    9: ("września", "wrzesnia", "wrzesień", "wrzesien", "wrześniu", "wrzesniu"),
    10: ("października", "pazdziernika", "październik", "pazdziernik", "październiku", "pazdzierniku"),
    11: ("listopada", "listopad", "listopadzie"),
    12: ("grudnia", "grudzień", "grudzien", "grudniu"),
}
_GENITIVE = {forms[0] for forms in _MONTH_FORMS.values()} | {"wrzesnia", "pazdziernika"}
_MONTHS = {form: m for m, forms in _MONTH_FORMS.items() for form in forms}
_ROMAN = {r: i for i, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split(), 1)}



def _alternation(words: set[str]) -> str:
    """A regex for ``words`` written in lower case, Capitalised or UPPER CASE, grouped by first letter.

    Spelling the cases out, rather than matching case-insensitively, keeps the search fast: an IGNORECASE
    alternation of forty words is tried letter by letter at every position of the text.
    """
    forms = {v for w in words for v in (w, w.capitalize(), w.upper())}
    by_first: dict[str, list[str]] = {}
    for form in forms:
        by_first.setdefault(form[0], []).append(re.escape(form[1:]))
    groups = (f"{re.escape(first)}(?:{'|'.join(sorted(rests, key=len, reverse=True))})"
              for first, rests in sorted(by_first.items()))
    return "(?:" + "|".join(groups) + ")"


_MONTH_RE = _alternation(set(_MONTHS))
_ROMAN_RE = "|".join(sorted(_ROMAN, key=len, reverse=True))
_WEEKDAYS = {"poniedziałek", "wtorek", "środę", "środa", "czwartek", "piątek", "sobotę", "sobota", "niedzielę",
             "niedziela"}
_WEEKDAY_RE = r"(?:[Ww]e?\s+)?" + _alternation(_WEEKDAYS) + r",?\s+"
# the year: "2017", "2017 r.", "2017r.", "2017 roku"; or relative: "br.", "b.r.", "bieżącego roku", "ub.r."
_YEAR_RE = (r"(?:(?P<year>\d{4})(?:\s?r\.|\s+roku\b)?"
            r"|(?P<this>b\.\s?r\.|br\.|br\b|bieżącego\s+roku|bież\.\s?r\.|tego\s+roku)"
            r"|(?P<last>ub\.\s?r\.|ubr\.|ubiegłego\s+roku|ub\.\s?roku|zeszłego\s+roku))")
_DAY = r"(?P<day>[0-3]?\d)"

_PATTERNS: list[re.Pattern[str]] = [
    # 2017-01-20 (ISO; also the date part of a timestamp)
    re.compile(r"(?<![\w.\-/])(?P<year>\d{4})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?![\d])"),
    # 20.01.2017, 20/01/2017, 20-01-2017, optionally "r."
    re.compile(rf"(?<![\w.,\-/]){_DAY}(?P<sep>[./\-])(?P<month>[01]?\d)(?P=sep)(?P<year>\d{{4}})(?!\d)"
               r"(?:\s?r\.)?"),
    # 20.I.2017, 20 I 2017, 20 XII br. (Roman months are written in capitals)
    re.compile(rf"(?<![\w.,\-/]){_DAY}(?:\.\s?|\s+)(?P<roman>{_ROMAN_RE})(?:\.\s?|\s+){_YEAR_RE}", re.ASCII),
    # (w poniedziałek) 17(-18) maja (2017 r. | br.)
    re.compile(rf"(?<!\w)(?:{_WEEKDAY_RE})?(?:(?P<day0>[0-3]?\d)\s?[-–—]\s?)?{_DAY}\s+(?P<name>{_MONTH_RE})(?!\w)"
               rf"(?:\s+{_YEAR_RE})?"),
    # (w) styczniu 2017, styczeń 2017 r., od stycznia br.: month precision, only with a year
    re.compile(rf"(?<!\w)(?P<name>{_MONTH_RE})\s+{_YEAR_RE}"),
]


def _year(m: re.Match[str], default_year: int | None) -> tuple[int | None, bool]:
    """The year a match names and whether the match named one at all."""
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"]), True
    if groups.get("this"):
        return default_year, True
    if groups.get("last"):
        return (default_year - 1 if default_year is not None else None), True
    return None, False


def _make(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _dates_of(m: re.Match[str], default_year: int | None) -> list[tuple[int, int, PartialDate]]:
    groups = m.groupdict()
    year, has_year = _year(m, default_year)
    if groups.get("roman"):
        month: int | None = _ROMAN[groups["roman"]]
    elif groups.get("name"):
        name = groups["name"].lower()
        month = _MONTHS[name]
        if groups.get("day") and name not in _GENITIVE:
            return []  # "5 maj" is not Polish for a date; "5 maja" is
        after_number = re.search(r"\d\s*$", m.string[max(0, m.start() - 3):m.start()])
        if not groups.get("day") and (not has_year or after_number):
            return []  # "31 lutego 2017" is no date at all, not "February 2017"
    else:
        month = int(groups["month"])
    day = int(groups["day"]) if groups.get("day") else None
    end = m.end()
    date = _make(year, month, day)
    if (date is None and year is not None and not MIN_YEAR <= year <= MAX_YEAR and groups.get("name")
            and day is not None):
        # "5 maja 1500 osób": the number is no year, the date is "5 maja"
        date, end = _make(None, month, day), m.end("name")
    if date is None:
        return []
    if groups.get("day0"):
        # "17-18 maja 2017": two dates sharing the month and year
        first = _make(date.year, date.month, int(groups["day0"]))
        if first is not None and first.day is not None and day is not None and first.day < day:
            return [(m.start(), m.start("day"), first), (m.start("day"), end, date)]
        return [(m.start("day"), end, date)]
    return [(m.start(), end, date)]


def find_dates(text: str, *, default_year: int | None = None) -> list[tuple[int, int, PartialDate]]:
    """Every date in ``text`` as ``(start, end, date)``, in order and not overlapping.

    ``default_year`` is the year ``br.`` refers to (the year the article was published); without it such dates
    have no year. A date with no year written ("5 kwietnia") keeps its year unknown.
    """
    found: list[tuple[int, int, PartialDate]] = []
    taken = bytearray(len(text))  # 1 where an earlier, more specific pattern found a date
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            dates = _dates_of(m, default_year)
            if dates:
                found.extend(dates)
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    found.sort(key=lambda t: t[0])
    return found


# words that may stand before a date that is alone on a line: "Data opublikowania: 20 stycznia 2017", "dnia 5.04"
_LEAD = re.compile(r"^(?:(?:data\s+(?:opublikowania|publikacji|dodania)|opublikowano|dodano|dnia|dn\.|we|w|od|ze|z|"
                   r"do)(?!\w)\s*:?\s*)*", re.IGNORECASE)
_TAIL = re.compile(r"[\s.,;:)\]]*$")


def parse_date(text: str, *, default_year: int | None = None) -> PartialDate | None:
    """The date ``text`` consists of, or None: "20 stycznia 2017", "w poniedziałek 7 maja", "dnia 20.01.2017 r.".

    The whole text must be the date, apart from leading words such as "Data opublikowania:" or "w" and trailing
    punctuation; use :func:`find_dates` to find dates inside running text.
    """
    text = text.strip()
    lead = _LEAD.match(text)
    body = text[lead.end() if lead else 0:]
    if not body or len(body) > 80:
        return None
    dates = find_dates(body, default_year=default_year)
    if len(dates) == 1 and dates[0][0] == 0 and _TAIL.fullmatch(body[dates[0][1]:]):
        return dates[0][2]
    return None


# -- dates told relative to the day of publication -------------------------------------------------------------

_WEEKDAY_NUMBER = {"poniedziałek": 0, "wtorek": 1, "środa": 2, "środę": 2, "czwartek": 3, "piątek": 4,
                   "sobota": 5, "sobotę": 5, "niedziela": 6, "niedzielę": 6}
_RELATIVE_RE = re.compile(
    r"(?<!\w)(?:(?P<day>wczoraj|przedwczoraj|dzisiaj|dziś|jutro)"
    r"|(?:[Ww]e?\s+)(?P<which>(?:ubiegł[aąy]|zeszł[aąy]|ostatni[aąe]?|minion[aąy]|najbliższ[aąy]|przyszł[aąy])\s+)?"
    r"(?P<weekday>" + "|".join(_WEEKDAY_NUMBER) + r"))(?!\w)", re.IGNORECASE)
_DAY_SHIFT = {"wczoraj": -1, "przedwczoraj": -2, "dzisiaj": 0, "dziś": 0, "jutro": 1}


def relative_dates(text: str, published: dt.date) -> list[tuple[int, int, PartialDate]]:
    """Dates a report gives relative to its day: "wczoraj", "w środę" (the last Wednesday up to that day), "w
    najbliższą środę" (the next one), each as ``(start, end, date)``."""
    out = []
    for m in _RELATIVE_RE.finditer(text):
        if m.group("day"):
            day = published + dt.timedelta(days=_DAY_SHIFT[m.group("day").lower()])
        else:
            target = _WEEKDAY_NUMBER[m.group("weekday").lower()]
            which = (m.group("which") or "").lower()
            if which.startswith(("najbliższ", "przyszł")):
                shift = (target - published.weekday()) % 7 or 7
            else:
                shift = -((published.weekday() - target) % 7)
            day = published + dt.timedelta(days=shift)
        out.append((m.start(), m.end(), PartialDate(day.year, day.month, day.day)))
    return out


def complete(date: PartialDate, published: dt.date | None) -> PartialDate:
    """A day and month without a year take the article's year ("17 maja" in an article of 2018-06-01 is
    2018-05-17), or the year before when that would lie more than a month after the article."""
    if date.year is not None or published is None or date.month is None or date.day is None:
        return date
    year = published.year
    try:
        if dt.date(year, date.month, date.day) > published + dt.timedelta(days=31):
            year -= 1
        return PartialDate(year, date.month, date.day)
    except ValueError:
        return date
