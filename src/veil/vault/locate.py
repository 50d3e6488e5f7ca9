"""Which project a command works on: ``--project`` > ``$VEIL_PROJECT`` > the nearest project folder up
from the current directory > none.

A project folder is one that holds a vault file (``vault.veil``), the way git finds ``.git``. With none,
``veil protect`` still works but keeps no key (and says so); commands that need a vault fail with
``project.not-found``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from veil.errors import ErrorCode, VeilError
from veil.vault.project import VAULT_FILE, is_project

ENV = "VEIL_PROJECT"


def find_project(start: Path) -> Path | None:
    """The nearest folder from ``start`` upwards that is a project, if any."""
    start = start.absolute()
    for folder in (start, *start.parents):
        if is_project(folder):
            return folder
    return None


def _checked(folder: Path, where: str) -> Path:
    if not is_project(folder):
        raise VeilError(
            ErrorCode.PROJECT_NOT_FOUND,
            f"{folder}: not a Veil project (no {VAULT_FILE}; {where}); create one with veil init",
        )
    return folder


def resolve_project(
    explicit: Path | None, *, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Path | None:
    """The project folder to use, by the rule in the module docstring (``None`` if there is none)."""
    if explicit is not None:
        return _checked(explicit, "given with --project")
    value = (os.environ if env is None else env).get(ENV, "")
    if value:
        return _checked(Path(value), f"given by ${ENV}")
    return find_project(cwd or Path.cwd())
