"""The project's deny list: texts that are always masked, wherever and however they are written."""

from __future__ import annotations

import re
from collections.abc import Iterable

from veil.detecting.base import Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why

_WHY = Why("config.deny", "deny-list", 1.0, "on the project's deny list")


class DenyListDetector(Detector):
    """Finds every occurrence of the deny-listed texts, ignoring case."""

    name = "config.deny"

    def __init__(self, terms: Iterable[str]) -> None:
        chosen = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
        body = "|".join(re.escape(t) for t in chosen)
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if chosen else None

    def detect(self, passage: Passage) -> list[Detection]:
        if self._pattern is None:
            return []
        return [
            found(passage, *m.span(), label=Label.MISC, kind=Kind.DIRECT, type="denied", why=_WHY)
            for m in self._pattern.finditer(passage.text)
        ]
