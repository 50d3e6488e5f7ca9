"""Russian detection and linking: which mentions make up each person, and an adversarial set that must
be caught in full (transliterated names, diminutives, nicknames, numbers and handles written with spaces)."""

from __future__ import annotations

import pytest

from tests.ru_support import person_mentions, protect

# (text, the mentions of each person entity in order)
PEOPLE = [
    ("Моего мужа зовут Алексей Громов. Лёша взял паспорт. Алёшеньке моему тяжело.",
     [["Алексей Громов", "Лёша", "Алёшеньке"]]),
    ("Волков Сергей Александрович задержан. Сергея Волкова увезли.",
     [["Волков Сергей Александрович", "Сергея Волкова"]]),
    ("Анна Волкова пришла. С. А. Волков не пришёл.", [["Анна Волкова"], ["С. А. Волков"]]),
    ("Sergey Volkov и Сергей Волков — один человек.", [["Sergey Volkov", "Сергей Волков"]]),
    ("Олександр Коваленко приехал. Сашин брат остался.", [["Олександр Коваленко", "Сашин"]]),
    ("вчера саша волков позвонил мне и сказал что волкову страшно", [["саша волков", "волкову"]]),
    ("Микола сказал, что всё хорошо.", [["Микола"]]),
    ("Шурка и Санёк пошли домой.", [["Шурка", "Санёк"]]),
]  # fmt: skip
# (text, secrets that must not survive protection); the comment says what makes each one hard.
ADVERSARIAL = [
    ("Пиши мне в телегу: @ sasha_volkov", ["sasha_volkov"]),  # handle with a space after @
    ("Мой ник в телеграме — s a s h a _ v o l k o v", ["s a s h a"]),  # handle spelled out
    ("Звони: 8 9 1 2 3 4 5 6 7 8 9", ["8 9 1 2 3"]),  # phone digit by digit
    ("Его номер +7 912 345 67 89, пиши.", ["345 67 89"]),  # phone in groups
    ("Номер 8-912-345-67-89 у Лёхи.", ["345-67-89", "Лёхи"]),  # dashes, and a diminutive
    ("Позвони Serguei Volkoff завтра.", ["Serguei", "Volkoff"]),  # French-style transliteration
    ("Это был Seryozha, мой сосед.", ["Seryozha"]),  # Latin diminutive
    ("Передай Alyoshe привет.", ["Alyoshe"]),  # Latin diminutive with a Russian case ending
    ("Лёха Громов уехал.", ["Лёха", "Громов"]),  # nickname-like diminutive
    ("ИНН 5 0 2 4 1 7 3 2 5 9 5 4 для перевода.", ["5 0 2 4 1"]),  # INN digit by digit
    ("Паспорт 45 06 123456 выдан.", ["123456"]),  # passport series and number
    ("vk.com/ sasha.volkov — его страница", ["sasha.volkov"]),  # profile link with a space
    ("почта a . gromov @ yandex . ru", ["gromov"]),  # e-mail written with spaces
    ("Его инстаграм: sasha.volkov_88", ["sasha.volkov_88"]),  # username after a keyword
    ("Мой брат Олексій живе у Харкові.", ["Олексій"]),  # Ukrainian spelling
    ("Пользователь ЖЖ zyalt сообщает.", ["zyalt"]),  # blog handle after a Russian keyword
    ("Шурка и Санёк пошли к Волковым.", ["Шурка", "Санёк", "Волковым"]),  # hypocoristics and a family
    ("Напиши ему в телеграм: t.me/ sasha_volkov88", ["sasha_volkov88"]),  # profile link with a space
    ("Его ник в телеге — @ grom_lesha", ["grom_lesha"]),  # handle with a space after @
    (
        "Мой номер восемь девятьсот двенадцать триста сорок пять шестьдесят семь восемьдесят девять",
        ["девятьсот двенадцать", "шестьдесят семь"],
    ),  # phone number said in words
    (
        "Паспорт сорок пять ноль шесть, номер сто двадцать три четыреста пятьдесят шесть.",
        ["сто двадцать три"],
    ),  # passport number said in words, after "номер"
    ("Звоните: +7 (912) 345 - 67 - 89", ["345 - 67 - 89"]),  # spaces around the dashes
    ("Снилс 154 238 712 60 у меня в телефоне.", ["154 238 712"]),  # SNILS in groups
    ("паспорт 45 06 № 123 456 выдан в 2015", ["123 456", "456"]),  # number in two halves
    ("Мой email: a.gromov [at] yandex [dot] ru", ["a.gromov", "yandex"]),  # e-mail with "at" spelled out
    ("Пиши на ivan.petrov собака mail точка ru", ["ivan.petrov"]),  # the Russian way of spelling it
    ("Пишите Tkachuk_V в вайбере.", ["Tkachuk_V"]),  # username before the messenger's name
    ("ник в инсте: s.a.s.h.a_v", ["s.a.s.h.a_v"]),  # dotted username
    ("Позвони Oleksandr Kovalenko, он поможет.", ["Oleksandr", "Kovalenko"]),  # Ukrainian transliteration
    ("Передай привет Aleksandru Volkovu.", ["Aleksandru", "Volkovu"]),  # Latin letters, Russian dative
    ("Шурик Громов обещал приехать.", ["Шурик", "Громов"]),  # nickname-like diminutive with surname
    ("Это Санёк с пятого этажа, Санька Волков.", ["Санёк", "Санька", "Волков"]),
    ("Мы звали его Серый, а по паспорту он Сергей Волков.", ["Сергей", "Волков"]),
    ("Лёшка и Алёшенька — это один человек, мой сын.", ["Лёшка", "Алёшенька"]),
    ("Volodymyr Tkachuk, мой сосед, пропал.", ["Volodymyr", "Tkachuk"]),  # Latin name opening the sentence
    ("Его зовут Shura, фамилия Volkoff.", ["Shura", "Volkoff"]),  # after naming cues
    ("меня зовут роза, фамилия у меня гладких", ["роза", "гладких"]),  # lower case, after naming cues
    ("Номер машины А 123 ВС 174.", ["А 123 ВС"]),  # plate with spaces
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_mentions_are_linked_to_one_person(text: str, expected: list[list[str]]) -> None:
    assert person_mentions(text) == expected


@pytest.mark.parametrize(("text", "secrets"), ADVERSARIAL)
def test_adversarial_identifiers_are_caught(text: str, secrets: list[str]) -> None:
    protected = protect(text)
    assert not [s for s in secrets if s in protected], protected
