"""Russian rare details that make a person unique: "единственная учительница химии в нашем городе",
"первая женщина в районе, которая ...".

The generalizer drops the word that makes the person unique, keeping the rest of the sentence.
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
            r"(?i:\b(?P<m>единственн(?:ый|ая|ого|ой|ому|ым|ую|ом)|перв(?:ый|ая|ого|ой|ому|ым|ую|ом))\s+)"
            r"(?=(?:[а-яё-]+\s+){1,3}(?:в|во|на|из)\s+(?:нашем|нашей|нашего|своём|своем|этом|этой|том|той|всём|всем|всей|городе|посёлке|поселке|селе|деревне|районе|школе|области|стране|семье)\b)"
        ),
        Label.MISC,
        "event",
        "a detail that makes a person unique",
        0.7,
        0,
        _attrs,
        trigger=re.compile(r"[Ее]динственн|[Пп]ерв"),
        reach=100,
    ),
)


RussianEvents = register_rules("ru.events", {"ru"}, RULES)
