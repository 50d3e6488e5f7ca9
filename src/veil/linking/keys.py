"""Language-neutral keys: the same thing written differently gets the same key.

A key is what links mentions inside a document and entities across the documents of a project, in
either language: phone numbers reduce to their digits, e-mail addresses and handles to lower case, and
names to a Latin "skeleton" that collapses the usual transliteration variants (Сергей, Sergey, Sergei and
Serguei share ``sergei``). Language packages refine name keys through :data:`NAME_NORMALIZERS` (per
language: the Russian one turns "Сергея" into "Сергей") and :data:`SKELETON_FOLDS` (every language: a
diminutive or other spelling folds to its full name, so "Sasha" in an English translation, "Саше" and
"Oleksandr" all key to Александр).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

# A simple, lossy Cyrillic -> Latin map used only for keys (never shown to anyone).
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
        "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
    }
)  # fmt: skip
# Latin spelling variants folded together, longest first.
_LATIN_FOLDS = (
    ("shch", "shch"), ("sch", "shch"), ("tch", "ch"), ("tsch", "ch"), ("zh", "zh"), ("j", "i"),
    ("kh", "h"), ("ks", "x"), ("ph", "f"), ("w", "v"), ("yu", "iu"), ("ya", "ia"), ("ye", "e"),
    ("yo", "e"), ("ie", "e"), ("y", "i"), ("ii", "i"), ("ei", "ei"), ("ff", "v"), ("gue", "ge"), ("gui", "gi"),
    ("ou", "u"), ("ck", "k"), ("c", "k"), ("q", "k"), ("ts", "c"),
)  # fmt: skip
_NON_LETTERS = re.compile(r"[^a-z]+")
_DIACRITICS = re.compile(r"[\u0300-\u036f]")

NameNormalizer = Callable[[str], str]
# Language packages register normalisers here (e.g. Russian lemma + diminutive -> full name).
NAME_NORMALIZERS: dict[str, NameNormalizer] = {}
# Folds applied to every name word's skeleton, in every language (e.g. diminutive -> full name).
SkeletonFold = Callable[[str], str]
SKELETON_FOLDS: list[SkeletonFold] = []


@functools.lru_cache(maxsize=1 << 16)
def latin_skeleton(word: str) -> str:
    """A Latin key for a name word that ignores script, case, diacritics and transliteration scheme."""
    lowered = word.casefold().translate(_CYRILLIC_TO_LATIN)
    lowered = _DIACRITICS.sub("", unicodedata.normalize("NFD", lowered))
    lowered = _NON_LETTERS.sub("", lowered)
    for old, new in _LATIN_FOLDS:
        lowered = lowered.replace(old, new)
    return lowered


def name_token_key(token: str, lang: str) -> str:
    """The key of one word of a person's name, normalised by the language package when there is one."""
    normalizer = NAME_NORMALIZERS.get(lang)
    base = normalizer(token) if normalizer else token
    key = latin_skeleton(base)
    for fold in SKELETON_FOLDS:
        key = fold(key)
    return key


def digits_key(text: str) -> str:
    return re.sub(r"\D", "", text)


def text_key(text: str) -> str:
    """Case, spacing and ё/е differences removed."""
    return " ".join(text.casefold().replace("ё", "е").split())


def phone_key(text: str) -> str:
    digits = digits_key(text)
    # Russian trunk prefix 8 and country code 7 are the same number.
    if len(digits) == 11 and digits[0] in "78":
        digits = "7" + digits[1:]
    return digits


KEYERS: dict[str, Callable[[str], str]] = {
    "phone": phone_key,
    "card": digits_key,
    "snils": digits_key,
    "inn": digits_key,
    "passport": digits_key,
    "iban": lambda text: text.replace(" ", "").upper(),
    "email": text_key,
    "handle": lambda text: text_key(text).lstrip("@ "),
}


def value_key(type_: str, text: str) -> str:
    """The key of a non-name identifier of fine type ``type_``."""
    return f"{type_}:{KEYERS.get(type_, text_key)(text)}"
