"""``veil eval`` end to end: the smoke evaluation CI runs on a few documents of every benchmark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_veil

REQUIRED_KEYS = {"ER_di", "ER_qi", "token_recall", "token_precision", "mention_recall", "per_label", "per_type"}


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.parametrize(
    ("relative", "format_name", "keep_public"),
    [
        ("tab/echr_dev_subset.json", "tab", True),
        ("spia_panorama/entity_panorama_151.jsonl", "spia", True),
        ("factrueval2016/devset", "factrueval", False),
        ("nerel/dev", "brat", False),
    ],
)
def test_smoke_evaluation_json(shared_data: Path, relative: str, format_name: str, keep_public: bool) -> None:
    done = run_veil("eval", str(shared_data / relative), "--limit", "3", "--json", "--missed", "2")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result.keys() >= REQUIRED_KEYS
    assert (result["format"], result["keep_public"]) == (format_name, keep_public)
    assert result["counts"]["documents"] == 3
    assert len(result["missed"]) <= 2
    for key in ("ER_di", "ER_qi", "token_recall", "token_precision", "mention_recall"):
        assert result[key] is None or 0 <= result[key] <= 1


@pytest.mark.data
@pytest.mark.slow
def test_smoke_evaluation_table(shared_data: Path) -> None:
    gold = shared_data / "tab/echr_dev_doc_001-83927_two_annotators.json"
    done = run_veil("eval", str(gold), "--format", "tab", "--no-keep-public", env={"COLUMNS": "160"})
    assert done.returncode == 0, done.stderr
    for expected in ("ER_di", "ER_qi", "token_recall", "Per label", "Missed entities", "keep public: False"):
        assert expected in done.stdout


@pytest.mark.parametrize(
    ("args", "code", "status"),
    [
        (["eval", "no/such/gold.json"], "input.not-found", 1),
        (["eval", "README.md"], "input.unsupported-format", 1),  # not a gold standard
    ],
)
def test_bad_gold_is_one_clear_line(args: list[str], code: str, status: int) -> None:
    done = run_veil(*args, cwd=str(Path(__file__).resolve().parent.parent))
    assert done.returncode == status
    assert f"error[{code}]" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    done = run_veil("eval", str(tmp_path), "--format", "conll")
    assert done.returncode == 2
    assert "unknown gold format" in done.stderr
