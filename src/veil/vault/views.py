"""What a project shows about its documents and entities, and how an analysis is recorded in the vault.

:class:`DocumentInfo` and :class:`EntityInfo` hold no real identifier: ids, types, actions, pseudonyms and
counts, safe for a listing page or a log. Real texts come only through the audited calls of
:class:`~veil.vault.project.Project` (``analysis(..., originals=True)``, ``reveal``, ``export_key``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veil.deciding.people import keys_to_remember
from veil.findings import Decision, Entity
from veil.pipeline import Analysis
from veil.vault.entities import Entities, new_record, with_keys
from veil.writing.report import entity_items, report_head


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """One protected document of the project (no real identifier; ``name`` is the input's file name)."""

    id: int
    created: str
    name: str
    format: str
    languages: Mapping[str, int]
    output: str
    masked_entities: int
    masked_mentions: int


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """One project entity as a reviewer's list shows it: its replacement, never its real text."""

    id: int
    type: str
    label: str
    kind: str
    action: str
    display: str
    reviewed: bool
    documents: tuple[int, ...]
    mentions: int


def document_info(document_id: int, created: str, record: Mapping[str, Any]) -> DocumentInfo:
    summary = record["report"].get("summary", {})
    return DocumentInfo(
        document_id,
        created,
        record["name"],
        record["format"],
        dict(record["languages"]),
        record["output"],
        int(summary.get("masked_entities", 0)),
        int(summary.get("masked_mentions", 0)),
    )


def entity_info(entity_id: int, record: Mapping[str, Any]) -> EntityInfo:
    review = record.get("review")
    return EntityInfo(
        entity_id,
        record["type"],
        record.get("label", ""),
        record.get("kind", ""),
        str(review["action"]) if review else record.get("action", ""),
        record.get("display", ""),
        review is not None,
        tuple(record.get("documents", ())),
        len(record.get("mentions", ())),
    )


def key_entry(entity_id: int, record: Mapping[str, Any]) -> dict[str, Any]:
    """One line of the exported key: the replacement *and* the real mentions (sensitive)."""
    info = entity_info(entity_id, record)
    return {
        "id": entity_id, "type": info.type, "label": info.label, "action": info.action,
        "replacement": info.display, "mentions": list(record.get("mentions", [])), "documents": list(info.documents),
    }  # fmt: skip


def without_originals(report: Mapping[str, Any]) -> dict[str, Any]:
    """A stored analysis with the real text of every masked mention removed (as ``veil protect`` writes it)."""
    clean = copy.deepcopy(dict(report))
    clean["revealed"] = False
    for entity in clean.get("entities", []):
        if entity.get("action") != "keep":
            entity.pop("text", None)
            for mention in entity.get("mentions", []):
                mention.pop("text", None)
    return clean


def record_entity(entities: Entities, entity: Entity, decision: Decision, document_id: int) -> int | None:
    """Add what this document taught about one entity to its project record; the project entity id."""
    if not entity.keys:
        return None
    keys = keys_to_remember(entity) if entity.type == "person" else sorted(entity.keys)
    entity_id = entities.find(entity.type, keys)
    stored = entities.get(entity_id) if entity_id is not None else None
    record = dict(with_keys(stored or new_record(entity.type), keys))
    mentions = list(record.get("mentions", []))
    mentions.extend(m.text for m in entity.mentions if m.text not in mentions)
    documents = [*record.get("documents", []), document_id]
    record.update(
        label=entity.label.value,
        kind=entity.kind.value,
        mentions=mentions,
        display=decision.display,
        action=decision.action.value,
        documents=sorted(set(documents)),
    )
    # one write per entity and document: a new entity is created whole, a known one saved once
    if entity_id is None:
        entity_id = entities.create(record)
    else:
        entities.save(entity_id, record)
    entities.index_keys(entity_id, entity.type, keys)
    return entity_id


def document_record(analysis: Analysis, source: Path, output: Path | None) -> dict[str, Any]:
    """The sealed record of one protection: the analysis as a report *with* originals, and file facts.

    The report's entities are left out (``[]``): they are sealed apart, in parts (:func:`report_entities`).
    """
    return {
        "name": source.name,
        "format": analysis.document.format,
        "languages": analysis.languages,
        "output": str(output) if output else "",
        "report": report_head(analysis, source, output, originals=True),
        "entities": {},
    }


def report_entities(analysis: Analysis) -> Iterator[dict[str, Any]]:
    """The entities of the recorded report (with originals), made a few at a time."""
    return entity_items(analysis, originals=True)
