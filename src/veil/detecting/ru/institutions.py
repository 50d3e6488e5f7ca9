"""Russian institutions: "на ТЭЦ-3", "в школе № 5", "в лицее", "в политехе", "ИК-2", "СИЗО-1", "в/ч 12345",
"на заводе «Уралмаш»", "ООО «Ромашка»", "Южно-Уральский государственный университет", "Басманный суд".

Four rules: a plant, prison or school written with its number ("ТЭЦ-3", "школа № 5", "колония № 2"); a head
noun followed by a name in quotes ("завод «Уралмаш»"); a capitalised name that ends in a head noun
("Басманный районный суд", "Южно-Уральский государственный университет"); and a bare head noun of a rare
kind said of someone's own institution ("в лицее", "в политехе"). Heads come from
``data/quasi/ru_institutions.tsv`` in every case. Detections carry ``head`` (the generic noun phrase, in the
dictionary form), ``case`` and ``number`` (of the head as written) for the generalizer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.ru.morph import PREPOSITIONS, Tags, inflected_index, lemma_of, preposition_before, reading
from veil.detecting.rules import PhraseIndex, Word, fold, table, words
from veil.findings import Detection, Kind, Label, Passage, Why

Payload = tuple[str, str, str]
RARE = frozenset({"лицей", "гимназия", "политех", "техникум", "училище", "колония", "сизо", "спецприёмник",
                  "военкомат", "интернат", "консерватория"})  # fmt: skip
_NUMBERED = re.compile(
    r"\b(?P<head>ТЭЦ|ГРЭС|ГЭС|АЭС|ИК|ИТК|СИЗО|ЛИУ|КП|ПНД|ЦРБ|ГКБ|ГБ)\s*[-–№]?\s*(?P<n>\d{1,4})\b"
    r"|\b(?P<word>(?:школ|лице|гимнази|больниц|поликлиник|колони|детск\w+\s+сад|садик|училищ|техникум|роддом|отдел\w*\s+полиции)[а-яё]*)\s*№\s*(?P<n2>\d{1,4})"
)
_UNIT = re.compile(r"(?i)\b(?:в/ч|вч|войсков\w+\s+част\w*|воинск\w+\s+част\w*|военн\w+\s+част\w*)\s*№?\s*\d{3,6}\b")
_QUOTED = re.compile(r"\s*[«\"“](?P<name>[^»\"”\n]{2,40})[»\"”]")
_ACRONYM_UNI = re.compile(
    r"\b[А-ЯЁ][А-ЯЁа-яё]{1,5}(?:ГУ|ГТУ|ГПУ|ГМУ|ТУ|ГУЭ|ИФИ|ФИ)\b|\b(?:МГУ|СПбГУ|МФТИ|МИФИ|ВШЭ|РАНХиГС|МГИМО)\b"
)
_NUMBERED_HEADS = {
    "тэц": ("plant", "электростанция"), "грэс": ("plant", "электростанция"), "гэс": ("plant", "электростанция"),
    "аэс": ("plant", "электростанция"), "ик": ("prison", "колония"), "итк": ("prison", "колония"),
    "сизо": ("prison", "следственный изолятор"), "лиу": ("prison", "колония"), "кп": ("prison", "колония"),
    "пнд": ("hospital", "диспансер"), "црб": ("hospital", "больница"), "гкб": ("hospital", "больница"),
    "гб": ("hospital", "больница"),
}  # fmt: skip
_WHY_NUMBER = Why("ru.institutions", "numbered", 0.85, "an institution with its number")
_WHY_QUOTED = Why("ru.institutions", "head+quoted-name", 0.85, "an institution with its name in quotes")
_WHY_NAME = Why("ru.institutions", "capitalised-name+head", 0.8, "a capitalised name ending in an institution word")
_WHY_RARE = Why("ru.institutions", "specific-description", 0.75, "someone's own school, college or prison")
_WHY_UNIT = Why("ru.institutions", "military-unit", 0.85, "a numbered military unit")


@functools.cache
def heads() -> PhraseIndex[tuple[Payload, Tags]]:
    return inflected_index((head, (type_, generic, head)) for head, type_, generic in table("ru_institutions.tsv"))


class RussianInstitutions(Detector):
    name = "ru.institutions"
    languages = frozenset({"ru"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        results = self._numbered(passage)
        items = words(text)
        for start, end, (payload, tags) in heads().find(items):
            detection = self._around(passage, items, start, end, payload, tags)
            if detection is not None:
                results.append(detection)
        for match in _ACRONYM_UNI.finditer(text):
            attrs = {"head": "университет", "case": "nomn", "number": "sing", "key": fold(match.group())}
            results.append(found(passage, *match.span(), label=Label.ORG, kind=Kind.QUASI, type="university",
                                 why=_WHY_NAME, attrs=attrs))  # fmt: skip
        return results

    @staticmethod
    def _numbered(passage: Passage) -> list[Detection]:
        results = []
        for match in _NUMBERED.finditer(passage.text):
            if match.group("head"):
                type_, generic = _NUMBERED_HEADS[match.group("head").lower()]
                prep = preposition_before(passage.text, match.start())
                case = PREPOSITIONS[prep][0] if prep else "nomn"
            else:
                word = match.group("word").split()[0]
                hit = heads().match_at(words(word), 0)
                if hit is None:
                    continue
                (type_, generic, _), tags = hit[1]
                case = reading(tags, preposition_before(passage.text, match.start()))[0]
            attrs = {"head": generic, "case": case, "number": "sing", "key": fold(match.group())}
            results.append(found(passage, *match.span(), label=Label.ORG, kind=Kind.QUASI, type=type_,
                                 why=_WHY_NUMBER, attrs=attrs))  # fmt: skip
        for match in _UNIT.finditer(passage.text):
            prep = preposition_before(passage.text, match.start())
            attrs = {"head": "воинская часть", "case": PREPOSITIONS[prep][0] if prep else "nomn", "number": "sing",
                     "key": fold(match.group())}  # fmt: skip
            results.append(found(passage, *match.span(), label=Label.ORG, kind=Kind.QUASI, type="military-unit",
                                 why=_WHY_UNIT, attrs=attrs))  # fmt: skip
        return results

    def _around(
        self, passage: Passage, items: Sequence[Word], start: int, end: int, payload: Payload, tags: Tags
    ) -> Detection | None:
        text = passage.text
        type_, generic, head = payload
        case, number = reading(tags, preposition_before(text, items[start].start))
        attrs = {"head": generic, "case": case, "number": number}
        quoted = _QUOTED.match(text, items[end - 1].end)
        if quoted:
            attrs["key"] = fold(quoted.group("name"))
            return found(passage, items[start].start, quoted.end(), label=Label.ORG, kind=Kind.QUASI, type=type_,
                         why=_WHY_QUOTED, attrs=attrs)  # fmt: skip
        first = _name_start(text, items, start)
        if first is not None:
            attrs["key"] = " ".join(lemma_of(w.text) for w in items[first:end])
            return found(passage, items[first].start, items[end - 1].end, label=Label.ORG, kind=Kind.QUASI,
                         type=type_, why=_WHY_NAME, attrs=attrs)  # fmt: skip
        if head in RARE and preposition_before(text, items[start].start) in {"в", "во", "на", "из", "после"}:
            attrs.update({"key": head, "personal": "1"})
            return found(passage, items[start].start, items[end - 1].end, label=Label.ORG, kind=Kind.QUASI,
                         type=type_, why=_WHY_RARE, attrs=attrs)  # fmt: skip
        return None


_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ом|ем|ым|им|ую|юю|ых|их|ыми|ими)$")


def _name_start(text: str, items: Sequence[Word], start: int) -> int | None:
    """Where a capitalised name ending in the head at ``items[start]`` begins ("Басманный районный суд")."""
    first = start
    while first > 0 and text[items[first - 1].end : items[first].start] == " ":
        word = items[first - 1].text
        if not (word[:1].isupper() or _ADJECTIVE.search(word)):
            break
        first -= 1
    while first < start and not items[first].text[:1].isupper():
        first += 1
    if first < start or (items[start].text[:1].isupper() and start > 0 and not _sentence_start(text, items, start)):
        return first
    return None


def _sentence_start(text: str, items: Sequence[Word], index: int) -> bool:
    return index == 0 or re.search(r"[.!?\n]\s*$", text[items[index - 1].end : items[index].start]) is not None


@DETECTORS.register(RussianInstitutions.name)
def _factory() -> Detector:
    return RussianInstitutions()
