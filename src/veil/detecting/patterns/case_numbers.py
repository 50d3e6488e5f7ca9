"""Case, application and file numbers ("application no. 28045/02", "дело № 2-345/2019").

A number counts only after a word that introduces one, so years and counts stay untouched.
"""

from __future__ import annotations

import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.rules import caseless_starts, matches_from
from veil.findings import Detection, Kind, Label, Passage, Why

_INTRO = (
    r"(?:nos?\.|numbers?|No|№|дел[оау]|делу|номер\w*|application|applications|complaint|case|file|"
    r"ref\.|reference|registration|заявлени\w+|жалоб\w+|протокол\w*|постановлени\w+|приговор\w*|решени\w+)"
)
_NUMBER = r"(?:[A-ZА-ЯЁ]{1,3}[\-\s]?)?\d[\d\-/.:]*\d(?:/\d+)?(?:-[A-ZА-ЯЁ]{1,3})?"
_CASE = re.compile(
    rf"(?i:{_INTRO})\s*(?:№\s*|no\.\s*)?(?P<number>{_NUMBER}(?:\s*(?:,|and|и)\s*{_NUMBER})*)",
)
# A case number starts with its introducing word: the words are looked for in lower-cased text (fast),
# and the pattern tried only there.
_INTRO_LOWER = re.compile(_INTRO.replace("|No|", "|no|"))
_INTRO_ANY_CASE = re.compile(f"(?i){_INTRO}")
# A decree's or a law's number is public ("Decree No. 647", "Federal Law No. 273-FZ", "Указ № 647").
_PUBLIC_ACT = re.compile(r"(?i)\b(?:decree|(?:federal\s+)?law|указ[а-я]*|закон[а-я]*)\s*$")
_SLASHED = re.compile(r"(?<![\w/])\d{2,6}/\d{2}(?![\w/])")
_WHY = Why(
    "pattern.case-number", "introduced-number", 0.85, "a number introduced as a case, file or application number"
)
_WHY_SLASHED = Why("pattern.case-number", "slashed-number", 0.7, "shaped like an application number (12345/02)")
_PART = re.compile(_NUMBER)


class CaseNumberDetector(Detector):
    name = "pattern.case-number"

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        results: list[Detection] = []
        for m in matches_from(_CASE, text, caseless_starts(_INTRO_LOWER, _INTRO_ANY_CASE, text)):
            if _PUBLIC_ACT.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            offset = m.start("number")
            for part in _PART.finditer(m.group("number")):
                start, end = offset + part.start(), offset + part.end()
                if sum(ch.isdigit() for ch in part.group()) < 2:
                    continue
                results.append(
                    found(passage, start, end, label=Label.CODE, kind=Kind.DIRECT, type="case-number", why=_WHY)
                )
        for m in _SLASHED.finditer(text):
            if not any(d.start <= m.start() and m.end() <= d.end for d in results):
                results.append(
                    found(passage, *m.span(), label=Label.CODE, kind=Kind.DIRECT, type="case-number", why=_WHY_SLASHED)
                )
        return results


@DETECTORS.register(CaseNumberDetector.name)
def _factory() -> Detector:
    return CaseNumberDetector()
