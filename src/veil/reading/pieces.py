"""Units made of pieces, and documents held as one decoded string.

In structured formats the text a reader sees as one sentence sits in several places of the file: the
runs of a Word paragraph (each with its own formatting), the text nodes of an HTML paragraph around
``<b>`` and ``<a>``, the text around the tags of a subtitle cue. Detection must see the sentence whole,
or a name split across two runs ("Vol" + "kov") is never found; writing back must touch each place
separately, so every run keeps its formatting. :func:`apply_to_pieces` is that mapping: the replacement
of an edit goes into the piece where the edit starts, and the rest of the covered text is removed from
the pieces it spans.

:class:`SourceDocument` serves the formats that are text with markup (SubRip, WebVTT, HTML): the file is
decoded once, each unit is a sequence of :class:`Piece` spans of it, and rendering splices the changed
pieces back into the untouched source, so everything that is not text (timings, tags, attributes,
white space, line endings) comes out byte for byte as it went in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from veil.errors import ErrorCode, VeilError
from veil.findings import Edit, sort_edits
from veil.reading.base import Document, TextUnit, apply_edits, edits_between
from veil.reading.text import open_input

# In-memory formats (subtitles, HTML) refuse files above this size: a real page or subtitle file is far
# smaller, and a bigger one is more likely an attack or a mistake than a testimony.
MAX_SOURCE_BYTES = 64 << 20
UNIT_GAP = 1  # units are laid out one after another, separated like paragraphs by one newline


def apply_to_pieces(pieces: Sequence[str], start: int, edits: Sequence[Edit]) -> list[str]:
    """The pieces of a unit (which begins at document offset ``start``) with ``edits`` applied.

    ``"".join`` of the result equals the unit's text with the edits applied; each replacement lands in
    the piece where its edit starts, and the pieces it spans lose the covered text.
    """
    result: list[str] = []
    position = start
    for piece in pieces:
        result.append(apply_edits(piece, position, edits) if piece else piece)
        position += len(piece)
    return result


def layout(texts: Sequence[str]) -> list[int]:
    """Document offsets for units with these texts, laid out one after another."""
    starts: list[int] = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text) + UNIT_GAP
    return starts


@dataclass(frozen=True, slots=True)
class Piece:
    """``source[start:end]`` of a file, which reads as ``text`` (entities decoded, say)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Region:
    """The pieces that make one text unit, and the unit's role."""

    role: str
    pieces: tuple[Piece, ...]
    # For raw regions (JSON inside a script): the pieces are written as they are, and only each
    # replacement is escaped with this; otherwise every changed piece is escaped with the document's.
    escape_replacement: Callable[[str], str] | None = None

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


def identity(text: str) -> str:
    return text


class SourceDocument(Document):
    """A document held as one decoded string whose units are pieces of it (see the module docstring)."""

    def __init__(
        self,
        path: Path,
        format_name: str,
        source: str,
        regions: Sequence[Region],
        *,
        encoding: str = "utf-8",
        escape: Callable[[str], str] = identity,
        notes: Sequence[str] = (),
    ) -> None:
        self.path = path
        self.format = format_name
        self.source = source
        self.regions = [r for r in regions if r.text.strip()]
        self.encoding = encoding
        self.escape = escape
        self.notes = tuple(notes)
        self._starts = layout([r.text for r in self.regions])

    def units(self) -> Iterator[TextUnit]:
        for region, start in zip(self.regions, self._starts, strict=True):
            yield TextUnit(start, region.text, region.role, region)

    def extra_findings(self) -> Sequence[str]:
        return self.notes

    def rendered(self, edits: Sequence[Edit]) -> str:
        """The source with ``edits`` applied to the pieces they touch."""
        ordered = sort_edits(edits)
        changes: list[tuple[int, int, str]] = []
        for region, start in zip(self.regions, self._starts, strict=True):
            texts = [p.text for p in region.pieces]
            near = edits_between(ordered, start, start + sum(map(len, texts)))
            if not near:
                continue
            escape = self.escape
            if region.escape_replacement is not None:
                near = [replace(e, replacement=region.escape_replacement(e.replacement)) for e in near]
                escape = identity
            for piece, new in zip(region.pieces, apply_to_pieces(texts, start, near), strict=True):
                if new != piece.text:
                    changes.append((piece.start, piece.end, escape(new)))
        return splice(self.source, changes)

    def render(self, edits: Sequence[Edit], out: BinaryIO) -> None:
        out.write(self.rendered(edits).encode(self.encoding, errors="xmlcharrefreplace"))


def splice(source: str, changes: Sequence[tuple[int, int, str]]) -> str:
    """``source`` with each ``(start, end, text)`` span replaced (spans must not overlap)."""
    parts: list[str] = []
    cursor = 0
    for start, end, text in sorted(changes):
        parts.append(source[cursor:start])
        parts.append(text)
        cursor = end
    parts.append(source[cursor:])
    return "".join(parts)


def read_source(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of a file that an in-memory format reads, with clear errors for bad input."""
    limit = limit or MAX_SOURCE_BYTES
    with open_input(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise VeilError(
                ErrorCode.INPUT_TOO_LARGE, f"{path}: {size} bytes is over the {limit >> 20} MiB limit for this format"
            )
        data = handle.read()
    if not data.strip():
        raise VeilError(ErrorCode.INPUT_EMPTY, f"{path}: the file is empty")
    return data


def decode_utf8(path: Path, data: bytes) -> str:
    """``data`` as UTF-8 (a byte-order mark is kept as U+FEFF, so it is written back unchanged)."""
    if b"\x00" in data[:8192]:
        raise VeilError(ErrorCode.INPUT_BINARY, f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise VeilError(
            ErrorCode.INPUT_NOT_UTF8, f"{path}: not valid UTF-8 (at byte {error.start}); convert it to UTF-8 first"
        ) from None
