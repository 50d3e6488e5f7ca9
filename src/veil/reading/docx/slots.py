"""Where a Word document's text sits, as slots that can be read and rewritten one by one.

A paragraph's text is spread over runs (``w:r``), each with its own formatting, and inside them over
``w:t`` text, tabs, breaks and non-breaking hyphens; a unit is the paragraph's whole text, and each slot
is one of those places. Rewriting a slot changes only its own text, so each run keeps its formatting.
Attributes that hold text (an image's description, a field's instruction, a link's target) are slots
too. A paragraph nested in a text box inside another paragraph is a unit of its own.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass

from lxml import etree

from veil.reading.docx.opc import q

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SPECIAL = {q("w:tab"): "\t", q("w:br"): "\n", q("w:cr"): "\n", q("w:noBreakHyphen"): "-"}
_TEXT = q("w:t")
_INSTRUCTION = q("w:instrText")
_PARAGRAPH = q("w:p")


class Slot(abc.ABC):
    """One place of a document's text."""

    @property
    @abc.abstractmethod
    def text(self) -> str:
        """The text as a reader (and a detector) sees it."""

    @abc.abstractmethod
    def set(self, text: str) -> None:
        """Write ``text`` here instead."""


@dataclass(frozen=True, slots=True)
class TextSlot(Slot):
    """The text of a ``w:t`` (or any element whose text is the content)."""

    element: etree._Element

    @property
    def text(self) -> str:
        return self.element.text or ""

    def set(self, text: str) -> None:
        self.element.text = text
        if self.element.tag in (_TEXT, _INSTRUCTION):
            self.element.set(XML_SPACE, "preserve")


@dataclass(frozen=True, slots=True)
class SpecialSlot(Slot):
    """A tab, break or non-breaking hyphen: removed when an edit covers it, made text if one starts there."""

    element: etree._Element

    @property
    def text(self) -> str:
        return _SPECIAL[self.element.tag]

    def set(self, text: str) -> None:
        if text == self.text:
            return
        parent = self.element.getparent()
        if parent is None:
            return
        if text:
            replacement = etree.Element(_TEXT)
            replacement.text = text
            replacement.set(XML_SPACE, "preserve")
            parent.replace(self.element, replacement)
        else:
            parent.remove(self.element)


@dataclass(frozen=True, slots=True)
class AttributeSlot(Slot):
    """The value of one attribute."""

    element: etree._Element
    attribute: str

    @property
    def text(self) -> str:
        return self.element.get(self.attribute) or ""

    def set(self, text: str) -> None:
        self.element.set(self.attribute, text)


def paragraph_slots(paragraph: etree._Element) -> tuple[list[Slot], list[Slot]]:
    """The slots of a paragraph's visible text, and of its field instructions, in document order."""
    visible: list[Slot] = []
    fields: list[Slot] = []
    _walk(paragraph, visible, fields)
    return visible, fields


def _walk(node: etree._Element, visible: list[Slot], fields: list[Slot]) -> None:
    for child in node:
        tag = child.tag
        if tag == _PARAGRAPH:
            continue  # a paragraph in a text box: a unit of its own
        if tag == _TEXT:
            visible.append(TextSlot(child))
        elif tag == _INSTRUCTION:
            fields.append(TextSlot(child))
        elif tag in _SPECIAL:
            visible.append(SpecialSlot(child))
        elif isinstance(tag, str):
            _walk(child, visible, fields)
