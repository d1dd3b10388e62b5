"""Readable, stable slugs for IRIs: plain Python, so extraction can make keys without loading rdflib."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "ø": "o", "ß": "ss"})


def slugify(text: str, max_len: int = 80) -> str:
    """``Dariusz Dąbrowski`` -> ``dariusz-dabrowski``: ASCII, lower case, hyphens."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_len:
        # two long names that share a beginning must not share a key: keep a digest of the whole
        digest = hashlib.sha1(text.encode()).hexdigest()[:8]
        text = text[: max_len - 9].rsplit("-", 1)[0] + "-" + digest
    return text or "x"
