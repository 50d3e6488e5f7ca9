"""The audit log: append-only, hash-chained, and free of sensitive values in its readable columns.

Every reveal, export, decision change, approval (in the review app), protected document and passphrase
change appends one entry:
``seq`` (1, 2, 3 ...), ``at`` (UTC, to the second), ``action`` (:data:`ACTIONS`), an optional document
and project-entity id, and sealed ``details`` (who did it and why: the reason the user gave, which may
name things, is therefore encrypted). Each entry's ``link`` is ``HMAC(audit key, previous link || entry)``,
so changing, removing or reordering any entry breaks every later link, and the chain cannot be rebuilt
without the passphrase. The vault's sealed manifest holds the newest link, so cutting entries off the
end is caught as well. SQL triggers refuse UPDATE and DELETE on the table as a first line.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from veil.errors import ErrorCode, VeilError
from veil.vault.store import typed
from veil.vault.vault import GENESIS, Vault, now

ACTIONS = (
    "init",
    "protect",
    "reveal",
    "view-original",
    "export",
    "decision",
    "approve",
    "term",
    "delete",
    "passphrase",
)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit entry as shown to people: no value from any document, only ids, actor and reason."""

    seq: int
    at: str
    action: str
    document_id: int | None
    entity_id: int | None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def actor(self) -> str:
        return str(self.details.get("actor", ""))

    @property
    def reason(self) -> str:
        return str(self.details.get("reason", ""))


@dataclass(frozen=True, slots=True)
class AuditCheck:
    """The result of :func:`verify`: how many entries, and the first one that breaks the chain."""

    entries: int
    broken_at: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def current_actor() -> str:
    """Who is at the keyboard, for entries made from the command line."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _entry_bytes(
    seq: int, at: str, action: str, document_id: int | None, entity_id: int | None, details: bytes
) -> bytes:
    return json.dumps([seq, at, action, document_id, entity_id, details.hex()]).encode()


def append(
    vault: Vault,
    action: str,
    *,
    actor: str | None = None,
    reason: str = "",
    document_id: int | None = None,
    entity_id: int | None = None,
    **extra: Any,
) -> int:
    """Add an entry (in the caller's transaction, or a new one) and return its ``seq``."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    with vault.transaction() as db:
        last = db.execute("SELECT seq, link FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        if last is None:
            seq, previous = 1, GENESIS
        else:
            last_seq, previous = typed(last, "ib")
            seq = last_seq + 1
        at = now()
        details = vault.keys.seal_json(
            f"audit/{seq}/details", {"actor": actor or current_actor(), "reason": reason, **extra}
        )
        link = vault.keys.chain(previous, _entry_bytes(seq, at, action, document_id, entity_id, details))
        db.execute(
            "INSERT INTO audit(seq, at, action, document_id, entity_id, details, link) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (seq, at, action, document_id, entity_id, details, link),
        )
    return int(seq)


def _rows(vault: Vault) -> Iterator[tuple[Any, ...]]:
    with vault.store.reading() as db:
        rows = db.execute("SELECT seq, at, action, document_id, entity_id, details, link FROM audit ORDER BY seq")
        yield from (typed(row, "issIIbb") for row in rows.fetchall())


def entries(vault: Vault) -> Iterator[AuditEntry]:
    """Every entry in order, with its details opened (``vault.tampered`` if one was changed)."""
    for seq, at, action, document_id, entity_id, details, _link in _rows(vault):
        opened = vault.keys.open_json(f"audit/{seq}/details", details)
        yield AuditEntry(seq, at, action, document_id, entity_id, opened)


def verify(vault: Vault) -> AuditCheck:
    """Walk the chain from the first entry; report the first entry whose link or details do not hold."""
    previous = GENESIS
    count = 0
    for seq, at, action, document_id, entity_id, details, link in _rows(vault):
        count += 1
        if seq != count:
            return AuditCheck(count, count, f"entry {count} is missing")
        expected = vault.keys.chain(previous, _entry_bytes(seq, at, action, document_id, entity_id, details))
        if expected != link:
            return AuditCheck(count, seq, f"entry {seq} was changed")
        try:
            vault.keys.open(f"audit/{seq}/details", details)
        except VeilError:
            return AuditCheck(count, seq, f"the details of entry {seq} were changed")
        previous = expected
    try:
        vault.check_manifest()
    except VeilError as error:
        return AuditCheck(count, count + 1, error.message)
    return AuditCheck(count)


def require_intact(vault: Vault) -> None:
    check = verify(vault)
    if not check.ok:
        raise VeilError(ErrorCode.AUDIT_BROKEN, f"the audit log is broken at entry {check.broken_at}: {check.problem}")
