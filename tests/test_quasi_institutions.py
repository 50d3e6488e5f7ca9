"""Institutions (employer, university, school, hospital, court, unit) and sums of money, in both languages."""

import pytest

from tests.helpers import assert_quasi

INSTITUTIONS = {"university", "school", "hospital", "court", "prison", "company", "media", "party", "military-unit",
                "police", "government", "organization", "plant", "money"}  # fmt: skip

ENGLISH = [
    (
        "He studies at the polytechnic in Chelyabinsk.",
        [("polytechnic in Chelyabinsk", "university", "technical university in the Urals")],
    ),
    ("I teach at the lyceum.", [("lyceum", "school", "school")]),
    (
        "He was tried by the Kayseri Administrative Court.",
        [("Kayseri Administrative Court", "court", "administrative court")],
    ),
    ("She was treated at Ege University Hospital.", [("Ege University Hospital", "hospital", "a university hospital")]),
    ("He works for Viasat Broadcasting UK Ltd.", [("Viasat Broadcasting UK Ltd", "company", "a broadcasting company")]),
    ("He served in military unit 12345.", [("military unit 12345", "military-unit", "a military unit")]),
    (
        "He joined the 200th Motor Rifle Brigade.",
        [("the 200th Motor Rifle Brigade", "military-unit", "a military unit")],
    ),
    ("She was employed to work for Etibank, a State-owned company.", [("Etibank", "company", "a company")]),
    (
        "The Employment Appeal Tribunal (“EAT”) dismissed it. The EAT refused.",
        [("Employment Appeal Tribunal", "court", None), ("EAT", "court", None), ("EAT", "court", None)],
    ),
    (
        "He paid EUR 4,000 and later 250,000 Swedish kronor.",
        [
            ("EUR 4,000", "money", "thousands of euros"),
            ("250,000 Swedish kronor", "money", "hundreds of thousands of Swedish kronor"),
        ],
    ),
    # Kept: public institutions named only by their function, and the state.
    (
        "The Supreme Court and the Court of Cassation agreed with the Turkish Government.",
        [("Supreme Court", "court", None), ("Court of Cassation", "court", None)],
    ),
    # Negative: a law is not an institution.
    ("Under the Army Act the case was closed.", []),
]

RUSSIAN = [
    ("Он инженер на ТЭЦ-3.", [("ТЭЦ-3", "plant", "электростанции")]),
    ("Дочь учится в школе № 5.", [("школе № 5", "school", "школе")]),
    ("Я работаю в лицее.", [("лицее", "school", "школе")]),
    ("Сын учился в политехе.", [("политехе", "university", "техническом университете")]),
    ("Он служил в в/ч 12345.", [("в/ч 12345", "military-unit", "воинской части")]),
    ("Он работал на заводе «Уралмаш».", [("заводе «Уралмаш»", "plant", "заводе")]),
    ("Его арестовал Басманный районный суд.", [("Басманный районный суд", "court", "районный суд")]),
    ("Он сидел в ИК-2.", [("ИК-2", "prison", "колонии")]),
    ("За это он заплатил 50 000 рублей.", [("50 000 рублей", "money", "десятки тысяч рублей")]),
    ("Штраф составил около 300 тысяч рублей.", [("около 300 тысяч рублей", "money", "сотни тысяч рублей")]),
    ("Он остался без 300 тысяч рублей.", [("300 тысяч рублей", "money", "сотен тысяч рублей")]),
    # Kept: an institution named only by its function.
    ("Верховный суд отказал.", [("Верховный суд", "court", None)]),
    # Negative: a school in general.
    ("Все дети ходят в школу.", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_institutions(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "en", expected, INSTITUTIONS)


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_russian_institutions(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "ru", expected, INSTITUTIONS)
