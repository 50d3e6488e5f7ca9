"""The built-in strategies: keep, redact, pseudonym and generalize.

``generalize`` asks the :data:`GENERALIZERS` registered for the entity's fine type (an age becomes "in
his late twenties", a city "a town in the Urals"); see :mod:`veil.deciding.generalize`. A type without one
falls back to a bracketed description of its label, which is still better than a blank.
"""

from __future__ import annotations

import functools

from veil.deciding import people
from veil.deciding.base import STRATEGIES, DecisionContext, Strategy
from veil.deciding.generalize import GENERALIZERS, Generalize, Generalizer
from veil.deciding.placeholders import placeholder
from veil.deciding.public import public_figures
from veil.deciding.surrogates import (
    display_name,
    is_cyrillic,
    person_origin,
    record_value,
    render_person,
    told_origin,
)
from veil.findings import Action, Decision, Entity, Why
from veil.linking.persons import dominant


class Keep(Strategy):
    action = Action.KEEP

    def decide(self, entity: Entity, context: DecisionContext) -> Decision:
        return Decision(entity.id, self.action, tuple(m.text for m in entity.mentions), (), entity.canonical)


class Redact(Strategy):
    action = Action.REDACT

    def decide(self, entity: Entity, context: DecisionContext) -> Decision:
        replacements = tuple(placeholder(entity.type, entity.label.value, m.lang) for m in entity.mentions)
        why = Why("decide.redact", "placeholder", 1.0, "no useful generalisation: replaced by its kind")
        return Decision(entity.id, self.action, replacements, (why,), replacements[0])


@functools.cache
def _public_words() -> frozenset[str]:
    return frozenset(key for figure in public_figures() for key in figure.keys)


class Pseudonym(Strategy):
    """People get a surrogate of the same gender, the same one every time they are met."""

    action = Action.PSEUDONYM

    def decide(self, entity: Entity, context: DecisionContext) -> Decision:
        if entity.type != "person":
            return STRATEGIES.get("redact").decide(entity, context)
        record, relative = people.recall(entity, context)
        why = Why("decide.pseudonym", "remembered", 1.0, "the pseudonym this person already has in the project")
        if record is None:
            gender = entity.attrs.get("gender") or _gender_from_names(entity)
            avoid = context.avoid | _public_words()
            # a relative's pseudonym sets the family's origin: the surname is shared
            origin = relative.get("origin", "") if relative is not None else ""
            origin = origin or person_origin(entity, context.once("told-origin", lambda: told_origin(context.entities)))
            record = people.new_record(entity, origin, gender, avoid, context, relative)
            note = "a new pseudonym of the same gender" + (", with the family's surname" if relative else "")
            why = Why("decide.pseudonym", "new-surrogate", 1.0, note)
        context.memory.remember("person", people.keys_to_remember(entity), record)
        context.in_document.append(record_value(record))
        replacements = tuple(render_person(record, m, entity) for m in entity.mentions)
        display = display_name(record, cyrillic=context.lang == "ru")
        return Decision(entity.id, self.action, replacements, (why,), display)


def _gender_from_names(entity: Entity) -> str:
    from veil.deciding.surrogates import known_given_names, role_of
    from veil.linking.persons import name_words

    genders = []
    for mention in entity.mentions:
        for word in name_words(mention):
            if not word.initial and role_of(word, entity) == "first":
                genders.append(known_given_names().get(word.key, ""))
    return dominant([g for g in genders if g in {"m", "f"}])


@STRATEGIES.register("keep")
def _keep() -> Strategy:
    return Keep()


@STRATEGIES.register("redact")
def _redact() -> Strategy:
    return Redact()


@STRATEGIES.register("pseudonym")
def _pseudonym() -> Strategy:
    return Pseudonym()


@STRATEGIES.register("generalize")
def _generalize() -> Strategy:
    return Generalize()


__all__ = ["GENERALIZERS", "Generalize", "Generalizer", "Keep", "Pseudonym", "Redact", "is_cyrillic"]
