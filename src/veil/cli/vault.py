"""``veil vault``: change the passphrase, see what the vault file shows anyone, check it, export the key."""

from __future__ import annotations

import json
import sys
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
    with project, project.session():
        key = project.export_key(reason=why)
        write_text_atomically(output, json.dumps(key, ensure_ascii=False, indent=2) + "\n")
    note(f"Wrote the project's key to {output}: it names real people; keep it as safe as the vault.")


terms_app = typer.Typer(help="The project's sealed deny and allow lists.", no_args_is_help=True)
vault_app.add_typer(terms_app, name="terms")
ListName = Annotated[str, typer.Argument(metavar="deny|allow", help="deny: always mask; allow: never mask.")]


@terms_app.command("add")
def terms_add(list_name: ListName, project_dir: ProjectDir = None) -> None:
    """Add texts, one per line from standard input (never as arguments: they are names)."""
    if sys.stdin.isatty():
        note("Type one text per line; end with Ctrl-D.")
    texts = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    if not texts:
        raise VeilError(ErrorCode.USAGE, "no text on standard input")
    project = open_project(project_dir)
    with project, project.session():
        for text in texts:
            project.add_term(list_name, text)
    note(f"Added {len(texts)} text(s) to the {list_name} list; they apply to documents protected from now on.")


@terms_app.command("list")
def terms_list(list_name: ListName, project_dir: ProjectDir = None) -> None:
    """Print the list with ids (it names real people: mind who sees your screen)."""
    project = open_project(project_dir)
    with project:
        for term_id, text in project.terms(list_name):
            print(f"{term_id}\t{text}")


@terms_app.command("remove")
def terms_remove(term_id: Annotated[int, typer.Argument(metavar="ID")], project_dir: ProjectDir = None) -> None:
    """Remove the text with this id (see veil vault terms list)."""
    project = open_project(project_dir)
    with project, project.session():
        project.remove_term(term_id)
