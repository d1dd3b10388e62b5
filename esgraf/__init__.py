"""esgraf: a knowledge graph of the regional social economy in Poland, read from news articles."""
from __future__ import annotations

__version__ = "0.1.0"
