"""Finding a person's pseudonym in the project's memory, or making one: same person, same pseudonym;
same family, same surname.

Entity keys (see :func:`veil.linking.base.person_keys`) are language-neutral, so "Сергей Волков" in a
Russian interview and "Sergey Volkov" in its English translation find the same record. They are tried in
a deliberate order:

1. the full name, then the first name with the surname (``person-name:``): the same person;
2. a person named by one word only ("Волков", "Лёша") takes the record of that word;
3. a person with a first name whose surname alone is known met a relative ("Анна Волкова" after
   "Сергей Волков"): a new pseudonym of her own gender, with the family's surrogate surname; unless the
   known record was made for someone named by the surname alone, who is then taken to be this person.

A first name shared by two different people ("Сергей Волков", "Сергей Петров") never links them.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Mapping

from veil.deciding.base import DecisionContext
from veil.deciding.surrogates import (
    GivenName,
    choose_person,
    english_given,
    english_surnames,
    feminine_surname,
    is_cyrillic,
    record_value,
    russian_given,
    to_latin,
)
from veil.findings import Entity
from veil.linking.keys import latin_skeleton
from veil.linking.persons import TITLES, name_words

Record = Mapping[str, str]
FULL = "person-full:"
NAME = "person-name:"
WORD = "person:"
# Records remember whether they were made for a person with a first name (for rule 3 above).
NAMED = "named"


def roles(entity: Entity) -> dict[str, str]:
    return {k.removeprefix("role:"): v for k, v in entity.attrs.items() if k.startswith("role:")}


def _word_keys(entity: Entity, role: str) -> list[str]:
    return sorted(WORD + k for k, r in roles(entity).items() if r == role and WORD + k in entity.keys)


def exact_keys(entity: Entity) -> list[str]:
    """Keys that only this person has: the full name, first name with surname."""
    return sorted(k for k in entity.keys if k.startswith(FULL)) + sorted(k for k in entity.keys if k.startswith(NAME))


def has_first_name(entity: Entity) -> bool:
    return bool(_word_keys(entity, "first"))


def recall(entity: Entity, context: DecisionContext) -> tuple[Record | None, Record | None]:
    """(this person's record, a relative's record) from memory; either may be ``None``."""
    memory = context.memory
    exact = exact_keys(entity)
    record = memory.recall("person", exact) if exact else None
    if record is not None:
        return record, None
    surnames = _word_keys(entity, "last")
    if has_first_name(entity) and not surnames and _word_keys(entity, "middle"):
        return None, None  # "Aleksey Timurovich" is not every Aleksey met before
    if not has_first_name(entity) or not surnames:
        singles = surnames + sorted(k for k in entity.keys if k.startswith(WORD) and k not in surnames)
        return (memory.recall("person", singles) if singles else None), None
    relative = memory.recall("person", surnames)
    if relative is not None and relative.get(NAMED) != "1":
        return relative, None
    return None, relative


def new_record(entity: Entity, origin: str, gender: str, avoid: set[str], context: DecisionContext,
               relative: Record | None) -> dict[str, str]:  # fmt: skip
    """A fresh surrogate; with a relative's record, it carries the family's surrogate surname."""
    taken = context.memory.taken("person")
    record = choose_person(origin, gender, context.rng, avoid, taken, context.in_document)
    for _ in range(50):  # the family's surname may turn a fresh draw into a relative's pseudonym: draw again
        if relative is None or relative.get("origin") != record.get("origin") or record.get("origin") != "ru":
            break
        base = relative.get("family") or relative["last"]
        record["last"] = feminine_surname(base) if record["gender"] == "f" else base
        record["last_lat"] = to_latin(record["last"])
        record["value"] = record_value(record)
        if record["value"] not in taken and record["first"] != relative.get("first"):
            break
        record = choose_person(origin, gender, context.rng, avoid, taken, context.in_document)
    written = context.once("written-initials", lambda: _written_initials(context))
    for _ in range(20):  # "Yershov D.V." must not repeat the real initials of someone else in the document
        if _initials(record) not in written:
            break
        record = choose_person(origin, gender, context.rng, avoid, taken, context.in_document)
    if record.get("origin") == "ru":
        record.setdefault("family", _masculine(record["last"]))
    record[NAMED] = "1" if has_first_name(entity) else "0"
    return record


def _initials(record: Record) -> str:
    return (record.get("first_lat", "")[:1] + record.get("middle_lat", "")[:1]).casefold()


_ONE_LETTER = re.compile(r"(?<![^\W\d_])[^\W\d_](?![^\W\d_])")


def _written_initials(context: DecisionContext) -> set[str]:
    """Pairs of initials written in the document's person mentions ("D.V." gives "dv")."""
    pairs = set()
    for entity in context.entities:
        for mention in entity.mentions if entity.type == "person" else ():
            if _ONE_LETTER.search(mention.text) is None:
                continue  # no initial in it: skip reading its words
            letters = "".join(w.text[0] for w in name_words(mention) if w.initial)
            if len(letters) >= 2:
                pairs.add(to_latin(letters.casefold())[:2] if is_cyrillic(letters) else letters.casefold()[:2])
    return pairs


def _masculine(surname: str) -> str:
    from veil.deciding.ru.inflect import masculine_surname

    return masculine_surname(surname)


def keys_to_remember(entity: Entity) -> list[str]:
    """Every key of the person, strongest first (memory keeps the first record stored under a key)."""
    rest = sorted(k for k in entity.keys if k.startswith(WORD))
    return exact_keys(entity) + _word_keys(entity, "last") + [k for k in rest if k not in _word_keys(entity, "last")]


# A typed name: two or three capitalised words of at least two letters each (hyphens allowed), one script.
_TYPED_WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]{2,})*")


def typed_name_words(text: str) -> list[str] | None:
    """The words of ``text`` when it reads as a person's name ("Борис Петров", "Anna Maria Long"), else None.

    Anything else a person may type as a replacement ("Mr X", "the officer", "[withheld]") is not a name
    to decline: it is written as typed in every mention.
    """
    words = text.split()
    if not 2 <= len(words) <= 3 or words[0].casefold() in TITLES:
        return None
    if not all(_TYPED_WORD.fullmatch(word) and word[0].isupper() for word in words):
        return None
    return words if len({is_cyrillic(word) for word in words}) == 1 else None


@functools.cache
def _pool_given() -> dict[str, GivenName]:
    """The pools' given names by the Latin skeleton of either spelling (Russian names first)."""
    table: dict[str, GivenName] = {}
    for name in (*russian_given(), *english_given()):
        table.setdefault(latin_skeleton(name.cyrillic), name)
        table.setdefault(latin_skeleton(name.latin), name)
    return table


@functools.cache
def _pool_given_cyrillic() -> dict[str, str]:
    return {skeleton: name.cyrillic for skeleton, name in _pool_given().items()}


@functools.cache
def _pool_surnames() -> dict[str, str]:
    """The Cyrillic spelling of the pools' English surnames, by Latin skeleton."""
    return {latin_skeleton(latin): cyrillic for latin, cyrillic in english_surnames()}


def _both_scripts(word: str, known: Mapping[str, str]) -> tuple[str, str]:
    """(Cyrillic, Latin) spellings of a typed word: Latin by romanisation, Cyrillic from the pools if known."""
    if is_cyrillic(word):
        return word, to_latin(word)
    return known.get(latin_skeleton(word), word), word


def record_from_name(text: str, entity: Entity, context: DecisionContext) -> dict[str, str] | None:
    """A surrogate record for a name a person chose (a reviewer's replacement), or None if ``text`` is no name.

    With the record, the name is written like any pseudonym: each word into the role and grammatical form
    of the mention's word ("Борис Петров" for "Сергей Волков" gives "Бориса Петрова" for "Сергея
    Волкова", "Петрову" for "Волкову", "Боря" for "Серёжа"); remembered in a project, it is the person's
    pseudonym in every later document. A middle name or patronymic not typed is the one of the person's
    current pseudonym (or a new one), in the chosen name's gender.
    """
    words = typed_name_words(text)
    if words is None:
        return None
    given = _pool_given().get(latin_skeleton(words[0]))
    gender = given.gender if given is not None and given.gender in {"m", "f"} else entity.attrs.get("gender", "")
    origin = "ru" if is_cyrillic(text) else "en"
    if not gender and origin == "ru":  # an unknown first name: a Russian surname still tells
        gender = "f" if words[-1].endswith(("ова", "ева", "ёва", "ина", "ына", "ая")) else "m"
    current, _ = recall(entity, context)
    same = current is not None and current.get("origin") == origin and current.get("gender") == gender
    # A fresh base is drawn from a generator seeded by the typed name alone (never by the real one), so the
    # same choice gives the same patronymic every time the document is rebuilt, shown and approved.
    seeded = random.Random(text)  # noqa: S311 - repeatable on purpose; it hides nothing
    base = (
        dict(current)
        if same and current is not None
        else choose_person(origin, gender, seeded, context.avoid, context.memory.taken("person"))
    )
    record = {**base, "origin": origin, "gender": gender or base["gender"], NAMED: "1"}
    record["first"], record["first_lat"] = _both_scripts(words[0], _pool_given_cyrillic())
    record["last"], record["last_lat"] = _both_scripts(words[-1], _pool_surnames())
    if len(words) == 3:
        record["middle"], record["middle_lat"] = _both_scripts(words[1], _pool_given_cyrillic())
    pooled = given.diminutive if given is not None and given.diminutive else ""
    record["dim"] = pooled or record["first"]
    record["dim_lat"] = to_latin(pooled) if pooled else record["first_lat"]
    if origin == "ru":
        record["family"] = _masculine(record["last"])
    else:
        record.pop("family", None)
    record["value"] = record_value(record)
    return record
