"""The linking contract: group detections into entities, and find the mentions detectors missed.

:func:`resolve_overlaps` first turns overlapping candidates into a clean, non-overlapping set (the longer
span wins; at equal length, a direct identifier over a quasi one, then the higher score). The linker then
groups mentions into entities (people by their name words, other identifiers by a normalised value), and
the propagator adds every other occurrence of each entity's forms. Entities get stable ids in order of
first appearance (``E1``, ``E2`` ...) and language-neutral keys for project-wide consistency.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from veil.findings import Detection, Entity, Kind, Label, Passage, Why
from veil.intervals import Coverage
from veil.linking.diminutives import NICKNAME, latin_diminutives
from veil.linking.keys import name_token_key, value_key
from veil.linking.persons import ROLE_FIRST, ROLE_LAST, Person, dominant, group_people, name_words, person_gender
from veil.linking.propagate import FORM_EXPANDERS, Propagator

_WHY = (Why("link.people", "person-name-forms", 0.8, "made of the name forms of a person met elsewhere"),)


def _priority(detection: Detection) -> tuple[int, int, float, int]:
    best = max((why.score for why in detection.why), default=0.0)
    return (detection.end - detection.start, detection.kind == Kind.DIRECT, best, -detection.start)


def resolve_overlaps(detections: Iterable[Detection]) -> list[Detection]:
    """A non-overlapping subset, preferring longer spans, direct identifiers and higher scores.

    When two detectors found the same span, their reasons are merged onto the winner. Whether a detection
    is kept depends only on the detections it overlaps, directly or through others, so each run of
    overlapping detections is resolved on its own: the result is the same as resolving them all at once,
    and the memory the choice needs is that of one run, not of the two million detections of a 100 MB file.
    """
    chosen: list[Detection] = []
    for run in _overlapping_runs(detections):
        chosen.extend(_resolve(run))
    return chosen


def _overlapping_runs(detections: Iterable[Detection]) -> Iterator[list[Detection]]:
    """The detections by start, cut where no span reaches past the cut (stable: ties keep their order)."""
    run: list[Detection] = []
    reach = 0
    for detection in sorted(detections, key=lambda d: d.start):
        if run and detection.start >= reach:
            yield run
            run = []
        run.append(detection)
        reach = max(reach, detection.end) if len(run) > 1 else detection.end
    if run:
        yield run


def _resolve(detections: Sequence[Detection]) -> list[Detection]:
    chosen: list[Detection] = []
    coverage = Coverage()
    exact: dict[tuple[int, int], int] = {}
    for detection in sorted(detections, key=_priority, reverse=True):
        span = (detection.start, detection.end)
        if span in exact:
            index = exact[span]
            winner = chosen[index]
            new = tuple(w for w in detection.why if w not in winner.why)
            if new:
                chosen[index] = winner.with_why(*new)
            continue
        if coverage.overlaps(*span) or detection.end <= detection.start:
            continue
        exact[span] = len(chosen)
        chosen.append(detection)
        coverage.add(*span)
    return sorted(chosen, key=lambda d: d.start)


# A person found only by a model's guess or by a surname's shape, with no cue of a person (a title, a
# given name, a relative word): when another detector found exactly the same words as a town in the
# gazetteer or as a car's make and model, they are the town or the car ("your cousin from Kharkiv",
# "drove me to Murmansk", "Vehicle: Lada Priora"). Either way the words are masked.
GUESS_RULES = frozenset({"veil-en-ner", "slovnet-ner-news", "russian-surname", "russian-surname-mid-sentence"})
THING_TYPES = frozenset({"city", "vehicle"})


def drop_guessed_people(detections: Sequence[Detection]) -> list[Detection]:
    """``detections`` without the bare person guesses that a town or a car found at the same span explains."""
    things = {(d.start, d.end) for d in detections if d.type in THING_TYPES}
    if not things:
        return list(detections)
    cued = {
        (d.start, d.end) for d in detections if d.type == "person" and any(w.rule not in GUESS_RULES for w in d.why)
    }
    return [
        d for d in detections
        if not (d.type == "person" and (d.start, d.end) in things and (d.start, d.end) not in cued)
    ]  # fmt: skip


def drop_guesses_over_figures(detections: Sequence[Detection]) -> list[Detection]:
    """``detections`` without a model's guess that holds a public figure's name and only office words besides.

    "Ukrainian Ombudsman Dmytro" read as a place would outrank the figure's name "Dmytro Lubinets" (the
    longer span wins) and mask the office while leaving the surname; the words outside the name are an
    office and a nationality ("Ukrainian Ombudsman"), which say who the official is and nothing private.
    """
    from veil.detecting.figures import RULE, is_office_word
    from veil.reference.places import fold, gazetteer

    figures = [d for d in detections if any(w.rule == RULE for w in d.why)]
    if not figures:
        return list(detections)
    adjectives = gazetteer().adjectives()

    def only_office(guess: Detection, figure: Detection) -> bool:
        outside = guess.text[: max(0, figure.start - guess.start)] + " " + guess.text[figure.end - guess.start :]
        words = _OUTSIDE_WORD.findall(outside)
        return all(is_office_word(w) or fold(w) in adjectives for w in words)

    def covered_guess(detection: Detection) -> bool:
        if not all(w.rule in GUESS_RULES for w in detection.why):
            return False
        overlapping = [f for f in figures if f.start < detection.end and detection.start < f.end and f is not detection]
        return any(only_office(detection, f) for f in overlapping)

    return [d for d in detections if not covered_guess(d)]


_OUTSIDE_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def prefer_people(mentions: list[Detection]) -> list[Detection]:
    """Place and organisation mentions made of a person's name forms become mentions of a person.

    A model may tag a name as a person in one sentence and as a place in the next ("Гата Камский");
    once the name is known to be a person's, each of its forms is a person wherever it stands, so a
    place or organisation mention whose words are all forms of known people's names is relabelled, and
    so is a short capitalised one holding such a form ("Ахмат-Хаджи Кадырова").
    """
    people = [m for m in mentions if m.type == "person"]
    forms: set[str] = set()
    for mention in people:
        expand = FORM_EXPANDERS.get(mention.lang)
        for word in _person_words(mention):
            forms.add(word)
            forms.update(expand(word) if expand else ())
    if not forms:
        return mentions
    template = {m.lang: m for m in people}
    changed = []
    for mention in mentions:
        words = _person_words(mention) if mention.label in (Label.LOC, Label.ORG) else []
        if words and mention.lang in template and _made_of_names(words, forms):
            base = template[mention.lang]
            mention = replace(base, start=mention.start, end=mention.end, text=mention.text, why=mention.why + _WHY)
        changed.append(mention)
    return changed


def _made_of_names(words: Sequence[str], forms: set[str]) -> bool:
    if all(w in forms for w in words):
        return True
    return len(words) <= 3 and any(w in forms for w in words) and all(w[:1].isupper() for w in words)


def _diminutives_of_first_names(entities: Sequence[Entity]) -> dict[int, list[str]]:
    """For each mention of a person (by ``id``), the suffix diminutives of the person's Latin first names.

    Every mention of the person carries them all, so a diminutive is searched for as a form of the person
    whichever mention wrote the full first name.
    """
    found: dict[int, list[str]] = {}
    for entity in entities:
        if entity.type != "person":
            continue
        firsts = {
            k.removeprefix("role:") for k, role in entity.attrs.items() if k.startswith("role:") and role == ROLE_FIRST
        }
        words = {w.text for m in entity.mentions for w in name_words(m) if not w.initial and w.key in firsts}
        forms = sorted({form for word in words for form in latin_diminutives(word)})
        if forms:
            found.update((id(m), forms) for m in entity.mentions)
    return found


def _person_words(mention: Detection) -> list[str]:
    return [w.text for w in name_words(mention) if not w.initial]


def person_keys(person: Person) -> frozenset[str]:
    """A person's keys: each name word (``person:``), the whole name (``person-full:``) and each first
    name with each surname (``person-name:``, so "Sergey Volkov" meets "Сергей Александрович Волков")."""
    keys = {f"person:{key}" for key in person.keys}
    if len(person.keys) >= 2:
        keys.add("person-full:" + "|".join(sorted(person.keys)))
    firsts = sorted(k for k, role in person.roles.items() if role == ROLE_FIRST)
    lasts = sorted(k for k, role in person.roles.items() if role == ROLE_LAST)
    keys.update(f"person-name:{first}|{last}" for first in firsts for last in lasts)
    return frozenset(keys)


def _person_entity(person: Person) -> Entity:
    first = min(person.mentions, key=lambda m: m.start)
    keys = person_keys(person)
    attrs = {f"role:{key}": role for key, role in person.roles.items()}
    gender = dominant([m.attrs.get("gender", "") for m in person.mentions]) or person_gender(person)
    if gender:
        attrs["gender"] = gender
    return Entity("", first.label, Kind.DIRECT, "person", sorted(person.mentions, key=lambda m: m.start),
                  keys, attrs)  # fmt: skip


def group(mentions: Sequence[Detection]) -> list[Entity]:
    """Entities from non-overlapping mentions: people by name words, everything else by value."""
    people = [m for m in mentions if m.type == "person"]
    entities = _join_nicknames([_person_entity(p) for p in group_people(people)])
    by_value: dict[tuple[str, str], list[Detection]] = defaultdict(list)
    for mention in mentions:
        if mention.type != "person":
            by_value[(mention.type, mention_key(mention))].append(mention)
    for (type_, key), members in by_value.items():
        first = members[0]
        entities.append(Entity("", first.label, first.kind, type_, members, frozenset({key})))
    return entities


def _join_nicknames(people: list[Entity]) -> list[Entity]:
    """A person named only by a suffix diminutive of one other person's first name ("Rustik" beside
    "Rustam Abdullaev") is that person: the mentions join, and the word is marked as a nickname."""
    derived = _diminutives_of_first_names(people)
    owners: dict[str, set[int]] = defaultdict(set)
    for index, person in enumerate(people):
        for form in derived.get(id(person.mentions[0]), []):
            owners[form.casefold()].add(index)
    joined: set[int] = set()
    for index, person in enumerate(people):
        texts = {m.text.casefold() for m in person.mentions}
        candidates = set.union(*(owners.get(t, set()) for t in texts)) - {index} if texts else set()
        if len(texts) != 1 or len(candidates) != 1:
            continue
        owner = people[candidates.pop()]
        owner.mentions.extend(person.mentions)
        owner.mentions.sort(key=lambda m: m.start)
        key = name_token_key(person.mentions[0].text, person.mentions[0].lang)
        owner.attrs.update({f"role:{key}": ROLE_FIRST, f"{NICKNAME}{key}": "1"})
        joined.add(index)
    return [p for i, p in enumerate(people) if i not in joined]


def mention_key(mention: Detection) -> str:
    """The value key of a non-name mention: the detector's own ``key`` attribute when it set one.

    Detectors that know what a mention means set ``attrs["key"]`` ("geo:1508291" for Челябинске and
    Chelyabinsk alike, "age:27" for "27" and "twenty-seven"), so that every form of one value is one
    entity, in both languages and across the documents of a project.
    """
    own = mention.attrs.get("key")
    return f"{mention.type}:{own}" if own else value_key(mention.type, mention.text)


def _number(entities: list[Entity]) -> list[Entity]:
    entities.sort(key=lambda e: min(m.start for m in e.mentions))
    for index, entity in enumerate(entities, start=1):
        entity.id = f"E{index}"
        entity.mentions.sort(key=lambda m: m.start)
    return entities


class Linker:
    """Groups detections into entities and adds the mentions found by propagation."""

    def __init__(self, propagate: bool = True) -> None:
        self.propagate = propagate

    @staticmethod
    def reduce(detections: Sequence[Detection]) -> list[Detection]:
        """The non-overlapping candidates linking starts from (in order of start).

        Which candidates stay depends only on those at the same or an overlapping span, so reducing the
        detections of each part of a document apart and joining the results gives what reducing them all
        at once gives, and reducing again changes nothing: a long document need not hold every candidate
        its detectors found until linking.
        """
        return resolve_overlaps(drop_guesses_over_figures(drop_guessed_people(detections)))

    def link(self, detections: Sequence[Detection], passages: Callable[[], Iterable[Passage]]) -> list[Entity]:
        mentions = prefer_people(self.reduce(detections))
        entities = group(mentions)
        if self.propagate and entities:
            derived = _diminutives_of_first_names(entities)
            propagator = Propagator(entities, lambda m: _person_words(m) + derived.get(id(m), []))
            for owner, mention in propagator.find(passages(), mentions):
                entities[owner].mentions.append(mention)
                if mention.text in derived.get(id(entities[owner].mentions[0]), []):
                    # a nickname made from the first name ("Rustik") becomes the pseudonym's diminutive
                    key = name_token_key(mention.text, mention.lang)
                    entities[owner].attrs[f"role:{key}"] = ROLE_FIRST
                    entities[owner].attrs[f"{NICKNAME}{key}"] = "1"
        return _number(entities)
