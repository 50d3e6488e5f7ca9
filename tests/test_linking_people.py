"""Gathering person mentions into people: what linking keeps as mentions come must equal what recounting
all of them would give, and the work per mention must not grow with the number of mentions."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veil.findings import Detection, Kind, Label
from veil.linking import persons
from veil.linking.persons import dominant, group_people, mention_gender, name_words, person_gender

NAMES = (
    "Madina Abdullaeva", "Abdullaeva", "Mr Abdullaev", "Rustam Abdullaev", "Abdullaev", "M. Abdullaeva",
    "Sergey Volkov", "Volkov", "Mrs Volkova", "Anna Volkova", "Volkova", "Anna", "Sergey", "S. Volkov",
)  # fmt: skip


def _mentions(names: Sequence[str]) -> list[Detection]:
    mentions, offset = [], 0
    for name in names:
        mentions.append(Detection(offset, offset + len(name), name, Label.PERSON, Kind.DIRECT, "person", "en", ()))
        offset += len(name) + 2
    return mentions


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=40), st.integers(min_value=-5, max_value=800))
def test_what_a_person_keeps_equals_a_recount_of_its_mentions(names: list[str], offset: int) -> None:
    for person in group_people(_mentions(names)):
        assert person_gender(person) == dominant([mention_gender(m, name_words(m)) for m in person.mentions])
        before = [m.start for m in person.mentions if m.start <= offset]
        assert person.last_position_before(offset) == (max(before) if before else -1)


def test_the_work_per_mention_does_not_grow_with_the_mentions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long testimony names the same people thousands of times: each mention may be looked at a fixed
    number of times, not once per earlier mention of the person (that made linking 100 MB of text take
    thirty times as long as 10 MB)."""
    calls = 0
    counted = persons.mention_gender

    def counting(mention: Detection, words: Sequence[persons.NameWord]) -> str:
        nonlocal calls
        calls += 1
        return counted(mention, words)

    monkeypatch.setattr(persons, "mention_gender", counting)
    for size in (500, 4000):
        calls = 0
        people = group_people(_mentions(["Mrs Volkova", "Volkova", "Anna Volkova", "Sergey Volkov", "Volkov"] * size))
        assert sum(len(p.mentions) for p in people) == 5 * size
        assert calls <= 3 * 5 * size
