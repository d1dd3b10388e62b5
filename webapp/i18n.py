"""The user-interface strings, in Polish (the default) and English.

The language comes from ``?lang=pl|en`` (remembered in a cookie) or the cookie alone. Data (names, titles,
sentences) is shown as it was read; only the interface is translated.
"""
from __future__ import annotations

from flask import request

LANGS = ("pl", "en")
DEFAULT = "pl"
COOKIE = "esgraf_lang"

STRINGS: dict[str, dict[str, str]] = {
    "title": {"pl": "esgraf — graf wiedzy o ekonomii społecznej", "en": "esgraf — social economy knowledge graph"},
    "tagline": {"pl": "Współpraca ROPS, OWES, samorządów, organizacji pozarządowych, spółdzielni socjalnych "
                      "i firm, odczytana z artykułów prasowych.",
                "en": "Cooperation of regional social-policy centres, support centres, local governments, NGOs, "
                      "social cooperatives and businesses, read from news articles."},
    "home": {"pl": "Start", "en": "Home"},
    "search": {"pl": "Szukaj", "en": "Search"},
    "search_placeholder": {"pl": "osoba, organizacja, powiat…", "en": "person, organisation, county…"},
    "query": {"pl": "Zapytania SPARQL", "en": "SPARQL queries"},
    "downloads": {"pl": "Pobieranie", "en": "Downloads"},
    "network": {"pl": "Mapa współpracy", "en": "Cooperation map"},
    "counties": {"pl": "Powiaty", "en": "Counties"},
    "articles": {"pl": "Artykuły", "en": "Articles"},
    "persons": {"pl": "Osoby", "en": "People"},
    "organizations": {"pl": "Organizacje", "en": "Organisations"},
    "events": {"pl": "Spotkania", "en": "Meetings"},
    "agreements": {"pl": "Porozumienia", "en": "Agreements"},
    "partnerships": {"pl": "Partnerstwa", "en": "Partnerships"},
    "projects": {"pl": "Projekty", "en": "Projects"},
    "triples": {"pl": "Trójki RDF", "en": "RDF triples"},
    "in_numbers": {"pl": "Graf w liczbach", "en": "The graph in numbers"},
    "results_for": {"pl": "Wyniki dla", "en": "Results for"},
    "no_results": {"pl": "Nic nie znaleziono.", "en": "Nothing found."},
    "kind": {"pl": "Rodzaj", "en": "Kind"},
    "sector": {"pl": "Sektor", "en": "Sector"},
    "aliases": {"pl": "Inne nazwy", "en": "Other names"},
    "roles": {"pl": "Funkcje i członkostwa", "en": "Roles and memberships"},
    "people_here": {"pl": "Osoby w organizacji", "en": "People in the organisation"},
    "facts": {"pl": "Powiązania", "en": "Links"},
    "source": {"pl": "Źródło", "en": "Source"},
    "sources": {"pl": "Wzmianki w artykułach", "en": "Mentions in articles"},
    "as_data": {"pl": "Dane", "en": "Data"},
    "iri": {"pl": "Identyfikator", "en": "Identifier"},
    "published": {"pl": "Data publikacji", "en": "Published"},
    "original": {"pl": "Oryginał artykułu", "en": "Original article"},
    "read_from": {"pl": "Odczytano z artykułu", "en": "Read from the article"},
    "sentences": {"pl": "Zdania", "en": "Sentences"},
    "actors": {"pl": "Podmioty działające w powiecie", "en": "Actors in the county"},
    "in_county": {"pl": "W powiecie", "en": "In the county"},
    "dumps": {"pl": "Pełne zrzuty danych", "en": "Full data dumps"},
    "schema": {"pl": "Ontologia i kształty SHACL", "en": "Ontology and SHACL shapes"},
    "void": {"pl": "Opis zbioru (VoID, DCAT)", "en": "Dataset description (VoID, DCAT)"},
    "licence": {"pl": "Dane na licencji CC BY 4.0.", "en": "Data licensed under CC BY 4.0."},
    "endpoint": {"pl": "Punkt dostępu SPARQL", "en": "SPARQL endpoint"},
    "truncated": {"pl": "Wynik obcięto do pierwszych {n} wierszy.", "en": "Results cut to the first {n} rows."},
    "query_help": {"pl": "Zakładki zawierają przykładowe zapytania. Ctrl+Enter uruchamia zapytanie.",
                   "en": "The tabs hold example queries. Ctrl+Enter runs a query."},
    "error": {"pl": "Błąd", "en": "Error"},
    "back_home": {"pl": "Wróć na stronę główną", "en": "Back to the home page"},
    "ontology": {"pl": "Ontologia esgraf", "en": "The esgraf ontology"},
    "classes": {"pl": "Klasy", "en": "Classes"},
    "properties": {"pl": "Własności", "en": "Properties"},
    "other": {"pl": "Inne", "en": "Other"},
    "type": {"pl": "Typ", "en": "Type"},
    "date": {"pl": "Data", "en": "Date"},
    "language": {"pl": "English", "en": "Polski"},
    "more": {"pl": "więcej", "en": "more"},
    "skip": {"pl": "Przejdź do treści", "en": "Skip to content"},
}

#: how a link reads, by (direction, predicate local name); "out": the page's entity is the subject
RELATIONS: dict[tuple[str, str], dict[str, str]] = {
    ("out", "memberOf"): {"pl": "członek / funkcja w", "en": "member of / role in"},
    ("in", "memberOf"): {"pl": "osoby", "en": "people"},
    ("out", "attendee"): {"pl": "uczestnicy", "en": "attendees"},
    ("in", "attendee"): {"pl": "uczestniczył(a) w", "en": "attended"},
    ("out", "organizer"): {"pl": "organizator", "en": "organiser"},
    ("in", "organizer"): {"pl": "zorganizował(a)", "en": "organised"},
    ("out", "location"): {"pl": "miejsce", "en": "location"},
    ("in", "location"): {"pl": "miejsce spotkań", "en": "venue of"},
    ("out", "spatial"): {"pl": "powiat / obszar", "en": "county / area"},
    ("in", "spatial"): {"pl": "dotyczą tego obszaru", "en": "about this area"},
    ("out", "signatory"): {"pl": "sygnatariusze", "en": "signatories"},
    ("in", "signatory"): {"pl": "podpisał(a) porozumienia", "en": "signed"},
    ("out", "initiator"): {"pl": "inicjator", "en": "initiator"},
    ("in", "initiator"): {"pl": "zainicjował(a)", "en": "initiated"},
    ("out", "founder"): {"pl": "założyciel", "en": "founder"},
    ("in", "founder"): {"pl": "założył(a)", "en": "founded"},
    ("out", "partner"): {"pl": "partnerzy", "en": "partners"},
    ("in", "partner"): {"pl": "partner w", "en": "partner in"},
    ("out", "leadPartner"): {"pl": "lider", "en": "lead partner"},
    ("in", "leadPartner"): {"pl": "lider w", "en": "lead partner in"},
    ("out", "funder"): {"pl": "finansowanie", "en": "funded by"},
    ("in", "funder"): {"pl": "finansuje", "en": "funds"},
    ("out", "subOrganizationOf"): {"pl": "jednostka organizacji", "en": "unit of"},
    ("in", "subOrganizationOf"): {"pl": "jednostki", "en": "units"},
    ("out", "governs"): {"pl": "zarządza obszarem", "en": "governs"},
    ("in", "governs"): {"pl": "samorząd", "en": "governed by"},
    ("out", "isPartOf"): {"pl": "część", "en": "part of"},
    ("in", "isPartOf"): {"pl": "obejmuje", "en": "includes"},
    ("out", "containedInPlace"): {"pl": "leży w", "en": "lies in"},
    ("in", "containedInPlace"): {"pl": "obejmuje", "en": "contains"},
    ("out", "sameAs"): {"pl": "to samo co", "en": "same as"},
    ("out", "about"): {"pl": "relacjonuje", "en": "reports on"},
    ("in", "subjectOf"): {"pl": "opisane w", "en": "described in"},
    ("out", "subjectOf"): {"pl": "opisane w", "en": "described in"},
}


#: how a literal property reads, by predicate local name
PROPERTIES: dict[str, dict[str, str]] = {
    "terytCode": {"pl": "kod TERYT", "en": "TERYT code"},
    "startDate": {"pl": "data", "en": "date"},
    "date": {"pl": "data", "en": "date"},
    "roleTitle": {"pl": "funkcja", "en": "role"},
    "identifier": {"pl": "identyfikator", "en": "identifier"},
    "anchorOf": {"pl": "tekst", "en": "text"},
    "beginIndex": {"pl": "początek", "en": "start"},
    "endIndex": {"pl": "koniec", "en": "end"},
    "title": {"pl": "tytuł", "en": "title"},
    "issued": {"pl": "data publikacji", "en": "published"},
    "comment": {"pl": "opis", "en": "description"},
    "definition": {"pl": "definicja", "en": "definition"},
}


def current_lang() -> str:
    lang = request.args.get("lang") or request.cookies.get(COOKIE) or DEFAULT
    return lang if lang in LANGS else DEFAULT


def t(key: str, **kw: object) -> str:
    """The interface string ``key`` in the current language."""
    text = STRINGS.get(key, {}).get(current_lang()) or key
    return text.format(**kw) if kw else text


def relation_label(direction: str, predicate: str) -> str:
    local = predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    names = RELATIONS.get((direction, local))
    if names:
        return names[current_lang()]
    return local if direction == "out" else f"← {local}"


def property_label(predicate: str) -> str:
    local = predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    names = PROPERTIES.get(local)
    return names[current_lang()] if names else local
