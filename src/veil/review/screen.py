"""What the review screen shows, computed from an analysis: text segments, entity cards and the risk panel.

The text is cut into :class:`Segment` objects: plain runs, and mentions with their entity, kind and
action. The original pane shows mentions as they are written; the protected pane shows their replacements.
Plain runs carry their offset in the original, so a reviewer's selection (in either pane: an identifier
the pipeline missed reads the same in both) maps back to original offsets. The entity cards carry the
reasons as data (source, rule, note), the same :class:`~veil.findings.Why` objects the CLI report uses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from veil.findings import Action, Entity
from veil.pipeline import Analysis

KIND_TITLES = {"direct": "Direct identifier", "quasi": "Quasi-identifier"}


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    entity: str = ""
    kind: str = ""
    action: str = ""


@dataclass
class Card:
    """One entity as the side panel lists it."""

    id: str
    anchor: str
    kind: str
    label: str
    type: str
    action: str
    replacement: str
    mentions: int
    reasons: list[dict[str, Any]]
    reviewed: str = ""
    original: str = ""
    forms: list[str] = field(default_factory=list)

    @property
    def kind_title(self) -> str:
        return KIND_TITLES.get(self.kind, self.kind)


def segments(text: str, analysis: Analysis, protected: bool) -> list[Segment]:
    """``text`` (the original) cut into plain runs and mentions; replacements instead when ``protected``."""
    marks = []
    for entity in analysis.entities:
        decision = analysis.decision_for(entity.id)
        for mention, replacement in zip(entity.mentions, decision.replacements, strict=True):
            shown = replacement if protected and decision.action != Action.KEEP else mention.text
            marks.append((mention.start, mention.end, shown, entity, decision.action.value))
    result: list[Segment] = []
    cursor = 0
    for start, end, shown, entity, action in sorted(marks, key=lambda m: m[0]):
        if start < cursor:
            continue
        if start > cursor:
            result.append(Segment(text[cursor:start], cursor))
        result.append(Segment(shown, start, entity.id, entity.kind.value, action))
        cursor = end
    if cursor < len(text):
        result.append(Segment(text[cursor:], cursor))
    return result


def anchor_key(entity: Entity) -> str:
    """How a card names its entity in forms: the offsets of its first mention (ids change on relinking)."""
    first = entity.mentions[0]
    return f"{first.start}-{first.end}"


def _reasons(entity: Entity, analysis: Analysis) -> list[dict[str, Any]]:
    """Each distinct reason once: why it was found (mentions), then why it was decided so."""
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    whys = [w for m in entity.mentions for w in m.why] + list(analysis.decision_for(entity.id).why)
    for why in whys:
        seen.setdefault((why.source, why.rule, why.note), why.as_dict())
    return list(seen.values())


def cards(analysis: Analysis, originals: bool) -> list[Card]:
    """The entity panel; real mention texts only when the user may see originals."""
    reviewed: dict[str, str] = analysis.extras.get("reviewed", {})
    result = []
    for entity in analysis.entities:
        decision = analysis.decision_for(entity.id)
        kept = decision.action == Action.KEEP
        result.append(Card(
            entity.id, anchor_key(entity), entity.kind.value, entity.label.value, entity.type,
            decision.action.value, decision.display, len(entity.mentions), _reasons(entity, analysis),
            reviewed.get(entity.id, ""),
            entity.canonical if originals or kept else "",
            sorted({m.text for m in entity.mentions}) if originals else [],
        ))  # fmt: skip
    return result


def risk_rows(analysis: Analysis) -> list[tuple[str, str]]:
    """The risk assessor's section (``extras['risk']``) as label/value rows, whatever its shape."""
    risk = analysis.extras.get("risk")
    if risk is None:
        return []
    if not isinstance(risk, dict):
        return [("risk", _plain(risk))]
    return [(str(key).replace("_", " "), _plain(value)) for key, value in risk.items()]


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, str | int):
        return str(value)
    return json.dumps(value, ensure_ascii=False, indent=1, default=str)


def summary(analysis: Analysis) -> dict[str, int]:
    """Counts for the header: entities, masked, kept and reviewed."""
    reviewed = analysis.extras.get("reviewed", {})
    masked = sum(1 for _ in analysis.masked())
    return {
        "entities": len(analysis.entities),
        "masked": masked,
        "kept": len(analysis.entities) - masked,
        "reviewed": len(reviewed),
        "direct": sum(1 for e in analysis.entities if e.kind.value == "direct"),
        "quasi": sum(1 for e in analysis.entities if e.kind.value == "quasi"),
    }
