"""Prepositions that must agree with the pseudonym after them: "об Андрее" becomes "о Борисе".

A few Russian prepositions change their shape with the sound of the next word: "о" is "об" before a
vowel sound ("об Иване", but "о Евгении"), and "с", "к", "в" gain an "о" before some clusters of
consonants ("со Станиславом", "ко Льву", "во Владимире"). A pseudonym starts with other sounds than the
name it replaces, so the preposition written before the name is put into the shape the pseudonym asks
for, and the edit widens over it.
"""

from __future__ import annotations

import re

from veil.deciding.base import EDIT_POLISHERS
from veil.findings import Edit

_PREPOSITION = re.compile(r"(?<![^\W\d_])(о|об|с|со|к|ко|в|во)([ \t]+)$", re.IGNORECASE)
# "об" before these letters (a vowel sound); "е", "ё", "ю", "я" start with the sound "й": "о Евгении".
_OB_LETTERS = frozenset("аоуэиы")
_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")


def preposition_for(preposition: str, word: str) -> str:
    """The shape of ``preposition`` (lower case) that goes before ``word``."""
    low = word.lower().replace("ё", "е")
    padded = low + "  "
    first, second = padded[0], padded[1]
    clustered = second in _CONSONANTS or second in "ьъ"
    if preposition in ("о", "об"):
        return "об" if first in _OB_LETTERS else "о"
    if preposition in ("с", "со"):
        return "со" if (first in "сзшжщ" and clustered) or low.startswith(("льв", "мн")) else "с"
    if preposition in ("к", "ко"):
        return "ко" if low.startswith(("мн", "льв", "вс", "вт")) else "к"
    if preposition in ("в", "во"):
        return "во" if (first in "вф" and clustered) or low.startswith("мн") else "в"
    return preposition


def _match_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    return word.capitalize() if original[:1].isupper() else word


def agree_preposition(edit: Edit, before: str) -> Edit:
    """``edit`` widened over the preposition before it when the pseudonym needs another shape of it."""
    found = _PREPOSITION.search(before)
    if found is None or not edit.replacement[:1].isalpha() or edit.replacement[:1].isascii():
        return edit
    written = found.group(1)
    wanted = preposition_for(written.lower(), edit.replacement)
    if wanted == written.lower():
        return edit
    widened = _match_case(written, wanted) + found.group(2) + edit.replacement
    return Edit(edit.start - len(found.group()), edit.end, widened, edit.entity_id)


EDIT_POLISHERS.append(agree_preposition)
