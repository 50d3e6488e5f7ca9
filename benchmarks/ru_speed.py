"""End-to-end speed of the Russian pipeline on one core: characters per second of ``protect_text``.

Usage: ``OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/ru_speed.py`` (factRuEval dev texts, joined;
add ``--lower`` to time lower-cased text, as in speech transcripts). Time is the process's CPU time, so that
other work on a shared machine does not count.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from veil import Pipeline, Settings

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "factrueval2016" / "devset"

text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt")))
if "--lower" in sys.argv:
    text = text.lower()
pipeline = Pipeline(Settings(seed=1))
pipeline.protect_text("Сергей Волков позвонил Лёше.", lang="ru")  # load the models
started = time.process_time()
pipeline.protect_text(text, lang="ru")
elapsed = time.process_time() - started
print(f"{len(text)} characters in {elapsed:.2f} s: {len(text) / elapsed:,.0f} characters/second")
