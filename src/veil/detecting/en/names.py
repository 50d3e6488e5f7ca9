"""English name rules that do not depend on the model.

A title or honorific followed by capitalised words or initials ("Mr Robert Murray", "Dr. K. Lee",
"Judge Smith") is a person; so is a known given name followed by a capitalised word ("Robert Murray").
A name set off as someone's role ("the applicant, Olubukunola Obasa," or "Sean Taylor (“the applicant”)")
or introduced ("my name is ...") is a person too. Names may carry any Latin letters ("Yücel Doğan").
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
# Latin capitals and small letters beyond ASCII (Ş, İ, Ø, ł ...), since Python's re has no \p{Lu}.
_UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper())
_LOWER = "a-z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).islower())
_NAME_WORD = rf"[{_UPPER}][{_LOWER}'’\-]*[{_LOWER}](?:-[{_UPPER}][{_LOWER}]+)?"
_INITIAL = rf"[{_UPPER}]\.\s?"
_TITLED = re.compile(
    rf"\b{_TITLE}\.?[ \t]+(?:{_INITIAL})*{_NAME_WORD}(?:[ \t]+(?:{_INITIAL})*{_NAME_WORD}){{0,3}}"
    rf"|\b{_TITLE}\.?[ \t]+(?:{_INITIAL}){{1,3}}(?=\W)"
)
_ROLE = r"(?:applicants?|complainant|claimant|petitioner|defendant|accused|victim|witness|deceased)"
_INTRODUCED = re.compile(
    rf"(?:\b[Tt]he\s+{_ROLE},\s+(?P<a>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})(?=,)"
    rf"|(?P<b>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),?\s+\((?:[“\"'‘]\s*)?the\s+{_ROLE}\b"
    rf"|\b(?:[Mm]y name is|I am called|I'm called|named)\s+(?P<c>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}))"
)
_WHY_ROLE = Why("en.names", "role-apposition", 0.85, "capitalised words set off as a person's role or name")
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
        for m in _INTRODUCED.finditer(text):
            group = next(g for g in ("a", "b", "c") if m.group(g))
            results.append(
                found(passage, *m.span(group), label=Label.PERSON, kind=Kind.DIRECT, type="person", why=_WHY_ROLE)
            )
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
