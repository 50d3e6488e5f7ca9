"""English name rules: what a statistical model may miss, found by clues that explain themselves.

The passage is cut into words; each rule starts at one word and says how far the name goes:

- a title or honorific and the capitalised words or initials after it ("Mr Robert Murray", "Dr. K. Lee",
  "Judge Smith"; in a lower-case transcript "mr volkov");
- a known given name and the name words after it ("Sergey Ivanovich Volkov", "John F. Kennedy"); alone,
  a given name counts only when it is not also an everyday word or a place ("Sasha" yes, "Will" no);
- a Russian surname written in Latin letters with an unmistakable ending ("Volkova", "Shevchenko");
- a context cue: a relative or a naming verb before a name ("my son Misha", "a man named Oleg"), or a
  role noun and a comma before a full name ("The applicant, Olubukunola Obasa,").

In text written all in lower case (speech transcripts) capital letters say nothing, so the rules rely
on the name lists (see :mod:`veil.detecting.en.lexicon`) instead. Every mention found here is a direct
identifier of type ``person``; the linker then finds every other mention of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.en import lexicon
from veil.findings import Detection, Kind, Label, Passage, Why
from veil.linking.keys import latin_skeleton
from veil.linking.propagate import is_lower_text

TITLES = lexicon.context_words("titles")
_WORD_TITLES = lexicon.context_words("word_titles")
_RELATIVES = lexicon.context_words("relatives")
_POSSESSIVES = lexicon.context_words("possessives")
_ROLES = lexicon.context_words("roles")
_NAMING = (("named",), ("called",), ("nicknamed",), ("known", "as"), ("name", "is"), ("name's",), ("name", "was"))
_NAMING_LAST = frozenset(cue[-1] for cue in _NAMING)  # most words are none of these: no cue to compare
# A possessive "'s" is not part of the name ("Tima's father"); "O'Brien" and "Ter-Petrosyan" are whole.
_WORD = re.compile(r"[^\W\d_]+(?:(?:['’](?![sS]\b)|-)[^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# After a full name: ' (“the applicant”)', ', ("the victim")' ...
_ROLE_AFTER = re.compile(
    r",?\s*\(\s*[“\"'‘]?\s*the\s+(?:applicants?|complainant|claimant|petitioner|defendant|accused|victim|witness|deceased)\b"
)
_MAX_NAME_WORDS = 5

WHY_TITLE = Why("en.names", "title+name", 0.9, "a title or honorific followed by a name")
WHY_GIVEN = Why("en.names", "given-name", 0.75, "a known given name (and the name words after it)")
WHY_RUSSIAN = Why("en.names", "russian-surname", 0.7, "a Russian surname ending in Latin letters")
WHY_RUSSIAN_MID = Why(
    "en.names", "russian-surname-mid-sentence", 0.65, "a capitalised Russian surname inside a sentence"
)
WHY_INITIALS = Why("en.names", "initials+surname", 0.8, "initials followed by a surname")
WHY_CONTEXT = Why("en.names", "context-cue", 0.8, "a relative or a naming verb right before a name")
WHY_ROLE = Why("en.names", "role-noun", 0.8, "a full name set off by a comma after a role noun (applicant, national)")


class Word(NamedTuple):
    start: int
    end: int
    text: str
    initial: bool  # one capital letter followed by a dot ("K.")
    # read for every word by several rules, so worked out once
    lower: str
    capitalised: bool


def word(start: int, end: int, text: str, initial: bool) -> Word:
    return Word(start, end, text, initial, text.lower(), text[:1].isupper())


def words_of(text: str) -> list[Word]:
    """The passage's words; a Cyrillic word in English text is looked up in Latin letters ("Маша" as "Masha")."""
    words = []
    cyrillic = _CYRILLIC.search(text) is not None
    for match in _WORD.finditer(text):
        start, end = match.span()
        initial = end - start == 1 and match.group().isupper() and text[end : end + 1] == "."
        written = text[start : end + 1 if initial else end]
        if cyrillic and _CYRILLIC.search(written):
            latin = latin_skeleton(written)
            written = latin.capitalize() if written[:1].isupper() else latin
        words.append(word(start, end + 1 if initial else end, written, initial))
    return words


class _Scan:
    """The rules applied to one passage's words; ``lower`` says the passage has no capitals."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = words_of(text)
        self.lower = is_lower_text(text)

    def adjacent(self, i: int) -> bool:
        """Word ``i`` follows word ``i - 1`` with only a space (or a title's dot: "Mr. Lee") between them."""
        gap = self.text[self.words[i - 1].end : self.words[i].start]
        if gap in {" ", ""}:
            return gap == " " or self.words[i - 1].initial
        return gap in {". ", "."} and self.words[i - 1].lower in TITLES

    def name_word(self, i: int) -> bool:
        """Can word ``i`` continue a name that has started?"""
        word = self.words[i]
        if lexicon.is_not_name(word.text) or word.lower in TITLES:
            return False
        if word.initial:
            return True
        if self.lower:
            return lexicon.name_like_lower(word.text) or _known_surname(word.text)
        return word.capitalised and len(word.text) > 1

    def extend(self, i: int) -> int:
        """The index after the last name word in the run starting at ``i`` (``i`` itself not checked)."""
        j = i + 1
        while j < len(self.words) and j - i < _MAX_NAME_WORDS and self.adjacent(j) and self.name_word(j):
            j += 1
        return j

    def titled(self, i: int) -> tuple[int, Why] | None:
        if self.words[i].lower not in TITLES or i + 1 >= len(self.words) or not self.adjacent(i + 1):
            return None
        if not self.lower and not self.words[i].text[0].isupper():
            return None
        if (self.lower or self.words[i].lower in _WORD_TITLES) and not self.known_name(i + 1):
            return None
        end = self.extend(i)
        return (end, WHY_TITLE) if end > i + 1 else None

    def given(self, i: int) -> tuple[int, Why] | None:
        word = self.words[i]
        info = lexicon.given_info(word.text)
        if info is None or lexicon.is_not_name(word.text) or (not self.lower and not word.capitalised):
            return None
        end = self.extend(i)
        if end == i + 1:
            return (end, WHY_GIVEN) if info.safe_alone and len(word.text) > 2 else None
        # An everyday-word given name ("Will", "Mark") starts a name only before a known surname, and
        # never in lower-case text, where "will smith" is more often a verb than a person.
        if info.safe_alone or (not self.lower and _known_surname(self.words[i + 1].text)):
            return end, WHY_GIVEN
        return None

    def russian_surname(self, i: int) -> tuple[int, Why] | None:
        word = self.words[i]
        candidate = word.text.capitalize() if self.lower else word.text
        if lexicon.looks_russian_surname(candidate, alone=True):
            return self.initials_after(i + 1), WHY_RUSSIAN
        # Inside a sentence, a capital letter says "name": "the bailiff Zotov", "Abdulayev, Abdullaiev".
        if not self.lower and self.mid_sentence(i) and _surname_not_word(word.text):
            return self.initials_after(i + 1), WHY_RUSSIAN_MID
        return None

    def initials_after(self, i: int) -> int:
        """The index after the initials that follow a surname ("Sokolov P.A.")."""
        while i < len(self.words) and self.words[i].initial and self.adjacent(i):
            i += 1
        return i

    def initialled(self, i: int) -> tuple[int, Why] | None:
        """Initials, then a surname: "I.V. Sokolova", "S. Volkov" (in cased text)."""
        j = i
        while j < len(self.words) and self.words[j].initial and (j == i or self.adjacent(j)):
            j += 1
        if self.lower or j == i or j >= len(self.words) or not self.adjacent(j):
            return None
        surname = self.words[j].text
        if _known_surname(surname) or _surname_not_word(surname):
            return j + 1, WHY_INITIALS
        return None

    def mid_sentence(self, i: int) -> bool:
        """Word ``i`` is capitalised, after a lower-case word or a comma on the same line (no sentence start)."""
        if i == 0 or not self.words[i].capitalised or lexicon.given_info(self.words[i].text) is not None:
            return False
        gap = self.text[self.words[i - 1].end : self.words[i].start]
        if "\n" in gap or gap.strip() not in {"", ",", ":", '"', "“", "«", "("}:
            return False
        return gap.strip() != "" or self.words[i - 1].text[:1].islower()

    def context(self, i: int) -> tuple[int, Why] | None:
        """A name right after "my son", "named", "known as" ... (``i`` is the name's first word)."""
        if i == 0 or self.text[self.words[i - 1].end : self.words[i].start] not in {" ", ", "}:
            return self.role(i)
        previous = self.words[i - 1].lower
        if previous not in _RELATIVES and previous not in _NAMING_LAST:
            return self.role(i)
        before = [w.lower for w in self.words[max(0, i - 2) : i]]
        relative = len(before) == 2 and before[0] in _POSSESSIVES and before[1] in _RELATIVES
        naming = any(tuple(before[-len(cue) :]) == cue for cue in _NAMING)
        # after "his name is", an unlisted first name counts when a listed name follows ("Rustam Kasymov")
        followed = naming and self.name_start(i, strict=False) and i + 1 < len(self.words) and self.adjacent(i + 1)
        if (relative or naming) and (self.name_start(i, strict=naming) or (followed and self.known_name(i + 1))):
            return self.extend(i), WHY_CONTEXT
        return self.role(i)

    def role(self, i: int) -> tuple[int, Why] | None:
        """A full name set off by a role: "a national, Olubukunola Obasa", "Yücel Doğan (“the applicant”)"."""
        if self.lower or not self.name_start(i, strict=False):
            return None
        end = self.extend(i)
        gap = self.text[self.words[i - 1].end : self.words[i].start] if i else ""
        before = i > 0 and self.words[i - 1].lower in _ROLES and gap == ", "
        after = _ROLE_AFTER.match(self.text, self.words[end - 1].end)
        return (end, WHY_ROLE) if end >= i + 2 and (before or after) else None

    def known_name(self, i: int) -> bool:
        """Word ``i`` is an initial or on a name list (given name, surname, Russian surname ending)."""
        word = self.words[i]
        if word.initial:
            return not self.lower
        if lexicon.is_not_name(word.text) or word.lower in TITLES or (not self.lower and not word.capitalised):
            return False
        info = lexicon.given_info(word.text)
        return lexicon.name_like_lower(word.text) or _known_surname(word.text) or (info is not None and info.safe_alone)

    def name_start(self, i: int, strict: bool) -> bool:
        if self.lower or strict:
            return self.known_name(i)
        word = self.words[i]
        return word.capitalised and not lexicon.is_not_name(word.text) and word.lower not in TITLES

    def matches(self) -> Iterator[tuple[int, int, Why]]:
        i = 0
        while i < len(self.words):
            hit = self.titled(i) or self.initialled(i) or self.given(i) or self.context(i) or self.russian_surname(i)
            if hit is None:
                i += 1
                continue
            end, why = hit
            yield i, end, why
            i = end


def _known_surname(word: str) -> bool:
    """A surname from the census list that is no everyday word or place, or a Russian surname ending."""
    info = lexicon.surname_info(word)
    return (info is not None and info.safe_alone) or lexicon.looks_russian_surname(word.capitalize())


_TOWN = 50_000


def _surname_not_word(word: str) -> bool:
    """A Russian surname ending ("Zotov", "Abdulayev") on no place or adjective ("Rostov", "Armenian")."""
    from veil.reference.places import gazetteer

    if not lexicon.looks_russian_surname(word) or word.endswith(("ian", "ean", "aan", "tin")):
        return False
    place = gazetteer().latin(word) if gazetteer().knows_latin(word) else None
    return place is None or place.population < _TOWN  # many villages are named like surnames ("Sokolov")


_TITLE_GENDER = {"mr": "m", "sir": "m", "mister": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f",
                 "madame": "f", "lady": "f", "dame": "f"}  # fmt: skip


def _gender(scan: _Scan, first: int, end: int) -> dict[str, str]:
    for word in scan.words[first:end]:
        if word.lower in _TITLE_GENDER:
            return {"gender": _TITLE_GENDER[word.lower]}
        if word.lower in TITLES:
            continue
        info = lexicon.given_info(word.text)
        if info is not None and info.gender in {"m", "f"}:
            return {"gender": info.gender}
        break
    return {}


class EnglishNameRules(Detector):
    """Titles, given names, Russian surname endings and context cues (see the module docstring)."""

    name = "en.names"
    languages = frozenset({"en"})

    def detect(self, passage: Passage) -> list[Detection]:
        scan = _Scan(passage.text)
        results = []
        for first, end, why in scan.matches():
            start, stop = scan.words[first].start, scan.words[end - 1].end
            attrs = _gender(scan, first, end)
            results.append(
                found(passage, start, stop, label=Label.PERSON, kind=Kind.DIRECT, type="person", why=why, attrs=attrs)
            )
        return results


@DETECTORS.register(EnglishNameRules.name)
def _factory() -> Detector:
    return EnglishNameRules()
