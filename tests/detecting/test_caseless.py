"""Searching lower-cased text finds what a case-insensitive pattern finds in the text itself.

Detectors look for keywords in :func:`veil.detecting.rules.caseless` text with a lower-case pattern
(fast) instead of running a ``(?i)`` pattern (slow); that is only right if every letter Python's
case-insensitive matching equates with a Latin or Cyrillic letter lower-cases to that letter.
"""

from __future__ import annotations

import re
import sys

import pytest

from veil.detecting.rules import caseless, caseless_starts

LETTERS = "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def cased_characters() -> list[str]:
    """Every character with another case (the only ones ``(?i)`` can equate with something else)."""
    found = []
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if char.lower() != char or char.upper() != char or char.casefold() != char:
            found.append(char)
    return found


@pytest.mark.parametrize("letter", list(LETTERS))
def test_a_letter_matches_insensitively_exactly_where_its_caseless_form_is_that_letter(letter: str) -> None:
    insensitive = re.compile("(?i)" + re.escape(letter))
    for char in cased_characters_cache():
        folded = caseless(char)
        assert folded is not None, hex(ord(char))
        assert (insensitive.fullmatch(char) is not None) == (folded == letter), (hex(ord(char)), letter)


_CACHE: list[str] = []


def cased_characters_cache() -> list[str]:
    if not _CACHE:
        _CACHE.extend(cased_characters())
    return _CACHE


@pytest.mark.parametrize(
    "text",
    [
        "Her TELEGRAM is @volk and her Skype: sasha_v",
        "Sıgnal, ſkype and nickname here",  # letters equated with i and s only by case-insensitive matching
        "İstanbul: his Telegram is grom88, İnstagram",  # "İ" lower-cases to two characters
        "ник: volk, НИК — s a s h a",
        "",
    ],
)
def test_starts_are_those_of_the_insensitive_pattern(text: str) -> None:
    words = r"\b(?:telegram|skype|signal|nickname|ник)"
    insensitive, lowered = re.compile("(?i)" + words), re.compile(words)
    expected = [m.start() for m in insensitive.finditer(text)]
    assert caseless_starts(lowered, insensitive, text) == expected
    assert expected or not text


def test_expanded_triggers_find_what_the_triggers_find() -> None:
    """Every rule trigger split into plain-first alternatives ("[Cc]ustody" as "Custody|custody") finds
    the same spans as the trigger itself, on text in every case."""
    from pathlib import Path

    from veil.detecting.base import DETECTORS
    from veil.detecting.rules import RuleDetector, _expanded

    text = (Path(__file__).resolve().parents[2] / "examples" / "interview_en.txt").read_text(encoding="utf-8")
    text += "\nHeld in custody, CUSTODY, Detention; the Euro, euros, 5 Marks, a Mark; Brigade, brigade. Wife, wife,"
    text = "\n".join([text, text.lower(), text.upper(), text.title()])
    expanded = 0
    for name in DETECTORS.names():
        detector = DETECTORS.get(name)
        if not isinstance(detector, RuleDetector):
            continue
        for rule in detector.rule_table():
            if rule.trigger is None:
                continue
            fast = _expanded(rule.trigger)
            expanded += fast is not rule.trigger
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in rule.trigger.finditer(text)], rule.name
    assert expanded >= 10, "the triggers written with [Xx] classes are expanded"
