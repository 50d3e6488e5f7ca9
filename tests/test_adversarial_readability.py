"""Readability of the adversarial English testimonies: one person, one pseudonym, of the right gender.

Each row names two mentions in one testimony and whether they are the same person; each gender row names
a mention and the gender its pseudonym must have. The failures these rows caught: "Mr Abdullaev" joined
his sister Madina Abdullaeva (the keys fold "-aeva" into "-aev"), "ABDULLAEV Rustam Kamilovich" became a
woman named "DARYA" (the surname first, an unknown given name), "Krasnov V.P." had his surname replaced
by a first name, and "Aleksey Timurovich" took the pseudonym of another Aleksey.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from veil import Pipeline
from veil.findings import Entity

DATA = Path(__file__).parent / "data" / "adversarial_en"

# (testimony, mention, other mention, same person?)
LINKS = [
    ("intake_form.txt", "Mr Abdullaev", "ABDULLAEV Rustam Kamilovich", True),
    ("intake_form.txt", "Mr Abdullaev", "Madina Abdullaeva", False),
    ("intake_form.txt", "Madina Abdullaeva", "Aishat Abdullaeva", False),
    ("intake_form.txt", "Kamil Abdullaev", "ABDULLAEV Rustam Kamilovich", False),
    ("witness_statement.txt", "Galina Sokolova", "Irina Viktorovna Sokolova", False),
    ("witness_statement.txt", "Sokolov P.A.", "Pavel Andreyevich Sokolov", True),
    ("qa_interview.txt", "Lyosha", "Seryozha", False),
    ("qa_interview.txt", "Lyosha", "Alexei", True),
    ("subtitles.srt", "Stas", "Kirya", False),
    ("chat.txt", "Aleksey Timurovich", "Lyosha Grigoriev", False),
]
# (testimony, mention, the pseudonym's gender)
GENDERS = [
    ("intake_form.txt", "ABDULLAEV Rustam Kamilovich", "m"),
    ("intake_form.txt", "Madina Abdullaeva", "f"),
    ("intake_form.txt", "Kamil Abdullaev", "m"),
    ("intake_form.txt", "Shamil Magomedovich Aliev", "m"),
    ("chat.txt", "Zotov", "m"),
    ("witness_statement.txt", "Galina Sokolova", "f"),
]
# (testimony, mention, the word of the pseudonym's name it must be replaced by: first or last)
ROLES = [
    ("chat.txt", "Krasnov V.P.", "last"),
    ("chat.txt", "Zotov", "last"),
    ("intake_form.txt", "ABDULLAEV Rustam Kamilovich", "last"),
]


@pytest.fixture(scope="module")
def analyses(pipeline: Pipeline) -> dict[str, list[tuple[Entity, object]]]:
    names = {row[0] for row in LINKS + GENDERS + ROLES}
    return {name: list(pipeline.analyze(pipeline.read(DATA / name), "en").masked()) for name in sorted(names)}


def _person(analyses: dict[str, list[tuple[Entity, object]]], name: str, text: str) -> tuple[Entity, object]:
    found = [(e, d) for e, d in analyses[name] if e.type == "person" and any(m.text == text for m in e.mentions)]
    assert len(found) == 1, f"{text!r} is in {len(found)} people"
    return found[0]


@pytest.mark.parametrize(("name", "one", "other", "same"), LINKS)
def test_one_person_one_pseudonym(analyses: dict[str, list[tuple[Entity, object]]], name: str, one: str,
                                  other: str, same: bool) -> None:  # fmt: skip
    first, first_decision = _person(analyses, name, one)
    second, second_decision = _person(analyses, name, other)
    assert (first.id == second.id) is same
    assert (first_decision.display == second_decision.display) is same  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "text", "gender"), GENDERS)
def test_pseudonym_keeps_gender(analyses: dict[str, list[tuple[Entity, object]]], name: str, text: str,
                                gender: str) -> None:  # fmt: skip
    entity, _ = _person(analyses, name, text)
    assert entity.attrs.get("gender") == gender


@pytest.mark.parametrize(("name", "text", "role"), ROLES)
def test_surname_replaced_by_surname(analyses: dict[str, list[tuple[Entity, object]]], name: str, text: str,
                                     role: str) -> None:  # fmt: skip
    entity, decision = _person(analyses, name, text)
    replacement = decision.replacements[[m.text for m in entity.mentions].index(text)]  # type: ignore[attr-defined]
    display = decision.display.split()  # type: ignore[attr-defined]
    wanted = display[-1] if role == "last" else display[0]
    assert replacement.split()[0].casefold() == wanted.casefold()
