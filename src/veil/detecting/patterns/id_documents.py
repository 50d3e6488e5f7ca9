"""Identity document numbers of any country, named by the document they belong to.

A foreign passport ("passport, 71 4483920"), an ID card ("ID card number is 004519872"), a passport
with its series and number apart ("passport, series 65 09 number 482913"), a military ID, a driving
licence or a residence permit: the number that follows the document's name within a few words is a
direct identifier, whatever its shape. Russian numbers of known shapes and checksums (SNILS, INN) are
found by :mod:`veil.detecting.patterns.ru_documents` even without such a word.
"""

from __future__ import annotations

import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why

_DOCUMENT = (
    r"(?i:passport|ID[\s-]?card|identity\s+(?:card|document)|national\s+ID|ID\s+(?:number|no\b\.?)|"
    r"military\s+(?:ID|card|identity\s+card|ticket|record\s+book)|driv(?:er'?s|ing)\s+licen[cs]e|"
    r"residence\s+permit|travel\s+document|service\s+number|personal\s+number)"
)
_DIGITS = r"\d(?:[ \t-]?\d){1,13}"
_NUMBER_WORD = r"(?i:[ \t]*,?[ \t]*(?:number|no\b\.?|№)[ \t]*)"
_DOCUMENT_NUMBER = re.compile(
    rf"\b{_DOCUMENT}s?\b[^\d\n]{{0,30}}?(?<![\w])(?P<number>(?:[A-ZА-ЯЁ]{{1,3}}[ \t-]?)?{_DIGITS}"
    rf"(?:{_NUMBER_WORD}{_DIGITS})?)(?![\d\w])"
)
MIN_DIGITS = 6
_WHY = Why("pattern.id-documents", "number-after-document", 0.9, "a number named as an identity document's")


class IdentityDocumentDetector(Detector):
    name = "pattern.id-documents"

    def detect(self, passage: Passage) -> list[Detection]:
        results = []
        for m in _DOCUMENT_NUMBER.finditer(passage.text):
            number = m.group("number")
            if sum(ch.isdigit() for ch in number) < MIN_DIGITS:
                continue
            results.append(found(passage, *m.span("number"), label=Label.CODE, kind=Kind.DIRECT, type="id-document",
                                 why=_WHY))  # fmt: skip
        return results


@DETECTORS.register(IdentityDocumentDetector.name)
def _factory() -> Detector:
    return IdentityDocumentDetector()
