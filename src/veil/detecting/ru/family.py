"""Russian family composition and relatives: "мой сын", "её бывший муж", "двое младших детей", "мать троих
детей", "многодетная", "дочь учится в девятом классе", and the names after a relative ("мой брат Игорь
Сомов", "мужа зовут Алексей Громов").

As in English, relatives are kept by default and counted by the risk report; family size and school grade
are generalised; a capitalised name after a relative word is that relative's name (a person). Relatives are
found word by word: the relative nouns in every case (expanded once from their dictionary forms) after a
possessive ("мой", "её" ...) and up to two modifiers ("бывший", "младшего" ...).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.rules import Rule, RuleDetector, Word, words
from veil.findings import Detection, Kind, Label, Passage, Why
from veil.lexicon.ru.phrases import inflections

RELATIVES = {
    "сын": "m", "дочь": "f", "дочка": "f", "ребёнок": "", "муж": "m", "жена": "f", "супруг": "m", "супруга": "f",
    "мать": "f", "мама": "f", "отец": "m", "папа": "m", "родитель": "", "брат": "m", "сестра": "f",
    "бабушка": "f", "дедушка": "m", "внук": "m", "внучка": "f", "тётя": "f", "дядя": "m", "племянник": "m",
    "племянница": "f", "свекровь": "f", "тёща": "f", "тесть": "m", "свёкор": "m", "зять": "m", "невестка": "f",
    "сноха": "f", "отчим": "m", "мачеха": "f", "пасынок": "m", "падчерица": "f", "жених": "m", "невеста": "f",
}  # fmt: skip
POSSESSIVES = frozenset(
    """мой моя мое моё мои моего моей моему моим моих моем моём мою твой твоя твое твоё твои твоего твоей твоему
    твоим твоих твоем твоём твою наш наша наше наши нашего нашей нашему нашим наших нашем нашу ваш ваша ваше ваши
    вашего вашей вашему вашим ваших вашем вашу свой своя свое своё свои своего своей своему своим своих своем своём
    свою его её ее их""".replace("ё", "е").split()
)
MODIFIERS = ("бывш", "старш", "младш", "покойн", "родн", "двоюродн", "единственн", "приемн", "маленьк", "взросл")
_GAPS = frozenset({" ", ", ", " — ", " – ", " - "})
_COUNT_WORDS = {"двое": 2, "двух": 2, "двоих": 2, "трое": 3, "трёх": 3, "трех": 3, "троих": 3, "четверо": 4,
                "четырёх": 4, "четырех": 4, "четверых": 4, "пятеро": 5, "пятерых": 5, "пяти": 5, "шестеро": 6,
                "шестерых": 6, "семеро": 7, "семерых": 7}  # fmt: skip
_COUNT = rf"(?P<n>\d{{1,2}}|{'|'.join(_COUNT_WORDS)})"
_GRADES = {"перв": 1, "втор": 2, "трет": 3, "четв": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
           "десят": 10, "одиннадцат": 11}  # fmt: skip
_WHY_RELATIVE = Why("ru.family", "relative", 0.7, "a relative of someone in the text")
_WHY_NAME = Why("ru.family", "relative+name", 0.8, "a name given to a relative")


@functools.cache
def relative_forms() -> dict[str, str]:
    """Every case and number form of the relative nouns (``ё`` as ``е``) -> gender."""
    forms: dict[str, str] = {}
    for lemma, gender in RELATIVES.items():
        for form, _, _ in inflections(lemma):
            forms.setdefault(form.replace("ё", "е"), gender)
    return forms


def _size(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    raw = (match.groupdict().get("n") or "").lower()
    count = int(raw) if raw.isdigit() else _COUNT_WORDS.get(raw, 3 if not raw else 0)
    return {"count": str(count), "key": " ".join(match.group(0).lower().split())} if count else None


def _grade(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    raw = match.group("g").lower()
    grade = (
        int(re.sub(r"\D", "", raw))
        if raw[0].isdigit()
        else next((v for stem, v in sorted(_GRADES.items(), key=lambda kv: -len(kv[0])) if raw.startswith(stem)), 0)
    )
    return {"grade": str(grade), "prep": "в", "key": f"grade {grade}"} if 0 < grade <= 11 else None


RULES = (
    Rule(
        "children-count",
        re.compile(rf"(?i:\b{_COUNT}\s+(?:(?:младших|старших|маленьких|несовершеннолетних|взрослых|малолетних)\s+)?(?:детей|дети|ребёнка|ребенка|сыновей|дочерей|внуков))\b"),
        Label.DEM, "family-size", "how many children someone has", 0.75, 0, _size,
        trigger=re.compile(r"[Дд]ет|ребёнк|ребенк|сынов|дочер|внук"), reach=50,
    ),
    Rule(
        "many-children",
        re.compile(r"(?i:\bмногодетн(?:ая|ый|ой|ого|ую|ые|ых|ым|ому|ом)(?:\s+(?:мать|мама|отец|семья|семьи|семье|семью|матерью|мамой))?)\b"),
        Label.DEM, "family-size", "a large family", 0.75, 0, _size, trigger=re.compile(r"[Мм]ногодетн"), reach=30,
    ),
    Rule(
        "school-grade",
        re.compile(r"(?i:\bв\s+(?P<g>\d{1,2}(?:-?[а-я]{1,3})?|(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат)(?:ом|ый|ой|ий))\s+класс(?:е)?)\b"),
        Label.DEM, "school-grade", "a child's school year", 0.75, 0, _grade, trigger=re.compile(r"класс"), reach=40,
    ),
)  # fmt: skip


class RussianFamily(RuleDetector):
    name = "ru.family"
    languages = frozenset({"ru"})
    rules = RULES

    def detect(self, passage: Passage) -> list[Detection]:
        results = super().detect(passage)
        items = words(passage.text)
        forms = relative_forms()
        for index, word in enumerate(items):
            if word.folded in forms:
                results.extend(self._around(passage, items, index, forms[word.folded]))
        return results

    @staticmethod
    def _around(passage: Passage, items: Sequence[Word], index: int, gender: str) -> list[Detection]:
        text = passage.text
        results = []
        first = index
        while first > 0 and first > index - 2 and items[first - 1].folded.startswith(MODIFIERS):
            first -= 1
        if first > 0 and items[first - 1].folded in POSSESSIVES:
            start = items[first - 1].start
            attrs = {"relation": items[index].folded, "gender": gender,
                     "key": " ".join(w.folded for w in items[first - 1 : index + 1])}  # fmt: skip
            results.append(found(passage, start, items[index].end, label=Label.PERSON, kind=Kind.QUASI,
                                 type="relative", why=_WHY_RELATIVE, attrs=attrs))  # fmt: skip
        name_at = index + 1
        if name_at < len(items) and items[name_at].folded == "зовут":
            name_at += 1
        names = _name_after(text, items, index, name_at)
        if names:
            attrs = {"gender": gender} if gender else {}
            results.append(found(passage, items[name_at].start, items[names - 1].end, label=Label.PERSON,
                                 kind=Kind.DIRECT, type="person", why=_WHY_NAME, attrs=attrs))  # fmt: skip
        return results


def _name_after(text: str, items: Sequence[Word], index: int, name_at: int) -> int:
    """The end index of the capitalised name (1-3 words) right after a relative word, or 0."""
    if name_at >= len(items) or text[items[name_at - 1].end : items[name_at].start] not in _GAPS:
        return 0
    end = name_at
    while end < len(items) and end < name_at + 3:
        word = items[end].text
        if not (word[:1].isupper() and "\u0400" <= word[0] <= "\u04ff" and word[1:].islower()):
            break
        if end > name_at and text[items[end - 1].end : items[end].start] != " ":
            break
        end += 1
    return end if end > name_at else 0


@DETECTORS.register(RussianFamily.name)
def _factory() -> Detector:
    return RussianFamily()
