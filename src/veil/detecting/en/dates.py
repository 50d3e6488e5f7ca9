"""English dates and times of personal events: absolute ("22 September 2022", "June 1995", "in 1980"),
relative ("last Tuesday", "on the 22nd") and clock times ("at 5.30 p.m.").

Each detection records what it knows as attributes (``year``, ``month``, ``day``, ``precision``, and the
preposition before it in ``prep``) so the date generalizer can make it coarser without reading the text
again. A bare month ("in September") or a duration ("for seven months") says nothing about a person and
is not detected; a bare year is detected only after a preposition ("in 1980", "born in 1949"), and not
when it names a law ("the Act of 1886").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.rules import Attrs, RuleDetector, before, rule_maker
from veil.findings import Label

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
        ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
        ("november", "nov"), ("december", "dec"),
    ),
    start=1,
):  # fmt: skip
    for _name in _names:
        MONTHS[_name] = _number
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter"}

_MONTH = (
    r"(?P<m>(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|May|[Jj]une?|[Jj]uly?|"
    r"[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)\.?)"
)
_MONTH_CAP = (
    r"(?P<m>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)"
)
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)(?![\d/])"
_END = r"(?![\w/])"
_LAW_BEFORE = re.compile(r"(?:Act|Law|Code|Convention|Protocol|Constitution|Decree|Treaty|Regulations?)\s+(?:of\s+)?$")
_BORN = re.compile(r"(?i)\bborn\b(?:\s+\w+){0,2}\s*$")
_PREP = re.compile(r"(?i)\b(on|in|of|by|from|until|till|since|before|after|to|between|and|during)\s+(?:the\s+)?$")


def _prep(text: str, start: int) -> str:
    found = _PREP.search(before(text, start, 16))
    return found.group(1).lower() if found else ""


def _date(precision: str) -> Attrs:
    def attrs(match: re.Match[str], text: str) -> Mapping[str, str] | None:
        parts = match.groupdict()
        month = MONTHS.get((parts.get("m") or "").rstrip(".").lower(), 0)
        day = int(parts["d"]) if parts.get("d") else 0
        if (parts.get("m") and not month) or day > 31:
            return None
        start = match.start(0)
        if precision == "year" and _LAW_BEFORE.search(before(text, match.start("y"), 30)):
            return None
        year = parts.get("y") or ""
        values = {"precision": precision, "year": year, "month": str(month or ""), "day": str(day or "")}
        if parts.get("s"):
            values["season"] = SEASONS[parts["s"].lower()]
        if parts.get("p"):
            values["part"] = parts["p"].lower()
        values["prep"] = _prep(text, match.start("y") if precision == "year" else start)
        values["key"] = "-".join(v for v in (year, str(month or ""), str(day or "")) if v) or match.group(0).lower()
        if _BORN.search(before(text, start, 24)):
            values["birth"] = "1"
        return values

    return attrs


def _relative(match: re.Match[str], text: str) -> Mapping[str, str]:
    word = " ".join((match.groupdict().get("mod") or "").lower().split())
    return {"precision": "relative", "relation": word or "on", "key": "rel:" + " ".join(match.group(0).lower().split())}


def _time(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    hour = int(match.group("h"))
    meridiem = (match.group("ap") or "").lower().replace(".", "").replace(" ", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    if meridiem == "am" and hour == 12:
        hour = 0
    if hour > 24:
        return None
    return {"precision": "time", "hour": str(hour), "key": "time:" + " ".join(match.group(0).lower().split())}


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "a": 1, "an": 1,
}  # fmt: skip
_AMOUNT = (
    r"(?P<n>\d{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty))"
)
_UNIT = r"(?P<u>(?i:years?|months?|weeks?|days?|hours?))"


def _duration(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    raw = match.group("n").lower()
    number = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 0)
    unit = match.group("u").lower().rstrip("s")
    if not number:
        return None
    days = number * {"year": 365, "month": 30, "week": 7, "day": 1, "hour": 1 / 24}[unit]
    return {"days": str(round(days, 2)), "unit": unit, "key": f"{number}-{unit}"}


_rule = rule_maker(Label.DATETIME, "date")
# Every date rule holds a year or a month's name: the rules run only near them, not over whole passages.
_YEAR_TRIGGER = re.compile(r"(?:1[89]|20)\d\d")
_MONTH_TRIGGER = re.compile(_MONTH_CAP.replace("(?P<m>", "(?:"))


RULES = (
    _rule(
        "day-month-year",
        rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}",
        "a full date",
        _date("day"),
        trigger=_YEAR_TRIGGER,
        reach=60,
    ),
    _rule(
        "month-day-year",
        rf"\b{_MONTH_CAP}\s+{_DAY},?\s+{_YEAR}",
        "a full date",
        _date("day"),
        trigger=_YEAR_TRIGGER,
        reach=60,
    ),
    _rule(
        "day-month",
        rf"\b{_DAY}(?:\s+of)?\s+{_MONTH_CAP}{_END}(?!,?\s+\d)",
        "a day and month",
        _date("day"),
        trigger=_MONTH_TRIGGER,
        reach=40,
    ),
    _rule(
        "day-range",
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[-–]|and|to)\s*[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}",
        "a range of days",
        _date("day"),
        trigger=_YEAR_TRIGGER,
        reach=80,
    ),
    _rule(
        "month-day",
        rf"\b{_MONTH_CAP}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,]|\s+\d)",
        "a day and month",
        _date("day"),
        0.7,
        trigger=_MONTH_TRIGGER,
        reach=40,
    ),
    _rule(
        "month-year",
        rf"\b{_MONTH_CAP},?\s+(?:of\s+)?{_YEAR}",
        "a month and year",
        _date("month"),
        trigger=_YEAR_TRIGGER,
        reach=60,
    ),
    _rule(
        "season-year",
        rf"\b(?P<s>(?i:spring|summer|autumn|fall|winter))\s+(?:of\s+)?{_YEAR}",
        "a season and year",
        _date("season"),
        trigger=re.compile(r"(?:1[89]|20)\d\d"),
        reach=20,
    ),
    _rule(
        "part-of-year",
        rf"(?i:\b(?:the\s+)?(?P<p>(?:first|second|latter)\s+half|beginning|start|middle|end)\s+of\s+){_YEAR}",
        "part of a year",
        _date("part"),
        trigger=re.compile(r"\bof\s+(?:1[89]|20)\d\d"),
        reach=40,
    ),
    _rule(
        "early-year",
        rf"\b(?P<p>(?i:early|mid|late))[-\s]{_YEAR}(?!s)",
        "part of a year",
        _date("part"),
        trigger=re.compile(r"(?:1[89]|20)\d\d"),
        reach=10,
    ),
    _rule(  # "in 2015-2016" is one span: generalised apart, it read "the mid-2010s-2016" and kept 2016
        "year-range",
        rf"(?i:\b(?:in|since|from|during|between|of|the\s+years?)\s+)(?P<r>{_YEAR}\s*[-–]\s*(?:(?:1[89]|20)\d\d|\d\d)"
        rf"(?![\d/]))",
        "a range of years after a preposition",
        _date("year"),
        0.8,
        "r",
        trigger=re.compile(r"(?:1[89]|20)\d\d\s*[-–]"),
        reach=20,
    ),
    _rule(
        "year",
        rf"(?i:\b(?:in|since|from|until|till|by|during|between|and|to|after|before|around|circa|of|born|year|"
        rf"the\s+year)\s+){_YEAR}(?!s\b|['’]s)",
        "a year after a preposition",
        _date("year"),
        0.75,
        "y",
        trigger=re.compile(r"(?:1[89]|20)\d\d"),
        reach=20,
    ),
    _rule(
        "year-in-brackets",
        rf"\((?:born\s+)?{_YEAR}\)",
        "a year in brackets",
        _date("year"),
        0.7,
        "y",
        trigger=re.compile(r"\((?:born\s+)?(?:1[89]|20)\d\d\)"),
        reach=5,
    ),
    _rule(
        "sentence-length",
        rf"(?i:\b(?:sentenced\s+(?:him|her|them|the\s+\w+\s+)?\s*to|sentence\s+of|term\s+of|one\s+of|"
        rf"served(?:\s+\w+){{0,4}}\s+of\s+the)\s+)(?P<span>{_AMOUNT}[-\s]{_UNIT})",
        "the length of a prison sentence",
        _duration,
        0.75,
        "span",
        fine_type="duration",
        trigger=re.compile(r"[Ss]entenc|[Tt]erm\s+of|one\s+of|served"),
        reach=60,
    ),
    _rule(
        "sentence-length-after",
        rf"\b(?P<span>{_AMOUNT}[-\s]{_UNIT})(?:['’]|\s+of)?\s+(?i:imprisonment|in\s+prison|prison\s+sentence|"
        rf"sentence|in\s+a\s+(?:penal\s+)?colony)",
        "the length of a prison sentence",
        _duration,
        0.75,
        "span",
        fine_type="duration",
        trigger=re.compile(r"[Ii]mprisonment|[Pp]rison|[Ss]entence|colony"),
        reach=50,
    ),
    _rule(
        "custody-length",
        rf"(?i:\b(?:custody|detention|detained|held|arrest)(?:\s+\w+){{0,3}}\s+(?:lasted|"
        rf"for)\s+)(?P<span>{_AMOUNT}[-\s]{_UNIT})",
        "how long someone was held",
        _duration,
        0.7,
        "span",
        fine_type="duration",
        trigger=re.compile(r"[Cc]ustody|[Dd]etention|[Dd]etained|[Hh]eld|[Aa]rrest"),
        reach=60,
    ),
    _rule(
        "weekday",
        r"(?i:\b(?P<mod>last|next|this|that|on|on\s+the\s+following)\s+)(?P<w>Monday|Tuesday|Wednesday|Thursday|"
        r"Friday|Saturday|Sunday)\b",
        "a day of the week",
        _relative,
        0.75,
        trigger=re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
        reach=30,
    ),
    _rule(
        "day-of-month",
        rf"\b(?i:on)\s+the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MONTH}|\s+(?:floor|century|"
        rf"anniversary|birthday|day|time|round|place|of))",
        "a day of the month",
        _relative,
        0.7,
        trigger=re.compile(r"\d(?:st|nd|rd|th)\b"),
        reach=20,
    ),
    _rule(
        "clock-time",
        r"(?i:\b(?:at\s+)?(?:(?:around|about|"
        r"approximately)\s+)?)(?P<h>[012]?\d)(?:[.:](?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)",
        "a time of day",
        _time,
        0.75,
        trigger=re.compile(r"[ap]\.?\s?m\b"),
        reach=30,
    ),
    _rule(
        "clock-time-24",
        r"(?i:\bat\s+(?:(?:around|about|approximately)\s+)?)(?P<h>[012]?\d)[.:](?P<min>[0-5]\d)(?:\s*(?:hours|hrs|"
        r"h)\b)?(?![\d.:])(?P<ap>)",
        "a time of day",
        _time,
        0.7,
        trigger=re.compile(r"\d[.:][0-5]\d"),
        reach=30,
    ),
)


class EnglishDates(RuleDetector):
    name = "en.dates"
    languages = frozenset({"en"})
    rules = RULES


@DETECTORS.register(EnglishDates.name)
def _factory() -> Detector:
    return EnglishDates()
