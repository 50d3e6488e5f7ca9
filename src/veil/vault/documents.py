"""Documents, their sealed originals, and the project's sealed term lists.

An **original** is the exact bytes of an input file, sealed in chunks of :data:`CHUNK_BYTES` (each bound
to its original and position, and counted and hashed in a sealed ``info`` record, so a chunk dropped,
swapped or cut short is caught). Originals are stored once: a keyed hash of their SHA-256 finds a copy
already kept. A **document** is one protection of an original: a sealed record (file name, format, the
full analysis as the report with original texts, and which project entity each document entity is) and
a keyed hash of the protected output's SHA-256, which is how ``veil reveal`` finds the original of a
protected file without the vault holding anything that matches a published file in the clear. The
report's entities are sealed apart, in **parts** of :data:`PART_MENTIONS` mentions (each bound to its
document and position, their number sealed in the record), so recording a long document never needs its
whole report in memory at once.

**Terms** are the project's own deny and allow lists (texts always or never masked). They name people,
so unlike ``veil.toml`` they live sealed in the vault.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from veil.errors import ErrorCode, VeilError
from veil.vault.store import typed
from veil.vault.vault import Vault, now

CHUNK_BYTES = 1 << 20
PART_MENTIONS = 5_000
TERM_LISTS = ("deny", "allow")


def _chunks_of(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(CHUNK_BYTES):
            yield block


def file_digest(path: Path) -> bytes:
    """SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    for block in _chunks_of(path):
        digest.update(block)
    return digest.digest()


def store_original(vault: Vault, chunks: Iterable[bytes], digest: bytes) -> int:
    """Seal an original (given as chunks and its SHA-256) unless the vault has it already; its id."""
    tag = vault.keys.tag("original", digest)
    with vault.transaction() as db:
        row = db.execute("SELECT id FROM originals WHERE tag = ?", (tag,)).fetchone()
        if row is not None:
            return int(typed(row, "i")[0])
        original_id = int(db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM originals").fetchone()[0])
        db.execute("INSERT INTO originals(id, tag, info) VALUES (?, ?, x'')", (original_id, tag))
        size = count = 0
        check = hashlib.sha256()
        for count, block in enumerate(chunks, start=1):
            sealed = vault.keys.seal(f"original/{original_id}/chunk/{count}", block)
            db.execute("INSERT INTO chunks(original_id, n, data) VALUES (?, ?, ?)", (original_id, count, sealed))
            size += len(block)
            check.update(block)
        if check.digest() != digest:
            raise VeilError(ErrorCode.INPUT_UNREADABLE, "the input changed while it was being protected; run again")
        info = {"size": size, "chunks": count, "sha256": digest.hex()}
        sealed_info = vault.keys.seal_json(f"original/{original_id}/info", info)
        db.execute("UPDATE originals SET info = ? WHERE id = ?", (sealed_info, original_id))
    return original_id


def store_original_file(vault: Vault, path: Path) -> int:
    return store_original(vault, _chunks_of(path), file_digest(path))


def read_original(vault: Vault, original_id: int) -> Iterator[bytes]:
    """The original's bytes, chunk by chunk, each authenticated as it is read.

    Every chunk is bound to its original and position and their number is sealed, so nothing can be
    dropped or swapped; the whole is also checked against its SHA-256 before the last chunk is given,
    so a consumer writing to an atomic output never commits a damaged original.
    """
    with vault.store.reading() as db:
        row = db.execute("SELECT info FROM originals WHERE id = ?", (original_id,)).fetchone()
        if row is None:
            raise VeilError(ErrorCode.VAULT_TAMPERED, f"original {original_id} is missing from the vault")
        info = vault.keys.open_json(f"original/{original_id}/info", typed(row, "b")[0])
        numbers = [
            int(typed(r, "i")[0])
            for r in db.execute("SELECT n FROM chunks WHERE original_id = ? ORDER BY n", (original_id,))
        ]
    if numbers != list(range(1, info["chunks"] + 1)):
        raise VeilError(ErrorCode.VAULT_TAMPERED, f"original {original_id} has missing or extra chunks")
    digest = hashlib.sha256()
    for n in numbers:
        with vault.store.reading() as db:
            row = db.execute("SELECT data FROM chunks WHERE original_id = ? AND n = ?", (original_id, n)).fetchone()
            (data,) = typed(row, "b")
        block = vault.keys.open(f"original/{original_id}/chunk/{n}", data)
        digest.update(block)
        if n == info["chunks"] and digest.hexdigest() != info["sha256"]:
            raise VeilError(ErrorCode.VAULT_TAMPERED, f"original {original_id} does not match its checksum")
        yield block


def next_document_id(vault: Vault) -> int:
    """The id the next document will get (ask inside the writer's transaction that adds it)."""
    with vault.transaction() as db:
        return int(db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM documents").fetchone()[0])


def add_document(
    vault: Vault, original_id: int, protected_digest: bytes, record: dict[str, Any], document_id: int | None = None
) -> int:
    """Seal and store a document's record under ``document_id`` (by default the next free id)."""
    tag = vault.keys.tag("protected", protected_digest)
    with vault.transaction() as db:
        if document_id is None:
            document_id = next_document_id(vault)
        sealed = vault.keys.seal_json(f"document/{document_id}/record", record)
        db.execute(
            "INSERT INTO documents(id, original_id, protected_tag, created, record) VALUES (?, ?, ?, ?, ?)",
            (document_id, original_id, tag, now(), sealed),
        )
    return document_id


def add_parts(vault: Vault, document_id: int, parts: Iterable[list[dict[str, Any]] | bytes]) -> int:
    """Seal a document's report entities part by part (as :func:`report_parts` cuts them, or already
    encoded by :func:`encode_part` in another process); their number."""
    count = 0
    with vault.transaction() as db:
        for count, part in enumerate(parts, start=1):
            encoded = part if isinstance(part, bytes) else encode_part(part)
            sealed = vault.keys.seal(f"document/{document_id}/part/{count}", encoded)
            db.execute(
                "INSERT INTO document_parts(document_id, n, data) VALUES (?, ?, ?)", (document_id, count, sealed)
            )
    return count


def encode_part(part: list[dict[str, Any]]) -> bytes:
    """A part as the vault seals it (the JSON that :meth:`~veil.vault.crypto.Keys.seal_json` writes)."""
    return json.dumps(part, ensure_ascii=False, sort_keys=True).encode("utf-8")


def report_parts(entities: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Report entities in lists of :data:`PART_MENTIONS` mentions (the last one fewer).

    An entity with more mentions than a part holds goes on in the next part: each piece repeats the
    entity's other fields with some of its mentions, and reading joins the pieces (:func:`_joined`).
    """
    part: list[dict[str, Any]] = []
    count = 0
    for entity in entities:
        piece: list[dict[str, Any]] = []
        for mention in entity["mentions"]:
            piece.append(mention)
            count += 1
            if count == PART_MENTIONS:
                part.append({**entity, "mentions": piece})
                yield part
                part, piece, count = [], [], 0
        if piece or not entity["mentions"]:
            part.append({**entity, "mentions": piece})
    if part:
        yield part


def _joined(pieces: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Report entities from the pieces :func:`report_parts` cut (an entity's ids are unique in a report)."""
    entities: list[dict[str, Any]] = []
    for piece in pieces:
        if entities and entities[-1]["id"] == piece["id"]:
            entities[-1]["mentions"].extend(piece["mentions"])
        else:
            entities.append(piece)
    return entities


def _parts(vault: Vault, document_id: int, count: int) -> Iterator[dict[str, Any]]:
    """The report entities sealed in a document's parts, each part checked as it is opened."""
    with vault.store.reading() as db:
        rows = db.execute("SELECT n FROM document_parts WHERE document_id = ? ORDER BY n", (document_id,))
        numbers = [int(typed(r, "i")[0]) for r in rows]
    if numbers != list(range(1, count + 1)):
        raise VeilError(ErrorCode.VAULT_TAMPERED, f"document {document_id} has missing or extra report parts")
    for n in numbers:
        with vault.store.reading() as db:
            row = db.execute(
                "SELECT data FROM document_parts WHERE document_id = ? AND n = ?", (document_id, n)
            ).fetchone()
            (data,) = typed(row, "b")
        yield from vault.keys.open_json(f"document/{document_id}/part/{n}", data)


def document_rows(vault: Vault) -> list[tuple[int, int, str]]:
    """(document id, original id, created) for every document, oldest first."""
    with vault.store.reading() as db:
        rows = db.execute("SELECT id, original_id, created FROM documents ORDER BY id").fetchall()
    return [typed(row, "iis") for row in rows]


def document_record(vault: Vault, document_id: int, *, whole: bool = True) -> tuple[int, str, dict[str, Any]]:
    """(original id, created, sealed record opened) of one document.

    ``whole=False`` leaves the report's entities out (they may be most of a long document's record) for
    callers that read only the rest.
    """
    with vault.store.reading() as db:
        row = db.execute("SELECT original_id, created, record FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise VeilError(ErrorCode.REVEAL_UNKNOWN_DOCUMENT, f"no document {document_id} in this project")
    original_id, created, blob = typed(row, "isb")
    record = vault.keys.open_json(f"document/{document_id}/record", blob)
    parts = record.pop("parts", None)
    if parts is not None and whole:
        record["report"]["entities"] = _joined(_parts(vault, document_id, int(parts)))
    return original_id, created, record


def documents_protected_as(vault: Vault, protected_digest: bytes) -> list[int]:
    tag = vault.keys.tag("protected", protected_digest)
    with vault.store.reading() as db:
        rows = db.execute("SELECT id FROM documents WHERE protected_tag = ? ORDER BY id", (tag,)).fetchall()
    return [int(typed(r, "i")[0]) for r in rows]


def one_document(vault: Vault, protected_digest: bytes, what: str) -> int:
    """The document protected into this content; an error when there is none, or several originals."""
    found = documents_protected_as(vault, protected_digest)
    if not found:
        raise VeilError(
            ErrorCode.REVEAL_UNKNOWN_DOCUMENT,
            f"{what}: no document of this project was protected into exactly this content",
        )
    if len({document_record(vault, i, whole=False)[0] for i in found}) > 1:
        raise VeilError(
            ErrorCode.REVEAL_AMBIGUOUS,
            f"{what}: several different originals were protected into this same content "
            f"(documents {', '.join(str(i) for i in found)}); choose one with --document",
        )
    return found[-1]


def delete_document(vault: Vault, document_id: int) -> None:
    """Remove a document, and its original when no other document uses it (freed pages are zeroed)."""
    original_id, _, _ = document_record(vault, document_id, whole=False)
    with vault.transaction() as db:
        db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        used = db.execute("SELECT 1 FROM documents WHERE original_id = ?", (original_id,)).fetchone()
        if used is None:
            db.execute("DELETE FROM originals WHERE id = ?", (original_id,))


def add_term(vault: Vault, list_name: str, text: str) -> int:
    if list_name not in TERM_LISTS:
        raise VeilError(ErrorCode.USAGE, f"unknown term list {list_name!r}; use deny or allow")
    with vault.transaction() as db:
        term_id = int(db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM terms").fetchone()[0])
        sealed = vault.keys.seal_json(f"term/{term_id}/record", {"list": list_name, "text": text})
        db.execute("INSERT INTO terms(id, record) VALUES (?, ?)", (term_id, sealed))
    return term_id


def terms(vault: Vault, list_name: str) -> list[tuple[int, str]]:
    """(id, text) of every term on ``list_name``."""
    with vault.store.reading() as db:
        rows = db.execute("SELECT id, record FROM terms ORDER BY id").fetchall()
    opened = [(i, vault.keys.open_json(f"term/{i}/record", blob)) for i, blob in (typed(r, "ib") for r in rows)]
    return [(i, str(r["text"])) for i, r in opened if r["list"] == list_name]


def remove_term(vault: Vault, term_id: int) -> None:
    with vault.transaction() as db:
        db.execute("DELETE FROM terms WHERE id = ?", (term_id,))
