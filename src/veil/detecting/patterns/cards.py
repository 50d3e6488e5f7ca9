"""Bank card numbers (Luhn checksum) and IBANs (ISO 13616 checksum), through ``python-stdnum``."""

from __future__ import annotations

import re

from stdnum import iban as stdnum_iban
from stdnum import luhn

from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why

_CARD = re.compile(r"(?<![\d\w])\d(?:[ \-]?\d){12,18}(?![\d\w])")
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![A-Za-z0-9])")
_WHY_CARD = Why("pattern.cards", "luhn", 0.9, "a bank card number with a valid Luhn checksum")
_WHY_IBAN = Why("pattern.cards", "iban-checksum", 0.98, "an IBAN with a valid checksum")


def card_is_valid(digits: str) -> bool:
    return 13 <= len(digits) <= 19 and luhn.is_valid(digits) and len(set(digits)) > 1


class CardDetector(Detector):
    name = "pattern.cards"

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        results: list[Detection] = []
        for m in _IBAN.finditer(text):
            if stdnum_iban.is_valid(m.group()):
                results.append(
                    found(passage, *m.span(), label=Label.CODE, kind=Kind.DIRECT, type="iban", why=_WHY_IBAN)
                )
        for m in _CARD.finditer(text):
            if card_is_valid(re.sub(r"\D", "", m.group())) and not any(
                d.start < m.end() and m.start() < d.end for d in results
            ):
                results.append(
                    found(passage, *m.span(), label=Label.CODE, kind=Kind.DIRECT, type="card", why=_WHY_CARD)
                )
        return results


@DETECTORS.register(CardDetector.name)
def _factory() -> Detector:
    return CardDetector()
