"""The deciding contract: for each entity, keep it, give it a pseudonym, generalise it or redact it.

A :class:`Strategy` turns one entity into a :class:`~veil.findings.Decision` holding the replacement of
every mention. Strategies are registered by name (``pseudonym``, ``generalize``, ``redact``, ``keep``);
the :class:`Decider` picks one per entity: a reviewer's decision kept in the project's vault first (see
:class:`~veil.deciding.memory.ReviewedMemory`), then public facts are kept, then the project's per-type or
per-label ``actions`` setting, then the default (people get pseudonyms, other direct identifiers are redacted,
quasi-identifiers are generalised, except the few types in :data:`DEFAULT_ACTIONS`: relatives ("my son")
are kept, since a testimony cannot be read without them, and the risk report counts them instead).
Strategies consult the :class:`~veil.deciding.memory.EntityMemory` so that an entity met before gets the
same replacement.
"""

from __future__ import annotations

import abc
import random
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from veil.config import Settings
from veil.deciding.memory import EntityMemory, InMemory
from veil.deciding.public import PublicContext
from veil.findings import Action, Decision, Edit, Entity, Kind, Why
from veil.registry import Registry

T = TypeVar("T")


@dataclass
class DecisionContext:
    """What strategies may consult: the document's language, the memory, randomness, names to avoid.

    ``entities`` are all the entities of the document. ``before`` maps a mention's start offset to the text
    just before it (up to :data:`BEFORE_CHARS` characters), so a replacement can fit its sentence: a capital
    at the start of one, the case a Russian preposition asks for, the article already written.
    """

    lang: str
    settings: Settings = field(default_factory=Settings)
    memory: EntityMemory = field(default_factory=InMemory)
    rng: random.Random = field(default_factory=random.SystemRandom)
    avoid: set[str] = field(default_factory=set)
    before: Mapping[int, str] = field(default_factory=dict)
    # Every entity of the document, so one decision can take another into account (a town is not described
    # by a country the same text hides).
    entities: Sequence[Entity] = ()
    # The pseudonyms given so far in this document ("first last" in Latin letters): a new one avoids their
    # words before all others, so two people of one testimony are not both "Anastasiya".
    in_document: list[str] = field(default_factory=list)
    # What strategies work out once per document from ``entities`` (see :meth:`once`).
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def once(self, name: str, compute: Callable[[], T]) -> T:
        """``compute()``, worked out the first time ``name`` is asked for in this document only: a fact
        about the whole document (the origin its people's names tell, the initials written in it) would
        otherwise be worked out again for every person, which is quadratic in a long testimony."""
        if name not in self._memo:
            self._memo[name] = compute()
        value: T = self._memo[name]
        return value


BEFORE_CHARS = 40
# Language packages may widen an edit over words just before it that must agree with the replacement
# (Russian "об Андрее" becomes "о Борисе"): each polisher gets an edit and the text just before it.
EditPolisher = Callable[[Edit, str], Edit]
EDIT_POLISHERS: list[EditPolisher] = []


class Strategy(abc.ABC):
    """Chooses the replacement for every mention of one entity."""

    action: Action

    @abc.abstractmethod
    def decide(self, entity: Entity, context: DecisionContext) -> Decision:
        """The decision for ``entity`` (one replacement per mention, in mention order)."""


STRATEGIES = Registry[Strategy]("strategy")


# Fine types whose default differs from the rule below (a project changes them with ``actions``).
DEFAULT_ACTIONS: dict[str, Action] = {
    "relative": Action.KEEP,
    "place-description": Action.KEEP,
}


def default_action(entity: Entity) -> Action:
    if entity.type in DEFAULT_ACTIONS:
        return DEFAULT_ACTIONS[entity.type]
    if entity.type == "person":
        return Action.PSEUDONYM
    return Action.REDACT if entity.kind == Kind.DIRECT else Action.GENERALIZE


class Decider:
    """Chooses a strategy for each entity and collects the decisions."""

    def __init__(self, settings: Settings) -> None:
        from veil.deciding.generalize import check_levels

        self.settings = settings
        self.public = PublicContext(settings.allow, settings.deny)
        check_levels(settings.generalize)

    def action_for(self, entity: Entity) -> tuple[Action, Why]:
        configured = self.settings.actions.get(entity.type) or self.settings.actions.get(entity.label.value)
        if self.settings.keep_public and not configured:
            reason = self.public.reason_to_keep(entity)
            if reason:
                return Action.KEEP, Why("decide.public", "public-context", 1.0, reason)
        if configured:
            return configured, Why("decide.settings", "actions", 1.0, "set by the project's actions setting")
        action = default_action(entity)
        return action, Why("decide.default", action.value, 1.0, f"default for {entity.type}")

    def reviewed(self, entity: Entity, context: DecisionContext) -> tuple[Action, Why] | None:
        """The action a reviewer set for this entity in the project, which overrides everything else."""
        # not isinstance(..., ReviewedMemory): a runtime protocol check costs more than the lookup
        reviewed_action = getattr(context.memory, "reviewed_action", None)
        if reviewed_action is None:
            return None
        from veil.deciding.people import exact_keys  # people.py builds on this module

        # A person is identified by a full name only: a relative shares the surname, not the decision.
        keys = (exact_keys(entity) if entity.type == "person" else []) or sorted(entity.keys)
        action = reviewed_action(entity.type, keys)
        if action is None:
            return None
        return Action(action), Why("decide.review", "reviewer", 1.0, "decided by a reviewer in this project")

    def actions(self, entities: Sequence[Entity]) -> dict[str, tuple[Action, Why]]:
        """Each entity's action by the settings alone (public facts, ``actions``, defaults): what
        :meth:`decide` does unless a reviewer decided otherwise. It needs no memory, so a batch worker
        works it out and the driver, which owns the memory, only looks for reviews."""
        return {entity.id: self.action_for(entity) for entity in entities}

    def decide(
        self,
        entities: Sequence[Entity],
        context: DecisionContext,
        actions: Mapping[str, tuple[Action, Why]] | None = None,
    ) -> list[Decision]:
        """Every entity's decision; ``actions`` are those :meth:`actions` gave, when worked out already."""
        decisions = []
        for entity in entities:
            by_settings = actions[entity.id] if actions is not None else None
            action, why = self.reviewed(entity, context) or by_settings or self.action_for(entity)
            decision = STRATEGIES.get(action.value).decide(entity, context)
            # a replacement written at many mentions is one string (a long document has a million of them)
            replacements = tuple(map(sys.intern, decision.replacements))
            decisions.append(Decision(decision.entity_id, decision.action, replacements, (why, *decision.why),
                                      decision.display))  # fmt: skip
        return decisions
