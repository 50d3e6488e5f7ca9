"""A small archive for the batch tests: English and Russian, text, Markdown, Word and subtitles, nested
folders, one corrupt file, one unsupported file, and enough bulk that a run can be killed halfway."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.conftest import EXAMPLES

# The same people appear in several files (and formats): each must keep one pseudonym everywhere.
PERSON_EN = "Daniil Sorokin"
PERSON_RU_FORMS = ("Алексей Громов", "Алексея Громова")
NAMES = (PERSON_EN, "Sorokin", "Громов", "Громова", "Galina Petrenko", "Oleg Markin")

SRT = """1
00:00:01,000 --> 00:00:04,000
My son Daniil Sorokin left in September.

2
00:00:04,500 --> 00:00:07,000
Daniil Sorokin called me from the border.
"""

RU_SECOND = (
    "ВОПРОС: Где сейчас ваш муж?\n\n"
    "ОТВЕТ: Алексей Громов в Ереване. Я часто пишу Алексею Громову, а Нина Павловна Кузьмина "
    "передаёт ему посылки.\n"
)

BULK_EN = (
    "Q: Tell me about {name}.\n\n"
    "A: {name} lives on 14 Lenin Street with his sister, Mrs Galina Petrenko. I called {name} on "
    "+7 912 345-67-89 and Oleg Markin drove him to the border the next day. My son Daniil Sorokin "
    "was with them.\n\n"
)
BULK_NAMES = ("Pavel Orlov", "Igor Zaitsev", "Maxim Belov", "Anton Frolov", "Kirill Lebedev", "Yuri Titov")


def build_corpus(root: Path, *, bulk_files: int = 6, bulk_repeats: int = 12) -> dict[str, Path]:
    """Write the archive under ``root``; the supported files it holds, by relative path."""
    (root / "en" / "notes").mkdir(parents=True)
    (root / "ru").mkdir()
    (root / "bulk").mkdir()
    (root / "en" / "interview.txt").write_text((EXAMPLES / "interview_en.txt").read_text("utf-8"), "utf-8")
    (root / "en" / "notes" / "summary.md").write_text(
        f"# Notes\n\nThe interviewee's son, {PERSON_EN}, left for Georgia. {PERSON_EN} is 27.\n", "utf-8"
    )
    word = docx.Document()
    word.add_paragraph(f"Letter from {PERSON_EN} to his mother, written in Tbilisi.")
    word.add_paragraph(f"Signed: {PERSON_EN}.")
    word.save(str(root / "en" / "letter.docx"))
    (root / "en" / "video.srt").write_text(SRT, "utf-8")
    (root / "ru" / "first.txt").write_text((EXAMPLES / "interview_ru.txt").read_text("utf-8"), "utf-8")
    (root / "ru" / "second.txt").write_text(RU_SECOND, "utf-8")
    for index in range(bulk_files):
        name = BULK_NAMES[index % len(BULK_NAMES)]
        (root / "bulk" / f"part{index:02}.txt").write_text(BULK_EN.format(name=name) * bulk_repeats, "utf-8")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 this is not a Word file")
    (root / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (root / "scan.pdf").write_bytes(b"%PDF-1.4 not supported")
    (root / ".hidden.txt").write_text("never read", "utf-8")
    return {
        p.relative_to(root).as_posix(): p
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix in {".txt", ".md", ".docx", ".srt"} and not p.name.startswith(".")
    }


FAILING = {"broken.docx", "latin1.txt"}


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def output_text(path: Path) -> str:
    return docx_text(path) if path.suffix == ".docx" else path.read_text("utf-8")
