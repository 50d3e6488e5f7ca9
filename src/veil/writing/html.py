"""The human-readable report page: one self-contained, accessible HTML file (no scripts, no fetches)."""

from __future__ import annotations

import functools
from typing import Any

import jinja2


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
