"""Credits: an author's or photographer's line ("Tekst: Ewa Nowosielska", "Fot. Jan Mrozek", "Zdjęcia: Ewa Lis /
UG Baligród") names who made the article, not anyone or anything it is about, so nothing on it is a mention.
"""
from __future__ import annotations

from loaders.doc import Doc
from loaders.registry import construction

#: how many more cue words may stand before the colon ("Tekst i zdjęcia:", "Autor zdjęć:")
_CUE_WORDS = 3
_JOINS = frozenset({"i", "oraz", ",", "/"})
#: how far a credit runs when its line does not end sooner
_CREDIT_TOKENS = 12


@construction("byline", "mentions", patterned=False)
def byline(doc: Doc) -> None:
    """A line or sentence opening with a credit cue and a colon or an abbreviation's dot claims what follows, up to
    the end of its line or sentence: "Tekst i zdjęcia: Julia Romaniuk", "Oprac. Marek Wróbel"."""
    cues = doc.gaz.words("byline_cues")
    toks = doc.tokens
    for k, t in enumerate(toks):
        if not t.is_word or not (t.lower in cues or t.lemmas & cues) or not _opens(doc, k):
            continue
        j = k + 1
        while j < len(toks) and j - k <= _CUE_WORDS and not _breaks(doc, j) and \
                (toks[j].lower in cues or toks[j].lemmas & cues or toks[j].lower in _JOINS):
            j += 1  # "Tekst i zdjęcia", "Autor zdjęć"; not "Źródło finansowania:"
        if j >= len(toks) or toks[j].text not in (":", ".") or _breaks(doc, j):
            continue
        end = j + 1
        while end < len(toks) and end - j <= _CREDIT_TOKENS and not _breaks(doc, end):
            if toks[end].text in ".!?" and end + 1 < len(toks) and toks[end + 1].is_cap and end > j + 1 \
                    or toks[end].text == ")":
                break  # "Fot. Jan Mrozek. Spotkanie …", "(fot. Jan Mrozek)": the credit ends with its sentence
            end += 1
        doc.claimed.update(range(k, end))


def _opens(doc: Doc, k: int) -> bool:
    """Whether token ``k`` begins a line, follows a sentence's last stop or opens a bracket ("(fot. …)")."""
    if k == 0 or _breaks(doc, k):
        return True
    return doc.tokens[k - 1].text in ".!?("


def _breaks(doc: Doc, k: int) -> bool:
    """Whether a line break stands before token ``k``."""
    return k > 0 and "\n" in doc.text[doc.tokens[k - 1].end:doc.tokens[k].start]
