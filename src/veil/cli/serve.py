"""``veil serve``: the review and archive web app on a project, and ``veil user``: its accounts.

The project is found as every command finds it (``--project`` > ``$VEIL_PROJECT`` > the nearest project
folder up from here). The vault passphrase comes from ``VEIL_PASSPHRASE`` (removed from the server's
environment as soon as it is read) or from a prompt; it unlocks the project once, at start, and is not
kept. User passwords come from a prompt or ``VEIL_USER_PASSWORD`` and are stored as Argon2 hashes; the
accounts live in the app's own database, so ``veil user`` needs no passphrase.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import Annotated

import typer

from veil.cli.app import app, err_console, out_console
from veil.cli.options import ProjectDir
from veil.cli.project import project_root
from veil.errors import ErrorCode, VeilError
from veil.vault.passphrase import ENV as PASSPHRASE_VARIABLE
from veil.vault.passphrase import existing_passphrase

PASSWORD_VARIABLE = "VEIL_USER_PASSWORD"  # noqa: S105 - the variable's name, not a secret

Database = Annotated[
    str | None,
    typer.Option(
        "--database", help="postgresql://user@host:port/name for a team server (default: SQLite in the project)."
    ),
]

user_app = typer.Typer(help="Manage the review app's users and roles.", no_args_is_help=True)
app.add_typer(user_app, name="user")


def read_passphrase() -> str:
    """The vault passphrase, then gone from this process's environment (no child or dump sees it)."""
    passphrase = existing_passphrase()
    os.environ.pop(PASSPHRASE_VARIABLE, None)
    return passphrase


def read_password(name: str) -> str:
    """A new user's password from ``VEIL_USER_PASSWORD`` (then removed) or asked twice at a terminal."""
    value = os.environ.pop(PASSWORD_VARIABLE, None)
    if value is None:
        if not sys.stdin.isatty():
            raise VeilError(ErrorCode.USAGE, f"no terminal to ask for the password on; set {PASSWORD_VARIABLE}")
        value = getpass.getpass(f"Password for {name}: ")
        if getpass.getpass("Again: ") != value:
            raise VeilError(ErrorCode.USAGE, "the two passwords differ; nothing was changed")
    if not value:
        raise VeilError(ErrorCode.USAGE, "an empty password is not allowed")
    return value


@app.command()
def serve(
    project: ProjectDir = None,
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

    root = project_root(project)
    passphrase = read_passphrase()
    server.prepare(root, database, (host,), trust_proxy)
    server.start_workspace(root, passphrase)
    del passphrase
    err_console.print(f"Veil is serving {root} at http://{host}:{port}/ (Ctrl+C stops it)", markup=False)
    server.serve(server.Listen(host, port))


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The user name to sign in with.")],
    role: Annotated[str, typer.Option("--role", help="admin, editor or reviewer.")],
    project: ProjectDir = None,
    database: Database = None,
) -> None:
    """Add a user with a role (the password is asked for, or read from VEIL_USER_PASSWORD)."""
    from veil.review import server

    server.prepare(project_root(project), database)
    from veil.review import users  # needs Django configured

    password = read_password(name)
    users.add_user(name, role, password)
    out_console.print(f"added {name} ({role})", markup=False)


@user_app.command("list")
def user_list(project: ProjectDir = None, database: Database = None) -> None:
    """List users and their roles."""
    from veil.review import server

    server.prepare(project_root(project), database)
    from veil.review import users  # needs Django configured

    for name, role, active in users.list_users():
        out_console.print(f"{name}\t{role or '-'}\t{'active' if active else 'inactive'}", markup=False)
