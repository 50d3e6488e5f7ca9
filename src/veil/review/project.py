"""The seam between the review app and the project's vault.

The app needs five things from a project: its settings, its :class:`~veil.deciding.EntityMemory` (so a
person keeps one pseudonym across the CLI and the app), a place for each original document that only the
passphrase opens, a way to open an original again as a :class:`~veil.reading.Document`, and the audit log.
:class:`ReviewProject` is that contract, one line a method.

Until the vault (``veil.vault``) lands, :class:`TransientProject` stands in for it: originals live only in
memory (anonymous in-memory files, never written to disk), so they are gone when the server stops, and
audit events go to the app's own hash-chained table. :func:`open_project` is the one place to switch to the
vault: it unlocks the vault with the passphrase and adapts it to this contract.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from veil.config import Settings, load_settings
from veil.deciding import EntityMemory, InMemory
from veil.errors import ErrorCode, VeilError
from veil.reading import Document, format_for

SETTINGS_FILE = "veil.toml"


class ReviewProject(Protocol):
    """What the review app needs from a project (the vault implements it)."""

    settings: Settings
    memory: EntityMemory

    def keep_original(self, key: str, name: str, data: bytes) -> None:
        """Store an uploaded original under ``key`` (sealed)."""
        ...

    def open_original(self, key: str) -> Document | None:
        """The original as a document, or None when the project does not hold it."""
        ...

    def forget(self, key: str) -> None:
        """Delete the original and everything the project keeps about it."""
        ...

    def audit(self, user: str, action: str, target: str) -> None:
        """Append one event to the project's audit log (no sensitive value in any field)."""
        ...


@dataclass
class _Held:
    name: str
    descriptor: int

    @property
    def path(self) -> Path:
        return Path(f"/proc/self/fd/{self.descriptor}")


@dataclass
class TransientProject:
    """A stand-in for the vault that keeps originals in memory only, for as long as the server runs."""

    folder: Path
    settings: Settings = field(default_factory=Settings)
    memory: EntityMemory = field(default_factory=InMemory)
    _held: dict[str, _Held] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def keep_original(self, key: str, name: str, data: bytes) -> None:
        if not hasattr(os, "memfd_create"):
            raise VeilError(ErrorCode.INTERNAL, "keeping originals in memory needs Linux until the vault is in place")
        descriptor = os.memfd_create(f"veil-{key}", os.MFD_CLOEXEC)
        os.write(descriptor, data)
        with self._lock:
            old = self._held.pop(key, None)
            self._held[key] = _Held(name, descriptor)
        if old:
            os.close(old.descriptor)

    def open_original(self, key: str) -> Document | None:
        with self._lock:
            held = self._held.get(key)
        if held is None:
            return None
        return format_for(Path(held.name)).read(held.path)

    def forget(self, key: str) -> None:
        with self._lock:
            held = self._held.pop(key, None)
        if held:
            os.close(held.descriptor)

    def audit(self, user: str, action: str, target: str) -> None:
        from veil.review.models import append_audit

        append_audit(user, action, target)


def project_settings(folder: Path) -> Settings:
    """The project's ``veil.toml`` (the same file the CLI reads with ``--config``), or the defaults."""
    path = folder / SETTINGS_FILE
    return load_settings(path) if path.is_file() else Settings()


def open_project(folder: Path, passphrase: str) -> ReviewProject:
    """Open the project in ``folder`` with its vault passphrase.

    The passphrase is handed to the vault and not kept. Until the vault exists the stand-in needs none.
    """
    if not folder.is_dir():
        raise VeilError(ErrorCode.PROJECT_NOT_FOUND, f"{folder}: no such project folder")
    del passphrase
    return TransientProject(folder, project_settings(folder))
