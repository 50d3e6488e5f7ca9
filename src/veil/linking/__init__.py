"""Linking: group mentions into entities, and find every other mention of each entity."""

from veil.linking import ru as _ru  # noqa: F401  (registers the Russian name normaliser)
from veil.linking.base import Linker, resolve_overlaps

__all__ = ["Linker", "resolve_overlaps"]
