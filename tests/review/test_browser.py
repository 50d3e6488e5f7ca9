"""End to end in a real browser: Playwright drives Debian's Chromium (never a downloaded browser).

An editor signs in, uploads the English and the Russian example interviews, watches them process, reviews
(selects an entity with the keyboard, accepts, rejects, changes a replacement, marks a missed name and
sees every mention of it change), approves and exports; axe-core checks the pages it passes. Screenshots
go to ``docs/`` when ``VEIL_UPDATE_SCREENSHOTS=1`` (else to a temporary folder). The detectors of names
in English text are off for this server, so the speaker's son is a name the pipeline "missed" and the
reviewer must catch.

Skipped, with the reason shown, where Playwright or Chromium is not installed (a failure in CI, which sets
``VEIL_REQUIRE_BROWSER=1``; see ``tests/browser.py``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import CHROMIUM_ARGS, axe_violations, chromium_path
from tests.conftest import EXAMPLES, ROOT
from tests.review.conftest import PASSWORD

DOCS = ROOT / "docs"
SLOW = 180_000  # ms: processing loads the language models the first time


@pytest.fixture(scope="module")
def live_server(review_app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    chromium_path()  # skips (or, in CI, fails) where there is no browser
    import waitress.server
    from django.core.wsgi import get_wsgi_application

    from veil import Settings
    from veil.review import workspace
    from veil.review.vaulted import VaultProject

    previous = workspace.current()
    # Every detector that finds names in English text is off (the Russian model stays, for the Russian
    # interview), so the son's name is a miss the reviewer must catch.
    # (The family rule names people too: "my son, Daniil ...".)
    settings = Settings(seed=7, disable=("en.names", "en.ner", "en.family", "ru.names", "transcript.speakers"))
    workspace.install(workspace.Workspace(VaultProject(review_app.vault, settings)))
    server = waitress.server.create_server(get_wsgi_application(), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"  # type: ignore[union-attr]
    finally:
        server.close()
        workspace.current().close()
        workspace.install(previous)


def _upload(page, path: Path, title: str, place: str, date: str, tags: str) -> None:  # type: ignore[no-untyped-def]
    page.set_input_files("#id_file", str(path))
    page.fill("#id_title", title)
    page.fill("#id_place", place)
    page.fill("#id_theme", "mobilisation")
    page.fill("#id_date", date)
    page.fill("#id_tags", tags)
    page.get_by_role("button", name="Upload and protect").click()
    page.get_by_text(f"{title} is being processed.").wait_for()


def _accessible(page) -> None:  # type: ignore[no-untyped-def]
    """axe-core finds no accessibility violation on the page as it stands."""
    violations = axe_violations(page)
    assert violations == [], [(v["id"], v["help"], len(v["nodes"])) for v in violations]


def _select_text(page, pane: str, words: str) -> None:  # type: ignore[no-untyped-def]
    """Select the first plain occurrence of ``words`` in a pane, as a mouse would."""
    page.evaluate(
        """([pane, words]) => {
            const spans = [...document.querySelectorAll(`[data-pane="${pane}"] span.p`)];
            const span = spans.find(s => s.textContent.includes(words));
            const node = span.firstChild, start = node.textContent.indexOf(words);
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, start + words.length);
            const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
            document.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
        }""",
        [pane, words],
    )


def _protected(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.inner_text('[data-pane="protected"]'))


def _wait_swap(page, before: str) -> str:  # type: ignore[no-untyped-def]
    """Wait until the protected text differs from ``before`` (an HTMX swap landed)."""
    page.wait_for_function(
        "before => document.querySelector('[data-pane=\"protected\"]').innerText !== before", arg=before
    )
    return _protected(page)


def test_review_in_a_real_browser(live_server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    shots = DOCS if os.environ.get("VEIL_UPDATE_SCREENSHOTS") == "1" else tmp_path
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
            page.set_default_timeout(30_000)
            _sign_in(page, live_server)
            _upload(
                page,
                EXAMPLES / "interview_en.txt",
                "A mother from the Urals",
                "Urals",
                "2023-03-01",
                "draft, emigration",
            )
            _upload(page, EXAMPLES / "interview_ru.txt", "Мария, Ереван", "Yerevan", "2023-04-01", "emigration")
            for title in ("A mother from the Urals", "Мария, Ереван"):
                page.get_by_role("link", name=f"Review {title}").wait_for(timeout=SLOW)
            page.screenshot(path=str(shots / "archive.png"))
            _accessible(page)
            _review_russian(page, shots)
            _review_english(page, shots)
        finally:
            browser.close()


def _sign_in(page, base: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/")
    assert "/login/" in page.url
    _accessible(page)
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Archive").wait_for()


def _review_russian(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("link", name="Review Мария, Ереван").click()
    page.get_by_role("button", name="Show original").click()
    page.locator('[data-pane="original"]').wait_for()
    assert "Громов" in page.inner_text('[data-pane="original"]')
    assert "Громов" not in _protected(page)
    # j selects the first entity (all its mentions, in both panes), a accepts it
    page.keyboard.press("j")
    first = page.locator("#cards .entity.current").get_attribute("data-entity")
    assert page.locator(".m.selected").count() == page.locator(f'.m[data-entity="{first}"]').count() >= 2
    page.keyboard.press("a")
    page.locator(f"#card-{first}.reviewed").wait_for()
    # r rejects: the city where the interview was recorded is public, so the editor keeps it
    page.locator("#cards .entity", has_text="Ереване").first.locator(".select").click()
    before = _protected(page)
    assert "Ереване" not in before
    page.keyboard.press("r")
    assert "Ереване" in _wait_swap(page, before)
    # the husband: every mention of him, in every form, is selected together
    person = page.locator("#cards .entity.k-direct", has_text="Громов").first
    person.locator(".select").click()
    husband = person.get_attribute("data-entity")
    assert page.locator(".m.selected").count() == page.locator(f'.m[data-entity="{husband}"]').count() >= 10
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "review-screen.png"))
    _accessible(page)
    # change a replacement: the phone number becomes a phrase the editor chose
    phone = page.locator("#cards .entity", has_text="+7 (903)").first
    phone.locator("input[name=replacement]").fill("[телефон скрыт]")
    before = _protected(page)
    phone.get_by_role("button", name="Change").click()
    assert "[телефон скрыт]" in _wait_swap(page, before)
    page.get_by_role("link", name="Archive").first.click()


def _review_english(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("link", name="Review A mother from the Urals").click()
    text = _protected(page)
    assert text.count("Daniil") >= 5  # the name detectors are off: the son's name was missed
    _select_text(page, "protected", "Daniil Sorokin")
    page.select_option("#missed-kind", "person")
    page.locator("#missed-submit:not([disabled])").wait_for()
    page.keyboard.press("m")
    after = _wait_swap(page, text)
    assert "Daniil" not in after
    assert "Sorokin" not in after
    card = page.locator("#cards .entity.current")
    assert int(card.locator(".select").inner_text().split("·")[1].split()[0]) >= 6
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "review-missed-name.png"))
    page.keyboard.press("Shift+A")
    page.get_by_text("is approved and can be exported").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Export document").click()
    exported = download.value.path().read_text(encoding="utf-8")
    assert exported.startswith("Interview recorded")
    assert "Daniil" not in exported
    assert "345-67-89" not in exported
    with page.expect_download() as download:
        page.get_by_role("link", name="Export page").click()
    published = download.value.path().read_text(encoding="utf-8")
    assert "Names and some details in this interview have been changed" in published
    assert "Daniil" not in published
