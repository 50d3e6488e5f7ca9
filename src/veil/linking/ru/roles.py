"""Which word of a Russian name is the first name, the patronymic and the surname, from morphology.

Word order does not tell in Russian ("Волков Сергей Александрович" is as common as "Сергей
Александрович Волков"), so each word is looked up: the given-name lexicon knows first names and their
diminutives in any script; pymorphy3's ``Name``/``Patr``/``Surn`` tags know the rest. Words nobody
recognises take the role left over (a surname, usually).
"""

from __future__ import annotations

from collections.abc import Sequence

from veil.lexicon.ru import given, morph
from veil.linking.keys import latin_skeleton
from veil.linking.persons import ROLE_FIRST, ROLE_GUESSERS, ROLE_LAST, ROLE_MIDDLE

_PATRONYMIC_ENDINGS = ("ovich", "evich", "ich", "ovna", "evna", "ichna", "inichna")
_LATIN_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna")


def word_role(word: str) -> str:
    """``first``, ``middle``, ``last`` or ``""`` for one name word, in Cyrillic or Latin letters."""
    if len(word.rstrip(".")) <= 1:
        return ""
    if morph.is_cyrillic_word(word):
        if given.lookup(word) is not None:
            return ROLE_FIRST
        form = morph.name_form(word)
        return form.role if form is not None else ""
    skeleton = latin_skeleton(word)
    if given.by_skeleton(skeleton) is not None:
        return ROLE_FIRST
    return ROLE_MIDDLE if is_latin_patronymic(word) or skeleton.endswith(_PATRONYMIC_ENDINGS) else ""


def is_latin_patronymic(word: str) -> bool:
    """A patronymic in Latin letters ("Kamilovich", "Ivanovna"; the skeleton turns "-ich" into "-ikh")."""
    return word.isascii() and len(word) > 5 and word.casefold().endswith(_LATIN_PATRONYMIC_ENDINGS)


def guess_roles(words: Sequence[str], lang: str) -> list[str] | None:
    """Roles for the words of one mention (``None`` when morphology recognises none of them)."""
    roles = [word_role(w) for w in words]
    if not any(roles):
        return None
    full = [i for i, w in enumerate(words) if len(w.rstrip(".")) > 1]
    for i in full:  # an unknown word just before a patronymic is the first name ("Abdullaev Rustam Kamilovich")
        if roles[i] == ROLE_MIDDLE and i - 1 in full and not roles[i - 1] and ROLE_FIRST not in roles:
            roles[i - 1] = ROLE_FIRST
    if ROLE_FIRST in roles and ROLE_LAST not in roles:
        unknown = [i for i in full if not roles[i]]
        if unknown:
            roles[unknown[-1]] = ROLE_LAST
    for i in full:
        if not roles[i]:
            roles[i] = ROLE_FIRST if ROLE_FIRST not in roles else ROLE_LAST
    return _one_first_name(roles, words)


def _one_first_name(roles: list[str], words: Sequence[str]) -> list[str]:
    """Two words read as first names ("Иван Иванов"'s surname is also a name): the later is the surname.

    Unless both are forms of one given name: "lida lidia borisovna" and "gena gennady" name a person by
    her diminutive and her full name, and neither is a surname.
    """
    firsts = [i for i, r in enumerate(roles) if r == ROLE_FIRST]
    if len(firsts) > 1 and ROLE_LAST not in roles and not _same_given_name(words[firsts[-2]], words[firsts[-1]]):
        roles[firsts[-1]] = ROLE_LAST
    return roles


def _same_given_name(one: str, other: str) -> bool:
    def entry(word: str) -> object:
        return given.lookup(word) if morph.is_cyrillic_word(word) else given.by_skeleton(latin_skeleton(word))

    first, second = entry(one), entry(other)
    return first is not None and second is not None and getattr(first, "full", 1) == getattr(second, "full", 2)


def guess_roles_with_patronymic(words: Sequence[str], lang: str) -> list[str] | None:
    """A Russian name in Latin letters in another language's text: roles by morphology when it carries a
    patronymic ("ABDULLAEV Rustam Kamilovich" puts the surname first), else by word order (``None``)."""
    if not any(is_latin_patronymic(w) for w in words):
        return None
    return guess_roles(words, lang)


ROLE_GUESSERS["ru"] = guess_roles
ROLE_GUESSERS.setdefault("en", guess_roles_with_patronymic)
