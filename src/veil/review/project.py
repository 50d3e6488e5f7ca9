"""The seam between the review app and the project's vault.

The app needs a few things from a project: its settings and :class:`~veil.deciding.EntityMemory` (so a
person keeps one pseudonym across the CLI and the app), a place for each original that only the
passphrase opens, the documents the project already holds (protected from the command line, say), and
the audit log. :class:`ReviewProject` is that contract, one line a method. Keys are the app's testimony
ids; ``document`` is the project's own id for the same document, once it has one.

:class:`~veil.review.vaulted.VaultProject` implements it on the project vault (``veil.vault``), the same
vault the command line uses; :class:`Staging` holds an upload in memory (anonymous in-memory files,
never written to disk) until the vault has sealed it.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from veil.config import Settings
from veil.deciding import EntityMemory
from veil.errors import ErrorCode, VeilError
from veil.pipeline import Analysis
from veil.reading import Document, format_for


@dataclass(frozen=True)
class ProjectDocument:
    """A document the project holds, as the archive lists it (no real identifier)."""

    id: int
    format: str
    language: str
    protected: Path | None


class ReviewProject(Protocol):
    """What the review app needs from a project (the vault implements it)."""

    settings: Settings
    memory: EntityMemory

    def keep_original(self, key: str, name: str, data: bytes) -> None:
        """Hold an uploaded original (in memory) until it is recorded."""
        ...

    def record(self, key: str, analysis: Analysis, actor: str) -> int | None:
        """Seal the original and this protected version in the project; the project's document id."""
        ...

    def open_original(self, key: str, document: int | None, actor: str) -> Document | None:
        """The original as a document (audited when it comes out of the vault), or None."""
        ...

    def adopt_decisions(self, document: int | None, analysis: Analysis, actor: str) -> None:
        """Make the reviewers' decisions the project's, so later documents follow them."""
        ...

    def forget(self, key: str, document: int | None, actor: str) -> None:
        """Drop the held original and, if given, delete that document (and its original) from the project."""
        ...

    def documents(self) -> list[ProjectDocument]:
        """Every document the project holds (the archive adds those it does not know yet)."""
        ...

    def audit(self, user: str, action: str, target: str, document: int | None = None) -> None:
        """Append one event to the project's audit log (no sensitive value in any field)."""
        ...


@dataclass
class _Held:
    name: str
    descriptor: int

    @property
    def path(self) -> Path:
        return Path(f"/proc/self/fd/{self.descriptor}")


class Staging:
    """Originals held in anonymous in-memory files (Linux ``memfd``): a path for the readers, no disk."""

    def __init__(self) -> None:
        self._held: dict[str, _Held] = {}
        self._lock = threading.Lock()

    def keep(self, key: str, name: str, data: bytes) -> None:
        if not hasattr(os, "memfd_create"):
            raise VeilError(ErrorCode.INTERNAL, "keeping originals in memory needs Linux")
        descriptor = os.memfd_create(f"veil-{key}", os.MFD_CLOEXEC)
        os.write(descriptor, data)
        with self._lock:
            old = self._held.pop(key, None)
            self._held[key] = _Held(name, descriptor)
        if old:
            os.close(old.descriptor)

    def path(self, key: str) -> tuple[str, Path] | None:
        """The original's file name and a path that reads it, if held."""
        with self._lock:
            held = self._held.get(key)
        return (held.name, held.path) if held else None

    def open(self, key: str) -> Document | None:
        found = self.path(key)
        return format_for(Path(found[0])).read(found[1]) if found else None

    def drop(self, key: str) -> None:
        with self._lock:
            held = self._held.pop(key, None)
        if held:
            os.close(held.descriptor)


def open_project(folder: Path, passphrase: str) -> ReviewProject:
    """Unlock the project vault in ``folder`` (the passphrase is handed to the vault, not kept)."""
    from veil.review.vaulted import VaultProject
    from veil.vault import Project

    return VaultProject(Project.open(folder, passphrase, lock_timeout=5.0, actor="veil serve"))
