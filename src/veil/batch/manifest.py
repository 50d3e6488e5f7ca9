"""The batch manifest: which files are finished, so a run that stopped can be finished by running it again.

The manifest is a JSON-lines file in the output folder (``.veil-batch.jsonl``). A line is appended, and
flushed to disk, only after the file's protected copy (and its reports) are in place and the vault has
recorded it, so a line always means "done". A crash can cut only the last line short; it is dropped when
the manifest is opened again.

A line holds no name, path or text from the archive: each field is a keyed hash (HMAC with the vault's
index key, :meth:`veil.vault.crypto.Keys.tag`) of the file's relative path, of its content and of the
run's settings, plus the vault's document id, a character count and the output's size. Without the
vault's key nobody can tell from the manifest which files the archive holds. The hashes are keyed by the
project's vault, so a manifest made with another project matches nothing and every file is done again,
as it must be: that project does not know these pseudonyms.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

MANIFEST_NAME = ".veil-batch.jsonl"
FORMAT_VERSION = 1

Tagger = Callable[[str, bytes], bytes]


@dataclass(frozen=True)
class Entry:
    """One finished file, as the manifest remembers it (keyed hashes only)."""

    file: str
    input: str
    settings: str
    document: int
    characters: int
    output_bytes: int

    def matches(self, other: Entry) -> bool:
        return (self.file, self.input, self.settings) == (other.file, other.input, other.settings)


class Manifest:
    """Read the finished files at start, then append one line per file as it finishes."""

    def __init__(self, path: Path, tagger: Tagger) -> None:
        self.path = path
        self._tag = tagger
        self._done: dict[str, Entry] = {}
        self._handle: BinaryIO | None = None

    def key(self, relative: str, content_digest: bytes, settings_fingerprint: bytes) -> Entry:
        """An entry without results, to look up or to complete with :meth:`finished`."""
        return Entry(
            self._tag("batch-file", relative.encode("utf-8")).hex(),
            self._tag("batch-input", content_digest).hex(),
            self._tag("batch-settings", settings_fingerprint).hex(),
            document=0,
            characters=0,
            output_bytes=0,
        )

    def open(self) -> Manifest:
        """Load the finished entries, dropping a last line a crash cut short, and open for appending."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        complete = _complete_prefix(self.path)
        for line in complete.splitlines():
            entry = _parse(line)
            if entry is not None:
                self._done[entry.file] = entry
        handle = self.path.open("ab")
        if handle.tell() != len(complete):
            handle.truncate(len(complete))
        self._handle = handle
        return self

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def is_done(self, wanted: Entry) -> Entry | None:
        """The finished entry for this file, content and settings, if there is one."""
        found = self._done.get(wanted.file)
        return found if found is not None and found.matches(wanted) else None

    def finished(self, entry: Entry) -> None:
        """Record a finished file durably (the line is on disk when this returns)."""
        assert self._handle is not None, "open the manifest first"
        line = json.dumps({"v": FORMAT_VERSION, **asdict(entry)}, sort_keys=True) + "\n"
        self._handle.write(line.encode("utf-8"))
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._done[entry.file] = entry

    def __len__(self) -> int:
        return len(self._done)


def _complete_prefix(path: Path) -> bytes:
    """The manifest's bytes up to its last complete line (a crash can leave a partial last line)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return b""
    end = data.rfind(b"\n")
    return data[: end + 1] if end >= 0 else b""


def _parse(line: bytes) -> Entry | None:
    try:
        record: Any = json.loads(line)
        if not isinstance(record, dict) or record.get("v") != FORMAT_VERSION:
            return None
        return Entry(
            str(record["file"]), str(record["input"]), str(record["settings"]),
            int(record["document"]), int(record["characters"]), int(record["output_bytes"]),
        )  # fmt: skip
    except (ValueError, KeyError, TypeError):
        return None
