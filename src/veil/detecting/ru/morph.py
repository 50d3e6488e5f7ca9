"""Russian word lists for detectors: every inflected form of each entry, looked up word by word.

Word lists are written in the dictionary form ("инженер-теплотехник", "главный бухгалтер", "учитель
химии"); :func:`inflected_index` expands each entry into all its case and number forms with
:mod:`veil.lexicon.ru.phrases` when the list is first loaded, so detection itself is a dictionary look-up per
word and needs no morphology. Each form keeps the (case, number) readings it can have, and
:func:`reading` picks the one the preposition before it asks for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from veil.detecting.rules import PhraseIndex
from veil.lexicon.ru.morph import CASES, parses
from veil.lexicon.ru.phrases import PREPOSITIONS, case_of, inflections

T = TypeVar("T")
# Words that point at a person: a description right after one is said of that person ("он инженер").
PERSON_WORDS = frozenset(
    """я ты он она мы вы они муж жена сын дочь дочка брат сестра отец мать мама папа сосед соседка друг
    подруга знакомый знакомая тётя тетя дядя""".split()  # noqa: SIM905
)
Tags = tuple[tuple[str, str], ...]
_LAST_WORD = re.compile(r"([а-яёa-z-]+)[\s«\"(]*$", re.IGNORECASE)

__all__ = [
    "CASES",
    "PERSON_WORDS",
    "PREPOSITIONS",
    "Tags",
    "case_of",
    "inflected_index",
    "lemma_of",
    "parses",
    "preposition_before",
    "reading",
]


def inflected_index(entries: Iterable[tuple[str, T]]) -> PhraseIndex[tuple[T, Tags]]:
    """A phrase index of every case and number form of each dictionary-form entry.

    The payload is the entry's own payload and the (case, number) readings the form can have
    ("инженера": genitive or accusative singular).
    """
    readings: dict[str, tuple[T, list[tuple[str, str]]]] = {}
    for phrase, payload in entries:
        for form, case, number in inflections(phrase):
            key = form.replace("ё", "е")
            readings.setdefault(key, (payload, []))[1].append((case, number))
    index: PhraseIndex[tuple[T, Tags]] = PhraseIndex()
    for form, (payload, tags) in readings.items():
        index.add(form, (payload, tuple(dict.fromkeys(tags))))
    return index


def reading(tags: Tags, preposition: str = "") -> tuple[str, str]:
    """The (case, number) reading of a form that fits the preposition before it best."""
    for case in PREPOSITIONS.get(preposition, ()):
        for tag in tags:
            if tag[0] == case:
                return tag
    return tags[0]


def preposition_before(text: str, start: int) -> str:
    """The preposition right before ``start`` (lower case), or ""."""
    found = _LAST_WORD.search(text[max(0, start - 12) : start])
    word = found.group(1).lower() if found else ""
    return word if word in PREPOSITIONS else ""


def lemma_of(word: str) -> str:
    """The dictionary form, lower case, ``ё`` as ``е``."""
    return str(parses(word.lower())[0].normal_form).replace("ё", "е")
