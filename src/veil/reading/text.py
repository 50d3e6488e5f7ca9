"""Plain text and Markdown, streamed.

The file is decoded as strict UTF-8 with no newline translation, in blocks, and cut into units at line
breaks (or, in a single enormous line, at white space), so memory stays bounded however large the file.
Offsets are code points into the decoded text, exactly as ``veil detect`` promises.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from veil.errors import ErrorCode, VeilError
from veil.findings import Edit, sort_edits
from veil.reading.base import FORMATS, Document, Format, TextUnit, apply_edits

BLOCK_BYTES = 1 << 20
UNIT_CHARS = 1 << 16
SNIFF_BYTES = 8192


def open_input(path: Path) -> BinaryIO:
    """``path`` opened for reading, or a clear ``input.*`` error."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise VeilError(ErrorCode.INPUT_NOT_FOUND, f"{path}: no such file") from None
    except IsADirectoryError:
        raise VeilError(ErrorCode.INPUT_UNREADABLE, f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise VeilError(ErrorCode.INPUT_UNREADABLE, f"{path}: cannot be read ({error.strerror})") from None


def _cut_point(buffer: str, final: bool) -> int:
    """Where to end the next unit: after the last line break, else at white space, else hard."""
    if final and len(buffer) <= UNIT_CHARS:
        return len(buffer)
    window_end = min(len(buffer), UNIT_CHARS)
    newline = buffer.rfind("\n", 0, window_end)
    if newline >= 0:
        return newline + 1
    space = max(buffer.rfind(" ", 0, window_end), buffer.rfind("\t", 0, window_end))
    if space > 0:
        return space + 1
    return window_end


class TextDocument(Document):
    """A UTF-8 text file read lazily in units of at most ``UNIT_CHARS`` code points."""

    def __init__(self, path: Path, format_name: str) -> None:
        self.path = path
        self.format = format_name

    def units(self) -> Iterator[TextUnit]:
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        buffer = ""
        offset = 0
        consumed_bytes = 0
        with open_input(self.path) as handle:
            while True:
                block = handle.read(BLOCK_BYTES)
                final = not block
                if b"\x00" in block:
                    raise VeilError(ErrorCode.INPUT_BINARY, f"{self.path}: looks like a binary file, not text")
                try:
                    buffer += decoder.decode(block, final=final)
                except UnicodeDecodeError as error:
                    position = consumed_bytes + error.start
                    raise VeilError(
                        ErrorCode.INPUT_NOT_UTF8,
                        f"{self.path}: not valid UTF-8 (at byte {position}); convert it to UTF-8 first",
                    ) from None
                consumed_bytes += len(block)
                while buffer and (len(buffer) > UNIT_CHARS or final):
                    cut = _cut_point(buffer, final)
                    yield TextUnit(offset, buffer[:cut])
                    offset += cut
                    buffer = buffer[cut:]
                if final:
                    return

    def render(self, edits: Sequence[Edit], out: BinaryIO) -> None:
        ordered = sort_edits(edits)
        for unit in self.units():
            out.write(apply_edits(unit.text, unit.start, ordered).encode("utf-8"))


class PlainText(Format):
    name = "txt"
    extensions: tuple[str, ...] = (".txt", ".text", "")

    def read(self, path: Path) -> Document:
        check_readable_text(path)
        return TextDocument(path, self.name)


class Markdown(PlainText):
    name = "md"
    extensions = (".md", ".markdown")


def check_readable_text(path: Path) -> None:
    """Fail early, with a clear code, on a missing, empty or binary file."""
    with open_input(path) as handle:
        head = handle.read(SNIFF_BYTES)
    if not head:
        raise VeilError(ErrorCode.INPUT_EMPTY, f"{path}: the file is empty")
    if b"\x00" in head:
        raise VeilError(ErrorCode.INPUT_BINARY, f"{path}: looks like a binary file, not text")


@FORMATS.register("txt")
def _plain_text() -> Format:
    return PlainText()


@FORMATS.register("md")
def _markdown() -> Format:
    return Markdown()


class StringDocument(Document):
    """Text given directly (the Python API, tests): one unit, rendered as UTF-8."""

    def __init__(self, text: str, name: str = "<text>") -> None:
        self._text = text
        self.path = Path(name)
        self.format = "txt"

    def units(self) -> Iterator[TextUnit]:
        if self._text:
            yield TextUnit(0, self._text)

    def render(self, edits: Sequence[Edit], out: BinaryIO) -> None:
        out.write(apply_edits(self._text, 0, sort_edits(edits)).encode("utf-8"))
