"""BRAT standoff (NEREL): ``NAME.txt`` with ``NAME.ann`` next to it, in a folder or given one by one.

Text-bound lines ``T12<TAB>PERSON 93 104[;120 130]<TAB>text`` are mentions (a ``;`` separates the
fragments of a discontinuous one); ``N`` lines link a mention to Wikidata. Relations and events are
ignored.

NEREL has no identifier kinds and no coreference, so both are defined here:

* Which types Veil must mask, and as what (:data:`NEREL_TYPES`): ``PERSON`` is a direct identifier;
  ``CITY``, ``ORGANIZATION``, ``AGE``, ``PROFESSION`` and ``FAMILY`` are quasi-identifiers. Every other
  type (``COUNTRY``, ``DATE``, ``EVENT`` ...) is not part of the gold: mostly public context in news.
* An entity is the mentions of one type that share a Wikidata link, or, unlinked, the same text
  (case-folded, ``ё`` read as ``е``). Inflected forms of an unlinked name ("Мишель", "Мишели") are
  therefore separate entities, which makes NEREL's entity recall close to its mention recall.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from veil.errors import ErrorCode, VeilError
from veil.evaluation.gold.base import (
    GOLD_FORMATS,
    Annotation,
    GoldDocument,
    GoldEntity,
    GoldFormat,
    GoldMention,
    Span,
    check_spans,
    corrupt,
    files_in,
    read_text,
)
from veil.findings import Kind

ANNOTATOR = "nerel"
# NEREL type -> (TAB label, identifier kind)
NEREL_TYPES: dict[str, tuple[str, Kind]] = {
    "PERSON": ("PERSON", Kind.DIRECT),
    "CITY": ("LOC", Kind.QUASI),
    "ORGANIZATION": ("ORG", Kind.QUASI),
    "AGE": ("DEM", Kind.QUASI),
    "PROFESSION": ("DEM", Kind.QUASI),
    "FAMILY": ("PERSON", Kind.QUASI),
}
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_REFERENCE = re.compile(r"^N\d+\tReference (T\d+) (\S+)")


@dataclass(frozen=True, slots=True)
class _Mention:
    id: str
    type: str
    spans: tuple[Span, ...]


def _mentions(ann: str) -> list[_Mention]:
    found = []
    for line in ann.splitlines():
        match = _TEXT_BOUND.match(line)
        if match:
            pairs = (part.split() for part in match.group(3).split(";"))
            found.append(_Mention(match.group(1), match.group(2), tuple((int(a), int(b)) for a, b in pairs)))
    return found


def _links(ann: str) -> dict[str, str]:
    links = {}
    for line in ann.splitlines():
        match = _REFERENCE.match(line)
        if match and not match.group(2).endswith(":NULL"):
            links[match.group(1)] = match.group(2)
    return links


def _surface(text: str, mention: _Mention) -> str:
    return " ".join(text[a:b] for a, b in mention.spans).casefold().replace("ё", "е")


def entities(path: Path, text: str, ann: str) -> tuple[GoldEntity, ...]:
    """The gold entities of one document (see the module docstring for what an entity is)."""
    links = _links(ann)
    grouped: dict[tuple[str, str], list[_Mention]] = {}
    for mention in _mentions(ann):
        if mention.type not in NEREL_TYPES:
            continue
        check_spans(path, mention.id, text, mention.spans)
        key = links.get(mention.id) or "text:" + _surface(text, mention)
        grouped.setdefault((mention.type, key), []).append(mention)
    result = []
    for (type_, _), members in grouped.items():
        label, kind = NEREL_TYPES[type_]
        mentions = tuple(GoldMention(m.spans) for m in members)
        result.append(GoldEntity(members[0].id, label, type_, kind, mentions))
    return tuple(result)


def _document(ann_path: Path) -> GoldDocument:
    txt_path = ann_path.with_suffix(".txt")
    if not txt_path.is_file():
        raise VeilError(ErrorCode.INPUT_NOT_FOUND, f"{ann_path}: no {txt_path.name} next to it")
    text = read_text(txt_path)
    annotation = Annotation(ANNOTATOR, entities(ann_path, text, read_text(ann_path)))
    return GoldDocument(ann_path.stem, text, "ru", (annotation,))


class BratFormat(GoldFormat):
    """NEREL's BRAT standoff: a folder of ``.txt``/``.ann`` pairs, or one ``.ann`` file."""

    name = "brat"
    keep_public = False

    def claims(self, path: Path) -> bool:
        if path.is_file():
            return path.suffix.lower() == ".ann"
        return path.is_dir() and any(path.glob("*.ann"))

    def read(self, path: Path) -> Iterator[GoldDocument]:
        paths = [path] if path.is_file() else files_in(path, ".ann")
        if not paths:
            raise corrupt(path, "folder", "no .ann files")
        for ann_path in paths:
            yield _document(ann_path)


@GOLD_FORMATS.register(BratFormat.name)
def _brat() -> GoldFormat:
    return BratFormat()
