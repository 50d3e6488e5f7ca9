"""Veil and Presidio side by side: the same texts, the same machine, one run.

Each engine runs in a fresh process of its own, so its load time and peak memory are its own. The
figures per engine and language:

- ``load_s``: CPU seconds to import the engine, build it and protect one short sentence (models load
  lazily, so this is what a user waits before the first document);
- ``chars_per_cpu_s``: characters of the text divided by the CPU seconds (``time.process_time``, all
  threads) spent protecting it end to end after loading: detection and replacement for both engines,
  plus linking and deciding for Veil. With ``OMP_NUM_THREADS=1`` this is characters per second per core,
  the figure that does not depend on what else the machine is doing; wall time is printed beside it;
- ``peak_rss_mb``: the process's peak resident memory (``getrusage`` of the finished child).

Veil protects the whole text at once (``Pipeline.protect_text``); Presidio analyses and anonymises it in
chunks of whole lines of at most 10 000 characters, as its spaCy engine needs. Presidio has no Russian
model offline, so Russian is Veil alone. The last lines give Veil's throughput as a multiple of
Presidio's.

Usage (from the repository root; Presidio comes with the ``bench`` extra)::

    python benchmarks/speed.py                    # 1 000 000 characters of English and of Russian
    python benchmarks/speed.py --chars 200000 --lang en
    python benchmarks/speed.py --smoke            # a tiny text, to check that everything runs
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import material, paragraphs, sized

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = {"en": "Sergey Volkov called me from London on Monday.", "ru": "Сергей Волков позвонил мне из Москвы."}
ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def clocks() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def since(start: tuple[float, float]) -> tuple[float, float]:
    cpu, wall = clocks()
    return cpu - start[0], wall - start[1]


def run_veil(lang: str, text: str) -> dict[str, Any]:
    started = clocks()
    from veil import Pipeline, Settings

    pipeline = Pipeline(Settings(seed=1))
    pipeline.protect_text(WARM_UP[lang], lang)
    load_cpu, load_wall = since(started)
    started = clocks()
    protected = pipeline.protect_text(text, lang)
    cpu, wall = since(started)
    return {"load_s": load_cpu, "load_wall_s": load_wall, "cpu_s": cpu, "wall_s": wall,
            "masked": len(protected.analysis.edits())}  # fmt: skip


def run_presidio(lang: str, text: str) -> dict[str, Any]:
    from presidio_engine import analyzer, anonymizer

    started = clocks()
    analyze, anonymize = analyzer(), anonymizer()
    anonymize.anonymize(WARM_UP[lang], analyze.analyze(WARM_UP[lang], language=lang))
    load_cpu, load_wall = since(started)
    chunks = paragraphs(text)
    masked = 0
    started = clocks()
    for chunk in chunks:
        found = analyze.analyze(chunk, language=lang)
        anonymize.anonymize(chunk, found)
        masked += len(found)
    cpu, wall = since(started)
    return {"load_s": load_cpu, "load_wall_s": load_wall, "cpu_s": cpu, "wall_s": wall, "masked": masked}


ENGINES = {"veil": run_veil, "presidio": run_presidio}


def worker(engine: str, lang: str, chars: int) -> None:
    text = sized(material(lang), chars)
    row = {"engine": engine, "lang": lang, "chars": len(text), **ENGINES[engine](lang, text)}
    print(json.dumps(row))


def measured(engine: str, lang: str, chars: int) -> dict[str, Any]:
    """One engine on one language in a fresh process, with that process's peak memory."""
    command = [sys.executable, __file__, "--worker", engine, "--lang", lang, "--chars", str(chars)]
    env = {**os.environ, **ONE_CORE, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, cwd=ROOT)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{engine} {lang} failed with exit code {child.returncode}")
    row: dict[str, Any] = json.loads(output.decode("utf-8").strip().splitlines()[-1])
    row["peak_rss_mb"] = usage.ru_maxrss / 1024  # Linux reports kilobytes
    row["chars_per_cpu_s"] = row["chars"] / row["cpu_s"]
    return row


def show(rows: list[dict[str, Any]]) -> None:
    print(f"{'engine':9} {'lang':4} {'chars':>10} {'load s':>7} {'CPU s':>8} {'wall s':>8} ", end="")
    print(f"{'chars/CPU-s':>12} {'peak MB':>8}")
    for r in rows:
        print(f"{r['engine']:9} {r['lang']:4} {r['chars']:>10,} {r['load_s']:>7.2f} {r['cpu_s']:>8.2f} "
              f"{r['wall_s']:>8.2f} {r['chars_per_cpu_s']:>12,.0f} {r['peak_rss_mb']:>8.0f}")  # fmt: skip
    by_key = {(r["engine"], r["lang"]): r for r in rows}
    for lang in sorted({r["lang"] for r in rows}):
        veil, presidio = by_key.get(("veil", lang)), by_key.get(("presidio", lang))
        if veil and presidio:
            ratio = veil["chars_per_cpu_s"] / presidio["chars_per_cpu_s"]
            load = veil["load_s"] / presidio["load_s"]
            memory = veil["peak_rss_mb"] / presidio["peak_rss_mb"]
            print(f"{lang}: Veil/Presidio throughput {ratio:.2f}x, load time {load:.2f}x, peak memory {memory:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="characters of text per language")
    parser.add_argument("--lang", nargs="+", default=["en", "ru"], choices=["en", "ru"])
    parser.add_argument("--smoke", action="store_true", help="a tiny text: check that everything runs")
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    parser.add_argument("--worker", choices=sorted(ENGINES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.lang[0], args.chars)
        return
    chars = 2_000 if args.smoke else args.chars
    from presidio_engine import available

    rows = []
    for lang in args.lang:
        rows.append(measured("veil", lang, chars))
        if lang == "en" and available():
            rows.append(measured("presidio", lang, chars))
        elif lang == "en":
            print("Presidio is not installed (pip install -e '.[bench]'): Veil alone", file=sys.stderr)
    show(rows)
    if args.json:
        print(json.dumps(rows))
    mine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this driver process: {mine:.0f} MB; machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
