"""The reports written to disk entity by entity are the reports built whole, byte for byte."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from veil import Pipeline
from veil.reading.text import StringDocument
from veil.writing import report as report_module
from veil.writing.html import report_html, write_report_html
from veil.writing.report import build_report, report_json, write_report_json

from .conftest import EXAMPLES


@pytest.mark.parametrize("batch", [1, 3, report_module.SNIPPET_BATCH])
@pytest.mark.parametrize("originals", [False, True])
def test_streamed_reports_equal_built_reports(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, batch: int, originals: bool
) -> None:
    text = (EXAMPLES / "interview_en.txt").read_text(encoding="utf-8") + "\nSergey Volkov wrote \u2028 this line.\n"
    analysis = pipeline.analyze(StringDocument(text), "en")
    assert len(analysis.entities) > 3
    monkeypatch.setattr(report_module, "SNIPPET_BATCH", batch)  # contexts made a few mentions per pass
    source, output = Path("in.txt"), Path("out.txt")
    built = build_report(analysis, source, output, originals=originals)

    streamed_json = io.BytesIO()
    write_report_json(streamed_json, analysis, source, output, originals=originals)
    assert streamed_json.getvalue().decode("utf-8") == report_json(built)
    assert json.loads(streamed_json.getvalue())["entities"] == built["entities"]

    streamed_html = io.BytesIO()
    write_report_html(streamed_html, analysis, source, output, originals=originals)
    assert streamed_html.getvalue().decode("utf-8") == report_html(built)


def test_streamed_report_of_a_document_with_nothing_found(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(StringDocument("Nothing to see here at all."), "en")
    built = build_report(analysis, Path("in.txt"), None)
    streamed = io.BytesIO()
    write_report_json(streamed, analysis, Path("in.txt"), None)
    assert streamed.getvalue().decode("utf-8") == report_json(built)
