"""The workers' half of a batch: everything about a file but deciding.

A file goes through a worker twice. :func:`analyze_file` reads, detects and links it (the heavy part,
which depends on no other file, so it runs on any worker in any order) and sends back its entities.
The driver that owns the vault then decides them (deciding reads and writes the project's memory, so
only it can; see :mod:`veil.batch.runner`), and :func:`render_file`, given those decisions, assesses
the file, renders its protected copy and builds its reports and its record for the vault, on the worker
that holds its analysis. A worker keeps one :class:`~veil.pipeline.Pipeline` per process, so its models
load once per worker, not once per file.

What travels holds real mentions (entities, decisions, the record, reports with originals when asked),
so it moves between processes in memory only and is never written down. A failure comes back as a
stable error code and a message that names the file and nothing from inside it.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from veil.config import Settings
from veil.errors import ErrorCode, VeilError
from veil.findings import Action, Decision, Entity, Why
from veil.pipeline import Pipeline, fitting_text
from veil.vault.documents import encode_part, report_parts
from veil.vault.views import document_record, report_entities
from veil.writing.html import write_report_html
from veil.writing.report import write_report_json

T = TypeVar("T")


@dataclass(frozen=True)
class FileAnalysis:
    """One file read, detected and linked on a worker: its characters per language, its entities, the
    text before the mentions deciding reads (so the driver decides without reading the file) and each
    entity's action by the settings (public facts kept ...; the driver only looks for reviews).

    ``worker`` (the process id) and ``pipelines_built`` (pipelines that process has built so far) let the
    driver and the tests see that models load once per worker.
    """

    languages: dict[str, int]
    entities: list[Entity]
    before: dict[int, str]
    actions: dict[str, tuple[Action, Why]]
    worker: int
    pipelines_built: int

    @property
    def characters(self) -> int:
        return sum(self.languages.values())


@dataclass(frozen=True)
class FileFailure:
    """A file that could not be analysed: a stable error code and a message safe to show."""

    code: str
    message: str


class _PipelineCache:
    """The worker process's pipeline, rebuilt only when a run with other settings arrives."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key = ""
        self._pipeline: Pipeline | None = None
        self.built = 0

    def get(self, settings: Settings) -> Pipeline:
        key = settings.model_dump_json()
        with self._lock:
            if self._pipeline is None or key != self._key:
                self._pipeline = Pipeline(settings)
                self._key = key
                self.built += 1
            return self._pipeline


PIPELINES = _PipelineCache()


class _Settled:
    """The stages and languages this process has worked in; see :meth:`settle`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: set[tuple[str, str]] = set()

    def settle(self, stage: str, languages: Iterable[str]) -> bool:
        """Exempt what the process holds now from garbage collection, the first time it has done ``stage``
        (analysing, deciding, rendering) in one of ``languages``; whether it did.

        The models and tables a stage needs for a language load on its first document and live as long
        as the process: hundreds of thousands of objects that each full collection walked again (about a
        tenth of a worker's CPU, a sixth of the driver's). Collected first, so no garbage is exempted;
        what else is alive at that moment (this file's results) is freed as usual once released.
        """
        with self._lock:
            new = {(stage, language) for language in languages} - self._seen
            if not new:
                return False
            self._seen |= new
            gc.collect()
            gc.freeze()
            return True


SETTLED = _Settled()


def analyze_file(source: str, settings: Settings, lang: str, format_name: str | None) -> FileAnalysis | FileFailure:
    """Read, detect and link ``source`` (a path the worker can read); never raises."""

    def analyze() -> FileAnalysis:
        pipeline = PIPELINES.get(settings)
        document = pipeline.read(Path(source), format_name)
        detections, languages = pipeline.detect(document, lang, reduced=True)
        entities = pipeline.link(detections, document, lang)
        del detections
        before, actions = fitting_text(document, entities), pipeline.decider.actions(entities)
        SETTLED.settle("analyse", languages)
        return FileAnalysis(languages, entities, before, actions, os.getpid(), PIPELINES.built)

    return _guarded(source, "analysing", analyze)


@dataclass(frozen=True)
class FileRendering:
    """One decided file finished on a worker: the protected copy's bytes and SHA-256, its reports' bytes
    (``None`` without reports), and the record the vault seals for it with its report's entities in
    parts (with originals), the parts already encoded (the driver only seals them)."""

    protected: bytes
    digest: bytes
    report_json: bytes | None
    report_html: bytes | None
    record: dict[str, Any]
    parts: list[bytes]


def render_file(
    analysed: FileAnalysis | FileFailure,
    source: str,
    named: str,
    output: str,
    settings: Settings,
    format_name: str | None,
    decisions: list[Decision],
    reports: bool,
    originals: bool,
) -> FileRendering | FileFailure:
    """Assess, render and report ``source`` with the driver's ``decisions``; never raises.

    ``named`` and ``output`` are the input's and the output's paths as the driver knows them (the reports
    and the record name them), ``source`` the path this worker reads.
    """
    if isinstance(analysed, FileFailure):
        return analysed

    def render() -> FileRendering:
        pipeline = PIPELINES.get(settings)
        document = pipeline.read(Path(source), format_name)
        analysis = pipeline.finish(document, analysed.languages, analysed.entities, decisions)
        protected = io.BytesIO()
        pipeline.render(analysis, protected)
        json_report = html_report = None
        if reports:
            json_report, html_report = io.BytesIO(), io.BytesIO()
            write_report_json(json_report, analysis, Path(named), Path(output), originals=originals)
            write_report_html(html_report, analysis, Path(named), Path(output), originals=originals)
        data = protected.getvalue()
        parts = [encode_part(part) for part in report_parts(report_entities(analysis))]
        SETTLED.settle("render", analysed.languages)  # the risk estimate's and the reports' tables
        return FileRendering(
            data, hashlib.sha256(data).digest(),
            json_report.getvalue() if json_report else None, html_report.getvalue() if html_report else None,
            document_record(analysis, Path(named), Path(output)), parts,
        )  # fmt: skip

    return _guarded(source, "protecting", render)


def _guarded(source: str, doing: str, work: Callable[[], T]) -> T | FileFailure:
    """``work()``, or the failure it raised as a code and a message safe to show.

    An unexpected exception is reported by its type only: its message could quote the document.
    """
    try:
        return work()
    except VeilError as error:
        return FileFailure(error.code.value, error.message)
    except MemoryError:
        return FileFailure(ErrorCode.INTERNAL.value, f"{source}: out of memory while {doing} it")
    except Exception as error:
        hidden = "details hidden because they may contain document text"
        return FileFailure(ErrorCode.INTERNAL.value, f"{source}: unexpected {type(error).__name__} ({hidden})")


def veil_version() -> str:
    """The Veil version this worker runs (the driver refuses workers that run another)."""
    from veil import __version__

    return __version__


def usage() -> tuple[int, float]:
    """This process's peak resident memory in bytes (Linux and macOS) and the CPU seconds it has used."""
    import resource
    import sys
    import time

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024), time.process_time()
