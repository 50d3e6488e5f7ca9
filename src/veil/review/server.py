"""Starting the review server: configure Django for a project, migrate, unlock the project, serve.

The server is Waitress (a pure-Python, production-grade WSGI server) on the given host and port, with a
few worker threads; processing runs on the workspace's own background thread. Listening on 127.0.0.1 by
default keeps the app on the laptop; a team server sets ``--host`` and puts an HTTPS proxy in front
(``--trust-proxy`` then lets cookies be marked Secure from the proxy's ``X-Forwarded-Proto``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from veil.errors import ErrorCode, VeilError
from veil.review.settings import ServerConfig, configure


@dataclass(frozen=True)
class Listen:
    host: str = "127.0.0.1"
    port: int = 8000
    threads: int = 8


def prepare(project: Path, database: str | None = None, hosts: tuple[str, ...] = (), trust_proxy: bool = False) -> None:
    """Configure Django for ``project`` and bring the app's tables up to date."""
    if not project.is_dir():
        raise VeilError(ErrorCode.PROJECT_NOT_FOUND, f"{project}: no such project folder (create it first)")
    allowed = tuple(dict.fromkeys(("127.0.0.1", "localhost", *hosts)))
    configure(ServerConfig(project, database, allowed, trust_proxy))
    migrate()


def migrate() -> None:
    from django.core.management import call_command
    from django.db.utils import OperationalError

    try:
        call_command("migrate", verbosity=0, interactive=False)
    except OperationalError as error:
        raise VeilError(ErrorCode.USAGE, f"cannot use the database: {type(error).__name__}") from None


def start_workspace(project: Path, passphrase: str) -> None:
    """Unlock the project and make it the server's workspace."""
    from veil.review import workspace
    from veil.review.project import open_project

    workspace.install(workspace.Workspace(open_project(project, passphrase)))


def serve(listen: Listen) -> None:
    """Serve until interrupted."""
    import waitress
    from django.core.wsgi import get_wsgi_application

    waitress.serve(get_wsgi_application(), host=listen.host, port=listen.port, threads=listen.threads, ident="veil")
