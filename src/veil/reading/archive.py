"""Opening zip packages (Word files) without trusting them.

A ``.docx`` is a zip archive, and a zip archive can lie: a few kilobytes can declare, or actually
inflate to, gigabytes (a "zip bomb"); an entry can be encrypted; the file can be an encrypted Office
document, which is not a zip at all but an OLE compound file holding an ``EncryptedPackage`` stream.
:func:`read_entries` checks every entry's declared size and compression ratio before inflating anything,
then inflates each entry in bounded blocks and stops the moment the actual size passes the declared
one. Every refusal is a :class:`~veil.errors.VeilError` with a stable code and a message that names
only the path, an entry count or a size.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from veil.errors import ErrorCode, VeilError
from veil.reading.text import open_input

MAX_FILE_BYTES = 256 << 20  # the archive on disk
MAX_ENTRIES = 10_000
MAX_ENTRY_BYTES = 256 << 20  # one inflated entry
MAX_TOTAL_BYTES = 1 << 30  # all inflated entries together
MAX_RATIO = 200  # inflated / compressed, for entries big enough to matter
RATIO_FLOOR_BYTES = 1 << 20
BLOCK_BYTES = 1 << 16
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class Limits:
    """The safety limits (tests lower them to check they hold)."""

    file_bytes: int = MAX_FILE_BYTES
    entries: int = MAX_ENTRIES
    entry_bytes: int = MAX_ENTRY_BYTES
    total_bytes: int = MAX_TOTAL_BYTES
    ratio: int = MAX_RATIO


def _refuse(code: ErrorCode, path: Path, why: str) -> VeilError:
    return VeilError(code, f"{path}: {why}")


def check_container(path: Path, head: bytes, size: int, what: str) -> None:
    """Refuse what is not a zip: an encrypted Office file, a legacy binary file, anything else."""
    if head.startswith(OLE_MAGIC):
        with path.open("rb") as handle:
            content = handle.read(min(size, MAX_FILE_BYTES))
        if ENCRYPTED_STREAM in content:
            raise _refuse(ErrorCode.INPUT_ENCRYPTED, path, "the file is password-protected; remove the password first")
        raise _refuse(
            ErrorCode.INPUT_UNSUPPORTED, path, f"an old binary Office file, not {what}; save it as {what} first"
        )
    if not head.startswith(b"PK"):
        raise _refuse(ErrorCode.INPUT_CORRUPT, path, f"not a {what} file (it is not a zip package)")


def _check_declared(path: Path, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.entries:
        raise _refuse(ErrorCode.INPUT_TOO_LARGE, path, f"the package has {len(infos)} entries (limit {limits.entries})")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise _refuse(ErrorCode.INPUT_CORRUPT, path, "the package lists the same entry twice")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(ErrorCode.INPUT_ENCRYPTED, path, "the package is encrypted; remove the password first")
        if info.file_size > limits.entry_bytes:
            raise _refuse(ErrorCode.INPUT_TOO_LARGE, path, f"an entry declares {info.file_size} bytes (limit)")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > limits.ratio:
            raise _refuse(ErrorCode.INPUT_TOO_LARGE, path, f"an entry inflates {int(ratio)} times (a zip bomb?)")
        total += info.file_size
    if total > limits.total_bytes:
        raise _refuse(ErrorCode.INPUT_TOO_LARGE, path, f"the package inflates to {total} bytes (limit)")


def _inflate(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One entry, inflated in blocks, never past its declared size."""
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as stream:
        while block := stream.read(BLOCK_BYTES):
            size += len(block)
            if size > info.file_size:
                raise _refuse(ErrorCode.INPUT_TOO_LARGE, path, "an entry inflates past its declared size (a zip bomb?)")
            chunks.append(block)
    return b"".join(chunks)


def read_entries(path: Path, what: str, limits: Limits | None = None) -> dict[str, bytes]:
    """Every entry of the zip package at ``path``, by name, in archive order, after the checks above."""
    limits = limits or Limits()
    with open_input(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        head = handle.read(8)
    if size == 0:
        raise _refuse(ErrorCode.INPUT_EMPTY, path, "the file is empty")
    if size > limits.file_bytes:
        raise _refuse(ErrorCode.INPUT_TOO_LARGE, path, f"{size} bytes is over the {limits.file_bytes >> 20} MiB limit")
    check_container(path, head, size, what)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            _check_declared(path, infos, limits)
            return {info.filename: _inflate(path, archive, info) for info in infos}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError):
        raise _refuse(ErrorCode.INPUT_CORRUPT, path, f"the {what} package is damaged") from None
    except OSError as error:
        raise _refuse(ErrorCode.INPUT_CORRUPT, path, f"the {what} package is damaged ({error.strerror})") from None
