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

from collections.abc import Mapping

from veil.deciding.base import DecisionContext
from veil.deciding.surrogates import choose_person, feminine_surname, record_value, to_latin
from veil.findings import Entity

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
    record = choose_person(origin, gender, context.rng, avoid, context.memory.taken("person"))
    if relative is not None and relative.get("origin") == record.get("origin") == "ru":
        base = relative.get("family") or relative["last"]
        record["last"] = feminine_surname(base) if record["gender"] == "f" else base
        record["last_lat"] = to_latin(record["last"])
        record["value"] = record_value(record)
    if record.get("origin") == "ru":
        record.setdefault("family", _masculine(record["last"]))
    record[NAMED] = "1" if has_first_name(entity) else "0"
    return record


def _masculine(surname: str) -> str:
    from veil.deciding.ru.inflect import masculine_surname

    return masculine_surname(surname)


def keys_to_remember(entity: Entity) -> list[str]:
    """Every key of the person, strongest first (memory keeps the first record stored under a key)."""
    rest = sorted(k for k in entity.keys if k.startswith(WORD))
    return exact_keys(entity) + _word_keys(entity, "last") + [k for k in rest if k not in _word_keys(entity, "last")]
