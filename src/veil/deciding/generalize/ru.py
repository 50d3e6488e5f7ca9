"""Russian wording helpers for generalizers: the case a mention is in, read from the sentence.

The case comes from the detector (``case`` attribute) or, failing that, from the preposition just before
the mention and the parses of its first word. Inflection itself lives in :mod:`veil.lexicon.ru.phrases`.
"""

from __future__ import annotations

import re

from veil.deciding.base import DecisionContext
from veil.deciding.generalize.base import preceding
from veil.findings import Detection
from veil.lexicon.ru.morph import CASES
from veil.lexicon.ru.phrases import (
    case_of,
    gender_of,
    governing_preposition,
    inflect_phrase,
    inflect_word,
    one_of,
    verb_like,
)

__all__ = ["gender_of", "inflect_phrase", "inflect_word", "mention_case", "one_of", "preposition", "verb_like"]
_WORD = re.compile(r"[А-ЯЁа-яё-]+")


def preposition(mention: Detection, context: DecisionContext) -> str:
    return governing_preposition(preceding(mention, context))


def mention_case(mention: Detection, context: DecisionContext) -> str:
    """The grammatical case of the mention as written."""
    own = mention.attrs.get("case")
    if own in CASES and mention.attrs.get("key") and not mention.why[0].source.startswith("link."):
        return own
    first = _WORD.search(mention.text)
    return case_of(first.group(), preposition(mention, context)) if first else "nomn"
