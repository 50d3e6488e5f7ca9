"""The gold contract: a benchmark file becomes :class:`GoldDocument` objects in one shape.

Every benchmark Veil is measured on (TAB, SPIA, factRuEval-2016, NEREL) is read into the same model,
TAB's: a document has one :class:`Annotation` per annotator; an annotation is a list of
:class:`GoldEntity` (one real person, place, number ...), each with its mentions. A mention is one or more
character fragments (factRuEval's person mention is a name span plus a surname span, NEREL has
discontinuous entities), so a mention is a tuple of ``(start, end)`` spans, code points, end exclusive.

An entity's ``kind`` is ``direct``, ``quasi`` or ``None`` (the annotator marked it not to be masked);
``label`` is the TAB category (PERSON, CODE, LOC ...) and ``type`` the benchmark's own type
(factRuEval's ``Person``, NEREL's ``PROFESSION``), so scores can be broken down either way.

A :class:`GoldFormat` reads a file or folder; formats register in :data:`GOLD_FORMATS` by the name that
``veil eval --format`` takes. Example::

    @GOLD_FORMATS.register("tab")
    def _tab() -> GoldFormat:
        return TabFormat()
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from veil.errors import ErrorCode, VeilError
from veil.findings import Kind
from veil.registry import Registry

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One mention: its fragments, and whether the annotator wants this mention masked.

    TAB lets an annotator mark one mention of a masked entity ``NO_MASK``; such a mention need not be
    masked for the entity to count as protected, but still counts in token and mention recall.
    """

    spans: tuple[Span, ...]
    masked: bool = True

    @property
    def start(self) -> int:
        return min(start for start, _ in self.spans)

    @property
    def end(self) -> int:
        return max(end for _, end in self.spans)


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """All mentions of one thing, by one annotator."""

    id: str
    label: str
    type: str
    kind: Kind | None
    mentions: tuple[GoldMention, ...]

    @property
    def to_mask(self) -> bool:
        return self.kind is not None


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotator's entities in one document."""

    annotator: str
    entities: tuple[GoldEntity, ...]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A benchmark document: its text, its language and every annotator's entities."""

    id: str
    text: str
    lang: str
    annotations: tuple[Annotation, ...]


class GoldFormat(abc.ABC):
    """A benchmark's file layout: whether it claims a path, and how to read it."""

    name: str
    # Veil keeps public figures and places; the news corpora are mostly about public figures, so they
    # are measured on detection (the public-context filter off) unless asked otherwise.
    keep_public: bool = True

    @abc.abstractmethod
    def claims(self, path: Path) -> bool:
        """Whether ``path`` (a file or a folder) looks like this format."""

    @abc.abstractmethod
    def read(self, path: Path) -> Iterator[GoldDocument]:
        """The gold documents in ``path``; a :class:`VeilError` with an ``input.*`` code on bad input."""


GOLD_FORMATS = Registry[GoldFormat]("gold format")


def gold_format_for(path: Path, requested: str | None = None) -> GoldFormat:
    """The gold format named ``requested``, or the first that claims ``path``."""
    if requested:
        return GOLD_FORMATS.get(requested)
    if not path.exists():
        raise VeilError(ErrorCode.INPUT_NOT_FOUND, f"{path}: no such file or folder")
    for name in GOLD_FORMATS.names():
        fmt = GOLD_FORMATS.get(name)
        if fmt.claims(path):
            return fmt
    known = ", ".join(GOLD_FORMATS.names())
    raise VeilError(ErrorCode.INPUT_UNSUPPORTED, f"{path}: not a gold file Veil knows; use --format ({known})")


def corrupt(path: Path, where: str, problem: str) -> VeilError:
    """The error for a malformed gold file (never quotes the document's text)."""
    return VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: {where}: {problem}")


def files_in(folder: Path, suffix: str) -> list[Path]:
    """The files with ``suffix`` directly in ``folder``, sorted, or a clear error if it is not a folder."""
    if not folder.is_dir():
        raise VeilError(ErrorCode.INPUT_UNREADABLE, f"{folder}: expected a folder")
    return sorted(p for p in folder.iterdir() if p.name.endswith(suffix) and p.is_file())


def read_text(path: Path) -> str:
    """A UTF-8 file's text with newlines untouched (gold offsets count ``\\r`` too)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise VeilError(ErrorCode.INPUT_NOT_FOUND, f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise VeilError(ErrorCode.INPUT_NOT_UTF8, f"{path}: not valid UTF-8") from None
    except OSError as error:
        raise VeilError(ErrorCode.INPUT_UNREADABLE, f"{path}: cannot be read ({error.strerror})") from None


def check_spans(path: Path, where: str, text: str, spans: Sequence[Span]) -> None:
    """Fail clearly when a gold span is empty or falls outside the text."""
    for start, end in spans:
        if not 0 <= start < end <= len(text):
            raise corrupt(path, where, f"span [{start}, {end}) outside the text (length {len(text)})")
