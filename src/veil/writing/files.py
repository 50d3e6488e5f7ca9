"""Protecting a file end to end: read it, analyse it, write the protected copy and its reports.

The protected document is written atomically and the reports only after it, so a failure at any point
leaves no half-written output behind (the previous files, if any, stay as they were). The output may
never be the input: the original is never overwritten.

A project passes a ``seal`` callback: it receives the analysis and the SHA-256 of the protected output
after the output is fully written but *before* it takes its final name, so the vault commits its record
first and a protected file never exists that the vault cannot reveal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from veil.errors import ErrorCode, VeilError
from veil.pipeline import Analysis, Pipeline, ProgressCallback
from veil.writing.atomic import atomic_output
from veil.writing.html import write_report_html
from veil.writing.report import report_paths, write_report_json


@dataclass(frozen=True)
class FileResult:
    """What protecting one file produced."""

    source: Path
    output: Path
    report_json: Path | None
    report_html: Path | None
    analysis: Analysis


Sealer = Callable[[Analysis, bytes], None]


def written_digest(handle: BinaryIO) -> bytes:
    """SHA-256 of everything in an open, readable output file."""
    handle.flush()
    handle.seek(0)
    digest = hashlib.sha256()
    while block := handle.read(1 << 20):
        digest.update(block)
    return digest.digest()


def default_output(source: Path) -> Path:
    """``interview.txt`` -> ``interview.protected.txt`` in the same folder."""
    return source.with_name(f"{source.stem}.protected{source.suffix}")


def check_distinct(source: Path, output: Path) -> None:
    try:
        same = output.exists() and source.resolve() == output.resolve()
    except OSError:
        same = False
    if same or source.absolute() == output.absolute():
        raise VeilError(ErrorCode.OUTPUT_CONFLICT, f"{output}: refusing to overwrite the input file")


def protect_file(
    pipeline: Pipeline,
    source: Path,
    output: Path,
    *,
    lang: str = "auto",
    format_name: str | None = None,
    reports: bool = True,
    originals: bool = False,
    progress: ProgressCallback | None = None,
    analysis: Analysis | None = None,
    seal: Sealer | None = None,
) -> FileResult:
    """Protect ``source`` into ``output`` (and reports next to it); see the module docstring.

    ``analysis`` skips analysing when the caller has done it already (a project, a batch driver).
    """
    check_distinct(source, output)
    if analysis is None:
        analysis = pipeline.analyze(pipeline.read(source, format_name), lang, progress)
    with atomic_output(output) as handle:
        pipeline.render(analysis, handle)
        if seal is not None:
            seal(analysis, written_digest(handle))
    json_path = html_path = None
    if reports:
        json_path, html_path = report_paths(output)
        with atomic_output(json_path) as handle:
            write_report_json(handle, analysis, source, output, originals=originals)
        with atomic_output(html_path) as handle:
            write_report_html(handle, analysis, source, output, originals=originals)
    return FileResult(source, output, json_path, html_path, analysis)
