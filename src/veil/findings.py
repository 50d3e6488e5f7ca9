"""The data that flows between the pipeline's stages.

A :class:`Passage` (some text of a document, in one language) goes to the detectors, which return
:class:`Detection` objects: a span, its TAB label, whether it is a direct or a quasi-identifier, a fine
type (``"person"``, ``"phone"``, ``"age"`` ...) and the reasons (:class:`Why`) it was flagged. The linker
groups detections into :class:`Entity` objects (one real person, place, number ...), the decider gives
each entity a :class:`Decision`, and the writer applies the resulting :class:`Edit` objects.

All offsets are Unicode code points, end exclusive, into the document's text. These objects hold
sensitive text (``Detection.text``); nothing here is ever logged.
"""

from __future__ import annotations

import copyreg
import operator
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any, TypeVar

_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle ``cls`` as a call ``cls(*its fields)``.

    A batch sends each file's entities between processes (thousands of detections a file); a slotted
    dataclass's own pickling looks its fields up again for every object, which made sending an analysis
    about twice as slow as this, each way.
    """
    values = operator.attrgetter(*(item.name for item in fields(cls)))  # type: ignore[arg-type]

    def reduce(self: _T) -> tuple[Callable[..., _T], tuple[Any, ...]]:
        return cls, values(self)

    setattr(cls, "__reduce__", reduce)  # noqa: B010 (a method set on the class the decorator made)
    return cls


def _mapping_proxy(mapping: dict[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(mapping)


def _reduce_mapping_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Callable[..., Any], tuple[dict[Any, Any]]]:
    return _mapping_proxy, (dict(proxy),)


# Detections share read-only attribute mappings; without this, pickle refuses them (and Dask falls back to
# a slower pickler). Each shared mapping is still sent once: pickle remembers what it has sent.
copyreg.pickle(MappingProxyType, _reduce_mapping_proxy)


class Label(StrEnum):
    """The Text Anonymization Benchmark's entity categories, so results compare with it."""

    PERSON = "PERSON"
    CODE = "CODE"
    LOC = "LOC"
    ORG = "ORG"
    DEM = "DEM"
    DATETIME = "DATETIME"
    QUANTITY = "QUANTITY"
    MISC = "MISC"


class Kind(StrEnum):
    """Direct identifiers single a person out alone; quasi-identifiers do it in combination."""

    DIRECT = "direct"
    QUASI = "quasi"


class Action(StrEnum):
    """What happens to an entity in the protected text."""

    PSEUDONYM = "pseudonym"
    GENERALIZE = "generalize"
    REDACT = "redact"
    KEEP = "keep"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Why:
    """One reason a span was flagged or decided: data, read by the report, the review app and tests.

    ``source`` is the registered name of the component (``"pattern.phone"``, ``"en.ner"``), ``rule``
    the pattern, model or list it used, ``note`` a human explanation that never quotes the text.
    """

    source: str
    rule: str
    score: float = 1.0
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "rule": self.rule, "score": round(self.score, 3), "note": self.note}


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of text in one language, with the offset of its first character in the document."""

    text: str
    start: int
    lang: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def span_text(text: str, start: int, end: int) -> str:
    """``text[start:end]`` as the one string object for its characters: a long document mentions a name
    thousands of times, and its mentions then share one string instead of holding a copy each."""
    return sys.intern(text[start:end])


# The attributes of a detection that has none: one shared, read-only mapping (a document of 100 MB has
# about two million detections, most without attributes).
NO_ATTRS: Mapping[str, str] = MappingProxyType({})


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Detection:
    """A candidate identifier span found by a detector, with document offsets.

    ``type`` is the fine type used for linking and decisions (``person``, ``phone``, ``email``, ``age``,
    ``city`` ...); ``attrs`` carries detector knowledge the later stages use, such as ``gender``
    (``"m"``/``"f"``), ``case`` (a Russian grammatical case) or ``norm`` (a normalised form).
    """

    start: int
    end: int
    text: str
    label: Label
    kind: Kind
    type: str
    lang: str
    why: tuple[Why, ...]
    attrs: Mapping[str, str] = field(default_factory=lambda: NO_ATTRS)

    def shifted(self, offset: int) -> Detection:
        """The same detection moved by ``offset`` code points (passage to document offsets)."""
        return Detection(self.start + offset, self.end + offset, self.text, self.label, self.kind, self.type,
                         self.lang, self.why, self.attrs)  # fmt: skip

    def with_why(self, *more: Why) -> Detection:
        return replace(self, why=self.why + more)

    def overlaps(self, other: Detection) -> bool:
        return self.start < other.end and other.start < self.end


@_pickled_by_fields
@dataclass(slots=True)
class Entity:
    """One real-world thing (person, phone number, town ...) and every mention of it in a document.

    ``keys`` are language-neutral normalised forms used to recognise the same entity in other
    documents of a project (and in the other language); ``attrs`` holds what linking learned, such as
    the person's gender.
    """

    id: str
    label: Label
    kind: Kind
    type: str
    mentions: list[Detection]
    keys: frozenset[str] = frozenset()
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def canonical(self) -> str:
        """The longest mention: the most informative surface form (sensitive)."""
        return max((m.text for m in self.mentions), key=len)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with one entity, and the replacement text for each of its mentions (same order)."""

    entity_id: str
    action: Action
    replacements: tuple[str, ...]
    why: tuple[Why, ...]
    # The entity's replacement in its base form (nominative, as it would be listed in a report).
    display: str = ""


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace document text ``[start, end)`` with ``replacement``; ``entity_id`` ties it to the report."""

    start: int
    end: int
    replacement: str
    entity_id: str = ""


_EDIT_START = operator.attrgetter("start")
_EDIT_ORDER = operator.attrgetter("start", "end", "replacement", "entity_id")


def sort_edits(edits: Iterable[Edit]) -> list[Edit]:
    """``sorted(edits)``, the edits' own order, without the dataclass's ``__lt__`` (it runs in Python, and a
    long document has a million edits) or a key tuple per edit: sorted by start (the key is the edit's own
    integer), then the few edits that share a start by the whole order."""
    result = sorted(edits, key=_EDIT_START)
    first = 0
    for index in range(1, len(result) + 1):
        if index == len(result) or result[index].start != result[first].start:
            if index - first > 1:
                result[first:index] = sorted(result[first:index], key=_EDIT_ORDER)
            first = index
    return result
