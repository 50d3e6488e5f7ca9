"""One source of truth: the review app and the command line on the same project vault.

A document protected the way ``veil protect --project`` does it appears in the app's archive
(searchable, reviewable, its original revealed from the vault with the signed-in user in the vault's
audit log); a document uploaded in the app is sealed in the vault (``veil reveal`` gives its original
back); a person keeps one pseudonym across both; decisions approved in the app are followed by
``veil protect``; deleting in the app deletes in the vault.

Every test uses its own invented person, since the project (and so its memory) is shared by the session.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.review.conftest import upload


def _cli_protect(vault: Any, folder: Path, text: str) -> int:
    """Protect ``text`` as ``veil protect --project`` does; the vault's document id."""
    source = folder / "cli.txt"
    source.write_text(text, encoding="utf-8")
    return int(vault.protect_file(source, folder / "cli.protected.txt", reports=False).document_id)


def _testimony_for(client: Any, document: int) -> Any:
    from veil.review.models import Testimony

    assert client.get("/").status_code == 200  # the archive adds what the project holds
    return Testimony.objects.get(vault_document=document)


def _actions(vault: Any) -> list[tuple[str, str]]:
    return [(entry.action, entry.actor) for entry in vault.audit_entries()]


def test_a_document_protected_from_the_cli_appears_in_the_app(review_app, client_as, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = _cli_protect(review_app.vault, tmp_path, "Arkady Zimin called me from +7 912 345-67-89.\n")
    editor = client_as("editor")
    testimony = _testimony_for(editor, document)
    assert "Zimin" not in testimony.protected_text
    assert "called me from" in testimony.protected_text
    editor.post(f"/testimonies/{testimony.pk}/original/")
    page = editor.get(f"/testimonies/{testimony.pk}/").content.decode()
    assert "Arkady Zimin" in page  # the original, revealed from the vault for an editor
    assert ("reveal", "editor") in _actions(review_app.vault)
    assert ("view-original", "editor") in _actions(review_app.vault)


def test_an_upload_is_sealed_in_the_vault_with_the_clis_pseudonym(review_app, client_as, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    cli = _testimony_for(client_as("editor"), _cli_protect(review_app.vault, tmp_path, "Timofey Baranov called.\n"))
    source = tmp_path / "app.txt"
    source.write_text("Yesterday Timofey Baranov wrote again.\n", encoding="utf-8")
    testimony = Testimony.objects.get(pk=upload(client_as("editor"), source))
    assert testimony.vault_document in {d.id for d in review_app.vault.documents()}
    original = b"".join(review_app.vault.reveal(testimony.vault_document, reason="test"))
    assert original == source.read_bytes()
    pseudonym = cli.protected_text.split(" called")[0]
    assert testimony.protected_text == f"Yesterday {pseudonym} wrote again.\n"  # one person, one pseudonym


def test_decisions_approved_in_the_app_are_followed_by_the_cli(review_app, client_as, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    source = tmp_path / "decided.txt"
    source.write_text("Yesterday Yevgeny Kolosov spoke at the rally.\n", encoding="utf-8")
    editor = client_as("editor")
    pk = upload(editor, source)
    page = editor.get(f"/testimonies/{pk}/").content.decode()
    anchor = re.search(r'data-entity="E\d+" data-anchor="(\d+-\d+)"', page).group(1)
    editor.post(f"/testimonies/{pk}/decide/", {"anchor": anchor, "verdict": "keep"})  # a public figure, say
    assert "Yevgeny Kolosov" in Testimony.objects.get(pk=pk).protected_text
    assert editor.post(f"/testimonies/{pk}/approve/").status_code == 302
    versions = list(Testimony.objects.get(pk=pk).versions.values_list("document", flat=True))
    assert len(versions) == 2  # as uploaded, and as approved: both kept, so either export can be revealed
    assert set(versions) <= {d.id for d in review_app.vault.documents()}
    assert client_as("editor").get("/").status_code == 200
    assert not Testimony.objects.filter(vault_document__in=versions).exclude(pk=pk).exists()  # not adopted twice
    later = _cli_protect(review_app.vault, tmp_path, "Yevgeny Kolosov spoke again.\n")
    assert (tmp_path / "cli.protected.txt").read_text(encoding="utf-8").startswith("Yevgeny Kolosov")
    assert later in {d.id for d in review_app.vault.documents()}
    assert ("decision", "editor") in _actions(review_app.vault)


def test_deleting_in_the_app_deletes_in_the_vault(review_app, client_as, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    source = tmp_path / "gone.txt"
    source.write_text("Pavel Gornostayev left in May.\n", encoding="utf-8")
    editor = client_as("editor")
    pk = upload(editor, source)
    assert editor.post(f"/testimonies/{pk}/approve/").status_code == 302
    documents = set(Testimony.objects.get(pk=pk).versions.values_list("document", flat=True))
    assert len(documents) == 2
    assert editor.post(f"/testimonies/{pk}/delete/").status_code == 302
    assert not documents & {d.id for d in review_app.vault.documents()}
    assert ("delete", "editor") in _actions(review_app.vault)


def test_a_name_an_editor_gives_is_declined_and_kept_for_later_documents(review_app, client_as, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    source = tmp_path / "named.txt"
    source.write_text("Геннадий Шубин пришёл рано. Я спросила Геннадия Шубина о работе. Потом Шубину позвонили.\n",
                      encoding="utf-8")  # fmt: skip
    editor = client_as("editor")
    pk = upload(editor, source)
    page = editor.get(f"/testimonies/{pk}/").content.decode()
    anchor = re.search(r'data-entity="E\d+" data-anchor="(0-\d+)"', page).group(1)
    editor.post(f"/testimonies/{pk}/decide/", {"anchor": anchor, "verdict": "pseudonym", "replacement": "Борис Петров"})
    protected = Testimony.objects.get(pk=pk).protected_text
    assert protected == "Борис Петров пришёл рано. Я спросила Бориса Петрова о работе. Потом Петрову позвонили.\n"
    assert editor.post(f"/testimonies/{pk}/approve/").status_code == 302
    assert "Борис Петров" in {entity.display for entity in review_app.vault.entities()}

    _cli_protect(review_app.vault, tmp_path, "Я снова позвонила Геннадию Шубину.\n")
    assert (tmp_path / "cli.protected.txt").read_text(encoding="utf-8") == "Я снова позвонила Борису Петрову.\n"
    later = tmp_path / "later.txt"
    later.write_text("Я давно знаю Геннадия Шубина.\n", encoding="utf-8")
    assert Testimony.objects.get(pk=upload(editor, later)).protected_text == "Я давно знаю Бориса Петрова.\n"


def test_every_sensitive_act_in_the_app_is_in_the_vaults_audit_log(review_app, client_as, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    from tests.helpers import run_veil
    from tests.review.conftest import PASSPHRASE

    seen = len(review_app.vault.audit_entries())
    cli = _testimony_for(client_as("reviewer"), _cli_protect(review_app.vault, tmp_path, "Rodion Sevastyanov left.\n"))
    assert client_as("reviewer").get(f"/testimonies/{cli.pk}/").status_code == 200  # its original, from the vault
    source = tmp_path / "audited.txt"
    text = "Filipp Dorokhov met Rodion Sevastyanov in Tver.\n"
    source.write_text(text, encoding="utf-8")
    editor = client_as("editor")
    pk = upload(editor, source)
    editor.post(f"/testimonies/{pk}/original/")
    anchor = re.search(r'data-entity="E\d+" data-anchor="(0-\d+)"', editor.get(f"/testimonies/{pk}/").content.decode())
    editor.post(f"/testimonies/{pk}/decide/", {"anchor": anchor.group(1), "verdict": "redact"})
    editor.post(
        f"/testimonies/{pk}/missed/", {"start": text.index("Tver"), "end": text.index("Tver") + 4, "kind": "place"}
    )
    assert editor.post(f"/testimonies/{pk}/approve/").status_code == 302
    for what in ("document", "page"):
        assert editor.get(f"/testimonies/{pk}/export/{what}/").status_code == 200
    assert editor.post(f"/testimonies/{pk}/delete/").status_code == 302

    shown = run_veil("audit", "show", "--jsonl", "--project", str(review_app.project),
                     env={"VEIL_PASSPHRASE": PASSPHRASE, "VEIL_PROJECT": ""})  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    rows = [json.loads(line) for line in shown.stdout.splitlines()][seen:]
    expected = {("reveal", "reviewer"), ("protect", "editor"), ("view-original", "editor"), ("decision", "editor"),
                ("approve", "editor"), ("export", "editor"), ("delete", "editor")}  # fmt: skip
    assert expected <= {(row["action"], row["actor"]) for row in rows}
    what = {(entry.action, entry.details.get("what")) for entry in review_app.vault.audit_entries()[seen:]}
    assert {("decision", "decision"), ("decision", "add-span"), ("export", "export-document"),
            ("export", "export-page"), ("approve", "approve")} <= what  # fmt: skip
    logged = shown.stdout + json.dumps(
        [entry.details for entry in review_app.vault.audit_entries()], ensure_ascii=False
    )
    for secret in ("Filipp", "Dorokhov", "Rodion", "Sevastyanov", "Tver"):
        assert secret not in logged
