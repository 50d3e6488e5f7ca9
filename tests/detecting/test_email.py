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
    # spelled out to dodge filters
    ("his mail is v dot krasnov at protonmail dot com", ["v dot krasnov at protonmail dot com"]),
    ("E-mail: rustam.abd96 [at] gmail [dot] com", ["rustam.abd96 [at] gmail [dot] com"]),
    ("reached at natalia.moroz88 at gmail dot com or", ["natalia.moroz88 at gmail dot com"]),
    (
        "my email is nadya dot kuzmina sixty nine at yandex dot ru and",
        ["nadya dot kuzmina sixty nine at yandex dot ru"],
    ),
    ("write to ivan at gmail dot com", ["ivan at gmail dot com"]),
    ("she worked at the plant dot com", []),  # "at" an everyday word, no mail provider
    ("we stayed at hotel dot com", []),  # the same
    ("a handle @daniil_sor95 is not an e-mail", []),  # no local part
    ("price 5@10 each", []),  # no domain
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_emails(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "email")
