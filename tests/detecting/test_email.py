"""E-mail addresses in any script; things that merely contain @ are not e-mails."""

import pytest

from tests.helpers import assert_finds
from veil.detecting.patterns.email import EmailDetector

DETECTOR = EmailDetector()

CASES = [
    ("write to daniil.sorokin95@mail.ru now", ["daniil.sorokin95@mail.ru"]),
    ("почта: a.gromov@yandex.ru.", ["a.gromov@yandex.ru"]),
    ("<ivan+news@example.co.uk>", ["ivan+news@example.co.uk"]),
    ("адрес иван@почта.рф", ["иван@почта.рф"]),
    ("two: a@b.io, c_d@e-f.org", ["a@b.io", "c_d@e-f.org"]),
    ("a handle @daniil_sor95 is not an e-mail", []),  # no local part
    ("price 5@10 each", []),  # no domain
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_emails(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "email")
