"""Member lists of bodies and partnerships."""
from __future__ import annotations

from tests.loaders.constructions.helpers import rels, roles, run


def test_members_of_a_body_listed_one_a_line() -> None:
    text = ("W skład Wojewódzkiego Zespołu ds. Ekonomii Społecznej wchodzą:\n"
            " • Pan Jan Nowak – Dyrektor Fundacji Barka;\n"
            " • Pani Anna Mróz – Prezes Stowarzyszenia Tłok.\n"
            "Zespół zbiera się co kwartał.")
    got = {(p, o) for p, r, o in roles(run(text), by="members-of") if r == "członek"}
    assert got == {("Jan Nowak", "Wojewódzki Zespół ds. Ekonomii Społecznej"),
                   ("Anna Mróz", "Wojewódzki Zespół ds. Ekonomii Społecznej")}


def test_new_members_belong_to_the_body_that_met() -> None:
    text = ("Odbyło się posiedzenie Regionalnego Komitetu Ekonomii Społecznej. Przedstawiono nowych członków, "
            "którymi zostali:\n • Jan Nowak, Prezes Fundacji Barka\n • Anna Mróz, Dyrektor Stowarzyszenia Tłok")
    got = {p for p, r, o in roles(run(text), by="members-of") if o == "Regionalny Komitet Ekonomii Społecznej"}
    assert got == {"Jan Nowak", "Anna Mróz"}


def test_partners_of_a_partnership() -> None:
    text = "Członkami partnerstwa na rzecz rozwoju ekonomii społecznej są: Fundacja Barka i Stowarzyszenie Tłok."
    assert {o for _, o in rels(run(text), "partner", by="members-of")} == {"Fundacja Barka", "Stowarzyszenie Tłok"}


def test_partners_of_the_partnership_named_before() -> None:
    text = ("W Opatowie zawiązano partnerstwo lokalne na rzecz ekonomii społecznej. W skład partnerstwa weszli: "
            "Gmina Baćkowice, Stowarzyszenie Tłok i Bank Spółdzielczy w Opatowie.")
    assert {o for _, o in rels(run(text), "partner", by="members-of")} == {
        "Gmina Baćkowice", "Stowarzyszenie Tłok", "Bank Spółdzielczy w Opatowie"}
    text = ("Powstało partnerstwo na rzecz rozwoju ekonomii społecznej. Partnerami partnerstwa zostali: Fundacja Barka "
            "i Stowarzyszenie Tłok.")
    assert {o for _, o in rels(run(text), "partner", by="members-of")} == {"Fundacja Barka", "Stowarzyszenie Tłok"}


def test_no_partnership_no_partners() -> None:
    text = "W skład partnerstwa weszły: Fundacja Barka i Stowarzyszenie Tłok."  # the article names no partnership
    assert rels(run(text), "partner", by="members-of") == set()


def test_a_list_not_of_members() -> None:
    text = "W skład zestawu wchodzą: Fundacja Barka i Stowarzyszenie Tłok."  # no body named
    assert roles(run(text), by="members-of") == set()
    assert rels(run(text), "partner", by="members-of") == set()
