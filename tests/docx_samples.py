"""Word files built in the tests (python-docx plus raw XML), with identifiers in every hidden place."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"

# Every identifier planted in the sample, as it must never appear in the protected package.
SECRETS = (
    "Sergey",
    "Volkov",
    "Сергей",
    "Волков",
    "Smirnova",
    "anna.smirnova",
    "345-67-89",
    "sergey.volkov",
    "Volkov Consulting",
)


def png(text_chunks: dict[str, str]) -> bytes:
    """A 1x1 PNG with ``tEXt`` metadata chunks (as a camera or editor would leave them)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    texts = b"".join(chunk(b"tEXt", f"{k}\x00{v}".encode("latin-1")) for k, v in text_chunks.items())
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + texts + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _split_runs(paragraph: docx.text.paragraph.Paragraph) -> None:
    """ "Serg" bold, "ey Vol" italic, "kov" plain: the name is in no single run."""
    paragraph.add_run("My neighbour ")
    paragraph.add_run("Serg").bold = True
    paragraph.add_run("ey Vol").italic = True
    paragraph.add_run("kov called me at +7 912 345-67-89.")


def _tracked_changes(paragraph: docx.text.paragraph.Paragraph) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W}" w:id="91" w:author="Sergey Volkov" w:date="2023-03-01T10:00:00Z">'
            "<w:r><w:delText>He lived with Sergey Volkov at 14 Lenin Street.</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins xmlns:w="{W}" w:id="92" w:author="Sergey Volkov" w:date="2023-03-01T10:01:00Z">'
            '<w:r><w:t xml:space="preserve"> He moved.</w:t></w:r></w:ins>'
        )
    )


def _hyperlink(document: docx.document.Document, paragraph: docx.text.paragraph.Paragraph) -> None:
    rel_id = document.part.relate_to(
        "https://vk.com/sergey.volkov", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink xmlns:w="{W}" xmlns:r="{R}" r:id="{rel_id}"><w:r><w:t>my page</w:t></w:r></w:hyperlink>'
        )
    )


def build_leaky_docx(path: Path) -> None:
    """A .docx with identifiers in the body (split across runs), a table, header, footer, comment,
    footnote, tracked change, hyperlink target, image (alt text, name and metadata) and properties."""
    document = docx.Document()
    document.add_heading("Interview", level=1)
    _split_runs(document.add_paragraph())
    document.add_paragraph("Сергея Волкова задержали в сентябре.")
    tracked = document.add_paragraph("The old text:")
    _tracked_changes(tracked)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Contact"
    table.cell(0, 1).text = "Anna Smirnova, anna.smirnova@mail.ru"
    table.cell(1, 0).text = "Phone"
    table.cell(1, 1).text = "+7 912 345-67-89"
    linked = document.add_paragraph("Profile: ")
    _hyperlink(document, linked)
    section = document.sections[0]
    section.header.paragraphs[0].text = "Interview with Sergey Volkov"
    section.footer.paragraphs[0].text = "Transcribed by Anna Smirnova"
    commented = document.add_paragraph("A remark on this paragraph.")
    document.add_comment(commented.runs, text="Check this with Sergey Volkov", author="Anna Smirnova", initials="AS")
    picture_path = path.with_name("volkov_sergey.png")
    picture_path.write_bytes(png({"Author": "Sergey Volkov", "Comment": "anna.smirnova@mail.ru"}))
    document.add_picture(str(picture_path))
    inline = document.inline_shapes[0]._inline
    inline.docPr.set("descr", "Photo of Sergey Volkov")
    properties = document.core_properties
    properties.author = "Anna Smirnova"
    properties.last_modified_by = "Sergey Volkov"
    properties.title = "Interview: Sergey Volkov"
    properties.comments = "Notes by Anna Smirnova"
    style = document.styles["Normal"]
    style.font.size = Pt(11)
    document.save(str(path))
    _add_parts(path)


def _add_parts(path: Path) -> None:
    """Add what python-docx cannot: a footnote, custom properties and a company name."""
    with zipfile.ZipFile(path) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
        '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Sergey Volkov asked us to </w:t></w:r>'
        "<w:r><w:t>keep this.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Interviewee">'
        "<vt:lpwstr>Sergey Volkov</vt:lpwstr></property></Properties>"
    )
    entries["word/footnotes.xml"] = footnotes.encode()
    entries["docProps/custom.xml"] = custom.encode()
    types = entries["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/>'
        f'<Override PartName="/docProps/custom.xml" ContentType="{CUSTOM_TYPE}"/></Types>',
    )
    entries["[Content_Types].xml"] = types.encode()
    rels = entries["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>", f'<Relationship Id="rIdFn1" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/></Relationships>'
    )
    entries["word/_rels/document.xml.rels"] = rels.encode()
    root_rels = entries["_rels/.rels"].decode()
    root_rels = root_rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdCu1" Type="{CUSTOM_REL}" Target="docProps/custom.xml"/></Relationships>',
    )
    entries["_rels/.rels"] = root_rels.encode()
    app = entries["docProps/app.xml"].decode().replace("<Company/>", "<Company>Volkov Consulting</Company>")
    entries["docProps/app.xml"] = app.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def package_texts(path: Path) -> dict[str, str]:
    """Every part of a package as text: XML with its tags removed (so text split across runs joins up)
    and, for every part, its raw bytes decoded loosely (so nothing hides in binary parts either)."""
    import re

    texts = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            raw = archive.read(info)
            loose = raw.decode("utf-8", errors="ignore") + raw.decode("latin-1")
            texts[info.filename] = loose + "\n" + re.sub(r"<[^>]+>", "", loose)
    return texts


def first_run_properties(path: Path) -> list[tuple[str, bool | None, bool | None]]:
    """(text, bold, italic) of each run of the second body paragraph (the one with the split name)."""
    paragraph = docx.Document(str(path)).paragraphs[1]
    return [(run.text, run.bold, run.italic) for run in paragraph.runs]


def qualified(tag: str) -> str:
    return qn(tag)
