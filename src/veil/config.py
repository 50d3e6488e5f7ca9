"""Settings: what to detect, what to keep, and how to replace, validated when loaded.

Settings come from defaults, a project's ``veil.toml`` and command-line options, in that order. Example
``veil.toml``::

    allow = ["Memorial", "Novaya Gazeta"]   # never masked in this project
    deny = ["Babushka Tanya"]                # always masked, wherever it appears
    disable = ["pattern.plates"]             # detectors switched off

    [actions]                                # per fine type or TAB label: pseudonym, generalize, redact, keep
    city = "generalize"
    DATETIME = "generalize"

    [generalize]                             # per fine type: how far to generalise (see the docs)
    age = "decade"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from veil.errors import ErrorCode, VeilError
from veil.findings import Action


class Settings(BaseModel):
    """Everything a run can be told; immutable once loaded."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    detectors: tuple[str, ...] | None = Field(default=None, description="detectors to run (default: all)")
    disable: tuple[str, ...] = Field(default=(), description="detectors not to run")
    allow: tuple[str, ...] = Field(default=(), description="texts never masked in this project")
    deny: tuple[str, ...] = Field(default=(), description="texts always masked, wherever they appear")
    keep_public: bool = Field(default=True, description="keep public figures, countries and institutions")
    propagate: bool = Field(default=True, description="search the whole document for every entity's forms")
    actions: dict[str, Action] = Field(default_factory=dict, description="action per fine type or label")
    generalize: dict[str, str] = Field(default_factory=dict, description="generalisation level per fine type")
    seed: int | None = Field(default=None, description="fixed random seed for pseudonyms (tests only)")

    def merged(self, **changes: object) -> Settings:
        """A copy with ``changes`` applied and validated."""
        data = self.model_dump()
        data.update({k: v for k, v in changes.items() if v is not None})
        return validate_settings(data, "options")


def first_problem(error: ValidationError) -> str:
    """The first problem of a validation error, as ``place: message`` (for one-line errors)."""
    first = error.errors()[0]
    place = ".".join(str(p) for p in first["loc"]) or "(top level)"
    return f"{place}: {first['msg']}"


def validate_settings(data: dict[str, object], where: str) -> Settings:
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        raise VeilError(ErrorCode.CONFIG_INVALID, f"{where}: {first_problem(error)}") from None


def load_settings(path: Path) -> Settings:
    """Settings from a TOML file; a clear ``config.invalid`` error when it is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VeilError(ErrorCode.CONFIG_INVALID, f"{path}: no such settings file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise VeilError(ErrorCode.CONFIG_INVALID, f"{path}: not valid TOML ({error})") from None
    return validate_settings(data, str(path))
