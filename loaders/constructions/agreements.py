"""Agreements and partnerships: who signed, who initiated, which county they are about.

"podpisane przez …", "sygnatariuszami są …", "zawarte pomiędzy:" with one party a line, "inicjatorem
porozumienia jest X". Cue words are data (``words.toml``).
"""
from __future__ import annotations

from graph.model import Entity
from loaders.doc import Doc
from loaders.registry import construction
from loaders.relate import after, main_of


@construction("agreement-signatories", "relations", patterned=False)
def agreements(doc: Doc) -> None:
    """Signatories after "podpisane przez" or "sygnatariuszami są", initiators after "inicjatorem jest"."""
    sign, initiate = doc.gaz.words("sign_cues"), doc.gaz.words("initiator_cues")
    for s in range(len(doc.sentences)):
        toks = doc.sentence_tokens(s)
        for n, t in enumerate(toks):
            low = t.text.lower()
            if t.lemmas & sign or low.startswith("podpisan"):
                subj = main_of(doc, "Agreement", s) or main_of(doc, "Partnership", s)
                if subj is None:
                    continue
                start = n + 1
                przez = next((u for u in toks[n + 1:n + 4] if u.text.lower() in ("przez", ":")), None)
                listing = "sygnatariusz" in t.lemmas and any(
                    u.text == ":" or u.lemmas & {"być", "zostać"} for u in toks[n + 1:n + 4])
                if przez is None and not listing:
                    continue
                if przez is not None:
                    start = toks.index(przez) + 1
                for m in after(doc, s, toks[start].i if start < len(toks) else t.i, ("Organization", "Person")):
                    doc.relate("signatory", subj, doc.key(m), s, "agreement-signatories")
                _listed_signatories(doc, subj, s)
            if t.lemmas & initiate:
                subj = main_of(doc, "Agreement", s) or main_of(doc, "Partnership", s)
                objs = after(doc, s, t.i + 1, ("Organization", "Person"), stop_at_clause=True)
                if subj and objs:
                    doc.relate("initiator", subj, doc.key(objs[0]), s, "agreement-signatories")


def _listed_signatories(doc: Doc, subj: str, s: int) -> None:
    """ "… pomiędzy:" followed by numbered lines, each naming a party."""
    if not doc.sentences[s].text.rstrip().endswith(":"):
        return
    for nxt in range(s + 1, min(s + 40, len(doc.sentences))):
        text = doc.sentences[nxt].text.lstrip()
        if not text[:1].isdigit() and not text.startswith(("•", "-", "–", "*")):
            break
        for m in doc.in_sentence(nxt, ("Organization", "Person")):
            doc.relate("signatory", subj, doc.key(m), nxt, "agreement-signatories")
            break


@construction("agreement-area", "relations", patterned=False)
def agreement_area(doc: Doc) -> None:
    """An agreement or partnership whose name has a county ("… w powiecie jędrzejowskim") is about it."""
    for m in doc.of_type("Agreement", "Partnership"):
        if m.county and m.county in doc.entities:
            doc.relate("about", doc.key(m), m.county, m.sentence, "agreement-area")
        if m.gmina:
            g = doc.gaz.register.gmina(m.gmina)
            if g is not None and m.gmina not in doc.entities:
                doc.entities[m.gmina] = Entity(key=m.gmina, type="Municipality", teryt=m.gmina,
                                               name=doc.gaz.register.gmina_label(g), sentences={m.sentence})
            doc.relate("about", doc.key(m), m.gmina, m.sentence, "agreement-area")
