"""WebVTT subtitles (``.vtt``): every cue, identifier, timing and setting kept; the text protected.

``webvtt-py`` parses the captions and their timings; a small block scanner, following the WebVTT
layout (blocks separated by blank lines: the header, ``NOTE`` comments, ``STYLE`` and ``REGION``
blocks, cues), finds where each piece of text sits so the file can be written back unchanged but for
the text. Both must agree on the cues, or the file is refused as damaged. Units: each cue's text, the
speakers named in voice tags (``<v Name>``), text cue identifiers and ``NOTE`` comments (which people
use for exactly the notes that should not be published).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from veil.errors import ErrorCode, VeilError
from veil.reading.base import FORMATS, Document, Format
from veil.reading.pieces import Piece, Region, SourceDocument, decode_utf8, read_source
from veil.reading.subtitles import check_timing, cue_regions, escape_cue_text, line_number

_BLOCK = re.compile(r"(?:[^\r\n]+(?:\r\n|\n|\r|$))+")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
_TIMING = re.compile(rf"[ \t]*(?P<start>{_TIMESTAMP})[ \t]+-->[ \t]+(?P<end>{_TIMESTAMP})(?:[ \t].*)?")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # without the line break
    text: str


def _lines(source: str, start: int, end: int) -> list[_Line]:
    """The non-empty lines of ``source[start:end]``, with their offsets."""
    lines = []
    for match in _LINE.finditer(source, start, end):
        text = match.group().rstrip("\r\n")
        if text:
            lines.append(_Line(match.start(), match.start() + len(text), text))
    return lines


def _seconds(stamp: str) -> timedelta:
    parts = stamp.split(":")
    hours = int(parts[0]) if len(parts) == 3 else 0
    minutes, seconds = int(parts[-2]), float(parts[-1])
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _cue_block(path: Path, source: str, lines: list[_Line], number: int) -> list[Region]:
    timing_index = 0 if "-->" in lines[0].text else 1
    timing = _TIMING.fullmatch(lines[timing_index].text)
    if timing is None:
        where = line_number(source, lines[timing_index].start)
        raise VeilError(
            ErrorCode.INPUT_CORRUPT, f"{path}: cue {number} (line {where}) has a timing that cannot be read"
        )
    check_timing(path, number, _seconds(timing.group("start")), _seconds(timing.group("end")))
    found: list[Region] = []
    if timing_index == 1 and not lines[0].text.strip().isdigit():
        found.append(Region("cue-id", (Piece(lines[0].start, lines[0].end, lines[0].text),)))
    payload = lines[timing_index + 1 :]
    if payload:
        found.extend(cue_regions(source, payload[0].start, payload[-1].end))
    return found


def _header(lines: list[_Line]) -> list[Region]:
    """The header's free text (a title after ``WEBVTT``, metadata lines), which can name people."""
    title_at = lines[0].text.index("WEBVTT") + len("WEBVTT")
    first = Piece(lines[0].start + title_at, lines[0].end, lines[0].text[title_at:])
    rest = [Piece(line.start, line.end, line.text) for line in lines[1:]]
    return [Region("metadata", (piece,)) for piece in (first, *rest)]


def regions(path: Path, source: str) -> tuple[list[Region], int]:
    """The units of a WebVTT file, and how many cues it has."""
    found: list[Region] = []
    cues = 0
    for index, block in enumerate(_BLOCK.finditer(source)):
        lines = _lines(source, block.start(), block.end())
        if not lines:
            continue
        first = lines[0].text.lstrip("\ufeff")
        if index == 0:
            if not first.startswith("WEBVTT"):
                raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: not a WebVTT file (it must begin with WEBVTT)")
            found.extend(_header(lines))
            continue
        if first.startswith("NOTE"):
            found.append(Region("comment", tuple(Piece(line.start, line.end, line.text) for line in lines)))
        elif any("-->" in line.text for line in lines[:2]):
            cues += 1
            found.extend(_cue_block(path, source, lines, cues))
    return found, cues


def _check_with_webvtt(path: Path, source: str, cues: int) -> None:
    try:
        parsed = webvtt.from_buffer(io.StringIO(source.lstrip("\ufeff")))
    except (MalformedFileError, MalformedCaptionError):
        raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: not a valid WebVTT file") from None
    if len(parsed.captions) != cues or cues == 0:
        raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: the cues cannot be read reliably (or there are none)")


class WebVtt(Format):
    name = "vtt"
    extensions = (".vtt",)

    def read(self, path: Path) -> Document:
        source = decode_utf8(path, read_source(path))
        found, cues = regions(path, source)
        _check_with_webvtt(path, source, cues)
        return SourceDocument(path, self.name, source, found, escape=escape_cue_text)


@FORMATS.register("vtt")
def _factory() -> Format:
    return WebVtt()
