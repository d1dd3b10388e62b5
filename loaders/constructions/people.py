"""People: a first name from the dictionary, perhaps a second one, and a surname, put in the nominative.

"Dariusza Dąbrowskiego" is Dariusz Dąbrowski, "Karolina Maria Zapała" keeps both given names, and a
double-barrelled surname written with spaces around its dash ("Małgorzata Góźdź – Morawska", "Joanna
Michalska- Reda") is one surname. Titles before a name ("Pan", "ks.", "dr hab.") are not part of it, and a
name after "im." or "św." is an institution's patron, not a person.
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.lexical import head_lemma, is_first_name, is_patron, is_person_start, surname_like
from loaders.morph import morph
from loaders.names import person_name
from loaders.registry import construction
from loaders.tokens import DASHES, Token
from loaders.towns import town_at


@construction("person-name", "mentions", patterned=False)
def person_names(doc: Doc) -> None:
    """First name(s) and a surname: "Anna Górak", "Renacie Janik", "Krystyny Żejmo-Wysockiej"."""
    toks = doc.tokens
    inside_quotes = {j for q, e in doc.quotes.items() for j in range(q, e + 1)}
    k = 0
    while k < len(toks) - 1:
        if k in inside_quotes or is_patron(doc, k) or not doc.is_free(k, k + 2):
            k += 1
            continue
        if not is_person_start(doc, k):
            k = _after_title(doc, k) or k + 1
            continue
        end = k + 1  # the surname's token
        while end + 1 < len(toks) and is_first_name(toks[end]) and end - k < 2 and toks[end + 1].is_cap \
                and not toks[end + 1].is_upper and not head_lemma(doc.gaz, toks[end + 1]) \
                and surname_like(toks[end + 1]) and toks[end + 1].sentence == toks[k].sentence:
            end += 1  # a second given name: "Karolina Maria Zapała"
        span = toks[k:end + 1]
        if any(t.is_upper for t in span):
            k += 1
            continue
        second = _second_surname(doc, end)
        if second is not None:
            span = span[:-1] + [_joined(toks[end], toks[second])]
            last = second
        else:
            last = end
        res = person_name(span)
        if res is None or _a_town(doc, k, last + 1):
            k += 1
            continue
        name, gender = res
        doc.add(Mention("Person", k, last + 1, name, toks[k].sentence, gender=gender), "person-name")
        k = last + 1


def _a_town(doc: Doc, k: int, end: int) -> bool:
    """Tokens ``k``..``end`` after a preposition of place or in a list are a town's whole name, not a person's
    ("z Lewina Brzeskiego")."""
    prev = doc.tok(k - 1)
    if prev is None or prev.text.lower() not in doc.gaz.words("place_prepositions") \
            or prev.sentence != doc.tokens[k].sentence:
        return False
    hit = town_at(doc, k)
    return hit is not None and hit[0] == end


def _after_title(doc: Doc, k: int) -> int | None:
    """A name whose first name the dictionary lacks, after "Pan" or "Pani": "Pani Andżelika Wardęga". Only the
    nominative is read (a woman's first name in -a, a man's without it); one past the name, or None."""
    t, first, last = doc.tok(k), doc.tok(k + 1), doc.tok(k + 2)
    if t is None or first is None or last is None or t.text.lower() not in ("pan", "pani"):
        return None
    if first.sentence != t.sentence or last.sentence != t.sentence or not first.is_cap or first.is_upper \
            or not last.is_cap or last.is_upper or not surname_like(last) or head_lemma(doc.gaz, last):
        return None
    if any(i.pos != "ign" for i in first.interps) or "-" in first.text:
        return None  # a known word is no first name here; known first names are read the usual way
    female = t.text.lower() == "pani"
    if female != first.text.endswith("a"):
        return None
    doc.add(Mention("Person", k + 1, k + 3, f"{first.text} {last.text}", t.sentence, gender="f" if female else "m"),
            "person-name")
    return k + 3


def _second_surname(doc: Doc, end: int) -> int | None:
    """The index of the second part of a surname written "Góźdź – Morawska" after token ``end``, or None."""
    dash, part = doc.tok(end + 1), doc.tok(end + 2)
    if dash is None or part is None or dash.text not in DASHES or part.sentence != dash.sentence:
        return None
    if "-" in doc.tokens[end].text or "-" in part.text or len(part.text) < 3 or not part.text[1:].islower() \
            or not surname_like(part):
        return None  # "Pawła Morawczyńskiego – Z-ce Prezesa" is no surname
    gaz = doc.gaz
    low = part.text.lower()
    if head_lemma(gaz, part) or low in gaz.words("honorifics") or part.lemmas & gaz.words("honorifics"):
        return None
    if low in gaz.words("role_heads") or part.lemmas & gaz.words("role_heads"):
        return None  # "Jan Nowak – Dyrektor …"
    if is_person_start(doc, end + 2):
        return None  # "Jan Nowak – Anna Kowalska"
    after = doc.tok(end + 3)
    if after is not None and after.sentence == part.sentence and after.is_cap and not after.is_upper \
            and is_first_name(part):
        return None
    return end + 2


def _joined(a: Token, b: Token) -> Token:
    """One token for a surname written in two parts around a dash."""
    text = f"{a.text}-{b.text}"
    return Token(a.i, text, a.start, b.end, "word", a.sentence, interps=morph().analyse(text),
                 lemmas=a.lemmas | b.lemmas)
