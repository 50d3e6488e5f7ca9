"""Russian political activity: "подписываю все открытые письма", "ходила на все митинги", "одиночный пикет",
"волонтёрил в штабе Навального", "задержали на акции".

The span is the verb phrase; ``verb`` keeps the verb as written so the generalizer can put its own verb
("участвую в общественной жизни") in the same person, number, tense and gender.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.rules import Rule, register_rules
from veil.findings import Label

_QUANT = r"(?:(?:все|всех|каждое|каждый|каждую|многие|много|несколько|десятки|какие-то)\s+)?"
_PROTEST = (
    r"(?:(?:антивоенн\w+|оппозиционн\w+|несогласованн\w+|протестн\w+)\s+)?(?:митинг\w*|пикет\w*|акци\w+|"
    r"протест\w*|шестви\w+|демонстраци\w+)"
)
_ORGS = (
    r"(?:штаб\w*\s+Навального|ФБК|Фонд\w*\s+борьбы\s+с\s+коррупцией|Открыт\w+\s+Росси\w+|«?Весн\w+»?|"
    r"«?Голос\w*»?|оппозици\w+)"
)


def _verb(match: re.Match[str], text: str) -> Mapping[str, str]:
    verb = (match.groupdict().get("v") or "").lower()
    return {"verb": verb, "key": " ".join(match.group(0).lower().split())}


RULES = (
    Rule(
        "signs-letters",
        re.compile(
            rf"(?i:\b(?P<v>подпис\w+)\s+{_QUANT}(?:(?:открыт\w+|антивоенн\w+|коллективн\w+)\s+)*(?:письм\w*|"
            rf"петици\w+|обращени\w+)\b)"
        ),
        Label.MISC,
        "politics",
        "signing open letters or petitions",
        0.8,
        0,
        _verb,
        trigger=re.compile(r"подпис|Подпис"),
        reach=80,
    ),
    Rule(
        "goes-to-protests",
        re.compile(
            rf"(?i:\b(?P<v>хож\w*|ходи\w*|ходил\w*|выходи\w*|выход\w*|вышл\w*|вышел|участв\w+)\s+(?:на|"
            rf"в)\s+{_QUANT}{_PROTEST})"
        ),
        Label.MISC,
        "politics",
        "going to protests",
        0.8,
        0,
        _verb,
        trigger=re.compile(r"митинг|пикет|акци|протест|шестви|демонстрац"),
        reach=80,
    ),
    Rule(
        "picket",
        re.compile(r"(?i:\b(?:одиночн\w+|одиночк\w*)\s+пикет\w*)"),
        Label.MISC,
        "politics",
        "a one-person protest",
        0.8,
        0,
        _verb,
        trigger=re.compile(r"пикет"),
        reach=30,
    ),
    Rule(
        "volunteered",
        re.compile(rf"(?i:\b(?P<v>волонт[её]р\w*|работал\w*|работа\w*|донат\w*|помога\w+)\s+(?:в|на|для)\s+){_ORGS}"),
        Label.MISC,
        "politics",
        "working for an opposition group",
        0.8,
        0,
        _verb,
        trigger=re.compile(r"Навальн|ФБК|[Кк]оррупци|Росси|Весн|Голос|оппозиц"),
        reach=80,
    ),
    Rule(
        "detained-at",
        re.compile(
            rf"(?i:\b(?:задержал\w*|задержан\w*|арестовал\w*|оштрафовал\w*)\s+(?:на|после|"
            rf"за\s+участие\s+в)\s+{_PROTEST})"
        ),
        Label.MISC,
        "politics",
        "being detained at a protest",
        0.8,
        0,
        _verb,
        trigger=re.compile(r"митинг|пикет|акци|протест|шестви|демонстрац"),
        reach=80,
    ),
)


RussianPolitics = register_rules("ru.politics", {"ru"}, RULES)
