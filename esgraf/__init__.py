"""esgraf: a knowledge graph of the regional social economy in Poland, read from news articles."""
from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

#: the repository root: data/ and ontology/ are found from here
ROOT = Path(__file__).resolve().parent.parent
