"""Dates written in digits, the same in every language: "22.09.2022", "22/09/2022", "2022-09-22".

Day-first order is assumed (as in Russian and British usage); impossible dates are skipped. Attributes
are those of the word dates (``year``, ``month``, ``day``, ``precision``) so one generalizer serves all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.rules import Rule, RuleDetector
from veil.findings import Label


def _attrs(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    day, month, year = int(match.group("d")), int(match.group("m")), match.group("y")
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if len(year) == 2:
        year = ("20" if int(year) < 40 else "19") + year
    return {"precision": "day", "year": year, "month": str(month), "day": str(day), "prep": "",
            "key": f"{year}-{month}-{day}"}  # fmt: skip


RULES = (
    Rule(
        "dotted-date",
        re.compile(r"(?<![\w.,/])(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d|\d\d)(?![\w/]|[.,]\d)"),
        Label.DATETIME, "date", "a date in digits", 0.85, 0, _attrs,
    ),
    Rule(
        "iso-date",
        re.compile(r"(?<![\w./-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w/-])"),
        Label.DATETIME, "date", "a date in digits", 0.85, 0, _attrs,
    ),
)  # fmt: skip


class NumericDates(RuleDetector):
    name = "pattern.dates"
    rules = RULES


@DETECTORS.register(NumericDates.name)
def _factory() -> Detector:
    return NumericDates()
