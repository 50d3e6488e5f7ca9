"""``veil audit verify`` and ``veil audit show``: check and read the vault's hash-chained audit log."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from veil.cli.app import app, out_console
from veil.cli.options import ProjectDir
from veil.cli.project import note, open_project
from veil.errors import ErrorCode, VeilError
from veil.vault import AuditEntry

audit_app = typer.Typer(help="Check and read the project's audit log.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def verify(project_dir: ProjectDir = None) -> None:
    """Check the whole hash chain; exit status 1 and error audit.broken-chain on any break."""
    project = open_project(project_dir)
    with project:
        check = project.verify_audit()
    if not check.ok:
        raise VeilError(ErrorCode.AUDIT_BROKEN, f"the audit log is broken at entry {check.broken_at}: {check.problem}")
    note(f"The audit log is intact: {check.entries} entries.")


def _row(entry: AuditEntry) -> dict[str, object]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "action": entry.action,
        "actor": entry.actor,
        "document": entry.document_id,
        "entity": entry.entity_id,
        "reason": entry.reason,
    }


@audit_app.command("show")
def show(
    project_dir: ProjectDir = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per entry.")] = False,
) -> None:
    """List every entry: when, what, who, which document or entity, and the reason (no document text)."""
    project = open_project(project_dir)
    with project:
        rows = [_row(entry) for entry in project.audit_entries()]
    if jsonl:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table(show_edge=False)
    for column in ("seq", "at", "action", "actor", "document", "entity", "reason"):
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    out_console.print(table)
