"""Handles, usernames after messenger words, profile links; ordinary words and e-mails are not handles."""

import pytest

from tests.helpers import assert_finds
from veil.detecting.patterns.handles import HandleDetector

DETECTOR = HandleDetector()

HANDLES = [
    ("his handle is @daniil_sor95.", ["@daniil_sor95"]),
    ("пиши @masha.k", ["@masha.k"]),
    ("телеграм: aleksey_grom", ["aleksey_grom"]),
    ("ник aleksey_grom", ["aleksey_grom"]),
    ("Telegram — vova1987", ["vova1987"]),
    ("skype: ivan.petrov.77", ["ivan.petrov.77"]),
    ("written with a space: @ sergey_v", ["@ sergey_v"]),
    ("on telegram i am at nadya underscore k sixty nine, the old", ["nadya underscore k sixty nine"]),
    ("the underscore key is broken", []),  # the character itself
    ("mail daniil@mail.ru", []),  # an e-mail, not a handle
    ("on Telegram yesterday", []),  # a plain word after the keyword, no separator
    ("Telegram and WhatsApp", []),
]
PROFILES = [
    ("see t.me/aleksey_grom", ["t.me/aleksey_grom"]),
    ("https://vk.com/id123456, and more", ["https://vk.com/id123456"]),
    ("instagram.com/masha_k)", ["instagram.com/masha_k"]),
    ("www.facebook.com/ivan.petrov", ["www.facebook.com/ivan.petrov"]),
]
URLS = [
    ("read https://example.org/news/1.", ["https://example.org/news/1"]),
]


@pytest.mark.parametrize(("text", "expected"), HANDLES)
def test_handles(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "handle")


@pytest.mark.parametrize(("text", "expected"), PROFILES)
def test_profile_links(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "profile-url")


@pytest.mark.parametrize(("text", "expected"), URLS)
def test_other_links_are_quasi(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "url")
