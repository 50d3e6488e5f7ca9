"""English military service and units: "military unit 12345", "the 200th Motor Rifle Brigade", "the
British army", "Catterick garrison".

Ranks are occupation words (see ``occupations``); names with an institution word ("Regiment") are found
by ``institutions``. This module adds the numbered units and the national armed forces a person serves in.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.rules import Rule, RuleDetector, alternation, fold
from veil.findings import Label
from veil.reference.places import gazetteer

_UNIT_WORDS = r"(?:brigade|division|regiment|battalion|army|corps|company|squadron|fleet|detachment)"
_UNIT_KINDS = (
    r"(?:(?:separate|guards|motori[sz]ed|motor|rifle|airborne|air\s+assault|tank|artillery|marine|naval|infantry|"
    r"assault|special\s+forces|spetsnaz|engineering|signals|combined\s+arms|mechani[sz]ed|air\s+defen[cs]e)\s+)*"
)


def _unit(match: re.Match[str], text: str) -> Mapping[str, str]:
    return {"head": "military unit", "key": " ".join(match.group(0).lower().split()).removeprefix("the ")}


@functools.cache
def _rules() -> tuple[Rule, ...]:
    adjectives = alternation(c.adjective for c in gazetteer().countries.values())
    forces = rf"(?:the\s+)?(?:{adjectives})\s+(?i:army|navy|air\s+force|armed\s+forces|national\s+guard)"
    return (
        Rule(
            "unit-number",
            re.compile(r"(?i:\b(?:military\s+)?unit\s+(?:no\.?\s*|number\s+|#\s*)?)\d{3,6}\b"),
            Label.ORG,
            "military-unit",
            "a numbered military unit",
            0.85,
            0,
            _unit,
            trigger=re.compile(r"[Uu]nit\b"),
            reach=30,
        ),
        Rule(
            "numbered-formation",
            re.compile(rf"(?i:\b(?:the\s+)?\d{{1,4}}(?:st|nd|rd|th)\s+{_UNIT_KINDS}{_UNIT_WORDS})\b"),
            Label.ORG,
            "military-unit",
            "a numbered military formation",
            0.85,
            0,
            _unit,
            trigger=re.compile(
                r"[Bb]rigade|[Dd]ivision|[Rr]egiment|[Bb]attalion|[Aa]rmy|[Cc]orps|[Cc]ompany|[Ss]quadron|[Ff]leet|[Dd]etachment"
            ),
            reach=60,
        ),
        Rule(
            "national-forces",
            re.compile(rf"\b{forces}\b"),
            Label.ORG,
            "military-unit",
            "the armed forces someone serves in",
            0.7,
            0,
            _forces,
            trigger=re.compile(r"[Aa]rmy|[Nn]avy|[Ff]orces?\b|[Gg]uard\b"),
            reach=40,
        ),
        Rule(
            "garrison",
            re.compile(r"\b[A-Z][\w'’-]+\s+(?:garrison|barracks|military\s+base|air\s+base)\b"),
            Label.ORG,
            "military-unit",
            "a named garrison or base",
            0.8,
            0,
            _unit,
            trigger=re.compile(r"garrison|barracks|base\b"),
            reach=40,
        ),
    )


def _forces(match: re.Match[str], text: str) -> Mapping[str, str]:
    words = match.group(0).split()
    branch = " ".join(w.lower() for w in words if fold(w) not in gazetteer().adjectives() and w.lower() != "the")
    return {"head": branch, "key": fold(match.group(0)).removeprefix("the ")}


class EnglishMilitary(RuleDetector):
    name = "en.military"
    languages = frozenset({"en"})

    def rule_table(self) -> tuple[Rule, ...]:
        return _rules()


@DETECTORS.register(EnglishMilitary.name)
def _factory() -> Detector:
    return EnglishMilitary()
