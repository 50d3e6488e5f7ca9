"""``veil protect``: write protected copies of documents, with a JSON and an HTML report next to each.

With a project (``--project``, ``$VEIL_PROJECT`` or the folder we are in), the vault gives every person
the pseudonym they already have in the project and keeps the originals for ``veil reveal``; the run
holds the vault's writer lock throughout. Without one, nothing is kept, and the command says so.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn
from rich.table import Table

from veil.cli.app import app, err_console
from veil.cli.options import Config, FormatName, Inputs, Lang, ProjectDir, Quiet, Report, ReportOriginals, settings_from
from veil.cli.project import note, optional_project
from veil.errors import ErrorCode, VeilError
from veil.pipeline import Pipeline
from veil.vault import Project
from veil.writing.files import FileResult, default_output, protect_file

NO_PROJECT_NOTE = (
    "No project: the key to these pseudonyms is not kept, so they cannot be revealed or reused later "
    "(create one with veil init DIR and pass --project DIR)."
)


def plan_outputs(inputs: Sequence[Path], output: Path | None) -> list[Path]:
    """Where each input's protected copy goes (``-o`` is a file for one input, a folder for several)."""
    if output is None:
        return [default_output(path) for path in inputs]
    if len(inputs) == 1 and not output.is_dir():
        return [output]
    if output.exists() and not output.is_dir():
        raise VeilError(ErrorCode.USAGE, f"{output}: with several inputs, -o must be a folder")
    planned = [output / path.name for path in inputs]
    names = [p.name for p in planned]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise VeilError(
            ErrorCode.OUTPUT_CONFLICT, f"several inputs are named {duplicates[0]!r}; protect them separately"
        )
    return planned


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _summary(results: Sequence[FileResult]) -> Table:
    table = Table(title="Protected", title_justify="left", show_edge=False)
    for column in ("output", "language", "changed", "mentions", "kept public", "report"):
        table.add_column(column)
    for result in results:
        summary = result.analysis
        masked = list(summary.masked())
        kept = len(summary.entities) - len(masked)
        table.add_row(
            str(result.output),
            summary.lang,
            str(len(masked)),
            str(sum(len(e.mentions) for e, _ in masked)),
            str(kept),
            str(result.report_html) if result.report_html else "-",
        )
    return table


@app.command()
def protect(
    inputs: Inputs,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Output file (one input) or folder (several). Default: NAME.protected.EXT."
        ),
    ] = None,
    lang: Lang = "auto",
    config: Config = None,
    format_name: FormatName = None,
    report: Report = True,
    report_originals: ReportOriginals = False,
    quiet: Quiet = False,
    project_dir: ProjectDir = None,
) -> None:
    """Protect documents: replace names, numbers and other identifiers, and report every change."""
    outputs = plan_outputs(inputs, output)
    project = optional_project(project_dir)
    if project is None:
        _protect_all(Pipeline(settings_from(config)), None, inputs, outputs, lang, format_name, report,
                     report_originals, quiet)  # fmt: skip
        return
    with project, project.session():
        pipeline = project.pipeline(settings_from(config) if config else None)
        _protect_all(pipeline, project, inputs, outputs, lang, format_name, report, report_originals, quiet)


def _protect_all(
    pipeline: Pipeline,
    project: Project | None,
    inputs: Sequence[Path],
    outputs: Sequence[Path],
    lang: str,
    format_name: str | None,
    report: bool,
    report_originals: bool,
    quiet: bool,
) -> None:
    results: list[FileResult] = []
    failures = 0
    with Progress(
        TextColumn("{task.description}"), BarColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
        console=err_console, transient=True, disable=quiet or not err_console.is_terminal,
    ) as progress:  # fmt: skip
        task = progress.add_task("protecting", total=sum(_size(p) for p in inputs) or None)
        for source, dest in zip(inputs, outputs, strict=True):
            progress.update(task, description=f"protecting {source.name}")
            advance = functools.partial(progress.advance, task)
            try:
                if project is None:
                    done = protect_file(
                        pipeline, source, dest, lang=lang, format_name=format_name, reports=report,
                        originals=report_originals, progress=advance,
                    )  # fmt: skip
                else:
                    done = project.protect_file(
                        source, dest, pipeline=pipeline, lang=lang, format_name=format_name, reports=report,
                        originals=report_originals, progress=advance,
                    ).result  # fmt: skip
                results.append(done)
            except VeilError as error:
                if len(inputs) == 1:
                    raise
                failures += 1
                err_console.print(f"veil: error[{error.code.value}]: {error.message}", markup=False, highlight=False)
    if results and not quiet:
        err_console.print(_summary(results))
        if project is None:
            note(NO_PROJECT_NOTE)
        else:
            note(f"Recorded in project {project.root}: reveal with veil reveal FILE --reason TEXT.")
    if failures:
        raise typer.Exit(1)
