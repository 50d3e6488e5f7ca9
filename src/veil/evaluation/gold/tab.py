"""TAB's gold JSON (Pilán et al. 2022): a list of documents, each with one set of mentions per annotator.

Each mention has ``entity_id`` (shared by every mention of one entity, unique to its annotator),
``entity_type``, ``identifier_type`` (``DIRECT``, ``QUASI`` or ``NO_MASK``) and ``start_offset`` /
``end_offset``. As in TAB's evaluation script, an entity must be masked when any of its mentions is
``DIRECT`` or ``QUASI`` (then its ``NO_MASK`` mentions may stay), and its type is its first mention's.
One deliberate difference: the entity is direct when *any* mention is ``DIRECT`` (the script takes the
first mention's identifier type); on the TAB files here the two rules give the same result.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from veil.evaluation.gold.base import (
    GOLD_FORMATS,
    Annotation,
    GoldDocument,
    GoldEntity,
    GoldFormat,
    GoldMention,
    check_spans,
    corrupt,
    read_text,
)
from veil.findings import Kind

IDENTIFIER_TYPES = {"DIRECT": Kind.DIRECT, "QUASI": Kind.QUASI, "NO_MASK": None}
MENTION_KEYS = ("entity_id", "entity_type", "identifier_type", "start_offset", "end_offset")


def load_json(path: Path) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise corrupt(path, f"line {error.lineno}", "not valid JSON") from None


def entity_kind(identifier_types: Sequence[str]) -> Kind | None:
    """Direct if any mention is direct, else quasi if any is quasi, else not to be masked."""
    kinds = {IDENTIFIER_TYPES[t] for t in identifier_types}
    if Kind.DIRECT in kinds:
        return Kind.DIRECT
    return Kind.QUASI if Kind.QUASI in kinds else None


def check_mention(path: Path, where: str, mention: Any) -> None:
    if not isinstance(mention, Mapping):
        raise corrupt(path, where, "a mention is not an object")
    missing = [key for key in MENTION_KEYS if key not in mention]
    if missing:
        raise corrupt(path, where, f"a mention lacks {', '.join(missing)}")
    if mention["identifier_type"] not in IDENTIFIER_TYPES:
        raise corrupt(path, where, f"unknown identifier_type {mention['identifier_type']!r}")


def tab_entities(path: Path, where: str, text: str, mentions: Sequence[Any]) -> tuple[GoldEntity, ...]:
    """Entities from TAB-style mention records, in order of first mention."""
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for mention in mentions:
        check_mention(path, where, mention)
        grouped.setdefault(str(mention["entity_id"]), []).append(mention)
    entities = []
    for entity_id, rows in grouped.items():
        spans = [(int(row["start_offset"]), int(row["end_offset"])) for row in rows]
        check_spans(path, where, text, spans)
        golds = tuple(
            GoldMention((span,), IDENTIFIER_TYPES[row["identifier_type"]] is not None)
            for span, row in zip(spans, rows, strict=True)
        )
        label = str(rows[0]["entity_type"])
        kind = entity_kind([row["identifier_type"] for row in rows])
        entities.append(GoldEntity(entity_id, label, label, kind, golds))
    return tuple(entities)


def _document(path: Path, index: int, record: Any) -> GoldDocument:
    where = f"document {index + 1}"
    if not isinstance(record, Mapping) or not {"doc_id", "text", "annotations"} <= record.keys():
        raise corrupt(path, where, "a document needs doc_id, text and annotations")
    text = str(record["text"])
    if not isinstance(record["annotations"], Mapping):
        raise corrupt(path, where, "annotations must map each annotator to its mentions")
    annotations = []
    for annotator, annotated in sorted(record["annotations"].items()):
        if not isinstance(annotated, Mapping) or "entity_mentions" not in annotated:
            raise corrupt(path, where, "an annotation needs entity_mentions")
        entities = tab_entities(path, f"{where}, {annotator}", text, annotated["entity_mentions"])
        annotations.append(Annotation(str(annotator), entities))
    return GoldDocument(str(record["doc_id"]), text, "en", tuple(annotations))


class TabFormat(GoldFormat):
    """A TAB JSON file (``echr_dev.json`` and the subsets in ``shared/data/tab``)."""

    name = "tab"

    def claims(self, path: Path) -> bool:
        return path.is_file() and path.suffix.lower() == ".json"

    def read(self, path: Path) -> Iterator[GoldDocument]:
        records = load_json(path)
        if not isinstance(records, list):
            raise corrupt(path, "top level", "expected a list of documents")
        for index, record in enumerate(records):
            yield _document(path, index, record)


@GOLD_FORMATS.register(TabFormat.name)
def _tab() -> GoldFormat:
    return TabFormat()
