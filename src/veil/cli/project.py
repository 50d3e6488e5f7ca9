"""``veil init`` and what every command needs to find and unlock a project.

The project is chosen by ``--project`` > ``$VEIL_PROJECT`` > the nearest project folder up from the
current directory (:mod:`veil.vault.locate`); the passphrase comes from ``$VEIL_PASSPHRASE`` or a hidden
prompt, never from an argument (:mod:`veil.vault.passphrase`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from veil.cli.app import app, err_console
from veil.errors import ErrorCode, VeilError
from veil.vault import Project, resolve_project
from veil.vault.passphrase import existing_passphrase, new_passphrase

LOCK_WAIT_ENV = "VEIL_LOCK_TIMEOUT"


def _lock_timeout() -> float:
    """Seconds to wait for another Veil process to finish writing (default: do not wait)."""
    try:
        return max(0.0, float(os.environ.get(LOCK_WAIT_ENV, "0")))
    except ValueError:
        raise VeilError(ErrorCode.USAGE, f"${LOCK_WAIT_ENV} must be a number of seconds") from None


def optional_project(folder: Path | None) -> Project | None:
    """The unlocked project the command should use, or ``None`` when there is none."""
    root = resolve_project(folder)
    return Project.open(root, existing_passphrase(), lock_timeout=_lock_timeout()) if root else None


def open_project(folder: Path | None) -> Project:
    """The unlocked project the command must use; ``project.not-found`` when there is none."""
    project = optional_project(folder)
    if project is None:
        raise VeilError(
            ErrorCode.PROJECT_NOT_FOUND,
            "no project: give --project DIR, set $VEIL_PROJECT, or run inside a project folder (see veil init)",
        )
    return project


def note(message: str) -> None:
    err_console.print(message, markup=False, highlight=False)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The project folder to create (new or empty).")],
) -> None:
    """Create a project folder with a new encrypted vault (asks for a passphrase, or reads $VEIL_PASSPHRASE)."""
    with Project.init(folder, new_passphrase()) as project:
        note(f"Created project {project.root} (vault {project.vault.store.path.name}).")
        note("Keep the passphrase safe: without it nothing in the vault can be recovered.")
