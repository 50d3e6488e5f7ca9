"""The human-readable report page: one self-contained, accessible HTML file (no scripts, no fetches)."""

from __future__ import annotations

import functools
from typing import Any

import jinja2


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("veil.writing", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def report_html(report: dict[str, Any]) -> str:
    """The report page for a report built by :func:`veil.writing.report.build_report`."""
    masked = [e for e in report["entities"] if e["action"] != "keep"]
    kept = [e for e in report["entities"] if e["action"] == "keep"]
    return _environment().get_template("report.html").render(report=report, masked=masked, kept=kept)
