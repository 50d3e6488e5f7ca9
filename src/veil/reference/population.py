"""Population statistics for the risk estimate: age structure, sex ratio, occupation sizes, trait shares.

All from ``veil/data/reference`` (``population.tsv``, ``occupations.tsv``, ``traits.tsv``; sources and how
approximate each figure is are in that folder's README). Figures are for Russia; for another country the
same shares are applied to its population, which the risk report says.
"""

from __future__ import annotations

import functools
from importlib import resources

UNKNOWN_SHARE = 0.1


def _rows(name: str) -> list[list[str]]:
    text = resources.files("veil.data.reference").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def _population() -> dict[tuple[str, str], float]:
    return {(row[0], row[1]): float(row[2]) for row in _rows("population.tsv")}


def total_population() -> int:
    return int(_population()[("total", "RU")])


def sex_share(sex: str) -> float:
    """Share of the population that is female (``f``) or male (``m``)."""
    return _population().get(("share", {"f": "female", "m": "male"}.get(sex, "")), 1.0)


def age_share(low: int, high: int) -> float:
    """Share of the population aged ``low``..``high`` (years, inclusive), from decade bands."""
    total = 0.0
    for (table, band), share in _population().items():
        if table != "age":
            continue
        start, end = (int(x) for x in band.split("-"))
        overlap = min(high, end) - max(low, start) + 1
        if overlap > 0:
            total += share * overlap / (end - start + 1)
    return total or UNKNOWN_SHARE


@functools.cache
def _occupations() -> dict[str, tuple[str, str, int]]:
    return {row[0]: (row[1], row[2], int(row[3])) for row in _rows("occupations.tsv")}


def occupation_names() -> dict[str, tuple[str, str]]:
    """Occupation group -> (English name, Russian name)."""
    return {key: (en, ru) for key, (en, ru, _) in _occupations().items()}


def occupation_share(group: str) -> float:
    """Share of the whole population in an occupation group."""
    found = _occupations().get(group) or _occupations()["other"]
    return found[2] / total_population()


@functools.cache
def _traits() -> dict[tuple[str, str], tuple[float, str]]:
    return {(row[0], row[1]): (float(row[2]), row[3]) for row in _rows("traits.tsv")}


def trait_share(type_: str, key: str) -> tuple[float, str]:
    """(share of the population, source) for a trait; a rough default when the table has none."""
    found = _traits().get((type_, key)) or _traits().get((type_, "other")) or _traits().get((type_, "any"))
    return found if found else (UNKNOWN_SHARE, "guess")
