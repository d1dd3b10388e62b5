"""Polish dates: the forms news articles use, partial dates, validation, and finding dates in running text."""
from __future__ import annotations

import datetime as dt

import pytest

from loaders.dates import PartialDate, find_dates, parse_date

D = PartialDate

PARSE_CASES = [
    # text, default_year, expected
    ("20 stycznia 2017", None, D(2017, 1, 20)),
    ("17 maja br.", 2018, D(2018, 5, 17)),
    ("17 maja br.", None, D(None, 5, 17)),
    ("17 maja b.r.", 2019, D(2019, 5, 17)),
    ("17 maja bieżącego roku", 2019, D(2019, 5, 17)),
    ("3 marca ub.r.", 2019, D(2018, 3, 3)),
    ("5 kwietnia", None, D(None, 4, 5)),
    ("5 kwietnia", 2017, D(None, 4, 5)),  # no year written: the year stays unknown
    ("28 czerwca 2019 r.", None, D(2019, 6, 28)),
    ("28 czerwca 2019 roku", None, D(2019, 6, 28)),
    ("28 czerwca 2019r.", None, D(2019, 6, 28)),
    ("20.01.2017", None, D(2017, 1, 20)),
    ("20.01.2017 r.", None, D(2017, 1, 20)),
    ("1/2/2018", None, D(2018, 2, 1)),
    ("2017-01-20", None, D(2017, 1, 20)),
    ("w poniedziałek 7 maja", None, D(None, 5, 7)),
    ("w poniedziałek, 7 maja 2018 r.", None, D(2018, 5, 7)),
    ("we wtorek 8 maja", None, D(None, 5, 8)),
    ("w styczniu 2017", None, D(2017, 1)),
    ("styczeń 2017", None, D(2017, 1)),
    ("we wrześniu 2020 r.", None, D(2020, 9)),
    ("w maju br.", 2016, D(2016, 5)),
    ("20.I.2017", None, D(2017, 1, 20)),
    ("20 I 2017", None, D(2017, 1, 20)),
    ("3.XII.2015 r.", None, D(2015, 12, 3)),
    ("14 IV br.", 2020, D(2020, 4, 14)),
    ("1 lutego 2016", None, D(2016, 2, 1)),
    ("11 października 2018", None, D(2018, 10, 11)),
    ("11 pazdziernika 2018", None, D(2018, 10, 11)),  # diacritics lost on the way
    ("30 listopada 2017", None, D(2017, 11, 30)),
    ("24 grudnia 2017", None, D(2017, 12, 24)),
    ("15 sierpnia 2017", None, D(2017, 8, 15)),
    ("1 lipca 2017", None, D(2017, 7, 1)),
    ("12 września 2017", None, D(2017, 9, 12)),
    ("Data opublikowania: 20 stycznia 2017", None, D(2017, 1, 20)),
    ("dnia 20.01.2017 r.", None, D(2017, 1, 20)),
    ("29 lutego 2016", None, D(2016, 2, 29)),
    ("29 lutego", None, D(None, 2, 29)),
    ("20 Stycznia 2017", None, D(2017, 1, 20)),
    ("20 STYCZNIA 2017", None, D(2017, 1, 20)),
    ("12 PAŹDZIERNIKA 2018 R.", None, None),  # "R." is no year marker; the date is not all of the text
    ("W Poniedziałek 7 maja", None, D(None, 5, 7)),
    ("Wrzesień 2019", None, D(2019, 9)),
]


@pytest.mark.parametrize(("text", "default_year", "expected"), PARSE_CASES, ids=[c[0] for c in PARSE_CASES])
def test_parse_date(text: str, default_year: int | None, expected: PartialDate | None) -> None:
    assert parse_date(text, default_year=default_year) == expected


NOT_DATES = [
    "31 lutego 2017",  # no such day, and not "February 2017" either
    "29 lutego 2017",  # 2017 is not a leap year
    "30.02.2017",
    "32 maja 2017",
    "2017-13-01",
    "20.13.2017",
    "0 maja 2017",
    "5 maj",  # a date needs the genitive
    "maja",
    "w maju",  # a month alone is too vague to be a date
    "Maja Kowalska",
    "powiat starachowicki",
    "2014-2020",
    "20 stycznia 2017 oraz 21 stycznia 2017",  # two dates, not one
    "spotkanie 20 stycznia 2017",  # parse_date wants the whole text to be the date
    "",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(("date", "iso", "gmonthday", "as_date", "precision"), [
    (D(2017, 1, 20), "2017-01-20", "--01-20", dt.date(2017, 1, 20), "day"),
    (D(None, 5, 17), None, "--05-17", None, "monthday"),
    (D(2017, 1), "2017-01", None, None, "month"),
    (D(2017), "2017", None, None, "year"),
    (D(None, 5), None, None, None, "month"),
])
def test_partial_date_forms(date: PartialDate, iso: str | None, gmonthday: str | None, as_date: dt.date | None,
                            precision: str) -> None:
    assert (date.iso(), date.gmonthday(), date.as_date(), date.precision) == (iso, gmonthday, as_date, precision)
    assert date.complete is (as_date is not None)


@pytest.mark.parametrize(("year", "month", "day"), [
    (2017, 2, 31), (2017, 2, 29), (None, 2, 30), (2017, 4, 31), (2017, 13, 1), (2017, 0, 1), (2017, 1, 0),
    (None, None, 5), (None, None, None), (2017, None, 5), (1200, 1, 1), (3000, 1, 1),
])
def test_partial_date_refuses_impossible_dates(year: int | None, month: int | None, day: int | None) -> None:
    with pytest.raises(ValueError):
        PartialDate(year, month, day)


def test_find_dates_in_running_text() -> None:
    text = ("Porozumienie podpisano 20 stycznia 2017 r. w Starachowicach, a 17 maja br. odbyło się spotkanie. "
            "Kolejne zaplanowano na 20.06.2017, projekt trwa od 2017-01-01 do 31.XII.2018.")
    found = find_dates(text, default_year=2017)
    assert [text[s:e] for s, e, _ in found] == ["20 stycznia 2017 r.", "17 maja br.", "20.06.2017", "2017-01-01",
                                               "31.XII.2018"]
    assert [d for _, _, d in found] == [D(2017, 1, 20), D(2017, 5, 17), D(2017, 6, 20), D(2017, 1, 1),
                                        D(2018, 12, 31)]


@pytest.mark.parametrize(("text", "expected"), [
    ("17-18 maja 2017", [("17-", D(2017, 5, 17)), ("18 maja 2017", D(2017, 5, 18))]),
    ("od 12 do 14 maja", [("14 maja", D(None, 5, 14))]),
    ("w poniedziałek 7 maja spotkanie", [("w poniedziałek 7 maja", D(None, 5, 7))]),
    ("w styczniu 2017 roku ruszył projekt", [("styczniu 2017 roku", D(2017, 1))]),
    ("5 maja 1500 osób", [("5 maja", D(None, 5, 5))]),  # 1500 is a count here, not a year
    ("Program 2014-2020 i RPO WŚ", []),
    ("wzięło udział 31 osób z 12 gmin", []),
    ("Maja i Jan, 2017", []),
])
def test_find_dates_spans(text: str, expected: list[tuple[str, PartialDate]]) -> None:
    assert [(text[s:e], d) for s, e, d in find_dates(text)] == expected


def test_find_dates_keeps_offsets_in_text_with_non_ascii_spaces() -> None:
    text = "Uczestnicy spotkania\n\n5 kwietnia br.\xa0 w Jędrzejowie"
    [(start, end, date)] = find_dates(text, default_year=2018)
    assert (text[start:end], date) == ("5 kwietnia br.", D(2018, 4, 5))


@pytest.mark.parametrize("text, published, expected", [
    ("Spotkanie odbyło się wczoraj.", dt.date(2019, 3, 14), PartialDate(2019, 3, 13)),
    ("W środę podpisano porozumienie.", dt.date(2019, 3, 14), PartialDate(2019, 3, 13)),  # a Thursday's report
    ("W ubiegły poniedziałek obradował zespół.", dt.date(2019, 3, 14), PartialDate(2019, 3, 11)),
    ("W najbliższą środę nastąpi zawarcie partnerstwa.", dt.date(2019, 8, 16), PartialDate(2019, 8, 21)),
    ("Dziś w Kielcach odbyła się gala.", dt.date(2019, 12, 1), PartialDate(2019, 12, 1)),
])
def test_dates_relative_to_the_article(text: str, published: dt.date, expected: PartialDate) -> None:
    from loaders.dates import relative_dates

    assert [d for _, _, d in relative_dates(text, published)] == [expected]


def test_a_day_without_a_year_takes_the_articles_year() -> None:
    from loaders.dates import complete

    assert complete(PartialDate(None, 5, 17), dt.date(2018, 6, 1)) == PartialDate(2018, 5, 17)
    assert complete(PartialDate(None, 12, 20), dt.date(2019, 1, 5)) == PartialDate(2018, 12, 20)
    assert complete(PartialDate(None, 5, 17), None) == PartialDate(None, 5, 17)
