"""What the vault costs: unlocking it, and protecting and revealing documents with it, on one core.

Usage: ``OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/vault_speed.py`` (the two example interviews,
each protected ``ROUNDS`` times without a project and in one; a fresh temporary project, deleted after).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from veil import Pipeline, Settings
from veil.vault import KdfParams, Project

ROUNDS = 10
PASSPHRASE = "benchmark passphrase, not a secret"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TEXTS = [(EXAMPLES / name).read_text(encoding="utf-8") for name in ("interview_en.txt", "interview_ru.txt")]


def per_document(run: object, texts: list[str]) -> float:
    """Median seconds per document over ``ROUNDS`` rounds of all texts."""
    times = []
    for _ in range(ROUNDS):
        for text in texts:
            started = time.perf_counter()
            run(text)  # type: ignore[operator]
            times.append(time.perf_counter() - started)
    return statistics.median(times)


with tempfile.TemporaryDirectory() as folder:
    root = Path(folder) / "project"
    Project.init(root, PASSPHRASE).close()  # the default Argon2id parameters
    unlocks = []
    for _ in range(3):
        started = time.perf_counter()
        Project.open(root, PASSPHRASE).close()
        unlocks.append(time.perf_counter() - started)
    plain = Pipeline(Settings(seed=1))
    plain.protect_text(TEXTS[1])  # load the models
    without = per_document(plain.protect_text, TEXTS)
    with Project.open(root, PASSPHRASE) as project:
        pipeline = project.pipeline(Settings(seed=1))
        with_vault = per_document(lambda text: project.protect_text(text, pipeline=pipeline), TEXTS)
        ids = [d.id for d in project.documents()]
        started = time.perf_counter()
        for document_id in ids:
            b"".join(project.reveal(document_id, reason="benchmark"))
        reveal = (time.perf_counter() - started) / len(ids)
        size = (root / "vault.veil").stat().st_size + (root / "vault.veil-wal").stat().st_size
    print(f"unlock (Argon2id {KdfParams.new().memory_kib // 1024} MiB, 3 passes): {statistics.median(unlocks):.2f} s")
    print(f"protect, no project: {without * 1000:.0f} ms/document; with the vault: {with_vault * 1000:.0f} ms/document")
    print(f"reveal: {reveal * 1000:.1f} ms/document; vault after {len(ids)} documents: {size // 1024} KiB")
