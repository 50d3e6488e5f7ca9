"""Street addresses, in Russian ("ул. Ленина, д. 5, кв. 12") and English ("12 Baker Street, Apt 4").

An address is a street word with a name, plus the house, building and flat numbers that follow; or a
house number before an English street name. The whole address is one direct identifier.
"""

from __future__ import annotations

import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why

_RU_STREET_WORD = (
    r"(?:ул\.|улиц[аеуы]|улицей|пр-т|пр-кт|просп\.|проспект[аеу]?|пер\.|переул(?:ок|ка|ке)|"
    r"б-р|бульвар[аеу]?|ш\.|шоссе|наб\.|набережн(?:ая|ой|ую)|пл\.|площад(?:ь|и)|мкр\.?|микрорайон[аеу]?|"
    r"проезд[аеу]?|тупик[аеу]?|аллея|аллее|линия|линии|кв-л|квартал[аеу]?)"
)
_RU_NAME = r"(?:\d{1,3}-?(?:я|й|го|ой)?\s)?[А-ЯЁ0-9][\w\-]*(?:\s[А-ЯЁ][\w\-]*){0,3}"
_RU_NAME_FIRST = r"[А-ЯЁ][\w\-]*(?:\s[А-ЯЁ][\w\-]*){0,2}"
_RU_HOUSE = r"(?:,?\s*(?:д\.|дом[аеу]?|д)\s*№?\s*\d+[\w/\-]*)"
_RU_PART_WORD = r"(?:корп\.|корпус|к\.|стр\.|строение|кв\.|квартира|квартиры|квартире|оф\.|офис|подъезд|эт\.|этаж)"
_RU_PARTS = rf"(?:,?\s*{_RU_PART_WORD}\s*\d+[\w/\-]*)"
_RU_ADDRESS = re.compile(
    rf"(?<![\w])(?:{_RU_STREET_WORD}\s*{_RU_NAME}|{_RU_NAME_FIRST}\s{_RU_STREET_WORD})"
    rf"(?:{_RU_HOUSE}(?:{_RU_PARTS})*|,?\s*\d+[\w/\-]*(?:{_RU_PARTS})*)?",
)
_RU_BARE_HOUSE = re.compile(rf"(?<![\w])(?:дом|д\.)\s*№?\s*\d+[\w/\-]*(?:{_RU_PARTS})+")

_EN_STREET_TYPE = (
    r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Court|Ct\.?|"
    r"Place|Pl\.?|Square|Sq\.?|Terrace|Way|Close|Crescent|Highway|Hwy\.?|Parkway|Row|Walk|Mews|Gardens)"
)
_EN_ADDRESS = re.compile(
    rf"(?<![\w])\d{{1,5}}[A-Za-z]?(?:-\d{{1,5}})?,?\s+(?:[A-Z][\w'\-]*\s+){{1,3}}{_EN_STREET_TYPE}(?![\w])"
    r"(?:,?\s*(?:Apt\.?|Apartment|Flat|Suite|Unit|#)\s*\w+)?",
)
_WHY_RU = Why("pattern.address", "ru-street-address", 0.85, "a street address")
_WHY_EN = Why("pattern.address", "en-street-address", 0.85, "a street address")


class AddressDetector(Detector):
    name = "pattern.address"

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        results: list[Detection] = []
        patterns = ((_RU_ADDRESS, _WHY_RU), (_RU_BARE_HOUSE, _WHY_RU), (_EN_ADDRESS, _WHY_EN))
        for pattern, why in patterns:
            for m in pattern.finditer(text):
                start, end = m.span()
                end = len(text[start:end].rstrip(" ,")) + start
                if any(d.start < end and start < d.end for d in results):
                    continue
                results.append(found(passage, start, end, label=Label.LOC, kind=Kind.DIRECT, type="address", why=why))
        return results


@DETECTORS.register(AddressDetector.name)
def _factory() -> Detector:
    return AddressDetector()
