"""The car a person drives and the club they belong to or run: generalised, with the sentence kept."""

import pytest

from tests.helpers import assert_quasi

TYPES = {"vehicle", "activity"}

ENGLISH = [
    ("They took Oleg's car, a grey Lada with the plate.", [("a grey Lada", "vehicle", "a grey one")]),
    ("They drove a grey Lada with the plate.", [("a grey Lada", "vehicle", "a grey car")]),
    ("His Toyota Camry broke down.", [("His Toyota Camry", "vehicle", "His car")]),
    ("We drove there in an old white Niva.", [("an old white Niva", "vehicle", "an old white car")]),
    ("They took Oleg's Lada.", [("Lada", "vehicle", "car")]),
    ("I coach its chess club.", [("chess club", "activity", "club")]),
    ("He plays in the town's hockey team.", [("hockey team", "activity", "team")]),
    ("She sings in a church choir and runs the debate society.", [("debate society", "activity", "society")]),
    # Negative: a make that is an employer, a given name, a person named like a make.
    ("He works at the Toyota plant. Lada Petrova called. Mercedes said no.", []),
]

RUSSIAN = [
    ("Брат отвёз нас на своей белой Ладе.", [("своей белой Ладе", "vehicle", "своей белой машине")]),
    ("Он ездит на старом Форде.", [("старом Форде", "vehicle", "старом автомобиле")]),
    ("Купил подержанную «Ниву».", [("подержанную «Ниву»", "vehicle", "подержанную машину")]),
    ("Я веду шахматный кружок.", [("шахматный кружок", "activity", "кружок")]),
    ("Мы сидели в шахматном клубе.", [("шахматном клубе", "activity", "клубе")]),
    ("Дочь ходит в секцию бокса.", [("секцию бокса", "activity", "секцию")]),
    # Negative: the Volga river, Лада the woman, a Muscovite.
    ("Мы плыли по Волге. Лада позвонила. Москвич приехал.", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_activities(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "en", expected, TYPES)


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_russian_activities(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "ru", expected, TYPES)


@pytest.mark.parametrize(
    ("text", "lang", "kept"),
    [
        ("Мы плыли по Волге до Каспийского моря.", "ru", ["Волге", "Каспийского моря"]),
        ("Летом мы жили на Байкале.", "ru", ["Байкале"]),
        ("They sailed to the Caspian Sea.", "en", ["Caspian Sea"]),
    ],
)
def test_large_natural_features_stay(pipeline, text: str, lang: str, kept: list[str]) -> None:
    out = pipeline.protect_text(text, lang).text
    for name in kept:
        assert name in out, out
