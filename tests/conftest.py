"""Shared fixtures: the shared evaluation data (skipped cleanly when absent) and a seeded pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from veil import Pipeline, Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One pipeline for the session (models load once), with a fixed seed for repeatable pseudonyms."""
    return Pipeline(Settings(seed=7))
