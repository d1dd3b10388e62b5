"""Agreements the text refers to without a name of their own: one the article tells was signed ("Porozumienie
podpisali …"), and the headline's wording of the agreement the body names ("Porozumienie o współpracy z OWES").
"""
from __future__ import annotations

from loaders.doc import Doc, Mention
from loaders.lexical import future_reading
from loaders.names import nouns
from loaders.tokens import Token


def headline_joins_body(doc: Doc) -> None:
    """The headline's "Porozumienie o współpracy z OWES" is the agreement the body tells of, when the body names
    one agreement (or partnership) of that noun: one node, the headline's wording an alias."""
    title = (doc.article.title or "").strip().rstrip(".")
    if not title:
        return
    for m in list(doc.of_type("Agreement", "Partnership")):
        if doc.sentences[m.sentence].text.strip().rstrip(".") != title:
            continue
        noun = m.name.split()[0].lower()
        body = {n.name: n for n in doc.of_type(m.type) if n.sentence != m.sentence
                and n.name.split()[0].lower() == noun}
        if len(body) == 1:
            (other,) = body.values()
            m.aliases.add(m.name)
            m.name, m.key_name, m.county, m.gmina = other.name, other.key_name, other.county, other.gmina


def signed_unnamed(doc: Doc) -> None:
    """An agreement the article names by its noun alone, in a sentence that tells of its signing ("Porozumienie
    podpisali …", "X podpisał porozumienie z Y"): one agreement of that article, named "porozumienie"."""
    determiners, heads = doc.gaz.words("determiners"), doc.gaz.words("agreement_heads")
    cues = doc.gaz.words("sign_cues") | doc.gaz.words("signing_words")
    for t in doc.tokens:
        lemma = next((i.lemma.lower() for i in nouns(t) if i.lemma.lower() in heads and "sg" in i.numbers), None)
        if lemma is None or lemma == "list" or t.i in doc.claimed:
            continue
        prev = doc.tok(t.i - 1)
        if prev is not None and (determiner(prev, determiners) or prev.sentence == t.sentence
                                 and prev.text.lower() in doc.gaz.words("other_agreement_words")):
            continue
        a, b = doc.sentence_span(t.sentence)
        words = doc.tokens[a:b]
        if not any(x.lemmas & cues and any(i.pos in _TOLD for i in x.interps) for x in words) \
                or any(_future(x) for x in words):
            continue  # no signing told, or one still to come ("Podpisy pod umową złożą …")
        m = Mention("Agreement", t.i, t.i + 1, lemma, t.sentence, head=t.i, generic=True)
        doc.add(m, "collaboration-name", claim=False)
        return


#: verb forms that tell a signing happened or happens: "podpisali", "podpisano", "podpisane", "podpisanie"
_TOLD = ("praet", "fin", "imps", "ppas", "ger", "subst")


def _future(t: Token) -> bool:
    """ "złożą", "podpiszą", "będzie": a verb that can only be read as the future."""
    return bool(t.interps) and all(future_reading(i) for i in t.interps)


def determiner(t: Token, determiners: frozenset[str]) -> bool:
    """ "takie", "to", "kolejne": a word that refers back; "też" (also a form of "tenże") only adds."""
    return bool(t.lemmas & determiners) and not any(i.pos in ("part", "adv", "conj", "qub") for i in t.interps)
