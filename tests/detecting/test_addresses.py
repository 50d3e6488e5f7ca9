"""Street addresses in Russian and English, with house, building and flat numbers."""

import pytest

from tests.helpers import assert_finds
from veil.detecting.patterns.addresses import AddressDetector

DETECTOR = AddressDetector()

CASES = [
    ("живёт на улице Гагарина, д. 17, кв. 9.", ["улице Гагарина, д. 17, кв. 9"]),
    ("адрес: ул. Ленина, 5", ["ул. Ленина, 5"]),
    ("пр-т Мира, дом 12, корп. 2, кв. 40", ["пр-т Мира, дом 12, корп. 2, кв. 40"]),
    ("на Садовой улице", ["Садовой улице"]),
    ("дом 5, квартира 12", ["дом 5, квартира 12"]),
    ("our flat at 14 Lenin Street, Apt 52, and", ["14 Lenin Street, Apt 52"]),
    ("he lives at 221B Baker Street.", ["221B Baker Street"]),
    ("10 Downing Street", ["10 Downing Street"]),
    ("in 2022 Street protests", []),  # a year, not a house number
    ("the street was empty", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_addresses(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "address")
