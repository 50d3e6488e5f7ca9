"""Russian vehicle licence plates ("А123ВС 77", "а 123 вс 777"), in Cyrillic or look-alike Latin letters."""

from __future__ import annotations

import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why

_LETTER = "[АВЕКМНОРСТУХавекмнорстухABEKMHOPCTYXabekmhopctyx]"
_PLATE = re.compile(rf"(?<![\w]){_LETTER}\s?\d{{3}}\s?{_LETTER}{{2}}\s?(?:\|\s?)?\d{{2,3}}(?:\s?(?:RUS|rus))?(?![\w])")
_WHY = Why("pattern.plates", "ru-licence-plate", 0.85, "shaped like a Russian licence plate")


class PlateDetector(Detector):
    name = "pattern.plates"

    def detect(self, passage: Passage) -> list[Detection]:
        return [
            found(passage, *m.span(), label=Label.CODE, kind=Kind.DIRECT, type="licence-plate", why=_WHY)
            for m in _PLATE.finditer(passage.text)
        ]


@DETECTORS.register(PlateDetector.name)
def _factory() -> Detector:
    return PlateDetector()
