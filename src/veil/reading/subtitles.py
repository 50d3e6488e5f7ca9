"""What SubRip and WebVTT share: cue text with inline markup, and timings that must make sense.

A cue's text may carry tags (``<i>``, ``<b>``, ``<font color=...>``, WebVTT's ``<c.yellow>`` and
``<00:00:01.500>`` timestamps) and character references (``&amp;``). Detection sees the text without them
(so "<i>Sergey</i> Volkov" is found as one name); tags stay exactly as they were. A WebVTT voice tag
``<v Sergey Volkov>`` names the speaker, so its annotation is a unit of its own (role ``speaker``) and is
protected like the text.

Timings are checked before anything is written: a cue that ends before it starts, or a timing line that
cannot be read, is a damaged file (``input.corrupt``), reported by cue number and never by its text.
"""

from __future__ import annotations

import html
import re
from datetime import timedelta
from pathlib import Path

from veil.errors import ErrorCode, VeilError
from veil.reading.pieces import Piece, Region

_MARKUP = re.compile(r"<(?P<tag>[^<>\n]*)>|&(?P<entity>#?[A-Za-z0-9]+);")
_VOICE = re.compile(r"v(?:\.[\w.\-]*)?[ \t]+(?P<name>[^<>\n]*[^<>\s])")


def cue_regions(source: str, start: int, end: int, role: str = "cue") -> list[Region]:
    """The units of the cue text ``source[start:end]``: its text, and any speaker named by a voice tag."""
    pieces: list[Piece] = []
    speakers: list[Region] = []
    cursor = start
    for match in _MARKUP.finditer(source, start, end):
        if match.start() > cursor:
            pieces.append(Piece(cursor, match.start(), source[cursor : match.start()]))
        cursor = match.end()
        if match.group("entity") is not None:
            decoded = html.unescape(match.group())
            pieces.append(Piece(match.start(), match.end(), decoded))
            continue
        voice = _VOICE.fullmatch(match.group("tag"))
        if voice:
            offset = match.start("tag")
            name_piece = Piece(offset + voice.start("name"), offset + voice.end("name"), voice.group("name"))
            speakers.append(Region("speaker", (name_piece,)))
    if end > cursor:
        pieces.append(Piece(cursor, end, source[cursor:end]))
    return [*speakers, Region(role, tuple(pieces))]


def escape_cue_text(text: str) -> str:
    """Replacement text as it must be written inside a cue (markup characters escaped)."""
    return html.escape(text, quote=False)


def check_timing(path: Path, number: int, start: timedelta, end: timedelta) -> None:
    """Refuse a cue whose end comes before its start (the file is damaged; nothing gets written)."""
    if end < start:
        raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: cue {number} ends before it starts; fix its timing first")
    if start < timedelta(0):
        raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: cue {number} starts before zero; fix its timing first")


def line_number(source: str, offset: int) -> int:
    """The 1-based line of ``offset`` (error messages point at lines, never quote them)."""
    return source.count("\n", 0, offset) + 1
