"""Labels written into the graph: names from articles carry no bidirectional controls, which would make them
show as other letters than they have (visual spoofing)."""
from __future__ import annotations

import pytest

from graph.build import article_triples, meta_triples
from graph.vocab import SKOS
from loaders.readers import read_bytes

RLO, PDF, RLI, PDI, LRM = "\u202e", "\u202c", "\u2067", "\u2069", "\u200e"


@pytest.mark.parametrize("spoofed", [f"Fundacja {RLO}aksrop{PDF}", f"Fundacja {RLI}Polska{PDI}{LRM}"])
def test_labels_carry_no_bidirectional_controls(sample_extraction, spoofed):
    org = sample_extraction.entities["rops-w-kielcach"]
    org.name = spoofed
    org.aliases = {spoofed + " bis", "ROPS"}
    sample_extraction.article.title = spoofed
    triples = article_triples(sample_extraction) + meta_triples(sample_extraction)
    written = [str(o) for _, _, o in triples]
    assert not any(c in text for text in written for c in (RLO, PDF, RLI, PDI, LRM))
    labels = {str(o) for _, p, o in triples if p == SKOS.prefLabel}
    assert spoofed.translate(dict.fromkeys(map(ord, RLO + PDF + RLI + PDI + LRM))) in labels


def test_articles_are_read_without_bidirectional_controls():
    text = f"Spotkanie\n\nPrezes Fundacji {RLO}aksrop{PDF} Jan Kowalski spotkał się ze starostą.".encode()
    article = next(read_bytes(text, name="a.txt"))
    assert RLO not in article.text and PDF not in article.text
    assert "Fundacji aksrop Jan" in article.text
