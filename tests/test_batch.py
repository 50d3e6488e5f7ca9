"""veil batch: a mixed archive on Dask workers, one pseudonym per person, resumable after SIGKILL.

One reference run (two workers of an existing local Dask cluster, reached by its scheduler address)
serves most tests; the kill-and-resume test runs the real command line with one worker of its own
cluster and must end with byte for byte the reference's outputs and the same vault mapping.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.batch_corpus import FAILING, NAMES, PERSON_EN, PERSON_RU_FORMS, build_corpus, output_text
from tests.conftest import ROOT
from tests.vault_helpers import PASSPHRASE, new_project, open_project
from veil.batch import BatchOptions, BatchSummary, run_batch
from veil.batch.manifest import MANIFEST_NAME
from veil.errors import ErrorCode

pytestmark = pytest.mark.slow


@dataclass
class Run:
    root: Path
    files: dict[str, Path]
    summary: BatchSummary

    @property
    def out(self) -> Path:
        return self.root / "out"

    @property
    def project(self) -> Path:
        return self.root / "project"


def _batch(root: Path, **options: Any) -> BatchSummary:
    with open_project(root / "project") as project, project.session():
        return run_batch(project, BatchOptions(root / "in", root / "out", **options))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Run:
    from dask.distributed import LocalCluster

    root = tmp_path_factory.mktemp("reference")
    files = build_corpus(root / "in")
    new_project(root / "project").close()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster:
        summary = _batch(root, scheduler=cluster.scheduler_address)
    return Run(root, files, summary)


def _outputs(out: Path) -> dict[str, bytes]:
    """Every protected copy (not the reports, which name their own paths) by relative path."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith(".") and ".report." not in p.name
    }


def _mapping(project_root: Path) -> list[tuple[str, str, tuple[str, ...], tuple[int, ...]]]:
    """The vault's key: (type, replacement, real mentions, documents) for every entity."""
    with open_project(project_root) as project:
        key = project.export_key(reason="test: compare two runs")
    return sorted(
        (e["type"], e["replacement"], tuple(sorted(e["mentions"])), tuple(e["documents"])) for e in key["entities"]
    )


def test_output_tree_mirrors_the_input_tree(reference: Run) -> None:
    expected = sorted(set(reference.files) - FAILING)
    assert sorted(reference.summary.done) == expected
    assert sorted(_outputs(reference.out)) == expected
    for relative in expected:
        output = reference.out / relative
        stem = output.stem
        assert (output.parent / f"{stem}.report.json").is_file()
        assert (output.parent / f"{stem}.report.html").is_file()
    assert not (reference.out / "scan.pdf").exists()
    assert not (reference.out / ".hidden.txt").exists()
    assert [s.relative for s in reference.summary.skipped] == ["scan.pdf"]


def test_corrupt_files_fail_with_a_reason_and_the_rest_finish(reference: Run) -> None:
    failed = {f.relative: f.code for f in reference.summary.failed}
    assert failed == {"broken.docx": ErrorCode.INPUT_CORRUPT.value, "latin1.txt": ErrorCode.INPUT_NOT_UTF8.value}
    for failure in reference.summary.failed:
        assert failure.relative in failure.message  # the message names the file ...
        assert "caf" not in failure.message  # ... and quotes nothing from inside it


def test_one_person_keeps_one_pseudonym_in_every_file_and_format(reference: Run) -> None:
    entities = [e for e in _key(reference.project) if e["type"] == "person"]
    son = [e for e in entities if PERSON_EN in e["mentions"]]
    assert len(son) == 1, "the son must be one project entity"
    pseudonym = son[0]["replacement"]
    assert pseudonym
    assert pseudonym != PERSON_EN
    in_files = ["en/interview.txt", "en/notes/summary.md", "en/letter.docx", "en/video.srt", "bulk/part00.txt"]
    for relative in in_files:
        text = output_text(reference.out / relative)
        assert pseudonym in text, f"{relative} does not use the son's pseudonym"
        assert PERSON_EN not in text
        assert "Sorokin" not in text
    assert len(son[0]["documents"]) >= len(in_files)
    husband = [e for e in entities if set(PERSON_RU_FORMS) & set(e["mentions"])]
    assert len(husband) == 1, "the husband, in two files and two grammatical cases, must be one entity"
    assert len(husband[0]["documents"]) == 2
    for relative in ("ru/first.txt", "ru/second.txt"):
        assert "Громов" not in output_text(reference.out / relative)


def _key(project_root: Path) -> list[dict[str, Any]]:
    with open_project(project_root) as project:
        return list(project.export_key(reason="test: read the mapping")["entities"])


def test_manifest_and_messages_hold_no_plaintext_identifier(reference: Run) -> None:
    manifest = (reference.out / MANIFEST_NAME).read_text("utf-8")
    assert len(manifest.splitlines()) == len(reference.summary.done)
    for secret in (*NAMES, *reference.files, "interview", "letter", "bulk"):
        assert secret not in manifest
    for failure in reference.summary.failed:
        assert not any(name in failure.message for name in NAMES)


def test_rerun_skips_finished_files_without_touching_them(reference: Run) -> None:
    outputs = sorted(p for p in reference.out.rglob("*") if p.is_file())
    before = {p: p.stat().st_mtime_ns for p in outputs}
    with open_project(reference.project) as project:
        documents = len(project.documents())
    # The only files left to do are the corrupt ones, which fail before any model is needed.
    summary = _batch(reference.root, workers=0)
    assert summary.done == []
    assert sorted(s.relative for s in summary.skipped if s.reason == "already done") == sorted(reference.summary.done)
    assert {f.relative for f in summary.failed} == FAILING
    assert {p: p.stat().st_mtime_ns for p in outputs} == before
    with open_project(reference.project) as project:
        assert len(project.documents()) == documents


def test_a_changed_file_is_done_again_and_only_it(reference: Run, tmp_path: Path) -> None:
    for name in ("in", "out", "project"):
        shutil.copytree(reference.root / name, tmp_path / name)
    changed = tmp_path / "in" / "en" / "notes" / "summary.md"
    changed.write_text(changed.read_text("utf-8") + f"\n{PERSON_EN} wrote again in May.\n", "utf-8")
    (tmp_path / "in" / "latin1.txt").unlink()
    (tmp_path / "in" / "broken.docx").unlink()
    summary = _batch(tmp_path, workers=0)
    assert summary.done == ["en/notes/summary.md"]
    assert summary.failed == []
    assert PERSON_EN not in (tmp_path / "out" / "en" / "notes" / "summary.md").read_text("utf-8")


# -- kill and resume ----------------------------------------------------------------------------------


def _start_batch(root: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "VEIL_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "veil", "batch", str(root / "in"), "--out", str(root / "out")]
    return subprocess.Popen(
        [*command, "--project", str(root / "project"), *args],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip


def _manifest_lines(root: Path) -> int:
    try:
        return (root / "out" / MANIFEST_NAME).read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _kill_after(process: subprocess.Popen[str], root: Path, finished: int, timeout: float = 300) -> None:
    """SIGKILL the batch's driver as soon as ``finished`` files are recorded (then its orphans, if any)."""
    deadline = time.monotonic() + timeout
    while _manifest_lines(root) < finished:
        if process.poll() is not None:
            pytest.fail(f"the batch ended before it could be killed: {process.communicate()[1]}")
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    with_orphans = process.pid  # the session's id: workers left behind belong to it
    with contextlib.suppress(ProcessLookupError):
        os.killpg(with_orphans, signal.SIGKILL)


def test_sigkill_then_resume_equals_an_uninterrupted_run(reference: Run, tmp_path: Path) -> None:
    build_corpus(tmp_path / "in")
    new_project(tmp_path / "project").close()
    total = len(reference.summary.done)

    killed = _start_batch(tmp_path, "--workers", "1")
    _kill_after(killed, tmp_path, finished=3)
    assert killed.returncode == -signal.SIGKILL
    recorded = _manifest_lines(tmp_path)
    assert 3 <= recorded < total, "the kill must land in the middle of the run"

    resumed = _start_batch(tmp_path, "--workers", "1")
    _, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 1, stderr  # the two corrupt files still fail
    assert f"{recorded} already done" in stderr
    assert not list((tmp_path / "out").rglob("*.partial")), "a temporary output was left behind"

    assert _outputs(tmp_path / "out") == _outputs(reference.out)
    assert _mapping(tmp_path / "project") == _mapping(reference.project)
    assert _manifest_lines(tmp_path) == total
    with open_project(tmp_path / "project") as project:
        assert len(project.documents()) == total, "no document may be recorded twice"
    for name in NAMES:
        assert name not in stderr


def test_ctrl_c_in_the_middle_of_a_file_then_resume_equals_an_uninterrupted_run(
    reference: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted after the third file's output and vault record, before its reports and manifest line;
    everything in this process (no cluster), so this also shows the worker count does not matter."""
    from veil.batch import runner

    build_corpus(tmp_path / "in")
    new_project(tmp_path / "project").close()
    real_output = runner.atomic_output
    calls = []

    def interrupted(path: Path) -> Any:
        calls.append(path)
        if len(calls) == 8:  # each file writes its output, then its JSON and HTML reports
            assert path.name.endswith(".report.json")
            raise KeyboardInterrupt
        return real_output(path)

    monkeypatch.setattr(runner, "atomic_output", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _batch(tmp_path, workers=0)
    assert _manifest_lines(tmp_path) == 2
    monkeypatch.undo()

    summary = _batch(tmp_path, workers=0)
    assert len(summary.done) == len(reference.summary.done) - 2
    assert _outputs(tmp_path / "out") == _outputs(reference.out)
    assert _mapping(tmp_path / "project") == _mapping(reference.project)
    with open_project(tmp_path / "project") as project:
        assert len(project.documents()) == len(reference.summary.done), "no document may be recorded twice"
