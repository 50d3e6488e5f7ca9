"""The Project API: one pseudonym per person across documents and runs, audited access to real texts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.vault_helpers import PASSPHRASE, new_project, open_project, raw_sql
from veil.errors import ErrorCode, VeilError
from veil.vault import Project
from veil.vault import documents as docs
from veil.vault.store import SCHEMA_VERSION

FIRST = "Sergey Volkov called me on +7 912 345-67-89. Volkov was scared."
SECOND = "Sergey Volkov wrote again. I told Volkov to leave."


def _pseudonym_of_volkov(project: Project) -> str:
    [person] = [e for e in project.entities() if e.type == "person"]
    return person.display


def test_the_same_person_gets_the_same_pseudonym_in_every_document_and_run(tmp_path: Path) -> None:
    with new_project(tmp_path / "p", seed=None) as project:
        first, _ = project.protect_text(FIRST)
        pseudonym = _pseudonym_of_volkov(project)
        assert pseudonym.split()[-1] in first
        assert "Volkov" not in first
    with open_project(tmp_path / "p") as project:  # a new run, a new process would do the same
        second, _ = project.protect_text(SECOND)
        assert pseudonym in second
        assert "Volkov" not in second
        assert _pseudonym_of_volkov(project) == pseudonym  # still one entity


def test_reveal_gives_back_the_original_and_is_audited(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        protected, document_id = project.protect_text(FIRST)
        assert project.reveal_text(protected, reason="fact-check", actor="anna") == FIRST
        last = project.audit_entries()[-1]
        assert (last.action, last.document_id, last.actor, last.reason) == ("reveal", document_id, "anna", "fact-check")


@pytest.mark.parametrize("reason", ["", "   "])
def test_reveal_without_a_reason_is_refused_and_nothing_is_logged(tmp_path: Path, reason: str) -> None:
    with new_project(tmp_path / "p") as project:
        _, document_id = project.protect_text(FIRST)
        before = len(project.audit_entries())
        with pytest.raises(VeilError) as caught:
            project.reveal(document_id, reason=reason)
        assert caught.value.code == ErrorCode.REVEAL_NO_REASON
        assert len(project.audit_entries()) == before


def test_listings_hold_no_real_identifier(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        _, document_id = project.protect_text(FIRST)
        shown = repr(project.documents()) + repr(project.entities()) + repr(project.analysis(document_id))
        for secret in ("Volkov", "Sergey", "912 345"):
            assert secret not in shown


def test_the_analysis_with_originals_needs_a_reason_and_is_audited(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        _, document_id = project.protect_text(FIRST)
        with pytest.raises(VeilError):
            project.analysis(document_id, originals=True)
        analysis = project.analysis(document_id, originals=True, reason="review", actor="anna")
        texts = {m["text"] for e in analysis["entities"] for m in e["mentions"]}
        assert "Sergey Volkov" in texts
        assert set(analysis["project_entities"].values()) <= {e.id for e in project.entities()}
        assert project.audit_entries()[-1].action == "view-original"


def test_a_reviewers_decision_applies_to_later_documents_and_is_audited(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        project.protect_text(FIRST)
        [person] = [e for e in project.entities() if e.type == "person"]
        project.change_decision(person.id, "keep", actor="anna", reason="he asked to be named")
        again, _ = project.protect_text(SECOND)
        assert "Sergey Volkov" in again
        assert project.entity(person.id).reviewed
        entry = project.audit_entries()[-2]  # the decision, then the protection
        assert (entry.action, entry.entity_id, entry.actor) == ("decision", person.id, "anna")
        project.change_decision(person.id, None, actor="anna")
        assert "Volkov" not in project.protect_text(SECOND)[0]


def test_project_terms_are_sealed_and_masked(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        project.add_term("deny", "Babushka Tanya", actor="anna")
        protected, _ = project.protect_text("We stayed with Babushka Tanya in the village.")
        assert "Tanya" not in protected
        assert [text for _, text in project.terms("deny")] == ["Babushka Tanya"]
    assert b"Tanya" not in (tmp_path / "p" / "vault.veil").read_bytes()


def test_identical_outputs_of_different_originals_are_not_guessed(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        one, _first = project.protect_text("Call +7 912 345-67-89 now.")
        two, second = project.protect_text("Call +7 912 345-67-88 now.")
        assert one == two
        with pytest.raises(VeilError) as caught:
            project.find_protected_text(one)
        assert caught.value.code == ErrorCode.REVEAL_AMBIGUOUS
        assert b"".join(project.reveal(second, reason="check")).decode() == "Call +7 912 345-67-88 now."


def test_an_unknown_protected_text_is_reported(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        with pytest.raises(VeilError) as caught:
            project.find_protected_text("never protected here")
        assert caught.value.code == ErrorCode.REVEAL_UNKNOWN_DOCUMENT


def test_export_gives_the_key_and_is_audited(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        project.protect_text(FIRST)
        key = project.export_key(reason="court order", actor="editor")
        person = next(e for e in key["entities"] if e["type"] == "person")
        assert "Sergey Volkov" in person["mentions"]
        assert person["replacement"]
        assert project.audit_entries()[-1].action == "export"


def test_deleting_a_document_removes_its_original(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        _, document_id = project.protect_text(FIRST)
        project.delete_document(document_id, reason="source withdrew", actor="editor")
        assert project.documents() == []
        assert project.check()["original_bytes"] == 0
        assert project.audit_entries()[-1].action == "delete"


def test_a_changed_passphrase_replaces_the_old_one(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        project.protect_text(FIRST)
        project.change_passphrase("a new and longer passphrase")
    with pytest.raises(VeilError) as caught:
        Project.open(tmp_path / "p", PASSPHRASE)
    assert caught.value.code == ErrorCode.VAULT_WRONG_PASSPHRASE
    with Project.open(tmp_path / "p", "a new and longer passphrase") as project:
        assert len(project.documents()) == 1
        assert project.audit_entries()[-1].action == "passphrase"


def test_two_people_with_the_same_first_name_stay_apart(tmp_path: Path) -> None:
    with new_project(tmp_path / "p") as project:
        project.protect_text("My cousin Oleg Markin drove him south.")
        project.protect_text("A lawyer, Oleg Ivanov, called later.")
        people = [e for e in project.entities() if e.type == "person"]
        assert len(people) == 2
        assert people[0].display != people[1].display


def test_init_refuses_a_short_passphrase_and_a_used_folder(tmp_path: Path) -> None:
    with pytest.raises(VeilError) as caught:
        Project.init(tmp_path / "p", "short")
    assert caught.value.code == ErrorCode.VAULT_WEAK_PASSPHRASE
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("x")
    with pytest.raises(VeilError) as caught:
        Project.init(tmp_path / "used", PASSPHRASE)
    assert caught.value.code == ErrorCode.PROJECT_EXISTS


def test_the_project_folder_is_private(tmp_path: Path) -> None:
    with new_project(tmp_path / "p"):
        pass
    assert (tmp_path / "p").stat().st_mode & 0o077 == 0
    assert (tmp_path / "p" / "vault.veil").stat().st_mode & 0o077 == 0


def test_threads_of_one_process_share_a_project_safely(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with new_project(tmp_path / "p") as project:
        texts = [f"Sergey Volkov called {n} times." for n in range(8)]
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(project.protect_text, texts))
        pseudonyms = {text.split(" called")[0] for text, _ in results}
        assert len(pseudonyms) == 1  # one person, one pseudonym, whichever thread met him first
        assert project.check()["documents"] == 8


def test_the_write_ahead_log_holds_only_ciphertext(tmp_path: Path) -> None:
    """SQLite's -wal file is a plaintext copy of changed pages: it must hold nothing but sealed values."""
    with new_project(tmp_path / "p") as project:
        project.add_term("deny", "Babushka Tanya")
        project.protect_text(FIRST + " Сергея Волкова задержали.")
        wal = (tmp_path / "p" / "vault.veil-wal").read_bytes()
        assert len(wal) > 10_000  # the pages are really there, not yet folded into the database
        for secret in ("Volkov", "volkov", "Волков", "Tanya", "912 345", "9123456789"):
            assert secret.encode() not in wal, secret
            assert secret.encode() not in (tmp_path / "p" / "vault.veil").read_bytes(), secret


def test_the_vault_package_api_is_small_and_sorted() -> None:
    import veil.vault

    assert list(veil.vault.__all__) == sorted(veil.vault.__all__)
    assert all(hasattr(veil.vault, name) for name in veil.vault.__all__)


def test_a_word_file_is_revealed_byte_for_byte(tmp_path: Path) -> None:
    """Reveal gives back the exact original package, hidden parts and all, not a re-rendering."""
    from tests.docx_samples import SECRETS, build_leaky_docx, package_texts

    source, output = tmp_path / "in.docx", tmp_path / "out.docx"
    build_leaky_docx(source)
    with new_project(tmp_path / "p") as project:
        done = project.protect_file(source, output, reports=False)
        assert not [s for s in SECRETS if any(s in text for text in package_texts(output).values())]
        assert project.find_protected(output) == done.document_id
        assert b"".join(project.reveal(done.document_id, reason="check")) == source.read_bytes()


LONG = " ".join(f"Sergey Volkov met Anna Petrova in Omsk on {day} May 2020 and called +7 912 345-67-{day:02d}."
                for day in range(1, 29))  # fmt: skip


def test_a_long_report_is_recorded_in_parts_and_reads_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with new_project(tmp_path / "whole") as project:
        _, document_id = project.protect_text(LONG)
        whole = project.analysis(document_id, originals=True, reason="test")
    monkeypatch.setattr(docs, "PART_MENTIONS", 3)
    with new_project(tmp_path / "parts") as project:
        _, document_id = project.protect_text(LONG)
        with project.vault.store.reading() as db:
            parts = db.execute("SELECT COUNT(*) FROM document_parts WHERE document_id = ?", (document_id,)).fetchone()
        assert parts[0] > 5
        assert project.analysis(document_id, originals=True, reason="test") == whole
        assert project.document(document_id).masked_mentions == whole["summary"]["masked_mentions"]
        project.delete_document(document_id, reason="test")
        with project.vault.store.reading() as db:
            assert db.execute("SELECT COUNT(*) FROM document_parts").fetchone()[0] == 0


def test_a_vault_from_before_report_parts_opens_upgraded(tmp_path: Path) -> None:
    """A version-1 vault (the whole report in the document's record, no parts table, a manifest that does not
    count it) reads as before and takes new documents."""
    root = tmp_path / "p"
    with new_project(root) as project:
        _, document_id = project.protect_text(FIRST)
        expected = project.analysis(document_id)
        _, _, record = docs.document_record(project.vault, document_id)
        vault = project.vault
        with vault.transaction() as db:
            db.execute("DELETE FROM document_parts")
            sealed = vault.keys.seal_json(f"document/{document_id}/record", record)
            db.execute("UPDATE documents SET record = ? WHERE id = ?", (sealed, document_id))
        manifest = vault._manifest(vault.store.db)
        del manifest["counts"]["document_parts"]
        raw = vault.keys.seal_json("meta/manifest", manifest)
    raw_sql(root, "DROP TABLE document_parts", "PRAGMA user_version = 1")
    db = sqlite3.connect(root / "vault.veil", isolation_level=None)
    try:
        db.execute("UPDATE meta SET value = ? WHERE name = 'manifest'", (raw,))
    finally:
        db.close()
    with open_project(root) as project:
        assert project.analysis(document_id) == expected
        project.protect_text(SECOND)
        assert len(project.documents()) == 2
        assert project.vault.store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with open_project(root) as project:
        assert project.check()["documents"] == 2


def _counted(project: Project) -> dict[str, int]:
    """The counts the manifest would be sealed with now, and the tables' actual counts."""
    vault = project.vault
    with vault.transaction() as db:
        kept = vault._manifest(db)["counts"]
        assert kept == vault._manifest(db, recount=True)["counts"]
    return dict(kept)


def test_the_manifest_counts_stay_true_through_deletions_rollbacks_and_other_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest's row counts are kept by this connection between commits instead of counted at each:
    they must still match the tables after cascading deletions, a rolled-back transaction and a commit
    by another connection (checked again when the vault is next opened)."""
    root = tmp_path / "p"
    with new_project(root) as project:
        _, first = project.protect_text(FIRST)
        _, second = project.protect_text(SECOND)
        term = project.add_term("deny", "Derevo-Plus")
        before = _counted(project)
        with pytest.raises(RuntimeError), project.vault.transaction():  # noqa: PT012 (work, then the failure)
            project.protect_text("Anna Petrova called from Tver.")
            raise RuntimeError("stopped half-way")
        assert _counted(project) == before
        project.delete_document(first, reason="withdrawn")  # its parts go with it
        project.remove_term(term)
        after = _counted(project)
        assert after["documents"] == before["documents"] - 1
        assert after["document_parts"] < before["document_parts"]
        assert after["terms"] == before["terms"] - 1
    with open_project(root) as project:
        seal = project.vault.keys.seal_json

        def fail_on_the_manifest(name: str, value: object) -> bytes:
            if name == "meta/manifest":
                raise RuntimeError("the disk filled up")
            return seal(name, value)

        with monkeypatch.context() as patch:  # fails after counting, before the commit: all rolled back
            patch.setattr(project.vault.keys, "seal_json", fail_on_the_manifest)
            with pytest.raises(RuntimeError):
                project.protect_text("Anna Petrova called from Tver.")
        project.protect_text("Maria Ivanova wrote from Perm.")
        with open_project(root) as other:  # another connection writes in between
            other.protect_text("Ivan Sidorov phoned from Omsk.")
        project.protect_text("Maria Ivanova wrote again.")
        _counted(project)
    with open_project(root) as project:  # the sealed manifest matches the tables
        assert len(project.documents()) == 4
        assert project.analysis(second)
