"""Word documents (``.docx``): text protected in every part, hidden places cleaned, formatting kept.

Reading opens the package safely (:mod:`veil.reading.archive`: size and zip-bomb checks, encrypted and
legacy files refused with clear codes), cleans what a reader never sees but a file still carries
(:mod:`.cleaning`: tracked changes, revision ids, comment authors, settings; :mod:`.properties`:
document properties, thumbnails, custom XML, embedded files, image metadata; picture names and local
file links), and exposes the text as units (:mod:`.units`): every paragraph of the body, tables,
headers, footers, footnotes, endnotes and comments, plus alt texts, field instructions and link targets.
Writing applies the edits slot by slot (:mod:`.slots`), so every run keeps its formatting, and saves the
package with the same parts in the same order (minus the removed ones) and no timestamps.

The work is done at the XML level with lxml rather than through python-docx's object model, which has
no API for footnotes, endnotes, tracked changes, custom properties or ``people.xml``, and would leave
the parts it does not model untouched: here every part that can hold text is visited.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from veil.errors import ErrorCode, VeilError
from veil.findings import Edit, sort_edits
from veil.reading.archive import read_entries
from veil.reading.base import FORMATS, Document, Format, TextUnit, edits_between
from veil.reading.docx.cleaning import clean_changes, clean_reviewers, clean_settings
from veil.reading.docx.opc import Package, q
from veil.reading.docx.properties import clean_images, clean_properties, remove_hidden_parts
from veil.reading.docx.units import SlotUnit, collect_units, neutralise_names, part_role
from veil.reading.pieces import apply_to_pieces, layout

WHAT = "Word (.docx)"


@dataclass
class Prepared:
    """A package after cleaning, its text units and the notes on what was cleaned."""

    package: Package
    units: list[SlotUnit]
    starts: list[int]
    notes: list[str]


def prepare(path: Path) -> Prepared:
    """Open and clean the package at ``path`` (deterministic: the same file always gives the same units)."""
    package = Package(path, read_entries(path, WHAT))
    bodies = [name for name in package.parts() if part_role(package, name) == "body"]
    if not bodies:
        raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: not a Word document (no main document part)")
    if any(package.xml(name).tag != q("w:document") for name in bodies):
        # Strict Open XML uses other namespaces: reading it as usual would find no text and leak it all.
        raise VeilError(
            ErrorCode.INPUT_UNSUPPORTED, f"{path}: a Strict Open XML document; save it as an ordinary .docx first"
        )
    notes = clean_changes(package) + clean_reviewers(package) + clean_settings(package)
    notes += remove_hidden_parts(package)
    property_notes, metadata = clean_properties(package)
    notes += property_notes + clean_images(package) + neutralise_names(package)
    units = collect_units(package, metadata)
    return Prepared(package, units, layout([u.text for u in units]), notes)


class DocxDocument(Document):
    """A Word document; see the package docstring."""

    def __init__(self, path: Path, format_name: str) -> None:
        self.path = path
        self.format = format_name
        self._prepared = prepare(path)

    def units(self) -> Iterator[TextUnit]:
        prepared = self._prepared
        for unit, start in zip(prepared.units, prepared.starts, strict=True):
            yield TextUnit(start, unit.text, unit.role)

    def extra_findings(self) -> Sequence[str]:
        return tuple(self._prepared.notes)

    def render(self, edits: Sequence[Edit], out: BinaryIO) -> None:
        prepared = prepare(self.path)  # a fresh copy: rendering edits the parsed parts in place
        ordered = sort_edits(edits)
        for unit, start in zip(prepared.units, prepared.starts, strict=True):
            texts = [slot.text for slot in unit.slots]
            near = edits_between(ordered, start, start + sum(map(len, texts)))
            if not near:
                continue
            for slot, old, new in zip(unit.slots, texts, apply_to_pieces(texts, start, near), strict=True):
                if new != old:
                    slot.set(new)
        prepared.package.save(out)


class Docx(Format):
    name = "docx"
    extensions = (".docx",)

    def read(self, path: Path) -> Document:
        return DocxDocument(path, self.name)


@FORMATS.register("docx")
def _factory() -> Format:
    return Docx()
