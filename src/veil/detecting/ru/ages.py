"""Russian ages: "ему тридцать четыре года", "мне 27 лет", "в возрасте 31 года", "31-летний",
"тридцатилетняя", "Алексею исполнилось 30", "ей за сорок", "лет под пятьдесят".

A number of years counts as an age only where it is said of someone: after a person in the dative ("ему",
"сыну", "Алексею"), after "в возрасте", "исполнилось", or as an adjective in "-летний". "Пять лет назад"
and "за десять лет" are durations, not ages. Attributes: ``value`` (or ``low``/``high`` for "за сорок"),
``form`` (``years`` for a number of years, ``adjective`` for "-летний", ``range`` for a range already
general) and, for adjectives, ``case``, ``number`` and ``gender`` so the generalizer's adjective agrees.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.ru.morph import parses
from veil.detecting.rules import RuleDetector, rule_maker
from veil.findings import Label

UNITS = {
    "од": 1, "дв": 2, "тр": 3, "четыр": 4, "пят": 5, "шест": 6, "сем": 7, "восем": 8, "восьм": 8, "девят": 9,
}  # fmt: skip
TEENS = {
    "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
    "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19,
}  # fmt: skip
TENS = {
    "двадцат": 20, "тридцат": 30, "сорок": 40, "пятьдесят": 50, "пятидесят": 50, "шестьдесят": 60,
    "шестидесят": 60, "семьдесят": 70, "семидесят": 70, "восемьдесят": 80, "восьмидесят": 80,
    "девяност": 90,
}  # fmt: skip
_UNIT_WORD = (
    r"(?:один|одного|одному|два|двух|двум|три|трёх|трех|трём|трем|четыре|четырёх|четырех|пять|пяти|шесть|"
    r"шести|семь|семи|восемь|восьми|девять|девяти)"
)
_TEEN_WORD = r"(?:десять|десяти|(?:один|две|три|четыр|пят|шест|сем|восем|девят)надцат[ьи])"
_TEN_WORD = (
    r"(?:двадцат[ьи]|тридцат[ьи]|сорок[а]?|пятьдесят|пятидесяти|шестьдесят|шестидесяти|семьдесят|семидесяти|"
    r"восемьдесят|восьмидесяти|девяносто|девяноста)"
)
NUMBER = rf"(?P<n>\d{{1,3}}|{_TEN_WORD}(?:\s+{_UNIT_WORD})?|{_TEEN_WORD}|{_UNIT_WORD})"
_YEARS = r"(?:год|года|году|лет)"
_DATIVE = (
    r"(?:(?i:мне|ему|ей|им|нам|тебе|вам|сыну|дочери|дочке|мужу|жене|брату|сестре|маме|папе|отцу|матери|бабушке|"
    r"дедушке|внуку|внучке|ребёнку|ребенку|которому|которой|которым)|[А-ЯЁ][а-яё]+(?:у|ю|е|и))"
)
_PREFIXES = sorted({**TENS, **TEENS, **UNITS, "сто": 100}.items(), key=lambda kv: -len(kv[0]))


def number_value(raw: str) -> int | None:
    """The value of a number written in digits or Russian words ("тридцать четыре", "тридцати")."""
    raw = raw.lower().replace("ё", "е").strip()
    if raw.isdigit():
        return int(raw)
    total = 0
    for word in raw.split():
        total += _word_value(word) or 0
    return total or None


def _word_value(word: str) -> int | None:
    for table in (TEENS, TENS, UNITS):
        for stem, value in sorted(table.items(), key=lambda kv: -len(kv[0])):
            if word.startswith(stem):
                return value
    return None


def compound_value(stem: str) -> int | None:
    """The age in a "-летний" adjective's stem ("тридцатичетырех" -> 34, "сорока" -> 40)."""
    stem = stem.lower().replace("ё", "е")
    total = 0
    while stem:
        for prefix, value in _PREFIXES:
            if stem.startswith(prefix):
                total += value
                stem = stem[len(prefix) :].lstrip("иа")
                stem = re.sub(r"^(?:ь|и|ти|ми|ми|надцати|надцат|десяти|десят|ох|ех|х|ух|ти)", "", stem, count=1)
                break
        else:
            return total or None
    return total or None


def _years(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    value = number_value(match.group("n"))
    if value is None or not 0 < value < 115:
        return None
    return {"value": str(value), "form": "years", "key": str(value)}


def _at_age(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    """An age with its preposition ("в 13 лет", "с 14 лет", "до 90 лет", "на 85 году жизни")."""
    found = _years(match, text)
    if found is None:
        return None
    return {**found, "form": "at-age", "prep": match.group("prep").lower()}


def _adjective(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    stem = match.group("stem") or match.group("stem2")  # "13-ти летний" or "тринадцатилетний"
    value = int(stem) if stem.isdigit() else compound_value(stem)
    if value is None or not 0 < value < 115:
        return None
    word = match.group(0).lower()
    tag = next((p.tag for p in parses(word) if "ADJF" in p.tag), None) if not stem.isdigit() else None
    if tag is None:  # "17-летняя": the ending of a soft-stem adjective like "последний" tells the form
        tags = [p.tag for p in parses("последн" + match.group("end")) if "ADJF" in p.tag]
        tag = next((t for t in tags if "nomn" in t), tags[0] if tags else None)
    case = next((c for c in ("nomn", "gent", "datv", "accs", "ablt", "loct") if tag and c in tag), "nomn")
    number = "plur" if tag and "plur" in tag else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if tag and g in tag), "masc")
    return {"value": str(value), "form": "adjective", "case": case, "number": number, "gender": gender,
            "key": str(value)}  # fmt: skip


def _range(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    value = number_value(match.group("n"))
    if value is None or value % 10:
        return None
    how = match.group("how").lower()
    low, high = {"за": (value, value + 9), "под": (value - 3, value - 1), "около": (value - 2, value + 2)}.get(
        how, (value, value + 9)
    )
    return {"low": str(low), "high": str(high), "form": "range", "key": f"{low}-{high}"}


_rule = rule_maker(Label.DEM, "age")
# Words after "в 13 лет" that make it a term or a frequency, not an age ("раз в 5 лет", "до 5 лет лишения").
_NOT_AN_AGE_AFTER = r"(?!\s+(?:назад|спустя|подряд|работы|стажа|лишения|заключения|колонии|тюрьмы|строгого|условно))"
# People named by what they are, with their age after them ("девочка 8 лет", "мужчина 40 лет").
_PERSON_NOUN = (
    r"(?i:девоч\w*|мальчи\w*|ребён\w*|ребен\w*|подрост\w*|юнош\w*|девушк\w*|мужчин\w*|женщин\w*|"
    r"пенсионер\w*|старик\w*|старуш\w*|школьни\w*|студент\w*)"
)


_MOD = r"(?:(?:уже|только|почти|около|всего|лишь|исполнилось|исполняется|исполнится|было|будет|стукнуло|скоро)\s+)*"
RULES = (
    _rule(
        "dative-years",
        rf"(?<![\w-]){_DATIVE}\s+{_MOD}(?P<span>{NUMBER}\s+{_YEARS})(?!\s+(?:назад|спустя|подряд|работы|стажа))\b",
        "an age said of a person",
        _years,
        0.85,
        "span",
        trigger=re.compile(r"(?:год|года|лет)\b"),
        reach=70,
    ),
    _rule(
        "age-of",
        rf"(?i:\bв\s+возрасте\s+)(?:около\s+)?(?P<span>{NUMBER}(?:\s+{_YEARS})?)\b",
        "an age after 'в возрасте'",
        _years,
        0.85,
        "span",
        trigger=re.compile(r"возраст"),
        reach=40,
    ),
    _rule(
        "turned",
        rf"(?i:\bисполни(?:лось|тся|лся|лась)\s+(?:уже\s+)?)(?P<span>{NUMBER}(?:\s+{_YEARS})?)\b",
        "an age someone turned",
        _years,
        0.8,
        "span",
        trigger=re.compile(r"[Ии]сполни"),
        reach=40,
    ),
    _rule(
        "at-age",
        rf"(?<![\w-])(?<!раз )(?<!раза )(?P<span>(?P<prep>(?i:в|с|(?<=дожил )до|(?<=дожила )до|(?<=дожили )до))\s+"
        rf"{NUMBER}\s+{_YEARS})\b"
        rf"{_NOT_AN_AGE_AFTER}",
        "the age at which something happened ('в 13 лет уехал')",
        _at_age,
        0.7,
        "span",
        trigger=re.compile(r"(?:год|года|лет)\b"),
        reach=50,
    ),
    _rule(
        "year-of-life",
        rf"(?<![\w-])(?P<span>(?P<prep>(?i:на))\s+{NUMBER}(?:-?м)?\s+году\s+жизни)",
        "the year of life someone died or lived in",
        _at_age,
        0.85,
        "span",
        trigger=re.compile(r"году\s+жизни"),
        reach=60,
    ),
    _rule(
        "person-years",
        rf"(?<![\w-]){_PERSON_NOUN}\s+(?P<span>{NUMBER}\s+{_YEARS})\b{_NOT_AN_AGE_AFTER}",
        "an age after a word for a person ('девочка 8 лет')",
        _years,
        0.8,
        "span",
        trigger=re.compile(r"(?:год|года|лет)\b"),
        reach=60,
    ),
    _rule(
        "bracketed-years",
        rf"\((?P<span>{NUMBER}\s+{_YEARS})\)",
        "a number of years in brackets ('(51 год)')",
        _years,
        0.75,
        "span",
        trigger=re.compile(r"(?:год|года|лет)\)"),
        reach=30,
    ),
    _rule(
        "name-comma-years",
        rf"\b[А-ЯЁ][а-яё]+,\s+(?P<span>{NUMBER}\s+{_YEARS}),",
        "an age after a name",
        _years,
        0.75,
        "span",
        trigger=re.compile(r"(?:год|года|лет),"),
        reach=50,
    ),
    _rule(
        "bracketed",
        r"\b[А-ЯЁ][а-яё]+\s+\((?P<n>\d{1,2})\)",
        "a number in brackets after a name",
        _years,
        0.7,
        "n",
        trigger=re.compile(r"\(\d{1,2}\)"),
        reach=30,
    ),
    _rule(
        "adjective",
        r"(?i:\b(?:(?P<stem>\d{1,3})(?:-?(?:ти|х|ми))?[- ]?|(?P<stem2>[а-яё]{3,}?)-?)"
        r"летн(?P<end>ий|его|ему|им|ем|яя|ей|юю|ие|их|ими|ая|ее|ое|ого|ому|ую))\b"
        r"(?!\s+(?:план|срок|опыт|стаж(?:а|у|ем|е)?\b|период|перерыв|контракт|юбиле|истори|давност|войн|отсутстви|работ|служб))",
        "an age as an adjective",
        _adjective,
        0.85,
        trigger=re.compile(r"летн"),
        reach=40,
    ),
    _rule(
        "range",
        rf"(?i:\b(?:ему|ей|мне|им|нам|вам|тебе)\s+(?:уже\s+|было\s+|тогда\s+)?)(?P<span>(?P<how>(?i:за|под|"
        rf"около))\s+{NUMBER})\b"
        r"(?!\s+(?:км|километр|метр|минут|час|дн|недел|месяц|рубл|тысяч|человек|процент|%|лет|год))",
        "an age range",
        _range,
        0.7,
        "span",
        trigger=re.compile(r"\b(?:[Ее]му|[Ее]й|[Мм]не|[Ии]м|[Нн]ам|[Вв]ам|[Тт]ебе)\b"),
        reach=40,
    ),
)


class RussianAges(RuleDetector):
    name = "ru.ages"
    languages = frozenset({"ru"})
    rules = RULES


@DETECTORS.register(RussianAges.name)
def _factory() -> Detector:
    return RussianAges()
