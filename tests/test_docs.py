"""The docs are kept true by tests: every command, option, setting and error code is in the README."""

from __future__ import annotations

import re

import pytest
import typer.main

from tests.conftest import ROOT
from veil.cli import app
from veil.config import Settings
from veil.errors import ErrorCode

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, object]]:
    group = typer.main.get_command(app)
    found = []

    def walk(command: object, prefix: str) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            found.append((prefix, command))

    walk(group, "")
    return found


COMMANDS = _commands()


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_and_option_is_documented(name: str, command: object) -> None:
    assert f"veil {name}" in README, f"README does not document 'veil {name}'"
    for param in getattr(command, "params", []):
        for option in getattr(param, "opts", []):
            if option.startswith("--") and option != "--help":
                documented = re.search(rf"`[^`]*{re.escape(option)}\b", README)
                assert documented, f"'veil {name}' option {option} is undocumented"


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_documented(field: str) -> None:
    assert f"`{field}`" in README, f"setting {field!r} is not in the README's settings table"


@pytest.mark.parametrize("code", [c.value for c in ErrorCode])
def test_every_error_code_is_documented(code: str) -> None:
    assert f"`{code}`" in README, f"error code {code!r} is not in the README's error table"
