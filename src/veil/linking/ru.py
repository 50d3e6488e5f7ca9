"""Russian name keys: a word's lemma, so every case of a name has the same key.

"Сергея", "Сергею" and "Сергей" all key to ``sergei``; a feminine surname keys to its masculine lemma
("Волковой" -> "волков"), so a family shares a surname key while first names tell its members apart.
"""

from __future__ import annotations

import functools
from typing import Any

from veil.linking.keys import NAME_NORMALIZERS

_NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn")


@functools.cache
def morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word, preferring name readings."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in word):
        return word
    parses = morph().parse(word)
    for parse in parses:
        if any(tag in parse.tag for tag in _NAME_TAGS):
            return str(parse.normal_form)
    return str(parses[0].normal_form) if parses else word


NAME_NORMALIZERS["ru"] = lemma
