"""Assertions shared by the table-driven detector tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from veil.detecting.base import Detector
from veil.findings import Detection, Passage


def detect_in(detector: Detector, text: str, lang: str = "en") -> list[Detection]:
    return detector.detect(Passage(text, 0, lang))


def spans(detections: Iterable[Detection], type_: str | None = None) -> list[tuple[str, str]]:
    """(text, type) pairs in order, optionally only of one type."""
    return [(d.text, d.type) for d in sorted(detections, key=lambda d: d.start) if type_ in (None, d.type)]


def assert_finds(detector: Detector, text: str, expected: Sequence[str], type_: str, lang: str = "en") -> None:
    """``detector`` finds exactly ``expected`` (texts, in order) of ``type_`` in ``text``."""
    found = [t for t, _ in spans(detect_in(detector, text, lang), type_)]
    assert found == list(expected), f"in {text!r}: expected {list(expected)}, found {found}"
