"""Diminutives made with a suffix from a given name in Latin letters: "Rustik" for Rustam, "Timka" for Timur.

The Russian lexicon knows the diminutives of common Russian names ("Sasha", "Lyosha"); names of other
origins met in Russian speech take the same suffixes (-ik, -ka, -chik, -ochka, -ushka, -yusha, -ulya),
added to the name ("Rustamchik"), to the name without its last vowel ("Sonka") or to its first syllables
("Rustik", "Timka"). The linker searches the document for these forms of every first name it has met, so a
nickname in quotes ("asked where "Rustik" was") is masked as the person it names. Everyday English words
and other people's given names are never such forms.
"""

from __future__ import annotations

import functools
import re

# Entity attribute prefix marking a name word found as such a diminutive (``nickname:<key>``)
NICKNAME = "nickname:"
SUFFIXES = ("ik", "ka", "chik", "ochka", "ushka", "yusha", "ulya")
MIN_STEM = 3
_LAST_SYLLABLE = re.compile(r"[aeiouy]+[^aeiouy]+$")


@functools.cache
def _not_diminutives() -> frozenset[str]:
    from veil.detecting.en.lexicon import common_words, given_names

    return frozenset(common_words()) | frozenset(given_names())


def latin_diminutives(word: str) -> list[str]:
    """The suffix-derived diminutives of a given name in Latin letters, in its letter case."""
    lower = word.casefold()
    if not word.isascii() or not word.isalpha() or len(word) < 4:
        return []
    body = lower.rstrip("aeiouy")
    stems = {body} if body != lower else {lower}
    trimmed = _LAST_SYLLABLE.sub("", lower)
    if trimmed != lower:
        stems.add(trimmed)
    forms = {stem + suffix for stem in stems if len(stem) >= MIN_STEM for suffix in SUFFIXES}
    forms = {form for form in forms - {lower} if form not in _not_diminutives()}
    return sorted(_in_case_of(word, form) for form in forms)


def _in_case_of(original: str, form: str) -> str:
    if original.isupper():
        return form.upper()
    return form.capitalize() if original[:1].isupper() else form
