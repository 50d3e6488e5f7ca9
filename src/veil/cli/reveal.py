"""``veil reveal``: the original of a protected document, for a stated reason, written to the audit log.

The protected file is recognised by its exact content (a keyed hash in the vault), so it works wherever
the file was copied. The reason is required and checked before the passphrase is even asked for; the
audit entry is written before a single byte of the original is.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from veil.cli.app import app
from veil.cli.options import ProjectDir
from veil.cli.project import note, open_project
from veil.errors import ErrorCode, VeilError
from veil.writing.atomic import atomic_output

Reason = Annotated[
    str | None,
    typer.Option("--reason", "-r", help="Why (required; stored encrypted in the audit log). Name no one in it."),
]


def require_reason(reason: str | None) -> str:
    if reason is None or not reason.strip():
        raise VeilError(ErrorCode.REVEAL_NO_REASON, "say why with --reason TEXT: every reveal and export is audited")
    return reason.strip()


@app.command()
def reveal(
    protected: Annotated[
        Path | None, typer.Argument(metavar="PROTECTED", help="A protected file written by veil protect.")
    ] = None,
    reason: Reason = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the original here (default: standard output).")
    ] = None,
    document: Annotated[
        int | None, typer.Option("--document", help="The document's id in the project, instead of PROTECTED.")
    ] = None,
    project_dir: ProjectDir = None,
) -> None:
    """Restore the original of a protected document (needs the vault's passphrase and a reason)."""
    why = require_reason(reason)
    if protected is None and document is None:
        raise VeilError(ErrorCode.USAGE, "give the protected file (or --document ID)")
    if output is not None and protected is not None and output.absolute() == protected.absolute():
        raise VeilError(ErrorCode.OUTPUT_CONFLICT, f"{output}: refusing to overwrite the protected file")
    project = open_project(project_dir)
    with project, project.session():
        document_id = document if document is not None else project.find_protected(protected)  # type: ignore[arg-type]
        chunks = project.reveal(document_id, reason=why)
        if output is None:
            data = b"".join(chunks)
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        with atomic_output(output) as handle:
            for chunk in chunks:
                handle.write(chunk)
    note(f"Revealed document {document_id} into {output} (the reveal is in the audit log).")
