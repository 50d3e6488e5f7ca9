"""The batch's parts without a cluster: the plan, the manifest, the workers' pipeline cache, the command."""

from __future__ import annotations

import collections
import hashlib
import hmac
import pickle
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from tests.helpers import run_veil
from tests.vault_helpers import PASSPHRASE, new_project
from veil import Settings, VeilError
from veil.batch.cluster import InProcess
from veil.batch.manifest import Entry, Manifest
from veil.batch.plan import PlannedFile, plan
from veil.batch.runner import BYTES_IN_FLIGHT_PER_WORKER, WINDOW_PER_WORKER, _Driver, _InFlight
from veil.batch.work import FileAnalysis, _PipelineCache, analyze_file
from veil.errors import ErrorCode


def _tagger(space: str, value: bytes) -> bytes:
    return hmac.new(b"test key", space.encode() + b"\x00" + value, hashlib.sha256).digest()


def _touch(path: Path, text: str = "text") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


# -- the plan -----------------------------------------------------------------------------------------


def test_plan_takes_supported_files_in_path_order_and_leaves_the_rest(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.md", "a/y.srt", "notes", "scan.pdf", ".git/x.txt", "a/.draft.txt"):
        _touch(tmp_path / "in" / name)
    found = plan(tmp_path / "in", tmp_path / "out")
    assert [f.relative for f in found.files] == ["a/y.srt", "a/z.md", "b.txt"]
    assert [f.output for f in found.files] == [tmp_path / "out" / r for r in ("a/y.srt", "a/z.md", "b.txt")]
    # no extension is not taken for text in a batch; hidden files and folders are not looked at
    assert sorted((s.relative, s.reason) for s in found.skipped) == [
        ("notes", "unsupported file type"),
        ("scan.pdf", "unsupported file type"),
    ]


def test_plan_leaves_out_an_output_folder_inside_the_input(tmp_path: Path) -> None:
    _touch(tmp_path / "in" / "a.txt")
    _touch(tmp_path / "in" / "protected" / "a.txt")
    found = plan(tmp_path / "in", tmp_path / "in" / "protected")
    assert [f.relative for f in found.files] == ["a.txt"]


@pytest.mark.parametrize("out", ["in", "."])
def test_plan_refuses_an_output_folder_that_holds_the_input(tmp_path: Path, out: str) -> None:
    _touch(tmp_path / "in" / "a.txt")
    with pytest.raises(VeilError) as error:
        plan(tmp_path / "in", tmp_path / out)
    assert error.value.code == ErrorCode.OUTPUT_CONFLICT


def test_files_whose_reports_would_collide_fail_after_the_first(tmp_path: Path) -> None:
    _touch(tmp_path / "in" / "a.md")
    _touch(tmp_path / "in" / "a.txt")
    found = plan(tmp_path / "in", tmp_path / "out")
    assert [f.relative for f in found.files] == ["a.md"]
    assert [(item.relative, "a.md" in why) for item, why in found.conflicts] == [("a.txt", True)]
    assert [f.relative for f in plan(tmp_path / "in", tmp_path / "out", reports=False).files] == ["a.md", "a.txt"]


def test_the_window_of_files_in_flight_is_deeper_for_small_files_and_bounded_for_large_ones(tmp_path: Path) -> None:
    def flying(*sizes: int) -> tuple[_InFlight, ...]:
        return tuple(
            _InFlight(_planned(tmp_path, size), Entry("", "", "", 0, 0, 0), InProcess().submit(len, ""))
            for size in sizes
        )

    small, large = 64 << 10, BYTES_IN_FLIGHT_PER_WORKER
    assert _Driver._room_for(_planned(tmp_path, large), flying(large), workers=1)  # two per worker, whatever the size
    assert not _Driver._room_for(_planned(tmp_path, large), flying(large, large), workers=1)
    assert _Driver._room_for(_planned(tmp_path, small), flying(small, small, small), workers=1)
    assert not _Driver._room_for(_planned(tmp_path, small), flying(*[small] * WINDOW_PER_WORKER), workers=1)
    assert _Driver._room_for(_planned(tmp_path, large), flying(large, large, large), workers=2)
    assert not _Driver._room_for(_planned(tmp_path, large), flying(large, large, large, large), workers=2)


def _planned(root: Path, size: int) -> PlannedFile:
    return PlannedFile("a.txt", root / "in" / "a.txt", root / "out" / "a.txt", size)


# -- the manifest -------------------------------------------------------------------------------------


def test_manifest_keeps_finished_files_across_runs_and_drops_a_torn_last_line(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    first = Manifest(path, _tagger).open()
    key = first.key("en/interview.txt", b"digest", b"settings")
    done = type(key)(key.file, key.input, key.settings, document=4, characters=100, output_bytes=90)
    first.finished(done)
    first.close()
    with path.open("ab") as handle:
        handle.write(b'{"v": 1, "file": "abc')  # a kill in the middle of the next line
    again = Manifest(path, _tagger).open()
    assert again.is_done(key) == done
    assert again.is_done(again.key("en/interview.txt", b"other digest", b"settings")) is None
    assert again.is_done(again.key("en/interview.txt", b"digest", b"other settings")) is None
    again.finished(type(key)(key.file, key.input, key.settings, 5, 100, 90))
    again.close()
    lines = path.read_text("utf-8").splitlines()
    assert len(lines) == 2
    assert all(line.startswith("{") and line.endswith("}") for line in lines)
    assert "interview" not in path.read_text("utf-8")


# -- the workers' pipeline ----------------------------------------------------------------------------


def test_a_worker_builds_its_pipeline_once_per_settings() -> None:
    cache = _PipelineCache()
    first = cache.get(Settings(seed=1))
    assert cache.get(Settings(seed=1)) is first
    assert cache.built == 1
    assert cache.get(Settings(seed=2)) is not first
    assert cache.built == 2


def test_an_analysis_travels_whole_through_the_standard_pickler(tmp_path: Path) -> None:
    """What a worker sends back pickles with the standard pickler (no slower fallback), arrives equal, and
    detections that shared one read-only attribute mapping still share one."""
    source = tmp_path / "a.txt"
    source.write_text("Sergey Volkov called me from Omsk. Volkov was 27. Сергей Волков позвонил из Омска.", "utf-8")
    analysed = analyze_file(str(source), Settings(seed=1), "auto", None)
    assert isinstance(analysed, FileAnalysis)
    copy = pickle.loads(pickle.dumps(analysed))
    assert copy == analysed
    mentions = [m for e in copy.entities for m in e.mentions]
    assert mentions
    assert all(isinstance(m.attrs, MappingProxyType) for m in mentions)
    by_attrs = collections.defaultdict(set)
    for original, arrived in zip((m for e in analysed.entities for m in e.mentions), mentions, strict=True):
        by_attrs[id(original.attrs)].add(id(arrived.attrs))
    assert all(len(arrived) == 1 for arrived in by_attrs.values())


# -- the command --------------------------------------------------------------------------------------


def test_batch_needs_a_project(tmp_path: Path) -> None:
    _touch(tmp_path / "in" / "a.txt")
    result = run_veil("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), cwd=str(tmp_path))
    assert result.returncode == 1
    assert "error[project.not-found]" in result.stderr


def test_workers_and_scheduler_exclude_each_other(tmp_path: Path) -> None:
    result = run_veil(
        "batch", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", "2", "--scheduler", "tcp://x:1"
    )
    assert result.returncode == 1
    assert "error[usage]" in result.stderr


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    new_project(tmp_path / "project").close()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"\xff\xfe not utf-8")
    _touch(tmp_path / "in" / "b.txt", "Daniil Sorokin left.")
    result = run_veil(
        "batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--project", str(tmp_path / "project"),
        "--workers", "0", "--fail-fast", env={"VEIL_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert result.returncode == 1
    assert "error[input.not-utf8]" in result.stderr
    assert not (tmp_path / "out" / "b.txt").exists()
    assert "--fail-fast" in result.stderr


# -- the vault's index of pseudonyms in use (asked once per new person, so it must not scan the vault) ----


def test_pseudonyms_in_use_follow_new_and_changed_entities(tmp_path: Path) -> None:
    with new_project(tmp_path / "project") as project:
        memory = project.memory()
        assert memory.taken("person") == set()
        memory.remember("person", ["person-full:a"], {"value": "Pavel Orlov"})
        memory.remember("phone", ["phone:1"], {"value": "+7 900 000-00-00"})
        assert memory.taken("person") == {"Pavel Orlov"}
        memory.remember("person", ["person-full:b"], {"value": "Igor Zaitsev"})
        assert memory.taken("person") == {"Pavel Orlov", "Igor Zaitsev"}
        (entity,) = [e for e in project.entities() if e.type == "person" and e.id == 1]
        project.change_decision(entity.id, None, replacement={"value": "Anton Frolov"})
        assert memory.taken("person") == {"Anton Frolov", "Igor Zaitsev"}
        assert memory.taken("phone") == {"+7 900 000-00-00"}


class _FakeClient:
    def __init__(self, versions: dict[str, str]) -> None:
        self.versions = versions

    def run(self, function: object) -> dict[str, str]:
        return self.versions


def test_a_cluster_whose_workers_run_another_veil_is_refused() -> None:
    from veil import __version__
    from veil.batch.cluster import check_versions

    check_versions(_FakeClient({"tcp://a:1": __version__, "tcp://b:1": __version__}))
    with pytest.raises(VeilError) as error:
        check_versions(_FakeClient({"tcp://a:1": __version__, "tcp://b:1": "0.0.1"}))
    assert error.value.code == ErrorCode.USAGE
    assert "0.0.1" in error.value.message


@pytest.mark.parametrize("stage", ["decide", "finish"])
def test_an_unexpected_error_in_one_file_is_reported_without_its_details_and_the_rest_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    """Deciding (in the driver) or finishing (assessing and rendering, on a worker) breaks on one file."""
    import os

    from veil.batch import BatchOptions, run_batch, runner
    from veil.batch.work import FileAnalysis
    from veil.pipeline import Pipeline

    _touch(tmp_path / "in" / "a.txt", "first")
    _touch(tmp_path / "in" / "b.txt", "second")
    # no models needed: the workers' half finds nothing; the file's text tells the two files apart
    monkeypatch.setattr(
        runner, "analyze_file", lambda source, *args: FileAnalysis({"en": 5}, [], {0: source}, {}, os.getpid(), 1)
    )
    real = getattr(Pipeline, stage)

    def broken(self: Pipeline, *args: Any, **kwargs: Any) -> Any:
        # the driver decides with the analysis's text before mentions, a worker finishes the document
        which = kwargs["before"][0] if stage == "decide" else str(args[0].path)
        if which.endswith("a.txt"):
            raise RuntimeError("Daniil Sorokin")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Pipeline, stage, broken)
    with new_project(tmp_path / "project") as project:
        summary = run_batch(project, BatchOptions(tmp_path / "in", tmp_path / "out", workers=0))
    assert summary.done == ["b.txt"]
    (failure,) = summary.failed
    assert (failure.relative, failure.code) == ("a.txt", "internal")
    assert "RuntimeError" in failure.message
    assert "Sorokin" not in failure.message
    assert not (tmp_path / "out" / "a.txt").exists()


def _spill_settings() -> tuple[object, object]:
    import dask

    return dask.config.get("distributed.worker.memory.target"), dask.config.get("distributed.worker.memory.spill")


def test_local_workers_never_spill_what_they_hold_to_disk() -> None:
    """Task results hold real mentions: Dask's spilling to a temporary folder must be off on the workers."""
    from veil.batch.cluster import DaskExecutor, executor

    with executor(1, None) as workers:
        assert isinstance(workers, DaskExecutor)
        seen = workers.client.run(_spill_settings)
    assert list(seen.values()) == [(False, False)]
