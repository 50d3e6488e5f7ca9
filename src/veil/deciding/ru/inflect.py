"""Putting a surrogate's name words into a grammatical form: rules first, pymorphy3 for the rest.

Surrogates come from Veil's own pools, whose surnames all end in -ов/-ев/-ин and whose given names the
lexicon declines by rule, so the rules below cover nearly every case without a dictionary look-up;
pymorphy3 takes over for anything else (English surnames written in Cyrillic, say). A foreign surname
of a woman ending in a consonant does not decline in Russian ("с Анной Смит"), and neither does one
pymorphy3 cannot read.
"""

from __future__ import annotations

from veil.lexicon.ru import declension, morph

_SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын")
_MASCULINE = {"nomn": "", "gent": "а", "datv": "у", "accs": "а", "ablt": "ым", "loct": "е"}
_FEMININE = {"nomn": "а", "gent": "ой", "datv": "ой", "accs": "у", "ablt": "ой", "loct": "ой"}
_PLURAL = {"nomn": "ы", "gent": "ых", "datv": "ым", "accs": "ых", "ablt": "ыми", "loct": "ых"}


def masculine_surname(surname: str) -> str:
    """The masculine form a surname's paradigm is built on ("Григорьева" -> "Григорьев")."""
    if surname.endswith(("ова", "ева", "ёва", "ина", "ына")):
        return surname[:-1]
    if surname.endswith(("ская", "цкая")):
        return surname[:-2] + "ий"
    return surname


def surname(base: str, gender: str, case: str, plural: bool) -> str:
    """A surname in ``case`` and number, masculine or feminine as ``gender`` says."""
    stem = masculine_surname(base)
    case = case or "nomn"
    if stem.endswith(_SURNAME_SUFFIXES):
        endings = _PLURAL if plural else (_FEMININE if gender == "f" else _MASCULINE)
        return stem + endings[case]
    if gender == "f" and not plural and not base.endswith(("а", "я", "ая")):
        return base
    return morph.inflect(stem if gender != "f" else base, "last", gender, case, plural) or base


def given_name(name: str, gender: str, case: str) -> str:
    """A given name or diminutive in ``case`` (singular)."""
    return declension.decline(name, gender).get(case or "nomn", name)


def patronymic(name: str, case: str) -> str:
    """A patronymic in ``case`` ("Евгеньевич" -> "Евгеньевичем", "Евгеньевна" -> "Евгеньевной")."""
    return declension.decline(name, "m").get(case or "nomn", name)
