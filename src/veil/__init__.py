"""Veil: protect testimonies by finding and replacing everything that identifies a person.

The public API is small: a :class:`Pipeline` protects text and files, :class:`Settings` configures it, and
the data classes describe what it found and decided. Everything else is internal and may change.
"""

from __future__ import annotations

__version__ = "0.1.0"

from veil.config import Settings, load_settings
from veil.errors import ErrorCode, VeilError
from veil.findings import Action, Decision, Detection, Edit, Entity, Kind, Label, Passage, Why
from veil.pipeline import Analysis, Pipeline, ProtectedText

__all__ = [
    "Action",
    "Analysis",
    "Decision",
    "Detection",
    "Edit",
    "Entity",
    "ErrorCode",
    "Kind",
    "Label",
    "Passage",
    "Pipeline",
    "ProtectedText",
    "Settings",
    "VeilError",
    "Why",
    "__version__",
    "load_settings",
]
