"""English family composition and relatives: "my son", "her ex-husband", "two younger children", "a mother
of three", "my daughter is in ninth grade", and the names that follow a relative ("her son Mohamed").

Relatives (``relative``) are kept by default, since a testimony cannot be read without them, but the risk
report counts them. Family size (``family-size``) and school grade (``school-grade``) are generalised. A
capitalised name right after a relative word is that relative's name and is detected as a person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.en.ages import number_value
from veil.detecting.rules import Rule, RuleDetector
from veil.findings import Kind, Label

RELATIVES = {
    "son": "m", "daughter": "f", "child": "", "children": "", "kids": "", "kid": "", "baby": "", "wife": "f",
    "husband": "m", "spouse": "", "partner": "", "ex-wife": "f", "ex-husband": "m", "mother": "f", "father": "m",
    "mum": "f", "mom": "f", "dad": "m", "parents": "", "brother": "m", "sister": "f", "siblings": "",
    "grandson": "m", "granddaughter": "f", "grandchildren": "", "grandmother": "f", "grandfather": "m",
    "grandma": "f", "grandpa": "m", "aunt": "f", "uncle": "m", "cousin": "", "nephew": "m", "niece": "f",
    "mother-in-law": "f", "father-in-law": "m", "son-in-law": "m", "daughter-in-law": "f", "stepson": "m",
    "stepdaughter": "f", "stepfather": "m", "stepmother": "f", "fiancé": "m", "fiancée": "f", "girlfriend": "f",
    "boyfriend": "m", "twins": "", "sons": "m", "daughters": "f", "brothers": "m", "sisters": "f",
}  # fmt: skip
_RELATIVE = "|".join(sorted((re.escape(r) for r in RELATIVES), key=len, reverse=True))
_MODIFIER = (
    r"(?:elder|older|younger|little|big|eldest|youngest|late|former|ex-|first|second|third|only|twin|adult|"
    r"grown-up|disabled|sick|beloved)"
)
_POSSESSIVE = r"(?P<poss>my|his|her|their|our|your)"
_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}"
_COUNT = r"(?P<n>\d{1,2}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}  # fmt: skip


def _relative(match: re.Match[str], text: str) -> Mapping[str, str]:
    word = match.group("rel").lower()
    return {"relation": word, "gender": RELATIVES.get(word, ""), "poss": match.group("poss").lower(),
            "key": " ".join(match.group(0).lower().split())}  # fmt: skip


def _size(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    count = number_value(match.group("n"))
    if count is None:
        return None
    return {"count": str(count), "key": f"{count} {match.group('what').lower()}"}


def _grade(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    raw = match.group("g").lower()
    grade = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else _ORDINAL.get(raw, 0)
    prep = match.group("prep").lower()
    return {"grade": str(grade), "prep": prep, "key": f"grade {grade}"} if 0 < grade <= 12 else None


def _name(match: re.Match[str], text: str) -> Mapping[str, str]:
    gender = RELATIVES.get(match.group("rel").lower(), "")
    return {"gender": gender} if gender in {"m", "f"} else {}


RULES = (
    Rule(
        "relative",
        re.compile(rf"(?i:\b{_POSSESSIVE}\s+(?:{_MODIFIER}\s+){{0,2}}(?P<rel>{_RELATIVE}))\b"),
        Label.PERSON,
        "relative",
        "a relative of someone in the text",
        0.7,
        0,
        _relative,
        trigger=re.compile(r"\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Yy]our)\b"),
        reach=50,
    ),
    Rule(
        "relative+name",
        re.compile(
            rf"(?i:\b(?:{_POSSESSIVE}|the|"
            rf"a)\s+(?:{_MODIFIER}\s+){{0,2}}(?P<rel>{_RELATIVE})),?\s+(?P<name>{_NAME})\b(?!\s+(?:Street|Road|"
            rf"Court|University))"
        ),
        Label.PERSON,
        "person",
        "a name given to a relative",
        0.8,
        "name",
        _name,
        Kind.DIRECT,
        # the relative word, rarer than the capitalised words of the name
        trigger=re.compile(rf"(?i)\b(?:{_RELATIVE})"),
        reach=80,
    ),
    Rule(
        "married+name",
        re.compile(rf"\b(?:married|divorced|(?i:wife|husband),)\s+(?P<name>{_NAME})(?P<rel>)\b"),
        Label.PERSON,
        "person",
        "the name of a spouse",
        0.75,
        "name",
        _name,
        Kind.DIRECT,
        trigger=re.compile(r"married|divorced|[Ww]ife,|[Hh]usband,"),
        reach=40,
    ),
    Rule(
        "children-count",
        re.compile(
            rf"\b{_COUNT}\s+(?:(?:young|younger|small|little|grown-up|adult|older|minor)\s+)?(?P<what>(?i:children|"
            rf"kids|sons|daughters|grandchildren))\b"
        ),
        Label.DEM,
        "family-size",
        "how many children someone has",
        0.75,
        0,
        _size,
        trigger=re.compile(r"children|kids|sons|daughters|grandchildren|Children|Kids"),
        reach=40,
    ),
    Rule(
        "parent-of",
        re.compile(rf"\b(?P<what>(?i:mother|father|parent))\s+of\s+{_COUNT}\b"),
        Label.DEM,
        "family-size",
        "how many children someone has",
        0.75,
        0,
        _size,
        trigger=re.compile(r"\bof\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)"),
        reach=20,
    ),
    Rule(
        "school-grade",
        re.compile(
            r"(?i:\b(?P<prep>in|into|to)\s+(?:the\s+)?)(?P<g>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
            r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+(?i:grade|form|class)\b"
        ),
        Label.DEM,
        "school-grade",
        "a child's school year",
        0.75,
        0,
        _grade,
        trigger=re.compile(r"[Gg]rade|[Ff]orm\b|[Cc]lass\b"),
        reach=40,
    ),
    Rule(
        "school-year",
        re.compile(r"(?i:\b(?P<prep>in)\s+(?:grade|year)\s+)(?P<g>\d{1,2})\b(?!\s*(?:%|per|years|months))"),
        Label.DEM,
        "school-grade",
        "a child's school year",
        0.7,
        0,
        _grade,
        trigger=re.compile(r"(?:[Gg]rade|[Yy]ear)\s+\d"),
        reach=10,
    ),
)


class EnglishFamily(RuleDetector):
    name = "en.family"
    languages = frozenset({"en"})
    rules = RULES


@DETECTORS.register(EnglishFamily.name)
def _factory() -> Detector:
    return EnglishFamily()
