"""Sums of money and lengths of time keep their order of magnitude.

``money`` (level ``magnitude``): "EUR 4,000" -> "thousands of euros", "approximately GBP 268,000" ->
"hundreds of thousands of pounds", "50 000 рублей" -> "десятки тысяч рублей" (in the genitive after
"около", "более", "до" ...: "десятков тысяч рублей"). ``duration`` (level ``range``): a prison term
"14 years" -> "over ten years", "5 years" -> "several years", "8 days" -> "several days".
"""

from __future__ import annotations

import math

from veil.deciding.base import DecisionContext
from veil.deciding.generalize.base import GENERALIZERS, Generalizer, Record
from veil.deciding.generalize.ru import preposition
from veil.findings import Detection, Entity
from veil.lexicon.ru.phrases import PREPOSITIONS

CURRENCY_NAMES = {
    "EUR": ("euros", "евро"), "GBP": ("pounds", "фунтов"), "USD": ("dollars", "долларов"),
    "RUB": ("roubles", "рублей"), "TRL": ("Turkish liras", "турецких лир"), "TRY": ("Turkish liras", "турецких лир"),
    "SEK": ("Swedish kronor", "шведских крон"), "PLN": ("zlotys", "злотых"), "ATS": ("schillings", "шиллингов"),
    "DEM": ("marks", "марок"), "CHF": ("Swiss francs", "франков"),
    "FRF": ("francs", "франков"), "UAH": ("hryvnias", "гривен"), "KZT": ("tenge", "тенге"), "GEL": ("lari", "лари"),
    "AMD": ("drams", "драмов"),
}  # fmt: skip
MAGNITUDES_EN = ("a few", "tens of", "hundreds of", "thousands of", "tens of thousands of",
                 "hundreds of thousands of", "millions of", "tens of millions of", "hundreds of millions of",
                 "billions of")  # fmt: skip
MAGNITUDES_RU = (("несколько", "нескольких"), ("десятки", "десятков"), ("сотни", "сотен"), ("тысячи", "тысяч"),
                 ("десятки тысяч", "десятков тысяч"), ("сотни тысяч", "сотен тысяч"), ("миллионы", "миллионов"),
                 ("десятки миллионов", "десятков миллионов"), ("сотни миллионов", "сотен миллионов"),
                 ("миллиарды", "миллиардов"))  # fmt: skip


class MoneyGeneralizer(Generalizer):
    levels = ("magnitude",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        mention = entity.mentions[0]
        value = int(mention.attrs.get("value", "0") or 0)
        if value <= 0:
            return None
        return {
            "order": str(min(int(math.log10(value)), len(MAGNITUDES_EN) - 1)),
            "currency": mention.attrs.get("currency", ""),
        }

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        order = int(record["order"])
        en, ru = CURRENCY_NAMES.get(record["currency"], ("units of money", "денег"))
        if mention.lang == "ru":
            genitive = PREPOSITIONS.get(preposition(mention, context), ("accs",))[0] == "gent"
            return f"{MAGNITUDES_RU[order][1 if genitive else 0]} {ru}"
        return f"{MAGNITUDES_EN[order]} {en}"


class DurationGeneralizer(Generalizer):
    levels = ("range",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        days = float(entity.mentions[0].attrs.get("days", "0") or 0)
        return {"days": str(days)}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        days = float(record["days"])
        years = days / 365
        if years >= 10:
            return "over ten years"
        if years >= 2:
            return "several years"
        if days >= 60:
            return "several months"
        if days >= 14:
            return "several weeks"
        return "several days"


GENERALIZERS.register("money")(MoneyGeneralizer)
GENERALIZERS.register("duration")(DurationGeneralizer)
