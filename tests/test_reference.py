"""Reference tables: the gazetteer and population statistics."""

import pytest

from veil.reference import gazetteer
from veil.reference.population import age_share, occupation_share, sex_share, total_population, trait_share


@pytest.mark.parametrize(
    ("name", "country", "macro"),
    [("Chelyabinsk", "RU", "the Urals"), ("Kopeysk", "RU", "the Urals"), ("Vladivostok", "RU", "the Russian Far East")],
)
def test_latin_names_and_macro_regions(name: str, country: str, macro: str) -> None:
    place = gazetteer().latin(name)
    assert place is not None
    assert place.country == country
    assert gazetteer().macro(place).en == macro  # type: ignore[union-attr]


def test_russian_names_and_regions() -> None:
    place = gazetteer().russian("Челябинск")
    assert place is not None
    assert place.population > 1_000_000
    assert gazetteer().region(place).ru_loc == "в Челябинской области"  # type: ignore[union-attr]


def test_border_towns() -> None:
    assert gazetteer().border_country(gazetteer().latin("Blagoveshchensk")) == "CN"  # type: ignore[arg-type]
    assert gazetteer().border_country(gazetteer().latin("Chelyabinsk")) is None  # type: ignore[arg-type]


def test_population_shares_are_plausible() -> None:
    assert 140_000_000 < total_population() < 150_000_000
    assert sex_share("f") + sex_share("m") == pytest.approx(1.0)
    assert sum(age_share(low, low + 9) for low in range(0, 120, 10)) == pytest.approx(1.0, abs=0.02)
    assert 0.0001 < occupation_share("journalist") < occupation_share("teacher") < 0.05
    assert trait_share("family", "three-or-more-children")[0] < trait_share("family", "children")[0]
