"""From a protected document on disk to a page on disk, written atomically."""

from __future__ import annotations

import itertools
from pathlib import Path

from veil.publishing.page import render_page
from veil.publishing.story import Story, load_story_file, split_front_matter
from veil.reading import Document, format_for
from veil.writing.atomic import write_text_atomically
from veil.writing.files import check_distinct

PUBLISHED_ROLES = frozenset({"body", "heading", "table", "cue"})


def publishable_text(document: Document) -> str:
    """The document's running text: a text file as it is; a structured one (Word, subtitles) as its
    body paragraphs separated by blank lines (headers, comments and properties are not published)."""
    units = list(document.units())
    contiguous = all(a.end == b.start for a, b in itertools.pairwise(units))
    if contiguous:
        return "".join(unit.text for unit in units)
    return "\n\n".join(unit.text for unit in units if unit.role in PUBLISHED_ROLES)


def publish_file(
    source: Path,
    output: Path,
    *,
    meta: Path | None = None,
    assets: Path | None = None,
    format_name: str | None = None,
    **overrides: str | None,
) -> Story:
    """Write the page for the protected document ``source`` to ``output``; the story it used."""
    check_distinct(source, output)
    document = format_for(source, format_name).read(source)
    story, body = split_front_matter(publishable_text(document), str(source))
    if meta is not None:
        story = Story.model_validate({**story.model_dump(), **load_story_file(meta).model_dump(exclude_unset=True)})
    story = story.merged(**overrides)
    base = assets or (meta.parent if meta is not None else source.parent)
    page = render_page(story, body, base)
    write_text_atomically(output, page)
    return story
