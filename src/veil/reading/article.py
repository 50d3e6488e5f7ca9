"""Which blocks of a web page are the article, and which are the site around it.

trafilatura finds the article's text (it leads the published comparisons of main-content extractors,
is maintained, works offline on a string and is Apache-2.0; readability-lxml, the other candidate, is a
port of an old heuristic that returns re-serialised HTML, harder to map back and weaker on news pages).
It is asked to favour recall: a block wrongly taken for boilerplate is only searched for entities found
elsewhere, so losing article text costs more than keeping a menu item.

trafilatura returns text, not positions, so a block of the page belongs to the article when its text
(white space normalised) occurs in the extracted text. When trafilatura finds nothing (a short page, a
bare fragment), every block counts as article: recall first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def extract_article(source: str) -> str | None:
    """The article's plain text as trafilatura sees it, or ``None`` when it finds none."""
    import trafilatura

    try:
        text = trafilatura.extract(
            source, favor_recall=True, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception:
        return None
    return text if text and text.strip() else None


def article_blocks(source: str) -> Callable[[str], bool]:
    """A test telling whether a block's text is part of the page's article."""
    extracted = extract_article(source)
    if extracted is None:
        return lambda _text: True
    article = _normal(extracted)

    def is_article(text: str) -> bool:
        block = _normal(text)
        return bool(block) and block in article

    return is_article
