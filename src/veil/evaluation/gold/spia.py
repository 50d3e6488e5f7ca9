"""SPIA's PANORAMA JSON lines: one synthetic first-person post per line, with TAB-style mentions.

Each line is ``{"metadata": {"data_id", ...}, "text", "entities": [...]}`` where every entity record is a
TAB mention (``entity_id``, ``entity_type``, ``identifier_type``, offsets, ``span_text``). Each record
also names an ``annotator``, but one document's records come from one merged annotation, so a document
is read as one annotation.

A handful of records (5 of 580 in ``entity_panorama_151.jsonl``) have offsets a few characters off their
``span_text``, inside hashtags; the reader moves such a span to the nearest occurrence of its
``span_text`` and leaves it as given when the text does not contain it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from veil.evaluation.gold.base import GOLD_FORMATS, Annotation, GoldDocument, GoldFormat, corrupt, read_text
from veil.evaluation.gold.tab import tab_entities

ANNOTATOR = "spia"


def repaired(text: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` with its offsets moved onto its ``span_text`` when they miss it."""
    fixed = dict(record)
    wanted = record.get("span_text")
    start, end = int(record.get("start_offset", 0)), int(record.get("end_offset", 0))
    if not wanted or text[start:end] == wanted:
        return fixed
    found = [match.start() for match in re.finditer(re.escape(wanted), text)]
    if found:
        best = min(found, key=lambda i: abs(i - start))
        fixed["start_offset"], fixed["end_offset"] = best, best + len(wanted)
    return fixed


def _document(path: Path, number: int, line: str) -> GoldDocument:
    where = f"line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        raise corrupt(path, where, "not valid JSON") from None
    if not isinstance(record, Mapping) or not {"text", "entities"} <= record.keys():
        raise corrupt(path, where, "a record needs text and entities")
    text = str(record["text"])
    metadata = record.get("metadata") or {}
    doc_id = str(metadata.get("data_id") or f"line-{number}")
    mentions = [repaired(text, m) if isinstance(m, Mapping) else m for m in record["entities"]]
    entities = tab_entities(path, where, text, mentions)
    return GoldDocument(doc_id, text, "en", (Annotation(ANNOTATOR, entities),))


class SpiaFormat(GoldFormat):
    """A SPIA JSON-lines file (``entity_panorama_151.jsonl``)."""

    name = "spia"

    def claims(self, path: Path) -> bool:
        return path.is_file() and path.suffix.lower() == ".jsonl"

    def read(self, path: Path) -> Iterator[GoldDocument]:
        for number, line in enumerate(read_text(path).splitlines(), start=1):
            if line.strip():
                yield _document(path, number, line)


@GOLD_FORMATS.register(SpiaFormat.name)
def _spia() -> GoldFormat:
    return SpiaFormat()
