"""After substitution, verbs and adjectives still agree with the name: the surrogate has the original's
gender, and the name takes the case the sentence gives it."""

from __future__ import annotations

import re

import pytest

from tests.ru_support import protect
from veil.lexicon.ru import given, morph

# (sentence, the verb or adjective that agrees with the name, the name's gender)
AGREEMENT = [
    ("Анна Волкова уехала вчера.", "уехала", "f"),
    ("Сергей Волков уехал вчера.", "уехал", "m"),
    ("Лёша пришёл поздно.", "пришёл", "m"),
    ("Танечка заболела.", "заболела", "f"),
    ("Нина Павловна ответила.", "ответила", "f"),
    ("Волкова Анна Сергеевна задержана.", "задержана", "f"),
    ("Громов Алексей Викторович задержан.", "задержан", "m"),
    ("ну вчера саша волков позвонил мне и сказал что придёт", "позвонил", "m"),
]


@pytest.mark.parametrize(("sentence", "verb", "gender"), AGREEMENT)
def test_surrogate_keeps_gender_so_agreement_holds(sentence: str, verb: str, gender: str) -> None:
    protected = protect(sentence)
    assert verb in protected
    first_names = [given.lookup(w) for w in re.findall(r"[^\W\d_]+", protected) if w not in sentence.split()]
    assert {hit.entry.gender for hit in first_names if hit is not None} == {gender}, protected


# (sentence, the surrogate's word and the case it must be in)
CASES = [
    ("Я не видела Сергея Волкова.", "Григорьева", "gent"),
    ("Мы написали Сергею Волкову.", "Григорьеву", "datv"),
    ("Я говорила с Сергеем Волковым.", "Григорьевым", "ablt"),
    ("Все думали о Сергее Волкове.", "Григорьеве", "loct"),
    ("Я помогла Анне Волковой.", "Соколовой", "datv"),
]


@pytest.mark.parametrize(("sentence", "word", "case"), CASES)
def test_surrogate_is_in_the_case_of_the_mention(sentence: str, word: str, case: str) -> None:
    protected = protect(sentence)
    assert word in protected
    assert any(f.case == case for f in morph.name_forms(word)), protected
