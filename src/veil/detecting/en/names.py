"""English name rules that do not depend on the model.

A title or honorific followed by capitalised words or initials ("Mr Robert Murray", "Dr. K. Lee",
"Judge Smith") is a person; so is a known given name followed by a capitalised word ("Robert Murray").
These catch what a statistical model misses on unusual text, and explain themselves exactly.
"""

from __future__ import annotations

import functools
import re

from veil.deciding.surrogates import known_given_names
from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why
from veil.linking.keys import latin_skeleton

_TITLE = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Madam|Judge|Justice|Rev|Reverend|"
    r"Sgt|Sergeant|Capt|Captain|Lt|Lieutenant|Col|Colonel|Maj|Major|Gen|General|Cpl|Corporal|Pte|Private|"
    r"Officer|Inspector|Detective|Uncle|Aunt|Auntie)"
)
_NAME_WORD = r"[A-Z][a-z'’\-]*[a-z](?:-[A-Z][a-z]+)?"
_INITIAL = r"[A-Z]\.\s?"
_TITLED = re.compile(
    rf"\b{_TITLE}\.?\s+(?:{_INITIAL})*{_NAME_WORD}(?:\s+(?:{_INITIAL})*{_NAME_WORD}){{0,2}}"
    rf"|\b{_TITLE}\.?\s+(?:{_INITIAL}){{1,3}}(?=\W)"
)
_CAPITALISED_PAIR = re.compile(rf"\b(?P<first>{_NAME_WORD})\s+(?:{_INITIAL})?(?P<last>{_NAME_WORD})\b")
_WHY_TITLE = Why("en.names", "title+capitalised", 0.9, "a title followed by a capitalised name")
_WHY_GIVEN = Why("en.names", "given-name+capitalised", 0.75, "a known given name followed by a capitalised word")
_NOT_SURNAMES = frozenset({"The", "And", "But", "Street", "Road", "Court", "Church", "University", "Hospital"})


@functools.cache
def _given() -> frozenset[str]:
    return frozenset(known_given_names())


class EnglishNameRules(Detector):
    name = "en.names"
    languages = frozenset({"en"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        results = [
            found(passage, *m.span(), label=Label.PERSON, kind=Kind.DIRECT, type="person", why=_WHY_TITLE)
            for m in _TITLED.finditer(text)
        ]
        given = _given()
        for m in _CAPITALISED_PAIR.finditer(text):
            if latin_skeleton(m.group("first")) in given and m.group("last") not in _NOT_SURNAMES:
                gender = known_given_names().get(latin_skeleton(m.group("first")), "")
                attrs = {"gender": gender} if gender in {"m", "f"} else {}
                results.append(
                    found(
                        passage,
                        *m.span(),
                        label=Label.PERSON,
                        kind=Kind.DIRECT,
                        type="person",
                        why=_WHY_GIVEN,
                        attrs=attrs,
                    )
                )
        return results


@DETECTORS.register(EnglishNameRules.name)
def _factory() -> Detector:
    return EnglishNameRules()
