"""The vault: create it, unlock it, change its passphrase, and keep its contents whole.

A :class:`Vault` is an unlocked vault file: the hardened :class:`~veil.vault.store.Store`, the subkeys
(:class:`~veil.vault.crypto.Keys`) and a sealed **manifest** that counts the rows of every table and holds
the head of the audit chain. The manifest is rewritten in the same transaction as every change, and
checked on unlock, so a deleted row, a dropped document or a cut audit log is reported as
``vault.tampered`` instead of being used. (Rolling the *whole* folder back to an older copy cannot be
seen from inside it; SECURITY.md says so.)

Plaintext in the ``meta`` table: the format version, a random vault id, the creation time, the Argon2id
parameters and the wrapped data key. Nothing else is readable without the passphrase.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from veil.errors import ErrorCode, VeilError
from veil.vault.crypto import KdfParams, Keys, new_data_key, unwrap_key, wrap_key
from veil.vault.store import Store, typed

FORMAT = 1
COUNTED = ("entities", "entity_keys", "originals", "chunks", "documents", "document_parts", "terms", "audit")
# Tables added after the first schema: a manifest sealed before them has no count, which is zero.
ADDED_LATER = frozenset({"document_parts"})
GENESIS = bytes(32)


def _count_rows(db: Any) -> dict[str, int]:
    return {table: int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]) for table in COUNTED}  # noqa: S608


# Temporary (this connection only): a table of row counts and triggers that keep it up to date.
_COUNTING = (
    "CREATE TEMP TABLE IF NOT EXISTS row_counts(name TEXT PRIMARY KEY, n INTEGER NOT NULL)",
    *(
        f"CREATE TEMP TRIGGER IF NOT EXISTS count_{change}_{table} AFTER {event} ON main.{table} "  # noqa: S608
        f"BEGIN UPDATE row_counts SET n = n {sign} 1 WHERE name = '{table}'; END"
        for table in COUNTED
        for change, event, sign in (("added", "INSERT", "+"), ("removed", "DELETE", "-"))
    ),
)


def now() -> str:
    """UTC time to the second: audit entries and documents carry no finer clock than they need."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Vault:
    """An unlocked vault. Open it with :meth:`create` or :meth:`unlock`; close it with :meth:`close`."""

    def __init__(self, store: Store, keys: Keys, vault_id: str) -> None:
        self.store = store
        self.keys = keys
        self.vault_id = vault_id
        self._cache: dict[str, Any] = {}
        self._cache_version = -1
        self._cache_epoch: int | None = None
        self._counted_version: int | None = None
        self._depth = 0
        self._owner = 0
        # Kept only so a passphrase change can re-wrap it; the subkeys derived from it are in memory anyway.
        self._data_key = b""

    # -- opening ---------------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str, kdf: KdfParams | None = None) -> Vault:
        """A new, empty vault at ``path`` (which must not exist) protected by ``passphrase``."""
        if path.exists():
            raise VeilError(ErrorCode.PROJECT_EXISTS, f"{path}: a vault already exists here")
        kdf = kdf or KdfParams.new()
        vault_id = secrets.token_bytes(16).hex()
        data_key = new_data_key()
        store = Store(path, create=True)
        vault = cls(store, Keys(data_key, vault_id), vault_id)
        with vault.transaction() as db:
            db.executemany(
                "INSERT INTO meta(name, value) VALUES (?, ?)",
                [
                    ("format", str(FORMAT).encode()),
                    ("vault_id", bytes.fromhex(vault_id)),
                    ("created", now().encode()),
                ],
            )
            vault._store_key(db, data_key, kdf, passphrase)
        return vault

    @classmethod
    def unlock(cls, path: Path, passphrase: str, *, lock_timeout: float = 0.0) -> Vault:
        """Open the vault at ``path``: checks its format, the passphrase and the manifest."""
        store = Store(path, lock_timeout=lock_timeout)
        try:
            meta = _read_meta(store)
            fmt = _format_of(meta)
            if fmt > FORMAT:
                raise VeilError(
                    ErrorCode.VAULT_NEWER_VERSION,
                    f"{path}: the vault was written by a newer Veil (format {fmt}); upgrade Veil",
                )
            if not {"vault_id", "kdf", "key"} <= meta.keys():
                raise VeilError(ErrorCode.VAULT_TRUNCATED, f"{path}: the vault's key record is missing")
            vault_id = meta["vault_id"].hex()
            kdf = KdfParams.from_json(meta["kdf"])
            data_key = unwrap_key(kdf.derive(passphrase), meta["key"], _binding(vault_id, kdf))
            vault = cls(store, Keys(data_key, vault_id), vault_id)
            vault._data_key = data_key
            vault.check_manifest()
        except BaseException:
            store.db.close()
            raise
        return vault

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under ``new_passphrase`` (with a fresh salt); records stay as they are."""
        kdf = kdf or KdfParams.new()
        with self.transaction() as db:
            self._store_key(db, self._data_key, kdf, new_passphrase)

    def _store_key(self, db: Any, data_key: bytes, kdf: KdfParams, passphrase: str) -> None:
        self._data_key = data_key
        wrapped = wrap_key(kdf.derive(passphrase), data_key, _binding(self.vault_id, kdf))
        db.execute("INSERT OR REPLACE INTO meta(name, value) VALUES ('kdf', ?)", (kdf.to_json().encode(),))
        db.execute("INSERT OR REPLACE INTO meta(name, value) VALUES ('key', ?)", (wrapped,))

    def close(self) -> None:
        self.store.close()

    # -- transactions and the manifest -----------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """A write transaction (nested ones join the outer one); the manifest is updated before commit."""
        if self._depth > 0 and self._owner == threading.get_ident():
            # Nested in this thread's own transaction, which holds the lock: join it directly (deciding
            # and recording a long document open tens of thousands of these).
            try:
                yield self.store.db
            except BaseException:
                self._forget()
                raise
            return
        with self.store.writing():  # the lock first: another thread waits before touching the depth
            self._depth += 1
            self._owner = threading.get_ident()
            try:
                with self.store.transaction() as db:
                    yield db
                    if self._depth == 1:
                        self._write_manifest(db)
            except BaseException:
                self._forget()
                raise
            finally:
                self._depth -= 1

    def commit_now(self) -> None:
        """Commit what the current transaction wrote so far (see :meth:`Store.commit_and_continue`)."""
        with self.store.reading() as db:
            self._write_manifest(db)
        self.store.commit_and_continue()

    def _forget(self) -> None:
        """After a rollback: what this process kept about the tables may describe rows that are gone."""
        self._cache.clear()
        self._counted_version = None

    def _manifest(self, db: Any, *, recount: bool = False) -> dict[str, Any]:
        counts = _count_rows(db) if recount else self._row_counts(db)
        last = db.execute("SELECT link FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return {"counts": counts, "audit_head": typed(last, "b")[0].hex() if last else GENESIS.hex()}

    def _row_counts(self, db: Any) -> dict[str, int]:
        """Each counted table's rows, for the manifest written at every commit.

        Counting a table reads all of it: at every commit that is linear in the project's size (a batch
        commits twice a file), quadratic over an archive. So the rows are counted once, and then this
        connection's temporary triggers (in memory, never in the vault) keep the counts as rows come and
        go; they are counted again whenever another connection has committed since, and after a rollback.
        """
        version = int(db.execute("PRAGMA data_version").fetchone()[0])
        if version != self._counted_version:
            for statement in _COUNTING:  # one by one: a script would commit the open transaction first
                db.execute(statement)
            db.execute("DELETE FROM temp.row_counts")
            db.executemany("INSERT INTO temp.row_counts(name, n) VALUES (?, ?)", _count_rows(db).items())
            self._counted_version = version
        counts: dict[str, int] = dict(db.execute("SELECT name, n FROM temp.row_counts").fetchall())
        return {table: counts[table] for table in COUNTED}

    def _write_manifest(self, db: Any) -> None:
        sealed = self.keys.seal_json("meta/manifest", self._manifest(db))
        db.execute("INSERT OR REPLACE INTO meta(name, value) VALUES ('manifest', ?)", (sealed,))

    def check_manifest(self) -> None:
        """Compare the tables with the sealed manifest; ``vault.tampered`` on any difference."""
        with self.store.reading() as db:
            row = db.execute("SELECT value FROM meta WHERE name = 'manifest'").fetchone()
            if row is None:
                raise VeilError(ErrorCode.VAULT_TAMPERED, f"{self.store.path}: the vault's manifest is missing")
            expected = self.keys.open_json("meta/manifest", row[0])
            actual = self._manifest(db, recount=True)
        for table in COUNTED:
            if expected["counts"].get(table, 0 if table in ADDED_LATER else None) != actual["counts"][table]:
                raise VeilError(
                    ErrorCode.AUDIT_BROKEN if table == "audit" else ErrorCode.VAULT_TAMPERED,
                    f"{self.store.path}: rows of {table} were added or removed outside Veil",
                )
        if expected["audit_head"] != actual["audit_head"]:
            raise VeilError(ErrorCode.AUDIT_BROKEN, f"{self.store.path}: the audit log's last entry was changed")

    # -- a per-process cache that another writer's commit invalidates -----------------------------------

    def cached(self, name: str) -> Any:
        """What :meth:`cache` kept under ``name``, unless another process committed since."""
        # Asking SQLite costs a query per lookup; while this thread holds the writer lock no other
        # process can commit, so one check per taking of the lock is enough.
        epoch = self.store.writer_epoch()
        if epoch is None or epoch != self._cache_epoch:
            version = self.store.data_version()
            if version != self._cache_version:
                self._cache.clear()
                self._cache_version = version
            self._cache_epoch = epoch
        return self._cache.get(name)

    def cache(self, name: str, value: Any) -> None:
        self._cache[name] = value


def describe(path: Path) -> dict[str, Any]:
    """What anyone can read from a vault file without the passphrase (``veil vault info`` shows it)."""
    store = Store(path)
    try:
        meta = _read_meta(store)
        with store.reading() as db:
            counts = _count_rows(db)
            actions = dict(db.execute("SELECT action, COUNT(*) FROM audit GROUP BY action").fetchall())
            times = db.execute("SELECT MIN(at), MAX(at) FROM audit").fetchone()
    finally:
        store.db.close()
    kdf = KdfParams.from_json(meta["kdf"]) if "kdf" in meta else None
    return {
        "format": _format_of(meta),
        "created": meta.get("created", b"").decode(errors="replace"),
        "kdf": {"algorithm": kdf.algorithm, "time_cost": kdf.time_cost, "memory_kib": kdf.memory_kib,
                "parallelism": kdf.parallelism} if kdf else None,
        "rows": counts,
        "audit_actions": actions,
        "audit_first": times[0],
        "audit_last": times[1],
        "file_bytes": path.stat().st_size,
    }  # fmt: skip


def _binding(vault_id: str, kdf: KdfParams) -> bytes:
    return f"{vault_id}/{kdf.to_json()}".encode()


def _read_meta(store: Store) -> dict[str, bytes]:
    with store.reading() as db:
        return dict(typed(row, "sb") for row in db.execute("SELECT name, value FROM meta"))


def _format_of(meta: dict[str, bytes]) -> int:
    try:
        return int(meta.get("format", b"0"))
    except ValueError:
        raise VeilError(ErrorCode.VAULT_TAMPERED, "the vault's format record is damaged") from None
