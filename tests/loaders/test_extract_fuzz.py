"""Extraction never fails on hostile or random text, and what it finds stays plain text."""
from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.build import article_triples
from graph.model import Article
from loaders.pipeline import extract, extract_corpus

POLISH = string.ascii_letters + "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
WORDS = ["Regionalny", "Ośrodek", "Polityki", "Społecznej", "w", "Kielcach", "Anna", "Górak", "prezes",
         "Stowarzyszenia", "„", "”", "powiecie", "starachowickim", "porozumienie", "projekt", "pn.", "ROPS", "(",
         ")", ",", ".", "–", "\n", "Fundacja", "</script>", "\"}; DROP", "<img onerror=alert(1)>", "17", "maja",
         "br.", "założona", "przez", "Gmina", "i", "oraz", "Dariusza", "Dąbrowskiego", "starosta"]

fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_random_unicode_never_breaks_extraction(text: str) -> None:
    x = extract(Article(id="fuzz", text=text, source="fuzz"))
    for s in x.sentences:
        assert text[s.start:s.end] == s.text
    article_triples(x)


@fuzz
@given(st.lists(st.sampled_from(WORDS), max_size=80))
def test_shuffled_article_words_never_break_extraction(words: list[str]) -> None:
    text = " ".join(words)
    x = extract(Article(id="fuzz", text=text, source="fuzz"))
    for e in x.entities.values():
        assert e.name.strip() == e.name and e.name
        for start, end in e.mentions:
            assert 0 <= start < end <= len(text)
    article_triples(x)


@fuzz
@given(st.text(alphabet=POLISH + " .,\n„”", max_size=300), st.text(alphabet=POLISH + " ", max_size=60))
def test_corpus_resolution_never_breaks(a: str, b: str) -> None:
    extract_corpus([Article(id="a", text=a, source="a"), Article(id="b", text=b, source="b")])


def test_markup_in_names_stays_plain_text() -> None:
    text = "Spotkanie zorganizowała Fundacja „</script><img src=x onerror=alert(1)>” w Kielcach."
    x = extract(Article(id="m", text=text, source="m"))
    names = [e.name for e in x.entities.values() if e.type == "Organization"]
    assert names == ["Fundacja „</script><img src=x onerror=alert(1)>”"]


def test_an_enormous_line_is_read() -> None:
    text = ("Anna Górak, prezes Fundacji Pro Omnis, mówiła o ekonomii społecznej " * 2000).strip()
    x = extract(Article(id="long", text=text, source="long"))
    assert "anna-gorak" in x.entities
