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
_WHY = Why("pattern.email", "email-address", 0.99, "looks like an e-mail address")


class EmailDetector(Detector):
    name = "pattern.email"

    def detect(self, passage: Passage) -> list[Detection]:
        if "@" not in passage.text:
            return []
        return [
            found(passage, m.start(), m.end(), label=Label.CODE, kind=Kind.DIRECT, type="email", why=_WHY)
            for m in _EMAIL.finditer(passage.text)
        ]


@DETECTORS.register(EmailDetector.name)
def _factory() -> Detector:
    return EmailDetector()
