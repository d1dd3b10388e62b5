"""The constructions the extractor reads, one module per family; importing this package registers them all.

Their order is ``data/constructions/order.toml``, their patterns ``data/constructions/<stage>.toml`` and their
word lists ``data/constructions/words.toml`` (see :mod:`loaders.registry`).
"""
from loaders.constructions import (acronyms, agreements, attendance, bylines, collaborations, meeting,  # noqa: F401
                                   membership, organisations, organizers, people, places, projects, rolepredicates,
                                   roles, structure, venues)
