"""What the English name rules know about words: given names, surnames, and words that are never names.

Given names and surnames come from the 1990 US Census lists bundled in ``veil/data/names`` (public
domain; see the README there), each flagged ``w`` when it is also an everyday English word ("Will",
"Grace", "Young") and ``p`` when it is mostly a place ("Georgia", "Paris"). Russian given names and
their diminutives are recognised in any Latin spelling through the Russian lexicon and
:func:`~veil.linking.keys.latin_skeleton` ("Sergey", "Sergei", "Seryozha", "Sasha"). Russian surnames
written in Latin letters are recognised by their endings ("Volkova", "Ivanovich", "Shevchenko").
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from veil.linking.keys import latin_skeleton

_RUSSIAN_SURNAME_ALONE = re.compile(
    r"[A-Z][a-z]+(?:ova|eva|yova|ovich|evich|ovna|evna|ichna|enko|shvili|skaya|tskaya|skiy|skii|tskiy)$"
)
_RUSSIAN_SURNAME = re.compile(
    r"[A-Za-z][a-z]+(?:ov|ev|yov|in|yn|sky|ski|ova|eva|ina|yna|enko|uk|yuk|chuk|ich|skaya|skiy|skii|aya|shvili|dze|yan|ian)$"
)


@dataclass(frozen=True, slots=True)
class NameInfo:
    gender: str  # "m", "f" or "u"
    common_word: bool
    place: bool

    @property
    def safe_alone(self) -> bool:
        """A name that can be taken for a person without any other clue."""
        return not self.common_word and not self.place


@functools.cache
def context_words(kind: str) -> frozenset[str]:
    """A word list from ``veil/data/names/en_context.toml`` (``not_names``, ``titles``, ``relatives`` ...)."""
    text = resources.files("veil.data.names").joinpath("en_context.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(text)[kind].split())


def _rows(name: str) -> list[list[str]]:
    text = resources.files("veil.data.names").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def common_words() -> frozenset[str]:
    """Everyday English words in lower case (``en_common_words.txt``): what a lower-case name is not."""
    return frozenset(row[0] for row in _rows("en_common_words.txt"))


def is_common_word(word: str) -> bool:
    return word.lower() in common_words()


@functools.cache
def given_names() -> dict[str, NameInfo]:
    """Lower-cased given name -> what is known of it (census names)."""
    table: dict[str, NameInfo] = {}
    for name, gender, flags in _rows("census_given.tsv"):
        table[name.lower()] = NameInfo(gender, "w" in flags or is_common_word(name), "p" in flags)
    for row in _rows("en_given.tsv"):
        table.setdefault(row[0].lower(), NameInfo(row[2], is_common_word(row[0]), False))
    return table


def russian_given_gender(word: str) -> str | None:
    """The gender of a Russian given name or diminutive written in Latin letters ("Seryozha" -> "m"), or None.

    The Russian lexicon (``veil.lexicon.ru.given``) knows every diminutive and spelling of each name.
    """
    from veil.lexicon.ru import given

    entry = given.by_skeleton(latin_skeleton(word))
    return entry.gender if entry is not None else None


@functools.cache
def surnames() -> dict[str, NameInfo]:
    """Lower-cased surname -> flags (census surnames, the curated pool)."""
    table = {
        name.lower(): NameInfo("u", "w" in flags or is_common_word(name), "p" in flags)
        for name, flags in _rows("census_surnames.tsv")
    }
    for row in _rows("en_surnames.tsv"):
        table.setdefault(row[0].lower(), NameInfo("u", is_common_word(row[0]), False))
    return table


def is_public_place(word: str) -> bool:
    """On Veil's list of public places (countries, regions, large cities), in any inflection or spelling."""
    from veil.deciding.public import phrase_key, public_places

    return phrase_key(word, "en") in public_places()


@functools.lru_cache(maxsize=65536)
def given_info(word: str) -> NameInfo | None:
    """What is known of ``word`` as a given name (Russian in Latin letters first, then the census), or None."""
    gender = russian_given_gender(word) if word.isascii() and len(word) > 2 else None
    info = given_names().get(word.lower())
    if gender:
        return NameInfo(gender, (info.common_word if info else False) or is_common_word(word), False)
    if info is not None and is_public_place(word):
        return NameInfo(info.gender, info.common_word, True)
    return info


def is_not_name(word: str) -> bool:
    return word.lower().rstrip(".") in context_words("not_names")


def looks_russian_surname(word: str, alone: bool = False) -> bool:
    """A Latin-letter Russian surname ending; ``alone`` asks for the endings that are safe without context."""
    pattern = _RUSSIAN_SURNAME_ALONE if alone else _RUSSIAN_SURNAME
    if not pattern.match(word) or is_not_name(word) or is_common_word(word):
        return False
    census = given_names().get(word.lower()) or surnames().get(word.lower())
    return not (census and census.place) and not is_public_place(word)  # "Geneva", "Moldova"


@functools.lru_cache(maxsize=65536)
def surname_info(word: str) -> NameInfo | None:
    return surnames().get(word.lower())


def listed_name(word: str) -> bool:
    """On a name list at all (given name or surname, even an everyday-word one) or a Russian surname ending."""
    return given_info(word) is not None or surname_info(word) is not None or looks_russian_surname(word.capitalize())


def name_like_lower(word: str) -> bool:
    """In lower-case text: a word that is a name and not also an everyday word."""
    given = given_info(word)
    if given is not None:
        return given.safe_alone
    family = surname_info(word)
    if family is not None:
        return family.safe_alone and len(word) > 3
    return looks_russian_surname(word.capitalize(), alone=True)
