"""Two reports of one event give one event node; two similar but different events stay apart."""
from __future__ import annotations

import datetime as dt

from graph.model import Article
from loaders.pipeline import extract_corpus

SIGNING_A = ("Porozumienie podpisane\n\n20 stycznia 2017 r. w Starostwie Powiatowym w Starachowicach podpisano "
             "porozumienie o współpracy na rzecz ekonomii społecznej. W spotkaniu wziął udział Adam Jarubas, "
             "marszałek województwa. Gospodarzem był Dariusz Dąbrowski, starosta starachowicki.")
SIGNING_B = ("Będą współpracować\n\nW piątek w Starostwie Powiatowym w Starachowicach zostało podpisane porozumienie o "
             "partnerskiej współpracy. Gospodarzem spotkania był starosta Dariusz Dąbrowski, a gościem marszałek "
             "Adam Jarubas.")
OTHER = ("Spotkanie w Kielcach\n\n20 stycznia 2017 r. w Filharmonii Świętokrzyskiej odbyła się gala. Nagrody wręczyła "
         "Renata Janik.")


def events(*articles: Article) -> list[str | None]:
    return [x.event for x in extract_corpus(list(articles))]


def test_two_reports_of_one_signing_are_one_event() -> None:
    a = Article(id="a", text=SIGNING_A, source="a", title="Porozumienie podpisane")
    b = Article(id="b", text=SIGNING_B, source="b", title="Będą współpracować", published=dt.date(2017, 1, 21))
    ea, eb = events(a, b)
    assert ea is not None and ea == eb


def test_two_events_of_one_day_elsewhere_with_others_stay_apart() -> None:
    a = Article(id="a", text=SIGNING_A, source="a", title="Porozumienie podpisane")
    c = Article(id="c", text=OTHER, source="c", title="Gala")
    ea, ec = events(a, c)
    assert ea is not None and ec is not None and ea != ec


def test_the_same_place_on_different_days_is_two_events() -> None:
    a = Article(id="a", text=SIGNING_A, source="a", title="Porozumienie podpisane")
    later = Article(id="d", text=SIGNING_A.replace("20 stycznia 2017", "5 maja 2017"), source="d", title="Znów")
    ea, ed = events(a, later)
    assert ea != ed


def keys_of(type_: str, *texts: str) -> list[set[str]]:
    xs = extract_corpus([Article(id=f"a{n}", text=t, source=f"a{n}") for n, t in enumerate(texts)])
    return [{k for k, e in x.entities.items() if e.type == type_} for x in xs]


def test_one_body_however_its_name_is_written_across_articles() -> None:
    a, b = keys_of("Organization", "Spotkanie odbyło się w Centrum Kultury w Jędrzejowie.",
                   "Kiermasz odbył się w jędrzejowskim Centrum Kultury.")
    assert a == b and len(a) == 1
    a, b = keys_of("Organization", "Umowę podpisała Fundacja imienia Królowej Polski św. Jadwigi.",
                   "Głos zabrał prezes Fundacji Królowej Polski św. Jadwigi.")
    assert a == b
    a, b = keys_of("Organization", "Nagrodę otrzymała Gmina Starachowice.", "Spółdzielnię założyło Miasto Starachowice.")
    assert a == b


def test_one_partnership_of_one_aim_in_one_county() -> None:
    a, b = keys_of("Partnership",
                   "Członkowie partnerstwa lokalnego na rzecz rozwoju ekonomii społecznej w powiecie starachowickim "
                   "spotkali się.",
                   "Zawarte w powiecie starachowickim międzysektorowe partnerstwo na rzecz rozwoju ekonomii "
                   "społecznej działa.")
    assert a == b and len(a) == 1


def test_the_same_kind_in_two_towns_is_two_bodies() -> None:
    a, b = keys_of("Organization", "Spotkanie odbyło się w Centrum Kultury w Jędrzejowie.",
                   "Spotkanie odbyło się w Centrum Kultury w Końskich.")
    assert a and b and a != b


def test_one_event_has_one_date_when_one_report_gives_no_year() -> None:
    a = Article(id="a", text=SIGNING_A, source="a", title="Porozumienie podpisane")
    no_year = Article(id="b", text=SIGNING_A.replace("20 stycznia 2017 r.", "20 stycznia"), source="b", title="Znów")
    xa, xb = extract_corpus([a, no_year])
    assert xa.event == xb.event
    ea, eb = xa.entities[xa.event], xb.entities[xb.event]
    assert ea.date == eb.date == dt.date(2017, 1, 20) and not eb.date_partial
