"""Options several commands share, so they are spelled and documented the same everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from veil.config import Settings, load_settings
from veil.language import check_language

Inputs = Annotated[
    list[Path], typer.Argument(metavar="INPUT...", help="Files to process (.txt, .md, and more: see the README).")
]
Lang = Annotated[
    str,
    typer.Option("--lang", "-l", help="Language: auto (per paragraph), en or ru.", callback=check_language),
]
Config = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="A veil.toml settings file.", dir_okay=False),
]
ProjectDir = Annotated[
    Path | None,
    typer.Option(
        "--project",
        "-p",
        help="Project folder (its vault keeps pseudonyms and originals). Default: $VEIL_PROJECT, else the "
        "nearest project folder up from here, else none.",
        file_okay=False,
    ),
]
Report = Annotated[bool, typer.Option("--report/--no-report", help="Write the JSON and HTML reports.")]
ReportOriginals = Annotated[
    bool,
    typer.Option("--report-originals", help="Put the real identifiers in the reports (they become sensitive)."),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
FormatName = Annotated[
    str | None,
    typer.Option("--format", help="Read the input as this format instead of guessing from its extension."),
]


def settings_from(config: Path | None) -> Settings:
    return load_settings(config) if config else Settings()
