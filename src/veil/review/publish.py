"""The published page of an approved testimony.

``veil publish`` (``veil.publishing``, being built with the document formats) will make the full article
page; until it lands, the app renders a plain, accessible, self-contained page from the protected text:
a skip link, the headline, a standfirst from the catalogue, one paragraph per block, question and answer
turns set apart, and a note that names and details were changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.template.loader import render_to_string

from veil.review.models import Testimony

_QUESTION = re.compile(r"^(Q|Question|Interviewer|ВОПРОС|Вопрос|В)\s*[:.—-]\s*", re.UNICODE)
_ANSWER = re.compile(r"^(A|Answer|ОТВЕТ|Ответ|О)\s*[:.—-]\s*", re.UNICODE)


@dataclass(frozen=True)
class Block:
    text: str
    turn: str = ""


def blocks(text: str) -> list[Block]:
    """Paragraphs of the protected text, with question/answer turns recognised by their labels."""
    result = []
    for paragraph in (p.strip() for p in re.split(r"\n\s*\n", text)):
        if not paragraph:
            continue
        for pattern, turn in ((_QUESTION, "question"), (_ANSWER, "answer")):
            if pattern.match(paragraph):
                result.append(Block(pattern.sub("", paragraph, count=1), turn))
                break
        else:
            result.append(Block(paragraph))
    return result


def published_page(testimony: Testimony, protected_text: str) -> str:
    """A self-contained HTML page of the protected text (no scripts, no external resources)."""
    context = {"t": testimony, "blocks": blocks(protected_text), "lang": testimony.language or "en"}
    return render_to_string("review/published.html", context)
