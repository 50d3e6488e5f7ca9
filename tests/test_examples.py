"""On the bundled bilingual examples every direct identifier is masked in every mention (entity-level
recall 1.0), and nothing on the list of public facts is masked. The tables are the examples' gold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from veil import Pipeline

# entity -> every surface form it takes in the example (all must disappear)
DIRECT_EN = {
    "Daniil Sorokin": ["Daniil Sorokin", "Daniil", "Sorokin"],
    "Galina Petrenko": ["Galina Petrenko", "Galina", "Petrenko"],
    "Oleg Markin": ["Oleg Markin", "Oleg", "Markin"],
    "Lisa Hart": ["Lisa Hart", "Hart"],
    "address": ["14 Lenin Street", "Apt 52"],
    "phone 1": ["+7 912 345-67-89", "345-67-89"],
    "phone 2": ["8 (922) 765-43-21", "765-43-21"],
    "plate": ["А123ВС 174"],
    "handle": ["@daniil_sor95", "daniil_sor95"],
    "e-mail": ["daniil.sorokin95@mail.ru"],
    "military ID": ["АБ 1234567", "1234567"],
    "card": ["4276 3800 1234 5679"],
}
PUBLIC_EN = ["Putin", "Georgia", "Kazakhstan", "mobilization"]

DIRECT_RU = {
    "Алексей Громов": [
        "Алексей Викторович Громов", "Алексей", "Алексея", "Викторович", "Громов", "Громова",
        "Лёша", "Лёше", "Алёше", "Алёшеньке", "Леша", "Алеша",
    ],
    "Нина Кузьмина": ["Нине Павловне Кузьминой", "Нине", "Павловне", "Кузьминой", "Кузьмина"],
    "Игорь Сомов": ["Игорь Сомов", "Игорь", "Игорем", "Сомов"],
    "address": ["улице Гагарина, д. 17, кв. 9", "Гагарина"],
    "phone 1": ["+7 (903) 111-22-33", "111-22-33"],
    "phone 2": ["8 912 000-11-22", "000-11-22"],
    "passport": ["45 06", "123456"],
    "snils": ["154-238-712 60"],
    "inn": ["502417325954"],
    "plate": ["Т567КМ 96"],
    "handle": ["aleksey_grom"],
    "e-mail": ["a.gromov@yandex.ru"],
}  # fmt: skip
PUBLIC_RU = ["Путин", "Казахстаном", "Армении", "мобилизации"]


def _protect(pipeline: Pipeline, name: str) -> str:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    return pipeline.protect_text(text).text


def _survivors(protected: str, forms: list[str]) -> list[str]:
    return [form for form in forms if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", protected)]


@pytest.mark.parametrize(("name", "gold"), [("interview_en.txt", DIRECT_EN), ("interview_ru.txt", DIRECT_RU)])
def test_every_direct_identifier_is_masked_in_every_mention(
    pipeline: Pipeline, name: str, gold: dict[str, list[str]]
) -> None:
    protected = _protect(pipeline, name)
    leaks = {entity: _survivors(protected, forms) for entity, forms in gold.items()}
    assert {entity: forms for entity, forms in leaks.items() if forms} == {}, protected


@pytest.mark.parametrize(("name", "public"), [("interview_en.txt", PUBLIC_EN), ("interview_ru.txt", PUBLIC_RU)])
def test_public_facts_stay(pipeline: Pipeline, name: str, public: list[str]) -> None:
    protected = _protect(pipeline, name)
    assert [fact for fact in public if fact not in protected] == []


def test_examples_exist() -> None:
    assert {p.name for p in Path(EXAMPLES).glob("interview_*.txt")} >= {"interview_en.txt", "interview_ru.txt"}
