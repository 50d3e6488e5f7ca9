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
    # Russian, Ukrainian and Polish addresses in Latin letters
    ("Address in Russia: Lenina str. 45, apt. 12, Khasavyurt", ["Lenina str. 45, apt. 12"]),
    ("Address: Flat 4, 22 Nevsky Prospekt, Saint Petersburg", ["Flat 4, 22 Nevsky Prospekt"]),
    ("Her address in Kraków is ul. Długa 15/7.", ["ul. Długa 15/7"]),
    ("at vulytsia Shevchenka 12. They took", ["vulytsia Shevchenka 12"]),
    ("the notary is on Lesnaya 14, office 3, next to", ["Lesnaya 14, office 3"]),
    ("they came to his parents on Kirova 9", ["Kirova 9"]),
    ("in belgorod on gagarina street house seventeen flat nine with", ["gagarina street house seventeen flat nine"]),
    ("at Moldova 12 people", []),  # a country, not a street
    ("born at Ivanova 1990", []),  # a year is no house number
    ("the Main Street 5 km away", []),  # a distance
    ("in 2022 Street protests", []),  # a year, not a house number
    ("the street was empty", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_addresses(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "address")
