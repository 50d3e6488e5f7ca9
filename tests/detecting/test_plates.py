"""Russian licence plates in Cyrillic or Latin look-alike letters."""

import pytest

from tests.helpers import assert_finds
from veil.detecting.patterns.plates import PlateDetector

DETECTOR = PlateDetector()

CASES = [
    ("номер А123ВС 174", ["А123ВС 174"]),
    ("plate А123ВС 174.", ["А123ВС 174"]),
    ("машина т567км96", ["т567км96"]),
    ("Latin look-alikes: A123BC77", ["A123BC77"]),
    ("с пробелами: Т 567 КМ 96", ["Т 567 КМ 96"]),
    ("with region RUS: Е001КХ 777 RUS", ["Е001КХ 777 RUS"]),
    ("Ж123ВС 77", []),  # Ж is not used on plates
    ("in 1995 A 12 BC", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_plates(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "licence-plate")
