"""The detecting contract: a detector finds candidate identifier spans in a passage.

Every detector is a small class registered in :data:`DETECTORS` under a stable name (``pattern.phone``,
``en.ner``, ``ru.names`` ...). It says which languages it serves; the pipeline gives it passages in those
languages, batched, and receives detections with offsets local to each passage, each carrying the
:class:`~veil.findings.Why` that explains it. Detectors may over-report: overlap resolution, linking and
the public-context filter come after them.

Example::

    @DETECTORS.register("pattern.email")
    def _email() -> Detector:
        return EmailDetector()
"""

from __future__ import annotations

import abc
import functools
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from veil.findings import NO_ATTRS, Detection, Kind, Label, Passage, Why, span_text
from veil.registry import Registry

ALL_LANGUAGES = frozenset({"en", "ru"})


class Detector(abc.ABC):
    """Finds candidate spans in one passage; offsets are local to ``passage.text``."""

    name: str = ""
    languages: frozenset[str] = ALL_LANGUAGES

    @abc.abstractmethod
    def detect(self, passage: Passage) -> list[Detection]:
        """The candidate spans in ``passage`` (passage-local offsets)."""

    def detect_batch(self, passages: Sequence[Passage]) -> list[list[Detection]]:
        """Detections for several passages at once; models override this to batch their work."""
        return [self.detect(passage) for passage in passages]


DETECTORS = Registry[Detector]("detector")


def found(
    passage: Passage,
    start: int,
    end: int,
    *,
    label: Label,
    kind: Kind,
    type: str,
    why: Why,
    attrs: Mapping[str, str] | None = None,
) -> Detection:
    """A detection of ``passage.text[start:end]`` (passage-local offsets)."""
    return Detection(
        start=start,
        end=end,
        text=span_text(passage.text, start, end),
        label=label,
        kind=kind,
        type=type,
        lang=passage.lang,
        why=reasons(why),
        attrs=shared_attrs(attrs) if attrs else NO_ATTRS,
    )


def shared_attrs(attrs: Mapping[str, str]) -> Mapping[str, str]:
    """A read-only copy of ``attrs``, one per distinct value: the same date, court or country found again
    and again in a long document shares one mapping instead of a dictionary per detection."""
    return _shared(tuple(attrs.items()))


@functools.lru_cache(maxsize=1 << 16)
def _shared(items: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    return MappingProxyType(dict(items))


@functools.lru_cache(maxsize=4096)
def reasons(why: Why) -> tuple[Why, ...]:
    """``(why,)``, one shared tuple per reason: detectors give the same few reasons to many detections."""
    return (why,)
