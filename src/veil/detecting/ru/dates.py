"""Russian dates and times of personal events: "двадцать третьего сентября", "3 февраля 2022 года",
"в сентябре 2022 года", "осенью 2022 года", "в 2022 году", "в прошлый вторник", "в три часа ночи".

Attributes are the same as for English dates (``year``, ``month``, ``day``, ``precision``, ``key``), so
one generalizer serves both languages and the same date gets the same key in a Russian original and its
English translation. ``prep`` is the preposition the span starts with or follows; spans of months and
years take in "в" ("в сентябре 2022 года"), since their replacement ("осенью 2022 года") needs none. A
month alone ("в сентябре") or a duration ("семь месяцев") says nothing about a person and is skipped;
"1995 года рождения" is a birth year (``birth``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.ru.morph import PREPOSITIONS
from veil.detecting.rules import Attrs, RuleDetector, before, rule_maker
from veil.findings import Label

_MONTH_STEMS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
_GEN = r"(?P<m>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_LOC_NOM = (
    r"(?P<m>январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|"
    r"январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)"
)
_ORDINALS = {
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
    "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
    "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
}  # fmt: skip
_ORD_WORD = (
    r"(?:(?:одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|"
    r"девятнадцат|двадцат|тридцат|перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(?:ого|ое|ье|ьего|ий|ым|"
    r"ому|ьему))"
)
_DAY = rf"(?P<d>[0-3]?\d|(?:двадцать|тридцать)\s+{_ORD_WORD}|{_ORD_WORD})"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?:\s*(?:-?го\s+)?(?:года|году|год|г\.?)(?![а-яё]))?"
_YEAR_STRICT = r"(?P<y>(?:19|20)\d\d)\s*(?:года|году|год|г\.)(?![а-яё])"


def day_value(raw: str) -> int:
    raw = raw.lower().replace("ё", "е")
    if raw[0].isdigit():
        return int(raw)
    total = 0
    for word in raw.split():
        for stem, value in sorted(_ORDINALS.items(), key=lambda kv: -len(kv[0])):
            if word.startswith(stem) and not (stem in {"двадцат", "тридцат"} and word.endswith(("ать", "ать"))):
                total += value
                break
        else:
            total += {"двадцать": 20, "тридцать": 30}.get(word, 0)
    return total


def month_value(word: str) -> int:
    word = word.lower()
    if word.startswith("ма") and not word.startswith("март"):
        return 5
    return next(i for i, stem in enumerate(_MONTH_STEMS, start=1) if word.startswith(stem) and stem != "ма")


def _date(precision: str) -> Attrs:
    def attrs(match: re.Match[str], text: str) -> Mapping[str, str] | None:
        parts = match.groupdict()
        month = month_value(parts["m"]) if parts.get("m") else 0
        day = day_value(parts["d"]) if parts.get("d") else 0
        if day > 31:
            return None
        year = parts.get("y") or ""
        values = {"precision": precision, "year": year, "month": str(month or ""), "day": str(day or "")}
        for name in ("s", "p"):
            if parts.get(name):
                values["season" if name == "s" else "part"] = parts[name].lower()
        found = re.match(r"(?i)(в|во|с|со|до|после|к|по|около|начиная\s+с)\s", match.group(0))
        values["prep"] = found.group(1).lower() if found else _prep_before(text, match.start())
        values["key"] = "-".join(v for v in (year, str(month or ""), str(day or "")) if v)
        if re.match(r"\s*рождени", text[match.end() : match.end() + 12]) or "родил" in before(text, match.start(), 25):
            values["birth"] = "1"
        return values

    return attrs


def _prep_before(text: str, start: int) -> str:
    found = re.search(r"(\w+)\s+$", before(text, start, 14))
    word = found.group(1).lower() if found else ""
    return word if word in PREPOSITIONS else ""


def _relative(match: re.Match[str], text: str) -> Mapping[str, str]:
    modifier = (match.group("mod") or "").lower()
    relation = (
        "last"
        if modifier.startswith(("прошл", "позапрошл"))
        else "next"
        if modifier.startswith(("следующ", "ближайш"))
        else "that"
        if modifier
        else "on"
    )
    return {"precision": "relative", "relation": relation, "key": "rel:" + " ".join(match.group(0).lower().split())}


def _time(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    raw = match.group("h").lower()
    words = {"час": 1, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
             "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12}  # fmt: skip
    hour = int(raw) if raw.isdigit() else words.get(raw, -1)
    part = (match.group("part") or "").lower()
    if part in {"вечера", "дня"} and hour < 12:
        hour += 12
    if not 0 <= hour <= 24 or not (part or match.group("min") or match.group("hours")):
        return None
    return {"precision": "time", "hour": str(hour), "key": "time:" + " ".join(match.group(0).lower().split())}


_rule = rule_maker(Label.DATETIME, "date", re.IGNORECASE)


RULES = (
    _rule(
        "day-month-year",
        rf"\b{_DAY}\s+{_GEN}\s+{_YEAR}",
        "a full date",
        _date("day"),
        trigger=re.compile(
            r"[Яя]нвар|[Фф]еврал|[Мм]арт|[Аа]прел|[Мм]а[йяе]\b|[Ии]юн|[Ии]юл|[Аа]вгуст|[Сс]ентябр|[Оо]ктябр|[Нн]оябр|"
            r"[Дд]екабр"
        ),
        reach=40,
    ),
    _rule(
        "day-month",
        rf"\b{_DAY}\s+{_GEN}\b(?!\s+(?:19|20)\d\d)",
        "a day and month",
        _date("day"),
        trigger=re.compile(
            r"[Яя]нвар|[Фф]еврал|[Мм]арт|[Аа]прел|[Мм]а[йяе]\b|[Ии]юн|[Ии]юл|[Аа]вгуст|[Сс]ентябр|[Оо]ктябр|[Нн]оябр|"
            r"[Дд]екабр"
        ),
        reach=40,
    ),
    _rule(
        "month-year",
        rf"(?:\bв(?:о)?\s+)?\b{_LOC_NOM}\s+{_YEAR}",
        "a month and year",
        _date("month"),
        trigger=re.compile(
            r"[Яя]нвар|[Фф]еврал|[Мм]арт|[Аа]прел|[Мм]а[йяе]\b|[Ии]юн|[Ии]юл|[Аа]вгуст|[Сс]ентябр|[Оо]ктябр|[Нн]оябр|"
            r"[Дд]екабр"
        ),
        reach=25,
    ),
    _rule(
        "season-year",
        rf"\b(?P<s>осенью|весной|летом|зимой|осень|весна|лето|зима|осени|весны|зимы)\s+{_YEAR}",
        "a season and year",
        _date("season"),
        trigger=re.compile(r"(?:19|20)\d\d"),
        reach=20,
    ),
    _rule(
        "part-of-year",
        rf"(?:\bв\s+)?\b(?P<p>начале|конце|середине|первой\s+половине|второй\s+половине)\s+{_YEAR}",
        "part of a year",
        _date("part"),
        trigger=re.compile(r"(?:19|20)\d\d"),
        reach=40,
    ),
    _rule(
        "year",
        rf"(?:\b(?:в|во)\s+)?\b{_YEAR_STRICT}",
        "a year",
        _date("year"),
        0.8,
        trigger=re.compile(r"(?:19|20)\d\d"),
        reach=10,
    ),
    _rule(
        "weekday",
        r"\b(?:в|во)\s+(?:(?P<mod>прошл\w+|позапрошл\w+|эт[оуи]\w*|т[оуа]\w*|следующ\w+|ближайш\w+)\s+)?"
        r"(?P<w>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b",
        "a day of the week",
        _relative,
        0.75,
        trigger=re.compile(r"[Пп]онедельник|[Вв]торник|[Сс]реду|[Чч]етверг|[Пп]ятницу|[Сс]убботу|[Вв]оскресенье"),
        reach=30,
    ),
    _rule(
        "clock-time",
        r"\b(?:в|около|примерно\s+в|к|часов\s+в)\s+(?P<h>\d{1,2}|час|один|два|три|четыре|пять|шесть|семь|восемь|"
        r"девять|десять|одиннадцать|двенадцать)"
        r"(?:[:.](?P<min>[0-5]\d))?(?P<hours>\s+час(?:а|ов)?)?(?:\s+(?P<part>утра|дня|вечера|ночи))?\b",
        "a time of day",
        _time,
        0.75,
        trigger=re.compile(r"утра|дня|вечера|ночи|час|\d[:.][0-5]\d"),
        reach=40,
    ),
)


class RussianDates(RuleDetector):
    name = "ru.dates"
    languages = frozenset({"ru"})
    rules = RULES


@DETECTORS.register(RussianDates.name)
def _factory() -> Detector:
    return RussianDates()
