"""The report that sits next to a protected document: JSON for machines, HTML for people.

It lists every entity, every mention with its offsets in the original and in the protected text, the
decision and the reasons. By default it holds no real identifier: a mention is shown by its replacement
in a snippet of the *protected* text. With ``originals=True`` (``--report-originals``) each masked
mention also carries its original text; such a report is as sensitive as the original document.
Public facts that were kept are shown as they are, since they are not secret.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veil import __version__
from veil.findings import Action, Detection, Edit
from veil.pipeline import Analysis
from veil.reading.base import TextUnit, apply_edits

SNIPPET_CHARS = 60
REPORT_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Snippet:
    before: str
    middle: str
    after: str


def report_paths(output: Path) -> tuple[Path, Path]:
    """Where the JSON and HTML reports of ``output`` go: ``<name>.report.json`` / ``.report.html``."""
    stem = output.stem if output.suffix else output.name
    return output.with_name(f"{stem}.report.json"), output.with_name(f"{stem}.report.html")


def _protected_offsets(edits: Sequence[Edit]) -> dict[tuple[int, int], tuple[int, int]]:
    """Original span -> span in the protected text, for every edit."""
    shift = 0
    mapping = {}
    for edit in edits:
        start = edit.start + shift
        mapping[(edit.start, edit.end)] = (start, start + len(edit.replacement))
        shift += len(edit.replacement) - (edit.end - edit.start)
    return mapping


def _snippets(units: Iterator[TextUnit], mentions: Sequence[Detection], edits: Sequence[Edit]) -> dict[int, Snippet]:
    """Context of each mention (by start offset), as it reads in the protected text."""
    wanted = sorted(mentions, key=lambda m: m.start)
    by_start = {e.start: e for e in edits}
    result: dict[int, Snippet] = {}
    index = 0
    for unit in units:
        while index < len(wanted) and wanted[index].start < unit.end:
            mention = wanted[index]
            index += 1
            if mention.start < unit.start:
                continue
            local_start, local_end = mention.start - unit.start, mention.end - unit.start
            window_start = max(0, local_start - SNIPPET_CHARS)
            window_end = min(len(unit.text), local_end + SNIPPET_CHARS)
            before = apply_edits(unit.text[window_start:local_start], unit.start + window_start, edits)
            after = apply_edits(unit.text[local_end:window_end], unit.start + local_end, edits)
            edit = by_start.get(mention.start)
            middle = edit.replacement if edit else unit.text[local_start:local_end]
            result[mention.start] = Snippet(_clip_left(before), middle, _clip_right(after))
    return result


def _clip_left(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) < SNIPPET_CHARS else "…" + text[-SNIPPET_CHARS:]


def _clip_right(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) < SNIPPET_CHARS else text[:SNIPPET_CHARS] + "…"


def build_report(analysis: Analysis, source: Path, output: Path | None, *, originals: bool = False) -> dict[str, Any]:
    """The report as a JSON-ready dictionary (see the module docstring for what it may contain)."""
    edits = analysis.edits()
    offsets = _protected_offsets(edits)
    all_mentions = [m for e in analysis.entities for m in e.mentions]
    snippets = _snippets(analysis.document.units(), all_mentions, edits)
    decisions = {d.entity_id: d for d in analysis.decisions}
    entities = []
    for entity in analysis.entities:
        decision = decisions[entity.id]
        kept = decision.action == Action.KEEP
        mentions = []
        for mention, replacement in zip(entity.mentions, decision.replacements, strict=True):
            item: dict[str, Any] = {
                "start": mention.start,
                "end": mention.end,
                "protected_start": offsets.get((mention.start, mention.end), (None, None))[0],
                "protected_end": offsets.get((mention.start, mention.end), (None, None))[1],
                "replacement": replacement,
                "why": [w.as_dict() for w in mention.why],
            }
            if kept or originals:
                item["text"] = mention.text
            snippet = snippets.get(mention.start)
            if snippet is not None:
                item["context"] = {"before": snippet.before, "after": snippet.after}
            mentions.append(item)
        entities.append({
            "id": entity.id,
            "label": entity.label.value,
            "kind": entity.kind.value,
            "type": entity.type,
            "action": decision.action.value,
            "replacement": decision.display,
            "why": [w.as_dict() for w in decision.why],
            "mentions": mentions,
            **({"text": entity.canonical} if kept or originals else {}),
        })  # fmt: skip
    return {
        "veil": __version__,
        "report_format": REPORT_FORMAT,
        "revealed": originals,
        "document": {
            "input": str(source),
            "output": str(output) if output else None,
            "format": analysis.document.format,
            "characters": analysis.characters,
            "languages": analysis.languages,
            "notes": list(analysis.document.extra_findings()),
        },
        "summary": _summary(analysis),
        "entities": entities,
        **analysis.extras,
    }


def _summary(analysis: Analysis) -> dict[str, Any]:
    actions: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    mentions = 0
    decisions = {d.entity_id: d for d in analysis.decisions}
    for entity in analysis.entities:
        decision = decisions[entity.id]
        actions[decision.action.value] += 1
        if decision.action != Action.KEEP:
            labels[entity.label.value] += 1
            kinds[entity.kind.value] += 1
            mentions += len(entity.mentions)
    return {
        "entities": len(analysis.entities),
        "masked_entities": sum(n for a, n in actions.items() if a != Action.KEEP.value),
        "masked_mentions": mentions,
        "by_action": dict(actions),
        "by_label": dict(labels),
        "by_kind": dict(kinds),
    }


def report_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
