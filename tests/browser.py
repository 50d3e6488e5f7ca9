"""Headless Chromium for the page tests: Debian's ``chromium`` driven by Playwright, axe-core injected.

Playwright's own browser download is not used (nor possible offline): the system's Chromium is given
by path. Where there is no browser (a developer's laptop without ``chromium``), the tests skip and say
why; CI installs it and sets ``VEIL_REQUIRE_BROWSER=1``, which turns that skip into a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """The system Chromium, or a skip (a failure where the browser is required)."""
    path = os.environ.get("VEIL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    missing = None
    if not Path(path).exists():
        missing = f"no Chromium at {path} (install Debian's chromium package to run the browser tests)"
    else:
        try:
            import axe_playwright_python  # noqa: F401
            import playwright  # noqa: F401
        except ImportError:
            missing = "playwright or axe-playwright-python is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("VEIL_REQUIRE_BROWSER") == "1":
            pytest.fail(missing)
        pytest.skip(missing)
    return path


@contextmanager
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on ``page`` (every rule axe runs by default, best practices included)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations
