"""``veil serve``: the review and archive web app on a project, and ``veil user``: its accounts.

The vault passphrase comes from ``VEIL_PASSPHRASE`` (removed from the environment as soon as it is read,
so no child process or environment dump sees it) or from a prompt; it unlocks the project once, at start,
and is not kept. User passwords come from a prompt or ``VEIL_USER_PASSWORD`` and are stored as Argon2
hashes.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Annotated

import typer

from veil.cli.app import app, err_console, out_console
from veil.errors import ErrorCode, VeilError

PASSPHRASE_VARIABLE = "VEIL_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
PASSWORD_VARIABLE = "VEIL_USER_PASSWORD"  # noqa: S105 - the variable's name, not a secret

Project = Annotated[
    Path, typer.Option("--project", "-p", help="The project folder (default: the current folder).", file_okay=False)
]
Database = Annotated[
    str | None,
    typer.Option(
        "--database", help="postgresql://user@host:port/name for a team server (default: SQLite in the project)."
    ),
]

user_app = typer.Typer(help="Manage the review app's users and roles.", no_args_is_help=True)
app.add_typer(user_app, name="user")


def read_secret(variable: str, prompt: str, confirm: bool = False) -> str:
    """A secret from ``variable`` (then removed from the environment) or from a prompt."""
    value = os.environ.pop(variable, None)
    if value is None:
        try:
            value = getpass.getpass(prompt)
            if confirm and getpass.getpass("Again: ") != value:
                raise VeilError(ErrorCode.USAGE, "the two entries differ")
        except EOFError:
            raise VeilError(ErrorCode.VAULT_NO_PASSPHRASE, f"no terminal to ask on; set {variable}") from None
    if not value:
        raise VeilError(ErrorCode.VAULT_NO_PASSPHRASE, "an empty secret is not allowed")
    return value


@app.command()
def serve(
    project: Project = Path("."),
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (default: this computer only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    database: Database = None,
    trust_proxy: Annotated[
        bool, typer.Option("--trust-proxy", help="Behind an HTTPS proxy: trust its X-Forwarded-Proto header.")
    ] = False,
) -> None:
    """Serve the review and archive web app for a project."""
    from veil.review import server

    passphrase = read_secret(PASSPHRASE_VARIABLE, "Vault passphrase: ")
    server.prepare(project, database, (host,), trust_proxy)
    server.start_workspace(project, passphrase)
    del passphrase
    err_console.print(f"Veil is serving {project} at http://{host}:{port}/ (Ctrl+C stops it)", markup=False)
    server.serve(server.Listen(host, port))


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The user name to sign in with.")],
    role: Annotated[str, typer.Option("--role", help="admin, editor or reviewer.")],
    project: Project = Path("."),
    database: Database = None,
) -> None:
    """Add a user with a role (the password is asked for, or read from VEIL_USER_PASSWORD)."""
    from veil.review import server

    server.prepare(project, database)
    from veil.review import users  # needs Django configured

    password = read_secret(PASSWORD_VARIABLE, f"Password for {name}: ", confirm=True)
    users.add_user(name, role, password)
    out_console.print(f"added {name} ({role})", markup=False)


@user_app.command("list")
def user_list(project: Project = Path("."), database: Database = None) -> None:
    """List users and their roles."""
    from veil.review import server

    server.prepare(project, database)
    from veil.review import users  # needs Django configured

    for name, role, active in users.list_users():
        out_console.print(f"{name}\t{role or '-'}\t{'active' if active else 'inactive'}", markup=False)
