"""Russian name keys: every case, diminutive and spelling of a name word gets the key of its full name.

"Сергея", "Серёже", "Serhiy" and "Sergey" all key to Сергей's skeleton; a feminine surname keys to its
masculine lemma ("Волковой", "Volkova" -> ``volkov``), so a family shares a surname key while first
names tell its members apart. Two hooks do it: :data:`~veil.linking.keys.NAME_NORMALIZERS` ``["ru"]``
turns a Russian word into its dictionary form (the lexicon's full name for a known given name or
diminutive, else pymorphy3's lemma, preferring name readings), and a skeleton fold, applied in every
language, maps diminutives and other spellings in Latin letters to the full name's skeleton and
feminine surnames to masculine ones.
"""

from __future__ import annotations

import functools

from veil.lexicon.ru import given, morph
from veil.linking.keys import NAME_NORMALIZERS, SKELETON_FOLDS, latin_skeleton

# Given names (in other languages) that end like a feminine Russian surname but are not one.
_NOT_SURNAMES = frozenset(
    [
        "kristina",
        "tina",
        "regina",
        "karolina",
        "angelina",
        "katrina",
        "sabrina",
        "georgina",
        "paulina",
        "selina",
        "nina",
        "ekaterina",
        "marina",
        "irina",
        "galina",
        "polina",
        "alina",
        "karina",
        "zarina",
        "malvina",
        "rina",
        "madina",
        "amina",
        "dina",
        "lina",
        "elina",
    ]
)
_FEMININE_ENDINGS = (("skaia", "ski"), ("ckaia", "cki"), ("ova", "ov"), ("eva", "ev"), ("ina", "in"))


def normalize(word: str) -> str:
    """The dictionary form of a Russian name word ("Алёшеньке" -> "Алексей", "Волковой" -> "волков")."""
    if not morph.is_cyrillic_word(word):
        entry = given.by_inflected_skeleton(latin_skeleton(word))
        return entry.full if entry is not None else word
    hit = given.lookup(word)
    if hit is not None:
        return hit.entry.full
    return morph.lemma(word)


@functools.lru_cache(maxsize=65_536)
def fold(skeleton: str) -> str:
    """A name skeleton folded to its full given name, or a feminine surname's to the masculine one."""
    entry = given.by_skeleton(skeleton)
    if entry is not None:
        return latin_skeleton(entry.full)
    if len(skeleton) >= 6 and skeleton not in _NOT_SURNAMES:
        for ending, masculine in _FEMININE_ENDINGS:
            if skeleton.endswith(ending):
                return skeleton[: -len(ending)] + masculine
    return skeleton


NAME_NORMALIZERS["ru"] = normalize
SKELETON_FOLDS.append(fold)
