"""People: first names, a second given name, surnames in the nominative, and the words that are no people."""
from __future__ import annotations

import pytest

from tests.loaders.constructions.helpers import names, run


@pytest.mark.parametrize("text, expected", [
    ("Spotkanie otworzył Dariusz Dąbrowski.", {"Dariusz Dąbrowski"}),
    ("Głos oddano Dariuszowi Dąbrowskiemu.", {"Dariusz Dąbrowski"}),
    # a second given name belongs to the name, whichever case it is in
    ("Posiedzenie otworzyła Karolina Maria Zapała, wicewojewoda.", {"Karolina Maria Zapała"}),
    ("Spotkanie prowadziła Pani Anna Maria Kowalska.", {"Anna Maria Kowalska"}),
    ("Podziękowano Annie Marii Kowalskiej za pomoc.", {"Anna Maria Kowalska"}),
    # a double-barrelled surname with spaces around the dash
    ("Obecna była Aleksandra Góźdź – Morawska.", {"Aleksandra Góźdź-Morawska"}),
])
def test_person_names(text: str, expected: set[str]) -> None:
    assert names(run(text), "Person") == expected


@pytest.mark.parametrize("text", [
    # two first names in a list are two people only with their surnames; without them, none
    "Wystąpiły Anna i Maria.",
    # a patron is part of a school's name
    "Spotkanie odbyło się w Szkole Podstawowej im. Marii Konopnickiej.",
])
def test_no_person(text: str) -> None:
    assert names(run(text), "Person") == set()
