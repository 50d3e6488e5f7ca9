"""Speaker labels that are names: "Maria:" at the start of a turn is a person, like "Maria" in the text.

Turns come from :mod:`veil.reading.turns`. A label that is a role (Q, A, Interviewer, ВОПРОС, ОТВЕТ,
Speaker 2 ...) is never a detection. Any other label is a person when it is shaped like a name (one to
three capitalised words or initials, no digits) and either contains a known given name or surname, or
comes back as a label in the same passage, or sits among other turns (it is then a transcript, where
a capitalised label is a speaker), unless it is made of everyday words (then it is a form's field:
"Address:", "Military ID:", "Signed:"). The detection is an ordinary person mention, so the label is linked
with the same person's mentions in the text and gets the same pseudonym.
"""

from __future__ import annotations

import functools
from collections import Counter

from veil.deciding.surrogates import english_surnames, known_given_names, russian_surnames
from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why
from veil.linking.keys import latin_skeleton
from veil.reading.turns import NAMED, Turn, turns

_WHY_KNOWN = Why("transcript.speakers", "label-known-name", 0.9, "a speaker label that is a known name")
_WHY_REPEATED = Why("transcript.speakers", "label-repeated", 0.8, "a speaker label used for several turns")
_WHY_IN_TRANSCRIPT = Why("transcript.speakers", "label-in-transcript", 0.7, "a capitalised speaker label")
MAX_NAME_WORDS = 3


@functools.cache
def _known_words() -> frozenset[str]:
    surnames = [s for s, _ in english_surnames()] + list(russian_surnames())
    return frozenset(known_given_names()) | frozenset(latin_skeleton(s) for s in surnames)


def name_shaped(label: str) -> bool:
    """One to three capitalised words or initials, without digits."""
    words = label.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and not any(ch.isdigit() for ch in label)
        and all(word[0].isupper() and any(ch.isalpha() for ch in word) for word in words)
    )


def _everyday(label: str) -> bool:
    """A label made of everyday words and abbreviations ("Address", "Military ID", "Signed"): a form's field."""
    from veil.detecting.en.lexicon import is_common_word

    return all(is_common_word(word) or (word.isupper() and len(word) <= 3) for word in label.split())


def _reason(turn: Turn, labels: Counter[str], turn_count: int) -> Why | None:
    if any(latin_skeleton(word) in _known_words() for word in turn.label.split()):
        return _WHY_KNOWN
    if _everyday(turn.label):
        return None
    if labels[turn.label] >= 2:
        return _WHY_REPEATED
    if turn_count >= 2:
        return _WHY_IN_TRANSCRIPT
    return None


class SpeakerLabels(Detector):
    """Finds person names used as speaker labels at the start of turns (all languages)."""

    name = "transcript.speakers"

    def detect(self, passage: Passage) -> list[Detection]:
        all_turns = list(turns(passage.text))
        named = [t for t in all_turns if t.role == NAMED and name_shaped(t.label)]
        labels = Counter(t.label for t in named)
        results = []
        for turn in named:
            why = _reason(turn, labels, len(all_turns))
            if why is not None:
                results.append(self._detection(passage, turn, why))
        return results

    @staticmethod
    def _detection(passage: Passage, turn: Turn, why: Why) -> Detection:
        first = latin_skeleton(turn.label.split()[0])
        gender = known_given_names().get(first, "")
        attrs = {"gender": gender} if gender in {"m", "f"} else {}
        return found(
            passage, turn.label_start, turn.label_end, label=Label.PERSON, kind=Kind.DIRECT, type="person",
            why=why, attrs=attrs,
        )  # fmt: skip


@DETECTORS.register(SpeakerLabels.name)
def _factory() -> Detector:
    return SpeakerLabels()
