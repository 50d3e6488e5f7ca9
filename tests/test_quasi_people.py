"""Occupations, studies, ranks, family and school year: detection and generalization, in both languages."""

import pytest

from tests.helpers import assert_quasi

PEOPLE = {"occupation", "rank", "family-size", "school-grade", "relative"}

ENGLISH = [
    ("He is a second-year engineering student.", [("a second-year engineering student", "occupation", "a student")]),
    ("She was a primary school teacher in the town.", [("a primary school teacher", "occupation", "a teacher")]),
    ("He worked as a lorry driver.", [("a lorry driver", "occupation", "a driver")]),
    ("He was a Lance Corporal in the army.", [("a Lance Corporal", "rank", "a soldier")]),
    ("I teach chemistry at the lyceum.", [("chemistry", "occupation", "science")]),
    ("He is an electrician by profession.", [("an electrician", "occupation", "a skilled worker")]),
    ("She had three children.", [("three children", "family-size", "several children")]),
    ("I am a mother of four.", [("mother of four", "family-size", "mother of several")]),
    (
        "My daughter is in ninth grade.",
        [("My daughter", "relative", None), ("in ninth grade", "school-grade", "at secondary school")],
    ),
    ("Her ex-husband took the car.", [("Her ex-husband", "relative", None)]),
    ("We have two younger children.", [("two younger children", "family-size", None)]),
    # Negative: officials' roles in a procedure are not the person's job.
    ("The Public Prosecutor filed an indictment; the judge agreed.", []),
    # Negative: ordinary words that are also ranks or jobs.
    ("This was a general rule and a major problem.", []),
    # Negative: someone else's lawyer is not the speaker's occupation.
    ("He was represented by a lawyer practising in London.", []),
]

RUSSIAN = [
    ("Он инженер-теплотехник.", [("инженер-теплотехник", "occupation", "инженер")]),
    ("Она работает учительницей химии.", [("учительницей химии", "occupation", "учительницей")]),
    ("Мой муж — сварщик.", [("Мой муж", "relative", None), ("сварщик", "occupation", "рабочий")]),
    ("Она студентка второго курса.", [("студентка второго курса", "occupation", "студентка")]),
    ("По профессии я бухгалтер.", [("бухгалтер", "occupation", None)]),
    ("Сын учится на врача.", [("врача", "occupation", None)]),
    ("Я преподаю химию.", [("химию", "occupation", "естественные науки")]),
    ("Он был старшим лейтенантом.", [("старшим лейтенантом", "rank", "офицером")]),
    ("У меня двое младших детей.", [("двое младших детей", "family-size", None)]),
    ("Она мать троих детей.", [("троих детей", "family-size", "нескольких детей")]),
    ("Её бывший муж ушёл.", [("Её бывший муж", "relative", None)]),
    ("Дочь учится в девятом классе.", [("в девятом классе", "school-grade", "в средних классах")]),
    # Negative: someone else's occupation ("with a doctor").
    ("Я поговорила с врачом.", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_people(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "en", expected, PEOPLE)


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_russian_people(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "ru", expected, PEOPLE)
