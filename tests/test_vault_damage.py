"""A damaged, tampered, truncated, foreign, newer or busy vault gives a clear error, never wrong data."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.vault_helpers import PASSPHRASE, new_project, open_project, raw_sql
from veil.errors import ErrorCode, VeilError
from veil.vault import Project
from veil.vault import documents as docs

TEXT = "Sergey Volkov called me on +7 912 345-67-89. Volkov was scared."
DROP_TRIGGERS = ("DROP TRIGGER audit_no_update", "DROP TRIGGER audit_no_delete")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with one document, closed (its log folded into the file)."""
    root = tmp_path_factory.mktemp("pristine") / "p"
    with new_project(root) as project:
        project.protect_text(TEXT)
        project.add_term("deny", "Babushka Tanya")
    return root


@pytest.fixture
def copy(pristine: Path, tmp_path: Path) -> Path:
    target = tmp_path / "p"
    shutil.copytree(pristine, target)
    return target


def _truncate(size: int | None) -> Callable[[Path], None]:
    def cut(root: Path) -> None:
        path = root / "vault.veil"
        with path.open("r+b") as handle:
            handle.truncate(path.stat().st_size // 2 if size is None else size)

    return cut


def _sql(*statements: str) -> Callable[[Path], None]:
    return lambda root: raw_sql(root, *statements)


def _overwrite_header(root: Path) -> None:
    path = root / "vault.veil"
    data = bytearray(path.read_bytes())
    data[:16] = b"not a database!\x00"
    path.write_bytes(bytes(data))


# Each row: a way to damage the vault, and the error opening it (and reading everything) must give.
DAMAGE = [
    ("empty file", _truncate(0), ErrorCode.VAULT_TRUNCATED),
    ("cut inside the header", _truncate(50), ErrorCode.VAULT_TRUNCATED),
    ("cut in half", _truncate(None), ErrorCode.VAULT_TRUNCATED),
    ("foreign file header", _overwrite_header, ErrorCode.VAULT_TAMPERED),
    ("newer schema", _sql("PRAGMA user_version = 99"), ErrorCode.VAULT_NEWER_VERSION),
    (
        "newer format",
        _sql("UPDATE meta SET value = CAST('9' AS BLOB) WHERE name = 'format'"),
        ErrorCode.VAULT_NEWER_VERSION,
    ),
    ("key record removed", _sql("DELETE FROM meta WHERE name = 'key'"), ErrorCode.VAULT_TRUNCATED),
    ("manifest removed", _sql("DELETE FROM meta WHERE name = 'manifest'"), ErrorCode.VAULT_TAMPERED),
    ("an entity deleted", _sql("DELETE FROM entities WHERE id = 1"), ErrorCode.VAULT_TAMPERED),
    ("a chunk of an original deleted", _sql("DELETE FROM chunks"), ErrorCode.VAULT_TAMPERED),
    ("a term deleted", _sql("DELETE FROM terms"), ErrorCode.VAULT_TAMPERED),
    ("a report part deleted", _sql("DELETE FROM document_parts"), ErrorCode.VAULT_TAMPERED),
    (
        "a report part flipped",
        _sql("UPDATE document_parts SET data = data || x'00' WHERE n = 1"),
        ErrorCode.VAULT_TAMPERED,
    ),
    ("a record flipped", _sql("UPDATE entities SET record = record || x'00' WHERE id = 1"), ErrorCode.VAULT_TAMPERED),
    (
        "two records swapped",
        _sql(
            "UPDATE entities SET id = -1 WHERE id = 1",
            "UPDATE entities SET id = 1 WHERE id = 2",
            "UPDATE entities SET id = 2 WHERE id = -1",
        ),
        ErrorCode.VAULT_TAMPERED,
    ),
    (
        "an audit entry rewritten",
        _sql(*DROP_TRIGGERS, "UPDATE audit SET action = 'init' WHERE seq = 2"),
        ErrorCode.AUDIT_BROKEN,
    ),
    (
        "the last audit entry cut off",
        _sql(*DROP_TRIGGERS, "DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)"),
        ErrorCode.AUDIT_BROKEN,
    ),
    ("a middle audit entry cut out", _sql(*DROP_TRIGGERS, "DELETE FROM audit WHERE seq = 2"), ErrorCode.AUDIT_BROKEN),
]


def _read_everything(root: Path) -> dict[str, Any]:
    """Open the project and read every sealed value without writing (what any command would use)."""
    with Project.open(root, PASSPHRASE) as project:
        originals = [b"".join(docs.read_original(project.vault, o)) for _, o, _ in docs.document_rows(project.vault)]
        check = project.verify_audit()
        if not check.ok:
            raise VeilError(ErrorCode.AUDIT_BROKEN, check.problem)
        return {
            "entities": project._entities.all(),
            "documents": [docs.document_record(project.vault, d)[2] for d, _, _ in docs.document_rows(project.vault)],
            "originals": originals,
            "terms": project.terms("deny"),
            "audit": [(e.seq, e.action, e.details) for e in project.audit_entries()],
        }


@pytest.mark.parametrize(("damage", "code"), [pytest.param(d, c, id=name) for name, d, c in DAMAGE])
def test_damage_is_reported_with_its_code(copy: Path, damage: Callable[[Path], None], code: ErrorCode) -> None:
    damage(copy)
    with pytest.raises(VeilError) as caught:
        _read_everything(copy)
    assert caught.value.code == code
    assert "Volkov" not in caught.value.message


def test_the_pristine_vault_reads_back(copy: Path) -> None:
    everything = _read_everything(copy)
    assert everything["originals"] == [TEXT.encode()]
    assert everything["terms"][0][1] == "Babushka Tanya"


def test_a_wrong_passphrase_is_refused(copy: Path) -> None:
    with pytest.raises(VeilError) as caught:
        Project.open(copy, "not the passphrase at all")
    assert caught.value.code == ErrorCode.VAULT_WRONG_PASSPHRASE


def test_an_audit_entry_cannot_be_changed_through_sql(copy: Path) -> None:
    with pytest.raises(Exception, match="append-only"):
        raw_sql(copy, "UPDATE audit SET action = 'init'")


def test_a_second_writer_is_refused_while_one_writes(copy: Path) -> None:
    with open_project(copy) as first, open_project(copy) as second, first.session():
        with pytest.raises(VeilError) as caught:
            second.protect_text("Sergey Volkov again.")
        assert caught.value.code == ErrorCode.VAULT_LOCKED
        assert len(second.documents()) == 1  # reading still works
    with open_project(copy) as second:
        second.protect_text("Sergey Volkov again.")  # and writing, once the first is done


_BASELINE: dict[str, Any] = {}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_flipped_byte_anywhere_in_the_file_is_caught_or_harmless(
    pristine: Path, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Never silently wrong: after any one-byte change, the vault reads back exactly, or refuses."""
    if not _BASELINE:
        _BASELINE.update(_read_everything(pristine))
    root = tmp_path_factory.mktemp("flip") / "p"
    shutil.copytree(pristine, root)
    path = root / "vault.veil"
    blob = bytearray(path.read_bytes())
    position = data.draw(st.integers(0, len(blob) - 1), label="position")
    blob[position] ^= data.draw(st.integers(1, 255), label="xor")
    path.write_bytes(bytes(blob))
    try:
        everything: dict[str, Any] | None = _read_everything(root)
    except VeilError as error:
        everything, refused = None, error.code.value.split(".")[0]
    if everything is not None:
        assert everything == _BASELINE
    else:
        assert refused in {"vault", "audit"}
