"""Russian details of a person's life that narrow them down in a small town: the car ("на своей белой
Ладе", "старый «Москвич»") and the club, team or circle they belong to or run ("веду шахматный кружок",
"ходит в секцию бокса").

A make counts only after an adjective that makes it a thing someone owns (a colour, "старый", "свой",
"мой" ...) or inside «quotes», so the Volga river, Лада the given name and a Muscovite stay out. The
case of the mention is read off the make's ending and kept, so the generalizer can inflect "машина" or
"автомобиль" to fit the sentence. A club counts when an activity qualifies a word for a group, either
as an adjective ("шахматный кружок") or as a genitive after it ("секция бокса"); the generalizer keeps
the group word as written and drops the activity.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from veil.detecting.rules import Rule, alternation, register_rules
from veil.findings import Label

# make stem -> declension: "a" (Лада: feminine in -а), "c" (Форд: masculine, hard consonant),
# "soft" (Газель: feminine in -ь), "pl" (Жигули), "0" (indeclinable: Ауди, Киа).
MAKES = {
    "Лад": "a", "Нив": "a", "Волг": "a", "Тойот": "a", "Хонд": "a", "Мазд": "a", "Шкод": "a", "Грант": "a",
    "Приор": "a", "Калин": "a", "Вест": "a", "Москвич": "c", "УАЗ": "c", "Форд": "c", "Опель": "c",
    "Фольксваген": "c", "Мерседес": "c", "Ниссан": "c", "Хендай": "0", "Хёндай": "0", "Хундай": "0",
    "Ауди": "0", "БМВ": "0", "Киа": "0", "Шевроле": "0", "Рено": "0", "Пежо": "0", "Ситроен": "c", "Фиат": "c",
    "Вольво": "0", "Субару": "0", "Митсубиси": "0", "Мицубиси": "0", "Джили": "0", "Чери": "0", "Хавейл": "0",
    "Газел": "soft", "Жигул": "pl", "Камаз": "c", "КамАЗ": "c", "Лексус": "c", "Соляри": "0", "Логан": "c",
}  # fmt: skip
ENDINGS = {
    "a": {"а": "nomn", "ы": "gent", "е": "loct", "у": "accs", "ой": "ablt", "ою": "ablt"},
    "c": {"": "nomn", "а": "gent", "у": "datv", "ом": "ablt", "е": "loct"},
    "soft": {"ь": "nomn", "и": "gent", "ью": "ablt"},
    "pl": {"и": "nomn", "ей": "gent", "ям": "datv", "ями": "ablt", "ях": "loct"},
    "0": {"": ""},
}
# What the generalizer says instead, by the make's grammatical gender.
NOUNS = {"a": "машина", "soft": "машина", "pl": "машина", "c": "автомобиль", "0": "машина"}
_OWNED = (
    r"(?:бел|черн|чёрн|сер|красн|син|зелен|зелён|желт|жёлт|бордов|серебрист|темн|тёмн|светл|стар|нов|"
    r"подержанн|ржав|битн|сво|мо|тво|наш|ваш)"
    r"(?:ая|ой|ую|ое|ого|ому|ом|ые|ых|ым|ыми|ий|ый|его|ему|ей|ём|ем|им|ими|ю|я|и|е|ое)"
    r"|его|её|ее|их"
)
ACTIVITY_STEMS = (
    "шахматн", "шашечн", "футбольн", "хоккейн", "баскетбольн", "волейбольн", "боксёрск", "боксерск",
    "борцовск", "танцевальн", "театральн", "хоров", "музыкальн", "художественн", "литературн",
    "фотографическ", "кино", "туристическ", "туристск", "лыжн", "плавательн", "стрелков", "парашютн",
    "авиамодельн", "радиотехническ", "робототехническ", "шахматно-шашечн", "теннисн", "велосипедн",
    "краеведческ", "поэтическ", "дискуссионн", "книжн", "вокальн", "спортивн", "байкерск", "рыболовн",
    "охотничь", "военно-патриотическ", "поисков",
)  # fmt: skip
ACTIVITY_GENITIVES = (
    "бокса", "борьбы", "самбо", "дзюдо", "карате", "тхэквондо", "фехтования", "плавания", "шахмат", "танцев",
    "рисования", "вокала", "пения", "фотографии", "робототехники", "программирования", "гимнастики",
    "лёгкой атлетики", "легкой атлетики", "хоккея", "футбола", "волейбола", "баскетбола", "тенниса",
    "стрельбы", "скалолазания", "туризма", "моделирования", "авиамоделирования", "керамики", "вязания",
    "журналистики", "дебатов", "краеведения", "поэзии", "рукопашного боя", "кикбоксинга", "бальных танцев",
)  # fmt: skip
GROUPS = r"(?:кружок|кружк|клуб|секци|команд|студи|ансамбл|хор|коллектив|групп|объединени)[а-яё]*"
_GROUP_TRIGGER = re.compile(r"(?i)кружо|кружк|клуб|секци|команд|студи|ансамбл|хор|коллектив|групп|объединени")
_ADJ_ENDINGS = r"(?:ый|ий|ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ему|его|ем|им|ей|ья|ье|ьей|ьего|ьему|ьим|ьем|ью|ьи|ьих)?"


@functools.cache
def _forms() -> dict[str, tuple[str, str]]:
    """Every written form of every make -> (declension, case)."""
    forms: dict[str, tuple[str, str]] = {}
    for stem, declension in MAKES.items():
        for ending, case in ENDINGS[declension].items():
            forms[stem + ending] = (declension, case)
        if declension == "soft":
            forms[stem + "е"] = (declension, "loct")
    return forms


def _vehicle(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    make = match.group("make")
    declension, case = _forms()[make]
    before = match.group("car")[: match.start("make") - match.start("car")].rstrip("«")
    attrs = {"key": make.lower(), "noun": NOUNS[declension], "before": before}
    if case:
        attrs["case"] = case
    return attrs


def _activity(match: re.Match[str], text: str) -> Mapping[str, str]:
    return {"group": match.group("g"), "key": " ".join(match.group(0).lower().split())}


def _club(name: str, pattern: str) -> Rule:
    """A rule for a club named with its activity (the activity as an adjective or as a genitive)."""
    return Rule(name, re.compile(pattern), Label.MISC, "activity", "a club or team the person belongs to or runs",
                0.7, 0, _activity, trigger=_GROUP_TRIGGER, reach=50)  # fmt: skip


_MAKE = rf"(?P<make>{alternation(_forms())})"
RULES = (
    Rule(
        "vehicle-make",
        re.compile(rf"(?P<car>(?:(?i:\b(?:{_OWNED}))\s+(?:(?i:{_OWNED})\s+)?«?|«){_MAKE}»?)(?![а-яё])"),
        Label.MISC,
        "vehicle",
        "the make of a car a person drives",
        0.9,
        "car",
        _vehicle,
        trigger=re.compile(alternation(MAKES)),
        reach=50,
    ),
    _club("club-adjective", rf"(?i:\b(?:{alternation(ACTIVITY_STEMS)}){_ADJ_ENDINGS}\s+(?P<g>{GROUPS}))(?![а-яё])"),
    _club("club-genitive", rf"(?i:\b(?P<g>{GROUPS})\s+(?:{alternation(ACTIVITY_GENITIVES)}))(?![а-яё])"),
)


RussianActivities = register_rules("ru.activities", {"ru"}, RULES)
