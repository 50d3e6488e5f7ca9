"""Generalization levels, Russian case agreement, and one generalization per entity in both languages."""

import re

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.helpers import assert_quasi
from veil import Pipeline, Settings, VeilError
from veil.deciding import InMemory

CITY = {"city"}


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("macro", "a big city in the Urals"),
        ("region", "a big city in the Chelyabinsk region"),
        ("country", "a big city in Russia"),
        ("size", "a big city of about 1.2 million people"),
    ],
)
def test_city_levels(level: str, expected: str) -> None:
    pipeline = Pipeline(Settings(seed=1, generalize={"city": level}))
    assert_quasi(pipeline, "He studies in Chelyabinsk.", "en", [("Chelyabinsk", "city", expected)], CITY)


def test_border_level_names_the_neighbour() -> None:
    pipeline = Pipeline(Settings(seed=1, generalize={"city": "border"}))
    assert_quasi(pipeline, "We lived in Blagoveshchensk.", "en",
                 [("Blagoveshchensk", "city", "a border city")], CITY)  # fmt: skip
    assert_quasi(pipeline, "Мы жили в Благовещенске.", "ru", [("Благовещенске", "city", "приграничном городе")], CITY)


@pytest.mark.parametrize(
    ("level", "expected"),
    [("month", "a day in September 2022"), ("season", "a day in autumn 2022"), ("year", "a day in 2022"),
     ("decade", "a day in the 2020s")],
)  # fmt: skip
def test_date_levels(level: str, expected: str) -> None:
    pipeline = Pipeline(Settings(seed=1, generalize={"date": level}))
    assert_quasi(pipeline, "They came on 22 September 2022.", "en", [("22 September 2022", "date", expected)], {"date"})


def test_age_range_level() -> None:
    pipeline = Pipeline(Settings(seed=1, generalize={"age": "range"}))
    assert_quasi(pipeline, "He was 27 years old.", "en", [("27 years old", "age", "in his late twenties")], {"age"})
    assert_quasi(pipeline, "Ему 34 года.", "ru", [("34 года", "age", "около тридцати пяти")], {"age"})


def test_redact_level_uses_the_placeholder() -> None:
    pipeline = Pipeline(Settings(seed=1, generalize={"city": "redact"}))
    assert_quasi(pipeline, "He studies in Chelyabinsk.", "en", [("Chelyabinsk", "city", "[place]")], CITY)


@pytest.mark.parametrize(
    ("settings", "message"),
    [({"city": "galaxy"}, "unknown level 'galaxy'"), ({"spaceship": "macro"}, "no generalizer for this type")],
)
def test_unknown_levels_are_clear_errors(settings: dict[str, str], message: str) -> None:
    with pytest.raises(VeilError) as raised:
        Pipeline(Settings(generalize=settings))
    assert raised.value.code.value == "config.invalid"
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Я живу в Челябинске.", "Челябинске", "крупном городе на Урале"),
        ("Я приехала из Челябинска.", "Челябинска", "крупного города на Урале"),
        ("Я еду к Челябинску.", "Челябинску", "крупному городу на Урале"),
        ("Я горжусь Челябинском.", "Челябинском", "крупным городом на Урале"),
        ("Челябинск — мой город.", "Челябинск", "Крупный город на Урале"),
    ],
)
def test_russian_generalizations_agree_in_case(pipeline, text: str, mention: str, expected: str) -> None:
    assert_quasi(pipeline, text, "ru", [(mention, "city", expected)], CITY)


def test_one_town_reads_the_same_in_both_languages() -> None:
    """A town met in a Russian original and its English translation gets one description (one memory)."""
    memory = InMemory()
    pipeline = Pipeline(Settings(seed=1, generalize={"city": "region"}), memory)
    russian = pipeline.protect_text("Мой сын учится в Челябинске.", "ru").text
    english = pipeline.protect_text("My son studies in Chelyabinsk.", "en").text
    assert "в Челябинской области" in russian
    assert "in the Chelyabinsk region" in english


def test_generalization_reads_as_a_sentence(pipeline) -> None:
    text = "My son, 27, is a second-year engineering student at the polytechnic in Chelyabinsk."
    out = pipeline.protect_text(text, "en").text
    assert out.endswith("is a student at the technical university in the Urals.")
    assert "twenty-something" in out
    assert "27" not in out
    assert "Chelyabinsk" not in out


@given(age=st.integers(min_value=10, max_value=99), day=st.integers(min_value=1, max_value=28))
@hypothesis_settings(max_examples=25, deadline=None)
def test_exact_ages_and_days_never_survive(pipeline, age: int, day: int) -> None:
    """Whatever the values, the protected text keeps neither the exact age nor the exact day."""
    out = pipeline.protect_text(f"My brother is {age} years old. He was detained on {day} March 2021.", "en").text
    assert re.search(rf"\b{age}\b", out) is None
    assert f"{day} March" not in out
