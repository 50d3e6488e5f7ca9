"""Phone numbers: regions testimonies come from, every common spacing; dates, years and IDs are not phones."""

import pytest

from tests.helpers import assert_finds
from veil.detecting.patterns.phone import PhoneDetector

DETECTOR = PhoneDetector()

CASES = [
    ("call me on +7 912 345-67-89 tonight", ["+7 912 345-67-89"]),
    ("звони 8 (912) 345-67-89", ["8 (912) 345-67-89"]),
    ("номер 89123456789", ["89123456789"]),
    ("+79123456789.", ["+79123456789"]),
    ("tel. +7 (903) 111-22-33, ask for Oleg", ["+7 (903) 111-22-33"]),
    ("Kazakhstan: +7 701 234 5678", ["+7 701 234 5678"]),
    ("Georgia +995 555 12 34 56", ["+995 555 12 34 56"]),
    ("Україна +380 67 123 4567", ["+380 67 123 4567"]),
    ("Belarus +375 29 123-45-67", ["+375 29 123-45-67"]),
    ("Armenia +374 91 234567", ["+374 91 234567"]),
    ("UK +44 20 7946 0958", ["+44 20 7946 0958"]),
    ("US (202) 555-0143 is shaped like a real number", ["(202) 555-0143"]),
    ("spaced out: 8 9 1 2 3 4 5 6 7 8 9", ["8 9 1 2 3 4 5 6 7 8 9"]),
    ("dots 8.912.345.67.89", ["8.912.345.67.89"]),
    ("two: +7 912 345-67-89 and 8 922 765-43-21", ["+7 912 345-67-89", "8 922 765-43-21"]),
    # read out in words, as in transcripts
    (
        "phoned from eight nine one two, three four five, six seven, eight nine.",
        ["eight nine one two, three four five, six seven, eight nine"],
    ),
    (
        "my number is plus seven nine zero three one one two two three three four",
        ["plus seven nine zero three one one two two three three four"],
    ),
    ("call nine one six, two oh three, forty five sixty seven", ["nine one six, two oh three, forty five sixty seven"]),
    ("fifty four i was born in nineteen sixty nine", []),  # an age and a year, too few digits
    ("one two three four five six seven eight nine ten", []),  # counting: no valid number
    # negatives: dates, years, ranges, times, document numbers that have their own detectors
    ("born on 12.03.1995 in Perm", []),
    ("between 1994-2000 he lived there", []),
    ("at 10:45 the bus left", []),
    ("passport 45 06 123456", []),
    ("ИНН 502417325954", []),
    ("application no. 28045/02", []),
    ("the figure was 1234567", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_phone_numbers(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "phone")
