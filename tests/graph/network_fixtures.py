"""Hand-made extractions for the network tests: two articles about cooperation in powiat starachowicki."""
from __future__ import annotations

import datetime as dt

from graph.build import to_dataset_graphs
from graph.model import Article, Entity, Extraction, Relation, Sentence
from graph.store import OxigraphStore

BASE = "https://w3id.org/esgraf/"


def _org(key: str, name: str, kind: str, sector: str) -> Entity:
    return Entity(key=key, type="Organization", name=name, kind=kind, sector=sector, sentences={0})


def extractions() -> list[Extraction]:
    """Article a1: a meeting of ROPS, KOOWES and the starostwo, and an agreement of ROPS and the starostwo.
    Article a2: a project led by the cooperative with KOOWES, the starostwo founded the cooperative,
    a person who heads the cooperative, and the same agreement signed again (so it has two articles)."""
    s0 = Sentence(0, 0, 10, "Zdanie pierwsze.")
    ents1 = {
        "rops": _org("rops", "Regionalny Ośrodek Polityki Społecznej w Kielcach", "RegionalSocialPolicyCentre",
                     "public"),
        "koowes": _org("koowes", "Konsorcjum Ośrodków Wsparcia Ekonomii Społecznej <b>KOOWES</b>",
                       "SocialEconomySupportCentre", "social"),
        "starostwo": _org("starostwo", "Starostwo Powiatowe w Starachowicach", "CountyOffice", "public"),
        "powiat": Entity(key="powiat", type="County", name="powiat starachowicki", teryt="2611"),
        "meeting": Entity(key="meeting", type="Event", name="Spotkanie w Starachowicach",
                          date=dt.date(2018, 5, 17)),
        "umowa": Entity(key="umowa", type="Agreement", name="Porozumienie o partnerstwie",
                        date=dt.date(2018, 5, 17)),
    }
    rels1 = [
        Relation("organizer", "meeting", "rops", sentence=0),
        Relation("attendee", "meeting", "koowes", sentence=0),
        Relation("attendee", "meeting", "starostwo", sentence=0),
        Relation("about", "meeting", "powiat", sentence=0),
        Relation("signatory", "umowa", "rops", sentence=0),
        Relation("signatory", "umowa", "starostwo", sentence=0),
        Relation("about", "umowa", "powiat", sentence=0),
        Relation("governs", "starostwo", "powiat", sentence=0),
    ]
    ents2 = {
        "koowes": ents1["koowes"],
        "starostwo": ents1["starostwo"],
        "rops": ents1["rops"],
        "coop": _org("coop", "Spółdzielnia Socjalna Razem", "SocialCooperative", "social"),
        "firma": _org("firma", "Firma Budowlana Sp. z o.o.", "Company", "business"),
        "projekt": Entity(key="projekt", type="Project", name="Projekt Razem"),
        "prezes": Entity(key="jan-kowalski", type="Person", name="Jan Kowalski", sentences={0}),
        "umowa": ents1["umowa"],
    }
    rels2 = [
        Relation("lead_partner", "projekt", "coop", sentence=0),
        Relation("partner", "projekt", "koowes", sentence=0),
        Relation("partner", "projekt", "firma", sentence=0),
        Relation("founder", "coop", "starostwo", sentence=0),
        Relation("role", "prezes", "coop", role="prezes", title="prezes zarządu", sentence=0),
        Relation("signatory", "umowa", "rops", sentence=0),
    ]
    a1 = Article("a1", "x", "a1.txt", title="Spotkanie w Starachowicach", published=dt.date(2018, 5, 18))
    a2 = Article("a2", "x", "a2.txt", title="Projekt Razem ruszył", published=dt.date(2019, 3, 1))
    return [Extraction(a1, [s0], ents1, rels1, event="meeting"), Extraction(a2, [s0], ents2, rels2)]


def store_with(extraction_list: list[Extraction] | None = None) -> OxigraphStore:
    store = OxigraphStore()
    graphs = to_dataset_graphs(extraction_list or extractions())
    store.replace_graphs({str(g): t for g, t in graphs.items()})
    return store


def iri(path: str) -> str:
    return BASE + path
