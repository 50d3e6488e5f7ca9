"""The Typer application and the consoles every command shares."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="veil",
    help="Protect testimonies: find and replace everything that identifies a person, offline.",
    no_args_is_help=True,
    add_completion=False,
    # Rich tracebacks print local variables, which can hold document text: never show them.
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
out_console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)
