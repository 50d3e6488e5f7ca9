"""The batch driver: plan, hand the heavy work to workers, decide and write in a fixed order, resume.

How a run goes (``docs/batch.md`` has the whole story):

1. **Plan**: every supported file under the input folder, in relative-path order (:mod:`veil.batch.plan`).
   Files the manifest already lists with the same content and settings, whose output still exists, are
   skipped (:mod:`veil.batch.manifest`).
2. **Analyse** on the workers, a bounded window of files at a time (so a run over huge files never holds
   more than a few analyses in memory): read, detect, link (:mod:`veil.batch.work`).
3. **Decide and write** here, in plan order, whatever order the workers finish in. This process is the
   project's only writer: it decides each file's entities against the vault (so a person met in an
   earlier file keeps that file's pseudonym), renders the protected copy to a temporary file, has the
   vault record it, renames it into place, writes the reports, and only then appends the file to the
   manifest. Since deciding happens in one fixed order against one memory, the pseudonyms do not depend
   on the number of workers or on which finished first; with a fixed seed (``seed`` in the settings) each
   file's random choices come from the seed and its relative path, so a resumed run writes byte for byte
   what an uninterrupted one would have.
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
from veil.batch.work import FileAnalysis, FileFailure, analyze_file
from veil.config import Settings
from veil.errors import ErrorCode, VeilError
from veil.pipeline import Pipeline
from veil.vault import Project
from veil.vault.documents import file_digest

LOCK_NAME = ".veil-batch.lock"
# Analyses in flight per worker: enough that no worker waits while the driver writes, few enough that
# memory stays bounded whatever the size of the files.
WINDOW_PER_WORKER = 2


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


class _Driver:
    """Submits analyses in plan order, a window at a time, and finishes each file in that order."""

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
        window: collections.deque[tuple[PlannedFile, Entry, Pending]] = collections.deque()
        size = max(2, WINDOW_PER_WORKER * workers.workers)
        try:
            while queue or window:
                while queue and len(window) < size:
                    item, key = queue.popleft()
                    task = workers.submit(
                        analyze_file, str(item.source.resolve()), self.settings, self.options.lang,
                        self.options.format_name,
                    )  # fmt: skip
                    window.append((item, key, task))
                item, key, task = window.popleft()
                if not self._finish(item, key, task.result(), summary) and self.options.fail_fast:
                    summary.stopped_early = True
                    return
        finally:
            for _, _, task in window:
                task.cancel()

    def _finish(
        self, item: PlannedFile, key: Entry, outcome: FileAnalysis | FileFailure, summary: BatchSummary
    ) -> bool:
        """Decide, write and record one analysed file; whether it succeeded."""
        characters = 0
        try:
            if isinstance(outcome, FileFailure):
                raise VeilError(ErrorCode(outcome.code), outcome.message)
            characters = outcome.characters
            document_id = self._write(item, outcome)
        except VeilError as error:
            return self._failed(item, characters, Failed(item.relative, error.code.value, error.message), summary)
        except Exception as error:  # one file's bug must not stop an archive; its details may quote the text
            hidden = (
                f"{item.source}: unexpected {type(error).__name__} (details hidden: they may contain document text)"
            )
            return self._failed(item, characters, Failed(item.relative, ErrorCode.INTERNAL.value, hidden), summary)
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

    def _write(self, item: PlannedFile, analysed: FileAnalysis) -> int:
        """Decide against the vault and write the protected copy; the vault's document id.

        Deciding and recording share one vault transaction, so a failure (or a kill) leaves no entity
        decided for a file that was not written.
        """
        pipeline = self.pipeline
        if self.settings.seed is not None:
            # A file's random choices depend only on the seed and its path, not on what ran before it
            # in this process: a resumed run then writes what an uninterrupted one would have.
            pipeline.rng = random.Random(f"{self.settings.seed}\x00{item.relative}")  # noqa: S311
        with self.project.vault.transaction():
            document = pipeline.read(item.source, self.options.format_name)
            analysis = pipeline.finish(document, analysed.languages, analysed.entities)
            protected = self.project.protect_file(
                item.source, item.output, pipeline=pipeline, reports=self.options.reports,
                originals=self.options.originals, analysis=analysis, record_once=True,
            )  # fmt: skip
        return protected.document_id
