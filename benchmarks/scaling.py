"""How Veil's time and memory grow with the input: 10 KB to 10 MB (``--max 100M`` for 100 MB).

For each size a text file is written (the benchmark corpus repeated, see ``corpus.py``) and protected
by ``veil protect``'s own code path (``protect_file``: read streamed from disk, detect, link, decide,
write the protected copy and both reports; with ``--project``, ``Project.protect_file``, which also
records the original and the analysis in a new project's vault, as ``veil protect --project`` does) in a
fresh process, so each size's peak memory is its own (``getrusage`` of the finished child). Times are CPU
seconds (``time.process_time``) on one core (``OMP_NUM_THREADS=1``), per stage; loading the models is
timed apart.

Usage (from the repository root)::

    python benchmarks/scaling.py                      # English, 10 KB .. 10 MB
    python benchmarks/scaling.py --lang ru --max 1M
    python benchmarks/scaling.py --max 100M           # about half an hour of CPU
    python benchmarks/scaling.py --project --sizes 10M,20M,40M
    python benchmarks/scaling.py --smoke              # 10 KB only, to check that it runs
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
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
MORE_SIZES = {"20M": 20_000_000, "40M": 40_000_000}
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


def worker(path: Path, lang: str, project_folder: Path | None) -> None:
    cpu = time.process_time()
    from veil import Pipeline, Settings
    from veil.vault import KdfParams, Project

    pipeline = Pipeline(Settings(seed=1))
    with contextlib.ExitStack() as stack:
        project = None
        if project_folder is not None:  # a throwaway project (a cheap passphrase key, as the tests make), held
            # locked with one transaction around the stages as veil protect --project holds it
            project = stack.enter_context(Project.init(project_folder, "scaling benchmark", kdf=KdfParams.fast()))
            stack.enter_context(project.session())
            stack.enter_context(project.vault.transaction())
            pipeline = project.pipeline(Settings(seed=1))
        pipeline.protect_text(WARM_UP[lang], lang)
        row: dict[str, Any] = {"load_s": time.process_time() - cpu}
        started, wall = time.process_time(), time.perf_counter()
        analysis = _stages(pipeline, path, lang, row)
        mark = time.process_time()
        output = path.with_suffix(".protected.txt")
        if project is None:
            from veil.writing.files import protect_file

            protect_file(pipeline, path, output, lang=lang, analysis=analysis)
        else:
            project.protect_file(path, output, pipeline=pipeline, lang=lang, analysis=analysis)
        row["write_s"] = time.process_time() - mark
    row["cpu_s"] = time.process_time() - started
    row["wall_s"] = time.perf_counter() - wall
    row["mentions"] = sum(len(e.mentions) for e in analysis.entities)
    print(json.dumps(row))


def _stages(pipeline: Any, path: Path, lang: str, row: dict[str, Any]) -> Any:
    """``Pipeline.analyze`` stage by stage, timing each."""
    started = time.process_time()
    document = pipeline.read(path)
    detections, languages = pipeline.detect(document, lang, reduced=True)
    row["detect_s"] = time.process_time() - started
    mark = time.process_time()
    entities = pipeline.link(detections, document, lang)
    del detections
    row["link_s"] = time.process_time() - mark
    mark = time.process_time()
    analysis = pipeline.finish(document, languages, entities)
    row["decide_s"] = time.process_time() - mark
    return analysis


def measured(path: Path, lang: str, project: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", str(path), "--lang", lang]
    command += ["--project-folder", str(path.with_suffix(".project"))] if project else []
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
    parser.add_argument(
        "--sizes", help="comma-separated sizes instead of 10K up to --max (10K 100K 1M 10M 20M 40M 100M)"
    )
    parser.add_argument("--project", action="store_true", help="protect through a project (records in its vault)")
    parser.add_argument("--project-folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.lang, args.project_folder)
        return
    known = {**SIZES, **MORE_SIZES}
    if args.sizes:
        chosen = {name: known[name] for name in args.sizes.split(",")}
    else:
        limit = SIZES["10K" if args.smoke else args.max]
        chosen = {name: chars for name, chars in SIZES.items() if chars <= limit}
    text = material(args.lang)
    rows = []
    print(f"{'size':>5} {'chars':>11} {'load s':>7} {'detect':>8} {'link':>7} {'decide':>7} {'write':>7} ", end="")
    print(f"{'CPU s':>8} {'chars/CPU-s':>12} {'peak MB':>8} {'mentions':>9}", flush=True)
    with tempfile.TemporaryDirectory(prefix="veil-scaling-") as folder:
        for name, chars in chosen.items():
            path = Path(folder) / f"{name}.txt"
            row = {"size": name, "chars": write_sized(path, text, chars), **measured(path, args.lang, args.project)}
            row["chars_per_cpu_s"] = row["chars"] / row["cpu_s"]
            for produced in Path(folder).iterdir():
                if produced.is_dir():
                    shutil.rmtree(produced)
                else:
                    produced.unlink()
            rows.append(row)
            print(f"{name:>5} {row['chars']:>11,} {row['load_s']:>7.2f} {row['detect_s']:>8.2f} ", end="")
            print(f"{row['link_s']:>7.2f} {row['decide_s']:>7.2f} {row['write_s']:>7.2f} {row['cpu_s']:>8.2f} ", end="")
            print(f"{row['chars_per_cpu_s']:>12,.0f} {row['peak_rss_mb']:>8.0f} {row['mentions']:>9,}", flush=True)
    if args.json:
        print(json.dumps(rows))
    through = "Project.protect_file" if args.project else "protect_file"
    print(f"(machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; language {args.lang}; {through})")


if __name__ == "__main__":
    main()
