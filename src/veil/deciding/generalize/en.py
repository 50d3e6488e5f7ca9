"""English wording helpers for generalizers: articles, plurals, the determiner already written."""

from __future__ import annotations

import re

from veil.deciding.base import DecisionContext
from veil.deciding.generalize.base import preceding
from veil.findings import Detection

_VOWEL_SOUND = re.compile(r"^(?:[aeio]|u(?![nr][aeiou])|hour|honest|heir|8|11|18|80)", re.IGNORECASE)
_DETERMINER = re.compile(r"(?i)\b(a|an|the|his|her|my|our|their|your|its|this|that|one|any|each|every)\s+$")


def article(phrase: str) -> str:
    """ "a" or "an" before ``phrase``."""
    return "an" if _VOWEL_SOUND.match(phrase) else "a"


def with_article(phrase: str) -> str:
    return f"{article(phrase)} {phrase}"


def determiner_before(mention: Detection, context: DecisionContext) -> str:
    """The determiner written right before the mention ("the", "a", "his" ...), lower case, or ""."""
    found = _DETERMINER.search(preceding(mention, context))
    return found.group(1).lower() if found else ""


def noun_phrase(phrase: str, mention: Detection, context: DecisionContext) -> str:
    """``phrase`` with "a"/"an" unless a determiner already stands before the mention."""
    return phrase if determiner_before(mention, context) else with_article(phrase)


def plural(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return f"{head} {last}".strip()
