"""English ages: "27 years old", "a 27-year-old", "aged 27", "at the age of 39", "he is 27", "Oleg, 41,",
"in his late twenties", "about thirty".

Each detection records the age (``value``, or ``low``/``high`` for a range such as "late twenties"), the
grammatical ``form`` it was written in (so the generalizer can write "in his twenties" where "27 years
old" stood and "a twenty-something" where "a 27-year-old" stood) and the possessive that fits the person
(``poss``: my, his, her, their ...), read from the subject or the nearest gendered word before it.
A pensionable age in law ("the pension age of 65") is not a person's age and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.rules import Attrs, RuleDetector, before, rule_maker
from veil.findings import Label

UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
DECADES = {"teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
           "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
_WORDS = rf"(?:(?:{'|'.join(TENS)})(?:[-\s](?:{'|'.join(UNITS[1:10])}))?|{'|'.join(reversed(UNITS[1:]))})"
NUMBER = rf"(?P<n>\d{{1,3}}|(?i:{_WORDS}))"
_APPROX = r"(?:(?P<approx>about|around|approximately|nearly|almost|over|under|roughly|just\s+over|just\s+under)\s+)?"
_SUBJECTS = {"i": "my", "i'm": "my", "he": "his", "he's": "his", "she": "her", "she's": "her", "we": "our",
             "they": "their", "you": "your"}  # fmt: skip
_MALE = re.compile(r"(?i)\b(he|him|his|man|son|husband|brother|father|boy|mr|uncle|grandfather|nephew|himself)\b")
_FEMALE = re.compile(r"(?i)\b(she|her|woman|daughter|wife|sister|mother|girl|mrs|ms|aunt|grandmother|niece|herself)\b")
_PENSION = re.compile(r"(?i)\b(?:pension|pensionable|retirement|retiring|retire|statutory|minimum|voting|eligible)\b")


def number_value(raw: str) -> int | None:
    """The value of an age written in digits or words ("27", "twenty-seven", "sixty three")."""
    raw = raw.lower().strip()
    if raw.isdigit():
        return int(raw)
    parts = re.split(r"[-\s]+", raw)
    if parts[0] in TENS:
        return TENS[parts[0]] + (UNITS.index(parts[1]) if len(parts) > 1 and parts[1] in UNITS else 0)
    return UNITS.index(parts[0]) if parts[0] in UNITS else None


# The subject right before an age that has none in its own pattern: "I am thirty-two years old".
_SUBJECT_BEFORE = re.compile(
    r"(?i)\b(?P<subj>I|I'm|he|he's|she|she's|we|they|you)(?:\s+(?:am|is|are|was|were|turned|turns|will\s+be))?"
    r"\s+(?:(?:only|just|now|already|almost|nearly|about|over|then)\s+)?$"
)


def _possessive(text: str, start: int, subject: str = "") -> str:
    near = _SUBJECT_BEFORE.search(before(text, start, 30)) if not subject else None
    own = _SUBJECTS.get((subject or (near.group("subj") if near else "")).lower())
    if own:
        return own
    window = before(text, start, 120)
    male = [m.end() for m in _MALE.finditer(window)]
    female = [m.end() for m in _FEMALE.finditer(window)]
    if not male and not female:
        return "their"
    return "his" if max(male, default=-1) > max(female, default=-1) else "her"


def _age(form: str) -> Attrs:
    def attrs(match: re.Match[str], text: str) -> Mapping[str, str] | None:
        value = number_value(match.group("n"))
        if value is None or not 0 < value < 115:
            return None
        if form in {"age-of", "number", "aged"} and _PENSION.search(before(text, match.start(), 60)):
            return None
        groups = match.groupdict()
        poss = _possessive(text, match.start(), groups.get("subj") or "")
        result = {"value": str(value), "form": form, "poss": poss, "key": str(value)}
        if groups.get("approx"):
            result["approx"] = groups["approx"].lower()
        return result

    return attrs


def _decade(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    low = DECADES[match.group("dec").lower()]
    part = (match.group("part") or "").lower().rstrip("-")
    high = low + 9
    if part == "early":
        high = low + 3
    elif part == "mid":
        low, high = low + 4, low + 6
    elif part == "late":
        low += 7
    poss = match.group("poss").lower()
    return {"low": str(low), "high": str(high), "form": "decade", "poss": poss, "key": f"{low}-{high}"}


_rule = rule_maker(Label.DEM, "age")


_TAIL = (
    r"(?=\s*[.,;:!?)\n]|\s+(?:now|then|at\s+the\s+time|and|but|when|this\s+year|last\s+year|years?\b(?!\s+(?:ago|"
    r"later|before|after)))|$)"
)
RULES = (
    _rule(
        "years-old",
        rf"\b{_APPROX}{NUMBER}(?:\s+|-)years?(?:\s+|-)old\b",
        "an age in years",
        _age("years-old"),
        trigger=re.compile(r"[Oo]ld\b"),
        reach=50,
    ),
    _rule(
        "years-of-age",
        rf"\b{_APPROX}{NUMBER}\s+years\s+of\s+age\b",
        "an age in years",
        _age("years-old"),
        trigger=re.compile(r"of\s+age\b"),
        reach=50,
    ),
    _rule(
        "year-old",
        rf"(?i:\b(?:an?\s+)?){NUMBER}-year-old\b",
        "an age as an adjective",
        _age("adjective"),
        trigger=re.compile(r"year-old"),
        reach=40,
    ),
    _rule(
        "aged",
        rf"\b(?i:aged)\s+{_APPROX}{NUMBER}\b(?!\s*(?:%|per))",
        "an age after 'aged'",
        _age("aged"),
        trigger=re.compile(r"\b[Aa]ged\b"),
        reach=40,
    ),
    _rule(
        "age-of",
        rf"(?i:\b(?:at\s+)?(?:the\s+)?age\s+of\s+){_APPROX}{NUMBER}\b(?!\s*(?:%|per|months|weeks|days))",
        "an age after 'the age of'",
        _age("age-of"),
        trigger=re.compile(r"\b[Aa]ge\s+of\b"),
        reach=60,
    ),
    _rule(
        "subject-is-number",
        rf"(?i:\b(?P<subj>I|I'm|he|he's|she|she's|we|they|you)\s+(?:(?:is|was|am|are|were|turned|turns|had\s+turned|"
        rf"will\s+be|would\s+be)\s+)?)"
        rf"(?:(?:only|just|now|already)\s+)?(?P<span>{_APPROX}{NUMBER}){_TAIL}",
        "an age said of a person",
        _age("number"),
        0.75,
        "span",
        trigger=re.compile(r"\b(?:is|was|am|are|were|turned|turns|I'm|he's|she's)\b"),
        reach=40,
    ),
    _rule(
        "person-is-number",
        rf"\b(?:[A-Z][a-z]+|(?i:son|daughter|husband|wife|brother|sister|mother|father|boy|girl|child)),?\s+(?i:is|"
        rf"was|turned|turns)\s+"
        rf"(?:(?:only|just|now|already)\s+)?(?P<span>{_APPROX}{NUMBER}){_TAIL}",
        "an age said of a person",
        _age("number"),
        0.75,
        "span",
        trigger=re.compile(r"\b(?:is|was|turned|turns)\b"),
        reach=50,
    ),
    _rule(
        "age-is",
        rf"(?i:\b(?:his|her|my|their|your)\s+age\s+(?:is|was)\s+)(?P<span>{_APPROX}{NUMBER})\b",
        "an age said of a person",
        _age("number"),
        0.8,
        "span",
        trigger=re.compile(r"\bage\s+(?:is|was)\b"),
        reach=40,
    ),
    _rule(
        "apposition",
        r"(?<!Article)(?<!Articles)(?<!Rule)(?<!Section)(?<!No)\b(?:[A-Z][a-z]+|(?i:son|daughter|husband|wife|"
        r"brother|sister|mother|father)),\s+(?P<n>\d{1,2}),\s",
        "a number set off after a name",
        _age("number"),
        0.7,
        "n",
        trigger=re.compile(r",\s+\d{1,2},"),
        reach=40,
    ),
    _rule(
        "bracketed",
        r"\b[A-Z][a-z]+\s+\((?P<n>\d{1,2})\)",
        "a number in brackets after a name",
        _age("number"),
        0.7,
        "n",
        trigger=re.compile(r"\(\d{1,2}\)"),
        reach=30,
    ),
    _rule(
        "decade",
        r"(?i:\b(?:in\s+)?(?P<poss>his|her|their|my|our|your)\s+(?:(?P<part>early|mid-?|"
        r"late)[\s-]?)?)(?P<dec>(?i:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|"
        r"nineties))\b",
        "an age range",
        _decade,
        trigger=re.compile(r"(?:teens|ties)\b"),
        reach=40,
    ),
)


class EnglishAges(RuleDetector):
    name = "en.ages"
    languages = frozenset({"en"})
    rules = RULES


@DETECTORS.register(EnglishAges.name)
def _factory() -> Detector:
    return EnglishAges()
