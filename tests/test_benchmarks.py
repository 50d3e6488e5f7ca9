"""The benchmark scripts run end to end on a tiny input (no timing is checked: figures live in the docs)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT


def run_benchmark(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_speed_benchmark_runs_on_a_tiny_text() -> None:
    out = run_benchmark("benchmarks/speed.py", "--smoke", "--lang", "en", "ru")
    assert "veil      en" in out
    assert "veil      ru" in out
    if "presidio  en" in out:  # with the bench extra installed, the ratio is printed
        assert "Veil/Presidio throughput" in out


@pytest.mark.slow
def test_scaling_benchmark_runs_on_a_tiny_text() -> None:
    out = run_benchmark("benchmarks/scaling.py", "--smoke")
    assert "10K" in out
    assert "chars/CPU-s" in out
