"""Russian, Ukrainian and Belarusian public figures acting publicly stay in the text, in every spelling
and case; a private namesake does not (a common surname alone, or another first name)."""

from __future__ import annotations

import pytest

from tests.ru_support import protect

# (text, the public names that must stay)
PUBLIC = [
    ("Путин объявил мобилизацию, а Зеленский ответил.", ["Путин", "Зеленский"]),
    ("Президент Украины Владимир Зеленский выступил с обращением.", ["Владимир Зеленский"]),
    ("Петро Порошенко приїхав до Києва.", ["Петро Порошенко"]),
    ("Лукашенко и Тихановская снова спорят.", ["Лукашенко", "Тихановская"]),
    ("Аляксандр Лукашэнка выступіў па тэлебачанні.", ["Аляксандр Лукашэнка"]),
    ("Пресс-секретарь Дмитрий Песков заявил, что переговоров нет.", ["Дмитрий Песков"]),
    ("Мы читали интервью Юлии Тимошенко.", ["Юлии Тимошенко"]),
    ("Виталий Кличко снова мэр.", ["Виталий Кличко"]),
    ("Мария Колесникова остаётся в заключении.", ["Мария Колесникова"]),
    ("Zelensky and Lukashenko did not meet.", ["Zelensky", "Lukashenko"]),
    ("Я слушала выступление Залужного.", ["Залужного"]),
]


@pytest.mark.parametrize(("text", "names"), PUBLIC)
def test_public_figures_stay(text: str, names: list[str]) -> None:
    protected = protect(text, lang="en" if text.isascii() else "ru")
    assert [n for n in names if n not in protected] == [], protected


# (text, the private names that must be masked)
PRIVATE = [
    ("Наш сосед Медведев опять напился.", ["Медведев"]),  # a minister's surname, alone: a namesake
    ("Мой одноклассник Андрей Лавров уехал в Грузию.", ["Лавров"]),  # another first name
    ("Наша соседка Тимошенко уехала.", ["Тимошенко"]),
    ("Мой начальник Дмитрий Кулебякин звонил.", ["Кулебякин"]),  # a surname that only starts the same
]


@pytest.mark.parametrize(("text", "names"), PRIVATE)
def test_private_namesakes_are_masked(text: str, names: list[str]) -> None:
    protected = protect(text)
    assert [n for n in names if n in protected] == [], protected
