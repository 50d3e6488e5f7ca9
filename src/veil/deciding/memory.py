"""Where decisions are remembered, so one person gets one pseudonym everywhere.

The pipeline asks an :class:`EntityMemory` before choosing a replacement and tells it what it chose.
Within one run an :class:`InMemory` store keeps documents consistent with each other; a project's
encrypted vault implements the same protocol to keep a whole project consistent across runs, machines
and languages. A record is a flat ``str -> str`` mapping (the surrogate's parts in both scripts, a
generalisation in both languages ...): only the strategy that wrote it reads it.

Keys are tried strongest first (a full name before a surname before a first name), so "Volkov" in a
later document finds the person first met as "Sergey Volkov".
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

Record = Mapping[str, str]


class EntityMemory(Protocol):
    """Recalls and remembers replacement records by entity keys (one line: a key-value store)."""

    def recall(self, type_: str, keys: Sequence[str]) -> Record | None:
        """The record stored under the first of ``keys`` that is known, if any."""
        ...

    def remember(self, type_: str, keys: Sequence[str], record: Record) -> None:
        """Store ``record`` under every one of ``keys`` (existing keys keep their record)."""
        ...

    def taken(self, type_: str) -> set[str]:
        """Replacement values already given to some entity of this type (to avoid giving them twice)."""
        ...


@runtime_checkable
class ReviewedMemory(Protocol):
    """A memory that also knows the action a reviewer chose for an entity (a project's vault does)."""

    def reviewed_action(self, type_: str, keys: Sequence[str]) -> str | None:
        """The action (``keep``, ``pseudonym``, ``generalize``, ``redact``) a person set, if any."""
        ...


class InMemory:
    """An :class:`EntityMemory` that lives as long as the process (thread-safe)."""

    def __init__(self) -> None:
        self._records: dict[tuple[str, str], Record] = {}
        self._taken: dict[str, set[str]] = {}
        self._lock = threading.Lock()

    def recall(self, type_: str, keys: Sequence[str]) -> Record | None:
        with self._lock:
            for key in keys:
                record = self._records.get((type_, key))
                if record is not None:
                    return record
        return None

    def remember(self, type_: str, keys: Sequence[str], record: Record) -> None:
        with self._lock:
            for key in keys:
                self._records.setdefault((type_, key), dict(record))
            value = record.get("value")
            if value:
                self._taken.setdefault(type_, set()).add(value)

    def taken(self, type_: str) -> set[str]:
        with self._lock:
            return set(self._taken.get(type_, set()))
