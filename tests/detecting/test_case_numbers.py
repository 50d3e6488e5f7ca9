"""Case and application numbers, only when introduced as such."""

import pytest

from tests.helpers import assert_finds
from veil.detecting.patterns.case_numbers import CaseNumberDetector

DETECTOR = CaseNumberDetector()

CASES = [
    ("an application (no. 28045/02) against", ["28045/02"]),
    ("applications nos. 123/04 and 456/05", ["123/04", "456/05"]),
    ("дело № 2-345/2019 рассмотрено", ["2-345/2019"]),
    ("протокол №12345", ["12345"]),
    ("case number 2019-0451", ["2019-0451"]),
    ("Protocol No. 1 to the Convention", []),  # one digit: a treaty protocol, not a case
    ("Article 34 of the Convention", []),
    ("in 2019 many people", []),
    # A decree's or a law's number is public.
    ("three days after Putin signed Decree No. 647 on partial mobilization", []),
    ("under Federal Law No. 273 on education", []),
    ("подписал Указ № 647 о частичной мобилизации", []),
    ("his complaint No. 647 was rejected", ["647"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_case_numbers(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "case-number")
