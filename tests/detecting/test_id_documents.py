"""Identity document numbers of any country, found after the document's name; other numbers are not."""

import pytest

from tests.helpers import assert_finds
from veil.detecting.patterns.id_documents import IdentityDocumentDetector

DETECTOR = IdentityDocumentDetector()

CASES = [
    ("International passport: 75 1234567", ["75 1234567"]),
    ("asked for my passport, 71 4483920.", ["71 4483920"]),
    ("copied my passport, series 65 09 number 482913, and", ["65 09 number 482913"]),
    ("his ID card number is 004519872.", ["004519872"]),
    ("passport No. FA 123456", ["FA 123456"]),
    ("military ID AK 7734521", ["AK 7734521"]),
    ("a residence permit 12345678 issued", ["12345678"]),
    ("Military ID: АЕ 0456712\n6. Address", ["АЕ 0456712"]),  # the next line's number is not part of it
    ("he lost his passport in 1995", []),  # a year
    ("the passport issued on 12 March 2003", []),  # a date
    ("his passport was taken; 5 officers came", []),  # too few digits
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_identity_document_numbers(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "id-document")
