"""Places tied to a person: detection and generalization, in English and Russian."""

import pytest

from tests.helpers import assert_quasi

PLACES = {"city", "village", "district", "region", "country", "border-crossing", "place", "place-description"}

ENGLISH = [
    ("He studies in Chelyabinsk.", [("Chelyabinsk", "city", "a big city in the Urals")]),
    ("She comes from Kopeysk, near the border.", [("Kopeysk", "city", "a town in the Urals")]),
    ("We moved to Tbilisi.", [("Tbilisi", "city", "a big city in Georgia")]),
    ("He grew up in Almaty.", [("Almaty", "city", "a big city in south-eastern Kazakhstan")]),
    ("They live in the village of Kuzminki.", [("the village of Kuzminki", "village", "a village")]),
    ("My parents live in the Chelyabinsk region.", [("the Chelyabinsk region", "region", "a region in the Urals")]),
    ("I was born in Kazakhstan.", [("Kazakhstan", "country", "a country in Central Asia")]),
    # The article already written stays the only one ("the a country" was written before).
    ("I was born in the Russian Federation.", [("Russian Federation", "country", "country in Eastern Europe")]),
    (
        "At the Upper Lars crossing they waited three days.",
        [("the Upper Lars crossing", "border-crossing", "a border crossing")],
    ),
    ("The Moscow police came.", [("Moscow", "city", "local")]),
    ("He lives in Lancashire.", [("Lancashire", "place", "[place]")]),
    # Kept: a country named as general context, and a description that is already general.
    (
        "Hundreds of thousands left for Georgia and Kazakhstan.",
        [("Georgia", "country", None), ("Kazakhstan", "country", None)],
    ),
    (
        "We live in a small town on the border with Kazakhstan.",
        [("a small town on the border with Kazakhstan", "place-description", None)],
    ),
    # Negative: a given name and a word that are also places are not places without context.
    ("Victoria said it was Reading week.", []),
]

RUSSIAN = [
    ("Он учится в Челябинске.", [("Челябинске", "city", "крупном городе на Урале")]),
    ("Она приехала из Челябинска.", [("Челябинска", "city", "крупного города на Урале")]),
    ("Мы жили в Копейске.", [("Копейске", "city", "городе на Урале")]),
    ("Он родом из Екатеринбурга.", [("Екатеринбурга", "city", "крупного города на Урале")]),
    ("Сестра живёт в Твери.", [("Твери", "city", "городе в центральной России")]),
    ("Они живут в селе Новокузьмищево.", [("селе Новокузьмищево", "village", "одном селе")]),
    ("Жили в Челябинской области.", [("Челябинской области", "region", "регионе на Урале")]),
    ("Я родилась в Казахстане.", [("Казахстане", "country", "одной из стран Центральной Азии")]),
    ("На Верхнем Ларсе мы стояли три дня.", [("Верхнем Ларсе", "border-crossing", "пограничном переходе")]),
    ("Мы жили в Кировском районе.", [("Кировском районе", "district", "одном из районов")]),
    ("Он вырос в Ростове-на-Дону.", [("Ростове-на-Дону", "city", "крупном городе на юге России")]),
    ("Мы живём в посёлке на границе с Казахстаном.", [("посёлке на границе с Казахстаном", "place-description", None)]),
    # Kept: countries named as general context.
    ("Сотни тысяч уехали в Грузию и Казахстан.", [("Грузию", "country", None), ("Казахстан", "country", None)]),
    # Negative: a common word that is also a town name ("Мир" is a town in Belarus).
    ("Мир тесен, сказала она.", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_places(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "en", expected, PLACES)


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_russian_places(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "ru", expected, PLACES)
