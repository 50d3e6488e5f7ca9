"""Speech transcripts written all in lower case: names are found by what they are (a dictionary name,
a patronymic, two foreign words together) and by what is said around them ("зовут", "фамилия"),
and each one is masked."""

from __future__ import annotations

import re

import pytest

from tests.ru_support import person_mentions, protect
from veil.detecting.ru.truecase import truecase

# (transcript line, the name words that must not survive protection); the comment says what finds them.
LOWER_CASE = [
    ("меня зовут роза и я живу одна", ["роза"]),  # naming cue, a name that is also a flower
    ("его звали пушок а фамилия у него была ветров", ["пушок", "ветров"]),  # nickname and surname after cues
    ("фамилия её была белых, она работала в школе", ["белых"]),  # surname that is an adjective
    ("по фамилии сидоренко, а звали его тарас", ["сидоренко", "тарас"]),
    ("мой брат кузя уехал к тёте клаве в деревню", ["кузя", "клаве"]),  # diminutives outside the lexicon
    ("ну это витёк сказал что придёт к нам вечером", ["витёк"]),
    ("вчера саша волков позвонил мне и сказал что волкову страшно", ["саша", "волков"]),
    ("потом пришла нина павловна и забрала детей домой", ["нина", "павловна"]),  # name and patronymic
    ("следователь громов алексей викторович вызвал меня на допрос", ["громов", "алексей", "викторович"]),
    ("мы с пегги уитсон работали вместе много лет", ["пегги", "уитсон"]),  # two unknown foreign words
    ("документы подписал а. кудрин в тот же день", ["кудрин", "а."]),  # initial before a surname
    ("соседка галина петровна всё видела из окна", ["галина", "петровна"]),
    ("это был артур гороховский из соседнего подъезда", ["артур", "гороховский"]),  # adjectival surname
    ("лёха громов уехал в город и больше не вернулся", ["лёха", "громов"]),
    ("я передала записку алёшеньке через соседей", ["алёшеньке"]),  # short line, affectionate form
    ("олександр коваленко приїхав до нас учора ввечері", ["олександр", "коваленко"]),  # Ukrainian
    ("в тот день sasha volkov написал мне в телеграм", ["sasha", "volkov"]),  # Latin letters
    ("к нам приходил отец михаил из местного храма", ["михаил"]),
    ("мама сказала что дядя петя заболел и лежит дома", ["петя"]),  # kinship word before a diminutive
    ("моя подруга оксана ткачук переехала в киев прошлой весной", ["оксана", "ткачук"]),
    ("про женю ничего не знаю, она уехала", ["женю"]),
    ("тогда серёга сказал что мы уходим", ["серёга"]),
    ("начальник отдела петренко кричал на всех", ["петренко"]),  # surname alone
    ("деньги принадлежат григорию фингеру и его брату", ["григорию", "фингеру"]),  # noun surname, same case
    ("всё было хорошо, говорит гернстермайер, но потом начались проблемы", ["гернстермайер"]),  # after "говорит"
]


@pytest.mark.parametrize(("text", "secrets"), LOWER_CASE)
def test_lower_case_names_are_masked(text: str, secrets: list[str]) -> None:
    protected = protect(text)
    words = re.findall(r"[^\W\d_]+\.?", protected)
    assert not [s for s in secrets if s in words or s.rstrip(".") in words], protected


# (transcript line, words that must keep their lower case: they are not names)
ORDINARY = [
    ("ну я тогда пошла в магазин купить хлеба и молока", ["магазин", "хлеба", "молока"]),
    ("слава богу все живы и здоровы остались", ["слава"]),  # a given name that is mostly a word
    ("олександр сказав що приїхав до нас учора ввечері", ["приїхав", "учора", "ввечері"]),  # Ukrainian words
    ("он подскользнулся и упал прямо на аппеляцию", ["подскользнулся", "аппеляцию"]),  # misspelt words
    ("там была киберсквоттерство какое-то непонятное", ["киберсквоттерство"]),  # unknown, with a known prefix
    ("мы были у маши дома весь вечер", ["дома"]),  # a noun after a name, not on the surname list
    ("я дал саше книгу и ушёл", ["книгу"]),  # on the surname list, but not in the name's case
    ("вчера к нам приходил сергей сосед", ["сосед"]),
]


@pytest.mark.parametrize(("text", "ordinary"), ORDINARY)
def test_truecasing_leaves_ordinary_words_alone(text: str, ordinary: list[str]) -> None:
    cased = truecase(text)
    assert len(cased) == len(text)
    assert not [w for w in ordinary if w not in cased], cased


def test_places_and_acronyms_are_capitalised_for_the_model() -> None:
    assert truecase("президент ирана приехал в сша") == "президент Ирана приехал в США"


def test_latin_spelling_in_brackets_follows_the_name() -> None:
    cased = truecase("сказал руководитель джоэл саймон (joel simon) вчера")
    assert "(Joel Simon)" in cased


def test_one_person_in_a_lower_case_transcript() -> None:
    text = "меня зовут роза волкова. роза это я, а волкова моя фамилия по мужу"
    assert person_mentions(text) == [["роза волкова", "роза", "волкова"]]
