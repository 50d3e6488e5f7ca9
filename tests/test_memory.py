"""Memory that must not grow with the document: what writing a protected file and its records holds beyond
the analysis, and what the risk estimate holds beyond it.

A long document's analysis holds every mention (linking and deciding see the whole document); everything
after it streams. Each test measures the peak Python memory (``tracemalloc``) of a stage on a text and on
the same text four times over, with the per-pass buffers made small so that both sizes fill them, and
bounds the growth: writing a file once held its whole report several times over (about 2 700 bytes more
per mention), the risk estimate two copies of the text (about 5 bytes more per character).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.vault_helpers import new_project
from veil import Pipeline, Settings
from veil.assessing.risk import RiskAssessor
from veil.pipeline import Analysis
from veil.reading.text import StringDocument
from veil.vault import documents as vault_documents
from veil.writing import report as report_module

RULES = (
    "en.names",
    "en.dates",
    "en.ages",
    "en.family",
    "en.occupations",
    "en.places",
    "pattern.phone",
    "pattern.email",
)
STORY = (
    "On 12 March 2019 Mr John Carter called me from +1 202 555 0143. I wrote to carter@example.org. "
    "My son Daniel Carter, 27, works as an engineer in Boston.\n"
)
PROSE = "I walked for a long time along the grey river and thought about nothing in particular that evening. "


@pytest.fixture(scope="module")
def rules_only() -> Pipeline:
    return Pipeline(Settings(seed=1, detectors=RULES))


def _peak(run: Callable[[], object]) -> int:
    """The most memory ``run`` held at once beyond what was held before it."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        run()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def _mentions(analysis: Analysis) -> int:
    return sum(len(e.mentions) for e in analysis.entities)


def test_writing_a_file_its_reports_and_its_record_holds_little_per_mention(
    rules_only: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_module, "SNIPPET_BATCH", 300)
    monkeypatch.setattr(vault_documents, "PART_MENTIONS", 100)
    measured = []
    with new_project(tmp_path / "p") as project, project.session():
        for copies in (60, 240):
            source = tmp_path / f"in{copies}.txt"
            source.write_text(STORY * copies, encoding="utf-8")
            analysis = rules_only.analyze(rules_only.read(source), "en")
            output = tmp_path / f"out{copies}.txt"
            peak = _peak(lambda: project.protect_file(source, output, pipeline=rules_only, analysis=analysis))
            measured.append((_mentions(analysis), peak))
    (small, small_peak), (large, large_peak) = measured
    assert large >= 3 * small
    assert (large_peak - small_peak) / (large - small) < 500  # bytes per mention (now about 150)


def test_the_risk_estimate_holds_little_per_character(rules_only: Pipeline) -> None:
    measured = []
    for copies in (50, 200):
        text = (PROSE * 20 + "My son Daniel Carter called me.\n") * copies
        analysis = rules_only.analyze(StringDocument(text), "en")
        measured.append((len(text), _peak(lambda: RiskAssessor().assess(analysis))))
    (small, small_peak), (large, large_peak) = measured
    assert (large_peak - small_peak) / (large - small) < 1  # bytes per character (now about 0.3)
