"""Dates and times of personal events: detection and generalization, in English and Russian."""

import pytest

from tests.helpers import assert_quasi

DATE = {"date", "duration"}

ENGLISH = [
    ("The summons came on 22 September 2022.", [("22 September 2022", "date", "a day in September 2022")]),
    ("By 22 September 2022 he had left.", [("22 September 2022", "date", "September 2022")]),
    ("We left in June 1995.", [("June 1995", "date", "summer 1995")]),
    ("He was born in 1949 and lives here.", [("1949", "date", "the late 1940s")]),
    # A range of years is one span ("the mid-2010s-2016" was written, and 2016 kept).
    ("He served in 2015-2016 as a conscript.", [("2015-2016", "date", "the mid-2010s")]),
    ("He served there in 2003–2004.", [("2003–2004", "date", "the early 2000s")]),
    ("In 1980 she moved.", [("1980", "date", "the early 1980s")]),
    ("He was detained on September 22, 2022.", [("September 22, 2022", "date", "a day in September 2022")]),
    ("It happened in the first half of 1993.", [("the first half of 1993", "date", "1993")]),
    ("They came in autumn 2022.", [("autumn 2022", "date", "2022")]),
    ("I saw him last Tuesday.", [("last Tuesday", "date", "recently")]),
    ("On the 22nd a man came.", [("On the 22nd", "date", "One day")]),
    ("They knocked at 5.30 p.m.", [("at 5.30 p.m.", "date", "in the evening")]),
    ("The police came at 3 a.m.", [("at 3 a.m.", "date", "at night")]),
    ("The court sentenced him to 14 years' imprisonment.", [("14 years", "duration", "over ten years")]),
    ("His detention in police custody lasted eight days.", [("eight days", "duration", "several days")]),
    ("Born on 24 March 1989, she grew up here.", [("24 March 1989", "date", "a day in the late 1980s")]),
    ("The letter is dated 12.03.2022.", [("12.03.2022", "date", "March 2022")]),
    # Negative: a month alone, a duration, a law's year say nothing about a person.
    ("In September many people left; he stayed for seven months under the Act of 1886.", []),
    # Negative: a sum of people and a year range in a case name are not dates of personal events.
    ("Many people came to the Supreme Court.", []),
]

RUSSIAN = [
    ("Повестку принесли двадцать третьего сентября.", [("двадцать третьего сентября", "date", "в сентябре")]),
    ("Его задержали 3 февраля 2022 года.", [("3 февраля 2022 года", "date", "в феврале 2022 года")]),
    ("Мы уехали третьего февраля.", [("третьего февраля", "date", "в феврале")]),
    ("В сентябре 2022 года он уехал.", [("В сентябре 2022 года", "date", "Осенью 2022 года")]),
    ("Мы переехали в 2015 году.", [("в 2015 году", "date", "в середине 2010-х")]),
    ("С 2015 года он работает там.", [("2015 года", "date", "середины 2010-х")]),
    ("Осенью 2022 года стало страшно.", [("Осенью 2022 года", "date", "В 2022 году")]),
    ("В прошлый вторник пришли двое.", [("В прошлый вторник", "date", "Недавно")]),
    ("Они пришли во вторник.", [("во вторник", "date", "однажды")]),
    ("Позвонили в три часа ночи.", [("в три часа ночи", "date", "ночью")]),
    ("Он мужчина 1995 года рождения.", [("1995 года", "date", "1990-х годов")]),
    ("Документ датирован 23.09.2022.", [("23.09.2022", "date", "в сентябре 2022 года")]),
    # Negative: a month alone and a duration are not identifying.
    ("В сентябре многие уехали, а он прожил там семь месяцев.", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_dates(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "en", expected, DATE)


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_russian_dates(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "ru", expected, DATE)
