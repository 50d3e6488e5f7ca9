"""Phone numbers of Russia and its neighbours, and international numbers, however they are spaced.

A fast regular expression finds digit runs that could be phone numbers (with spaces, dashes, dots or
brackets between digits, even one digit at a time); ``phonenumbers`` then decides whether each is a
valid number in one of the regions testimonies come from. Dates, year ranges and times are skipped.
"""

from __future__ import annotations

import re

import phonenumbers

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.patterns.spoken import DIGIT_WORD, DIGIT_WORDS, spoken_digits
from veil.detecting.rules import caseless_spans
from veil.findings import Detection, Kind, Label, Passage, Why

# Regions tried, in order, for numbers written without a country code.
REGIONS = ("RU", "KZ", "UA", "BY", "GE", "AM", "AZ", "UZ", "KG", "TJ", "MD", "US", "GB", "DE", "IL", "TR")
_SEPARATORS = r"[ \t\u00a0().\-\u2010-\u2015]{0,3}"
_CANDIDATE = re.compile(rf"(?<![\w+(])(?:\+|00|\()?\d(?:{_SEPARATORS}\d){{6,16}}(?![\w/])")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$|^\d{4}\s?[-\u2013]\s?\d{2,4}$|^\d{1,2}[.:]\d{2}$")
# Shapes that are other identifiers (a Russian passport "45 06 123456"), left to their own detectors.
_OTHER_SHAPES = re.compile(r"^\d{2}\s\d{2}\s(?:№\s?)?\d{6}$|^\d{3}-\d{3}-\d{3}[\s-]\d{2}$")
_PHONE_CONTEXT = re.compile(
    r"(?i)(?:тел|phone|call|mobile|cell|номер|звон|whats ?app|viber|telegram|signal|\+)",
)
# A number right after one of these words is another identifier, left to its own detector.
_OTHER_ID_BEFORE = re.compile(
    r"(?i)(?:инн|inn|снилс|snils|паспорт\w*|passport|серия|card|карт[аыуе]|сч[её]т\w*|account|iban|№)\W{0,12}$"
)
# A number read aloud: "eight nine one two, three four five ...", "plus seven nine zero three ...".
_SPOKEN = re.compile(rf"(?i)(?<![\w-])(?:plus[\s-]+)?{DIGIT_WORDS}(?![\w-])")
_SPOKEN_LOWER = re.compile(_SPOKEN.pattern.removeprefix("(?i)"))  # for lower-cased text (fast)
_SPOKEN_GROUP = re.compile(DIGIT_WORD, re.IGNORECASE)
_COUNTING = "".join(str(n) for n in range(21))
_WHY_SPOKEN = Why("pattern.phone", "spoken-digits-valid", 0.9, "a valid phone number read out in words")
_WHY_VALID = Why("pattern.phone", "phonenumbers-valid", 0.95, "a valid phone number for {region}")
_WHY_CONTEXT = Why("pattern.phone", "phonenumbers-possible+context", 0.8, "a possible phone number near a phone word")


def _region_of(candidate: str) -> str | None:
    """The first region in which ``candidate`` is a valid number, if any."""
    for region in REGIONS:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return phonenumbers.region_code_for_number(number) or region
        if candidate.lstrip().startswith(("+", "00")):
            return None
    return None


def _is_possible(candidate: str) -> bool:
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(candidate, "RU"))
    except phonenumbers.NumberParseException:
        return False


_DIGIT_GROUP = re.compile(r"\d+")
MIN_DIGITS, MAX_DIGITS, LATE_START_DIGITS = 7, 15, 10


def _windows(candidate: str) -> list[tuple[int, int]]:
    """Sub-spans of a candidate made of whole digit groups, leftmost and longest first.

    A run such as "+7 912 345-67-89 00000" (a number followed by other digits) is not valid as a whole,
    but its first five groups are; trying whole-group windows finds it.
    """
    groups = [m.span() for m in _DIGIT_GROUP.finditer(candidate)]
    windows = []
    for i, (first_start, _) in enumerate(groups):
        prefix = 1 if first_start > 0 and candidate[first_start - 1] in "+(" else 0
        for j in range(len(groups), i, -1):
            digits = sum(e - s for s, e in groups[i:j])
            # a window that drops leading digits must be a long number on its own
            if MIN_DIGITS <= digits <= MAX_DIGITS and (i == 0 or digits >= LATE_START_DIGITS):
                windows.append((first_start - prefix, groups[j - 1][1]))
    return windows


class PhoneDetector(Detector):
    name = "pattern.phone"

    def detect(self, passage: Passage) -> list[Detection]:
        results: list[Detection] = []
        text = passage.text
        for match in _CANDIDATE.finditer(text):
            if self._other_identifier(text, match):
                continue
            cursor = match.start()
            for local_start, local_end in _windows(match.group()):
                start, end = match.start() + local_start, match.start() + local_end
                if start < cursor:
                    continue
                why = self._judge(text, start, end)
                if why is not None:
                    results.append(
                        found(passage, start, end, label=Label.CODE, kind=Kind.DIRECT, type="phone", why=why)
                    )
                    cursor = end
        results.extend(self._spoken(passage))
        return results

    def _spoken(self, passage: Passage) -> list[Detection]:
        """Numbers read out in words, valid as a whole or as their leading groups ("... nine, same one")."""
        results = []
        for start, stop in caseless_spans(_SPOKEN_LOWER, _SPOKEN, passage.text):
            spoken = passage.text[start:stop]
            plus = "+" if spoken.lower().startswith("plus") else ""
            groups = list(_SPOKEN_GROUP.finditer(spoken))
            for last in range(len(groups), 0, -1):
                digits = spoken_digits(spoken[: groups[last - 1].end()])
                if len(digits) < LATE_START_DIGITS or digits in _COUNTING:
                    break  # too short, or someone counting ("one two three ... ten")
                if len(digits) <= MAX_DIGITS and _region_of(plus + digits) is not None:
                    end = start + groups[last - 1].end()
                    results.append(found(passage, start, end, label=Label.CODE, kind=Kind.DIRECT,
                                         type="phone", why=_WHY_SPOKEN))  # fmt: skip
                    break
        return results

    def _judge(self, text: str, start: int, end: int) -> Why | None:
        """Why ``text[start:end]`` is a phone number, or ``None`` when it is not one."""
        candidate = text[start:end].strip()
        if _DATE_LIKE.match(candidate):
            return None
        compact = re.sub(r"[^\d+]", "", candidate)
        region = _region_of(compact)
        if region is not None:
            return Why(_WHY_VALID.source, _WHY_VALID.rule, _WHY_VALID.score, f"a valid phone number ({region})")
        if len(compact.lstrip("+")) >= 10 and _is_possible(compact) and self._near_phone_word(text, start):
            return _WHY_CONTEXT
        return None

    @staticmethod
    def _other_identifier(text: str, match: re.Match[str]) -> bool:
        """A passport number or an INN looks like a phone number; their own detectors handle them."""
        if _OTHER_SHAPES.match(match.group().strip()):
            return True
        return _OTHER_ID_BEFORE.search(text[max(0, match.start() - 30) : match.start()]) is not None

    @staticmethod
    def _near_phone_word(text: str, start: int) -> bool:
        window = text[max(0, start - 40) : start + 1]
        return _PHONE_CONTEXT.search(window) is not None


@DETECTORS.register(PhoneDetector.name)
def _factory() -> Detector:
    return PhoneDetector()
