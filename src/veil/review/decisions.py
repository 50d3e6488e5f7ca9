"""Reviewers' decisions applied to an analysis.

Detection (the slow stage) runs once per document; its spans are kept in memory with the document. Each
time a reviewer acts, the analysis is rebuilt from them: the spans a reviewer added join the detected ones,
linking and propagation run again (so a missed name, once marked, is replaced in every mention and every
form), the decider decides, and then the reviewers' changes are applied in the order they were made.

A change finds its entity by the offsets of one mention (its anchor), because entity ids are renumbered
when linking runs again; a change whose anchor no longer belongs to any entity is ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from veil.deciding import DecisionContext
from veil.deciding.base import STRATEGIES
from veil.deciding.people import record_from_name
from veil.deciding.surrogates import display_name, render_person, words_of
from veil.findings import Action, Decision, Detection, Entity, Kind, Label, Why
from veil.pipeline import ASSESSORS, Analysis, Pipeline
from veil.reading import Document, apply_edits


@dataclass(frozen=True)
class Verdict:
    """One reviewer decision (a row of :class:`~veil.review.models.Change`), as plain data."""

    anchor: tuple[int, int]
    verdict: str
    replacement: str = ""


@dataclass(frozen=True)
class Missed:
    """A span a reviewer marked as missed, and what kind of identifier it is."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class MissedKind:
    label: Label
    kind: Kind
    type: str
    title: str


# What a reviewer can say a missed span is (the form's choices), and how it enters the pipeline.
MISSED_KINDS: dict[str, MissedKind] = {
    "person": MissedKind(Label.PERSON, Kind.DIRECT, "person", "Person's name"),
    "place": MissedKind(Label.LOC, Kind.QUASI, "place", "Place"),
    "organisation": MissedKind(Label.ORG, Kind.QUASI, "organization", "Organisation"),
    "date": MissedKind(Label.DATETIME, Kind.QUASI, "date", "Date"),
    "number": MissedKind(Label.CODE, Kind.DIRECT, "number", "Number or code"),
    "other": MissedKind(Label.MISC, Kind.QUASI, "other", "Other detail"),
}
ADDED_WHY = Why("review.added", "reviewer", 1.0, "marked by a reviewer as missed")
REVIEWED_WHY = {
    "accept": Why("review.accept", "reviewer", 1.0, "accepted by a reviewer"),
    "keep": Why("review.reject", "reviewer", 1.0, "rejected by a reviewer: the original stays"),
    "change": Why("review.change", "reviewer", 1.0, "changed by a reviewer"),
}


@dataclass
class Detected:
    """A document and what detection found in it: the part of an analysis worth keeping between requests."""

    document: Document
    detections: list[Detection]
    languages: dict[str, int]


def missed_detection(text: str, missed: Missed, lang: str) -> Detection:
    """A reviewer-marked span as a detection (``text`` is the document's text)."""
    kind = MISSED_KINDS[missed.kind]
    return Detection(missed.start, missed.end, text[missed.start : missed.end], kind.label, kind.kind, kind.type,
                     lang, (ADDED_WHY,))  # fmt: skip


def rebuild(pipeline: Pipeline, detected: Detected, missed: Sequence[Missed], verdicts: Sequence[Verdict]) -> Analysis:
    """The analysis with reviewers' added spans and changes applied (see the module docstring)."""
    text = detected.document.text() if missed else ""
    lang = max(detected.languages, key=lambda k: detected.languages[k]) if detected.languages else "en"
    added = [missed_detection(text, m, lang) for m in missed if 0 <= m.start < m.end <= len(text)]
    # A reviewer's span wins over anything it overlaps: drop detector spans that overlap it.
    kept = [d for d in detected.detections if not any(d.overlaps(a) for a in added)]
    entities = pipeline.link(kept + added, detected.document)
    analysis = pipeline.finish(detected.document, detected.languages, entities)
    if verdicts:
        apply_verdicts(pipeline, analysis, verdicts)
        for name in ASSESSORS.names():  # the risk changes with the decisions
            analysis.extras[name] = ASSESSORS.get(name).assess(analysis)
    return analysis


def entity_at(entities: Sequence[Entity], anchor: tuple[int, int]) -> Entity | None:
    """The entity with a mention at exactly ``anchor``, else one whose mention covers its start."""
    exact = next((e for e in entities if any((m.start, m.end) == anchor for m in e.mentions)), None)
    return exact or next((e for e in entities if any(m.start <= anchor[0] < m.end for m in e.mentions)), None)


def anchor_of(entity: Entity) -> tuple[int, int]:
    first = entity.mentions[0]
    return (first.start, first.end)


def apply_verdicts(pipeline: Pipeline, analysis: Analysis, verdicts: Sequence[Verdict]) -> None:
    """Apply reviewers' changes in order; mark each entity a reviewer decided in ``extras['reviewed']``."""
    by_id = {d.entity_id: i for i, d in enumerate(analysis.decisions)}
    reviewed: dict[str, str] = {}
    for verdict in verdicts:
        entity = entity_at(analysis.entities, verdict.anchor)
        if entity is None:
            continue
        index = by_id[entity.id]
        analysis.decisions[index] = changed(pipeline, analysis, entity, analysis.decisions[index], verdict)
        reviewed[entity.id] = verdict.verdict
    analysis.extras["reviewed"] = reviewed


def changed(pipeline: Pipeline, analysis: Analysis, entity: Entity, decision: Decision, verdict: Verdict) -> Decision:
    """``decision`` after one reviewer verdict."""
    if verdict.verdict == "accept":
        return replace(decision, why=(*decision.why, REVIEWED_WHY["accept"]))
    if verdict.verdict == Action.KEEP.value:
        texts = tuple(m.text for m in entity.mentions)
        return Decision(entity.id, Action.KEEP, texts, (REVIEWED_WHY["keep"],), entity.canonical)
    action = Action(verdict.verdict)
    context = DecisionContext(analysis.lang, pipeline.settings, pipeline.memory, pipeline.rng,
                              words_of(analysis.entities))  # fmt: skip
    if verdict.replacement:
        return typed(analysis, entity, action, verdict.replacement, context)
    fresh = STRATEGIES.get(action.value).decide(entity, context)
    return replace(fresh, why=(REVIEWED_WHY["change"], *fresh.why))


def typed(analysis: Analysis, entity: Entity, action: Action, replacement: str, context: DecisionContext) -> Decision:
    """A reviewer's own replacement. A name given to a person is written like a pseudonym (each word in its
    mention's role and case) and its record kept in ``extras['chosen']``, so approval makes it the person's
    pseudonym in the project; anything else is written as typed in every mention."""
    named = entity.type == "person" and action == Action.PSEUDONYM
    record = record_from_name(replacement, entity, context) if named else None
    if record is None:
        replacements = tuple(replacement for _ in entity.mentions)
        return Decision(entity.id, action, replacements, (REVIEWED_WHY["change"],), replacement)
    analysis.extras.setdefault("chosen", {})[entity.id] = record
    rendered = tuple(render_person(record, mention, entity) for mention in entity.mentions)
    display = display_name(record, cyrillic=analysis.lang == "ru")
    return Decision(entity.id, action, rendered, (REVIEWED_WHY["change"],), display)


def protected_text(analysis: Analysis) -> str:
    """The whole protected text, with the same layout as :meth:`Document.text` gives the original."""
    return apply_edits(analysis.document.text(), 0, analysis.edits())
