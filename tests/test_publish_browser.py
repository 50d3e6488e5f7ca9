"""The published page in a real browser: axe-core finds no violation, on desktop and mobile, light and
dark; the skip link works from the keyboard; nothing overflows a phone's width; nothing is fetched.

``VEIL_UPDATE_SCREENSHOTS=1`` also writes the screenshots in ``docs/`` (docs/publish-example*.png).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import axe_violations, browser
from veil import Pipeline
from veil.publishing.publish import publish_file
from veil.writing.files import protect_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "publish"
VIEWPORTS = {"desktop": (1280, 900), "mobile": (375, 740)}


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """The example interview, protected and then published, as a user would."""
    folder = tmp_path_factory.mktemp("publish")
    protected = folder / "story.md"
    protect_file(pipeline, EXAMPLE / "story.md", protected, reports=False)
    output = folder / "page.html"
    publish_file(protected, output, meta=EXAMPLE / "story.toml")
    return output


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_page_passes_axe(chromium: Any, page_file: Path, tmp_path: Path, viewport: str, scheme: str) -> None:
    width, height = VIEWPORTS[viewport]
    page = chromium.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_file.as_uri())
    violations = axe_violations(page)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    assert requests == [page_file.as_uri()]  # self-contained: no other request
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot = tmp_path / f"{viewport}-{scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("VEIL_UPDATE_SCREENSHOTS") == "1" and scheme == "light":
        name = "publish-example.png" if viewport == "desktop" else "publish-example-mobile.png"
        page.screenshot(path=str(ROOT / "docs" / name), full_page=True)


def test_skip_link_moves_focus_to_the_interview(chromium: Any, page_file: Path) -> None:
    page = chromium.new_page()
    page.goto(page_file.as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None
    assert box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
