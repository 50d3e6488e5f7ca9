"""The vault's commands: init, --project, reveal, audit, vault; their errors and their defaults."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.helpers import run_veil
from tests.vault_helpers import PASSPHRASE, new_project, open_project, raw_sql
from veil.cli.app import app

TEXT = "Sergey Volkov called me on +7 912 345-67-89. Volkov was scared.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with one protected document at ``out.txt`` (made through the API: a cheap passphrase KDF)."""
    root = tmp_path / "project"
    (tmp_path / "in.txt").write_text(TEXT, encoding="utf-8")
    with new_project(root) as opened:
        opened.protect_file(tmp_path / "in.txt", tmp_path / "out.txt", reports=False)
    return root


def veil(*args: str, cwd: Path, passphrase: str | None = PASSPHRASE, **env: str):  # type: ignore[no-untyped-def]
    base = {"VEIL_PASSPHRASE": passphrase or "", "VEIL_PROJECT": ""}
    return run_veil(*args, cwd=str(cwd), env={**base, **env}, stdin="")


def test_init_protect_reveal_round_trip(tmp_path: Path) -> None:
    shutil.copyfile(EXAMPLES / "interview_ru.txt", tmp_path / "in.txt")
    assert veil("init", "case", cwd=tmp_path).returncode == 0
    result = veil("protect", "in.txt", "-o", "out.txt", "--project", "case", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Recorded in project" in result.stderr
    result = veil("reveal", "out.txt", "--project", "case", "--reason", "fact-check", "-o", "back.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "back.txt").read_bytes() == (tmp_path / "in.txt").read_bytes()


def test_reveal_to_standard_output(project: Path) -> None:
    result = veil("reveal", "out.txt", "-p", str(project), "-r", "fact-check", cwd=project.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout == TEXT


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["reveal", "out.txt"], "reveal.no-reason"),  # no --reason at all
        (["reveal", "out.txt", "--reason", "  "], "reveal.no-reason"),  # a blank reason
        (["reveal", "in.txt", "--reason", "check"], "reveal.unknown-document"),  # not a protected output
        (["reveal", "missing.txt", "--reason", "check"], "input.not-found"),
        (["reveal", "out.txt", "--reason", "check", "-o", "out.txt"], "output.conflict"),  # would overwrite it
        (["reveal", "--document", "99", "--reason", "check"], "reveal.unknown-document"),
    ],
)
def test_reveal_errors(project: Path, args: list[str], code: str) -> None:
    result = veil(*args, "--project", str(project), cwd=project.parent)
    assert result.returncode == 1
    assert f"error[{code}]" in result.stderr
    assert "Volkov" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("passphrase", "code"),
    [
        (None, "vault.no-passphrase"),  # no variable and no terminal to ask on
        ("not the passphrase at all", "vault.wrong-passphrase"),
    ],
)
def test_passphrase_errors(project: Path, passphrase: str | None, code: str) -> None:
    result = veil("audit", "show", "--project", str(project), cwd=project.parent, passphrase=passphrase)
    assert result.returncode == 1
    assert f"error[{code}]" in result.stderr


def test_no_command_takes_a_passphrase_argument() -> None:
    """Arguments are visible to every user of the machine (ps) and kept in shell history."""
    import typer.main

    command = typer.main.get_command(app)
    seen = []

    def walk(cmd: object) -> None:
        for param in getattr(cmd, "params", []):
            seen.append(param.name)
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(command)
    assert "reason" in seen
    assert not [name for name in seen if "pass" in name or "secret" in name or "key" in name]


# Commands that read or write nothing of a project: evaluation on data sets, and creating one.
WITHOUT_PROJECT = {"eval", "init"}


def test_every_command_on_project_data_takes_the_project_option() -> None:
    import typer.main

    def leaves(cmd: object, path: str) -> list[tuple[str, object]]:
        children = getattr(cmd, "commands", {})
        if not children:
            return [(path, cmd)]
        return [leaf for name, sub in children.items() for leaf in leaves(sub, f"{path} {name}".strip())]

    commands = leaves(typer.main.get_command(app), "")
    assert {"publish", "serve", "user add", "audit show", "vault terms add"} <= {name for name, _ in commands}
    for name, command in commands:
        if name in WITHOUT_PROJECT:
            continue
        options = [param for param in command.params if "--project" in param.opts]  # type: ignore[attr-defined]
        assert options, f"veil {name} has no --project"
        assert "-p" in options[0].opts, name
        assert "$VEIL_PROJECT" in (options[0].help or ""), name  # the documented default


def test_publishing_in_a_project_is_audited_before_the_page_is_written(project: Path) -> None:
    import json

    folder = project.parent
    result = veil("publish", "out.txt", "-o", "page.html", "--project", str(project), cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr
    # The default project ($VEIL_PROJECT): the original is no file the project protected, so a warning.
    result = veil("publish", "in.txt", "-o", "original.html", cwd=folder, VEIL_PROJECT=str(project))
    assert result.returncode == 0, result.stderr
    assert "is not a file this project protected" in result.stderr
    assert (folder / "page.html").is_file()
    assert (folder / "original.html").is_file()
    shown = veil("audit", "show", "--jsonl", "--project", str(project), cwd=folder)
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert [(row["action"], row["document"]) for row in rows[-2:]] == [("export", 1), ("export", None)]
    missing = veil("publish", "gone.txt", "-o", "gone.html", "--project", str(project), cwd=folder)
    assert "error[input.not-found]" in missing.stderr
    assert len(veil("audit", "show", "--jsonl", "-p", str(project), cwd=folder).stdout.splitlines()) == len(rows)


def test_audit_verify_and_show(project: Path) -> None:
    ok = veil("audit", "verify", "--project", str(project), cwd=project.parent)
    assert ok.returncode == 0, ok.stderr
    shown = veil("audit", "show", "--jsonl", "--project", str(project), cwd=project.parent)
    actions = [line.split('"action": "')[1].split('"')[0] for line in shown.stdout.splitlines()]
    assert actions == ["init", "protect"]
    assert "Volkov" not in shown.stdout


def test_audit_verify_fails_on_a_changed_entry(project: Path) -> None:
    raw_sql(project, "DROP TRIGGER audit_no_update", "UPDATE audit SET at = '2020-01-01T00:00:00+00:00' WHERE seq = 1")
    result = veil("audit", "verify", "--project", str(project), cwd=project.parent)
    assert result.returncode == 1
    assert "error[audit.broken-chain]" in result.stderr
    assert "entry 1" in result.stderr


def test_vault_info_needs_no_passphrase_and_shows_no_secret(project: Path) -> None:
    result = veil("vault", "info", "--project", str(project), cwd=project.parent, passphrase=None)
    assert result.returncode == 0, result.stderr
    assert '"documents": 1' in result.stdout
    assert "Volkov" not in result.stdout


def test_vault_check_and_export(project: Path) -> None:
    assert veil("vault", "check", "--project", str(project), cwd=project.parent).returncode == 0
    refused = veil("vault", "export", "-o", "key.json", "--project", str(project), cwd=project.parent)
    assert "error[reveal.no-reason]" in refused.stderr
    assert not (project.parent / "key.json").exists()
    done = veil("vault", "export", "-o", "key.json", "-r", "court", "--project", str(project), cwd=project.parent)
    assert done.returncode == 0, done.stderr
    assert "Sergey Volkov" in (project.parent / "key.json").read_text(encoding="utf-8")


def test_vault_passwd(project: Path) -> None:
    weak = veil("vault", "passwd", "--project", str(project), cwd=project.parent, VEIL_NEW_PASSPHRASE="short")
    assert "error[vault.weak-passphrase]" in weak.stderr
    new = "another long passphrase here"
    done = veil("vault", "passwd", "--project", str(project), cwd=project.parent, VEIL_NEW_PASSPHRASE=new)
    assert done.returncode == 0, done.stderr
    old = veil("vault", "check", "--project", str(project), cwd=project.parent)
    assert "error[vault.wrong-passphrase]" in old.stderr
    assert veil("vault", "check", "--project", str(project), cwd=project.parent, passphrase=new).returncode == 0


def test_the_project_is_found_from_the_environment_or_upwards(project: Path) -> None:
    inside = project / "sub" / "deeper"
    inside.mkdir(parents=True)
    assert veil("audit", "verify", cwd=inside).returncode == 0  # nearest project folder upwards
    elsewhere = project.parent / "elsewhere"
    elsewhere.mkdir()
    assert veil("audit", "verify", cwd=elsewhere, VEIL_PROJECT=str(project)).returncode == 0
    result = veil("audit", "verify", cwd=elsewhere)
    assert "error[project.not-found]" in result.stderr
    result = veil("audit", "verify", "--project", str(elsewhere), cwd=elsewhere)
    assert "error[project.not-found]" in result.stderr


def test_protect_without_a_project_says_no_key_is_kept(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text(TEXT, encoding="utf-8")
    result = veil("protect", "in.txt", "-o", "out.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "No project" in result.stderr


def test_init_refuses_a_used_folder_and_a_weak_passphrase(project: Path) -> None:
    assert "error[project.exists]" in veil("init", str(project), cwd=project.parent).stderr
    weak = veil("init", "new", cwd=project.parent, passphrase="short")
    assert "error[vault.weak-passphrase]" in weak.stderr


def test_a_second_process_gets_vault_locked(project: Path) -> None:
    with open_project(project) as holder, holder.session():
        result = veil("protect", "in.txt", "-o", "again.txt", "--project", str(project), cwd=project.parent)
    assert result.returncode == 1
    assert "error[vault.locked]" in result.stderr
    assert not (project.parent / "again.txt").exists()


def test_detect_reads_the_vault_without_writing(project: Path) -> None:
    before = (project / "vault.veil").read_bytes()
    result = veil("detect", "in.txt", "--jsonl", "--project", str(project), cwd=project.parent)
    assert result.returncode == 0, result.stderr
    assert '"entity"' in result.stdout
    with open_project(project) as opened:
        assert len(opened.audit_entries()) == 2  # nothing was recorded
    assert PASSPHRASE not in result.stdout + result.stderr
    assert before  # the file was readable before and the project still opens after


def test_terms_come_from_standard_input_and_are_applied(project: Path) -> None:
    folder = project.parent
    added = run_veil("vault", "terms", "add", "deny", "-p", str(project), cwd=str(folder),
                     env={"VEIL_PASSPHRASE": PASSPHRASE}, stdin="Babushka Tanya\n\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = veil("vault", "terms", "list", "deny", "-p", str(project), cwd=folder)
    assert listed.stdout.split("\t")[1].strip() == "Babushka Tanya"
    (folder / "tanya.txt").write_text("We stayed with Babushka Tanya.\n", encoding="utf-8")
    assert veil("protect", "tanya.txt", "-o", "tanya.out.txt", "-p", str(project), cwd=folder).returncode == 0
    assert "Tanya" not in (folder / "tanya.out.txt").read_text(encoding="utf-8")
    assert b"Tanya" not in (project / "vault.veil").read_bytes()
    assert veil("vault", "terms", "remove", "1", "-p", str(project), cwd=folder).returncode == 0
    assert veil("vault", "terms", "list", "deny", "-p", str(project), cwd=folder).stdout == ""


def _on_a_terminal(args: list[str], answers: list[str], cwd: Path) -> tuple[int, str]:
    """Run veil on a pseudo-terminal, typing ``answers`` at its prompts; (exit status, what it showed)."""
    import os
    import pty
    import select
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src"), "VEIL_PROJECT": ""}
    env.pop("VEIL_PASSPHRASE", None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: veil, with the terminal as its controlling tty
        os.chdir(cwd)
        os.execve(sys.executable, [sys.executable, "-m", "veil", *args], env)
    shown, pending, answered = b"", list(answers), 0
    while True:
        ready, _, _ = select.select([fd], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
        # Answer a prompt shown since the last answer (not the same prompt again once its line ends).
        if pending and shown[answered:].rstrip().endswith(b":"):
            os.write(fd, (pending.pop(0) + "\n").encode())
            answered = len(shown)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


def test_the_passphrase_is_asked_on_the_terminal_and_never_echoed(tmp_path: Path) -> None:
    secret = "typed at the prompt, never shown"
    status, shown = _on_a_terminal(["init", "case"], [secret, secret], tmp_path)
    assert status == 0, shown
    assert "New vault passphrase:" in shown
    status, shown = _on_a_terminal(["audit", "verify", "--project", "case"], [secret], tmp_path)
    assert status == 0, shown
    assert "intact" in shown
    assert secret not in shown
