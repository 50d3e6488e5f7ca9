"""Fixing the NER model's person spans before they leave the detector.

slovnet is good at Russian names in running text but has habits that would leak a name or split a
person in two; each rule here undoes one:

* "Волков Сергей Александрович" sometimes comes out as two people ("Волков", "Сергей Александрович"):
  person spans separated only by spaces are joined;
* initials beside a surname ("С. А. Волков", "Волков С.А.") are sometimes left out: they are added;
* a Russian name in Latin letters inside Russian text ("Sergey Volkov") is often tagged ORG: a span of
  Latin words holding a known Russian given name becomes a person;
* a given name followed by a surname inside a place or organisation span ("Гата Камский" tagged LOC,
  "капитан клуба Тоттенхэм Хотспур Ледли Кинг" tagged ORG as a whole) is split off as a person, and
  so are the names after "имени" in a name of an institution ("театра имени Станиславского").

Each person span also gets its gender (``m``/``f``) from pymorphy3's reading of its name words, which
the decider uses to choose a surrogate of the same gender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veil.lexicon.ru import dictionaries, given, morph
from veil.linking.keys import latin_skeleton

_INITIALS_AFTER = re.compile(r"[ \t]+(?:[A-ZА-ЯЁ]\.[ \t]?){1,2}")
_INITIALS_BEFORE = re.compile(r"(?:[A-ZА-ЯЁ]\.[ \t]?){1,2}[ \t]*$")
_GAP = re.compile(r"[ \t]+")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    type: str  # PER, LOC, ORG


def refine(text: str, spans: list[Span]) -> list[Span]:
    """The model's spans with the fixes above applied (sorted by start)."""
    spans = sorted(spans, key=lambda s: s.start)
    for span in spans:
        if span.type != "PER" and _is_latin_russian_name(text[span.start : span.end]):
            span.type = "PER"
    spans = [piece for span in spans for piece in _split_person(text, span)]
    spans = [piece for span in spans for piece in _split_named_after(text, span)]
    spans = [piece for span in spans for piece in _split_at_lower_case(text, span)]
    return [_with_initials(text, s) if s.type == "PER" else s for s in _join_people(text, spans)]


def _is_latin_russian_name(text: str) -> bool:
    words = _WORD.findall(text)
    if not words or len(words) > 3 or not all(w.isascii() and w[0].isupper() for w in words):
        return False
    return any(given.by_skeleton(latin_skeleton(w)) is not None for w in words)


def _is_first_name(word: str) -> bool:
    if given.lookup(word) is not None:
        return True
    low = word.lower().replace("ё", "е")
    form = morph.name_form(word)
    return low in dictionaries.first_names() or (form is not None and form.role == "first" and form.score >= 0.5)


def _is_surname(word: str) -> bool:
    form = morph.name_form(word, "last")
    return (form is not None and form.role == "last") or word.lower().replace("ё", "е") in dictionaries.surnames()


def _split_person(text: str, span: Span) -> list[Span]:
    """A place or organisation span holding "First Surname" as its last words: the person split off."""
    if span.type == "PER":
        return [span]
    words = list(_WORD.finditer(text, span.start, span.end))
    for i in range(len(words) - 1):
        first, last = words[i], words[i + 1]
        if not (first.group()[0].isupper() and last.group()[0].isupper() and morph.is_cyrillic_word(first.group())):
            continue
        if (
            _GAP.fullmatch(text[first.end() : last.start()])
            and _is_first_name(first.group())
            and _is_surname(last.group())
        ):
            while i and text[words[i - 1].end() : words[i].start()] == "-":  # "Ахмат-Хаджи"
                i -= 1
            person = Span(words[i].start(), last.end(), "PER")
            before = Span(span.start, words[i - 1].end(), span.type) if i else None
            return [s for s in (before, person) if s is not None]
    return [span]


_NAMED_AFTER = re.compile(r"\b(?:имени|им\.)\s+")
_CAPITALISED = re.compile(r"[A-ZА-ЯЁ][^\W\d_]*(?:-[A-ZА-ЯЁ][^\W\d_]*)*")


def _split_named_after(text: str, span: Span) -> list[Span]:
    """An institution "named after" people: the people's names become person spans."""
    named = _NAMED_AFTER.search(text, span.start, span.end) if span.type != "PER" else None
    if named is None:
        return [span]
    pieces = [Span(span.start, named.start() - 1, span.type)] if named.start() - 1 > span.start else []
    for word in _CAPITALISED.finditer(text, named.end(), span.end):
        pieces.append(Span(word.start(), word.end(), "PER"))
    return pieces or [span]


_PARTICLES = frozenset(
    {"de", "da", "di", "el", "ben", "abu", "van", "von", "der", "la", "le", "al", "bin", "ibn", "ибн", "бен"}
    | {"оглы", "кызы", "фон", "ван", "де", "да", "ди", "аль", "эль"}
)


def _split_at_lower_case(text: str, span: Span) -> list[Span]:
    """A person span with ordinary lower-case Latin words inside ("Sasha Volkov and Alyosha") is two."""
    if span.type != "PER":
        return [span]
    pieces: list[Span] = []
    current: Span | None = None
    for word in _WORD.finditer(text, span.start, span.end):
        if word.group()[0].islower() and word.group().isascii() and word.group() not in _PARTICLES:
            current = None
            continue
        if current is None:
            current = Span(word.start(), word.end(), "PER")
            pieces.append(current)
        else:
            current.end = word.end()
    if not pieces:
        return [span]
    pieces[-1].end = (
        max(pieces[-1].end, span.end) if text[pieces[-1].end : span.end].strip(" .") == "" else pieces[-1].end
    )
    return pieces


def _join_people(text: str, spans: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last and last.type == span.type == "PER" and _GAP.fullmatch(text[last.end : span.start]):
            last.end = span.end
        else:
            joined.append(span)
    return joined


def _with_initials(text: str, span: Span) -> Span:
    after = _INITIALS_AFTER.match(text, span.end)
    if after is not None:
        span.end = after.end()
    before = _INITIALS_BEFORE.search(text, max(0, span.start - 8), span.start)
    if before is not None:
        span.start = before.start()
    return span


def gender_of(text: str) -> str:
    """``m`` or ``f`` from the name words of a mention (first name and patronymic first), else ``""``."""
    votes = {"first": "", "middle": "", "last": ""}
    for word in _WORD.findall(text):
        hit = given.lookup(word) if morph.is_cyrillic_word(word) else given.by_skeleton(latin_skeleton(word))
        if hit is not None:
            entry = hit.entry if isinstance(hit, given.Hit) else hit
            votes["first"] = votes["first"] or entry.gender
            continue
        form = morph.name_form(word) if len(word) > 1 else None
        if form is not None and form.gender and not form.plural:
            votes[form.role] = votes[form.role] or form.gender
    return votes["first"] or votes["middle"] or votes["last"]
