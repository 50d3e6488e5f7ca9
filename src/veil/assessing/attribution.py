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


def sentences(units: Iterable[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, text) of every sentence, by document offsets."""
    found = []
    for start, text in units:
        for match in _SENTENCE.finditer(text):
            found.append((start + match.start(), start + match.end(), match.group()))
    return found


def attribute(
    units: Iterable[tuple[int, str]], entities: Sequence[Entity], decisions: dict[str, Decision]
) -> dict[str, Person]:
    """People at risk (by key) with the details that describe them."""
    spans = sentences(units)
    starts = [s[0] for s in spans]
    people: dict[str, Person] = {}
    anchors: list[list[Anchor]] = [[] for _ in spans]
    for index, (start, _, text) in enumerate(spans):
        if _FIRST_PERSON.search(text):
            anchors[index].append(Anchor(start, SPEAKER, ""))
    whole = " ".join(s[2] for s in spans)
    female, male = len(_SPEAKER_FEMALE.findall(whole)), len(_SPEAKER_MALE.findall(whole))
    people[SPEAKER] = Person(SPEAKER, "f" if female > male else "m" if male > female else "")
    _add_people(entities, decisions, spans, starts, anchors, people)
    for entity in entities:
        if entity.type not in PERSONAL_TYPES:
            continue
        decision = decisions[entity.id]
        for mention in entity.mentions:
            owner = _owner(mention, starts, spans, anchors)
            people[owner].details.append((entity, decision, mention))
    return people


def _sentence_of(offset: int, starts: Sequence[int]) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _add_people(
    entities: Sequence[Entity],
    decisions: dict[str, Decision],
    spans: Sequence[tuple[int, int, str]],
    starts: Sequence[int],
    anchors: list[list[Anchor]],
    people: dict[str, Person],
) -> None:
    relatives = sorted((m for e in entities if e.type == "relative" for m in e.mentions), key=lambda m: m.start)
    nearby = _RelativesBefore(relatives)
    by_relation: dict[str, str] = {}
    for entity in entities:
        if entity.type != "person" or decisions[entity.id].action == Action.KEEP:
            continue
        person = people.setdefault(entity.id, Person(entity.id, entity.attrs.get("gender", "")))
        for mention in entity.mentions:
            index = _sentence_of(mention.start, starts)
            anchors[index].append(Anchor(mention.start, entity.id, person.gender))
            relation = next((r for r in nearby.ending_near(mention.start) if _names(r, mention, spans[index][2],
                                                                                  spans[index][0])), None)  # fmt: skip
            if relation is not None:
                person.relation = english_relation(relation.attrs.get("relation", ""))
                person.gender = person.gender or relation.attrs.get("gender", "")
                by_relation.setdefault(person.relation, person.key)
    for relative in relatives:
        index = _sentence_of(relative.start, starts)
        named = any(0 <= a.start - relative.end <= 12 for a in anchors[index])
        if not named:
            gender, word = relative.attrs.get("gender", ""), english_relation(relative.attrs.get("relation", ""))
            key = by_relation.get(word, f"relative:{word}")
            people.setdefault(key, Person(key, gender, word))
            anchors[index].append(Anchor(relative.start, key, gender))
    for row in anchors:
        row.sort(key=lambda a: a.start)


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


def _names(relative: Detection, mention: Detection, sentence: str, sentence_start: int) -> bool:
    """Whether the relative mention introduces the name right after it ("my son, Daniil", "мужа зовут Алексей")."""
    if not 0 <= mention.start - relative.end <= NAMING_GAP_CHARS or relative.start < sentence_start:
        return False
    gap = sentence[relative.end - sentence_start : mention.start - sentence_start]
    return _NAMING_GAP.match(gap) is not None


def english_relation(word: str) -> str:
    """The English word for a relation as written ("мужа" -> "husband")."""
    word = word.lower().replace("ё", "е")
    return next(
        (en for stem, en in sorted(RELATIONS_EN.items(), key=lambda kv: -len(kv[0])) if word.startswith(stem)), word
    )


def _owner(
    mention: Detection, starts: Sequence[int], spans: Sequence[tuple[int, int, str]], anchors: list[list[Anchor]]
) -> str:
    index = _sentence_of(mention.start, starts)
    row = [a for a in anchors[index] if a.start != mention.start]
    if mention.type == "relative" or mention.type == "family-size":
        return SPEAKER if any(a.person == SPEAKER for a in row) else (row[0].person if row else SPEAKER)
    before = [a for a in row if a.start < mention.start]
    if before:
        return before[-1].person
    if row:
        return row[0].person
    text = spans[index][2] if spans else ""
    gender = "m" if _HE.search(text) else "f" if _SHE.search(text) else ""
    for back in range(index - 1, max(-1, index - 6), -1):
        for anchor in reversed(anchors[back]):
            if anchor.person != SPEAKER and (not gender or anchor.gender in {gender, ""}):
                return anchor.person
    return SPEAKER
