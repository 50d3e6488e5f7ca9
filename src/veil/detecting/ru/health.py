"""Russian health: illnesses, disabilities, injuries, treatment ("диабет", "инвалид второй группы",
"перелом ноги", "она беременна", "на химиотерапии").

Terms come from ``data/quasi/ru_health.tsv`` in every case, with the generic phrase the generalizer
writes ("хроническое заболевание"). A span grows to take in what makes it specific ("второй группы",
"левой ноги"). Benefits named after a condition ("пенсия по инвалидности") are skipped.
"""

from __future__ import annotations

import functools
import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.ru.morph import Tags, inflected_index, preposition_before, reading
from veil.detecting.rules import PhraseIndex, table, words
from veil.findings import Detection, Kind, Label, Passage, Why

_TAIL = re.compile(
    r"(?:\s+(?:первой|второй|третьей|1-й|2-й|3-й|I|II|III)\s+группы"
    r"|\s+(?:левой|правой|обеих)?\s*(?:ноги|руки|ног|рук|глаза|глаз|позвоночника|бедра|ребра|рёбер|ребер|черепа|мозга))?"
)
_BENEFIT = re.compile(r"(?i)(?:пенси\w+|пособи\w+|льгот\w+)\s+(?:по\s+)?$")
_PREGNANT = re.compile(r"(?i)\bбеременн(?:а|ая|ой|ую|ые|ых)\b")
_WHY = Why("ru.health", "health-term", 0.8, "a health condition, disability, injury or treatment")


@functools.cache
def lexicon() -> PhraseIndex[tuple[tuple[str, str], Tags]]:
    return inflected_index((term, (generic, term)) for term, generic in table("ru_health.tsv"))


class RussianHealth(Detector):
    name = "ru.health"
    languages = frozenset({"ru"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        items = words(text)
        results = []
        for start, end, ((generic, term), tags) in lexicon().find(items):
            span_start = items[start].start
            if _BENEFIT.search(text[max(0, span_start - 25) : span_start]):
                continue
            case, number = reading(tags, preposition_before(text, span_start))
            tail = _TAIL.match(text, items[end - 1].end)
            span_end = tail.end() if tail else items[end - 1].end
            attrs = {"generic": generic, "case": case, "number": number, "key": term}
            results.append(found(passage, span_start, span_end, label=Label.DEM, kind=Kind.QUASI, type="health",
                                 why=_WHY, attrs=attrs))  # fmt: skip
        for match in _PREGNANT.finditer(text):
            attrs = {"generic": "беременна", "case": "nomn", "number": "sing", "key": "беременна", "form": "short"}
            results.append(found(passage, *match.span(), label=Label.DEM, kind=Kind.QUASI, type="health",
                                 why=_WHY, attrs=attrs))  # fmt: skip
        return results


@DETECTORS.register(RussianHealth.name)
def _factory() -> Detector:
    return RussianHealth()
