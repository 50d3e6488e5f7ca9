"""After substitution, verbs and adjectives still agree with the name: the surrogate has the original's
gender, and the name takes the case the sentence gives it."""

from __future__ import annotations

import re

import pytest

from tests.ru_support import protect
from veil.deciding.ru.agreement import preposition_for
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


# (sentence, the protected sentence): a name that does not tell its gender ("Саша", "Женя", a surname in
# -ко, a form that is a man's genitive and a woman's nominative) takes it from the verb or short adjective
# that agrees with it, or from the case its preposition asks for.
GENDER_FROM_CONTEXT = [
    ("Саша пришла домой поздно.", "Маша пришла домой поздно."),
    ("Саша пришёл домой поздно.", "Ваня пришёл домой поздно."),
    ("Женя сказала, что устала.", "Маша сказала, что устала."),
    ("Вчера сказала Женя, что устала.", "Вчера сказала Маша, что устала."),
    ("Валя уже уехала.", "Маша уже уехала."),
    ("Женя, конечно, опоздал.", "Ваня, конечно, опоздал."),
    ("саша тоже пришла вчера домой", "маша тоже пришла вчера домой"),
    ("Петренко кричал на всех.", "Григорьев кричал на всех."),
    ("Петренко кричала на всех.", "Соколова кричала на всех."),
    ("Мы были у Александра дома.", "Мы были у Ивана дома."),
    ("Александра Волкова пришла домой.", "Мария Соколова пришла домой."),
    ("Мы говорили про Евгения Волкова.", "Мы говорили про Ивана Григорьева."),
    ("Потом пришла Шевчук, она была больна.", "Потом пришла Соколова, она была больна."),
    ("Шевчук был болен.", "Григорьев был болен."),
    ("Подруга Шевчук приехала.", "Подруга Соколова приехала."),  # the word for a person stays
    ("Сосед Петренко уехал.", "Сосед Григорьев уехал."),
]


@pytest.mark.parametrize(("sentence", "expected"), GENDER_FROM_CONTEXT)
def test_gender_comes_from_agreement_when_the_name_leaves_it_open(sentence: str, expected: str) -> None:
    assert protect(sentence) == expected


# (sentence, the protected sentence): the preposition before a name takes the shape the pseudonym asks for.
PREPOSITION_AGREEMENT = [
    ("Мы говорили о Борисе Волкове.", "Мы говорили об Иване Григорьеве."),
    ("Мы говорили об Андрее Волкове.", "Мы говорили об Иване Григорьеве."),
    ("Мы говорили об Анне.", "Мы говорили о Марии."),
    ("О Сергее я ничего не знаю.", "Об Иване я ничего не знаю."),
    ("Я пошла со Станиславом в кино.", "Я пошла с Иваном в кино."),
    ("об алёше ничего не слышно уже давно", "о ване ничего не слышно уже давно"),
]


@pytest.mark.parametrize(("sentence", "expected"), PREPOSITION_AGREEMENT)
def test_preposition_agrees_with_the_pseudonym(sentence: str, expected: str) -> None:
    assert protect(sentence) == expected


# (preposition, next word, the shape it takes)
PREPOSITION_SHAPES = [
    ("о", "Иване", "об"), ("о", "Олеге", "об"), ("о", "Евгении", "о"), ("о", "Юрии", "о"), ("об", "Марии", "о"),
    ("с", "Станиславом", "со"), ("с", "Сергеем", "с"), ("со", "Иваном", "с"), ("с", "Львом", "со"),
    ("к", "Льву", "ко"), ("к", "Ивану", "к"), ("в", "Владимире", "во"), ("в", "Варе", "в"), ("во", "Москве", "в"),
]  # fmt: skip


@pytest.mark.parametrize(("preposition", "word", "shape"), PREPOSITION_SHAPES)
def test_preposition_shape(preposition: str, word: str, shape: str) -> None:
    assert preposition_for(preposition, word) == shape


# (sentence, the protected sentence): a surname that does not decline ("Петренко"; "Шевчук" said of a
# woman) gives no case of its own, so the pseudonym takes the case of the rest of the mention or of the
# preposition before it.
INDECLINABLE = [
    ("Петренко звонил, и я говорила с Петренко.", "Григорьев звонил, и я говорила с Григорьевым."),
    ("Мы ходили к Ивану Петренко.", "Мы ходили к Ивану Григорьеву."),
    ("Мой сосед Петренко уехал.", "Мой сосед Григорьев уехал."),
    ("Это дом Ольги Петренко.", "Это дом Марии Соколовой."),
    ("Я видела Ольгу Шевчук.", "Я видела Марию Соколову."),
    ("Мы ходили к Олегу Шевчуку.", "Мы ходили к Ивану Григорьеву."),
]


@pytest.mark.parametrize(("sentence", "expected"), INDECLINABLE)
def test_indeclinable_surname_takes_the_case_of_its_sentence(sentence: str, expected: str) -> None:
    assert protect(sentence) == expected
