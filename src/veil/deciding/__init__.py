"""Deciding: keep, pseudonymise, generalise or redact each entity."""

from veil.deciding import ru as _ru  # noqa: F401  (registers the Russian renderer)
from veil.deciding import strategies as _strategies  # noqa: F401  (registers the built-in strategies)
from veil.deciding.base import STRATEGIES, Decider, DecisionContext, Strategy
from veil.deciding.memory import EntityMemory, InMemory
from veil.deciding.strategies import GENERALIZERS, Generalizer

__all__ = [
    "GENERALIZERS",
    "STRATEGIES",
    "Decider",
    "DecisionContext",
    "EntityMemory",
    "Generalizer",
    "InMemory",
    "Strategy",
]
