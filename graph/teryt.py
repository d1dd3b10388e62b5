"""The TERYT register of Polish voivodeships, counties and gminas, and its triples.

:class:`Register` is plain Python (no rdflib at import time) so that the extractor in ``loaders/`` can resolve
"powiat starachowicki" to county 2611 cheaply; :func:`teryt_triples` turns the register into the reference
graph ``{base}graph/teryt``. The CSVs in ``data/teryt`` are copies of the GUS TERC register (see SOURCES.md);
codes stay strings so their leading zeros survive.
"""
from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.settings import DATA_DIR

if TYPE_CHECKING:  # rdflib is imported inside teryt_triples only
    from graph.iri import Minter

CITY_COUNTY = "miasto na prawach powiatu"

# prefixes people put before a unit's own name; stripped when looking names up
_PREFIXES = ("województwo ", "powiat ", "gmina miejsko-wiejska ", "gmina miejska ", "gmina wiejska ", "gmina ",
             "miasto na prawach powiatu ", "powiat grodzki ", "miasto ")


@dataclass(frozen=True)
class Voivodeship:
    code: str  # 2 digits
    name: str  # adjective as in the register, lower case: "świętokrzyskie"
    iso: str  # ISO 3166-2, "PL-SK"
    qid: str | None = None  # Wikidata item

    @property
    def label(self) -> str:
        return f"województwo {self.name}"


@dataclass(frozen=True)
class County:
    code: str  # 4 digits: voivodeship + county
    name: str  # adjective stem "starachowicki", or the city "Kielce"
    kind: str  # "powiat" or "miasto na prawach powiatu"
    seat: str  # the town of the county office
    voivodeship: str  # voivodeship code
    qid: str | None = None

    @property
    def is_city(self) -> bool:
        return self.kind == CITY_COUNTY

    @property
    def label(self) -> str:
        """The name as people write it: "powiat starachowicki", or the city's name for a city county."""
        return self.name if self.is_city else f"powiat {self.name}"


@dataclass(frozen=True)
class Gmina:
    code: str  # 7 characters: county + gmina number + type digit
    name: str  # "Bałtów"
    type: str  # "miejska", "wiejska" or "miejsko-wiejska"
    county: str  # county code
    voivodeship: str  # voivodeship code

    @property
    def label(self) -> str:
        return f"gmina {self.name}"

    @property
    def full_label(self) -> str:
        """The name with the gmina's type, which tells apart the urban and rural gminas of one town."""
        return f"gmina {self.type} {self.name}"


def _key(name: str) -> str:
    """A lookup key: case-folded, single spaces, without a leading unit word."""
    text = " ".join(name.split()).casefold()
    for prefix in _PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix):]
    return text


@dataclass
class Register:
    """All units of the register, with lookups by code and by name."""

    voivodeships: dict[str, Voivodeship]
    counties: dict[str, County]
    gminas: dict[str, Gmina]
    _v_names: dict[str, list[Voivodeship]] = field(default_factory=dict, repr=False)
    _c_names: dict[str, list[County]] = field(default_factory=dict, repr=False)
    _g_names: dict[str, list[Gmina]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for units, index in ((self.voivodeships, self._v_names), (self.counties, self._c_names),
                             (self.gminas, self._g_names)):
            grouped: dict[str, list] = defaultdict(list)
            for unit in units.values():
                grouped[_key(unit.name)].append(unit)
            index.update(grouped)

    def voivodeship(self, code: str) -> Voivodeship | None:
        return self.voivodeships.get(code)

    def voivodeship_by_name(self, name: str) -> Voivodeship | None:
        """"świętokrzyskie" or "Województwo Świętokrzyskie" -> voivodeship 26."""
        found = self._v_names.get(_key(name))
        return found[0] if found else None

    def county(self, code: str) -> County | None:
        return self.counties.get(code)

    def counties_by_name(self, name: str, voivodeship: str | None = None) -> list[County]:
        """Counties whose nominative name is ``name``: "starachowicki", "powiat starachowicki", "Kielce".

        A name can be shared (there are two "nowodworski" counties); ``voivodeship`` narrows by its code.
        """
        found = self._c_names.get(_key(name), [])
        return [c for c in found if voivodeship is None or c.voivodeship == voivodeship]

    def gmina(self, code: str) -> Gmina | None:
        return self.gminas.get(code)

    def gminas_by_name(self, name: str, county: str | None = None) -> list[Gmina]:
        """Gminas named ``name`` ("Bałtów", "gmina Bałtów"), optionally only in the county with code ``county``."""
        found = self._g_names.get(_key(name), [])
        return [g for g in found if county is None or g.county == county]

    def counties_in(self, voivodeship: str) -> list[County]:
        return [c for c in self.counties.values() if c.voivodeship == voivodeship]

    def gminas_in(self, county: str) -> list[Gmina]:
        return [g for g in self.gminas.values() if g.county == county]

    def gmina_label(self, gmina: Gmina) -> str:
        """"gmina Bałtów"; "gmina miejska Bolesławiec" where a county has an urban and a rural gmina of one name."""
        twins = [g for g in self.gminas_by_name(gmina.name, gmina.county) if g.code != gmina.code]
        return gmina.full_label if twins else gmina.label


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_register(data_dir: Path | str = DATA_DIR) -> Register:
    """Read ``<data_dir>/teryt/{voivodeships,counties,gminas}.csv``, cached until a file changes."""
    files = register_files(data_dir)
    stamp = tuple((f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    return _load(Path(data_dir).resolve(), stamp)


@functools.lru_cache(maxsize=4)
def _load(data_dir: Path, stamp: tuple) -> Register:
    folder = data_dir / "teryt"
    voivodeships = {r["teryt"]: Voivodeship(r["teryt"], r["name"], r["iso_3166_2"], r["wikidata_qid"] or None)
                    for r in _rows(folder / "voivodeships.csv")}
    counties = {r["teryt"]: County(r["teryt"], r["name"], r["kind"], r["seat"], r["voivodeship_teryt"],
                                   r["wikidata_qid"] or None)
                for r in _rows(folder / "counties.csv")}
    gminas = {r["teryt"]: Gmina(r["teryt"], r["name"], r["type"], r["county_teryt"], r["voivodeship_teryt"])
              for r in _rows(folder / "gminas.csv")}
    return Register(voivodeships, counties, gminas)


def register_files(data_dir: Path | str = DATA_DIR) -> list[Path]:
    """The files the register is read from, for content hashes."""
    folder = Path(data_dir) / "teryt"
    return [folder / "voivodeships.csv", folder / "counties.csv", folder / "gminas.csv"]


def teryt_triples(register: Register, mint: Minter | None = None) -> list[tuple]:
    """The reference graph of territories: types, Polish labels, TERYT codes, parents, Wikidata links."""
    from rdflib import Literal

    from graph.iri import MINT
    from graph.vocab import ESG, OWL, RDF, RDFS, SCHEMA, SKOS, WD

    mint = mint or MINT
    out: list[tuple] = []
    add = out.append

    def unit(node, cls, code: str, label: str, alts: list[str], parent=None, qid: str | None = None) -> None:
        add((node, RDF.type, cls))
        add((node, RDFS.label, Literal(label, lang="pl")))
        add((node, SKOS.prefLabel, Literal(label, lang="pl")))
        for alt in dict.fromkeys(alts):
            if alt != label:
                add((node, SKOS.altLabel, Literal(alt, lang="pl")))
        add((node, ESG.terytCode, Literal(code)))
        if parent is not None:
            add((node, SCHEMA.containedInPlace, parent))
        if qid:
            add((node, OWL.sameAs, WD[qid]))

    for v in register.voivodeships.values():
        unit(mint.entity("Voivodeship", v.code), ESG.Voivodeship, v.code, v.label, [v.name], qid=v.qid)
    for c in register.counties.values():
        alts = [f"powiat grodzki {c.name}", f"miasto na prawach powiatu {c.name}"] if c.is_city else []
        unit(mint.entity("County", c.code), ESG.County, c.code, c.label, alts,
             parent=mint.entity("Voivodeship", c.voivodeship), qid=c.qid)
    for g in register.gminas.values():
        unit(mint.entity("Municipality", g.code), ESG.Municipality, g.code, register.gmina_label(g),
             [g.name, g.label, g.full_label], parent=mint.entity("County", g.county))
    return out
