"""Hidden places in a Word document's XML: tracked changes, revision marks, comment authors, settings.

Each cleaner edits the parsed parts of a :class:`~veil.reading.docx.opc.Package` and returns notes for
the report ("3 tracked changes accepted ..."), which name what was cleaned and how much, never a value.

- Tracked changes are accepted: a deletion still holds the deleted text (``w:delText``) and every
  revision its author's name and a time, so deletions and moves away are removed with their content,
  insertions and moves in are kept as ordinary text, and formatting-change records are dropped.
- Revision-session ids (``w:rsid*``) tie a file to the editing sessions of one computer; they go.
- Comment authors become "Reviewer 1", "Reviewer 2" ... (the same person keeps the same number in the
  comments and in ``people.xml``, whose account ids go); comment dates go. The comments' text is
  protected like the rest of the document.
- Settings: document variables, the attached template's path and mail-merge data sources go.
"""

from __future__ import annotations

from lxml import etree

from veil.reading.docx.opc import NS, Package, q

_DELETIONS = frozenset(
    q(f"w:{name}")
    for name in [
        "del",
        "moveFrom",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd",
        "cellIns",
        "cellDel",
        "cellMerge",
        "delText",
        "delInstrText",
    ]
)
_INSERTIONS = frozenset({q("w:ins"), q("w:moveTo")})
_COUNTED = frozenset({q("w:ins"), q("w:del"), q("w:moveTo"), q("w:moveFrom")})
_W = NS["w"]
_SETTINGS_GONE = tuple(q(f"w:{name}") for name in ("rsids", "docVars", "attachedTemplate", "mailMerge"))


def word_parts(package: Package) -> list[str]:
    """The WordprocessingML parts (document, headers, footers, notes, comments, settings ...)."""
    return [name for name in package.parts() if name.startswith("word/") and name.endswith(".xml")]


def accept_changes(root: etree._Element) -> int:
    """Accept every tracked change in one part; the number of changes accepted."""
    count = 0
    for element in list(root.iter(*_DELETIONS, *_INSERTIONS)):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag in _COUNTED and len(element):
            count += 1
        if element.tag in _INSERTIONS:
            _unwrap(element)
        elif element.tag == q("w:del") and parent.tag == q("w:trPr"):
            row = parent.getparent()
            if row is not None and row.getparent() is not None:
                row.getparent().remove(row)  # a deleted table row
                count += 1
        else:
            parent.remove(element)
    return count


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def drop_revision_ids(root: etree._Element) -> int:
    """Remove ``w:rsid*`` attributes; how many elements carried them."""
    touched = 0
    for element in root.iter():
        names = [n for n in element.attrib if n.startswith(f"{{{_W}}}rsid")]
        for name in names:
            del element.attrib[name]
        touched += bool(names)
    return touched


def clean_changes(package: Package) -> list[str]:
    """Accept tracked changes and drop revision ids in every Word part."""
    changes = ids = 0
    for name in word_parts(package):
        root = package.xml(name)
        changes += accept_changes(root)
        ids += drop_revision_ids(root)
    notes = []
    if changes:
        notes.append(f"{changes} tracked changes accepted: deleted text and revision authors removed")
    if ids:
        notes.append("revision-session identifiers removed")
    return notes


def clean_reviewers(package: Package) -> list[str]:
    """Replace comment authors with "Reviewer N" (same person, same number) and drop comment dates."""
    numbers: dict[str, int] = {}

    def number(author: str) -> int:
        return numbers.setdefault(author, len(numbers) + 1)

    for name in package.parts_typed(("comments+xml",)):
        for comment in package.xml(name).iter(q("w:comment")):
            reviewer = number(comment.get(q("w:author"), ""))
            comment.set(q("w:author"), f"Reviewer {reviewer}")
            comment.set(q("w:initials"), f"R{reviewer}")
            comment.attrib.pop(q("w:date"), None)
    for name in package.parts_typed(("people+xml",)):
        for person in package.xml(name).iter(q("w15:person")):
            person.set(q("w15:author"), f"Reviewer {number(person.get(q('w15:author'), ''))}")
            for info in list(person):
                person.remove(info)
    for name in package.parts_typed(("commentsExtensible+xml",)):
        for element in package.xml(name).iter():
            element.attrib.pop(q("w16cex:dateUtc"), None)
    return [f"comment authors replaced with Reviewer 1..{len(numbers)}; comment dates removed"] if numbers else []


def clean_settings(package: Package) -> list[str]:
    """Drop document variables, the attached template's path and mail-merge sources."""
    removed = 0
    for name in package.parts_typed(("settings+xml",)):
        root = package.xml(name)
        for element in list(root.iter(*_SETTINGS_GONE)):
            rel_id = element.get(q("r:id"))
            element.getparent().remove(element)
            removed += element.tag != q("w:rsids")
            if rel_id:
                _drop_relationship(package, name, rel_id)
    return ["document variables, template path and mail-merge sources removed"] if removed else []


def _drop_relationship(package: Package, source: str, rel_id: str) -> None:
    rels = package.rels_name(source)
    if rels not in package.entries:
        return
    for rel in list(package.xml(rels).iter(q("rel:Relationship"))):
        if rel.get("Id") == rel_id:
            rel.getparent().remove(rel)
