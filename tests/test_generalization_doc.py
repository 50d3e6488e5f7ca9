"""docs/generalization.md is Veil's own output: regenerating it must give the same page."""

import subprocess
import sys

from tests.conftest import ROOT


def test_generalization_page_is_up_to_date() -> None:
    produced = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generalization_examples.py")],
        capture_output=True, text=True, timeout=600, check=True,
    ).stdout  # fmt: skip
    page = (ROOT / "docs" / "generalization.md").read_text(encoding="utf-8")
    assert produced == page, "docs/generalization.md is stale: run scripts/generalization_examples.py"
