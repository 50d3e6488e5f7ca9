"""The batch driver: plan, hand the heavy work to workers, decide and write in a fixed order, resume.

How a run goes (``docs/batch.md`` has the whole story):

1. **Plan**: every supported file under the input folder, in relative-path order (:mod:`veil.batch.plan`).
   Files the manifest already lists with the same content and settings, whose output still exists, are
   skipped (:mod:`veil.batch.manifest`).
2. **Analyse** on the workers, a bounded window of files at a time (so a run over huge files never holds
   more than a few files in memory): read, detect, link (:mod:`veil.batch.work`).
3. **Decide** here, in plan order, whatever order the workers finish in. This process is the project's
   only writer: it decides each file's entities against the vault (so a person met in an earlier file
   keeps that file's pseudonym) and commits the decisions. Since deciding happens in one fixed order
   against one memory, the pseudonyms do not depend on the number of workers or on which finished
   first; with a fixed seed (``seed`` in the settings) each file's random choices come from the seed and
   its relative path, so a resumed run writes byte for byte what an uninterrupted one would have.
4. **Render** on the worker that holds the file's analysis: assess, render the protected copy, build the
   reports and the vault's record (none of it needs the vault).
5. **Write** here, in plan order: the protected copy to a temporary file, the vault's record of it
   (committed before the copy takes its name), the reports, and only then the manifest line.
"""

from __future__ import annotations

import collections
import contextlib
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import filelock

from veil.batch.cluster import Executor, Pending, executor
from veil.batch.manifest import MANIFEST_NAME, Entry, Manifest
from veil.batch.plan import Plan, PlannedFile, Skipped, plan
from veil.batch.work import SETTLED, FileAnalysis, FileFailure, FileRendering, analyze_file, render_file
from veil.config import Settings
from veil.errors import ErrorCode, VeilError
from veil.findings import Decision
from veil.pipeline import Pipeline, main_language
from veil.vault import Project
from veil.vault.documents import file_digest
from veil.vault.project import PreparedDocument
from veil.writing.atomic import atomic_output
from veil.writing.files import check_distinct, written_digest
from veil.writing.report import report_paths

LOCK_NAME = ".veil-batch.lock"
# Files in flight per worker: enough that no worker waits on the driver (which decides and writes in
# plan order, so one slow file holds up the files behind it), few enough that memory stays bounded
# whatever the size of the files: beyond ``FILES_PER_WORKER``, a file joins only while the input in
# flight stays under the byte budget.
FILES_PER_WORKER = 2
WINDOW_PER_WORKER = 4
BYTES_IN_FLIGHT_PER_WORKER = 16 << 20


@dataclass(frozen=True)
class BatchOptions:
    """What ``veil batch`` was asked to do."""

    input_dir: Path
    out_dir: Path
    lang: str = "auto"
    format_name: str | None = None
    reports: bool = True
    originals: bool = False
    fail_fast: bool = False
    workers: int | None = None
    scheduler: str | None = None


@dataclass(frozen=True)
class Failed:
    relative: str
    code: str
    message: str


@dataclass
class BatchSummary:
    """What a run did; ``characters`` and ``seconds`` cover the files protected in this run only."""

    done: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    characters: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0
    workers: int = 0
    worker_memory: dict[str, int] = field(default_factory=dict)
    worker_cpu_seconds: dict[str, float] = field(default_factory=dict)
    stopped_early: bool = False


class BatchEvents(Protocol):
    """What the driver reports as it goes (the CLI draws its progress bar from these)."""

    def planned(self, files: int, total_bytes: int) -> None: ...

    def finished(self, item: PlannedFile, characters: int, ok: bool) -> None: ...


class _Silent:
    def planned(self, files: int, total_bytes: int) -> None:
        return None

    def finished(self, item: PlannedFile, characters: int, ok: bool) -> None:
        return None


def run_batch(
    project: Project, options: BatchOptions, base: Settings | None = None, events: BatchEvents | None = None
) -> BatchSummary:
    """Protect every supported file under ``options.input_dir``; see the module docstring.

    The run holds the project's writer lock throughout (``project.session()``, re-entrant), so no other
    process can give anyone a pseudonym meanwhile.
    """
    events = events or _Silent()
    settings = project.settings(base)
    the_plan = plan(options.input_dir, options.out_dir, exclude=(project.root,), reports=options.reports)
    summary = BatchSummary(skipped=list(the_plan.skipped))
    summary.failed.extend(
        Failed(item.relative, ErrorCode.OUTPUT_CONFLICT.value, why) for item, why in the_plan.conflicts
    )
    with (
        project.session(),
        _output_lock(options.out_dir),
        _opened(Manifest(options.out_dir / MANIFEST_NAME, project.vault.keys.tag)) as manifest,
    ):
        _remove_partial_outputs(options.out_dir)
        todo = _still_to_do(the_plan, manifest, _fingerprint(settings, options), summary)
        events.planned(len(todo), sum(item.size for item, _ in todo))
        if not todo:
            return summary
        started = time.perf_counter()
        with executor(options.workers, options.scheduler) as workers:
            summary.workers = workers.workers
            summary.startup_seconds = time.perf_counter() - started
            driver = _Driver(project, Pipeline(settings, project.memory()), settings, options, manifest, events)
            driver.run(todo, workers, summary)
            summary.seconds = time.perf_counter() - started - summary.startup_seconds
            used = workers.usage()
            summary.worker_memory = {worker: memory for worker, (memory, _) in used.items()}
            summary.worker_cpu_seconds = {worker: cpu for worker, (_, cpu) in used.items()}
    return summary


@contextlib.contextmanager
def _opened(manifest: Manifest) -> Iterator[Manifest]:
    manifest.open()
    try:
        yield manifest
    finally:
        manifest.close()


@contextlib.contextmanager
def _output_lock(out_dir: Path) -> Iterator[None]:
    """One batch at a time per output folder (the vault's lock covers only one project)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(out_dir / LOCK_NAME, timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise VeilError(ErrorCode.BATCH_BUSY, f"{out_dir}: another batch is writing to this folder") from None
    try:
        yield
    finally:
        lock.release()


def _remove_partial_outputs(out_dir: Path) -> None:
    """Temporary files a killed run left behind (``.NAME.xxxx.partial``); never a finished output."""
    for leftover in out_dir.rglob(".*.partial"):
        if leftover.is_file():
            leftover.unlink(missing_ok=True)


def _fingerprint(settings: Settings, options: BatchOptions) -> bytes:
    """Everything that changes what a file's protected copy looks like (hashed with a key by the manifest)."""
    what = {
        "settings": settings.model_dump(mode="json"),
        "lang": options.lang,
        "format": options.format_name,
        "reports": options.reports,
        "originals": options.originals,
    }
    return json.dumps(what, sort_keys=True, ensure_ascii=False).encode("utf-8")


def _still_to_do(
    the_plan: Plan, manifest: Manifest, fingerprint: bytes, summary: BatchSummary
) -> list[tuple[PlannedFile, Entry]]:
    todo = []
    for item in the_plan.files:
        try:
            key = manifest.key(item.relative, file_digest(item.source), fingerprint)
        except OSError as error:
            message = f"{item.source}: cannot be read ({error.strerror})"
            summary.failed.append(Failed(item.relative, ErrorCode.INPUT_UNREADABLE.value, message))
            continue
        if manifest.is_done(key) is not None and item.output.is_file():
            summary.skipped.append(Skipped(item.relative, "already done"))
        else:
            todo.append((item, key))
    return todo


@dataclass
class _InFlight:
    """One file between its submission and its manifest line: its analysis task, then (once decided) the
    analysis, the decisions and its rendering task."""

    item: PlannedFile
    key: Entry
    analysing: Pending
    analysed: FileAnalysis | FileFailure | None = None
    decisions: list[Decision] = field(default_factory=list)
    rendering: Pending | None = None


class _Driver:
    """Submits analyses in plan order, a window at a time, decides each file in that order, has a worker
    render it, and writes and records the files in that order too.

    Two queues in plan order: files being analysed, and files decided and being rendered. The driver
    decides the next analysed file whenever it can (so the workers always have renderings to do) and
    writes the oldest rendered file otherwise; at most ``WINDOW_PER_WORKER x workers`` files are in
    flight altogether, fewer when they are large.
    """

    def __init__(
        self, project: Project, pipeline: Pipeline, settings: Settings, options: BatchOptions,
        manifest: Manifest, events: BatchEvents,
    ) -> None:  # fmt: skip
        self.project = project
        self.pipeline = pipeline
        self.settings = settings
        self.options = options
        self.manifest = manifest
        self.events = events

    def run(self, todo: list[tuple[PlannedFile, Entry]], workers: Executor, summary: BatchSummary) -> None:
        queue = collections.deque(todo)
        analysing: collections.deque[_InFlight] = collections.deque()
        rendering: collections.deque[_InFlight] = collections.deque()
        try:
            while queue or analysing or rendering:
                while queue and self._room_for(queue[0][0], (*analysing, *rendering), workers.workers):
                    item, key = queue.popleft()
                    task = workers.submit(
                        analyze_file, str(item.source.resolve()), self.settings, self.options.lang,
                        self.options.format_name,
                    )  # fmt: skip
                    analysing.append(_InFlight(item, key, task))
                if analysing and not (rendering and _rendered(rendering[0])):
                    rendering.append(self._decide(analysing.popleft(), workers))
                    continue
                if not self._finish(rendering.popleft(), summary) and self.options.fail_fast:
                    summary.stopped_early = True
                    return
        finally:
            for waiting in (*analysing, *rendering):
                waiting.analysing.cancel()
                if waiting.rendering is not None:
                    waiting.rendering.cancel()

    @staticmethod
    def _room_for(item: PlannedFile, in_flight: tuple[_InFlight, ...], workers: int) -> bool:
        """Whether ``item`` may start now (see ``WINDOW_PER_WORKER``)."""
        if len(in_flight) < FILES_PER_WORKER * workers:
            return True
        if len(in_flight) >= WINDOW_PER_WORKER * workers:
            return False
        return sum(flight.item.size for flight in in_flight) + item.size <= BYTES_IN_FLIGHT_PER_WORKER * workers

    def _decide(self, flight: _InFlight, workers: Executor) -> _InFlight:
        """Decide one analysed file against the vault and hand it to a worker to render.

        The decisions commit here: a person this file meets first keeps its pseudonym for every later
        file, whether or not this file's output is written (a run that stops before writing it redoes
        the file, and finds the same pseudonyms).
        """
        outcome = flight.analysing.result()
        if not isinstance(outcome, FileAnalysis):
            flight.analysed = outcome if isinstance(outcome, FileFailure) else FileFailure("internal", "no analysis")
            return flight
        flight.analysed = outcome
        pipeline = self.pipeline
        if self.settings.seed is not None:
            # A file's random choices depend only on the seed and its path, not on what ran before it
            # in this process: a resumed run then writes what an uninterrupted one would have.
            pipeline.rng = random.Random(f"{self.settings.seed}\x00{flight.item.relative}")  # noqa: S311
        try:
            with self.project.vault.transaction():
                main = main_language(outcome.languages)
                flight.decisions = pipeline.decide(
                    outcome.entities, main, before=outcome.before, actions=outcome.actions
                )
                self.project.vault.commit_now()
            SETTLED.settle("decide", outcome.languages)  # the pseudonym pools, gazetteer, morphology
        except VeilError as error:
            flight.analysed = FileFailure(error.code.value, error.message)
            return flight
        except Exception as error:  # one file's bug must not stop an archive; its details may quote the text
            flight.analysed = _hidden(flight.item, error)
            return flight
        item, options = flight.item, self.options
        flight.rendering = workers.submit(
            render_file, flight.analysing, str(item.source.resolve()), str(item.source), str(item.output),
            self.settings, options.format_name, flight.decisions, options.reports, options.originals,
        )  # fmt: skip
        return flight

    def _finish(self, flight: _InFlight, summary: BatchSummary) -> bool:
        """Write and record one rendered file; whether it succeeded."""
        item, analysed = flight.item, flight.analysed
        characters = analysed.characters if isinstance(analysed, FileAnalysis) else 0
        try:
            rendered = flight.rendering.result() if flight.rendering is not None else analysed
            if isinstance(rendered, FileFailure):
                raise VeilError(ErrorCode(rendered.code), rendered.message)
            if not isinstance(rendered, FileRendering) or not isinstance(analysed, FileAnalysis):
                raise TypeError("a file without its analysis or its rendering")
            document_id = self._write(item, analysed, flight.decisions, rendered)
        except VeilError as error:
            return self._failed(item, characters, Failed(item.relative, error.code.value, error.message), summary)
        except Exception as error:  # one file's bug must not stop an archive; its details may quote the text
            hidden = _hidden(item, error)
            return self._failed(item, characters, Failed(item.relative, hidden.code, hidden.message), summary)
        key = flight.key
        done = Entry(key.file, key.input, key.settings, document_id, characters, item.output.stat().st_size)
        self.manifest.finished(done)
        summary.done.append(item.relative)
        summary.characters += characters
        self.events.finished(item, characters, ok=True)
        return True

    def _failed(self, item: PlannedFile, characters: int, failure: Failed, summary: BatchSummary) -> bool:
        summary.failed.append(failure)
        self.events.finished(item, characters, ok=False)
        return False

    def _write(
        self, item: PlannedFile, analysed: FileAnalysis, decisions: list[Decision], rendered: FileRendering
    ) -> int:
        """Write the protected copy, have the vault record it before it takes its name, then the reports;
        the vault's document id."""
        check_distinct(item.source, item.output)
        by_id = {decision.entity_id: decision for decision in decisions}
        prepared = PreparedDocument(
            item.source, rendered.record, rendered.parts, analysed.entities, by_id, self.options.reports
        )
        with atomic_output(item.output) as handle:
            handle.write(rendered.protected)
            if written_digest(handle) != rendered.digest:
                raise VeilError(ErrorCode.INTERNAL, f"{item.output}: the protected copy was not written whole")
            document_id = self.project.record_prepared(prepared, rendered.digest, originals=self.options.originals)
        for path, data in zip(report_paths(item.output), (rendered.report_json, rendered.report_html), strict=True):
            if data is not None:
                with atomic_output(path) as handle:
                    handle.write(data)
        return document_id


def _hidden(item: PlannedFile, error: Exception) -> FileFailure:
    """An unexpected error as a failure that names the file and the error's type, never its message."""
    why = f"unexpected {type(error).__name__} (details hidden: they may contain document text)"
    return FileFailure(ErrorCode.INTERNAL.value, f"{item.source}: {why}")


def _rendered(flight: _InFlight) -> bool:
    """Whether a file can be written (or reported as failed) without waiting."""
    return flight.rendering is None or flight.rendering.done()
