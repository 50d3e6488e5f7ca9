"""The README documents every option of the review app's commands."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT


def _options(*path: str) -> list[str]:
    import typer.main

    from veil.cli import app

    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return [opt for param in command.params for opt in getattr(param, "opts", []) if opt.startswith("--")]


@pytest.mark.parametrize("path", [("serve",), ("user", "add"), ("user", "list")])
def test_every_option_is_in_the_readme(path: tuple[str, ...]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"veil {' '.join(path)}" in readme
    missing = [opt for opt in _options(*path) if f"`{opt}" not in readme and f" {opt}" not in readme]
    assert missing == [], f"veil {' '.join(path)}: options not in README.md: {missing}"
