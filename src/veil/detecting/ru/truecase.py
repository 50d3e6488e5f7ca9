"""Restoring capitals to names in lower-case text, so the NER model can see them.

Speech transcripts are often written all in lower case ("вчера саша волков позвонил"), and slovnet,
trained on news, finds no names there at all. A passage written (almost) without capitals gets a
truecased copy of the same length: each word that could be part of a name (a cheap dictionary filter,
:func:`veil.lexicon.ru.dictionaries.may_be_name`, then pymorphy3's ``Name``/``Surn``/``Patr`` readings,
or a Russian given name in Latin letters) gets a capital letter. The model runs on the copy, and its
offsets apply unchanged to the original.
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
        return dictionaries.may_be_name(word) and morph.name_score(word) >= NAME_SCORE
    return given.by_skeleton(latin_skeleton(word)) is not None


def truecase(text: str) -> str:
    """``text`` with a capital on every probable name word (same length, same offsets)."""
    chars = list(text)
    previous_latin_name = False
    for match in _WORD.finditer(text):
        word = match.group()
        latin = word.isascii()
        if looks_like_name(word) or (latin and previous_latin_name and _LATIN_SURNAME.search(word)):
            upper = word[0].upper()
            if len(upper) == 1:
                chars[match.start()] = upper
            previous_latin_name = latin
        else:
            previous_latin_name = False
    return "".join(chars)
