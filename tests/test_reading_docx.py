"""Word documents: identifiers gone from every part of the package, structure and formatting kept,
hidden places cleaned and reported, bad packages refused with clear codes and nothing written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from tests.docx_samples import SECRETS, build_leaky_docx, first_run_properties, package_texts
from veil import Pipeline, VeilError
from veil.errors import ErrorCode
from veil.reading import FORMATS
from veil.reading.archive import Limits, read_entries
from veil.writing.files import protect_file


@pytest.fixture(scope="module")
def protected(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> tuple[Path, Path, object]:
    folder = tmp_path_factory.mktemp("docx")
    source = folder / "leaky.docx"
    build_leaky_docx(source)
    output = folder / "leaky.protected.docx"
    result = protect_file(pipeline, source, output)
    return source, output, result


def test_no_identifier_left_anywhere_in_the_package(protected: tuple[Path, Path, object]) -> None:
    source, output, _ = protected
    before = package_texts(source)
    assert any("Volkov" in text for text in before.values())  # the sample really has them
    leaks = [
        (part, secret)
        for part, text in package_texts(output).items()
        for secret in SECRETS
        if secret.casefold() in text.casefold()
    ]
    assert leaks == []


def test_split_name_is_replaced_and_each_run_keeps_its_formatting(protected: tuple[Path, Path, object]) -> None:
    source, output, _ = protected
    before = first_run_properties(source)
    after = first_run_properties(output)
    assert [(bold, italic) for _, bold, italic in before] == [(bold, italic) for _, bold, italic in after]
    assert before[1] == ("Serg", True, None)
    assert after[0][0] == "My neighbour "
    assert "Volkov" not in "".join(t for t, _, _ in after)
    assert after[1][0].strip()  # the pseudonym starts where the name started, in the bold run


def test_structure_is_kept(protected: tuple[Path, Path, object]) -> None:
    source, output, _ = protected
    original, result = docx.Document(str(source)), docx.Document(str(output))
    assert len(result.paragraphs) == len(original.paragraphs)
    assert [p.style.name for p in result.paragraphs] == [p.style.name for p in original.paragraphs]
    assert len(result.tables) == 1
    assert len(result.tables[0].rows) == 2
    assert result.tables[0].cell(0, 0).text == "Contact"
    assert len(result.inline_shapes) == 1
    assert result.sections[0].header.paragraphs[0].text.startswith("Interview with ")
    assert len(list(result.comments)) == 1
    assert next(iter(result.comments)).author == "Reviewer 1"
    assert result.core_properties.author == ""
    assert result.core_properties.title.startswith("Interview: ")


def test_tracked_changes_are_accepted(protected: tuple[Path, Path, object]) -> None:
    _, output, _ = protected
    with zipfile.ZipFile(output) as archive:
        document = archive.read("word/document.xml").decode()
    assert "w:del " not in document
    assert "w:delText" not in document
    assert "w:ins " not in document
    assert "He moved." in document  # the insertion stays as ordinary text


def test_hidden_places_are_reported(protected: tuple[Path, Path, object]) -> None:
    _, _output, result = protected
    notes = " | ".join(result.analysis.document.extra_findings())  # type: ignore[attr-defined]
    for expected in ("tracked changes accepted", "comment authors", "custom properties removed", "thumbnail",
                     "author", "last modified by", "company", "metadata (EXIF", "picture names"):  # fmt: skip
        assert expected in notes
    report = result.report_json.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert "tracked changes accepted" in report
    assert not any(secret in notes for secret in SECRETS)


def test_removed_parts_leave_no_dangling_references(protected: tuple[Path, Path, object]) -> None:
    _, output, _ = protected
    with zipfile.ZipFile(output) as archive:
        names = set(archive.namelist())
        texts = {
            name: archive.read(name).decode("utf-8", "ignore") for name in names if name.endswith((".rels", ".xml"))
        }
    assert not {"docProps/custom.xml", "docProps/thumbnail.jpeg"} & names
    assert not any(name.startswith("customXml/") for name in names)
    for text in texts.values():
        assert "thumbnail" not in text
        assert "custom.xml" not in text
        assert "customXml" not in text
    docx.Document(str(output))  # still opens


def test_units_have_roles(tmp_path: Path) -> None:
    source = tmp_path / "roles.docx"
    build_leaky_docx(source)
    roles = {unit.role for unit in FORMATS.get("docx").read(source).units()}
    assert {"body", "heading", "table", "header", "footer", "comment", "footnote", "metadata", "alt", "link"} <= roles


# -- bad input --------------------------------------------------------------------------------------


def _zip(path: Path, entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


BAD_INPUT = [
    # (file content builder, expected code); comments say why each is refused
    (lambda p: p.write_bytes(b"this is not a zip at all"), ErrorCode.INPUT_CORRUPT),  # plain text named .docx
    (lambda p: p.write_bytes(b""), ErrorCode.INPUT_EMPTY),
    # an encrypted Office document is an OLE compound file with an EncryptedPackage stream
    (
        lambda p: p.write_bytes(
            bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
        ),
        ErrorCode.INPUT_ENCRYPTED,
    ),
    # the same container without it is an old binary .doc
    (lambda p: p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600), ErrorCode.INPUT_UNSUPPORTED),
    (lambda p: _zip(p, {"word/document.xml": b"<x/>"}), ErrorCode.INPUT_CORRUPT),  # no content types
    (
        lambda p: _zip(
            p, {"[Content_Types].xml": b"<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>"}
        ),
        ErrorCode.INPUT_CORRUPT,
    ),
]


@pytest.mark.parametrize(("build", "code"), BAD_INPUT)
def test_bad_packages_are_refused_with_clear_codes(tmp_path: Path, build, code: ErrorCode) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.docx"
    build(path)
    with pytest.raises(VeilError) as raised:
        FORMATS.get("docx").read(path)
    assert raised.value.code == code


def test_strict_open_xml_is_refused_rather_than_read_as_empty(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    build_leaky_docx(good)
    with zipfile.ZipFile(good) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    strict = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    entries["word/document.xml"] = entries["word/document.xml"].replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict
    )
    with pytest.raises(VeilError) as raised:
        FORMATS.get("docx").read(_zip(tmp_path / "strict.docx", entries))
    assert raised.value.code == ErrorCode.INPUT_UNSUPPORTED


def test_truncated_package_is_corrupt(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    build_leaky_docx(good)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(VeilError) as raised:
        FORMATS.get("docx").read(broken)
    assert raised.value.code == ErrorCode.INPUT_CORRUPT


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.docx", {"[Content_Types].xml": b"<a/>", "word/document.xml": b"\0" * (8 << 20)})
    with pytest.raises(VeilError) as raised:
        read_entries(bomb, "Word (.docx)", Limits(ratio=100))
    assert raised.value.code == ErrorCode.INPUT_TOO_LARGE
    with pytest.raises(VeilError) as raised:
        read_entries(bomb, "Word (.docx)", Limits(total_bytes=1 << 20))
    assert raised.value.code == ErrorCode.INPUT_TOO_LARGE


def test_entry_that_inflates_past_its_declared_size_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "liar.docx", {"[Content_Types].xml": b"<a/>", "word/document.xml": b"x" * 5000})
    data = bytearray(path.read_bytes())
    # lower the declared size in the central directory (and the local header) to 10 bytes
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    for offset in (info.header_offset + 22, data.rfind(b"PK\x01\x02", 0) + 24):
        data[offset : offset + 4] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(VeilError) as raised:
        read_entries(path, "Word (.docx)")
    assert raised.value.code in (ErrorCode.INPUT_TOO_LARGE, ErrorCode.INPUT_CORRUPT)


def test_encrypted_zip_entries_are_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "enc.docx", {"[Content_Types].xml": b"<a/>"})
    data = bytearray(path.read_bytes())
    data[6] |= 1  # local header flag: encrypted
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1
    path.write_bytes(bytes(data))
    with pytest.raises(VeilError) as raised:
        read_entries(path, "Word (.docx)")
    assert raised.value.code == ErrorCode.INPUT_ENCRYPTED


def test_failed_protection_writes_nothing(tmp_path: Path, pipeline: Pipeline) -> None:
    source = tmp_path / "broken.docx"
    source.write_bytes(b"PK\x03\x04 broken")
    output = tmp_path / "out.docx"
    with pytest.raises(VeilError):
        protect_file(pipeline, source, output)
    assert list(tmp_path.iterdir()) == [source]


def test_rendering_twice_gives_the_same_package(tmp_path: Path, pipeline: Pipeline) -> None:
    source = tmp_path / "same.docx"
    build_leaky_docx(source)
    document = FORMATS.get("docx").read(source)
    analysis = pipeline.analyze(document)
    first, second = io.BytesIO(), io.BytesIO()
    document.render(analysis.edits(), first)
    document.render(analysis.edits(), second)
    assert first.getvalue() == second.getvalue()


def test_cli_protects_a_word_file_and_reports_hidden_places(tmp_path: Path) -> None:
    from tests.helpers import run_veil

    source = tmp_path / "cli.docx"
    build_leaky_docx(source)
    result = run_veil("protect", str(source), "-o", str(tmp_path / "out.docx"), "-q")
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "out.report.html").read_text(encoding="utf-8")
    assert "Hidden places cleaned" in report
    assert "tracked changes accepted" in report
    assert not any(secret in report for secret in SECRETS)
