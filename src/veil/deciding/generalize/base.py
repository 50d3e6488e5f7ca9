"""The generalizing contract: describe an entity less precisely once, then write that for every mention.

A :class:`Generalizer` is registered in :data:`GENERALIZERS` under the fine type it serves ("age",
"city", "date" ...). ``describe`` turns the entity into a *record*: a flat, language-neutral mapping ("the
Urals" in both languages, a decade, a season) that :class:`~veil.deciding.memory.EntityMemory` keeps, so
the same town gets the same generalization in every document of a project, in Russian and in English.
``render`` writes the record for one mention, in that mention's language and grammatical form ("в
Челябинске" -> "в городе на Урале", "из Челябинска" -> "из города на Урале").

Each generalizer lists the ``levels`` it knows, the first being the default; the ``generalize`` setting
picks another per fine type (``[generalize] city = "region"``), and every type also accepts ``redact``.
When every mention would read exactly as before ("in September" is already a month) the entity is kept.

Example::

    @GENERALIZERS.register("age")
    def _age() -> Generalizer:
        return AgeGeneralizer()
"""

from __future__ import annotations

import abc
import re
from collections.abc import Mapping

from veil.deciding.base import DecisionContext, Strategy
from veil.deciding.placeholders import placeholder
from veil.errors import ErrorCode, VeilError
from veil.findings import Action, Decision, Detection, Entity, Why
from veil.registry import Registry

Record = Mapping[str, str]
REDACT = "redact"
_SENTENCE_END = re.compile(r"(?:^|[.!?:;…]\s*|\n\s*|[\"«“(—–-]\s*)$")


class Generalizer(abc.ABC):
    """Describes an entity less precisely (once) and writes the description for each mention."""

    levels: tuple[str, ...] = ("default",)

    @abc.abstractmethod
    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        """A language-neutral record of the generalization, or ``None`` when there is none useful."""

    @abc.abstractmethod
    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        """The replacement of ``mention`` (its language and grammatical form), or ``None``."""


GENERALIZERS = Registry[Generalizer]("generalizer")


def level_for(type_: str, generalizer: Generalizer, levels: Mapping[str, str]) -> str:
    """The level the settings ask for ``type_``, checked against what its generalizer knows."""
    level = levels.get(type_, generalizer.levels[0])
    if level != REDACT and level not in generalizer.levels:
        known = ", ".join((*generalizer.levels, REDACT))
        raise VeilError(ErrorCode.CONFIG_INVALID, f"generalize.{type_}: unknown level {level!r}; known: {known}")
    return level


def check_levels(levels: Mapping[str, str]) -> None:
    """Fail early, with a clear message, on a ``generalize`` setting that names no known type or level."""
    for type_ in levels:
        if type_ not in GENERALIZERS:
            known = ", ".join(GENERALIZERS.names())
            raise VeilError(
                ErrorCode.CONFIG_INVALID, f"generalize.{type_}: no generalizer for this type; known: {known}"
            )
        level_for(type_, GENERALIZERS.get(type_), levels)


def preceding(mention: Detection, context: DecisionContext) -> str:
    """The text just before the mention (empty when unknown)."""
    return context.before.get(mention.start, "")


def starts_sentence(mention: Detection, context: DecisionContext) -> bool:
    if mention.start not in context.before:
        return mention.start == 0
    return _SENTENCE_END.search(context.before[mention.start]) is not None


def fit_case(replacement: str, mention: Detection, context: DecisionContext) -> str:
    """Capitalise a replacement that starts a sentence; lower-case one that does not start with a name."""
    if not replacement:
        return replacement
    if starts_sentence(mention, context) and mention.text[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Generalize(Strategy):
    """Replaces every mention with its generalizer's text, or a bracketed placeholder when there is none."""

    action = Action.GENERALIZE

    def decide(self, entity: Entity, context: DecisionContext) -> Decision:
        generalizer = GENERALIZERS.get(entity.type) if entity.type in GENERALIZERS else None
        level = level_for(entity.type, generalizer, context.settings.generalize) if generalizer else REDACT
        record = self._record(generalizer, entity, level, context) if generalizer and level != REDACT else None
        replacements = []
        for mention in entity.mentions:
            text = generalizer.render(record, mention, context) if generalizer and record is not None else None
            text = (
                fit_case(text, mention, context)
                if text is not None
                else placeholder(entity.type, entity.label.value, mention.lang)
            )
            replacements.append(text)
        if record is not None and all(r == m.text for r, m in zip(replacements, entity.mentions, strict=True)):
            why = Why("decide.generalize", "already-general", 1.0, f"already no more precise than the {level} level")
            return Decision(entity.id, Action.KEEP, tuple(replacements), (why,), entity.canonical)
        rule = f"{entity.type}:{level}" if record is not None else "label-placeholder"
        why = Why("decide.generalize", rule, 1.0, f"generalised as {entity.type} ({level})")
        return Decision(entity.id, self.action, tuple(replacements), (why,), replacements[0])

    @staticmethod
    def _record(generalizer: Generalizer, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        kind = f"generalized:{entity.type}:{level}"
        keys = sorted(entity.keys)
        record = context.memory.recall(kind, keys)
        if record is None:
            record = generalizer.describe(entity, level, context)
            if record is not None:
                context.memory.remember(kind, keys, dict(record))
        return record
