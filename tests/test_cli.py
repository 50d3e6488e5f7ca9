"""The command line as users and scripts meet it: outputs, reports, exit codes and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers import run_veil

SECRET_TEXT = "Mr Robert Murray called me from +7 912 345-67-89 and wrote to robert.murray@mail.ru.\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(SECRET_TEXT, encoding="utf-8")
    return path


def test_protect_writes_output_and_reports(story: Path) -> None:
    result = run_veil("protect", str(story), "--lang", "en")
    assert result.returncode == 0, result.stderr
    output = story.with_name("story.protected.txt")
    protected = output.read_text(encoding="utf-8")
    for secret in ("Robert", "Murray", "912 345-67-89", "robert.murray@mail.ru"):
        assert secret not in protected
    report = json.loads(story.with_name("story.protected.report.json").read_text(encoding="utf-8"))
    assert report["revealed"] is False
    assert {e["type"] for e in report["entities"]} >= {"person", "phone", "email"}
    html = story.with_name("story.protected.report.html").read_text(encoding="utf-8")
    for secret in ("Robert", "Murray", "robert.murray@mail.ru"):
        assert secret not in html
        assert secret not in json.dumps(report)


def test_report_originals_is_explicit(story: Path) -> None:
    result = run_veil("protect", str(story), "--report-originals", "-q")
    assert result.returncode == 0, result.stderr
    report = json.loads(story.with_name("story.protected.report.json").read_text(encoding="utf-8"))
    assert report["revealed"] is True
    assert "Robert Murray" in json.dumps(report, ensure_ascii=False)


def test_several_inputs_go_to_a_folder(tmp_path: Path, story: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text("Сергей Волков, тел. 8 912 345-67-89\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_veil("protect", str(story), str(other), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "other.md", "other.report.html", "other.report.json",
        "story.report.html", "story.report.json", "story.txt",
    ]  # fmt: skip


def test_detect_jsonl_offsets_are_code_points(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    text = "😀 ёжик\r\nЗвоните: +7 912 345-67-89 🙂 mail a@b.io\n"
    path.write_bytes(text.encode("utf-8"))
    result = run_veil("detect", str(path), "--jsonl", "--text")
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout)
    assert line["path"] == str(path)
    for span in line["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
        assert span["kind"] in {"direct", "quasi"}
    assert {s["text"] for s in line["spans"]} >= {"+7 912 345-67-89", "a@b.io"}


def test_detect_leaves_text_out_unless_asked(story: Path) -> None:
    result = run_veil("detect", str(story), "--jsonl")
    assert result.returncode == 0, result.stderr
    assert "Murray" not in result.stdout
    spans = json.loads(result.stdout)["spans"]
    person = [s for s in spans if s["label"] == "PERSON"]
    assert person
    assert len({s["entity"] for s in person}) == 1


def test_detect_many_files_one_line_each(tmp_path: Path, story: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("Nothing to see here.\n", encoding="utf-8")
    result = run_veil("detect", str(story), str(second), "--jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["path"] for line in lines] == [str(story), str(second)]
    assert lines[1]["spans"] == []


BAD_INPUTS = [
    ("not-utf8.txt", b"\xff\xfe\x00not text", "input."),  # NUL bytes: binary
    ("latin1.txt", "Сергей".encode("cp1251"), "input.not-utf8"),
    ("binary.txt", bytes(range(256)) * 10, "input.binary"),
    ("empty.txt", b"", "input.empty"),
    ("picture.png", b"\x89PNG\r\n", "input.unsupported-format"),
]


@pytest.mark.parametrize(("name", "content", "code"), BAD_INPUTS)
def test_bad_input_gives_one_line_error_and_no_output(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run_veil("protect", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"veil: error[{code}"), result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    result = run_veil("protect", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert "error[input.not-found]" in result.stderr
    result = run_veil("protect", str(tmp_path))
    assert result.returncode == 1
    assert "error[input." in result.stderr
    if os.geteuid() != 0:  # root reads everything
        locked = tmp_path / "locked.txt"
        locked.write_text("x", encoding="utf-8")
        locked.chmod(0)
        result = run_veil("protect", str(locked))
        assert result.returncode == 1
        assert "error[input.unreadable]" in result.stderr


def test_error_messages_never_echo_document_text(tmp_path: Path) -> None:
    path = tmp_path / "late-bad-byte.txt"
    path.write_bytes(("Сергей Волков " * 10000).encode("utf-8") + b"\xff tail")
    result = run_veil("protect", str(path))
    assert result.returncode == 1
    assert "error[input.not-utf8]" in result.stderr
    assert "Волков" not in result.stderr
    assert not (tmp_path / "late-bad-byte.protected.txt").exists()


def test_existing_output_survives_a_failed_run(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"ok text\n")
    output = tmp_path / "doc.protected.txt"
    output.write_text("previous result", encoding="utf-8")
    path.write_bytes(b"now broken \xff\n")
    result = run_veil("protect", str(path))
    assert result.returncode == 1
    assert output.read_text(encoding="utf-8") == "previous result"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_refuses_to_overwrite_the_input(story: Path) -> None:
    result = run_veil("protect", str(story), "-o", str(story))
    assert result.returncode == 1
    assert "error[output.conflict]" in result.stderr
    assert story.read_text(encoding="utf-8") == SECRET_TEXT


def test_usage_errors_exit_2() -> None:
    assert run_veil("protect").returncode == 2
    assert run_veil("protect", "x.txt", "--lang", "de").returncode == 2


def test_bad_config_is_a_clear_error(tmp_path: Path, story: Path) -> None:
    config = tmp_path / "veil.toml"
    config.write_text('keep_public = "sometimes"\n', encoding="utf-8")
    result = run_veil("protect", str(story), "-c", str(config))
    assert result.returncode == 1
    assert "error[config.invalid]" in result.stderr


def test_large_single_line_file_streams(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    word = "lorem ipsum dolor sit amet "
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Call +7 912 345-67-89 ")
        handle.write(word * (3_000_000 // len(word)))
        handle.write("or write to ivan@example.org")
    result = run_veil("protect", str(path), "--lang", "en", "--no-report", "-q")
    assert result.returncode == 0, result.stderr
    protected = path.with_name("one-line.protected.txt").read_text(encoding="utf-8")
    assert "\n" not in protected
    assert "912 345-67-89" not in protected
    assert "ivan@example.org" not in protected
