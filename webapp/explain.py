"""What each measure of the cooperation network says, in two plain sentences: what it counts, and what its value
means for the organisations on this map. Shown beside the figures on area pages and on the map page.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from webapp.formats import count, number, plural_index


@dataclass
class Explanation:
    key: str  # ei, degree, betweenness, brokerage
    title: str
    value: str  # the figure as shown, or ""
    text: str  # two sentences


TITLES = {
    "ei": {"pl": "Indeks E-I (współpraca między sektorami)", "en": "E-I index (cooperation across sectors)"},
    "degree": {"pl": "Stopień (liczba partnerów)", "en": "Degree (number of partners)"},
    "betweenness": {"pl": "Pośrednictwo", "en": "Betweenness"},
    "brokerage": {"pl": "Role pośrednika", "en": "Brokerage roles"},
}

_EI_READING = {
    "pl": ((-0.5, "współpraca toczy się głównie wewnątrz sektorów"),
           (-0.1, "współpraca wewnątrz sektorów nieco przeważa"),
           (0.1, "współpracy wewnątrz sektorów i między nimi jest mniej więcej tyle samo"),
           (0.5, "współpraca między sektorami nieco przeważa"),
           (1.01, "współpraca toczy się głównie między sektorami")),
    "en": ((-0.5, "cooperation stays mostly within sectors"),
           (-0.1, "cooperation within sectors slightly prevails"),
           (0.1, "cooperation within and across sectors is about even"),
           (0.5, "cooperation across sectors slightly prevails"),
           (1.01, "cooperation runs mostly across sectors")),
}


def _top(G: nx.Graph, attr: str) -> tuple[str, float] | None:
    orgs = [(d.get(attr, 0) or 0, str(d.get("label", n))) for n, d in G.nodes(data=True) if d.get("layer") != "person"]
    if not orgs:
        return None
    best = max(v for v, _ in orgs)
    names = sorted(label for v, label in orgs if v == best)
    return (", ".join(names[:3]) + ("…" if len(names) > 3 else ""), best)


def ei(summary: dict, lang: str) -> Explanation:
    m = summary.get("mixing") or {}
    value = m.get("ei")
    if lang == "pl":
        first = ("Indeks E-I porównuje powiązania łączące różne sektory (publiczny, ekonomii społecznej, biznes) "
                 "z powiązaniami wewnątrz jednego sektora: −1 znaczy, że każdy współpracuje tylko z własnym "
                 "sektorem, +1 — że tylko z innymi.")
        if value is None:
            second = "Na tej mapie nie ma powiązań między organizacjami o znanym sektorze, więc indeksu nie da się policzyć."
        else:
            reading = next(text for bound, text in _EI_READING["pl"] if value < bound)
            external, ties = m.get("external", 0), m.get("ties", 0)
            # "z" takes the genitive: "z 1 powiązania", "z 18 powiązań"; the verb agrees with the first number
            of = "powiązania" if ties == 1 else "powiązań"
            verb = "łączą" if plural_index(external, "pl") == 1 else "łączy"
            second = (f"Na tej mapie wynosi {number(value, 2, 'pl')}: {external} z {ties} {of} {verb} różne "
                      f"sektory, więc {reading}.")
    else:
        first = ("The E-I index weighs ties across sectors (public, social economy, business) against ties within "
                 "one sector: −1 means everyone cooperates only within their own sector, +1 only across sectors.")
        if value is None:
            second = "This map has no tie between organisations of known sector, so the index cannot be computed."
        else:
            reading = next(text for bound, text in _EI_READING["en"] if value < bound)
            second = (f"Here it is {number(value, 2, 'en')}: {m.get('external', 0)} of "
                      f"{count(m.get('ties', 0), 'tie', 'en')} cross sectors, so {reading}.")
    return Explanation("ei", TITLES["ei"][lang], number(value, 2, lang) if value is not None else "–",
                       f"{first} {second}")


def degree(G: nx.Graph, lang: str) -> Explanation:
    top = _top(G, "degree")
    orgs = [d.get("degree", 0) for _, d in G.nodes(data=True) if d.get("layer") != "person"]
    mean = sum(orgs) / len(orgs) if orgs else 0
    if lang == "pl":
        first = ("Stopień to liczba partnerów organizacji: tych, z którymi ma choć jedno wspólne spotkanie, "
                 "porozumienie, projekt lub partnerstwo albo z którymi łączy ją założenie lub podległość.")
        second = (f"Najwięcej partnerów ma tu {top[0]} ({int(top[1])}), a przeciętna organizacja "
                  f"{number(mean, 1, 'pl')}." if top else "Na tej mapie nie ma jeszcze organizacji.")
    else:
        first = ("Degree is an organisation's number of partners: those it shares at least one meeting, agreement, "
                 "project or partnership with, or that founded it or that it belongs to.")
        second = (f"Here {top[0]} has the most partners ({int(top[1])}); the average organisation has "
                  f"{number(mean, 1, 'en')}." if top else "There are no organisations on this map yet.")
    return Explanation("degree", TITLES["degree"][lang], "", f"{first} {second}")


def betweenness(G: nx.Graph, lang: str) -> Explanation:
    top = _top(G, "betweenness")
    if lang == "pl":
        first = ("Pośrednictwo mówi, jak często organizacja leży na najkrótszej drodze między dwiema innymi: "
                 "wysokie ma ta, bez której inne straciłyby kontakt albo szukałyby go okrężną drogą.")
        if top and top[1] > 0:
            second = f"Najważniejszym pośrednikiem jest tu {top[0]} ({number(top[1], 2, 'pl')} na skali od 0 do 1)."
        else:
            second = "Tu nikt nie pośredniczy: każde dwie organizacje współpracują wprost albo wcale."
    else:
        first = ("Betweenness says how often an organisation lies on the shortest path between two others: it is "
                 "high for one without which others would lose touch or reach each other only the long way round.")
        if top and top[1] > 0:
            second = f"Here the main broker is {top[0]} ({number(top[1], 2, 'en')} on a scale from 0 to 1)."
        else:
            second = "Here nobody brokers: any two organisations cooperate directly or not at all."
    return Explanation("betweenness", TITLES["betweenness"][lang], "", f"{first} {second}")


def brokerage(G: nx.Graph, lang: str) -> Explanation:
    across = [(d.get("brokerage_liaison", 0) + d.get("brokerage_gatekeeper", 0) + d.get("brokerage_itinerant", 0),
               str(d.get("label", n))) for n, d in G.nodes(data=True) if d.get("layer") != "person"]
    best = max((v for v, _ in across), default=0)
    names = sorted(label for v, label in across if v == best and best > 0)[:3]
    if lang == "pl":
        first = ("Role pośrednika (Goulda i Fernandeza) liczą, ile razy organizacja łączy dwie inne, które same ze "
                 "sobą nie współpracują: koordynator robi to w obrębie własnego sektora, konsultant łączy dwie "
                 "organizacje innego sektora, strażnik i reprezentant wprowadzają kogoś do swojego sektora lub "
                 "z niego, a łącznik spina trzy różne sektory.")
        second = (f"Najczęściej łączy tu różne sektory {', '.join(names)} "
                  f"({count(best, 'path', 'pl')} przez granice sektorów)." if names else
                  "Na tej mapie nikt nie łączy organizacji z różnych sektorów, które nie współpracują wprost.")
    else:
        first = ("Brokerage roles (Gould and Fernandez) count how often an organisation joins two others that do not "
                 "cooperate themselves: a coordinator does so within its own sector, a consultant joins two "
                 "organisations of another sector, a gatekeeper or representative brings someone into or out of its "
                 "sector, and a liaison spans three different sectors.")
        second = (f"Here {', '.join(names)} most often joins different sectors "
                  f"({count(best, 'path', 'en')} across sector lines)." if names else
                  "On this map nobody joins organisations of different sectors that do not cooperate directly.")
    return Explanation("brokerage", TITLES["brokerage"][lang], "", f"{first} {second}")


def explain(G: nx.Graph, summary: dict, lang: str) -> list[Explanation]:
    """The four explanations for the network ``G`` (metrics added) in ``lang``."""
    return [ei(summary, lang), degree(G, lang), betweenness(G, lang), brokerage(G, lang)]


__all__ = ["Explanation", "explain"]
