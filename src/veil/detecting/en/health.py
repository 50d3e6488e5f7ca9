"""English health: illnesses, disabilities, injuries, treatment ("diabetes", "a fracture of the left kneecap",
"with a disability", "reconstructive operations", "she is pregnant").

Terms come from ``data/quasi/en_health.tsv`` with the generic phrase the generalizer writes ("a chronic
illness"). A span grows to take in what makes it specific: "of the left kneecap", "in his left eye",
an explanation in brackets. Benefits named after a condition ("disability pension") are not the
person's health and are skipped.
"""

from __future__ import annotations

import functools
import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.rules import PhraseIndex, table, words
from veil.findings import Detection, Kind, Label, Passage, Why

_BENEFIT = re.compile(r"(?i)\s+(?:pension|allowance|benefits?|living|insurance|rights|discrimination\s+act|act|fund)\b")
_TAIL = re.compile(
    r"(?:\s+(?:of|in|on|to|affecting)\s+(?:the|his|her|my|their)\s+(?:(?:left|right|lower|upper|\d+\w*)\s+){0,3}[a-z]+(?:\s+and\s+[a-z]+)?"
    r"|\s*\([^()\n]{1,120}\)){0,3}"
)
# A measurement before a term ("- 6,25 of myopia", "37 % of loss of sight") belongs to it.
_MEASURE = re.compile(r"(?:[-+–‑]\s?)?\d+(?:[.,]\s?\d+)?\s?%?\s+of\s+$")
_WHY = Why("en.health", "health-term", 0.8, "a health condition, disability, injury or treatment")


@functools.cache
def lexicon() -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for term, generic in table("en_health.tsv"):
        index.add(term, generic)
    return index


class EnglishHealth(Detector):
    name = "en.health"
    languages = frozenset({"en"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        items = words(text)
        results = []
        for start, end, generic in lexicon().find(items):
            span_start, span_end = items[start].start, items[end - 1].end
            if _BENEFIT.match(text, span_end):
                continue
            span_end = _TAIL.match(text, span_end).end()  # type: ignore[union-attr]
            measure = _MEASURE.search(text, max(0, span_start - 16), span_start)
            span_start = measure.start() if measure else span_start
            attrs = {
                "generic": generic,
                "key": items[start].folded if end - start == 1 else text[span_start:span_end].lower(),
            }
            results.append(found(passage, span_start, span_end, label=Label.DEM, kind=Kind.QUASI, type="health",
                                 why=_WHY, attrs=attrs))  # fmt: skip
        return results


@DETECTORS.register(EnglishHealth.name)
def _factory() -> Detector:
    return EnglishHealth()
