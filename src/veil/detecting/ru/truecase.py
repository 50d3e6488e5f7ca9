"""Restoring capitals to names in lower-case text, so the NER model can see them.

Speech transcripts are often written all in lower case ("вчера саша волков позвонил"), and slovnet,
trained on news, finds no names there at all. A passage written (almost) without capitals gets a
truecased copy of the same length: each word that could be part of a name (a cheap dictionary filter,
:func:`veil.lexicon.ru.dictionaries.may_be_name`, then pymorphy3's ``Name``/``Surn``/``Patr`` readings,
or, for a word the dictionary does not know, natasha's name lists; or a Russian given name in Latin
letters) gets a capital letter, and so does an unknown word right after a name (a foreign surname).
The model runs on the copy, and its offsets apply unchanged to the original.
"""

from __future__ import annotations

import functools
import re

from veil.lexicon.ru import dictionaries, given, morph
from veil.linking.keys import latin_skeleton

# A passage counts as lower case when fewer than this share of its words start with a capital.
LOWER_SHARE = 0.03
MIN_WORDS = 6
# Share of pymorphy3's probability that must say "name" before a lower-case word is capitalised.
NAME_SCORE = 0.25
# The same, for a word right next to a name.
NEIGHBOUR_SCORE = 0.2
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_SURNAME = re.compile(r"(?:ov|ev|in|yn|sky|skiy|skii|enko|uk|yuk|chuk|ova|eva|ina|skaya|ich|vich)$")


def is_lower_case(text: str) -> bool:
    """Whether ``text`` is written (almost) without capital letters, as transcripts often are."""
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    if len(words) < MIN_WORDS:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) < LOWER_SHARE


@functools.lru_cache(maxsize=200_000)
def looks_like_name(word: str) -> bool:
    """Whether a lower-case word is probably part of a person's name (cached per word form)."""
    if morph.is_cyrillic_word(word):
        if given.lookup(word) is not None and morph.name_score(word) >= NAME_SCORE:
            return True
        if not dictionaries.may_be_name(word):
            return False
        return morph.name_score(word) >= NAME_SCORE or not morph.analyzer().word_is_known(word)
    return given.by_skeleton(latin_skeleton(word)) is not None


@functools.lru_cache(maxsize=200_000)
def unknown_word(word: str) -> bool:
    """A Cyrillic word the dictionary does not know (after a name, most likely a foreign surname)."""
    return len(word) > 2 and morph.is_cyrillic_word(word) and not morph.analyzer().word_is_known(word)


def truecase(text: str) -> str:
    """``text`` with a capital on every probable name word (same length, same offsets).

    A first pass marks the words that look like names on their own; then the neighbours of marked
    words are asked again, more leniently, since names come in runs ("барак обама", "роман коноплев").
    """
    words = list(_WORD.finditer(text))
    marked = [looks_like_name(m.group()) for m in words]
    for _ in range(2):
        for i in [i for i, mark in enumerate(marked) if mark]:
            for j in (i - 1, i + 1):
                if 0 <= j < len(words) and not marked[j] and _companion(words[j].group(), words[i].group()):
                    marked[j] = True
    chars = list(text)
    for match, mark in zip(words, marked, strict=True):
        upper = match.group()[0].upper()
        if mark and len(upper) == 1:
            chars[match.start()] = upper
    return "".join(chars)


def _companion(word: str, name: str) -> bool:
    """Whether ``word``, next to the name word ``name``, is probably part of the same name."""
    if word.isascii():
        return name.isascii() and bool(_LATIN_SURNAME.search(word))
    if len(word) < 3 or not morph.is_cyrillic_word(word):
        return False
    return unknown_word(word) or morph.name_score(word) >= NEIGHBOUR_SCORE
