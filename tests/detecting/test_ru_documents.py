"""Russian documents: passport, SNILS and INN (checksums), military ID; look-alikes are left alone."""

import pytest

from tests.helpers import detect_in, spans
from veil.detecting.patterns.ru_documents import RussianDocumentDetector, inn_is_valid, snils_is_valid

DETECTOR = RussianDocumentDetector()

CASES = [
    ("паспорт, серия 45 06 номер 123456", [("45 06 номер 123456", "passport")]),
    ("паспорт 4506 123456", [("4506 123456", "passport")]),
    ("passport 4506123456", [("4506123456", "passport")]),
    ("данные: 45 06 123456", [("45 06 123456", "passport")]),
    ("СНИЛС 154-238-712 60", [("154-238-712 60", "snils")]),
    ("снилс 15423871260", [("15423871260", "snils")]),
    ("ИНН 502417325954", [("502417325954", "inn")]),
    ("ИНН 7707083893", [("7707083893", "inn")]),
    ("военный билет АБ 1234567", [("АБ 1234567", "military-id")]),
    ("билет № АБ № 7654321", [("АБ № 7654321", "military-id")]),
    # negatives: wrong checksums and plain numbers
    ("СНИЛС 154-238-712 61", []),  # checksum off by one
    ("ИНН 502417325955", []),  # checksum off by one
    ("в 2022 году 1234567 человек", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_russian_documents(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(detect_in(DETECTOR, text, "ru")) == expected


def test_checksums() -> None:
    assert snils_is_valid("11223344595")
    assert not snils_is_valid("11223344596")
    assert inn_is_valid("770708389324")
    assert not inn_is_valid("770708389325")
