"""The published page of an approved testimony, made by ``veil publish``'s renderer.

The page's headline, standfirst and date come from the archive's catalogue fields; the body is the
protected running text (for structured formats, the published parts only, as ``veil publish`` takes
them). The page is self-contained: no scripts, nothing fetched.
"""

from __future__ import annotations

import itertools

from veil.pipeline import Analysis
from veil.publishing import Story, render_page
from veil.publishing.publish import PUBLISHED_ROLES
from veil.reading import apply_edits
from veil.review.models import Testimony


def protected_running_text(analysis: Analysis) -> str:
    """The protected text as ``veil publish`` reads a protected file (see ``publishable_text``)."""
    edits = analysis.edits()
    units = list(analysis.document.units())
    texts = [(unit, apply_edits(unit.text, unit.start, edits)) for unit in units]
    if all(a.end == b.start for a, b in itertools.pairwise(units)):
        return "".join(text for _, text in texts)
    return "\n\n".join(text for unit, text in texts if unit.role in PUBLISHED_ROLES)


def published_page(testimony: Testimony, analysis: Analysis) -> str:
    """The page for ``testimony`` (catalogue fields around its protected text)."""
    standfirst = " · ".join(part for part in (testimony.theme, testimony.place) if part)
    story = Story(title=testimony.title, standfirst=standfirst, lang=testimony.language or analysis.lang,
                  date=testimony.date.isoformat() if testimony.date else "")  # fmt: skip
    return render_page(story, protected_running_text(analysis), analysis.document.path.parent)
