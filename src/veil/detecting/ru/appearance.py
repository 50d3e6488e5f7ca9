"""Russian physical descriptions that single a person out: "шрам на левой щеке", "татуировка на шее",
"родимое пятно", "рост под два метра", "рыжие волосы", "хромает".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.rules import Rule, register_rules
from veil.findings import Label


def _attrs(match: re.Match[str], text: str) -> Mapping[str, str]:
    return {"key": " ".join(match.group(0).lower().split())}


_BODY = r"(?:\s+(?:на|над|под|через)\s+(?:(?:левой|правой|левом|правом)\s+)?[а-яё]+)?"
RULES = (
    Rule(
        "mark",
        re.compile(
            rf"(?i:\b(?:(?:большой|заметный|глубокий|длинный|старый)\s+)?(?:шрам\w*|татуировк\w+|тату|наколк\w+|родим\w+\s+пятн\w+){_BODY})"
        ),
        Label.DEM,
        "appearance",
        "a distinctive mark on the body",
        0.8,
        0,
        _attrs,
        trigger=re.compile(r"шрам|татуир|тату|наколк|родим"),
        reach=60,
    ),
    Rule(
        "height",
        re.compile(
            r"(?i:\bрост\w*\s+(?:под\s+|около\s+|почти\s+|больше\s+)?(?:два\s+метра|2\s*м|19\d|20\d)\b(?:\s*см)?)"
        ),
        Label.DEM,
        "appearance",
        "an unusual height",
        0.75,
        0,
        _attrs,
        trigger=re.compile(r"[Рр]ост"),
        reach=40,
    ),
    Rule(
        "hair",
        re.compile(r"(?i:\b(?:рыж\w+|розов\w+|син\w+|зел[её]н\w+|ярко-\w+)\s+(?:волос\w*|бород\w*|дред\w*))"),
        Label.DEM,
        "appearance",
        "unusual hair",
        0.7,
        0,
        _attrs,
        trigger=re.compile(r"волос|бород|дред"),
        reach=40,
    ),
    Rule(
        "limp",
        re.compile(r"(?i:\b(?:хрома\w+|ход\w+\s+с\s+(?:тростью|палочкой)))"),
        Label.DEM,
        "appearance",
        "a visible way of walking",
        0.75,
        0,
        _attrs,
        trigger=re.compile(r"хрома|тростью|палочкой"),
        reach=30,
    ),
)


RussianAppearance = register_rules("ru.appearance", {"ru"}, RULES)
