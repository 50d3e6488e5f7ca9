"""Document properties and the parts people forget: who wrote the file, what it looked like, what it holds.

- Core properties: the author, the last editor, print and edit times are removed; the title, subject,
  description, keywords and category are text a person wrote, so they become units (role ``metadata``)
  and are protected like the body.
- Extended (application) properties: company, manager, hyperlink base and the list of part titles are
  removed; a template given as a full path keeps only its file name (the path names a user's folder).
- Custom properties, custom XML data (document-management fields, bibliography sources), the thumbnail
  of the first page (a picture of the original text) and embedded files (which Veil cannot look
  inside) are removed with every reference to them.
- Images keep their pixels but lose their metadata (see :mod:`veil.reading.images`).
"""

from __future__ import annotations

import posixpath

from veil.reading.docx.opc import ROOT_RELS, Package, q
from veil.reading.docx.slots import Slot, TextSlot
from veil.reading.images import strip_metadata

_CORE_REMOVED = {
    "dc:creator": "author",
    "cp:lastModifiedBy": "last modified by",
    "cp:lastPrinted": "last printed",
    "dcterms:created": "created",
    "dcterms:modified": "modified",
    "dc:identifier": "identifier",
}
_CORE_TEXT = ("dc:title", "dc:subject", "dc:description", "cp:keywords", "cp:category", "cp:contentStatus")
_APP_REMOVED = {
    "ep:Company": "company",
    "ep:Manager": "manager",
    "ep:HyperlinkBase": "hyperlink base",
    "ep:TitlesOfParts": "titles of parts",
    "ep:HeadingPairs": "heading pairs",
}
_THUMBNAIL = "/metadata/thumbnail"


def clean_properties(package: Package) -> tuple[list[str], list[Slot]]:
    """Remove identifying properties; the notes, and the slots of the properties that stay as text."""
    removed: list[str] = []
    slots: list[Slot] = []
    for name in package.parts_typed(("core-properties+xml",)):
        root = package.xml(name)
        removed += _remove(root, _CORE_REMOVED)
        slots += [TextSlot(e) for tag in _CORE_TEXT for e in root.iter(q(tag)) if (e.text or "").strip()]
    for name in package.parts_typed(("extended-properties+xml",)):
        root = package.xml(name)
        removed += _remove(root, _APP_REMOVED)
        for template in root.iter(q("ep:Template")):
            if template.text and ("/" in template.text or "\\" in template.text):
                template.text = template.text.replace("\\", "/").rsplit("/", 1)[-1]
                removed.append("template path")
    return ([f"document properties removed: {', '.join(removed)}"] if removed else []), slots


def _remove(root: object, fields: dict[str, str]) -> list[str]:
    removed = []
    for tag, label in fields.items():
        for element in list(root.iter(q(tag))):  # type: ignore[attr-defined]
            if (element.text or "").strip() or len(element):
                removed.append(label)
            element.getparent().remove(element)
    return removed


def remove_hidden_parts(package: Package) -> list[str]:
    """Remove custom properties, custom XML, the thumbnail and embedded files; notes on what went."""
    notes = []
    groups = {
        "custom properties": list(package.parts_typed(("custom-properties+xml",))),
        "custom XML data parts": [n for n in package.parts() if n.startswith("customXml/") and n.endswith(".xml")],
        "thumbnail of the first page": _thumbnails(package),
        "embedded files (Veil cannot look inside them)": [
            n for n in package.parts() if n.startswith("word/embeddings/") and not n.endswith(".rels")
        ],
    }
    for label, names in groups.items():
        for name in names:
            package.remove(name)
        if names:
            notes.append(f"{label} removed ({len(names)})" if len(names) > 1 else f"{label} removed")
    return notes


def _thumbnails(package: Package) -> list[str]:
    if ROOT_RELS not in package.entries:
        return []
    found = []
    for rel in package.xml(ROOT_RELS).iter(q("rel:Relationship")):
        target = package.target(ROOT_RELS, rel)
        if rel.get("Type", "").endswith(_THUMBNAIL) and target in package.entries:
            found.append(target)
    return found


def clean_images(package: Package) -> list[str]:
    """Strip metadata from every image in the package; notes on how many, and on those left alone."""
    cleaned = 0
    kept: set[str] = set()
    for name in package.parts():
        if not package.content_type(name).startswith("image/"):
            continue
        stripped = strip_metadata(package.entries[name])
        if stripped is None:
            kept.add(posixpath.splitext(name)[1] or "?")
            continue
        if stripped != package.entries[name]:
            cleaned += 1
            package.entries[name] = stripped
    notes = []
    if cleaned:
        notes.append(f"metadata (EXIF, XMP, comments) removed from {cleaned} images")
    if kept:
        notes.append(
            f"images in formats Veil cannot clean were kept as they are ({', '.join(sorted(kept))}): check them"
        )
    return notes
