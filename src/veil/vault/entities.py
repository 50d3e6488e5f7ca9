"""Project entities in the vault, and the :class:`~veil.deciding.memory.EntityMemory` built on them.

A project entity is one real person (or number, place ...) across all documents of the project. Its
sealed record holds its type, its keys and real mentions, its replacement record (the pseudonym or the
generalisation, exactly as the deciding strategy wrote it), the last automatic action, a reviewer's
decision if any, and the documents it appears in::

    {"type": "person", "keys": ["person:volkov", ...], "mentions": ["Сергея Волкова", ...],
     "replacement": {...}, "display": "Андрей Котов", "action": "pseudonym",
     "review": {"action": "keep", "by": "anna", "at": "..."} | null, "documents": [3, 5]}

Keys are never stored in the clear: the ``entity_keys`` table maps ``HMAC(index key, type, key)`` to the
entity id. :class:`VaultMemory` keeps the memory protocol's rule exactly as :class:`InMemory` does (a
key, once stored, keeps its record; the strategy decides which keys to ask, e.g. a relative's surname);
keys stored with the same record belong to one entity.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from veil.deciding.memory import InMemory, Record
from veil.vault.store import typed
from veil.vault.vault import Vault


def _purpose(entity_id: int) -> str:
    return f"entity/{entity_id}/record"


class Entities:
    """Find, read and write sealed entity records (the whole table is cached per process)."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        # A key's tag is an HMAC: the same keys are asked for again and again while a project is decided
        # (every mention of a known person, every document), so the last ones are kept in this process.
        self._tag = functools.lru_cache(maxsize=1 << 15)(self._compute_tag)

    def _compute_tag(self, type_: str, key: str) -> bytes:
        return self.vault.keys.tag("entity-key", f"{type_}\x00{key}")

    def _key_index(self) -> dict[bytes, int]:
        """Every key tag's entity id (read once, then kept up to date until another process writes)."""
        cached: dict[bytes, int] | None = self.vault.cached("entity-keys")
        if cached is not None:
            return cached
        with self.vault.store.reading() as db:
            rows = db.execute("SELECT tag, entity_id FROM entity_keys").fetchall()
        index = {tag: entity_id for tag, entity_id in (typed(row, "bi") for row in rows)}
        self.vault.cache("entity-keys", index)
        return index

    def _table(self) -> dict[int, dict[str, Any]]:
        """Every entity record by id (decrypted once, then kept until another process writes)."""
        cached: dict[int, dict[str, Any]] | None = self.vault.cached("entities")
        if cached is not None:
            return cached
        with self.vault.store.reading() as db:
            rows = db.execute("SELECT id, record FROM entities ORDER BY id").fetchall()
        loaded = {}
        for row in rows:
            entity_id, blob = typed(row, "ib")
            loaded[entity_id] = self.vault.keys.open_json(_purpose(entity_id), blob)
        self.vault.cache("entities", loaded)
        return loaded

    def all(self) -> dict[int, dict[str, Any]]:
        return dict(self._table())

    def get(self, entity_id: int) -> dict[str, Any] | None:
        return self._table().get(entity_id)

    def find(self, type_: str, keys: Sequence[str]) -> int | None:
        """The entity stored under the first of ``keys`` that is known (the memory protocol's rule)."""
        index = self._key_index()
        for key in keys:
            entity_id = index.get(self._tag(type_, key))
            if entity_id is None:
                continue
            record = self.get(entity_id)
            if record is not None and record["type"] == type_:
                return entity_id
        return None

    def create(self, record: Mapping[str, Any]) -> int:
        with self.vault.transaction() as db:
            entity_id = int(db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM entities").fetchone()[0])
            db.execute(
                "INSERT INTO entities(id, record) VALUES (?, ?)",
                (entity_id, self.vault.keys.seal_json(_purpose(entity_id), dict(record))),
            )
        self._cache_put(entity_id, dict(record))
        return entity_id

    def save(self, entity_id: int, record: Mapping[str, Any]) -> None:
        with self.vault.transaction() as db:
            sealed = self.vault.keys.seal_json(_purpose(entity_id), dict(record))
            db.execute("UPDATE entities SET record = ? WHERE id = ?", (sealed, entity_id))
        self._cache_put(entity_id, dict(record))

    def link_keys(self, entity_id: int, type_: str, keys: Sequence[str]) -> None:
        """Index ``keys`` to the entity (keys already taken by another entity keep theirs), and list them
        in its record."""
        record = self.get(entity_id)
        if record is None:
            return
        with self.vault.transaction():
            self.index_keys(entity_id, type_, keys)
            listed = with_keys(record, keys)
            if listed is not record:
                self.save(entity_id, listed)

    def index_keys(self, entity_id: int, type_: str, keys: Sequence[str]) -> None:
        """Index ``keys`` to the entity, leaving its record as it is (the caller saves the keys in it,
        with :func:`with_keys`, in the same write as the rest)."""
        with self.vault.transaction() as db:
            index = self._key_index()
            for key in keys:
                tag = self._tag(type_, key)
                if tag in index:
                    continue  # a key once stored keeps its entity (what INSERT OR IGNORE would do)
                db.execute("INSERT INTO entity_keys(tag, entity_id) VALUES (?, ?)", (tag, entity_id))
                index[tag] = entity_id

    def taken(self, type_: str) -> set[str]:
        """The replacement values given to entities of ``type_`` (indexed once, kept up to date)."""
        index: dict[str, set[str]] | None = self.vault.cached("taken")
        if index is None:
            index = {}
            for record in self._table().values():
                _index_value(index, record)
            self.vault.cache("taken", index)
        return set(index.get(type_, ()))

    def any_reviewed(self) -> bool:
        """Whether a reviewer decided any entity of the project (most batch projects: none, so deciding
        need not look each entity up for a review)."""
        reviewed: bool | None = self.vault.cached("any-reviewed")
        if reviewed is None:
            reviewed = any(record.get("review") for record in self._table().values())
            self.vault.cache("any-reviewed", reviewed)
        return reviewed

    def _cache_put(self, entity_id: int, record: dict[str, Any]) -> None:
        table = self._table()
        before = table.get(entity_id)
        table[entity_id] = record
        if record.get("review"):
            self.vault.cache("any-reviewed", True)
        index: dict[str, set[str]] | None = self.vault.cached("taken")
        if index is None:
            return
        if before is not None and _value(before) and _value(before) != _value(record):
            self.vault.cache("taken", None)  # a value was given back: rebuild the index when next asked
        else:
            _index_value(index, record)


def _value(record: Mapping[str, Any]) -> str:
    replacement = record.get("replacement")
    return str(replacement["value"]) if replacement and replacement.get("value") else ""


def _index_value(index: dict[str, set[str]], record: Mapping[str, Any]) -> None:
    value = _value(record)
    if value:
        index.setdefault(record["type"], set()).add(value)


def with_keys(record: Mapping[str, Any], keys: Sequence[str]) -> Mapping[str, Any]:
    """``record`` listing ``keys`` too (the same object when it lists them all already)."""
    missing = [key for key in dict.fromkeys(keys) if key not in record["keys"]]
    return {**record, "keys": [*record["keys"], *missing]} if missing else record


def new_record(type_: str) -> dict[str, Any]:
    return {
        "type": type_, "keys": [], "mentions": [], "replacement": None, "display": "",
        "action": "", "label": "", "kind": "", "review": None, "documents": [],
    }  # fmt: skip


class VaultMemory:
    """The vault as the pipeline's :class:`~veil.deciding.memory.EntityMemory` (and its reviewed actions).

    With ``writable=False`` (``veil detect``), what the pipeline remembers stays in this process and the
    vault is only read.
    """

    def __init__(self, entities: Entities, *, writable: bool = True) -> None:
        self.entities = entities
        self.writable = writable
        self._overlay = InMemory()

    def recall(self, type_: str, keys: Sequence[str]) -> Record | None:
        local = self._overlay.recall(type_, keys)
        if local is not None:
            return local
        entity_id = self.entities.find(type_, keys)
        record = self.entities.get(entity_id) if entity_id is not None else None
        replacement = record.get("replacement") if record else None
        return dict(replacement) if replacement else None

    def remember(self, type_: str, keys: Sequence[str], record: Record) -> None:
        if not self.writable:
            self._overlay.remember(type_, keys, record)
            return
        wanted = dict(record)
        holders = {key: self.entities.find(type_, [key]) for key in keys}
        target = None
        for entity_id in dict.fromkeys(e for e in holders.values() if e is not None):
            stored = self.entities.get(entity_id) or new_record(type_)
            if not stored.get("replacement"):  # known, but never given a replacement (a redacted number)
                self.entities.save(entity_id, {**stored, "replacement": wanted})
                stored = {**stored, "replacement": wanted}
            if target is None and stored["replacement"] == wanted:
                target = entity_id
        unknown = [key for key, holder in holders.items() if holder is None]
        if not unknown:
            return
        if target is None:  # a new entity is written once, its keys in it
            target = self.entities.create({**new_record(type_), "replacement": wanted, "keys": list(unknown)})
        self.entities.link_keys(target, type_, unknown)

    def taken(self, type_: str) -> set[str]:
        return self.entities.taken(type_) | self._overlay.taken(type_)

    def reviewed_action(self, type_: str, keys: Sequence[str]) -> str | None:
        """The action a reviewer set for this entity, if any (the decider then follows it)."""
        if not self.entities.any_reviewed():
            return None
        entity_id = self.entities.find(type_, keys)
        record = self.entities.get(entity_id) if entity_id is not None else None
        review = record.get("review") if record else None
        return str(review["action"]) if review else None
