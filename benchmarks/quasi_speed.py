"""Speed of the quasi-identifier work: end-to-end ``protect_text`` on one core, with and without it.

Usage: ``OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/quasi_speed.py`` (English: the TAB dev texts;
Russian: the factRuEval dev texts; each joined into one document). Times are CPU seconds of this process
(``time.process_time``), so other work on a shared machine slows the figures less than wall time would.
"without" switches off every quasi-identifier detector (dates, ages, places ... money); the generalizers
and the risk report still run on what is left.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from veil import Pipeline, Settings
from veil.detecting.base import DETECTORS

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
QUASI = ("ages", "appearance", "dates", "demographics", "events", "family", "health", "institutions", "military",
         "occupations", "places", "politics")  # fmt: skip


def texts() -> dict[str, str]:
    english = "\n\n".join(doc["text"] for doc in json.loads((DATA / "tab" / "echr_dev_subset.json").read_text("utf-8")))
    russian = "\n\n".join(p.read_text("utf-8") for p in sorted((DATA / "factrueval2016" / "devset").glob("*.txt")))
    return {"en": english, "ru": russian}


def speed(settings: Settings, lang: str, text: str) -> float:
    pipeline = Pipeline(settings)
    pipeline.protect_text(
        {"en": "Mr Robert Murray, 27, lives in Chelyabinsk.", "ru": "Сыну 27 лет, он живёт в Москве."}[lang], lang
    )
    started = time.process_time()
    pipeline.protect_text(text, lang)
    return len(text) / (time.process_time() - started)


def main() -> None:
    quasi = tuple(n for n in DETECTORS.names() if n.split(".")[-1] in QUASI or n in {"pattern.money", "pattern.dates"})
    for lang, text in texts().items():
        with_quasi = speed(Settings(seed=1), lang, text)
        without = speed(Settings(seed=1, disable=quasi), lang, text)
        print(f"{lang}: {len(text)} characters; {with_quasi:,.0f} chars/s with the quasi-identifier detectors, "
              f"{without:,.0f} without")  # fmt: skip


if __name__ == "__main__":
    main()
