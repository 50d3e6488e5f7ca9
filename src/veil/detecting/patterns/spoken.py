"""Numbers and symbols spelled out in words, as people dictate them in interviews and transcripts.

A phone number read aloud ("eight nine one two, three four five ...", "plus seven nine zero three ...")
and an e-mail address written to dodge filters ("v dot krasnov at protonmail dot com") are the same
identifiers as their written forms. This module holds the shared vocabulary: :data:`DIGIT_WORDS`, a
regular expression for one spoken digit group, and :func:`spoken_digits`, which turns a run of such
words into the digits they stand for.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_TEENS = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}  # fmt: skip
_TENS = {
    "twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8",
    "ninety": "9",
}  # fmt: skip
_REPEATS = {"double": 2, "triple": 3}
_UNIT = "|".join(_UNITS)
_TEEN = "|".join(_TEENS)
_TEN = "|".join(_TENS)
# One spoken group: "five", "oh", "nineteen", "forty", "forty-five", "double seven".
DIGIT_WORD = rf"(?:(?:double|triple)[\s-]+(?:{_UNIT})|(?:{_TEN})(?:[\s-]+(?:{_UNIT}))?|{_TEEN}|{_UNIT}|hundred)"
# A run of spoken groups, separated by spaces, commas, dashes or dots (as dictated).
DIGIT_WORDS = rf"(?:{DIGIT_WORD})(?:[\s,.\-]{{1,3}}(?:{DIGIT_WORD}))*"
_GROUP = re.compile(DIGIT_WORD, re.IGNORECASE)


def spoken_digits(words: str) -> str:
    """The digits a run of spoken digit groups stands for: "forty five, oh two" -> "4502"."""
    digits = []
    for match in _GROUP.finditer(words):
        parts = match.group().lower().replace("-", " ").split()
        if parts[0] in _REPEATS:
            digits.append(_UNITS[parts[-1]] * _REPEATS[parts[0]])
        elif parts[0] in _TENS:
            digits.append(_TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) > 1 else "0"))
        elif parts[0] in _TEENS:
            digits.append(_TEENS[parts[0]])
        elif parts[0] == "hundred":
            digits.append("00")
        else:
            digits.append(_UNITS[parts[0]])
    return "".join(digits)
