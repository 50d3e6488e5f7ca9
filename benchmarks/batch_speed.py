"""Speed and memory of ``veil batch``: 1 against 2 workers, memory per worker, and a 100 MB corpus.

The corpus is generated into a temporary folder (never into the repository) from English and Russian
texts: TAB train cases and GUM documents (English), factRuEval dev texts (Russian) from
``../shared/data``, and the bundled example interviews (used alone when the shared data is absent).
Files are cut to a chosen size; the ``corpus`` run adds one single large file to show that a huge
document is streamed with bounded memory.

Each run protects the corpus into a fresh project (so every run does the same work), through the same
``run_batch`` the command uses, with its Dask local cluster. Wall-clock figures are what scaling is
about; the machine's load average is printed before and after, because on a shared machine other work
takes cores from the workers.

The ``machine`` run measures what two cores give Veil's workers without the driver: a worker's whole
work (analyse, decide, render and report, models loaded beforehand) on all the files in one process
alone, then on half of them in each of two processes at once, as two workers share them; the ratio is
about the most two workers can gain over one here.

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/batch_speed.py scaling [--mb 10] [--one-core] [--repeat 3]
    PYTHONPATH=src python benchmarks/batch_speed.py corpus [--mb 100] [--workers 2] [--large-mb 5]
    PYTHONPATH=src python benchmarks/batch_speed.py machine [--mb 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
MIB = 1 << 20


def source_texts() -> list[tuple[str, str]]:
    """(language, text) pairs to build the corpus from."""
    texts = [(p.stem[-2:], p.read_text("utf-8")) for p in sorted((ROOT / "examples").glob("interview_*.txt"))]
    if not DATA.is_dir():
        return texts
    cases = json.loads((DATA / "tab" / "echr_train_subset.json").read_text("utf-8"))
    texts += [("en", case["text"]) for case in cases]
    with (DATA / "en_ner" / "gum" / "data.jsonl").open(encoding="utf-8") as lines:
        texts += [("en", json.loads(line)["text"]) for line in lines]
    texts += [("ru", p.read_text("utf-8")) for p in sorted((DATA / "factrueval2016" / "devset").glob("*.txt"))]
    return texts


def _stream(texts: list[tuple[str, str]], lang: str) -> Iterator[str]:
    chosen = [text for language, text in texts if language == lang]
    while True:
        yield from chosen


def write_corpus(folder: Path, total_mb: float, file_kb: int, large_mb: float = 0.0) -> tuple[int, int]:
    """Files of about ``file_kb`` KB, two English to one Russian, up to ``total_mb``; (files, bytes)."""
    texts = source_texts()
    streams = {"en": _stream(texts, "en"), "ru": _stream(texts, "ru")}
    target = int(total_mb * MIB)
    written = files = 0
    if large_mb:
        written += _write_file(folder / "large" / "one-large-file.txt", streams["en"], int(large_mb * MIB))
        files += 1
    while written < target:
        lang = "ru" if files % 3 == 2 else "en"
        path = folder / lang / f"{files // 100:03}" / f"doc{files:05}.txt"
        written += _write_file(path, streams[lang], min(file_kb * 1024, target - written))
        files += 1
    return files, written


def _write_file(path: Path, texts: Iterator[str], size: int) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < size:
            piece = next(texts) + "\n\n"
            handle.write(piece)
            written += len(piece.encode("utf-8"))
    return written


def load() -> float:
    return os.getloadavg()[0]


class Ticker:
    """Prints a line every ``every`` files, so a long run shows its pace (and a stopped one its rate)."""

    def __init__(self, every: int) -> None:
        self.every = every
        self.files = self.characters = 0
        self.started = time.perf_counter()

    def planned(self, files: int, total_bytes: int) -> None:
        self.started = time.perf_counter()

    def finished(self, item: object, characters: int, ok: bool) -> None:
        self.files += 1
        self.characters += characters
        if self.every and self.files % self.every == 0:
            elapsed = time.perf_counter() - self.started
            row = {"files_done": self.files, "characters": self.characters, "elapsed_s": round(elapsed, 1)}
            print(json.dumps({**row, "load": round(load(), 2)}), flush=True)


def run(corpus: Path, workers: int, work: Path, every: int = 0, cores: int = 0) -> dict[str, object]:
    """One run of ``run_batch``; ``cores`` > 0 keeps the run (this process, the scheduler and the workers)
    on that many CPUs."""

    everywhere = os.sched_getaffinity(0)
    if cores:
        os.sched_setaffinity(0, sorted(everywhere)[:cores])  # the workers started below inherit it
    try:
        return _run(corpus, workers, work, every) | {"cores": cores or len(everywhere)}
    finally:
        os.sched_setaffinity(0, everywhere)


def _run(corpus: Path, workers: int, work: Path, every: int) -> dict[str, object]:
    from veil.batch import BatchOptions, run_batch
    from veil.vault import KdfParams, Project

    work = Path(tempfile.mkdtemp(prefix=f"run-{workers}-", dir=work))  # each run its own project and output
    project = Project.init(work / "project", "benchmark passphrase", kdf=KdfParams.fast())
    before = load()
    started, driver_cpu = time.perf_counter(), time.process_time()
    with project, project.session():
        options = BatchOptions(corpus, work / "out", workers=workers)
        summary = run_batch(project, options, events=Ticker(every))
    total, driver_cpu = time.perf_counter() - started, time.process_time() - driver_cpu
    memory = sorted(summary.worker_memory.values())
    worker_cpu = sum(summary.worker_cpu_seconds.values())
    return {
        "workers": workers,
        "files": len(summary.done),
        "failed": len(summary.failed),
        "characters": summary.characters,
        "startup_s": round(summary.startup_seconds, 1),
        "processing_s": round(summary.seconds, 1),
        "total_s": round(total, 1),
        "chars_per_s": round(summary.characters / summary.seconds),
        "worker_peak_rss_mib": [round(m / MIB) for m in memory],
        "driver_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        # CPU time says what the code costs whatever else runs on the machine: the workers' (reading,
        # detecting, linking, model loading) and the driver's (deciding, writing, the vault, Dask's client)
        "worker_cpu_s": round(worker_cpu, 1),
        "driver_cpu_s": round(driver_cpu, 1),
        "load_before": round(before, 2),
        "load_after": round(load(), 2),
    }


def scaling(rows: list[dict[str, object]]) -> dict[str, float]:
    """The measured 1 -> 2 worker speed-up, and the one two idle cores allow given the CPU times.

    With W worker CPU-seconds and D driver CPU-seconds for the corpus, one worker takes at least W
    seconds (the driver runs beside it on the second core) and two workers plus the driver share two
    cores, so they take at least (W + D) / 2: the speed-up two idle cores allow is 2W / (W + D).
    """
    one, two = rows
    measured = float(str(two["chars_per_s"])) / float(str(one["chars_per_s"]))
    work, driver = float(str(one["worker_cpu_s"])), float(str(one["driver_cpu_s"]))
    return {"measured_1_to_2": round(measured, 2), "cpu_bound_1_to_2": round(2 * work / (work + driver), 2)}


def alone(corpus: Path, part: int = 0, parts: int = 1) -> None:
    """One worker's whole work on every ``parts``-th file of ``corpus`` from the ``part``-th (all of them by
    default), models loaded first; prints its CPU and wall time."""
    from veil.batch.work import FileAnalysis, FileRendering, analyze_file, render_file
    from veil.config import Settings
    from veil.pipeline import Pipeline, main_language

    settings = Settings(seed=1)
    pipeline = Pipeline(settings)
    every = sorted(str(path) for path in corpus.rglob("*.txt"))
    files = every[part::parts]
    for warm_up in every[:3]:  # both languages' models
        analyze_file(warm_up, settings, "auto", None)
    started, cpu = time.perf_counter(), time.process_time()
    characters = 0
    for source in files:
        analysed = analyze_file(source, settings, "auto", None)
        assert isinstance(analysed, FileAnalysis)
        decisions = pipeline.decide(analysed.entities, main_language(analysed.languages), before=analysed.before)
        rendered = render_file(analysed, source, source, source + ".out", settings, None, decisions, True, False)
        assert isinstance(rendered, FileRendering)
        characters += analysed.characters
    row = {"cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - started, "characters": characters}
    print(json.dumps(row), flush=True)


def machine(corpus: Path) -> dict[str, float]:
    """All the files in one process, then half of them in each of two processes at once, as two workers
    share them (see the module docstring)."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT / "src")}

    def together(count: int) -> list[dict[str, float]]:
        commands = [
            [sys.executable, __file__, "alone", "--corpus", str(corpus), "--part", f"{part}/{count}"]
            for part in range(count)
        ]
        children = [subprocess.Popen(command, stdout=subprocess.PIPE, env=env) for command in commands]
        return [json.loads(child.communicate()[0].decode().splitlines()[-1]) for child in children]

    [one] = together(1)
    two = together(2)
    print(json.dumps({"alone": one, "two_at_once": two, "load": round(load(), 2)}))
    slowest = max(row["wall_s"] for row in two)
    rate_one = one["characters"] / one["wall_s"]
    rate_two = sum(row["characters"] for row in two) / slowest
    return {
        "cpu_all_files_s": round(one["cpu_s"], 1),
        "cpu_both_halves_s": round(sum(row["cpu_s"] for row in two), 1),
        "machine_1_to_2": round(rate_two / rate_one, 2),
    }


def _corpus(work: Path, total_mb: float, file_kb: int, large_mb: float = 0.0) -> None:
    """Write the corpus into ``work / "corpus"`` and say what it holds."""
    files, size = write_corpus(work / "corpus", total_mb, file_kb, large_mb)
    print(json.dumps({"corpus_files": files, "corpus_mib": round(size / MIB, 2), "cpus": os.cpu_count()}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["scaling", "corpus", "machine", "alone"])
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--part", default="0/1", help=argparse.SUPPRESS)
    parser.add_argument("--one-core", action="store_true", help="scaling: run the one-worker run on one CPU")
    parser.add_argument("--repeat", type=int, default=1, help="scaling: run the pair this many times")
    parser.add_argument(
        "--mb", type=float, help="corpus size in MiB (default 10 for scaling, 1 for machine, 100 for corpus)"
    )
    parser.add_argument("--workers", type=int, default=2, help="workers for the corpus run")
    parser.add_argument("--file-kb", type=int, default=256, help="size of each file")
    parser.add_argument("--large-mb", type=float, default=5.0, help="one extra single file this large (corpus)")
    args = parser.parse_args()
    if args.what == "alone":
        part, parts = args.part.split("/")
        alone(args.corpus, int(part), int(parts))
        return
    with tempfile.TemporaryDirectory(prefix="veil-batch-bench-") as temp:
        work = Path(temp)
        if args.what == "machine":
            _corpus(work, args.mb or 1.0, min(args.file_kb, 64))
            print(json.dumps(machine(work / "corpus")))
        elif args.what == "scaling":
            _corpus(work, args.mb or 10.0, min(args.file_kb, 64))
            # --one-core: the one-worker run (with this process and the scheduler) kept on one CPU, so
            # the ratio compares one core with two rather than one worker with two
            ratios = []
            for _ in range(args.repeat):  # the machine's noise is larger than one run shows
                rows = [run(work / "corpus", 1, work, cores=1 if args.one_core else 0), run(work / "corpus", 2, work)]
                for row in rows:
                    print(json.dumps(row), flush=True)
                ratios.append(scaling(rows))
                print(json.dumps(ratios[-1]), flush=True)
            if args.repeat > 1:
                measured = [ratio["measured_1_to_2"] for ratio in ratios]
                print(json.dumps({"runs": len(measured), "median_measured_1_to_2": statistics.median(measured)}))
        else:
            _corpus(work, args.mb or 100, args.file_kb, args.large_mb)
            print(json.dumps(run(work / "corpus", args.workers, work, every=20)), flush=True)


if __name__ == "__main__":
    main()
