"""SubRip and WebVTT: every cue and timing kept byte for byte, the text protected, broken files refused."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import srt
import webvtt

from veil import Pipeline, VeilError
from veil.errors import ErrorCode
from veil.reading import FORMATS
from veil.writing.files import protect_file

SRT = """1
00:00:01,000 --> 00:00:04,200
My name is <i>Sergey</i> Volkov.

2
00:00:04,500 --> 00:00:07,000 X1:100 X2:200
Call me at +7 912 345-67-89,
or write to sergey.volkov@mail.ru.

3
00:00:08,000 --> 00:00:09,000
Volkov left in September.
"""

VTT = """WEBVTT - an interview with Sergey Volkov

NOTE the speaker is Sergey Volkov, +7 912 345-67-89

intro
00:00:01.000 --> 00:00:04.000 align:start position:10%
<v Sergey Volkov>My name is <b>Sergey</b> Volkov &amp; I stayed.

00:00:05.000 --> 00:00:07.500
<c.yellow>Volkov</c> wrote to sergey.volkov@mail.ru
"""

SECRETS = ("Sergey", "Volkov", "345-67-89", "sergey.volkov")
_TIMING = re.compile(r"^\S*\d+[:.,]\d+ --> .*$", re.MULTILINE)


def _protect(tmp_path: Path, pipeline: Pipeline, name: str, text: str) -> tuple[str, str]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    output = tmp_path / f"out-{name}"
    protect_file(pipeline, source, output, reports=False)
    return text, output.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "text"), [("a.srt", SRT), ("a.vtt", VTT)])
def test_timings_kept_byte_for_byte_and_text_protected(
    tmp_path: Path, pipeline: Pipeline, name: str, text: str
) -> None:
    before, after = _protect(tmp_path, pipeline, name, text)
    assert _TIMING.findall(after) == _TIMING.findall(before)
    assert after.count("\n\n") == before.count("\n\n")  # the same blocks
    for secret in SECRETS:
        assert secret not in after, secret


def test_srt_cues_parse_the_same_after(tmp_path: Path, pipeline: Pipeline) -> None:
    before, after = _protect(tmp_path, pipeline, "b.srt", SRT)
    cues_before, cues_after = list(srt.parse(before)), list(srt.parse(after))
    assert [(c.index, c.start, c.end, c.proprietary) for c in cues_before] == [
        (c.index, c.start, c.end, c.proprietary) for c in cues_after
    ]
    assert cues_after[0].content.startswith("My name is <i>")
    assert cues_after[0].content.endswith("</i>.")


def test_vtt_keeps_tags_settings_and_identifiers(tmp_path: Path, pipeline: Pipeline) -> None:
    _before, after = _protect(tmp_path, pipeline, "b.vtt", VTT)
    parsed = webvtt.from_buffer(io.StringIO(after))
    timings = [(c.identifier, c.start, c.end) for c in parsed.captions]
    assert timings == [("intro", "00:00:01.000", "00:00:04.000"), (None, "00:00:05.000", "00:00:07.500")]
    assert "align:start position:10%" in after
    assert "&amp; I stayed." in after
    assert "<c.yellow>" in after
    assert "</c>" in after
    assert re.search(r"<v [^>]+>My name is <b>[^<]+</b>", after)


def test_vtt_units_include_voice_notes_and_header(tmp_path: Path) -> None:
    path = tmp_path / "c.vtt"
    path.write_text(VTT, encoding="utf-8")
    roles = [unit.role for unit in FORMATS.get("vtt").read(path).units()]
    assert roles == ["metadata", "comment", "cue-id", "speaker", "cue", "cue"]


BROKEN = [
    # (format, text, expected code); each refused file says which cue or line, never its text
    ("srt", "1\n00:00:05,000 --> 00:00:01,000\nbackwards\n", ErrorCode.INPUT_CORRUPT),  # ends before it starts
    ("srt", "not a cue at all\n\n1\n00:00:01,000 --> 00:00:02,000\nok\n", ErrorCode.INPUT_CORRUPT),  # garbage first
    ("srt", "just some text\n", ErrorCode.INPUT_CORRUPT),  # no cues
    ("srt", "", ErrorCode.INPUT_EMPTY),
    ("vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nbackwards\n", ErrorCode.INPUT_CORRUPT),
    ("vtt", "WEBVTT\n\n00:00:xx.000 --> 00:00:01.000\nunreadable timing\n", ErrorCode.INPUT_CORRUPT),
    ("vtt", "00:00:01.000 --> 00:00:02.000\nno header\n", ErrorCode.INPUT_CORRUPT),
    ("vtt", "WEBVTT\n", ErrorCode.INPUT_CORRUPT),  # no cues
]


@pytest.mark.parametrize(("fmt", "text", "code"), BROKEN)
def test_broken_subtitles_are_refused(tmp_path: Path, fmt: str, text: str, code: ErrorCode) -> None:
    path = tmp_path / f"broken.{fmt}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VeilError) as raised:
        FORMATS.get(fmt).read(path)
    assert raised.value.code == code
    assert "backwards" not in raised.value.message
    assert "garbage" not in raised.value.message


def test_huge_subtitle_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from veil.reading import pieces

    path = tmp_path / "huge.srt"
    path.write_text(SRT * 50, encoding="utf-8")
    monkeypatch.setattr(pieces, "MAX_SOURCE_BYTES", 1000)
    with pytest.raises(VeilError) as raised:
        FORMATS.get("srt").read(path)
    assert raised.value.code == ErrorCode.INPUT_TOO_LARGE


def test_crlf_and_bom_survive(tmp_path: Path, pipeline: Pipeline) -> None:
    source = tmp_path / "w.srt"
    source.write_bytes(b"\xef\xbb\xbf" + SRT.replace("\n", "\r\n").encode())
    output = tmp_path / "w.out.srt"
    protect_file(pipeline, source, output, reports=False)
    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf1\r\n00:00:01,000 --> 00:00:04,200\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
