"""``veil batch``: protect a whole folder into another, on many workers, resumably, in one project.

The project is required: it is the memory that keeps one person's pseudonym the same in every file,
including files protected by an earlier, interrupted run. The command holds the vault's writer lock for
the whole run. Interrupting it (Ctrl-C, ``kill``) loses at most the files in progress: running the same
command again finishes the rest.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.table import Table

from veil.batch import BatchOptions, BatchSummary, run_batch
from veil.batch.plan import PlannedFile
from veil.cli.app import app, err_console
from veil.cli.options import Config, FormatName, Lang, ProjectDir, Quiet, Report, ReportOriginals, settings_from
from veil.cli.project import note, open_project
from veil.errors import ErrorCode, VeilError

MIB = 1 << 20


class _ProgressBar:
    """Files, characters, characters per second and the time left, from the driver's events."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: TaskID | None = None
        self.started = time.perf_counter()
        self.characters = 0
        self.files = 0

    def planned(self, files: int, total_bytes: int) -> None:
        self.started = time.perf_counter()
        self.task = self.progress.add_task(
            "protecting", total=total_bytes or None, files=0, total_files=files, chars=0, rate=0
        )

    def finished(self, item: PlannedFile, characters: int, ok: bool) -> None:
        if self.task is None:
            return
        self.files += 1
        self.characters += characters
        rate = self.characters / max(time.perf_counter() - self.started, 1e-9)
        self.progress.update(self.task, advance=item.size, files=self.files, chars=self.characters, rate=round(rate))


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(),
        TextColumn("{task.fields[files]}/{task.fields[total_files]} files"),
        TextColumn("{task.fields[chars]:,} chars"), TextColumn("{task.fields[rate]:,} chars/s"),
        TimeRemainingColumn(), console=err_console, transient=True,
        disable=quiet or not err_console.is_terminal,
    )  # fmt: skip


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """``kill`` stops the run as Ctrl-C does: the file in progress is abandoned cleanly."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _summary_table(summary: BatchSummary) -> Table:
    table = Table(title="Batch", title_justify="left", show_edge=False)
    table.add_column("files")
    table.add_column("count", justify="right")
    table.add_column("detail")
    reasons: dict[str, int] = {}
    for skipped in summary.skipped:
        reasons[skipped.reason] = reasons.get(skipped.reason, 0) + 1
    rate = summary.characters / summary.seconds if summary.seconds else 0
    table.add_row(
        "done", str(len(summary.done)),
        f"{summary.characters:,} characters in {summary.seconds:.1f} s ({rate:,.0f}/s) on {summary.workers} worker(s)",
    )  # fmt: skip
    table.add_row("skipped", str(len(summary.skipped)), ", ".join(f"{n} {why}" for why, n in sorted(reasons.items())))
    codes: dict[str, int] = {}
    for failure in summary.failed:
        codes[failure.code] = codes.get(failure.code, 0) + 1
    table.add_row("failed", str(len(summary.failed)), ", ".join(f"{n} {code}" for code, n in sorted(codes.items())))
    return table


@app.command()
def batch(
    input_dir: Annotated[
        Path, typer.Argument(metavar="INPUT_DIR", help="The folder to protect (every supported file in it).")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Where the protected copies go, at the same relative paths.")
    ],
    project_dir: ProjectDir = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=0,
            help="Worker processes of the local cluster (default: one per CPU; 0: no cluster, this process).",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Use this existing Dask cluster (tcp://HOST:8786) instead of a local one."),
    ] = None,
    lang: Lang = "auto",
    config: Config = None,
    format_name: FormatName = None,
    report: Report = True,
    report_originals: ReportOriginals = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first file that fails.")] = False,
    quiet: Quiet = False,
) -> None:
    """Protect every file under a folder, on many workers, resumably, with one pseudonym per person."""
    if workers is not None and scheduler is not None:
        raise VeilError(ErrorCode.USAGE, "give --workers or --scheduler, not both")
    options = BatchOptions(
        input_dir, out, lang=lang, format_name=format_name, reports=report, originals=report_originals,
        fail_fast=fail_fast, workers=workers, scheduler=scheduler,
    )  # fmt: skip
    project = open_project(project_dir)
    with project, project.session(), _stop_on_sigterm(), _progress(quiet) as progress:
        try:
            summary = run_batch(project, options, settings_from(config) if config else None, _ProgressBar(progress))
        except KeyboardInterrupt:
            progress.stop()
            note("Stopped. Finished files are kept; run the same command again to do the rest.")
            raise
    _report(summary, quiet)
    if summary.failed:
        raise typer.Exit(1)


def _report(summary: BatchSummary, quiet: bool) -> None:
    for failure in summary.failed:
        err_console.print(f"veil: error[{failure.code}]: {failure.message}", markup=False, highlight=False)
    if quiet:
        return
    err_console.print(_summary_table(summary))
    if summary.worker_memory:
        peak = max(summary.worker_memory.values()) / MIB
        note(f"Peak memory of a worker: {peak:,.0f} MiB. Started the workers in {summary.startup_seconds:.1f} s.")
    if summary.stopped_early:
        note("Stopped at the first failure (--fail-fast); run again to go on.")
