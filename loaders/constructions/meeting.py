"""The meeting an article reports: the event itself, its date, organisers, venue, people and county.

"organizatorem spotkania był X we współpracy z Y", "zorganizowane przez X oraz Y", "w siedzibie X", "w sali
konferencyjnej X". Meeting words and cues are data (``event_words.tsv``, ``words.toml``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from graph.model import Entity
from graph.slug import slugify
from loaders.dates import PartialDate, complete, find_dates, relative_dates
from loaders.constructions.places import coordinated
from loaders.doc import Doc
from loaders.registry import construction
from loaders.lexical import future_reading
from loaders.relate import after, says
from loaders.tokens import ABBREVIATIONS, Token


def event_sentences(doc: Doc) -> list[int]:
    """The sentences that tell of the meeting: a meeting's noun, or a verb of meeting that says what happened
    ("odbyło się", "spotkali się"), not what may happen ("można spotkać ludzi"), nor another occasion ("Rok temu
    podobne forum odbyło się w Krośnie"), unless the article tells of no other."""
    if "meeting sentences" not in doc.derived:
        out = _told(doc)
        this = [s for s in out if not other_occasion(doc, s)]
        doc.derived["meeting sentences"] = tuple(this or out)
    return list(doc.derived["meeting sentences"])  # type: ignore[call-overload]


def _told(doc: Doc) -> list[int]:
    """The sentences with a meeting's noun or a verb of meeting, whichever occasion they tell of."""
    if "told sentences" not in doc.derived:
        doc.derived["told sentences"] = tuple(_telling(doc))
    return list(doc.derived["told sentences"])  # type: ignore[call-overload]


def _reports_past(doc: Doc) -> bool:
    """Whether the article tells of a meeting past ("odbyło się"), so that one still to come is another."""
    if "reports past" not in doc.derived:
        doc.derived["reports past"] = any(_past(doc.sentence_tokens(r)) for r in _told(doc))
    return bool(doc.derived["reports past"])


def _telling(doc: Doc) -> list[int]:
    nouns_ = frozenset(doc.gaz.event_words)
    verbs = doc.gaz.words("event_verbs")
    out = []
    for s in range(len(doc.sentences)):
        for t in doc.sentence_tokens(s):
            if t.lemmas & nouns_ or t.text.lower() in nouns_ or t.lemmas & verbs and any(
                    i.pos in ("praet", "fin", "ppas", "pact", "ger", "imps", "bedzie") and i.lemma in verbs
                    for i in t.interps):
                out.append(s)
                break
    return out


def other_occasion(doc: Doc, s: int) -> bool:
    """Whether sentence ``s`` tells of another occasion than the article's meeting: "Rok temu …", "Kolejne
    spotkanie …", or, in a report of a meeting past, verbs of the future only ("… poprowadzi je wójt"); an
    announcement's meeting is still to come."""
    if says(doc, s, "other_occasion_phrases"):
        return True
    return _future_only(doc.sentence_tokens(s)) and _reports_past(doc)


def _future_only(toks: list[Token]) -> bool:
    verbs = [i for t in toks for i in t.interps if i.pos in ("praet", "fin", "bedzie", "imps")]
    return bool(verbs) and all(future_reading(i) for i in verbs)


def _past(toks: list[Token]) -> bool:
    """A verb that can only be read as the past: "odbyło się", "podpisano"."""
    return any(t.interps and all(i.pos in ("praet", "imps") for i in t.interps) for t in toks)


@construction("meeting", "relations", patterned=False)
def meeting(doc: Doc) -> None:
    """The event the article reports, named by its headline, with its date and the county it is about."""
    ev_sents = event_sentences(doc)
    if not ev_sents:
        return
    a = doc.article
    key = slugify(a.id)
    label = short_label(a.title or doc.sentences[ev_sents[0]].text)
    ev = Entity(key=key, type="Event", name=label, sentences=set(ev_sents[:1]))
    doc.entities[key] = ev
    assert doc.extraction is not None
    doc.extraction.event = key
    _event_date(doc, ev, ev_sents)
    county = doc.entities.get(doc.main_county) if doc.main_county else None
    if county is not None and _meeting_place(doc, county, ev_sents[:3]):
        doc.relate("about", key, county.key, min(county.sentences) if county.sentences else None, "meeting")
        for m in [m for m in doc.of_type("County") if doc.key(m) == county.key]:
            for other in coordinated(doc, m)[1:]:  # "z powiatów kartuskiego i kościerskiego": each of them
                doc.relate("about", key, doc.key(other), other.sentence, "meeting")


@construction("meeting-area", "relations", patterned=False)
def meeting_area(doc: Doc) -> None:
    """The article's county is what the meeting is about, though named only once and late, when the meeting's
    venue or an organiser lies in it ("w Sokólskim Ośrodku Kultury", "Organizatorem było PCPR w Sokółce")."""
    ev = doc.extraction.event if doc.extraction else None
    county = doc.main_county
    if not ev or not county or county not in doc.entities \
            or any(r.s == ev and r.kind == "about" for r in doc.relations("about")):
        return
    hosts = {r.o: r.sentence for r in doc.relations() if r.s == ev and r.kind in ("location", "organizer")}
    for key, s in hosts.items():
        if key.startswith(county) and doc.entities[key].type == "Municipality":
            doc.relate("about", ev, county, s, "meeting-area")  # "w Sokółce"
            return
        for m in doc.mentions:
            if doc.key(m) == key and ((m.county or "").split(",")[0] == county or (m.gmina or "").startswith(county)):
                doc.relate("about", ev, county, s, "meeting-area")
                return


def _meeting_place(doc: Doc, county: Entity, sentences: list[int]) -> bool:
    """The county a meeting is about: named more than once, in the headline, or where the meeting is told of."""
    if len(county.mentions) >= 2 or county.sentences & set(sentences):
        return True
    title = (doc.article.title or "").lower()
    return bool(title) and county.name.split()[-1][:-2] in title


def _event_date(doc: Doc, ev: Entity, ev_sents: list[int]) -> None:
    """The meeting's day: the first date in the sentences that tell of it, else the first in the article; a day
    without a year takes the article's year, and "wczoraj", "w środę" count from the article's day."""
    found = meeting_date(doc, ev_sents[:3]) or meeting_date(doc, range(min(len(doc.sentences), 3)))
    if found is None:
        return
    s, d = found
    if d.year:
        ev.date = d.as_date()
    else:
        ev.date_partial = d.gmonthday()
    ev.sentences.add(s)


def meeting_date(doc: Doc, sentences: Iterable[int]) -> tuple[int, PartialDate] | None:
    """The first day-and-month date of ``sentences``, completed from the article's own date."""
    published = doc.article.published
    year = published.year if published else None
    for s in sentences:
        text = doc.sentences[s].text
        dates = find_dates(text, default_year=year)
        if published is not None:
            dates = sorted(dates + relative_dates(text, published), key=lambda x: x[0])
        for _a, _b, d in dates:
            if d.day and d.month:
                return s, complete(d, published)
    return None


def project_partner_people(doc: Doc) -> set[str]:
    """People named as the partnership of a project ("w partnerstwie z Janem Nowakiem"): partners, not guests."""
    from loaders.constructions.projects import project_in

    out: set[str] = set()
    for s in range(len(doc.sentences)):
        toks = doc.sentence_tokens(s)
        for n, t in enumerate(toks):
            if "partnerstwo" in t.lemmas and n and toks[n - 1].text.lower() == "w" and project_in(doc, s):
                out |= {k for m in after(doc, s, t.i, ("Person",)) if (k := doc.key(m))}
    return out


def short_label(text: str, limit: int = 120) -> str:
    """A label of at most ``limit`` characters: the first sentence, cut at a word."""
    text = " ".join(text.split())
    for m in re.finditer(r"[.!?] ", text[:limit]):
        word = text[: m.start()].rsplit(" ", 1)[-1].lower()
        if m.group()[0] == "." and (word in ABBREVIATIONS or word.isdigit()):
            continue  # "24 czerwca br. odbyło się…" goes on
        text = text[: m.start() + 1]
        break
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
