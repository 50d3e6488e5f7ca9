"""The review app under test: one configured Django per test process, on SQLite or on PostgreSQL, on a
real project vault (with cheap Argon2id parameters, for tests only).

Set ``VEIL_TEST_DATABASE=postgresql://user@host:port/db`` to run these tests against a real PostgreSQL
server: each test process then creates its own database on that server (named ``veil_test_...``) and drops
it at the end. Without it the app uses SQLite in a temporary project folder, as ``veil serve`` does.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

DATABASE_VARIABLE = "VEIL_TEST_DATABASE"
PASSWORD = "review-test-password-1"
PASSPHRASE = "correct horse battery staple"
ROLES = ("admin", "editor", "reviewer")


@dataclass
class App:
    project: Path
    database: str | None
    vault: Any

    @property
    def vendor(self) -> str:
        return "postgresql" if self.database else "sqlite"


def _create_database(base: str) -> str:
    """A fresh database on the server ``base`` points to; returns its URL."""
    import psycopg

    name = f"veil_test_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        connection = psycopg.connect(base, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.skip(f"{DATABASE_VARIABLE} is set but PostgreSQL cannot be reached ({type(error).__name__})")
    with connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path="/" + name))


def _drop_database(base: str, url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def review_app() -> Iterator[App]:
    """Django configured on a temporary project vault, migrated, with one user per role and a workspace."""
    from veil.vault import KdfParams, Project

    base = os.environ.get(DATABASE_VARIABLE)
    folder = Path(tempfile.mkdtemp(prefix="veil-review-")) / "project"
    Project.init(folder, PASSPHRASE, kdf=KdfParams.fast()).close()
    (folder / "veil.toml").write_text("seed = 7\n", encoding="utf-8")  # repeatable pseudonyms
    database = _create_database(base) if base else None
    vault = Project.open(folder, PASSPHRASE, lock_timeout=5.0)
    try:
        from veil.review import server

        server.prepare(folder, database, ("testserver",))
        from veil.review import workspace  # these need Django configured
        from veil.review.users import add_user
        from veil.review.vaulted import VaultProject

        for role in ROLES:
            add_user(role, role, PASSWORD)
        workspace.install(workspace.Workspace(VaultProject(vault)))
        yield App(folder, database, vault)
        workspace.current().close()
    finally:
        vault.close()
        if base and database:
            _drop_database(base, database)
        shutil.rmtree(folder.parent, ignore_errors=True)


@pytest.fixture
def client_as(review_app: App):  # type: ignore[no-untyped-def]
    """``client_as("editor")``: a Django test client signed in with that role (None: anonymous)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    def make(role: str | None) -> Client:
        client = Client(enforce_csrf_checks=False)
        if role:
            client.force_login(get_user_model().objects.get(username=role))
        return client

    return make


def wait_processed(pk: int, timeout: float = 180.0) -> str:
    """The testimony's status once processing has finished."""
    import time

    from veil.review.models import Testimony

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = Testimony.objects.get(pk=pk).status
        if status != "processing":
            return status
        time.sleep(0.1)
    raise AssertionError(f"testimony {pk} still processing after {timeout}s")


def upload(client, path: Path, **fields: str) -> int:  # type: ignore[no-untyped-def]
    """Upload ``path`` through the archive page as ``client``; returns the new testimony's id, processed."""
    from veil.review.models import Testimony

    before = set(Testimony.objects.values_list("pk", flat=True))
    with path.open("rb") as handle:
        response = client.post("/upload/", {"file": handle, **fields})
    assert response.status_code == 302, response.content[:500]
    (pk,) = set(Testimony.objects.values_list("pk", flat=True)) - before
    assert wait_processed(pk) == "review", Testimony.objects.get(pk=pk).error
    return int(pk)
