"""E-mail addresses (any script in the local part and domain)."""

from __future__ import annotations

import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why

# A single space may stand around "@" and the dots ("a . gromov @ yandex . ru"), as people write
# addresses to dodge filters.
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w+-]+(?: ?\. ?[\w+-]+)* ?@ ?[\w-]+(?: ?\. ?[\w-]+)* ?\. ?[^\W\d_]{2,}(?![\w-])",
)
# Written to dodge filters: "a.gromov [at] yandex [dot] ru", "a.gromov собака yandex точка ru".
_AT = r"\s*(?:[\[(]\s*(?:at|собака)\s*[\])]|\sсобака\s)\s*"
_DOT = r"\s*(?:[\[(]\s*(?:dot|точка)\s*[\])]|\s(?:dot|точка)\s|\.)\s*"
_OBFUSCATED = re.compile(
    rf"(?i)(?<![\w.+-])[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*{_AT}[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*?{_DOT}[a-z]{{2,}}(?![\w-])"
)
_OBFUSCATION_TRIGGER = re.compile(r"(?i)[\[(]\s*at\s*[\])]|собака")
_WHY = Why("pattern.email", "email-address", 0.99, "looks like an e-mail address")
_WHY_OBFUSCATED = Why("pattern.email", "spelled-email", 0.9, "an e-mail address with its @ spelled out")


class EmailDetector(Detector):
    name = "pattern.email"

    def detect(self, passage: Passage) -> list[Detection]:
        results = []
        if "@" in passage.text:
            results = [
                found(passage, m.start(), m.end(), label=Label.CODE, kind=Kind.DIRECT, type="email", why=_WHY)
                for m in _EMAIL.finditer(passage.text)
            ]
        if _OBFUSCATION_TRIGGER.search(passage.text):
            results += [
                found(
                    passage, m.start(), m.end(), label=Label.CODE, kind=Kind.DIRECT, type="email", why=_WHY_OBFUSCATED
                )
                for m in _OBFUSCATED.finditer(passage.text)
            ]
        return results


@DETECTORS.register(EmailDetector.name)
def _factory() -> Detector:
    return EmailDetector()
