"""``veil serve`` and ``veil user`` as people and scripts meet them."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import run_veil

STRONG = {"VEIL_USER_PASSWORD": "a sufficiently long password"}
PASSPHRASE = "a vault passphrase"


def _project(folder: Path) -> Path:
    """A fresh project folder with its vault (cheap Argon2id: tests only)."""
    from veil.vault import KdfParams, Project

    Project.init(folder, PASSPHRASE, kdf=KdfParams.fast()).close()
    return folder


@pytest.mark.parametrize(
    ("args", "env", "code"),
    [
        (["--role", "boss"], STRONG, "usage"),  # no such role
        (["--role", "editor"], {"VEIL_USER_PASSWORD": "short"}, "usage"),  # fails the password rules
        (["--role", "editor"], {"VEIL_USER_PASSWORD": "password123"}, "usage"),  # a common password
    ],
)
def test_user_add_refuses_bad_input(tmp_path: Path, args: list[str], env: dict[str, str], code: str) -> None:
    result = run_veil("user", "add", "maria", *args, "--project", str(_project(tmp_path / "p")), env=env)
    assert result.returncode == 1
    assert f"error[{code}]" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_add_then_list(tmp_path: Path) -> None:
    tmp_path = _project(tmp_path / "p")
    assert run_veil("user", "add", "maria", "--role", "editor", "--project", str(tmp_path), env=STRONG).returncode == 0
    again = run_veil("user", "add", "maria", "--role", "admin", "--project", str(tmp_path), env=STRONG)
    assert again.returncode == 1
    assert "already taken" in again.stderr
    listed = run_veil("user", "list", "--project", str(tmp_path))
    assert listed.stdout.split() == ["maria", "editor", "active"]
    assert "a sufficiently long password" not in (tmp_path / "review" / "review.sqlite3").read_bytes().decode("latin-1")


def test_the_cli_and_the_app_share_one_database(review_app) -> None:  # type: ignore[no-untyped-def]
    args = ["--database", review_app.database] if review_app.database else []
    listed = run_veil("user", "list", "--project", str(review_app.project), *args)
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[:2] for line in listed.stdout.splitlines()] == [
        ["admin", "admin"], ["editor", "editor"], ["reviewer", "reviewer"]
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "env", "code"),
    [
        (["--project", "/no/such/project"], {"VEIL_PASSPHRASE": PASSPHRASE}, "project.not-found"),
        (["--project", "."], {"VEIL_PASSPHRASE": PASSPHRASE}, "project.not-found"),  # a folder, not a project
        (["--project", "p"], {}, "vault.no-passphrase"),  # no terminal to ask on, and no variable
        (["--project", "p"], {"VEIL_PASSPHRASE": "not the passphrase"}, "vault.wrong-passphrase"),
        (["--project", "p", "--database", "mysql://x/y"], {"VEIL_PASSPHRASE": PASSPHRASE}, "usage"),
    ],
)
def test_serve_fails_clearly(tmp_path: Path, args: list[str], env: dict[str, str], code: str) -> None:
    _project(tmp_path / "p")
    result = run_veil("serve", *args, cwd=str(tmp_path), env={"VEIL_PROJECT": "", **env}, stdin="")
    assert result.returncode == 1, result.stderr
    assert f"error[{code}]" in result.stderr, result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_starts_and_refuses_anonymous_visitors(tmp_path: Path) -> None:
    import os

    tmp_path = _project(tmp_path / "project")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "VEIL_PASSPHRASE": "a vault passphrase"}
    command = [sys.executable, "-m", "veil", "serve", "--project", str(tmp_path), "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                login = urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5)
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, "the server stopped"
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert login.status == 200
        assert "Sign in to Veil" in login.read().decode()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(
                urllib.request.Request(f"http://127.0.0.1:{port}/api/testimonies/", headers={"HX-Request": "true"})
            )
        assert refused.value.code == 401
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "a vault passphrase" not in errors
    for path in tmp_path.rglob("*"):
        assert path.is_dir() or b"a vault passphrase" not in path.read_bytes()
