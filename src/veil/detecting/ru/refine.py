"""Fixing the NER model's person spans before they leave the detector.

slovnet is good at Russian names in running text but has habits that would leak a name or split a
person in two; each rule here undoes one:

* "Волков Сергей Александрович" sometimes comes out as two people ("Волков", "Сергей Александрович"):
  person spans separated only by spaces are joined;
* initials beside a surname ("С. А. Волков", "Волков С.А.") are sometimes left out: they are added;
* a Russian name in Latin letters inside Russian text ("Sergey Volkov") is often tagged ORG: a span of
  Latin words holding a known Russian given name becomes a person.

Each person span also gets its gender (``m``/``f``) from pymorphy3's reading of its name words, which
the decider uses to choose a surrogate of the same gender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veil.lexicon.ru import given, morph
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
    return [_with_initials(text, s) if s.type == "PER" else s for s in _join_people(text, spans)]


def _is_latin_russian_name(text: str) -> bool:
    words = _WORD.findall(text)
    if not words or len(words) > 3 or not all(w.isascii() and w[0].isupper() for w in words):
        return False
    return any(given.by_skeleton(latin_skeleton(w)) is not None for w in words)


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
