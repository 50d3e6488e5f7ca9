"""``veil vault``: change the passphrase, see what the vault file shows anyone, check it, export the key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from veil.cli.app import app, out_console
from veil.cli.options import ProjectDir
from veil.cli.project import note, open_project
from veil.cli.reveal import Reason, require_reason
from veil.errors import ErrorCode, VeilError
from veil.vault import VAULT_FILE, resolve_project
from veil.vault.passphrase import NEW_ENV, new_passphrase
from veil.vault.vault import describe
from veil.writing.atomic import write_text_atomically

vault_app = typer.Typer(help="Manage the project's encrypted vault.", no_args_is_help=True)
app.add_typer(vault_app, name="vault")


@vault_app.command("passwd")
def passwd(project_dir: ProjectDir = None) -> None:
    """Change the vault's passphrase (the key is re-wrapped; the old passphrase stops working)."""
    project = open_project(project_dir)
    assert project is not None
    with project:
        project.change_passphrase(new_passphrase(NEW_ENV))
    note("The passphrase was changed.")


@vault_app.command("info")
def info(project_dir: ProjectDir = None) -> None:
    """Show what anyone can read from the vault file without the passphrase (no passphrase needed)."""
    root = resolve_project(project_dir)
    if root is None:
        raise VeilError(ErrorCode.PROJECT_NOT_FOUND, "no project: give --project DIR")
    out_console.print_json(json.dumps(describe(root / VAULT_FILE)))


@vault_app.command("check")
def check(project_dir: ProjectDir = None) -> None:
    """Open every sealed record and verify the audit chain; exit status 1 on the first problem."""
    project = open_project(project_dir)
    assert project is not None
    with project:
        counts = project.check()
    note("The vault is intact: " + ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in counts.items()) + ".")


@vault_app.command("export")
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the key (JSON; sensitive).")],
    reason: Reason = None,
    project_dir: ProjectDir = None,
) -> None:
    """Write the key: every entity's real mentions and its replacement (needs a reason; audited)."""
    why = require_reason(reason)
    project = open_project(project_dir)
    assert project is not None
    with project, project.session():
        key = project.export_key(reason=why)
        write_text_atomically(output, json.dumps(key, ensure_ascii=False, indent=2) + "\n")
    note(f"Wrote the project's key to {output}: it names real people; keep it as safe as the vault.")
