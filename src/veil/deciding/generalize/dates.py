"""Dates become a month, a season, a year or a part of a decade; relative days and clock times become vague.

Levels: ``month`` (default), ``season``, ``year``, ``decade``. Every date is made at least one step
coarser than written, and at least as coarse as the level: with ``month``, "22 September 2022" becomes
"September 2022", "June 1995" becomes "summer 1995", "1980" becomes "the early 1980s". Birth dates become
a part of a decade whatever the level ("born in 1949" -> "born in the late 1940s"), since they are ages.
"Last Tuesday" becomes "recently", "at 3 a.m." "at night"; in Russian "двадцать третьего сентября" becomes
"в сентябре", "в 2022 году" "в начале 2020-х", "в три часа ночи" "ночью".
"""

from __future__ import annotations

from veil.deciding.base import DecisionContext
from veil.deciding.generalize.base import GENERALIZERS, Generalizer, Record
from veil.deciding.generalize.en import determiner_before
from veil.deciding.generalize.ru import inflect_word, preposition
from veil.findings import Detection, Entity
from veil.lexicon.ru.phrases import PREPOSITIONS

RANKS = {"day": 0, "month": 1, "season": 2, "part": 2, "year": 3, "decade-part": 4, "decade": 5}
TARGETS = ("day", "month", "season", "year", "decade-part", "decade")
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_RU = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring", 6: "summer", 7: "summer",
           8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}  # fmt: skip
SEASONS_RU = {"winter": ("зимой", "зима"), "spring": ("весной", "весна"), "summer": ("летом", "лето"),
              "autumn": ("осенью", "осень")}  # fmt: skip
SEASON_WORDS_RU = {"осен": "autumn", "весн": "spring", "лет": "summer", "зим": "winter"}
RELATIVE_EN = {"last": "recently", "next": "soon", "that": "that day", "this": "that day", "on": "one day",
               "on the following": "the next day"}  # fmt: skip
RELATIVE_RU = {"last": "недавно", "next": "вскоре", "that": "в тот день", "on": "однажды"}
PARTS = {"early": ("the early", "начале", "начала", "началу"), "mid": ("the mid-", "середине", "середины", "середине"),
         "late": ("the late", "конце", "конца", "концу")}  # fmt: skip


def _day_part(hour: int, lang: str) -> str:
    if lang == "ru":
        return "ночью" if hour < 5 or hour >= 23 else "утром" if hour < 12 else "днём" if hour < 17 else "вечером"
    return (
        "at night"
        if hour < 5 or hour >= 23
        else "in the morning"
        if hour < 12
        else "in the afternoon"
        if hour < 17
        else "in the evening"
    )


def _facts(entity: Entity) -> dict[str, str]:
    """The most precise facts any mention of the date gives."""
    best = max(entity.mentions, key=lambda m: -RANKS.get(m.attrs.get("precision", "year"), 9))
    facts = {k: best.attrs.get(k, "") for k in ("precision", "year", "month", "day", "season", "hour", "relation")}
    facts["birth"] = (
        "1" if any(m.attrs.get("birth") or "born" in m.attrs.get("prep", "") for m in entity.mentions) else ""
    )
    return facts


class DateGeneralizer(Generalizer):
    levels = ("month", "season", "year", "decade")

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        facts = _facts(entity)
        precision = facts["precision"]
        if precision in {"relative", "time"}:
            return facts
        if not facts["year"] and precision != "day":
            return None
        own = RANKS.get(precision, 3)
        wanted = max(RANKS[level], own + 1, RANKS["decade-part"] if facts["birth"] else 0)
        target = TARGETS[min(wanted, 5)]
        if target in {"season", "year"} and not facts["year"]:
            target = "month" if facts["month"] else "year"
        year = int(facts["year"]) if facts["year"] else 0
        decade = year // 10 * 10
        part = "early" if year % 10 <= 3 else "mid" if year % 10 <= 6 else "late"
        season = facts["season"] or (SEASONS.get(int(facts["month"]), "") if facts["month"] else "")
        return {**facts, "target": target, "decade": str(decade), "part": part, "season": season}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang == "ru":
            return _russian(record, mention, context)
        return _english(record, mention, context)


def _english(record: Record, mention: Detection, context: DecisionContext) -> str | None:
    if record["precision"] == "relative":
        relation = mention.attrs.get("relation", "on")
        return "one day" if mention.text.lower().startswith("on the") else RELATIVE_EN.get(relation, "one day")
    if record["precision"] == "time":
        return _day_part(int(record["hour"] or 12), "en")
    target, year = record["target"], record["year"]
    if target == "month":
        text = f"{MONTHS_EN[int(record['month']) - 1]} {year}".strip()
    elif target == "season":
        text = f"{record['season']} {year}".strip()
    elif target == "year":
        text = year
    elif target == "decade-part":
        text = f"{PARTS[record['part']][0]} {record['decade']}s".replace("- ", "-")
    else:
        text = f"the {record['decade']}s"
    if mention.attrs.get("prep") == "on" and mention.attrs.get("precision") == "day":
        return f"a day in {text}"
    if text.startswith("the ") and determiner_before(mention, context) == "the":
        return text.removeprefix("the ")
    return text


def _case(mention: Detection, context: DecisionContext) -> tuple[str, str]:
    """(preposition the replacement must start with, case it must be in)."""
    own = mention.attrs.get("prep", "")
    if mention.text.lower().startswith(("в ", "во ")) or not (own or preposition(mention, context)):
        return "в", "loct"
    before = preposition(mention, context) or own
    return "", PREPOSITIONS.get(before, ("gent",))[0]


def _russian(record: Record, mention: Detection, context: DecisionContext) -> str | None:
    if record["precision"] == "relative":
        return RELATIVE_RU.get(mention.attrs.get("relation", "on"), "однажды")
    if record["precision"] == "time":
        return _day_part(int(record["hour"] or 12), "ru")
    prep, case = _case(mention, context)
    target, year = record["target"], record["year"]
    birth = mention.text.endswith(("года", "г.")) and record.get("birth")
    if target == "month":
        month = MONTHS_RU[int(record["month"]) - 1]
        tail = f" {year} года" if year else ""
        return f"{prep} {inflect_word(month, case)}{tail}".strip()
    if target == "season":
        adverb, noun = SEASONS_RU[record["season"]]
        return f"{adverb} {year} года" if prep else f"{inflect_word(noun, case)} {year} года"
    if target == "year":
        return f"в {year} году" if prep else f"{year} года" if case == "gent" else f"{year} году"
    decade = record["decade"]
    if target == "decade-part" and not birth:  # a birth year reads "1990-х годов рождения"
        _, loct, gent, datv = PARTS[record["part"]]
        word = loct if prep else {"gent": gent, "datv": datv}.get(case, gent)
        return f"{prep} {word} {decade}-х".strip()
    if birth:
        return f"{decade}-х годов"
    if prep:
        return f"в {decade}-е годы"
    return f"{decade}-х годов" if case == "gent" else f"{decade}-м годам"


@GENERALIZERS.register("date")
def _factory() -> Generalizer:
    return DateGeneralizer()
