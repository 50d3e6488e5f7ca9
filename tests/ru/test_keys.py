"""Every form of a Russian name keys alike: cases, diminutives, ё/е, feminine surnames, Latin spellings."""

from __future__ import annotations

import pytest

import veil.linking  # noqa: F401  (registers the Russian hooks)
from veil.linking.keys import name_token_key

# (form, lang, the form it must key like)
SAME = [
    ("Сергея", "ru", "Сергей"),
    ("Сергею", "ru", "Сергей"),
    ("Сергеем", "ru", "Сергей"),
    ("Сергее", "ru", "Сергей"),
    ("Серёжа", "ru", "Сергей"),
    ("Серёже", "ru", "Сергей"),
    ("Серёгой", "ru", "Сергей"),
    ("Sergey", "en", "Сергей"),
    ("Sergei", "en", "Сергей"),
    ("Serguei", "en", "Сергей"),
    ("Serhiy", "en", "Сергей"),
    ("Sergej", "ru", "Сергей"),
    ("Сергій", "ru", "Сергей"),
    ("Саша", "ru", "Александр"),
    ("Сашка", "ru", "Александр"),
    ("Шура", "ru", "Александр"),
    ("Шурик", "ru", "Александр"),
    ("Саня", "ru", "Александр"),
    ("Сашеньке", "ru", "Александр"),
    ("Шурику", "ru", "Александр"),
    ("Sasha", "en", "Александр"),
    ("Alexander", "en", "Александр"),
    ("Oleksandr", "en", "Александр"),
    ("Олександр", "ru", "Александр"),
    ("Аляксандр", "ru", "Александр"),
    ("Лёша", "ru", "Алексей"),
    ("Леша", "ru", "Алексей"),
    ("Алёше", "ru", "Алексей"),
    ("Алёшеньке", "ru", "Алексей"),
    ("Лёхой", "ru", "Алексей"),
    ("Лёшин", "ru", "Алексей"),
    ("Alyosha", "en", "Алексей"),
    ("Alexei", "en", "Алексей"),
    ("Aleksey", "en", "Алексей"),
    ("Alyoshe", "ru", "Алексей"),
    ("Машенька", "ru", "Мария"),
    ("Маше", "ru", "Мария"),
    ("Марией", "ru", "Мария"),
    ("Maria", "en", "Мария"),
    ("Наташа", "ru", "Наталья"),
    ("Natalia", "en", "Наталья"),
    ("Катюша", "ru", "Екатерина"),
    ("Kateryna", "en", "Екатерина"),
    ("Юля", "ru", "Юлия"),
    ("Julia", "en", "Юлия"),
    ("Iuliia", "en", "Юлия"),
    ("Yuliya", "en", "Юлия"),
    ("Микола", "ru", "Николай"),
    ("Mykola", "en", "Николай"),
    ("Колей", "ru", "Николай"),
    ("Дмитро", "ru", "Дмитрий"),
    ("Dmytro", "en", "Дмитрий"),
    ("Димой", "ru", "Дмитрий"),
    ("Волкова", "ru", "Волков"),
    ("Волковой", "ru", "Волков"),
    ("Волковых", "ru", "Волков"),
    ("Волковым", "ru", "Волков"),
    ("Volkov", "en", "Волков"),
    ("Volkova", "en", "Волков"),
    ("Volkoff", "en", "Волков"),
    ("Кузьминой", "ru", "Кузьмин"),
    ("Kuzmina", "en", "Кузьмин"),
    ("Вольская", "ru", "Вольский"),
    ("Volskaya", "en", "Вольский"),
    ("Громовой", "ru", "Громов"),
    ("Ёлкина", "ru", "Елкин"),
    ("Artyom", "en", "Артём"),
    ("Артем", "ru", "Артём"),
    ("Щербаков", "ru", "Shcherbakov"),
    ("Scherbakov", "en", "Щербаков"),
    ("Павла", "ru", "Павел"),
    ("Льва", "ru", "Лев"),
    ("Петром", "ru", "Пётр"),
    ("Pyotr", "en", "Пётр"),
]
# Different people must not share a key.
DIFFERENT = [
    ("Александр", "Алексей"),
    ("Сергей", "Серафим"),
    ("Волков", "Волин"),
    ("Мария", "Марина"),
    ("Nina", "Ninel"),
]


@pytest.mark.parametrize(("form", "lang", "base"), SAME)
def test_forms_key_like_the_base(form: str, lang: str, base: str) -> None:
    base_lang = "ru" if any("\u0400" <= ch <= "\u04ff" for ch in base) else "en"
    assert name_token_key(form, lang) == name_token_key(base, base_lang)


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert name_token_key(one, "ru") != name_token_key(other, "ru")
