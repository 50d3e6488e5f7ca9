"""Invariants under any input (Hypothesis): offsets stay exact under any Unicode, streaming equals
whole-text processing, and no detected identifier survives in the protected output."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veil import Pipeline, Settings
from veil import pipeline as pipeline_module
from veil.detecting.figures import RULE as FIGURE_RULE
from veil.findings import Detection, Edit, Kind, Label, Why, sort_edits
from veil.intervals import Coverage
from veil.linking.base import Linker, _priority, resolve_overlaps
from veil.reading import text as text_format
from veil.reading.base import apply_edits
from veil.reading.text import StringDocument

from .conftest import EXAMPLES

IDENTIFIERS = [
    "+7 912 345-67-89",
    "8 (903) 111-22-33",
    "ivan.petrov@mail.ru",
    "daniil_s@example.org",
    "4276 3800 1234 5679",
    "СНИЛС 154-238-712 60",
    "@masha_k77",
]
# Any Unicode outside surrogates, including astral characters, combining marks, RTL and line separators.
filler = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
pieces = st.lists(st.one_of(filler, st.sampled_from(IDENTIFIERS)), max_size=8)
FAST = Settings(seed=1, detectors=("pattern.phone", "pattern.email", "pattern.cards", "pattern.ru-documents",
                                   "pattern.handle"))  # fmt: skip


@pytest.fixture(scope="module")
def patterns_only() -> Pipeline:
    return Pipeline(FAST)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces)
def test_offsets_are_exact_and_identifiers_do_not_survive(patterns_only: Pipeline, parts: list[str]) -> None:
    text = " \n".join(parts)
    protected = patterns_only.protect_text(text)
    for entity in protected.analysis.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    for identifier in set(parts) & set(IDENTIFIERS):
        core = identifier.removeprefix("СНИЛС ")
        assert core not in protected.text, (text, protected.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 20), st.text(max_size=5))))
def test_applying_edits_unit_by_unit_equals_applying_them_at_once(text: str, raw: list[tuple[int, int, str]]) -> None:
    edits: list[Edit] = []
    taken = Coverage()
    for start, length, replacement in sorted(raw):
        end = min(start + length, len(text))
        if start < len(text) and end > start and not taken.overlaps(start, end):
            taken.add(start, end)
            edits.append(Edit(start, end, replacement))
    edits.sort()
    whole = apply_edits(text, 0, edits)
    cut = len(text) // 3
    # a list is searched by bisection, any other iterable is scanned: both give the same text
    assert apply_edits(text[cut:], cut, iter(edits)) == apply_edits(text[cut:], cut, edits)
    # edits crossing the cut are applied to their first part; a unit-split document never cuts a mention
    if not any(e.start < cut < e.end for e in edits):
        assert apply_edits(text[:cut], 0, edits) + apply_edits(text[cut:], cut, edits) == whole


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 10))), st.integers(0, 100), st.integers(1, 10))
def test_coverage_matches_brute_force(spans: list[tuple[int, int]], start: int, length: int) -> None:
    coverage = Coverage((s, s + n) for s, n in spans)
    covered = {i for s, n in spans for i in range(s, s + n)}
    assert coverage.overlaps(start, start + length) == bool(covered & set(range(start, start + length)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=3000))
def test_streamed_units_rebuild_the_file_exactly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    monkeypatch.setattr(text_format, "UNIT_CHARS", 64)
    monkeypatch.setattr(text_format, "BLOCK_BYTES", 100)  # blocks cut through multi-byte characters
    path = tmp_path / "doc.txt"
    path.write_bytes(content.encode("utf-8"))
    units = list(text_format.TextDocument(path, "txt").units())
    assert "".join(u.text for u in units) == content
    position = 0
    for unit in units:
        assert unit.start == position
        position += len(unit.text)


def _resolved_all_at_once(detections: list[Detection]) -> list[Detection]:
    """resolve_overlaps as it was before runs: every detection in one greedy pass."""
    chosen: list[Detection] = []
    coverage = Coverage()
    exact: dict[tuple[int, int], int] = {}
    for detection in sorted(detections, key=_priority, reverse=True):
        span = (detection.start, detection.end)
        if span in exact:
            winner = chosen[exact[span]]
            new = tuple(w for w in detection.why if w not in winner.why)
            if new:
                chosen[exact[span]] = winner.with_why(*new)
            continue
        if coverage.overlaps(*span) or detection.end <= detection.start:
            continue
        exact[span] = len(chosen)
        chosen.append(detection)
        coverage.add(*span)
    return sorted(chosen, key=lambda d: d.start)


_REASONS = [Why("a", "x", 0.5), Why("b", "y", 0.9), Why("c", "z", 0.7)]
_RAW_DETECTION = st.tuples(
    st.integers(0, 60), st.integers(-2, 12), st.booleans(), st.lists(st.sampled_from(_REASONS), max_size=2)
)


def _detection(start: int, length: int, direct: bool, why: list[Why]) -> Detection:
    kind = Kind.DIRECT if direct else Kind.QUASI
    return Detection(start, start + length, "x" * max(length, 0), Label.MISC, kind, "t", "en", tuple(why))


@settings(max_examples=300, deadline=None)
@given(st.lists(_RAW_DETECTION))
def test_resolving_overlaps_run_by_run_equals_resolving_them_all_at_once(
    raw: list[tuple[int, int, bool, list[Why]]],
) -> None:
    detections = [_detection(*item) for item in raw]
    assert resolve_overlaps(detections) == _resolved_all_at_once(detections)


_KINDS = [("person", Label.PERSON, Kind.DIRECT), ("city", Label.LOC, Kind.QUASI), ("vehicle", Label.MISC, Kind.QUASI),
          ("date", Label.DATETIME, Kind.QUASI)]  # fmt: skip
_LINK_REASONS = [Why("en.ner", "veil-en-ner", 0.6), Why("en.names", "title", 0.9), Why("figures", FIGURE_RULE, 1.0),
                 Why("places", "gazetteer", 0.8)]  # fmt: skip
_PART = 40
_RAW_CANDIDATE = st.tuples(
    st.integers(0, 2), st.integers(0, _PART - 1), st.integers(1, 12), st.integers(0, len(_KINDS) - 1),
    st.lists(st.sampled_from(_LINK_REASONS), min_size=1, max_size=2),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_RAW_CANDIDATE))
def test_reducing_candidates_part_by_part_equals_reducing_them_all(
    raw: list[tuple[int, int, int, int, list[Why]]],
) -> None:
    """What the pipeline does batch by batch (no candidate crosses a batch) is what linking does at once."""
    parts: list[list[Detection]] = [[], [], []]
    for part, offset, length, kind, why in raw:
        start = part * _PART + offset
        end = min(start + length, (part + 1) * _PART)
        type_, label, kind_ = _KINDS[kind]
        parts[part].append(Detection(start, end, "x" * (end - start), label, kind_, type_, "en", tuple(why)))
    everything = [d for part in parts for d in part]
    reduced = [d for part in parts for d in Linker.reduce(part)]
    assert reduced == Linker.reduce(everything)
    assert Linker.reduce(reduced) == reduced


def test_analysing_with_reduced_candidates_gives_the_same_entities(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline_module, "BATCH_PASSAGES", 1)  # many batches
    document = StringDocument((EXAMPLES / "interview_en.txt").read_text(encoding="utf-8"))
    detections, _ = pipeline.detect(document, "en")
    reduced, _ = pipeline.detect(document, "en", reduced=True)
    assert len(reduced) < len(detections)
    assert pipeline.link(reduced, document, "en") == pipeline.link(detections, document, "en")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from(["", "a", "b"]), st.sampled_from(["E1", "E2"]))
    )
)
def test_sorting_edits_by_start_then_ties_equals_their_own_order(raw: list[tuple[int, int, str, str]]) -> None:
    edits = [Edit(*item) for item in raw]
    assert sort_edits(edits) == sorted(edits)
