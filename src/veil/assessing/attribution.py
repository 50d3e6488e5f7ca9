"""Who each remaining quasi-identifier describes: the speaker, or a person named (or pointed at) in the text.

A testimony is mostly about its speaker and a few people close to her. Sentence by sentence, the people in
view are the speaker (when the sentence says "I", "my", "я", "мой" ...), the people named in it (the
entities that got a pseudonym) and the relatives it mentions ("my son"; a relative right before a name is
that person). A detail belongs to the nearest person before it in its sentence, else the first after it,
else the person a pronoun points back to ("he", "она": the last person of that gender), else the speaker.
It is a heuristic, and the report says so; its errors make the estimate rougher, not the text less safe.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from veil.findings import Action, Decision, Detection, Entity

SPEAKER = "speaker"
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_FIRST_PERSON = re.compile(
    r"(?i)\b(?:I|me|my|mine|myself|we|us|our|я|меня|мне|мной|мой|моя|моё|мое|мои|моего|моей|моему|моих|моим|мы|нас|нам|наш|наша|наши)\b"
)
# A relative names the person right after it, within this many characters ("my son, Daniil").
NAMING_GAP_CHARS = 12
_NAMING_GAP = re.compile(r"^(?:,?\s*|\s+(?:зовут|is called|was called|named)\s+)$")
_SPEAKER_FEMALE = re.compile(
    r"(?i)\bя\s+(?:[а-яё]+\s+){0,2}?[а-яё]+(?:ла|лась)\b|\bI(?:'m| am) (?:a )?(?:mother|woman|wife|grandmother)\b"
)
_SPEAKER_MALE = re.compile(
    r"(?i)\bя\s+(?:[а-яё]+\s+){0,2}?[а-яё]+(?:[^л]л|лся)\b|\bI(?:'m| am) (?:a )?(?:father|man|husband|grandfather)\b"
)
RELATIONS_EN = {
    "сын": "son", "доч": "daughter", "реб": "child", "дет": "children", "муж": "husband", "жен": "wife",
    "супруг": "spouse", "мат": "mother", "мам": "mother", "от": "father", "пап": "father", "родит": "parents",
    "брат": "brother", "сестр": "sister", "бабушк": "grandmother", "дедушк": "grandfather", "внук": "grandson",
    "внучк": "granddaughter", "тет": "aunt", "дяд": "uncle", "племянник": "nephew", "племянниц": "niece",
}  # fmt: skip
_HE = re.compile(r"(?i)\b(?:he|him|his|он|его|ему|им|нём)\b")
_SHE = re.compile(r"(?i)\b(?:she|her|hers|она|её|ее|ей|ней)\b")
PERSONAL_TYPES = frozenset(
    {"age", "occupation", "rank", "nationality", "ethnicity", "religion", "language", "health", "appearance",
     "politics", "event", "vehicle", "activity", "school-grade", "city", "village", "district", "region",
     "country", "place", "family-size", "relative", "military-unit", "university", "school", "hospital",
     "company", "plant", "prison", "court", "media", "party", "organization", "police", "government",
     "place-description"}
)  # fmt: skip


@dataclass
class Person:
    """A person at risk and the quasi-identifiers that describe them."""

    key: str
    gender: str = ""
    relation: str = ""
    details: list[tuple[Entity, Decision, Detection]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    person: str
    gender: str


# What a sentence says, as bits: "I"/"my" (the speaker is in view), "he", "she".
_FIRST_BIT, _HE_BIT, _SHE_BIT = 1, 2, 4
# The speaker's gender is read from runs of sentences up to a full stop (no phrase crosses one); a run of
# more than this many characters (a transcript without punctuation) is read in pieces cut between lines.
RUN_CHARS = 1_000_000


@dataclass
class Sentences:
    """The document's sentences as the attribution needs them: where they are and what they say, not their
    text (which would be a second copy of the whole document)."""

    starts: array[int] = field(default_factory=lambda: array("q"))
    ends: array[int] = field(default_factory=lambda: array("q"))
    bits: bytearray = field(default_factory=bytearray)
    female: int = 0  # the speaker's own words: "я пришла", "I am a mother"
    male: int = 0
    # (a relative's end, a person mention's start) -> the text between them in its unit (see ``gap``)
    gaps: dict[tuple[int, int], str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.starts)

    def of(self, offset: int) -> int:
        """The sentence an offset belongs to: the last one that starts at or before it."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def gap(self, relative: Detection, mention: Detection, index: int) -> str:
        """The text of sentence ``index`` from the relative's end to the mention's start (cut at its end)."""
        length = min(mention.start, self.ends[index]) - relative.end
        return self.gaps.get((relative.end, mention.start), "")[:length] if length > 0 else ""


def sentences(units: Iterable[tuple[int, str]], gaps: Iterable[tuple[int, int]] = ()) -> Sentences:
    """The sentences of the document, in one pass over its units; ``gaps`` are spans whose text to keep."""
    found = Sentences()
    wanted = sorted(set(gaps))
    index = 0
    run: list[str] = []
    run_chars = 0
    for start, text in units:
        end = start + len(text)
        while index < len(wanted) and wanted[index][0] < end:
            gap_start, gap_end = wanted[index]
            if gap_start >= start:
                found.gaps[wanted[index]] = text[gap_start - start : max(gap_start, min(gap_end, end)) - start]
            index += 1
        for match in _SENTENCE.finditer(text):
            sentence = match.group()
            found.starts.append(start + match.start())
            found.ends.append(start + match.end())
            found.bits.append(_bits(sentence))
            run.append(sentence)
            run_chars += len(sentence)
            if sentence[-1] in ".!?" or run_chars > RUN_CHARS:
                _count_speaker(found, " ".join(run))
                run, run_chars = [], 0
    _count_speaker(found, " ".join(run))
    return found


def _bits(sentence: str) -> int:
    return (
        (_FIRST_BIT if _FIRST_PERSON.search(sentence) else 0)
        | (_HE_BIT if _HE.search(sentence) else 0)
        | (_SHE_BIT if _SHE.search(sentence) else 0)
    )


def _count_speaker(found: Sentences, text: str) -> None:
    found.female += len(_SPEAKER_FEMALE.findall(text))
    found.male += len(_SPEAKER_MALE.findall(text))


class _Anchors:
    """The people in view in each sentence: the speaker where it says "I", and the people and relatives
    placed by :func:`_add_people` (kept only for the sentences that have some)."""

    def __init__(self, spans: Sentences) -> None:
        self.spans = spans
        self.placed: dict[int, list[Anchor]] = {}

    def add(self, index: int, anchor: Anchor) -> None:
        self.placed.setdefault(index, []).append(anchor)

    def sort(self) -> None:
        for row in self.placed.values():
            row.sort(key=lambda a: a.start)

    def row(self, index: int) -> list[Anchor]:
        placed = self.placed.get(index, [])
        if self.spans.bits and self.spans.bits[index] & _FIRST_BIT:
            return sorted([Anchor(self.spans.starts[index], SPEAKER, ""), *placed], key=lambda a: a.start)
        return placed


def attribute(
    units: Iterable[tuple[int, str]], entities: Sequence[Entity], decisions: dict[str, Decision]
) -> dict[str, Person]:
    """People at risk (by key) with the details that describe them."""
    relatives = sorted((m for e in entities if e.type == "relative" for m in e.mentions), key=lambda m: m.start)
    nearby = _RelativesBefore(relatives)
    named = [m for e in entities if e.type == "person" and decisions[e.id].action != Action.KEEP for m in e.mentions]
    near = ((r, m) for m in named for r in nearby.ending_near(m.start))
    gaps = [(r.end, m.start) for r, m in near if 0 <= m.start - r.end <= NAMING_GAP_CHARS]  # what _names reads
    spans = sentences(units, gaps)
    anchors = _Anchors(spans)
    people: dict[str, Person] = {}
    female, male = spans.female, spans.male
    people[SPEAKER] = Person(SPEAKER, "f" if female > male else "m" if male > female else "")
    _add_people(entities, decisions, spans, anchors, relatives, nearby, people)
    seen: set[tuple[str, str, str, int]] = set()
    for entity in entities:
        if entity.type not in PERSONAL_TYPES:
            continue
        decision = decisions[entity.id]
        for mention in entity.mentions:
            owner = _owner(mention, spans, anchors)
            # the same detail again adds nothing to the estimate (the first of equal details counts)
            detail = (owner, entity.id, mention.text, id(mention.attrs))
            if detail not in seen:
                seen.add(detail)
                people[owner].details.append((entity, decision, mention))
    return people


def _add_people(
    entities: Sequence[Entity],
    decisions: dict[str, Decision],
    spans: Sentences,
    anchors: _Anchors,
    relatives: Sequence[Detection],
    nearby: _RelativesBefore,
    people: dict[str, Person],
) -> None:
    by_relation: dict[str, str] = {}
    for entity in entities:
        if entity.type != "person" or decisions[entity.id].action == Action.KEEP:
            continue
        person = people.setdefault(entity.id, Person(entity.id, entity.attrs.get("gender", "")))
        for mention in entity.mentions:
            index = spans.of(mention.start)
            anchors.add(index, Anchor(mention.start, entity.id, person.gender))
            relation = next((r for r in nearby.ending_near(mention.start) if _names(r, mention, spans, index)), None)
            if relation is not None:
                person.relation = english_relation(relation.attrs.get("relation", ""))
                person.gender = person.gender or relation.attrs.get("gender", "")
                by_relation.setdefault(person.relation, person.key)
    for relative in relatives:
        index = spans.of(relative.start)
        named = any(0 <= a.start - relative.end <= 12 for a in anchors.row(index))
        if not named:
            gender, word = relative.attrs.get("gender", ""), english_relation(relative.attrs.get("relation", ""))
            key = by_relation.get(word, f"relative:{word}")
            people.setdefault(key, Person(key, gender, word))
            anchors.add(index, Anchor(relative.start, key, gender))
    anchors.sort()


class _RelativesBefore:
    """Relative mentions (sorted by start) that end just before an offset, found by bisection.

    Mentions do not overlap, so their ends are sorted too; every person mention asks, and scanning every
    relative each time made a long document quadratic. Overlapping input (never produced by linking)
    falls back to the whole list, in the same order.
    """

    def __init__(self, relatives: Sequence[Detection]) -> None:
        self.relatives = relatives
        self.ends = [r.end for r in relatives]
        self.sorted = all(a <= b for a, b in itertools.pairwise(self.ends))

    def ending_near(self, offset: int) -> Sequence[Detection]:
        if not self.sorted:
            return self.relatives
        low = bisect.bisect_left(self.ends, offset - NAMING_GAP_CHARS)
        return self.relatives[low : bisect.bisect_right(self.ends, offset)]


def _names(relative: Detection, mention: Detection, spans: Sentences, index: int) -> bool:
    """Whether the relative mention introduces the name right after it ("my son, Daniil", "мужа зовут Алексей")."""
    if not 0 <= mention.start - relative.end <= NAMING_GAP_CHARS or relative.start < spans.starts[index]:
        return False
    return _NAMING_GAP.match(spans.gap(relative, mention, index)) is not None


def english_relation(word: str) -> str:
    """The English word for a relation as written ("мужа" -> "husband")."""
    word = word.lower().replace("ё", "е")
    return next(
        (en for stem, en in sorted(RELATIONS_EN.items(), key=lambda kv: -len(kv[0])) if word.startswith(stem)), word
    )


def _owner(mention: Detection, spans: Sentences, anchors: _Anchors) -> str:
    index = spans.of(mention.start)
    row = [a for a in anchors.row(index) if a.start != mention.start]
    if mention.type == "relative" or mention.type == "family-size":
        return SPEAKER if any(a.person == SPEAKER for a in row) else (row[0].person if row else SPEAKER)
    before = [a for a in row if a.start < mention.start]
    if before:
        return before[-1].person
    if row:
        return row[0].person
    bits = spans.bits[index] if spans.bits else 0
    gender = "m" if bits & _HE_BIT else "f" if bits & _SHE_BIT else ""
    for back in range(index - 1, max(-1, index - 6), -1):
        for anchor in reversed(anchors.row(back)):
            if anchor.person != SPEAKER and (not gender or anchor.gender in {gender, ""}):
                return anchor.person
    return SPEAKER
