"""``veil publish``: a protected interview as an accessible, self-contained HTML page.

With a project (``--project``, ``$VEIL_PROJECT`` or the folder we are in), publishing is an export: it is
written to the project's audit log before the page is, with the document it publishes when the project
protected exactly this file; a file the project does not know (edited since, or never protected here) is
published with a warning to read it for real names first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from veil.cli.app import app, err_console
from veil.cli.options import FormatName, ProjectDir, Quiet
from veil.cli.project import note, optional_project
from veil.publishing import publish_file


@app.command()
def publish(
    protected: Annotated[Path, typer.Argument(metavar="PROTECTED", help="A protected document (from veil protect).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The page to write (e.g. page.html).")],
    meta: Annotated[
        Path | None,
        typer.Option(
            "--meta", help="A TOML file with the story's parts (title, standfirst, figures ...).", dir_okay=False
        ),
    ] = None,
    assets: Annotated[
        Path | None,
        typer.Option(
            "--assets",
            help="The folder figures are read from (default: the --meta file's, else the document's).",
            file_okay=False,
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The headline.")] = None,
    standfirst: Annotated[str | None, typer.Option("--standfirst", help="The standfirst under the headline.")] = None,
    byline: Annotated[str | None, typer.Option("--byline", help="The byline (kept as given).")] = None,
    date: Annotated[str | None, typer.Option("--date", help="The publication date (YYYY-MM-DD).")] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="The page language, en or ru (default: guessed).")
    ] = None,
    format_name: FormatName = None,
    quiet: Quiet = False,
    project_dir: ProjectDir = None,
) -> None:
    """Publish a protected interview as one accessible HTML page (no scripts, nothing fetched)."""
    project = optional_project(project_dir)
    if project is not None:
        with project:
            if project.record_publication(protected) is None:
                note(f"Warning: {protected} is not a file this project protected (edited since, or never protected "
                     "here): read it for real names before the page goes out.")  # fmt: skip
    publish_file(
        protected, output, meta=meta, assets=assets, format_name=format_name,
        title=title, standfirst=standfirst, byline=byline, date=date, lang=lang,
    )  # fmt: skip
    if not quiet:
        err_console.print(f"published {output}", markup=False, highlight=False)
