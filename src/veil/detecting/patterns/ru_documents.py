"""Russian personal document numbers: passport, SNILS, INN and military ID.

SNILS and INN carry checksums, which are verified (INN through ``python-stdnum``), so an arbitrary
number is not taken for one. A passport number is recognised by its shape ("45 06 123456") or by a
passport word nearby; a military ID by its two Cyrillic letters and seven digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.ru import inn as stdnum_inn

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.rules import caseless_starts, matches_from
from veil.findings import Detection, Kind, Label, Passage, Why

_SEP = r"[\s\-]?"
# The number patterns begin with a digit and then look back ("\d(?<!\d\d)": no digit before the first),
# the same as a look-back first, but Python's re then skips straight to the digits of the text.
# The six-digit number is sometimes written in two halves ("45 06 № 123 456").
_PASSPORT_SHAPED = re.compile(r"\d(?<!\d\d)\d\s\d{2}\s(?:№\s?)?\d{3}\s?\d{3}(?!\d)")
_PASSPORT_WORD = r"(?:паспорт\w*|серия|серии|passport)"
_PASSPORT_CONTEXT = re.compile(
    rf"(?i){_PASSPORT_WORD}\D{{0,25}}?(?P<number>\d{{2}}\s?\d{{2}}(?:\s?(?:№|номер|no\.?)?\s?)\d{{3}}\s?\d{{3}})(?!\d)",
)
_SNILS = re.compile(r"\d(?<!\d\d)\d{2}[\s\-]?\d{3}[\s\-]?\d{3}[\s\-]?\d{2}(?!\d)")
_INN = re.compile(r"\d(?<!\d\d)(?:\d{11}|\d{9})(?!\d)")
# After the word, the number may be written with a space between any digits ("5 0 2 4 ...").
_INN_WORD = r"\b(?:инн|inn)\b"
_INN_CONTEXT = re.compile(rf"(?i){_INN_WORD}\D{{0,12}}?(?P<number>\d(?:\s?\d){{11}}|\d(?:\s?\d){{9}})(?![\d])")
# The context patterns start at their word: the words are looked for in lower-cased text (fast), and
# the patterns tried only there.
_WORDS = {
    _PASSPORT_CONTEXT: (re.compile(_PASSPORT_WORD), re.compile("(?i)" + _PASSPORT_WORD)),
    _INN_CONTEXT: (re.compile(_INN_WORD), re.compile("(?i)" + _INN_WORD)),
}
_MILITARY_ID = re.compile(r"(?<![\w])[А-ЯЁ]{2}\s?(?:№\s?)?\d{7}(?!\d)")

_WHY_PASSPORT = Why("pattern.ru-documents", "passport-shape", 0.9, "shaped like a Russian passport series and number")
_WHY_PASSPORT_CTX = Why("pattern.ru-documents", "passport-context", 0.97, "a number after the word 'passport'")
_WHY_SNILS = Why("pattern.ru-documents", "snils-checksum", 0.95, "an insurance number (SNILS) with a valid checksum")
_WHY_INN = Why("pattern.ru-documents", "inn-checksum", 0.96, "a taxpayer number (INN) with a valid checksum")
_WHY_MILITARY = Why("pattern.ru-documents", "military-id", 0.9, "shaped like a military ID (two letters, seven digits)")


def _after_word(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    lowered, insensitive = _WORDS[pattern]
    return matches_from(pattern, text, caseless_starts(lowered, insensitive, text))


def snils_is_valid(digits: str) -> bool:
    """The SNILS control number rule (Pension Fund of Russia)."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    body, check = digits[:9], int(digits[9:])
    if int(body) <= 1001998:
        return False  # numbers this low carry no checksum, and are not issued to people
    total = sum(int(d) * (9 - i) for i, d in enumerate(body))
    expected = total % 101
    expected = 0 if expected == 100 else expected
    return expected == check


def inn_is_valid(digits: str) -> bool:
    return bool(stdnum_inn.is_valid(digits))


class RussianDocumentDetector(Detector):
    name = "pattern.ru-documents"

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        spans: list[tuple[int, int, str, Why]] = []
        for m in _after_word(_PASSPORT_CONTEXT, text):
            spans.append((m.start("number"), m.end("number"), "passport", _WHY_PASSPORT_CTX))
        for m in _PASSPORT_SHAPED.finditer(text):
            spans.append((m.start(), m.end(), "passport", _WHY_PASSPORT))
        for m in _SNILS.finditer(text):
            if snils_is_valid(re.sub(r"\D", "", m.group())):
                spans.append((m.start(), m.end(), "snils", _WHY_SNILS))
        for m in _INN.finditer(text):
            if inn_is_valid(m.group()):
                spans.append((m.start(), m.end(), "inn", _WHY_INN))
        for m in _after_word(_INN_CONTEXT, text):
            if inn_is_valid(re.sub(r"\D", "", m.group("number"))):
                spans.append((m.start("number"), m.end("number"), "inn", _WHY_INN))
        for m in _MILITARY_ID.finditer(text):
            spans.append((m.start(), m.end(), "military-id", _WHY_MILITARY))
        return self._unique(passage, spans)

    @staticmethod
    def _unique(passage: Passage, spans: list[tuple[int, int, str, Why]]) -> list[Detection]:
        results: list[Detection] = []
        for start, end, type_, why in spans:
            if any(d.start < end and start < d.end for d in results):
                continue
            results.append(found(passage, start, end, label=Label.CODE, kind=Kind.DIRECT, type=type_, why=why))
        return results


@DETECTORS.register(RussianDocumentDetector.name)
def _factory() -> Detector:
    return RussianDocumentDetector()
