"""factRuEval-2016 (Russian news): a folder of ``NAME.txt`` with ``.spans``, ``.objects`` and ``.coref``.

The competition's three layers map onto TAB's model like this:

* a **mention** is an object (``.objects``: ``id type span_id ...``), whose fragments are its spans
  (``.spans``: ``id type start length ...``); a person object is typically a name span plus a surname
  span, so "Юрия Лужкова" is one mention of two fragments;
* an **entity** is a coreference chain (``.coref``: blocks whose first line is ``chain_id object_id
  ...``); an object in no chain is an entity of its own;
* the **identifier kind** comes from the object type (:data:`OBJECT_TYPES`): a ``Person`` chain is a
  direct identifier; ``Org``, ``Location`` and ``LocOrg`` chains are quasi-identifiers. The
  competition's person-recall is the entity recall of the ``Person`` chains.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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

ANNOTATOR = "factrueval"
# object type -> (TAB label, identifier kind); other types (the rare Project) are not part of the gold
OBJECT_TYPES: dict[str, tuple[str, Kind]] = {
    "Person": ("PERSON", Kind.DIRECT),
    "Org": ("ORG", Kind.QUASI),
    "Location": ("LOC", Kind.QUASI),
    "LocOrg": ("LOC", Kind.QUASI),
}


def _fields(path: Path) -> Iterator[list[str]]:
    """The fields of each line before its ``#`` comment."""
    for line in read_text(path).splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            yield fields


def _spans(path: Path) -> dict[str, Span]:
    spans = {}
    for fields in _fields(path):
        if len(fields) < 4:
            raise corrupt(path, f"span {fields[0]}", "expected id, type, start and length")
        start = int(fields[2])
        spans[fields[0]] = (start, start + int(fields[3]))
    return spans


def _objects(path: Path, spans: dict[str, Span]) -> dict[str, tuple[str, tuple[Span, ...]]]:
    """object id -> (object type, its fragments in text order)."""
    objects = {}
    for fields in _fields(path):
        missing = [s for s in fields[2:] if s not in spans]
        if len(fields) < 3 or missing:
            raise corrupt(path, f"object {fields[0]}", "refers to spans that are not in the .spans file")
        objects[fields[0]] = (fields[1], tuple(sorted(spans[s] for s in fields[2:])))
    return objects


def _chains(path: Path) -> list[list[str]]:
    """Object ids per coreference chain (the first line of each blank-line separated block)."""
    blocks = read_text(path).replace("\r\n", "\n").split("\n\n")
    return [block.strip().splitlines()[0].split()[1:] for block in blocks if block.strip()]


def _chain_type(types: list[str]) -> str:
    return "Person" if "Person" in types else types[0]


def _sibling(base: Path, suffix: str) -> Path:
    return base.parent / (base.name + suffix)


def entities(base: Path, text: str) -> tuple[GoldEntity, ...]:
    """The gold entities of the document whose files are ``base`` + ``.spans`` ... (see the module doc)."""
    try:
        objects = _objects(_sibling(base, ".objects"), _spans(_sibling(base, ".spans")))
        coref = _sibling(base, ".coref")
        chains = _chains(coref) if coref.is_file() else []
    except (ValueError, IndexError):
        raise corrupt(base, "annotation files", "a line does not have the expected fields") from None
    chained = {object_id for chain in chains for object_id in chain}
    groups = [[o for o in chain if o in objects] for chain in chains]
    groups += [[object_id] for object_id in objects if object_id not in chained]
    result = []
    for members in groups:
        kept = [o for o in members if objects[o][0] in OBJECT_TYPES]
        if not kept:
            continue
        type_ = _chain_type([objects[o][0] for o in kept])
        label, kind = OBJECT_TYPES[type_]
        mentions = tuple(GoldMention(objects[o][1]) for o in sorted(kept, key=lambda o: objects[o][1]))
        for mention in mentions:
            check_spans(base, f"object of chain {kept[0]}", text, mention.spans)
        result.append(GoldEntity(kept[0], label, type_, kind, mentions))
    return tuple(result)


class FactRuEvalFormat(GoldFormat):
    """A factRuEval-2016 ``devset`` or ``testset`` folder."""

    name = "factrueval"
    keep_public = False

    def claims(self, path: Path) -> bool:
        return path.is_dir() and any(path.glob("*.objects"))

    def read(self, path: Path) -> Iterator[GoldDocument]:
        bases = [p.parent / p.name.removesuffix(".objects") for p in files_in(path, ".objects")]
        if not bases:
            raise corrupt(path, "folder", "no .objects files")
        for base in bases:
            text = read_text(_sibling(base, ".txt"))
            yield GoldDocument(base.name, text, "ru", (Annotation(ANNOTATOR, entities(base, text)),))


@GOLD_FORMATS.register(FactRuEvalFormat.name)
def _factrueval() -> GoldFormat:
    return FactRuEvalFormat()
