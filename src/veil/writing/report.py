"""The report that sits next to a protected document: JSON for machines, HTML for people.

It lists every entity, every mention with its offsets in the original and in the protected text, the
decision and the reasons. By default it holds no real identifier: a mention is shown by its replacement
in a snippet of the *protected* text. With ``originals=True`` (``--report-originals``) each masked
mention also carries its original text; such a report is as sensitive as the original document.
Public facts that were kept are shown as they are, since they are not secret.
"""

from __future__ import annotations

import bisect
import json
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from veil import __version__
from veil.findings import Action, Decision, Detection, Edit, Entity, Why
from veil.pipeline import Analysis
from veil.reading.base import TextUnit, apply_edits

SNIPPET_CHARS = 60
REPORT_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Snippet:
    """The protected text around a mention, not yet clipped to ``SNIPPET_CHARS`` (clipping adds "…", which
    would make Python store every character of the string in two bytes while a pass holds many)."""

    before: str
    after: str


def report_paths(output: Path) -> tuple[Path, Path]:
    """Where the JSON and HTML reports of ``output`` go: ``<name>.report.json`` / ``.report.html``."""
    stem = output.stem if output.suffix else output.name
    return output.with_name(f"{stem}.report.json"), output.with_name(f"{stem}.report.html")


class EditIndex:
    """A document's sorted edits with their starts and ends as plain integer lists, searched by bisection
    (once per mention, so the search compares integers, not edits)."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.edits = edits
        self.starts = [e.start for e in edits]
        self.ends = [e.end for e in edits]

    def between(self, start: int, end: int) -> Sequence[Edit]:
        """The edits that can touch ``[start, end)`` (as :func:`veil.reading.base.edits_between`)."""
        return self.edits[bisect.bisect_right(self.ends, start) : bisect.bisect_left(self.starts, end)]

    def at(self, start: int) -> int | None:
        """The index of the edit starting at ``start``, if any."""
        index = bisect.bisect_left(self.starts, start)
        return index if index < len(self.starts) and self.starts[index] == start else None


class ProtectedOffsets:
    """Where each edited span lands in the protected text (one sorted array, searched by bisection)."""

    def __init__(self, index: EditIndex) -> None:
        self._index = index
        self._shift_before = array("q")
        shift = 0
        for edit in index.edits:
            self._shift_before.append(shift)
            shift += len(edit.replacement) - (edit.end - edit.start)

    def get(self, start: int, end: int) -> tuple[int | None, int | None]:
        """The protected span of the edit of exactly ``[start, end)``, or ``(None, None)`` if none."""
        index = self._index.at(start)
        if index is not None and self._index.ends[index] == end:
            new_start = start + self._shift_before[index]
            return new_start, new_start + len(self._index.edits[index].replacement)
        return None, None


def _snippets(units: Iterator[TextUnit], mentions: Sequence[Detection], edits: EditIndex) -> dict[int, Snippet]:
    """Context of each mention (by start offset), as it reads in the protected text."""
    wanted = sorted(mentions, key=lambda m: m.start)
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
            start, end = unit.start + window_start, unit.start + local_start
            before = apply_edits(unit.text[window_start:local_start], start, edits.between(start, end))
            start, end = unit.start + local_end, unit.start + window_end
            after = apply_edits(unit.text[local_end:window_end], start, edits.between(start, end))
            result[mention.start] = Snippet(before, after)
        if index == len(wanted):
            break
    return result


def _clip_left(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) < SNIPPET_CHARS else "…" + text[-SNIPPET_CHARS:]


def _clip_right(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) < SNIPPET_CHARS else text[:SNIPPET_CHARS] + "…"


def build_report(analysis: Analysis, source: Path, output: Path | None, *, originals: bool = False) -> dict[str, Any]:
    """The report as a JSON-ready dictionary (see the module docstring for what it may contain)."""
    report = report_head(analysis, source, output, originals=originals)
    report["entities"] = [{**e, "mentions": list(e["mentions"])} for e in entity_items(analysis, originals=originals)]
    return report


def report_head(analysis: Analysis, source: Path, output: Path | None, *, originals: bool = False) -> dict[str, Any]:
    """Everything in the report but the entities (their place is kept, empty, in the key order)."""
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
        "entities": [],
        **analysis.extras,
    }


def entity_items(analysis: Analysis, *, originals: bool = False, kept: bool | None = None) -> Iterator[dict[str, Any]]:
    """The report's entities, in order (with ``kept``, only those kept or not).

    Each item's ``mentions`` is a :class:`MentionItems`: the mentions' items are made when it is iterated,
    not before (a mention's context needs a pass over the document's text, and the report page only counts
    the mentions of a kept entity). One pass makes the contexts of the mentions of several entities, at
    most ``SNIPPET_BATCH`` of them, so that holding them never takes more memory than the rest of the run;
    an entity with more mentions than that (the main character of a very long document) has its own passes.
    """
    edits = EditIndex(analysis.edits())
    offsets = ProtectedOffsets(edits)
    decisions = {d.entity_id: d for d in analysis.decisions}
    chosen = [e for e in analysis.entities if kept is None or (decisions[e.id].action == Action.KEEP) == kept]
    reasons: dict[Why, dict[str, Any]] = {}  # one dictionary per distinct reason, shared by its mentions

    def mention_items(entity: Entity, contexts: _Contexts | None) -> Callable[[], Iterator[dict[str, Any]]]:
        def make() -> Iterator[dict[str, Any]]:
            decision = decisions[entity.id]
            for first in range(0, len(entity.mentions), SNIPPET_BATCH):
                mentions = entity.mentions[first : first + SNIPPET_BATCH]
                snippets = (contexts or _Contexts(analysis, mentions, edits)).snippets()
                replacements = decision.replacements[first : first + SNIPPET_BATCH]
                for mention, replacement in zip(mentions, replacements, strict=True):
                    yield _mention_item(mention, replacement, decision, snippets, offsets, reasons, originals)

        return make

    for group in _groups(chosen):
        shared = _Contexts(analysis, [m for e in group for m in e.mentions], edits) if len(group) > 1 else None
        for entity in group:
            # an entity alone in its group makes its contexts on each iteration: nothing outlives it
            mentions = MentionItems(len(entity.mentions), mention_items(entity, shared))
            yield _entity_item(entity, decisions[entity.id], mentions, reasons, originals)


SNIPPET_BATCH = 50_000


class MentionItems:
    """The report items of one entity's mentions, made each time they are iterated."""

    def __init__(self, count: int, make: Callable[[], Iterator[dict[str, Any]]]) -> None:
        self._count = count
        self._make = make

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self._make()


class _Contexts:
    """The contexts of some mentions, made in one pass over the document when first asked for."""

    def __init__(self, analysis: Analysis, mentions: Sequence[Detection], edits: EditIndex) -> None:
        self._analysis = analysis
        self._mentions = mentions
        self._edits = edits
        self._made: dict[int, Snippet] | None = None

    def snippets(self) -> dict[int, Snippet]:
        if self._made is None:
            self._made = _snippets(self._analysis.document.units(), self._mentions, self._edits)
        return self._made


def _groups(entities: Sequence[Entity]) -> Iterator[Sequence[Entity]]:
    """Runs of entities with at most ``SNIPPET_BATCH`` mentions in all; an entity with more is alone."""
    first, mentions = 0, 0
    for index, entity in enumerate(entities):
        if index > first and mentions + len(entity.mentions) > SNIPPET_BATCH:
            yield entities[first:index]
            first, mentions = index, 0
        mentions += len(entity.mentions)
    if first < len(entities):
        yield entities[first:]


def _mention_item(
    mention: Detection,
    replacement: str,
    decision: Decision,
    snippets: dict[int, Snippet],
    offsets: ProtectedOffsets,
    reasons: dict[Why, dict[str, Any]],
    originals: bool,
) -> dict[str, Any]:
    protected_start, protected_end = offsets.get(mention.start, mention.end)
    item: dict[str, Any] = {
        "start": mention.start,
        "end": mention.end,
        "protected_start": protected_start,
        "protected_end": protected_end,
        "replacement": replacement,
        "why": [reasons.setdefault(w, w.as_dict()) for w in mention.why],
    }
    if decision.action == Action.KEEP or originals:
        item["text"] = mention.text
    snippet = snippets.get(mention.start)
    if snippet is not None:
        item["context"] = {"before": _clip_left(snippet.before), "after": _clip_right(snippet.after)}
    return item


def _entity_item(entity: Entity, decision: Decision, mentions: MentionItems, reasons: dict[Why, dict[str, Any]],
                 originals: bool) -> dict[str, Any]:  # fmt: skip
    kept = decision.action == Action.KEEP
    return {
        "id": entity.id,
        "label": entity.label.value,
        "kind": entity.kind.value,
        "type": entity.type,
        "action": decision.action.value,
        "replacement": decision.display,
        "why": [reasons.setdefault(w, w.as_dict()) for w in decision.why],
        "mentions": mentions,
        **({"text": entity.canonical} if kept or originals else {}),
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


def write_report_json(out: BinaryIO, analysis: Analysis, source: Path, output: Path | None, *,
                      originals: bool = False) -> None:  # fmt: skip
    """Write the JSON report to ``out`` mention by mention: the same bytes as ``report_json(build_report(...))``
    without ever holding the whole report, an entity's mentions, or their text, in memory."""
    head = report_head(analysis, source, output, originals=originals)
    before, after = report_json(head).split('"entities": []', 1)
    out.write(before.encode("utf-8"))
    out.write(b'"entities": [')
    separator = "\n"
    for entity in entity_items(analysis, originals=originals):
        out.write(separator.encode("utf-8"))
        for text in _entity_json(entity):
            out.write(text.encode("utf-8"))
        separator = ",\n"
    out.write(b"\n  ]" if separator != "\n" else b"]")
    out.write(after.encode("utf-8"))


_JSON = json.JSONEncoder(ensure_ascii=False, indent=2)


def _entity_json(entity: dict[str, Any]) -> Iterator[str]:
    """An entity as it reads in the report (``json.dumps(entity, indent=2)`` indented by four spaces), a
    mention at a time. json escapes every line break inside strings, so each one here is between lines."""
    head, tail = _JSON.encode({**entity, "mentions": []}).split('"mentions": []', 1)
    yield "    " + head.replace("\n", "\n    ") + '"mentions": ['
    separator = "\n"
    for mention in entity["mentions"]:
        yield separator + "        " + _JSON.encode(mention).replace("\n", "\n        ")
        separator = ",\n"
    yield ("\n      ]" if separator != "\n" else "]") + tail.replace("\n", "\n    ")
