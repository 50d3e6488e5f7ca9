"""Every written form of a Russian name word, so that propagation finds each mention.

Given one word of a person's name ("Алексей"), the document may also say "Алексея", "Лёше", "Алёшеньке",
"Лёшин", "Aleksei" or "Alexey". The expander lists them: for a given name, every case of the full name,
of each diminutive and of the possessives built on them, and the Latin spellings of the full name and
its diminutives; for a surname or patronymic, pymorphy3's whole paradigm (both genders, plural, so the
"Волковы" are found too) and its Latin spellings. Diminutives that are also common words ("Слава" is
glory, "Серый" grey) are left out unless they are the word itself, because propagation searches
without regard to case in lower-case transcripts.
"""

from __future__ import annotations

import functools

from veil.lexicon.ru import declension, given, morph
from veil.lexicon.ru.translit import latin_spellings
from veil.linking.keys import latin_skeleton
from veil.linking.propagate import FORM_EXPANDERS

# Below this share of name readings, a diminutive is treated as a common word ("слава" is 0.05).
COMMON_WORD_SCORE = 0.5


def _is_name_like(word: str) -> bool:
    """Not a dictionary word that is mostly something else ("слава", "серый")."""
    low = word.lower()
    return not morph.analyzer().word_is_known(low) or morph.name_score(low) >= COMMON_WORD_SCORE


@functools.cache
def entry_forms(entry: given.GivenEntry) -> frozenset[str]:
    """Every form of a given name: cases of the full name, diminutives, possessives, spellings."""
    forms: set[str] = set()
    bases = [entry.full, *[s for s in entry.spellings if morph.is_cyrillic_word(s)]]
    diminutives = [w for w in {entry.short, entry.familiar, entry.affectionate, *entry.others} if _is_name_like(w)]
    for word in bases + diminutives:
        forms.update(declension.decline(word, entry.gender).values())
        forms.update(latin_spellings(word))
    for word in diminutives:
        forms.update(declension.possessive_forms(word))
    forms.update(s for s in entry.spellings if not morph.is_cyrillic_word(s))
    return frozenset(forms)


@functools.lru_cache(maxsize=16_384)
def paradigm(word: str) -> frozenset[str]:
    """All forms of a surname or patronymic (pymorphy3's name paradigm), capitalised like ``word``."""
    forms: set[str] = {word}
    for parse in morph.parses(word.lower()):
        if any(tag in parse.tag for tag in ("Surn", "Patr", "Name")):
            for form in parse.lexeme:
                text = str(form.word)
                forms.add(text.capitalize() if word[:1].isupper() else text)
    for nominative in _nominatives(word):
        forms.update(latin_spellings(nominative.capitalize()))
    return frozenset(forms)


def _nominatives(word: str) -> set[str]:
    """The nominative forms (masculine, feminine, plural) of a surname or patronymic."""
    found: set[str] = set()
    for parse in morph.parses(word.lower()):
        if any(tag in parse.tag for tag in ("Surn", "Patr", "Name")):
            found.update(str(f.word) for f in parse.lexeme if "nomn" in f.tag)
    return found or {word}


def expand(word: str) -> frozenset[str]:
    """Other forms of one name word (Cyrillic or Latin) to search for."""
    if morph.is_cyrillic_word(word):
        hit = given.lookup(word)
        return entry_forms(hit.entry) if hit is not None else paradigm(word)
    entry = given.by_skeleton(latin_skeleton(word))
    return entry_forms(entry) if entry is not None else frozenset()


FORM_EXPANDERS["ru"] = expand
