"""natasha's name dictionaries (first names with diminutives, surnames), read from its installed folder.

The ``natasha`` wheel (MIT licence) ships ``data/dict/first.txt`` (about 7 600 given names and
diminutives) and ``data/dict/last.txt`` (about 180 000 surnames), lower case, nominative. Veil reads them
directly, like the NER model, without importing natasha (whose morphology needs pymorphy2 and
``pkg_resources``). They only nominate candidate words in lower-case text; pymorphy3 then confirms.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from veil.errors import ErrorCode, VeilError

_SURNAME_SHAPE = re.compile(
    r"(?:(?:ов|ев|ин|ын)(?:а|у|ым|ой|ою|е|ы|ых|ыми)?|(?:ск|цк)(?:ий|ая|ого|ому|им|ом|ой|ую|ие|их|ими)"
    r"|енко|ук|юк|чук|ян|дзе|швили)$"
)
_PATRONYMIC_SHAPE = re.compile(r"(?:ович|евич|ич|овн|евн|ичн)(?:а|у|ем|е|ом|ой|ы)?$")


def natasha_data() -> Path:
    """natasha's installed folder, found without importing the package."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise VeilError(ErrorCode.MODEL_MISSING, "the Russian NER model (natasha package) is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _words(name: str) -> frozenset[str]:
    path = natasha_data() / "data" / "dict" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("#")[0].strip().replace("ё", "е") for line in lines if line.strip())


@functools.cache
def first_names() -> frozenset[str]:
    return _words("first.txt")


@functools.cache
def surnames() -> frozenset[str]:
    return _words("last.txt")


def may_be_name(word: str) -> bool:
    """Whether a lower-case Cyrillic word could be a form of a given name, patronymic or surname.

    A cheap filter (set look-ups on the word and its stems, and the shapes of surnames and
    patronymics) that lets only about one word in five through to pymorphy3.
    """
    word = word.replace("ё", "е")
    if len(word) < 3:
        return False
    first = first_names()
    for cut in (0, 1, 2):
        stem = word[: len(word) - cut]
        if stem in first or any(stem + end in first for end in ("а", "я", "й", "ь")):
            return True
    if _PATRONYMIC_SHAPE.search(word):
        return True
    shape = _SURNAME_SHAPE.search(word)
    if shape is None:
        return len(word) > 3 and word in surnames()
    return True
