"""The human-readable report page: one self-contained, accessible HTML file (no scripts, no fetches)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import jinja2

from veil.findings import Action
from veil.pipeline import Analysis
from veil.writing.report import Remade, entity_items, report_head


@functools.cache
def template_environment(package: str = "veil.writing") -> jinja2.Environment:
    """The Jinja environment for the ``templates`` folder of ``package`` (autoescaped, strict)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def report_html(report: dict[str, Any]) -> str:
    """The report page for a report built by :func:`veil.writing.report.build_report`."""
    masked = [e for e in report["entities"] if e["action"] != "keep"]
    kept = [e for e in report["entities"] if e["action"] == "keep"]
    return template_environment().get_template("report.html").render(report=report, masked=masked, kept=kept)


def write_report_html(out: BinaryIO, analysis: Analysis, source: Path, output: Path | None, *,
                      originals: bool = False) -> None:  # fmt: skip
    """Write the report page to ``out`` as it is rendered: the same page as :func:`report_html` of the
    built report, without holding the report or the page in memory."""
    report = report_head(analysis, source, output, originals=originals)
    decisions = {d.entity_id: d.action for d in analysis.decisions}
    kept_count = sum(decisions[e.id] == Action.KEEP for e in analysis.entities)

    def of_kind(kept: bool) -> Iterator[dict[str, Any]]:
        return entity_items(analysis, originals=originals, kept=kept)

    masked = Remade(len(analysis.entities) - kept_count, lambda: of_kind(False))
    kept = Remade(kept_count, lambda: of_kind(True))
    template = template_environment().get_template("report.html")
    for chunk in template.generate(report=report, masked=masked, kept=kept):
        out.write(chunk.encode("utf-8"))
