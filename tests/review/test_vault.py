"""One source of truth: the review app on a project vault, beside the command line.

A document protected from the command line appears in the app's archive (searchable, reviewable, its
original revealed from the vault with the signed-in user in the vault's audit log); a document uploaded
in the app is sealed in the vault (``veil reveal`` gives its original back) and a person keeps the
pseudonym the command line gave him. Skipped where the vault (``veil.vault``) is not installed.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.review.conftest import upload

PASSPHRASE = "correct horse battery staple"
CLI_TEXT = "Sergey Volkov called me from +7 912 345-67-89 on Monday.\n"
APP_TEXT = "Yesterday Sergey Volkov wrote again: Volkov is safe now.\n"


@pytest.fixture
def vaulted(review_app, tmp_path: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """The app's workspace on a fresh project vault, with one document protected as the CLI does."""
    try:
        vault = importlib.import_module("veil.vault")
    except ModuleNotFoundError:
        pytest.skip("the project vault (veil.vault) is not in this checkout")
    from veil.review import workspace
    from veil.review.models import Testimony
    from veil.review.vaulted import VaultProject

    root = tmp_path / "project"
    vault.Project.init(root, PASSPHRASE).close()
    cli = vault.Project.open(root, PASSPHRASE)
    source = tmp_path / "cli.txt"
    source.write_text(CLI_TEXT, encoding="utf-8")
    cli.protect_file(source, tmp_path / "cli.protected.txt", reports=False)
    cli.close()
    project = vault.Project.open(root, PASSPHRASE, lock_timeout=5.0)
    previous = workspace.current()
    workspace.install(workspace.Workspace(VaultProject(project)))
    try:
        yield project
    finally:
        workspace.current().close()
        workspace.install(previous)
        project.close()
        Testimony.objects.exclude(vault_document=None).delete()  # each test has a vault of its own


def _cli_testimony(client: Any) -> Any:
    from veil.review.models import Testimony

    assert client.get("/").status_code == 200  # the archive lists what the project holds
    return Testimony.objects.filter(title__startswith="Project document").order_by("-id").first()


def test_a_document_protected_from_the_cli_appears_in_the_app(vaulted, client_as) -> None:  # type: ignore[no-untyped-def]
    editor = client_as("editor")
    testimony = _cli_testimony(editor)
    assert testimony is not None
    assert testimony.vault_document is not None
    assert "Volkov" not in testimony.protected_text
    assert "called me from" in testimony.protected_text
    editor.post(f"/testimonies/{testimony.pk}/original/")
    page = editor.get(f"/testimonies/{testimony.pk}/").content.decode()
    assert "Sergey Volkov" in page  # the original, revealed from the vault for an editor
    actions = [(e.action, e.actor) for e in vaulted.audit_entries()]
    assert ("reveal", "editor") in actions
    assert ("view-original", "editor") in actions


def test_a_document_uploaded_in_the_app_is_sealed_in_the_vault(vaulted, client_as, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    source = tmp_path / "app.txt"
    source.write_text(APP_TEXT, encoding="utf-8")
    pk = upload(client_as("editor"), source)
    testimony = Testimony.objects.get(pk=pk)
    assert testimony.vault_document in {d.id for d in vaulted.documents()}
    assert b"".join(vaulted.reveal(testimony.vault_document, reason="test")) == APP_TEXT.encode()
    cli = _cli_testimony(client_as("editor"))
    cli_pseudonym = cli.protected_text.split(" called")[0]
    assert testimony.protected_text.startswith(f"Yesterday {cli_pseudonym} wrote")  # one person, one pseudonym
    assert not Testimony.objects.filter(title=f"Project document {testimony.vault_document}").exists()


def test_decisions_approved_in_the_app_are_followed_by_the_cli(vaulted, client_as, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import re

    from veil.review.models import Testimony

    source = tmp_path / "decided.txt"
    source.write_text(APP_TEXT, encoding="utf-8")
    editor = client_as("editor")
    pk = upload(editor, source)
    page = editor.get(f"/testimonies/{pk}/").content.decode()
    anchor = re.search(r'data-entity="E\d+" data-anchor="(\d+-\d+)"', page).group(1)
    editor.post(f"/testimonies/{pk}/decide/", {"anchor": anchor, "verdict": "keep"})  # a public figure, say
    assert "Sergey Volkov" in Testimony.objects.get(pk=pk).protected_text
    assert editor.post(f"/testimonies/{pk}/approve/").status_code == 302
    protected, _ = vaulted.protect_text("Sergey Volkov spoke at the rally.", name="later.txt")
    assert protected.startswith("Sergey Volkov")  # the CLI follows the reviewer's decision
    assert any(e.action == "decision" and e.actor == "editor" for e in vaulted.audit_entries())


def test_deleting_in_the_app_deletes_in_the_vault(vaulted, client_as, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    source = tmp_path / "gone.txt"
    source.write_text(APP_TEXT, encoding="utf-8")
    editor = client_as("editor")
    pk = upload(editor, source)
    document = Testimony.objects.get(pk=pk).vault_document
    assert editor.post(f"/testimonies/{pk}/delete/").status_code == 302
    assert document not in {d.id for d in vaulted.documents()}
    assert ("delete", "editor") in [(e.action, e.actor) for e in vaulted.audit_entries()]
