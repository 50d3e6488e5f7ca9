"""The published page: one self-contained, accessible HTML file (inline styles, embedded images, no
scripts, nothing fetched), built from a protected document and its :class:`~veil.publishing.story.Story`.

Accessibility is designed in, and checked in the tests with axe-core in a real browser: a skip link to
the content, landmarks (banner, main, complementary, contentinfo), one ``h1``, headings in order, the
page's language, alt text required for every figure, questions and answers told apart by their labels
and not by colour alone, and colours that keep their contrast in light and dark mode. Body text is
Markdown-light (emphasis and links, rendered by markdown-it with raw HTML off, so the document cannot
inject markup).
"""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup

from veil.errors import ErrorCode, VeilError
from veil.language import document_language
from veil.publishing.story import Block, Figure, Story, blocks
from veil.reading.images import strip_metadata
from veil.writing.html import template_environment

MAX_IMAGE_BYTES = 16 << 20
STRINGS = {
    "en": {
        "skip": "Skip to the interview",
        "note": "Names and some details in this interview have been changed to protect the people in it.",
        "related": "Related",
        "title": "Interview",
        "question": "Question",
        "answer": "Answer",
        "footer": "Published with Veil: identifying details were replaced before publication.",
    },
    "ru": {
        "skip": "Перейти к интервью",
        "note": "Имена и некоторые детали в этом интервью изменены, чтобы защитить его героев.",
        "related": "Читайте также",
        "title": "Интервью",
        "question": "Вопрос",
        "answer": "Ответ",
        "footer": "Опубликовано с помощью Veil: личные данные заменены перед публикацией.",
    },
}
_IMAGE_TYPES = ((b"\xff\xd8", "image/jpeg"), (b"\x89PNG", "image/png"), (b"RIFF", "image/webp"))


@dataclass(frozen=True)
class PlacedFigure:
    figure: Figure
    data_uri: str


@functools.cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "typographer": False})


def inline(text: str) -> Markup:
    """One paragraph's inline Markdown as safe HTML (raw HTML in the text is escaped)."""
    return Markup(_markdown().renderInline(text))  # noqa: S704 - markdown-it escapes raw HTML (html=False)


def embed_image(path: Path) -> str:
    """A ``data:`` URI of a local image, its metadata stripped (a published photo must not carry GPS)."""
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise VeilError(ErrorCode.INPUT_TOO_LARGE, f"{path}: the image is over {MAX_IMAGE_BYTES >> 20} MiB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise VeilError(ErrorCode.INPUT_NOT_FOUND, f"{path}: no such image") from None
    except OSError as error:
        raise VeilError(ErrorCode.INPUT_UNREADABLE, f"{path}: cannot be read ({error.strerror})") from None
    mime = next((kind for magic, kind in _IMAGE_TYPES if data.startswith(magic)), None)
    cleaned = strip_metadata(data) if mime else None
    if mime is None or cleaned is None:
        raise VeilError(ErrorCode.INPUT_UNSUPPORTED, f"{path}: figures must be JPEG, PNG or WebP images")
    return f"data:{mime};base64,{base64.b64encode(cleaned).decode('ascii')}"


def _figure(figure: Figure, base: Path) -> PlacedFigure:
    if "://" in figure.src or figure.src.startswith("data:"):
        raise VeilError(ErrorCode.USAGE, "figures must be local image files (the page fetches nothing)")
    return PlacedFigure(figure, embed_image(base / figure.src))


def _language(story: Story, body: str) -> str:
    lang = story.lang or document_language(body[:4000])
    if lang not in STRINGS:
        raise VeilError(ErrorCode.LANGUAGE_UNSUPPORTED, f"unsupported page language {lang!r}; use en or ru")
    return lang


def render_page(story: Story, body: str, base: Path) -> str:
    """The page for ``body`` (the protected text after its front matter); images are read from ``base``."""
    lang = _language(story, body)
    strings = STRINGS[lang]
    items = blocks(body, story.interviewer)
    figures = [_figure(f, base) for f in story.figures]
    placed = {i: [f for f in figures if f.figure.after == i] for i in range(len(items) + 1)}
    late = [f for f in figures if f.figure.after > len(items)]
    template = template_environment("veil.publishing").get_template("page.html")
    return str(
        template.render(
            story=story,
            lang=lang,
            strings=strings,
            title=story.title or _first_heading(items) or strings["title"],
            blocks=items,
            placed=placed,
            late=late,
            inline=inline,
            css=Markup(resources.files("veil.publishing").joinpath("templates/page.css").read_text(encoding="utf-8")),  # noqa: S704 - our own stylesheet
        )
    )


def _first_heading(items: list[Block]) -> str:
    return next((b.paragraphs[0] for b in items if b.kind == "heading"), "")
