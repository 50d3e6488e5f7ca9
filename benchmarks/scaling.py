"""How Veil's time and memory grow with the input: 10 KB to 10 MB (``--max 100M`` for 100 MB).

For each size a text file is written (the benchmark corpus repeated, see ``corpus.py``) and protected
by ``veil protect``'s own code path (``protect_file``: read streamed from disk, detect, link, decide,
write the protected copy and both reports) in a fresh process, so each size's peak memory is its own
(``getrusage`` of the finished child). Times are CPU seconds (``time.process_time``) on one core
(``OMP_NUM_THREADS=1``), per stage; loading the models is timed apart.

Usage (from the repository root)::

    python benchmarks/scaling.py                      # English, 10 KB .. 10 MB
    python benchmarks/scaling.py --lang ru --max 1M
    python benchmarks/scaling.py --max 100M           # about half an hour of CPU
    python benchmarks/scaling.py --smoke              # 10 KB only, to check that it runs
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import material

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"10K": 10_000, "100K": 100_000, "1M": 1_000_000, "10M": 10_000_000, "100M": 100_000_000}
ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
WARM_UP = {"en": "Sergey Volkov called me from London on Monday.", "ru": "Сергей Волков позвонил мне из Москвы."}


def write_sized(path: Path, text: str, chars: int) -> int:
    """Write ``text`` repeated to ``path`` until about ``chars`` characters (whole copies, then a cut at a
    line break); the characters written."""
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        while written + len(text) <= chars:
            handle.write(text)
            written += len(text)
        rest = text[: chars - written]
        cut = rest.rfind("\n")
        rest = rest[: cut + 1] if cut > 0 else rest
        handle.write(rest)
        written += len(rest)
    return written


def worker(path: Path, lang: str) -> None:
    cpu = time.process_time()
    from veil import Pipeline, Settings
    from veil.writing.files import protect_file

    pipeline = Pipeline(Settings(seed=1))
    pipeline.protect_text(WARM_UP[lang], lang)
    row: dict[str, Any] = {"load_s": time.process_time() - cpu}
    started, wall = time.process_time(), time.perf_counter()
    document = pipeline.read(path)
    detections, languages = pipeline.detect(document, lang)
    row["detect_s"] = time.process_time() - started
    mark = time.process_time()
    entities = pipeline.link(detections, document, lang)
    del detections
    row["link_s"] = time.process_time() - mark
    mark = time.process_time()
    analysis = pipeline.finish(document, languages, entities)
    row["decide_s"] = time.process_time() - mark
    mark = time.process_time()
    protect_file(pipeline, path, path.with_suffix(".protected.txt"), lang=lang, analysis=analysis)
    row["write_s"] = time.process_time() - mark
    row["cpu_s"] = time.process_time() - started
    row["wall_s"] = time.perf_counter() - wall
    row["mentions"] = sum(len(e.mentions) for e in analysis.entities)
    print(json.dumps(row))


def measured(path: Path, lang: str) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", str(path), "--lang", lang]
    env = {**os.environ, **ONE_CORE, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, cwd=ROOT)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{path.name}: the run failed with exit code {os.waitstatus_to_exitcode(status)}")
    row: dict[str, Any] = json.loads(output.decode("utf-8").strip().splitlines()[-1])
    row["peak_rss_mb"] = usage.ru_maxrss / 1024
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=["en", "ru"])
    parser.add_argument("--max", default="10M", choices=sorted(SIZES, key=SIZES.__getitem__))
    parser.add_argument("--smoke", action="store_true", help="10 KB only")
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.lang)
        return
    limit = SIZES["10K" if args.smoke else args.max]
    text = material(args.lang)
    rows = []
    print(f"{'size':>5} {'chars':>11} {'load s':>7} {'detect':>8} {'link':>7} {'decide':>7} {'write':>7} ", end="")
    print(f"{'CPU s':>8} {'chars/CPU-s':>12} {'peak MB':>8} {'mentions':>9}", flush=True)
    with tempfile.TemporaryDirectory(prefix="veil-scaling-") as folder:
        for name, chars in SIZES.items():
            if chars > limit:
                break
            path = Path(folder) / f"{name}.txt"
            row = {"size": name, "chars": write_sized(path, text, chars), **measured(path, args.lang)}
            row["chars_per_cpu_s"] = row["chars"] / row["cpu_s"]
            for produced in Path(folder).iterdir():
                produced.unlink()
            rows.append(row)
            print(f"{name:>5} {row['chars']:>11,} {row['load_s']:>7.2f} {row['detect_s']:>8.2f} ", end="")
            print(f"{row['link_s']:>7.2f} {row['decide_s']:>7.2f} {row['write_s']:>7.2f} {row['cpu_s']:>8.2f} ", end="")
            print(f"{row['chars_per_cpu_s']:>12,.0f} {row['peak_rss_mb']:>8.0f} {row['mentions']:>9,}", flush=True)
    if args.json:
        print(json.dumps(rows))
    print(f"(machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; language {args.lang})")


if __name__ == "__main__":
    main()
