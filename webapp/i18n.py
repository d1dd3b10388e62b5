"""The user-interface strings, in Polish (the default) and English.

The language comes from ``?lang=pl|en`` (remembered in a cookie) or the cookie alone. Data (names, titles,
sentences) is shown as it was read; only the interface is translated.
"""
from __future__ import annotations

from flask import request

from graph.iri import local_name

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
    # errors
    "status_400": {"pl": "Tego zapytania nie da się wykonać: któraś z wartości jest niepoprawna.",
                   "en": "This request cannot be answered: a value in it is not valid."},
    "status_404": {"pl": "Nie ma tu takiej strony.", "en": "There is no such page here."},
    "status_405": {"pl": "Ta strona nie przyjmuje takiego zapytania.", "en": "This page does not take such a request."},
    "status_406": {"pl": "Tej strony nie ma w żądanym formacie.", "en": "This page is not available in that format."},
    "status_413": {"pl": "Przesłane dane są zbyt duże.", "en": "The data sent is too large."},
    "status_503": {"pl": "Serwer nie zdążył odpowiedzieć; spróbuj za chwilę.",
                   "en": "The server could not answer in time; try again shortly."},
    "status_other": {"pl": "Coś poszło nie tak.", "en": "Something went wrong."},
    "technical_detail": {"pl": "Szczegóły techniczne", "en": "Technical detail"},
    "unknown_entity": {"pl": "W grafie nie ma niczego o identyfikatorze {iri}.",
                       "en": "The graph knows nothing about {iri}."},
    "unknown_article": {"pl": "W grafie nie ma artykułu {iri}.", "en": "The graph has no article {iri}."},
    "unknown_download": {"pl": "Nie ma pobierania w formacie {fmt}.", "en": "There is no download as {fmt}."},
    # entity pages
    "wikidata": {"pl": "Wikidane", "en": "Wikidata"},
    "same_as": {"pl": "W innych zbiorach danych", "en": "In other datasets"},
    "notes": {"pl": "Zdania, z których odczytano te informacje", "en": "Sentences this was read from"},
    "signed_on": {"pl": "Data podpisania", "en": "Signed on"},
    "signatories": {"pl": "Sygnatariusze", "en": "Signatories"},
    "initiators": {"pl": "Inicjatorzy", "en": "Initiators"},
    "held_on": {"pl": "Data", "en": "Date"},
    "venue": {"pl": "Miejsce", "en": "Venue"},
    "organisers": {"pl": "Organizatorzy", "en": "Organisers"},
    "headline": {"pl": "Opisane w artykule", "en": "Reported in the article"},
    "network_legend": {"pl": "Legenda", "en": "Legend"},
    # area pages
    "area_map": {"pl": "Mapa współpracy", "en": "Cooperation map"},
    "full_map": {"pl": "Otwórz pełną mapę z filtrem tego obszaru", "en": "Open the full map filtered to this area"},
    "who_with_whom": {"pl": "Kto z kim współpracuje", "en": "Who cooperates with whom"},
    "who_with_whom_help": {"pl": "Każdy wiersz to para organizacji, które coś łączy: wspólne spotkanie, porozumienie, "
                                 "partnerstwo, projekt, podległość (jednostka) albo założenie. Kliknij nagłówek, "
                                 "aby posortować.",
                           "en": "Each row is a pair of organisations tied by something: a shared meeting, "
                                 "agreement, partnership or project, a unit or a founder. Click a heading to sort."},
    "org_a": {"pl": "Organizacja", "en": "Organisation"},
    "org_b": {"pl": "Partner", "en": "Partner"},
    "how_tied": {"pl": "Jak współpracują", "en": "How they are tied"},
    "when": {"pl": "Kiedy", "en": "When"},
    "strength": {"pl": "Wspólne działania", "en": "Shared activities"},
    "timeline": {"pl": "Oś czasu: partnerstwa, porozumienia i spotkania", "en": "Timeline: partnerships, agreements and meetings"},
    "undated": {"pl": "bez daty", "en": "undated"},
    "organisations_here": {"pl": "Organizacje działające na tym obszarze", "en": "Organisations active in this area"},
    "not_on_map": {"pl": "bez powiązań na mapie", "en": "no ties on the map"},
    "measures": {"pl": "Co mówią miary współpracy", "en": "What the measures of cooperation say"},
    "no_ties": {"pl": "Nie odczytano jeszcze żadnych powiązań między organizacjami na tym obszarze.",
                "en": "No ties between organisations in this area have been read yet."},
    "counties_of": {"pl": "Powiaty województwa", "en": "Counties of the voivodeship"},
    "in_voivodeship": {"pl": "województwo", "en": "voivodeship"},
    "downloads_for": {"pl": "Pobierz", "en": "Download"},
    "for_spreadsheets": {"pl": "do arkusza (Excel)", "en": "for spreadsheets (Excel)"},
    "for_tools": {"pl": "do programów (Gephi, R, Python)", "en": "for tools (Gephi, R, Python)"},
    "picture": {"pl": "obraz i wydruk", "en": "picture and print"},
    "ties_table": {"pl": "powiązania", "en": "ties"},
    "metrics_table": {"pl": "miary organizacji", "en": "organisation measures"},
    "print_layout": {"pl": "wersja do druku", "en": "print layout"},
    "via_people": {"pl": "reprezentanci", "en": "represented by"},
    "partners_n": {"pl": "Partnerzy", "en": "Partners"},
    "betweenness_word": {"pl": "Pośrednictwo", "en": "Betweenness"},
    "print_hint": {"pl": "Wydrukuj tę stronę (Ctrl+P): mapa mieści się na jednej stronie A4, tabele na kolejnych.",
                   "en": "Print this page (Ctrl+P): the map fits one A4 page, the tables follow."},
    "nodes_word": {"pl": "węzły", "en": "nodes"},
    "edges_word": {"pl": "powiązania", "en": "ties"},
    "unknown_area": {"pl": "Nie ma powiatu ani województwa o nazwie „{name}”.",
                     "en": "No county or voivodeship is named “{name}”."},
    "summary_line": {"pl": "Na mapie: {orgs}, {ties}.", "en": "On the map: {orgs}, {ties}."},
    # the cooperation map's page, its files and pictures (by the rest of the key: i18n.section("map"))
    "map_title": {"pl": "Mapa współpracy", "en": "Cooperation map"},
    "map_area": {"pl": "Obszar", "en": "Area"},
    "map_all": {"pl": "cała Polska", "en": "all of Poland"},
    "map_whole": {"pl": "całe województwo", "en": "whole voivodeship"},
    "map_area_placeholder": {"pl": "wpisz nazwę powiatu lub województwa…",
                             "en": "type a county or voivodeship name…"},
    "map_from": {"pl": "Od", "en": "From"},
    "map_to": {"pl": "Do", "en": "To"},
    "map_sectors": {"pl": "Sektory", "en": "Sectors"},
    "map_kinds": {"pl": "Rodzaje powiązań", "en": "Tie kinds"},
    "map_min_weight": {"pl": "Co najmniej wspólnych działań", "en": "At least this many shared activities"},
    "map_people": {"pl": "Pokaż osoby", "en": "Show people"},
    "map_size_by": {"pl": "Wielkość węzła", "en": "Node size"},
    "map_show": {"pl": "Pokaż", "en": "Show"},
    "map_reset": {"pl": "Wyczyść", "en": "Clear"},
    "map_filters": {"pl": "Filtry", "en": "Filters"},
    "map_download": {"pl": "Pobierz", "en": "Download"},
    "map_metrics": {"pl": "Miary organizacji", "en": "Organisation measures"},
    "map_mixing": {"pl": "Współpraca międzysektorowa", "en": "Cross-sector cooperation"},
    "map_explain": {"pl": "Co mówią miary", "en": "What the measures say"},
    "map_loading": {"pl": "Wczytywanie mapy…", "en": "Loading the map…"},
    "map_ego": {"pl": "Sieć współpracy", "en": "Cooperation network"},
    "map_panel": {"pl": "Wybrana organizacja", "en": "Selected organisation"},
    "map_help": {"pl": "Kliknij organizację, aby wyróżnić jej powiązania i zobaczyć partnerów. Kółkiem myszy "
                       "przybliżysz mapę; pełne nazwy pokazują się po najechaniu i po przybliżeniu.",
                 "en": "Click an organisation to highlight its ties and see its partners. The mouse wheel zooms; "
                       "whole names show on hover and when zoomed in."},
    "map_degree": {"pl": "liczba partnerów", "en": "number of partners"},
    "map_betweenness": {"pl": "pośrednictwo", "en": "betweenness"},
    "map_weighted_degree": {"pl": "wspólne działania", "en": "shared activities"},
    "map_period": {"pl": "Okres", "en": "Period"},
    "map_all_dates": {"pl": "wszystkie daty", "en": "all dates"},
    "map_since": {"pl": "od {a}", "en": "from {a}"},
    "map_until": {"pl": "do {b}", "en": "until {b}"},
    "map_between": {"pl": "od {a} do {b}", "en": "from {a} to {b}"},
    "map_state": {"pl": "Stan danych", "en": "Data as of"},
    "map_source": {"pl": "Źródło", "en": "Source"},
    "map_licence": {"pl": "Licencja", "en": "Licence"},
    "map_ties_title": {"pl": "Kto z kim współpracuje", "en": "Who cooperates with whom"},
    "map_metrics_title": {"pl": "Miary organizacji", "en": "Organisation measures"},
    # the words the map's scripts write (static/network/map.js, page.js)
    "script_degree": {"pl": "Partnerzy", "en": "Partners"},
    "script_betweenness": {"pl": "Pośrednictwo", "en": "Betweenness"},
    "script_weight": {"pl": "Wspólne działania", "en": "Shared activities"},
    "script_county": {"pl": "Powiat", "en": "County"},
    "script_kind": {"pl": "Rodzaj", "en": "Kind"},
    "script_sector": {"pl": "Sektor", "en": "Sector"},
    "script_name": {"pl": "Nazwa", "en": "Name"},
    "script_wdegree": {"pl": "Wspólne działania (suma)", "en": "Shared activities (sum)"},
    "script_community": {"pl": "Grupa", "en": "Group"},
    "script_failed": {"pl": "Nie udało się wczytać mapy.", "en": "The map could not be loaded."},
    "script_empty": {"pl": "Brak powiązań dla tych ustawień.", "en": "No ties for these settings."},
    "script_loading": {"pl": "Wczytywanie mapy…", "en": "Loading the map…"},
    "script_nowebgl": {"pl": "Ta przeglądarka nie rysuje grafiki WebGL: poniżej obraz mapy.",
                      "en": "This browser does not draw WebGL: a picture of the map follows."},
    "script_search": {"pl": "Szukaj na mapie", "en": "Search the map"},
    "script_search_placeholder": {"pl": "nazwa organizacji…", "en": "organisation name…"},
    "script_no_match": {"pl": "Nic nie znaleziono", "en": "Nothing found"},
    "script_partners": {"pl": "Partnerzy", "en": "Partners"},
    "script_open_page": {"pl": "Strona organizacji", "en": "Organisation's page"},
    "script_close": {"pl": "Zamknij", "en": "Close"},
    "script_panel_help": {"pl": "Kliknij organizację na mapie, aby zobaczyć jej partnerów i to, co ich łączy.",
                         "en": "Click an organisation on the map to see its partners and what ties them."},
    "script_articles": {"pl": "Artykuły", "en": "Articles"},
    "script_via": {"pl": "reprezentant", "en": "represented by"},
    "script_cross": {"pl": "powiązanie międzysektorowe", "en": "tie across sectors"},
    "script_same": {"pl": "powiązanie w sektorze", "en": "tie within a sector"},
    "script_focus": {"pl": "ta strona", "en": "this page"},
    "script_ties_of": {"pl": "Powiązania", "en": "Ties"},
    "script_coordinator": {"pl": "koordynator", "en": "coordinator"},
    "script_gatekeeper": {"pl": "strażnik", "en": "gatekeeper"},
    "script_representative": {"pl": "reprezentant", "en": "representative"},
    "script_itinerant": {"pl": "konsultant", "en": "consultant"},
    "script_liaison": {"pl": "łącznik", "en": "liaison"},
    "script_internal": {"pl": "wewnątrz sektora", "en": "within a sector"},
    "script_external": {"pl": "między sektorami", "en": "across sectors"},
    "script_all": {"pl": "Cała mapa", "en": "Whole map"},
    "script_ties": {"pl": "Powiązania", "en": "Ties"},
    "script_share": {"pl": "Udział", "en": "Share"},
    "script_ei": {"pl": "Indeks E-I", "en": "E-I index"},
    "script_cross_share": {"pl": "powiązań łączy różne sektory", "en": "of ties cross sectors"},
    "script_approx": {"pl": "(szacunek z próby)", "en": "(estimated from a sample)"},
    "script_zoom_in": {"pl": "Przybliż", "en": "Zoom in"},
    "script_zoom_out": {"pl": "Oddal", "en": "Zoom out"},
    "script_zoom_reset": {"pl": "Cała mapa", "en": "Whole map"},
    # words of the downloaded files' names, so a file says what it is in the reader's language
    "file_ties": {"pl": "powiazania", "en": "ties"},
    "file_metrics": {"pl": "miary", "en": "measures"},
}

#: the short name of each HTTP status a page may show
STATUS_TEXT: dict[int, dict[str, str]] = {
    400: {"pl": "Błędne zapytanie", "en": "Bad request"},
    404: {"pl": "Nie znaleziono", "en": "Not found"},
    405: {"pl": "Niedozwolona metoda", "en": "Method not allowed"},
    406: {"pl": "Niedostępny format", "en": "Not acceptable"},
    413: {"pl": "Za duże dane", "en": "Payload too large"},
    500: {"pl": "Błąd serwera", "en": "Server error"},
    503: {"pl": "Serwer zajęty", "en": "Service unavailable"},
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
    ("out", "sameAs"): {"pl": "w innych zbiorach danych", "en": "in other datasets"},
    ("out", "about"): {"pl": "relacjonuje", "en": "reports on"},
    ("in", "subjectOf"): {"pl": "opisane w", "en": "described in"},
    ("out", "subjectOf"): {"pl": "opisane w", "en": "described in"},
}


#: how a literal property reads, by predicate local name
PROPERTIES: dict[str, dict[str, str]] = {
    "terytCode": {"pl": "kod TERYT", "en": "TERYT code"},
    "startDate": {"pl": "data", "en": "date"},
    "publication": {"pl": "data publikacji", "en": "published"},
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


def section(name: str, lang: str) -> dict[str, str]:
    """The strings whose keys begin with ``name_``, by the rest of their key, in ``lang``: what a template of
    one feature reads as ``s.title``."""
    prefix = f"{name}_"
    return {k[len(prefix):]: v[lang] for k, v in STRINGS.items() if k.startswith(prefix)}


def status_text(status: int) -> str:
    names = STATUS_TEXT.get(status)
    return names[current_lang()] if names else STRINGS["error"][current_lang()]


def relation_label(direction: str, predicate: str) -> str:
    local = local_name(predicate)
    names = RELATIONS.get((direction, local))
    if names:
        return names[current_lang()]
    return local if direction == "out" else f"← {local}"


def property_label(predicate: str) -> str:
    local = local_name(predicate)
    names = PROPERTIES.get(local)
    return names[current_lang()] if names else local
