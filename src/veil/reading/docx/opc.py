"""The Office package around a Word document: parts, their content types and relationships.

A ``.docx`` is a set of parts (``word/document.xml``, ``docProps/core.xml``, images ...) in a zip,
described by ``[Content_Types].xml`` and linked by relationship files (``_rels/*.rels``). Cleaning a
document means editing some parts' XML, removing others (a thumbnail of the first page, custom
properties) and every reference to them, and writing the package back. XML is parsed without entity
expansion, DTDs or network access, so a hostile file cannot make the parser fetch or inflate anything.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from veil.errors import ErrorCode, VeilError

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "w16cex": "http://schemas.microsoft.com/office/word/2018/wordml/cex",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "v": "urn:schemas-microsoft-com:vml",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # entries carry no editing time


def q(name: str) -> str:
    """``"w:t"`` -> ``"{http://...}t"`` (Clark notation for lxml)."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class Package:
    """The entries of a package, with the XML parts parsed on demand and edited in place."""

    def __init__(self, path: Path, entries: dict[str, bytes]) -> None:
        self.path = path
        self.entries = entries
        self._trees: dict[str, etree._Element] = {}
        self._types: tuple[dict[str, str], dict[str, str]] | None = None
        if CONTENT_TYPES not in entries:
            raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: not a Word document (no content types)")

    def xml(self, name: str) -> etree._Element:
        """The parsed root of part ``name`` (edits to it are saved with the package)."""
        if name not in self._trees:
            try:
                self._trees[name] = etree.fromstring(self.entries[name], _PARSER)
            except etree.XMLSyntaxError:
                raise VeilError(ErrorCode.INPUT_CORRUPT, f"{self.path}: the part {name} is damaged") from None
        return self._trees[name]

    def content_type(self, name: str) -> str:
        if self._types is None:
            types = self.xml(CONTENT_TYPES)
            overrides = {
                o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in types.iter(q("ct:Override"))
            }
            defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in types.iter(q("ct:Default"))}
            self._types = (overrides, defaults)
        overrides, defaults = self._types
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        return str(overrides.get(name, defaults.get(extension, "")))

    def parts(self) -> list[str]:
        return [name for name in self.entries if not name.endswith("/")]

    def parts_typed(self, suffixes: tuple[str, ...]) -> Iterator[str]:
        """Parts whose content type ends with one of ``suffixes``, in package order."""
        for name in self.parts():
            if self.content_type(name).endswith(suffixes):
                yield name

    # -- relationships --------------------------------------------------------------------------------

    @staticmethod
    def rels_name(part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", base + ".rels")

    @staticmethod
    def source_of(rels: str) -> str:
        """``word/_rels/document.xml.rels`` -> ``word/document.xml`` (``_rels/.rels`` -> ``""``)."""
        folder = posixpath.dirname(posixpath.dirname(rels))
        return posixpath.join(folder, posixpath.basename(rels)[: -len(".rels")])

    def relationships(self) -> Iterator[tuple[str, etree._Element]]:
        """(rels part, relationship element) for every relationship in the package."""
        for name in self.parts():
            if name.endswith(".rels"):
                for rel in self.xml(name).iter(q("rel:Relationship")):
                    yield name, rel

    def target(self, rels: str, rel: etree._Element) -> str | None:
        """The part a relationship points to, or ``None`` for an external target."""
        if rel.get("TargetMode") == "External":
            return None
        target = rel.get("Target", "")
        if target.startswith("/"):
            return str(target).lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.source_of(rels)), target))

    # -- removal and saving ---------------------------------------------------------------------------

    def remove(self, name: str) -> None:
        """Remove part ``name``, its own relationships, every relationship to it and its content type."""
        for part in (name, self.rels_name(name)):
            self.entries.pop(part, None)
            self._trees.pop(part, None)
        for rels, rel in list(self.relationships()):
            if self.target(rels, rel) == name:
                self._drop_references(self.source_of(rels), rel.get("Id", ""))
                rel.getparent().remove(rel)
        types = self.xml(CONTENT_TYPES)
        self._types = None
        for override in list(types.iter(q("ct:Override"))):
            if override.get("PartName", "").lstrip("/") == name:
                types.remove(override)

    def _drop_references(self, source: str, rel_id: str) -> None:
        """Remove the elements of ``source`` that refer to relationship ``rel_id`` (an OLE object ...)."""
        if not source or source not in self.entries or not source.endswith(".xml") or not rel_id:
            return
        root = self.xml(source)
        for element in list(root.iter()):
            if rel_id in (element.get(q("r:id")), element.get(q("r:embed")), element.get(q("r:link"))):
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)

    def save(self, out: BinaryIO) -> None:
        """Write the package (edited parts serialised) as a zip with no timestamps."""
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.entries.items():
                if name in self._trees:
                    data = etree.tostring(self._trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)
                info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
