"""English political activity: "I sign every open letter", "went to every protest", "a single-person
picket", "volunteered for Navalny's headquarters", "detained at an anti-war rally".

The span is the verb phrase or noun phrase that says what the person did; ``tense`` records the verb's
form so the generalizer can write "took part in civic activism" where "went to every protest" stood.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.rules import Rule, register_rules
from veil.findings import Label

_TENSES = {
    "sign": "base", "go": "base", "attend": "base", "join": "base", "take": "base", "volunteer": "base",
    "donate": "base", "hold": "base", "stand": "base", "write": "base", "post": "base",
    "signs": "s", "goes": "s", "attends": "s", "joins": "s", "takes": "s", "volunteers": "s", "donates": "s",
    "holds": "s", "stands": "s", "writes": "s", "posts": "s",
    "signed": "past", "went": "past", "attended": "past", "joined": "past", "took": "past",
    "volunteered": "past", "donated": "past", "held": "past", "stood": "past", "wrote": "past", "posted": "past",
    "signing": "ing", "going": "ing", "attending": "ing", "joining": "ing", "taking": "ing",
    "volunteering": "ing", "donating": "ing", "holding": "ing", "standing": "ing", "writing": "ing", "posting": "ing",
}  # fmt: skip
_QUANT = r"(?:(?:every|all\s+the|all|many|several|dozens\s+of|a\s+lot\s+of|lots\s+of|numerous|some|an?)\s+)?"
_PROTEST = (
    r"(?:(?:anti-war|opposition|peaceful|unauthori[sz]ed|street)\s+)?(?:protests?|rall(?:y|ies)|"
    r"demonstrations?|pickets?|marches|march)"
)
_ORGS = (
    r"(?:Navalny['’]s\s+(?:team|headquarters|HQ|office|campaign)|(?:the\s+)?FBK|Open\s+Russia|Vesna|Golos|"
    r"the\s+opposition)"
)


def _tense(match: re.Match[str], text: str) -> Mapping[str, str]:
    verb = (match.groupdict().get("v") or "").lower()
    return {"tense": _TENSES.get(verb, "noun"), "key": " ".join(match.group(0).lower().split())}


RULES = (
    Rule(
        "signs-letters",
        re.compile(
            rf"(?i:\b(?P<v>sign|signs|signed|signing)\s+{_QUANT}(?:(?:open|anti-war|public|protest)\s+)*(?:letters?|"
            rf"petitions?|appeals?)\b)"
        ),
        Label.MISC,
        "politics",
        "signing open letters or petitions",
        0.8,
        0,
        _tense,
        trigger=re.compile(r"[Ss]ign"),
        reach=60,
    ),
    Rule(
        "goes-to-protests",
        re.compile(
            rf"(?i:\b(?P<v>go|goes|went|going|attend|attends|attended|attending|join|joins|joined|"
            rf"joining)\s+(?:to\s+|in\s+)?{_QUANT}{_PROTEST}\b)"
        ),
        Label.MISC,
        "politics",
        "going to protests",
        0.8,
        0,
        _tense,
        trigger=re.compile(r"[Pp]rotest|[Rr]all|[Dd]emonstration|[Pp]icket|[Mm]arch"),
        reach=60,
    ),
    Rule(
        "picket",
        re.compile(r"(?i:\b(?:an?\s+)?(?:single-person|one-person|solo|lone)\s+pickets?\b)"),
        Label.MISC,
        "politics",
        "a one-person protest",
        0.8,
        0,
        _tense,
        trigger=re.compile(r"[Pp]icket"),
        reach=30,
    ),
    Rule(
        "volunteered-for",
        re.compile(
            rf"(?i:\b(?P<v>volunteer|volunteers|volunteered|volunteering|donate|donates|donated|donating|work|worked|"
            rf"works|working)\s+(?:\w+\s+)?(?:for|at|to|in)\s+){_ORGS}"
        ),
        Label.MISC,
        "politics",
        "working for an opposition group",
        0.8,
        0,
        _tense,
        trigger=re.compile(r"Navalny|FBK|Open\s+Russia|Vesna|Golos|opposition"),
        reach=60,
    ),
    Rule(
        "detained-at-protest",
        re.compile(rf"(?i:\b(?:detained|arrested|fined)\s+(?:at|during|for|after)\s+(?:an?\s+|the\s+)?{_PROTEST})"),
        Label.MISC,
        "politics",
        "being detained at a protest",
        0.8,
        0,
        _tense,
        trigger=re.compile(r"detained|arrested|fined"),
        reach=60,
    ),
    Rule(
        "member-of",
        re.compile(rf"(?i:\b(?:member|members|coordinator|volunteer)\s+of\s+){_ORGS}"),
        Label.MISC,
        "politics",
        "membership of an opposition group",
        0.8,
        0,
        _tense,
        trigger=re.compile(r"Navalny|FBK|Open\s+Russia|Vesna|Golos|opposition"),
        reach=40,
    ),
)


EnglishPolitics = register_rules("en.politics", {"en"}, RULES)
