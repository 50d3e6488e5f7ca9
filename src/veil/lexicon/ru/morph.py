"""pymorphy3, used sparingly: cached, and only ever asked about candidate name words.

pymorphy3 parses about 8 000 words a second, far slower than the rest of the pipeline, so nothing here
runs over every token: callers pass only words that already look like names, and every answer is cached
per word form. A person-name parse is one tagged ``Name`` (given name), ``Patr`` (patronymic) or
``Surn`` (surname); its tag gives the gender, case and number that a surrogate must copy.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

ROLE_TAGS = {"Name": "first", "Patr": "middle", "Surn": "last"}
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# pymorphy3's extra cases, mapped to the six a name declines in.
_CASE_OF = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn", "gen1": "gent", "loc1": "loct"}
_CYRILLIC_LOW = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")


@dataclass(frozen=True, slots=True)
class NameForm:
    """What morphology says about one word of a person's name."""

    lemma: str
    role: str  # first / middle / last
    gender: str  # m / f / "" (unknown or both)
    case: str  # nomn, gent ... ("" when unknown)
    plural: bool
    score: float


@functools.cache
def analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def is_cyrillic_word(word: str) -> bool:
    return any(ch in _CYRILLIC_LOW for ch in word.lower())


@functools.lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of ``word`` (cached)."""
    return tuple(analyzer().parse(word))


def _gender(tag: Any) -> str:
    if "masc" in tag:
        return "m"
    if "femn" in tag:
        return "f"
    return ""


def _form(parse: Any) -> NameForm:
    tag = parse.tag
    role = next(ROLE_TAGS[g] for g in ROLE_TAGS if g in tag)
    case = str(tag.case or "")
    case = _CASE_OF.get(case, case)
    return NameForm(str(parse.normal_form), role, _gender(tag), case, "plur" in tag, float(parse.score))


@functools.lru_cache(maxsize=200_000)
def name_forms(word: str) -> tuple[NameForm, ...]:
    """The person-name readings of ``word``, most likely first (empty for non-Cyrillic words)."""
    if not is_cyrillic_word(word):
        return ()
    return tuple(_form(p) for p in parses(word) if any(g in p.tag for g in ROLE_TAGS))


def name_form(word: str, role: str = "", gender: str = "") -> NameForm | None:
    """The most likely name reading of ``word``, preferring ``role`` and ``gender`` when given."""
    forms = name_forms(word)
    if not forms:
        return None

    def fit(form: NameForm) -> tuple[bool, bool, float]:
        return (not role or form.role == role, not gender or form.gender in (gender, ""), form.score)

    return max(forms, key=fit)


def name_score(word: str) -> float:
    """How much of pymorphy3's probability mass says ``word`` is part of a person's name (0 to 1)."""
    return sum(form.score for form in name_forms(word))


@functools.lru_cache(maxsize=65_536)
def is_indeclinable(word: str, gender: str = "") -> bool:
    """Whether a name word keeps one form in every case ("Петренко"; "Шевчук" said of a woman)."""
    found = [p for p in parses(word.lower()) if any(g in p.tag for g in ROLE_TAGS)] if is_cyrillic_word(word) else []
    fitting = [p for p in found if _gender(p.tag) in (gender, "")] if gender else found
    return bool(fitting) and all("Fixd" in p.tag for p in fitting)


def any_case_of(parse: Any) -> str:
    """The case of one pymorphy3 parse, among the six a name declines in ("" when it has none)."""
    case = str(parse.tag.case or "")
    return _CASE_OF.get(case, case)


def any_case(word: str) -> str:
    """The case of pymorphy3's likeliest reading of ``word``, whatever it is ("" when it has none)."""
    found = parses(word) if is_cyrillic_word(word) else ()
    case = str(found[0].tag.case or "") if found else ""
    return _CASE_OF.get(case, case)


@functools.lru_cache(maxsize=65_536)
def lemma(word: str) -> str:
    """The dictionary form of a word, preferring its reading as a name ("Волковой" -> "волков")."""
    if not is_cyrillic_word(word):
        return word
    form = name_form(word)
    if form is not None:
        return form.lemma
    found = parses(word)
    return str(found[0].normal_form) if found else word.lower()


@functools.lru_cache(maxsize=65_536)
def inflect(word: str, role: str, gender: str, case: str, plural: bool) -> str | None:
    """``word`` (a name in the nominative) put into ``case`` and number, read as ``role`` of ``gender``.

    ``None`` when pymorphy3 has no name reading of ``word`` or cannot inflect it.
    """
    candidates = [p for p in parses(word) if any(g in p.tag for g in ROLE_TAGS)]
    wanted_role = {v: k for k, v in ROLE_TAGS.items()}.get(role, "")
    ranked = sorted(candidates, key=lambda p: (wanted_role in p.tag, "nomn" in p.tag, p.score), reverse=True)
    grammemes = {case or "nomn", "plur" if plural else "sing"}
    if role == "last" and not plural and gender in ("m", "f"):
        grammemes.add("masc" if gender == "m" else "femn")
    for parse in ranked:
        result = parse.inflect(grammemes)
        if result is not None:
            return str(result.word)
    return None
