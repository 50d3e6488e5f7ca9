"""The text units of a Word package: every paragraph of every part that holds text, and text attributes.

Parts are chosen by content type (the main document, headers, footers, footnotes, endnotes, comments,
the glossary of building blocks, charts and diagrams), so a header is found whatever its file name.
Besides paragraphs, a unit is: a paragraph's field instructions (``HYPERLINK "https://..."``), an
image's description and title (alt text), a hyperlink's tooltip, a form field's default and help text,
the target of an external link (a profile URL behind "my page"), and chart labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from veil.reading.docx.opc import Package, q
from veil.reading.docx.slots import AttributeSlot, Slot, TextSlot, paragraph_slots

PART_ROLES = (
    ("document.main+xml", "body"),
    ("document.macroEnabled.main+xml", "body"),
    ("template.main+xml", "body"),
    ("template.macroEnabledTemplate.main+xml", "body"),
    ("header+xml", "header"),
    ("footer+xml", "footer"),
    ("footnotes+xml", "footnote"),
    ("endnotes+xml", "endnote"),
    ("comments+xml", "comment"),
    ("document.glossary+xml", "glossary"),
    ("drawingml.chart+xml", "chart"),
    ("drawingml.diagramData+xml", "chart"),
    ("drawingml.diagramDrawing+xml", "chart"),
)
ATTRIBUTES = (
    ("wp:docPr", "descr", "alt"),
    ("wp:docPr", "title", "alt"),
    ("pic:cNvPr", "descr", "alt"),
    ("pic:cNvPr", "title", "alt"),
    ("v:shape", "alt", "alt"),
    ("v:shape", "title", "alt"),
    ("w:hyperlink", "w:tooltip", "alt"),
    ("w:fldSimple", "w:instr", "field"),
    ("w:default", "w:val", "field"),
    ("w:helpText", "w:val", "field"),
    ("w:statusText", "w:val", "field"),
)
_HEADING_STYLES = ("heading", "title", "subtitle")
_LOCAL_TARGET = re.compile(r"(?i)^(?:file:|\\\\|/|[a-z]:[\\/])")


@dataclass(frozen=True, slots=True)
class SlotUnit:
    """One text unit: its role and the slots its text is made of."""

    role: str
    slots: tuple[Slot, ...]

    @property
    def text(self) -> str:
        return "".join(slot.text for slot in self.slots)


def part_role(package: Package, name: str) -> str | None:
    content_type = package.content_type(name)
    return next((role for suffix, role in PART_ROLES if content_type.endswith(suffix)), None)


def _paragraph_role(paragraph: etree._Element, part: str) -> str:
    if part != "body":
        return part
    style = paragraph.find(f"{q('w:pPr')}/{q('w:pStyle')}")
    if style is not None and style.get(q("w:val"), "").lower().startswith(_HEADING_STYLES):
        return "heading"
    ancestor = paragraph.getparent()
    while ancestor is not None:
        if ancestor.tag == q("w:tbl"):
            return "table"
        ancestor = ancestor.getparent()
    return "body"


def _part_units(root: etree._Element, role: str) -> Iterator[SlotUnit]:
    for paragraph in root.iter(q("w:p")):
        visible, fields = paragraph_slots(paragraph)
        yield SlotUnit(_paragraph_role(paragraph, role), tuple(visible))
        yield SlotUnit("field", tuple(fields))
    for paragraph in root.iter(q("a:p")):
        yield SlotUnit(role, tuple(TextSlot(t) for t in paragraph.iter(q("a:t"))))
    for cache in root.iter(q("c:strCache")):
        for value in cache.iter(q("c:v")):
            yield SlotUnit(role, (TextSlot(value),))
    for tag, attribute, attribute_role in ATTRIBUTES:
        name = q(attribute) if ":" in attribute else attribute
        for element in root.iter(q(tag)):
            yield SlotUnit(attribute_role, (AttributeSlot(element, name),))


def _link_units(package: Package) -> Iterator[SlotUnit]:
    for _rels, rel in package.relationships():
        if rel.get("TargetMode") == "External" and not _LOCAL_TARGET.match(rel.get("Target", "")):
            yield SlotUnit("link", (AttributeSlot(rel, "Target"),))


def collect_units(package: Package, metadata: list[Slot]) -> list[SlotUnit]:
    """Every non-empty text unit of the package, in a stable order."""
    units = [SlotUnit("metadata", (slot,)) for slot in metadata]
    for name in package.parts():
        role = part_role(package, name)
        if role is not None:
            units.extend(_part_units(package.xml(name), role))
    units.extend(_link_units(package))
    return [unit for unit in units if unit.text.strip()]


def neutralise_names(package: Package) -> list[str]:
    """Give pictures neutral names (a picture's name is often its original file name, "IMG_Ivanov.jpg"),
    and cut links to files on the author's computer (their paths name the user)."""
    pictures = 0
    for name in package.parts():
        if part_role(package, name) is None:
            continue
        for tag in ("wp:docPr", "pic:cNvPr"):
            for element in package.xml(name).iter(q(tag)):
                element.set("name", f"Picture {element.get('id', '')}".strip())
                pictures += 1
    local = 0
    for _rels, rel in package.relationships():
        if rel.get("TargetMode") == "External" and _LOCAL_TARGET.match(rel.get("Target", "")):
            rel.set("Target", "file:///removed")
            local += 1
    notes = ["picture names replaced with neutral ones"] if pictures else []
    if local:
        notes.append(f"links to files on the author's computer cut ({local})")
    return notes
