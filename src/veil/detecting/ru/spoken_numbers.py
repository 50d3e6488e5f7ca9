"""Numbers said aloud in a transcript: "восемь девятьсот двенадцать триста сорок пять шестьдесят семь".

A phone number, a passport or a card number dictated in words escapes every digit pattern. A run of
number words (and digit groups) long enough to hold seven digits or more, or five right after a word
like "номер" or "паспорт", is such a number: dates, ages and amounts are shorter, and say "тысяча",
"года" or an ordinal between their numbers, which ends a run.
"""

from __future__ import annotations

import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why

_UNITS = frozenset("ноль нуль один одна одно два две три четыре пять шесть семь восемь девять".split())  # noqa: SIM905
_TEENS = frozenset(
    "десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать "  # noqa: SIM905
    "девятнадцать".split()
)
_TENS = frozenset("двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split())  # noqa: SIM905
_HUNDREDS = frozenset("сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split())  # noqa: SIM905
_NUMBER_WORD = "|".join(sorted(_UNITS | _TEENS | _TENS | _HUNDREDS, key=len, reverse=True))
_ITEM = rf"(?:(?:{_NUMBER_WORD})(?![а-яё])|\d{{1,4}}(?!\d))"
_RUN = re.compile(rf"(?i)(?<![\w-]){_ITEM}(?:[ \t]*[,–—-]?[ \t]*{_ITEM})+")
_TRIGGER = re.compile(r"(?i)(?:девят|восем|семь|шест|пят|четыр|три|два|две|один|одна|ноль|нуль|сорок|сто)")
MIN_DIGITS = 7
# After a word that says a number follows ("номер", "паспорт", "телефон"), a shorter one is enough.
MIN_DIGITS_AFTER_KEYWORD = 5
_KEYWORD = re.compile(
    r"(?i)(?:номер\w*|паспорт\w*|телефон\w*|тел\.|снилс\w*|инн|карт[аыуео]\w*|счёт\w*|счет\w*|серия|серии|билет\w*)"
    r"[\s:№,—-]*$"
)
MIN_WORDS = 3
_WHY = Why("ru.spoken-numbers", "number-in-words", 0.8, "a long number said in words (a phone or document number)")


def digits_of(run: str) -> tuple[int, int]:
    """How many digits a run of number words and digit groups writes, and how many words it has."""
    digits = words = 0
    open_places = 0  # places a hundred or a ten leaves for the words after it ("триста сорок пять")
    for item in re.findall(rf"(?i){_ITEM}", run):
        if item.isdigit():
            digits += len(item)
            open_places = 0
            continue
        words += 1
        low = item.lower()
        size = 3 if low in _HUNDREDS else 2 if low in _TENS or low in _TEENS else 1
        if size <= open_places:  # "сорок" after "триста", "пять" after "сорок": the same number
            open_places = 1 if low in _TENS and open_places == 2 else 0
            continue
        digits += size
        open_places = size - 1 if low in _HUNDREDS or low in _TENS else 0
    return digits, words


class SpokenNumbers(Detector):
    name = "ru.spoken-numbers"
    languages = frozenset({"ru"})

    def detect(self, passage: Passage) -> list[Detection]:
        if _TRIGGER.search(passage.text) is None:
            return []
        results = []
        for match in _RUN.finditer(passage.text):
            digits, words = digits_of(match.group())
            keyword = _KEYWORD.search(passage.text, max(0, match.start() - 30), match.start()) is not None
            if digits >= (MIN_DIGITS_AFTER_KEYWORD if keyword else MIN_DIGITS) and words >= MIN_WORDS:
                results.append(found(passage, match.start(), match.end(), label=Label.CODE, kind=Kind.DIRECT,
                                     type="spoken-number", why=_WHY))  # fmt: skip
        return results


@DETECTORS.register(SpokenNumbers.name)
def _factory() -> Detector:
    return SpokenNumbers()
