"""Russian phrases in any case: reading the case of a word, inflecting a phrase, prepositions.

Quasi-identifier detectors use it to expand word lists into every form and to read the case a mention is
in; generalizers use it to put their replacement into that case ("технический университет" ->
"техническом университете"). A phrase in the dictionary form inflects word by word up to and including its
first noun, adjectives agreeing with the noun; what follows the noun ("химии", "на Урале") stays as it is.
Parses come from :func:`veil.lexicon.ru.morph.parses` (cached, shared with the name code).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from veil.lexicon.ru.morph import CASES, parses

NUMBERS = ("sing", "plur")
# Cases each preposition governs (the first is the most common reading).
PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "в": ("loct", "accs"), "во": ("loct", "accs"), "на": ("loct", "accs"), "из": ("gent",), "изо": ("gent",),
    "от": ("gent",), "до": ("gent",), "у": ("gent",), "без": ("gent",), "для": ("gent",), "около": ("gent",),
    "возле": ("gent",), "после": ("gent",), "кроме": ("gent",), "из-за": ("gent",), "из-под": ("gent",),
    "с": ("ablt", "gent"), "со": ("ablt", "gent"), "к": ("datv",), "ко": ("datv",), "по": ("datv", "loct"),
    "над": ("ablt",), "под": ("ablt", "accs"), "за": ("ablt", "accs"), "перед": ("ablt",), "между": ("ablt",),
    "о": ("loct",), "об": ("loct",), "обо": ("loct",), "при": ("loct",), "через": ("accs",), "про": ("accs",),
    "вблизи": ("gent",), "недалеко": ("gent",), "близ": ("gent",), "вокруг": ("gent",), "мимо": ("gent",),
}  # fmt: skip


def _noun_index(words: list[str]) -> int:
    """The head noun of a phrase: the first word that can only be a noun (adjectives used as nouns, like
    "старший", are skipped when a noun follows), else the first that can be one."""
    readings = [parses(w.split("-")[0].lower()) for w in words]
    for index, found in enumerate(readings):
        if any("NOUN" in p.tag for p in found) and not any("ADJF" in p.tag for p in found):
            return index
    for index, found in enumerate(readings):
        if found and "NOUN" in found[0].tag:
            return index
    return len(words) - 1


def _nominative(word: str) -> Any:
    found = [p for p in parses(word) if "nomn" in p.tag and ("NOUN" in p.tag or "ADJF" in p.tag)]
    return found[0] if found else parses(word)[0]


def _inflect(parse: Any, case: str, number: str, gender: str, animacy: str = "inan") -> str | None:
    grammemes = {case, number}
    if "ADJF" in parse.tag and number == "sing" and gender:
        grammemes.add(gender)
    if "ADJF" in parse.tag and case == "accs":
        grammemes.add(animacy)
    inflected = parse.inflect(grammemes)
    return str(inflected.word) if inflected is not None else None


def _inflect_word(word: str, case: str, number: str, gender: str, animacy: str) -> str | None:
    """One word, or both halves of a hyphenated noun, in ``case`` and ``number``."""
    if "-" in word:
        parts = [_inflect(_nominative(part), case, number, gender, animacy) for part in word.split("-")]
        return "-".join(p for p in parts if p) if all(parts) else None
    return _inflect(_nominative(word), case, number, gender, animacy)


def inflections(phrase: str) -> Iterator[tuple[str, str, str]]:
    """(form, case, number) for every case and number of a dictionary-form phrase."""
    words = phrase.split()
    parsed = [_nominative(w.split("-")[0]) for w in words]
    head = _noun_index(words)
    gender = next((g for g in ("masc", "femn", "neut") if g in parsed[head].tag), "")
    animacy = "anim" if "anim" in parsed[head].tag else "inan"
    for number in NUMBERS:
        for case in CASES:
            out = [_inflect_word(w, case, number, gender, animacy) if i <= head else w for i, w in enumerate(words)]
            if all(out):
                yield " ".join(o for o in out if o), case, number


_GOVERNING = re.compile(
    r"(?:^|[^а-яё-])([а-яё-]+)\s+(?:[А-ЯЁ][а-яё-]*(?:\s+[А-ЯЁ][а-яё-]*)*(?:\s*,\s*|\s+и\s+|\s+или\s+))*$"
)


def governing_preposition(before: str) -> str:
    """The preposition that governs a word, looking back over a list it is part of ("в Грузию и |")."""
    found = _GOVERNING.search(before[-60:])
    word = found.group(1).lower() if found else ""
    return word if word in PREPOSITIONS else ""


def case_of(word: str, preposition: str = "", possible: tuple[str, ...] = ()) -> str:
    """The grammatical case of ``word`` as written, helped by the preposition before it.

    A capitalised word's name readings (a town, a person) come first ("Челябинском" is the town in the
    instrumental, not the adjective "челябинский" in the prepositional), unless the preposition rules
    them out.
    """
    allowed = PREPOSITIONS.get(preposition, ())
    found = parses(word.lower())
    names = [p for p in found if "Geox" in p.tag or "Name" in p.tag or "Surn" in p.tag] if word[:1].isupper() else []
    for readings in (names, list(found)):
        cases = [c for p in readings for c in CASES if c in p.tag]
        if possible:
            cases = [c for c in cases if c in possible]
        for case in allowed:
            if case in cases:
                return case
    cases = [c for p in (names or found) for c in CASES if c in p.tag] or list(possible)
    if not allowed and "nomn" in cases:
        return "nomn"
    return cases[0] if cases else (allowed[0] if allowed else "nomn")


_GENDERS = ("masc", "femn", "neut")


def _best(word: str) -> Any:
    found = parses(word.lower())
    preferred = [p for p in found if "nomn" in p.tag and ("NOUN" in p.tag or "ADJF" in p.tag or "NUMR" in p.tag)]
    return (preferred or list(found))[0]


def inflect_word(word: str, case: str, number: str = "sing", gender: str = "", animate: bool = False) -> str:
    """One word (or both halves of a hyphenated one) in ``case``/``number`` (and ``gender`` for adjectives)."""
    if "-" in word and not word.startswith("-"):
        return "-".join(inflect_word(part, case, number, gender, animate) for part in word.split("-"))
    parse = _best(word)
    grammemes = {case, number}
    tag = parse.tag
    if ("ADJF" in tag or "PRTF" in tag or "NUMR" in tag) and number == "sing" and gender:
        grammemes.add(gender)
    if ("ADJF" in tag or "PRTF" in tag) and case == "accs":
        grammemes.add("anim" if animate else "inan")
    inflected = parse.inflect(grammemes) or parse.inflect(grammemes - {"anim", "inan"})
    if inflected is None and number == "plur":
        inflected = parse.inflect({case, number})
    result = str(inflected.word) if inflected is not None else word
    return result.upper() if word.isupper() and len(word) > 1 else result


def inflect_phrase(phrase: str, case: str, number: str = "sing") -> str:
    """A dictionary-form phrase in ``case`` and ``number``: words up to the first noun inflect and agree."""
    words = phrase.split(" ")
    parsed = [_best(w.split("-")[0]) for w in words]
    head = _noun_index(words)
    head_tag = parsed[head].tag
    gender = next((g for g in _GENDERS if g in head_tag), "")
    animate = "anim" in head_tag
    out = [inflect_word(w, case, number, gender, animate) if i <= head else w for i, w in enumerate(words)]
    return " ".join(out)


def gender_of(word: str) -> str:
    return next((g for g in _GENDERS if g in _best(word).tag), "masc")


def one_of(noun_phrase_gen_plural: str, case: str, gender: str) -> str:
    """ "одна из стран ...", "одном из районов" — "один" in ``case`` and ``gender``, then the rest."""
    return f"{inflect_word('один', case, 'sing', gender)} из {noun_phrase_gen_plural}"


def verb_like(lemma: str, original: str) -> str:
    """The verb ``lemma`` in the person, number, tense and gender of the ``original`` verb."""
    source = next((p for p in parses(original.lower()) if "VERB" in p.tag or "INFN" in p.tag), None)
    target = _best(lemma)
    if source is None:
        return lemma
    wanted = {g for g in ("1per", "2per", "3per", "sing", "plur", "past", "pres", "futr", "masc", "femn", "neut")
              if g in source.tag}  # fmt: skip
    inflected = target.inflect(wanted) if wanted else None
    return str(inflected.word) if inflected is not None else lemma
