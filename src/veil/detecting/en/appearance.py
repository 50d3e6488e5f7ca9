"""English physical descriptions that single a person out: scars, tattoos, birthmarks, unusual height or
hair ("a scar on his left cheek", "a tattoo of a wolf on her arm", "two metres tall", "bright red hair").

Ordinary descriptions ("tall", "dark hair") fit too many people to matter and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.rules import Attrs, Rule, register_rules
from veil.findings import Label


def _kind(kind: str) -> Attrs:
    def attrs(match: re.Match[str], text: str) -> Mapping[str, str]:
        return {"feature": kind, "key": " ".join(match.group(0).lower().split())}

    return attrs


_BODY = (
    r"(?:\s+(?:of\s+an?\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:on|over|across|under|above|along)\s+(?:his|her|the|my|"
    r"their)\s+(?:(?:left|right|upper|lower)\s+)?[a-z]+)?"
)
RULES = (
    Rule(
        "mark",
        re.compile(
            rf"(?i:\b(?:an?|the|his|her|my)\s+(?:(?:long|large|small|big|deep|visible|distinctive|noticeable|"
            rf"old)\s+)?(?:scar|birthmark|tattoo|mole|burn\s+mark)s?){_BODY}"
        ),
        Label.DEM,
        "appearance",
        "a distinctive mark on the body",
        0.8,
        0,
        _kind("mark"),
        trigger=re.compile(r"[Ss]car|[Bb]irthmark|[Tt]attoo|mole|burn\s+mark"),
        reach=60,
    ),
    Rule(
        "height",
        re.compile(
            r"(?i:\b(?:almost\s+|nearly\s+|over\s+)?(?:\d(?:[.,]\d{1,2})?\s*(?:m|metres|meters)|two\s+metres|(?:six|"
            r"seven)\s+(?:foot|feet)(?:\s+\w+)?)\s+tall\b)"
        ),
        Label.DEM,
        "appearance",
        "an unusual height",
        0.75,
        0,
        _kind("height"),
        trigger=re.compile(r"tall\b"),
        reach=40,
    ),
    Rule(
        "hair",
        re.compile(
            r"(?i:\b(?:bright\s+|dyed\s+)?(?:red|ginger|pink|blue|green|purple|white)\s+(?:hair|dreadlocks|beard)\b)"
        ),
        Label.DEM,
        "appearance",
        "unusual hair",
        0.7,
        0,
        _kind("hair"),
        trigger=re.compile(r"hair|dreadlocks|beard"),
        reach=30,
    ),
    Rule(
        "limp",
        re.compile(r"(?i:\b(?:walks?|walked|walking)\s+with\s+a\s+(?:cane|limp|stick)\b)"),
        Label.DEM,
        "appearance",
        "a visible way of walking",
        0.75,
        0,
        _kind("gait"),
        trigger=re.compile(r"limp|cane|stick"),
        reach=30,
    ),
)


EnglishAppearance = register_rules("en.appearance", {"en"}, RULES)
