"""Member lists: "W skład Zespołu wchodzą: • Pan Jan Nowak – …", "Członkami partnerstwa są: A, B i C", "nowych
członków, którymi zostali: …".

Each person listed is a member (role "członek") of the body; each organisation listed is a partner of a
partnership. A list of new members with no body named belongs to the body whose meeting the article reports.
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.lists import list_items
from loaders.matcher import Match
from loaders.registry import construction
from loaders.relate import main_of


def meeting_body(doc: Doc) -> Mention | None:
    """The body whose meeting the article reports: "posiedzenie Regionalnego Komitetu … (RKES)"."""
    nouns = doc.gaz.words("body_meeting_nouns")
    for m in doc.of_type("Organization"):
        k = m.start - 1
        while k >= 0 and doc.tokens[k].is_word and not doc.tokens[k].is_cap and k >= m.start - 3:
            if doc.tokens[k].lemmas & nouns:
                return m
            k -= 1
    return None


@construction("members-of", "relations", slots=("body?", "cue?", "ref?"))
def members_of(doc: Doc, match: Match) -> None:
    """The list after "W skład X wchodzą", "Członkami X są", or "członków, którymi zostali"; "W skład partnerstwa
    weszli" and "Partnerami partnerstwa są" name the partnership the article names."""
    span = match.span("body")
    if match.span("ref"):
        key = main_of(doc, "Partnership", match.sentence)
        body = None
        if key is None:
            return
    else:
        body = doc.outer_at(span[0]) if span else meeting_body(doc)
        if body is None or doc.key(body) is None:
            return
        key = doc.key(body)
    is_partnership = doc.entities[key].type == "Partnership"
    role = doc.gaz.role_label("czlonek")
    for it in list_items(doc, match.end, match.sentence):
        person = it.first("Person")
        first = it.mentions[0]
        if is_partnership:  # a partnership's members are its partners, people or organisations
            doc.relate("partner", key, doc.key(person or first), it.sentence, "members-of")
        elif person is not None:
            doc.relate("role", doc.key(person), key, it.sentence, "members-of", role=role, title=role)
