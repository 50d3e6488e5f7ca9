"""English rare details that make a person unique: "the only chemistry teacher in our town", "the first
woman in the district to ...".

Such a phrase turns any other detail into an identifier. The generalizer drops the uniqueness ("the only"
becomes "a"), which keeps the sentence and the fact, but not the pointer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.rules import Rule, register_rules
from veil.findings import Label


def _attrs(match: re.Match[str], text: str) -> Mapping[str, str]:
    return {"marker": match.group("m").lower(), "key": " ".join(match.group(0).lower().split())}


RULES = (
    Rule(
        "only-one",
        re.compile(
            r"(?i:\b(?P<m>the\s+only|the\s+first|the\s+last|the\s+youngest|the\s+oldest))(?=\s+(?:[\w-]+\s+){0,3}(?:in|at|from|on|to)\s+(?:our|the|my|his|her|their|this|that)\s+(?:town|village|city|district|region|school|street|building|factory|unit|plant|country|family|court|area)\b)"
        ),
        Label.MISC,
        "event",
        "a detail that makes a person unique",
        0.7,
        0,
        _attrs,
        trigger=re.compile(r"[Oo]nly|[Ff]irst|[Ll]ast|[Yy]oungest|[Oo]ldest"),
        reach=80,
    ),
)


EnglishEvents = register_rules("en.events", {"en"}, RULES)
