"""Ages become a decade or a part of one, written to fit where the age stood.

Levels: ``decade`` (default: "in his twenties", "twenty-something", "ему за тридцать") and ``range``
("in his late twenties", "ему под сорок"). The record holds the range (``low``, ``high``); rendering
follows the detector's ``form``: "27 years old" and "aged 27" become "in his twenties", "a 27-year-old"
becomes "a twenty-something", "he is 27" becomes "he is twenty-something"; in Russian "тридцать четыре
года" becomes "за тридцать", an adjective ("тридцатилетний") becomes "молодой", "средних лет" or
"пожилой", agreeing with the noun it describes.
"""

from __future__ import annotations

from veil.deciding.base import DecisionContext
from veil.deciding.generalize.base import GENERALIZERS, Generalizer, Record
from veil.deciding.generalize.en import determiner_before, with_article
from veil.deciding.generalize.ru import inflect_word
from veil.findings import Detection, Entity

DECADE_WORDS = {1: "teens", 2: "twenties", 3: "thirties", 4: "forties", 5: "fifties", 6: "sixties", 7: "seventies",
                8: "eighties", 9: "nineties"}  # fmt: skip
TENS_EN = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
TENS_RU_GEN = {2: "двадцати", 3: "тридцати", 4: "сорока", 5: "пятидесяти", 6: "шестидесяти", 7: "семидесяти",
               8: "восьмидесяти", 9: "девяноста", 10: "ста"}  # fmt: skip
TENS_RU = {1: "десять", 2: "двадцать", 3: "тридцать", 4: "сорок", 5: "пятьдесят", 6: "шестьдесят", 7: "семьдесят",
           8: "восемьдесят", 9: "девяносто"}  # fmt: skip


def _span(entity: Entity) -> tuple[int, int] | None:
    for mention in entity.mentions:
        if "value" in mention.attrs:
            value = int(mention.attrs["value"])
            return value, value
        if "low" in mention.attrs:
            return int(mention.attrs["low"]), int(mention.attrs["high"])
    return None


def _part(low: int, high: int) -> str:
    """early/mid/late for a range inside one decade, else ""."""
    if low // 10 != high // 10:
        return ""
    first, last = low % 10, high % 10
    if last <= 3:
        return "early"
    if first >= 7:
        return "late"
    return "mid" if first >= 3 and last <= 6 else ""


class AgeGeneralizer(Generalizer):
    levels = ("decade", "range")

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        found = _span(entity)
        if found is None:
            return None
        low, high = found
        decade = (low // 10) * 10
        if high // 10 != low // 10 and level == "decade":
            return {"low": str(decade), "high": str((high // 10) * 10 + 9), "part": ""}
        part = _part(low, high) if level == "range" else ""
        return {"low": str(decade), "high": str(decade + 9), "part": part, "decade": str(decade // 10)}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        # A hundred and over is written as the nineties: rarer still, so no more precise (and the tables
        # of decade words stop there).
        decade = min(int(record["low"]) // 10, 9)
        if mention.lang == "ru":
            return self._russian(decade, record.get("part", ""), mention)
        return self._english(decade, record.get("part", ""), mention, context)

    @staticmethod
    def _english(decade: int, part: str, mention: Detection, context: DecisionContext) -> str | None:
        form = mention.attrs.get("form", "number")
        poss = mention.attrs.get("poss", "their")
        something = (
            f"{TENS_EN.get(decade, 'ninety')}-something" if decade >= 2 else "a teenager" if decade else "a child"
        )
        if form == "age-of" and not mention.text.lower().startswith("at"):
            return f"the age of {something}" if decade >= 2 else something
        if form in {"years-old", "aged", "age-of", "decade"}:
            if decade == 0:
                return "a young child"
            return f"in {poss} {f'{part} {DECADE_WORDS[decade]}'.strip()}"
        if form == "adjective":
            adjective = something if decade >= 2 else "teenage" if decade else "young"
            return with_article(adjective) if mention.text.lower().startswith(("a ", "an ")) else adjective
        if decade < 2 and determiner_before(mention, context):
            return something.removeprefix("a ")
        return something

    @staticmethod
    def _russian(decade: int, part: str, mention: Detection) -> str | None:
        form = mention.attrs.get("form", "years")
        if form == "adjective":
            value = decade * 10
            word = "несовершеннолетний" if value < 18 else "молодой" if value < 35 else "пожилой" if value >= 60 else ""
            if not word:
                return "средних лет"
            return inflect_word(word, mention.attrs.get("case", "nomn"), mention.attrs.get("number", "sing"),
                                mention.attrs.get("gender", "masc"), animate=True)  # fmt: skip
        if form == "at-age":
            return _russian_at_age(decade, mention.attrs.get("prep", "в"))
        if decade == 0:
            return "меньше десяти лет"
        if decade == 1:
            return "меньше двадцати"
        if part == "early":
            return f"чуть за {TENS_RU[decade]}"
        if part == "mid":
            return f"около {TENS_RU_GEN[decade]} пяти"
        if part == "late":
            return f"под {TENS_RU.get(decade + 1, 'сто')}"
        return f"за {TENS_RU[decade]}"


def _russian_at_age(decade: int, preposition: str) -> str:
    """An age with its preposition, generalised with one that fits ("в 13 лет" -> "в юности",
    "с 24 лет" -> "после двадцати", "дожил до 93 лет" -> "до девяноста с лишним")."""
    if preposition == "с":
        return "с детства" if decade == 0 else "с юности" if decade == 1 else f"после {TENS_RU_GEN[decade]}"
    if preposition == "до":
        return "до совершеннолетия" if decade < 2 else f"до {TENS_RU_GEN[decade]} с лишним"
    return "в детстве" if decade == 0 else "в юности" if decade == 1 else f"в возрасте за {TENS_RU[decade]}"


@GENERALIZERS.register("age")
def _factory() -> Generalizer:
    return AgeGeneralizer()
