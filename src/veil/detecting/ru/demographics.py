"""Russian nationality, ethnicity, religion and native language: "я татарка", "он чеченец по национальности",
"гражданин Казахстана", "православный", "Свидетели Иеговы", "мой родной язык — татарский".

Ethnic and religious nouns come from ``data/quasi/ru_demographics.tsv`` in every case; they count when they
describe someone (after a pronoun, a dash, "по национальности", or in the instrumental after "был",
"стал"), which leaves out "чеченская война" and "мусульманский мир". Citizenship of a country is caught by
``ru.places`` ("гражданин Казахстана" makes the country personal).
"""

from __future__ import annotations

import functools
import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.ru.morph import PERSON_WORDS, Tags, inflected_index
from veil.detecting.rules import PhraseIndex, table, words
from veil.findings import Detection, Kind, Label, Passage, Why

_LANGUAGE = re.compile(
    r"(?i)\bродн(?:ой|ым|ого)\s+язык\w*\s+(?:—\s+|-\s+|был\s+|у\s+меня\s+)?(?P<l>[а-яё]+(?:ский|цкий|ий))\b"
    r"|\bговори(?:м|т|ли|ла|л)\s+(?:дома\s+)?(?P<l2>по-[а-яё]+(?:ски|цки))\b"
)
_ORTHODOX = re.compile(
    r"(?i)\b(?:я|он|она|мы|они|был[аи]?|—)\s+(?P<w>(?:верующ(?:ий|ая|ие)\s+)?православн(?:ый|ая|ые|ой|ым|ою))\b"
)
_WITNESSES = re.compile(r"(?i)\bсвидетел(?:ь|я|ю|ем|е|и|ей|ям|ями|ях)\s+иеговы\b")
_WHY = Why("ru.demographics", "group-word", 0.8, "a person's ethnicity or religion")


@functools.cache
def lexicon() -> PhraseIndex[tuple[tuple[str, str, str], Tags]]:
    return inflected_index((term, (type_, key, term)) for term, type_, key in table("ru_demographics.tsv"))


def _tied(text: str, start: int, previous: str, case: str) -> bool:
    window = text[max(0, start - 25) : start].lower()
    if previous in PERSON_WORDS or "—" in window[-4:] or "национальност" in window:
        return case in {"nomn", "ablt"}
    return (
        case == "ablt" and re.search(r"(?:был[аи]?|стал[аи]?|являюсь|является|родил(?:ся|ась))\s+$", window) is not None
    )


class RussianDemographics(Detector):
    name = "ru.demographics"
    languages = frozenset({"ru"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        items = words(text)
        results = []
        for start, end, ((type_, key, term), tags) in lexicon().find(items):
            case, number = tags[0]
            previous = items[start - 1].folded if start > 0 else ""
            after = text[items[end - 1].end : items[end - 1].end + 20].lower()
            if not (_tied(text, items[start].start, previous, case) or after.startswith(" по национальности")):
                continue
            span_end = items[end - 1].end + (len(" по национальности") if after.startswith(" по национальности") else 0)
            attrs = {"group": key, "case": case, "number": number, "key": term, "form": "noun"}
            results.append(found(passage, items[start].start, span_end, label=Label.DEM, kind=Kind.QUASI,
                                 type=type_, why=_WHY, attrs=attrs))  # fmt: skip
        results.extend(self._patterns(passage))
        return results

    @staticmethod
    def _patterns(passage: Passage) -> list[Detection]:
        results = []
        lower = passage.text.lower()
        for match in _LANGUAGE.finditer(passage.text) if ("язык" in lower or "по-" in lower) else ():
            group = "l" if match.group("l") else "l2"
            attrs = {"key": match.group(group).lower(), "form": "adverb" if group == "l2" else "adjective"}
            results.append(found(passage, *match.span(group), label=Label.DEM, kind=Kind.QUASI, type="language",
                                 why=Why("ru.demographics", "native-language", 0.75, "a person's native language"),
                                 attrs=attrs))  # fmt: skip
        for match in _ORTHODOX.finditer(passage.text) if "православн" in lower else ():
            attrs = {"group": "orthodox", "key": "православный", "form": "adjective"}
            results.append(found(passage, *match.span("w"), label=Label.DEM, kind=Kind.QUASI, type="religion",
                                 why=_WHY, attrs=attrs))  # fmt: skip
        for match in _WITNESSES.finditer(passage.text) if "иегов" in lower else ():
            attrs = {"group": "jehovahs-witness", "key": "свидетели иеговы", "form": "name"}
            results.append(found(passage, *match.span(), label=Label.DEM, kind=Kind.QUASI, type="religion",
                                 why=_WHY, attrs=attrs))  # fmt: skip
        return results


@DETECTORS.register(RussianDemographics.name)
def _factory() -> Detector:
    return RussianDemographics()
