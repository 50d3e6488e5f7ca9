"""Rule-based declension for the name forms a dictionary may not know.

pymorphy3 knows the common given names and guesses surnames well, but it misreads many affectionate
diminutives ("Алёшенька" comes out as an inanimate feminine noun) and knows no possessive adjectives of
names ("Сашин", "Сашиной"). These are regular: a name in -а/-я follows the first declension, and its
possessive is the stem plus -ин plus an adjective ending. Both directions are needed: to recognise every
form of a person's name (linking) and to write the surrogate in the same form (deciding).
"""

from __future__ import annotations

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_HUSHING = frozenset("жшщчц")
_VELAR_OR_HUSHING = frozenset("гкхжшщч")
# Possessive adjective endings after -ин, with the gender, case and number they mark (first match wins
# when rendering, so the commonest reading comes first).
POSSESSIVE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("", "m nomn"), ("а", "f nomn"), ("о", "n nomn"), ("ы", "p nomn"), ("у", "f accs"),
    ("ой", "f gent"), ("ого", "m gent"), ("ому", "m datv"), ("ым", "m ablt"), ("ом", "m loct"),
    ("ых", "p gent"), ("ыми", "p ablt"),
)  # fmt: skip


def first_declension(word: str) -> dict[str, str] | None:
    """The six singular cases of a noun in -а/-я ("Саша", "Алёшенька", "Илья", "Мария"), else ``None``."""
    if len(word) < 2 or word[-1] not in "аяАЯ":
        return None
    stem, last, before = word[:-1], word[-1].lower(), word[-2].lower()
    upper = word[-1].isupper()
    if last == "а":
        gent = "и" if before in _VELAR_OR_HUSHING else "ы"
        ablt = "ей" if before in _HUSHING else "ой"
        endings = ("а", gent, "е", "у", ablt, "е")
    elif before == "и":
        endings = ("я", "и", "и", "ю", "ей", "и")
    else:
        endings = ("я", "и", "е", "ю", "ей", "е")
    return {case: stem + (e.upper() if upper else e) for case, e in zip(CASES, endings, strict=True)}


_FLEETING = {"павел": "павл", "лев": "льв", "пётр": "петр", "петр": "петр"}


def _with_case(word: str, stem: str, endings: tuple[str, ...]) -> dict[str, str]:
    upper = word.isupper() and len(word) > 1
    return {case: stem + (e.upper() if upper else e) for case, e in zip(CASES, endings, strict=True)}


def second_declension(word: str, gender: str = "m") -> dict[str, str] | None:
    """The six singular cases of a masculine name ending in a consonant, -й or -ь ("Иван", "Сергей",
    "Игорь", "Павел", "Санёк"), or of a feminine name in -ь ("Любовь"); ``None`` for other shapes."""
    if len(word) < 2 or not word[-1].isalpha() or word[-1].lower() in "аяоеиыуюэ":
        return None
    low = word.lower()
    if gender == "f":
        return _with_case(word, word[:-1], ("ь", "и", "и", "ь", "ью", "и")) if low.endswith("ь") else None
    if low.endswith("ий"):
        return _with_case(word, word[:-1], ("й", "я", "ю", "я", "ем", "и"))
    if low.endswith(("й", "ь")):
        return _with_case(word, word[:-1], (low[-1], "я", "ю", "я", "ем", "е"))
    stem = word
    if low in _FLEETING:
        stem = word[0] + _FLEETING[low][1:]
    elif low.endswith("ёк") and len(low) > 3:
        stem = word[:-2] + ("к" if low[-3] in "шжчщ" else "ьк")
    elif low.endswith(("ок", "ек")) and len(low) > 4 and low[-3] in "шжчщ":
        stem = word[:-2] + "к"
    ablt = "ем" if low[-1] in _HUSHING else "ом"
    forms = _with_case(word, stem, ("", "а", "у", "а", ablt, "е"))
    forms["nomn"] = word
    return forms


def decline(word: str, gender: str = "m") -> dict[str, str]:
    """The six singular cases of a given name or diminutive, by rule (nominative only when no rule fits)."""
    return first_declension(word) or second_declension(word, gender) or {"nomn": word}


def possessive_stem(word: str) -> str | None:
    """The stem that possessive adjectives are built on ("Саша" -> "Саш", "Ваня" -> "Ван")."""
    if len(word) < 3 or word[-1] not in "аяАЯ" or word[-2] in "иИ":
        return None
    return word[:-1]


def possessive_forms(word: str) -> dict[str, str]:
    """Possessive adjectives of a name in -а/-я, each with its gender-case key ("Сашиной" -> "f gent")."""
    stem = possessive_stem(word)
    if stem is None:
        return {}
    suffix = "ИН" if word.isupper() else "ин"
    return {stem + suffix + ending: key for ending, key in POSSESSIVE_ENDINGS}


def possessive_of(word: str, key: str) -> str | None:
    """The possessive adjective of ``word`` marked ``key`` (as :func:`possessive_forms` labels them)."""
    for form, label in possessive_forms(word).items():
        if label == key:
            return form
    return None
