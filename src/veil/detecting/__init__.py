"""Detecting: find candidate identifier spans (patterns for every language, models and rules per language)."""

from veil.detecting import en as _en  # noqa: F401  (registers the built-in detectors)
from veil.detecting import figures as _figures  # noqa: F401
from veil.detecting import patterns as _patterns  # noqa: F401
from veil.detecting import ru as _ru  # noqa: F401
from veil.detecting import transcript as _transcript  # noqa: F401
from veil.detecting.base import DETECTORS, Detector, found

__all__ = ["DETECTORS", "Detector", "found"]
