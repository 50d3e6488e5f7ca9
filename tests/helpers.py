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


def run_veil(*args: str, cwd: str | None = None, env: dict[str, str] | None = None, stdin: str | None = None):  # type: ignore[no-untyped-def]
    """Run the real ``veil`` command line in a subprocess (this checkout's code), capturing its output."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parent.parent / "src")
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = src + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "veil", *args],
        cwd=cwd,
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


def quasi_spans(pipeline, text: str, lang: str):  # type: ignore[no-untyped-def]
    """(mention text, fine type, replacement or None when kept) for every quasi-identifier mention."""
    from veil.findings import Action, Kind

    result = pipeline.protect_text(text, lang)
    rows = []
    for entity in result.analysis.entities:
        if entity.kind != Kind.QUASI:
            continue
        decision = result.analysis.decision_for(entity.id)
        for mention, replacement in zip(entity.mentions, decision.replacements, strict=True):
            rows.append(
                (mention.start, mention.text, entity.type, None if decision.action == Action.KEEP else replacement)
            )
    return [row[1:] for row in sorted(rows)], result


def assert_quasi(pipeline, text: str, lang: str, expected, types=None) -> None:  # type: ignore[no-untyped-def]
    """The quasi-identifiers of ``types`` (all when None) found in ``text`` are exactly ``expected``:
    (mention text, fine type, replacement or None for kept) in order of appearance."""
    found, result = quasi_spans(pipeline, text, lang)
    if types is not None:
        found = [row for row in found if row[1] in types]
    assert found == list(expected), (
        f"in {text!r}:\n expected {list(expected)}\n found    {found}\n output   {result.text!r}"
    )
