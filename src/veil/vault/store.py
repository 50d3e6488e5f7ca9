"""The vault file: a hardened SQLite database with one writer at a time.

The database holds no plaintext that says anything about a person: every sensitive value is sealed
(:mod:`veil.vault.crypto`) before it reaches SQLite, so its write-ahead log, rollback pages and free pages
hold ciphertext too. The plaintext columns are counters, timestamps, audit actions and keyed hashes.

Hardening: WAL journal with ``synchronous=FULL`` (a committed transaction survives a crash or SIGKILL),
``secure_delete`` (freed pages are zeroed), foreign keys, ``trusted_schema=OFF``, temporary tables in
memory (nothing spills to ``$TMPDIR``), triggers that make the audit table append-only, and a check of the
file header on open so a truncated or foreign file is refused before SQLite reads it.

One writer: a lock file next to the database is held for every write transaction (and, by the command
line, for a whole run), so a second process gets ``vault.locked`` rather than racing for pseudonyms.
Readers never need the lock (WAL lets them read while someone writes).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import filelock

from veil.errors import ErrorCode, VeilError

APPLICATION_ID = 0x5665696C  # "Veil"
# 2 added ``document_parts``; a version-1 vault gains the table the first time this Veil opens it.
SCHEMA_VERSION = 2
HEADER = b"SQLite format 3\x00"

# The report of a long document, sealed in parts (see ``veil.vault.documents``).
PARTS = """
CREATE TABLE IF NOT EXISTS document_parts (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (document_id, n)
) WITHOUT ROWID;
"""

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE entities (id INTEGER PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE entity_keys (
    tag BLOB PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX entity_keys_by_entity ON entity_keys(entity_id);
CREATE TABLE originals (id INTEGER PRIMARY KEY, tag BLOB NOT NULL UNIQUE, info BLOB NOT NULL);
CREATE TABLE chunks (
    original_id INTEGER NOT NULL REFERENCES originals(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (original_id, n)
) WITHOUT ROWID;
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    original_id INTEGER NOT NULL REFERENCES originals(id),
    protected_tag BLOB NOT NULL,
    created TEXT NOT NULL,
    record BLOB NOT NULL
);
CREATE INDEX documents_by_protected ON documents(protected_tag);
CREATE TABLE terms (id INTEGER PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    document_id INTEGER,
    entity_id INTEGER,
    details BLOB NOT NULL,
    link BLOB NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""
SCHEMA += PARTS

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA secure_delete=ON",
    "PRAGMA foreign_keys=ON",
    "PRAGMA trusted_schema=OFF",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cell_size_check=ON",
)


_TYPES: dict[str, tuple[type, ...]] = {"i": (int,), "I": (int, type(None)), "b": (bytes,), "s": (str,)}


def typed(row: Sequence[object] | None, spec: str) -> tuple[Any, ...]:
    """A row whose columns have the types ``spec`` says (``i`` int, ``I`` int or NULL, ``b`` blob, ``s`` text).

    A damaged page can hand back a NULL or a number where a blob was written; such a value is refused
    as ``vault.tampered`` rather than used.
    """
    if row is None or len(row) != len(spec):
        raise VeilError(ErrorCode.VAULT_TAMPERED, "a row of the vault is missing or malformed")
    for value, kind in zip(row, spec, strict=True):
        if not isinstance(value, _TYPES[kind]) or isinstance(value, bool):
            raise VeilError(ErrorCode.VAULT_TAMPERED, "a value in the vault has the wrong type (damaged)")
    return tuple(row)


# What reading a damaged file can raise: SQLite's own errors, and text that is no longer UTF-8.
DAMAGE = (sqlite3.DatabaseError, UnicodeDecodeError)


def _damaged(path: Path, error: Exception) -> VeilError:
    """The right error for SQLite's complaint about a file we expected to be a vault."""
    if isinstance(error, UnicodeDecodeError):
        return VeilError(ErrorCode.VAULT_TAMPERED, f"{path}: a text value in the vault is damaged")
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return VeilError(ErrorCode.VAULT_LOCKED, f"{path}: the vault is busy in another process")
    if "malformed" in text or "not a database" in text or "disk i/o" in text:
        return VeilError(ErrorCode.VAULT_TAMPERED, f"{path}: the vault file is damaged ({error})")
    return VeilError(ErrorCode.VAULT_TAMPERED, f"{path}: the vault cannot be read ({type(error).__name__})")


def check_header(path: Path) -> None:
    """Refuse a file that is not a SQLite database, or is shorter than its header says (truncated)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise VeilError(ErrorCode.PROJECT_NOT_FOUND, f"{path}: no vault here") from None
    except OSError as error:
        raise VeilError(ErrorCode.VAULT_TAMPERED, f"{path}: the vault cannot be read ({error.strerror})") from None
    if len(header) < 100:
        raise VeilError(ErrorCode.VAULT_TRUNCATED, f"{path}: the vault file is truncated ({size} bytes)")
    if not header.startswith(HEADER):
        raise VeilError(ErrorCode.VAULT_TAMPERED, f"{path}: not a Veil vault (unknown file header)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and size < pages * page_size:
        raise VeilError(
            ErrorCode.VAULT_TRUNCATED, f"{path}: the vault file is truncated ({size} of {pages * page_size} bytes)"
        )


class Store:
    """One connection to the vault database, shared by the threads of one process (serialised)."""

    def __init__(self, path: Path, *, create: bool = False, lock_timeout: float = 0.0) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self._mutex = threading.RLock()
        self._file_lock = filelock.FileLock(
            str(path) + ".lock", timeout=lock_timeout, thread_local=False, preserve_lock_file=True
        )
        self._depth = 0
        self._lock_epoch = 0
        self._owner = 0
        if not create:
            check_header(path)
        try:
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
            for pragma in PRAGMAS:
                self.db.execute(pragma)
            if create:
                self._create()
            self._check_schema()
        except DAMAGE as error:
            raise _damaged(path, error) from None

    def _create(self) -> None:
        with self.writing():
            self.db.executescript(
                f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA application_id={APPLICATION_ID}; "
                f"PRAGMA user_version={SCHEMA_VERSION}; COMMIT;"
            )

    def _check_schema(self) -> None:
        application_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if application_id == 0 and version == 0:
            raise VeilError(ErrorCode.VAULT_TRUNCATED, f"{self.path}: the vault is empty (its tables are missing)")
        if application_id != APPLICATION_ID:
            raise VeilError(ErrorCode.VAULT_TAMPERED, f"{self.path}: not a Veil vault")
        if version > SCHEMA_VERSION:
            raise VeilError(
                ErrorCode.VAULT_NEWER_VERSION,
                f"{self.path}: the vault was written by a newer Veil (schema {version}; this one reads "
                f"{SCHEMA_VERSION}); upgrade Veil",
            )
        if version < SCHEMA_VERSION:
            self._upgrade()

    def _upgrade(self) -> None:
        """Bring an older vault's tables up to this schema (only ever adds empty tables)."""
        with self.writing():
            self.db.executescript(f"BEGIN IMMEDIATE; {PARTS} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the one-writer lock (re-entrant within this process; ``vault.locked`` if another has it)."""
        with self._mutex:
            if self._depth == 0:
                try:
                    self._file_lock.acquire(timeout=self.lock_timeout)
                except (filelock.Timeout, RuntimeError):
                    raise VeilError(
                        ErrorCode.VAULT_LOCKED,
                        f"{self.path.parent}: the vault is in use by another Veil process; try again when it finishes",
                    ) from None
                self._lock_epoch += 1
                self._owner = threading.get_ident()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._file_lock.release()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction under the writer lock: committed on success, rolled back on any error."""
        with self.writing():
            if self.db.in_transaction:
                yield self.db
                return
            self._execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except DAMAGE as error:
                self._rollback()
                raise _damaged(self.path, error) from None
            except BaseException:
                self._rollback()
                raise
            self._execute("COMMIT")

    def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.DatabaseError):
            self.db.rollback()

    def commit_and_continue(self) -> None:
        """Commit the open transaction now and start the next one (the caller still holds the lock).

        Protecting a file commits the vault's record *before* the output is renamed into place, so a
        protected file never exists that the vault does not know.
        """
        with self._mutex:
            if self.db.in_transaction:
                self._execute("COMMIT")
                self._execute("BEGIN IMMEDIATE")

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for reads (serialised with this process's other threads)."""
        with self._mutex:
            try:
                yield self.db
            except DAMAGE as error:
                raise _damaged(self.path, error) from None

    def _execute(self, sql: str) -> None:
        try:
            self.db.execute(sql)
        except DAMAGE as error:
            raise _damaged(self.path, error) from None

    def writer_epoch(self) -> int | None:
        """While this thread holds the writer lock, a number that changes each time the lock is taken
        again (no other process can commit meanwhile); ``None`` otherwise."""
        with self._mutex:
            return self._lock_epoch if self._depth > 0 and self._owner == threading.get_ident() else None

    def data_version(self) -> int:
        """Changes whenever another connection commits (used to drop cached records)."""
        with self.reading() as db:
            return int(db.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Fold the write-ahead log back into the database and close (leaves no ``-wal`` behind)."""
        with self._mutex:
            with contextlib.suppress(sqlite3.DatabaseError, VeilError), self.writing():
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.close()
