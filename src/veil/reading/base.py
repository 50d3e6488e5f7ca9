"""The reading contract: a format turns a file into a :class:`Document` that can render itself back.

A document exposes its text as ordered, non-overlapping :class:`TextUnit` objects whose ``start`` is the
code-point offset in the document's text (for plain text, the file decoded as UTF-8 with no newline
translation). ``units()`` may be called more than once and may stream from disk, so a 100 MB file never
has to sit in memory as one string. ``render`` writes the document in its own format with edits applied;
the writing stage wraps it in an atomic file write.
"""

from __future__ import annotations

import abc
import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from veil.errors import ErrorCode, VeilError
from veil.findings import Edit
from veil.registry import Registry


@dataclass(frozen=True, slots=True)
class TextUnit:
    """A piece of a document's text and where it sits.

    ``role`` says what part of the document it is (``body``, ``heading``, ``table``, ``header``,
    ``footer``, ``footnote``, ``endnote``, ``comment``, ``metadata``, ``alt``, ``link``, ``field``,
    ``speaker``, ``cue``, ``boilerplate``) so detectors and reports can treat, say, a speaker label or a
    document property differently. Units in :data:`SEARCH_ONLY_ROLES` are not given to detectors but
    are still searched for every entity found elsewhere. ``ref`` is the format's own locator, opaque to
    everyone but the format.
    """

    start: int
    text: str
    role: str = "body"
    ref: object = field(default=None, compare=False)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


# Roles of text that is not part of the testimony (a web site's menus and footers): detectors do not
# read it, so it is not over-masked, but every entity found in the testimony is searched for and
# replaced there too.
SEARCH_ONLY_ROLES = frozenset({"boilerplate"})


class Document(abc.ABC):
    """A document read from one file, able to write itself back with edits applied."""

    format: str
    path: Path

    @abc.abstractmethod
    def units(self) -> Iterator[TextUnit]:
        """The document's text units in order (re-iterable: each call starts again)."""

    @abc.abstractmethod
    def render(self, edits: Sequence[Edit], out: BinaryIO) -> None:
        """Write the document with ``edits`` (sorted, non-overlapping, document offsets) to ``out``."""

    def extra_findings(self) -> Sequence[str]:
        """Notes on hidden places the format cleaned (metadata removed ...), for the report."""
        return ()

    def text(self) -> str:
        """The whole text (gaps between units filled with newlines). Only for small documents."""
        parts: list[str] = []
        position = 0
        for unit in self.units():
            parts.append("\n" * (unit.start - position))
            parts.append(unit.text)
            position = unit.end
        return "".join(parts)


class Format(abc.ABC):
    """A document format: which file names it claims, and how to read one into a Document."""

    name: str
    extensions: tuple[str, ...]

    @abc.abstractmethod
    def read(self, path: Path) -> Document:
        """Open ``path``; raise :class:`VeilError` with an ``input.*`` code on bad input."""


FORMATS = Registry[Format]("format")


def format_for(path: Path, requested: str | None = None) -> Format:
    """The registered format for ``path``, chosen by ``requested`` name or by file extension."""
    if requested:
        return FORMATS.get(requested)
    suffix = path.suffix.lower()
    for name in FORMATS.names():
        fmt = FORMATS.get(name)
        if suffix in fmt.extensions:
            return fmt
    supported = sorted(ext for name in FORMATS.names() for ext in FORMATS.get(name).extensions)
    raise VeilError(
        ErrorCode.INPUT_UNSUPPORTED,
        f"{path}: unsupported file type {suffix or '(none)'!r}; supported: {', '.join(supported)}",
    )


def apply_edits(text: str, start: int, edits: Iterable[Edit]) -> str:
    """``text`` (which begins at document offset ``start``) with the edits that fall inside it applied.

    Edits must be sorted and must not overlap; an edit that crosses the unit's boundary is applied to
    the part inside it (the part outside is replaced with nothing, so no fragment of it survives). A
    sequence is searched by bisection, so applying a document's edits unit by unit (or snippet by
    snippet) costs time in proportion to the edits in each piece, not to all of them.
    """
    pieces: list[str] = []
    cursor = 0
    end = start + len(text)
    if isinstance(edits, Sequence):
        edits = edits_between(edits, start, end)
    for edit in edits:
        if edit.end <= start:
            continue
        if edit.start >= end:
            break
        local_start = max(edit.start - start, 0)
        local_end = min(edit.end - start, len(text))
        if local_start < cursor:
            continue
        pieces.append(text[cursor:local_start])
        if edit.start >= start:
            pieces.append(edit.replacement)
        cursor = local_end
    pieces.append(text[cursor:])
    return "".join(pieces)


def edits_between(edits: Sequence[Edit], start: int, end: int) -> Sequence[Edit]:
    """The edits (sorted, not overlapping) that can touch ``[start, end)``."""
    low = bisect.bisect_right(edits, start, key=lambda e: e.end)
    high = bisect.bisect_left(edits, end, key=lambda e: e.start)
    return edits[low:high]
