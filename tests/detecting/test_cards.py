"""Bank cards (Luhn) and IBANs (mod 97); numbers that fail the checksums are not flagged."""

import pytest

from tests.helpers import detect_in, spans
from veil.detecting.patterns.cards import CardDetector

DETECTOR = CardDetector()

CASES = [
    ("card 4276 3800 1234 5679 please", [("4276 3800 1234 5679", "card")]),
    ("карта 4276380012345679", [("4276380012345679", "card")]),
    ("card 2202-2038-1740-1120", [("2202-2038-1740-1120", "card")]),
    ("IBAN DE89 3704 0044 0532 0130 00", [("DE89 3704 0044 0532 0130 00", "iban")]),
    ("счёт GB82WEST12345698765432", [("GB82WEST12345698765432", "iban")]),
    ("card 4276 3800 1234 5678", []),  # fails Luhn
    ("0000 0000 0000 0000", []),  # passes Luhn but is not a number anyone holds
    ("Luhn-valid run inside a bad IBAN DE89 3704 0044 0532 0130 01", [("3704 0044 0532 0130 01", "card")]),
]


def test_iban_with_wrong_checksum_is_not_an_iban() -> None:
    assert spans(detect_in(DETECTOR, "IBAN DE89 3704 0044 0532 0130 01"), "iban") == []


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cards_and_ibans(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(detect_in(DETECTOR, text)) == expected
