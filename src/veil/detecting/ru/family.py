"""Russian family composition and relatives: "мой сын", "её бывший муж", "двое младших детей", "мать троих
детей", "многодетная", "дочь учится в девятом классе", and the names after a relative ("мой брат Игорь
Сомов", "мужа зовут Алексей Громов").

As in English, relatives are kept by default and counted by the risk report; family size and school grade
are generalised; a capitalised name after a relative word is that relative's name (a person).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.rules import Rule, RuleDetector
from veil.findings import Kind, Label

_RELATIVES = {
    "сын": "m", "дочь": "f", "дочк": "f", "ребён": "", "ребен": "", "дет": "", "муж": "m", "жен": "f",
    "супруг": "", "мат": "f", "мам": "f", "от": "m", "пап": "m", "родител": "", "брат": "m", "сестр": "f",
    "бабушк": "f", "дедушк": "m", "внук": "m", "внучк": "f", "тёт": "f", "тет": "f", "дяд": "m",
    "племянник": "m", "племянниц": "f", "свекров": "f", "тёщ": "f", "тещ": "f", "тест": "m", "свёкр": "m",
    "свекр": "m", "зят": "m", "невестк": "f", "снох": "f", "отчим": "m", "мачех": "f", "пасын": "m",
    "падчериц": "f", "жених": "m", "невест": "f",
}  # fmt: skip
_RELATIVE_WORD = (
    r"(?P<rel>сын(?:а|у|ом|е|овья|овей|овьям|овьями|овьях)?|доч(?:ь|ери|ерью|ерей|ерям|ерьми|ерях|ка|ки|ке|ку|кой)|"
    r"ребён(?:ок|ка|ку|ком|ке)|ребен(?:ок|ка|ку|ком|ке)|дет(?:и|ей|ям|ьми|ях)|муж(?:а|у|ем|е|ья|ей|ьям)?|"
    r"жен(?:а|ы|е|у|ой)|супруг(?:а|у|ом|е|и|ой)?|мат(?:ь|ери|ерью)|мам(?:а|ы|е|у|ой)|от(?:ец|ца|цу|цом|це)|"
    r"пап(?:а|ы|е|у|ой)|родител(?:и|ей|ям|ями|ях)|брат(?:а|у|ом|е|ья|ьев|ьям)?|сестр(?:а|ы|е|у|ой|ы|ам)|"
    r"бабушк(?:а|и|е|у|ой)|дедушк(?:а|и|е|у|ой)|внук(?:а|у|ом|е|и|ов)?|внучк(?:а|и|е|у|ой)|т[её]т(?:я|и|е|ю|ей)|"
    r"дяд(?:я|и|е|ю|ей)|племянни(?:к|ка|ку|ком|ке|ца|цы|це|цу|цей)|свекров(?:ь|и|ью)|т[её]щ(?:а|и|е|у|ей)|"
    r"зят(?:ь|я|ю|ем|е)|невестк(?:а|и|е|у|ой)|отчим(?:а|у|ом|е)?|мачех(?:а|и|е|у|ой))"
)
_POSSESSIVE = r"(?P<poss>мо[йяеиёюм]\w*|тво[йяеиёюм]\w*|наш\w*|ваш\w*|сво[йяеиёюм]\w*|его|её|ее|их)"
_MODIFIER = r"(?:(?:бывш|старш|младш|покойн|родн|двоюродн|единственн|приёмн|приемн|маленьк|взросл)[а-яё]*\s+)"
_NAME = r"[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+){0,2}"
_COUNT_WORDS = {"двое": 2, "двух": 2, "двоих": 2, "трое": 3, "трёх": 3, "трех": 3, "троих": 3, "четверо": 4,
                "четырёх": 4, "четырех": 4, "четверых": 4, "пятеро": 5, "пятерых": 5, "пяти": 5, "шестеро": 6,
                "шестерых": 6, "семеро": 7, "семерых": 7}  # fmt: skip
_COUNT = rf"(?P<n>\d{{1,2}}|{'|'.join(_COUNT_WORDS)})"
_GRADES = {"перв": 1, "втор": 2, "трет": 3, "четв": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
           "десят": 10, "одиннадцат": 11}  # fmt: skip


def _relative(match: re.Match[str], text: str) -> Mapping[str, str]:
    word = match.group("rel").lower()
    gender = next((g for stem, g in sorted(_RELATIVES.items(), key=lambda kv: -len(kv[0])) if word.startswith(stem)), "")
    return {"relation": word, "gender": gender, "key": " ".join(match.group(0).lower().split())}


def _name(match: re.Match[str], text: str) -> Mapping[str, str]:
    word = (match.groupdict().get("rel") or "").lower()
    gender = next((g for stem, g in sorted(_RELATIVES.items(), key=lambda kv: -len(kv[0])) if word.startswith(stem)), "")
    return {"gender": gender} if gender else {}


def _size(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    raw = (match.groupdict().get("n") or "").lower()
    count = int(raw) if raw.isdigit() else _COUNT_WORDS.get(raw, 3 if not raw else 0)
    return {"count": str(count), "key": " ".join(match.group(0).lower().split())} if count else None


def _grade(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    raw = match.group("g").lower()
    grade = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else next(
        (v for stem, v in sorted(_GRADES.items(), key=lambda kv: -len(kv[0])) if raw.startswith(stem)), 0
    )
    return {"grade": str(grade), "prep": "в", "key": f"grade {grade}"} if 0 < grade <= 11 else None


RULES = (
    Rule(
        "relative",
        re.compile(rf"(?i:\b{_POSSESSIVE}\s+{_MODIFIER}{{0,2}}{_RELATIVE_WORD})\b"),
        Label.PERSON, "relative", "a relative of someone in the text", 0.7, 0, _relative,
    ),
    Rule(
        "relative+name",
        re.compile(rf"(?i:\b(?:{_POSSESSIVE}\s+)?{_MODIFIER}{{0,2}}{_RELATIVE_WORD})(?:,|\s+—)?\s+(?P<name>{_NAME})\b"),
        Label.PERSON, "person", "a name given to a relative", 0.75, "name", _name, Kind.DIRECT,
    ),
    Rule(
        "called",
        re.compile(rf"(?i:\b{_RELATIVE_WORD}\s+зовут)\s+(?P<name>{_NAME})\b"),
        Label.PERSON, "person", "the name of a relative", 0.85, "name", _name, Kind.DIRECT,
    ),
    Rule(
        "children-count",
        re.compile(rf"(?i:\b{_COUNT}\s+(?:(?:младших|старших|маленьких|несовершеннолетних|взрослых|малолетних)\s+)?(?:детей|дети|ребёнка|ребенка|сыновей|дочерей|внуков))\b"),
        Label.DEM, "family-size", "how many children someone has", 0.75, 0, _size,
    ),
    Rule(
        "many-children",
        re.compile(r"(?i:\bмногодетн(?:ая|ый|ой|ого|ую|ые|ых|ым|ому|ом)(?:\s+(?:мать|мама|отец|семья|семьи|семье|семью|матерью|мамой))?)\b"),
        Label.DEM, "family-size", "a large family", 0.75, 0, _size,
    ),
    Rule(
        "school-grade",
        re.compile(r"(?i:\bв\s+(?P<g>\d{1,2}(?:-?[а-я]{1,3})?|(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат)(?:ом|ый|ой|ий))\s+класс(?:е)?)\b"),
        Label.DEM, "school-grade", "a child's school year", 0.75, 0, _grade,
    ),
)


class RussianFamily(RuleDetector):
    name = "ru.family"
    languages = frozenset({"ru"})
    rules = RULES


@DETECTORS.register(RussianFamily.name)
def _factory() -> Detector:
    return RussianFamily()
