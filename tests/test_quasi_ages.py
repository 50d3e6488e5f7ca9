"""Ages: detection (exact span, fine type) and generalization, in English and Russian."""

import pytest

from tests.helpers import assert_quasi

AGE = {"age"}

ENGLISH = [
    ("My son is 27.", [("27", "age", "twenty-something")]),
    ("He was 27 years old when he left.", [("27 years old", "age", "in his twenties")]),
    ("She is 34 years old.", [("34 years old", "age", "in her thirties")]),
    ("A 27-year-old student was detained.", [("A 27-year-old", "age", "A twenty-something")]),
    ("an 18-year-old conscript", [("an 18-year-old", "age", "a teenage")]),
    ("a man aged 41 was arrested", [("aged 41", "age", "in his forties")]),
    ("Mrs Willis died at the age of 39.", [("at the age of 39", "age", "in her thirties")]),
    ("Oleg, 41, teaches chemistry.", [("41", "age", "forty-something")]),
    ("I am sixty-three.", [("sixty-three", "age", "sixty-something")]),
    ("He is about thirty.", [("about thirty", "age", "thirty-something")]),
    ("My husband is in his late twenties.", [("in his late twenties", "age", "in his twenties")]),
    ("His age is 49, he is of good character.", [("49", "age", "forty-something")]),
    ("Daniil (27) wrote to me.", [("27", "age", "twenty-something")]),
    ("She is 102 years old.", [("102 years old", "age", "in her nineties")]),  # a hundred and over
    # Negative: a pensionable age in law is nobody's age.
    ("A woman could claim a State pension at the age of sixty.", []),
    # Negative: durations and counts are not ages.
    ("He waited for 27 years. 27 people came. The building is on 27 Main Street.", []),
]

RUSSIAN = [
    ("Ему тридцать четыре года.", [("тридцать четыре года", "age", "за тридцать")]),
    ("Мне 27 лет, я студентка.", [("27 лет", "age", "за двадцать")]),
    ("Ей 31 год.", [("31 год", "age", "за тридцать")]),
    ("Сыну исполнилось 19.", [("19", "age", "меньше двадцати")]),
    ("Он умер в возрасте 56 лет.", [("56 лет", "age", "за пятьдесят")]),
    ("Бабушке 102 года.", [("102 года", "age", "за девяносто")]),  # a hundred and over
    ("Задержали 31-летнего инженера.", [("31-летнего", "age", "молодого")]),
    ("Тридцатилетний мужчина уехал.", [("Тридцатилетний", "age", "Молодой")]),
    ("Наша сорокапятилетняя учительница уволилась.", [("сорокапятилетняя", "age", "средних лет")]),
    ("Ему уже за сорок.", [("за сорок", "age", None)]),
    ("Алексею 34 года, Нине 60 лет.", [("34 года", "age", "за тридцать"), ("60 лет", "age", "за шестьдесят")]),
    ("В 13 лет он уехал из дома.", [("В 13 лет", "age", "В юности")]),
    ("Он умер от рака в 24 года.", [("в 24 года", "age", "в возрасте за двадцать")]),
    ("Он работал с 14 лет.", [("с 14 лет", "age", "с юности")]),
    ("Бабушка дожила до 95 лет.", [("до 95 лет", "age", "до девяноста с лишним")]),
    ("Писатель умер на 85 году жизни.", [("на 85 году жизни", "age", "в возрасте за восемьдесят")]),
    ("Тело мужчины, которому было 49 лет, нашли утром.", [("49 лет", "age", "за сорок")]),
    ("Погибла девочка 8 лет.", [("8 лет", "age", "меньше десяти лет")]),
    ("Ахмед (51 год) приехал первым.", [("51 год", "age", "за пятьдесят")]),
    ("17-летняя стажёрка подала жалобу.", [("17-летняя", "age", "несовершеннолетняя")]),
    ("Умер 13-ти летний мальчик.", [("13-ти летний", "age", "несовершеннолетний")]),
    # Negative: durations are not ages.
    ("Пять лет назад мы переехали. За десять лет всё изменилось.", []),
    # Negative: a frequency, a sentence and a pension age are nobody's age.
    ("Выборы проходят раз в 5 лет. Ему грозит до 5 лет лишения свободы.", []),
    ("Пенсионный возраст повысится до 60 лет.", []),
    # Negative: a five-year plan is not a five-year-old.
    ("Пятилетний план выполнили.", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_ages(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "en", expected, AGE)


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_russian_ages(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "ru", expected, AGE)
