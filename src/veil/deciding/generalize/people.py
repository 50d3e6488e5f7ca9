"""What a person does and whom they live with: occupations and ranks, family size, school year, relatives.

Occupations (``occupation``, ``rank``) take the level ``group`` (default): the specific job becomes its
common name ("a second-year engineering student" -> "a student", "a primary school teacher" -> "a teacher",
"инженером-теплотехником" -> "инженером", "a Lance Corporal" -> "a soldier"); a subject taught becomes its
field ("teach chemistry" -> "teach science"). Family size (``family-size``, level ``several``) keeps one or
two children and makes three or more "several" ("three children" -> "several children", "мать троих
детей" -> "мать нескольких детей"). School year (``school-grade``, level ``stage``) becomes the stage
("in ninth grade" -> "at secondary school", "в девятом классе" -> "в средних классах"). Relatives are kept
by default; generalised (level ``neutral``) they lose their gender ("my son" -> "my child").
"""

from __future__ import annotations

import re

from veil.deciding.base import DecisionContext
from veil.deciding.generalize.base import GENERALIZERS, Generalizer, Record
from veil.deciding.generalize.en import plural, with_article
from veil.deciding.generalize.ru import inflect_phrase, mention_case
from veil.findings import Detection, Entity
from veil.reference.population import occupation_names

_SEVERAL_RU = {"nomn": "несколько", "accs": "несколько", "gent": "нескольких", "datv": "нескольким",
               "ablt": "несколькими", "loct": "нескольких"}  # fmt: skip
_COUNT_WORD = re.compile(r"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|двое|двух|двоих|"
                         r"трое|тр[её]х|троих|четверо|четыр[её]х|четверых|пятеро|пятерых|пяти|шестеро|шестерых|"
                             r"семеро|семерых)\b")  # fmt: skip
_NEUTRAL = {"son": "child", "daughter": "child", "sons": "children", "daughters": "children", "wife": "partner",
            "husband": "partner", "ex-wife": "former partner", "ex-husband": "former partner", "mother": "parent",
            "father": "parent", "mum": "parent", "mom": "parent", "dad": "parent", "brother": "sibling",
            "sister": "sibling", "brothers": "siblings", "sisters": "siblings", "grandson": "grandchild",
            "granddaughter": "grandchild", "aunt": "relative", "uncle": "relative", "nephew": "relative",
            "niece": "relative", "cousin": "relative"}  # fmt: skip


class OccupationGeneralizer(Generalizer):
    levels = ("group",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        group = next((m.attrs["group"] for m in entity.mentions if m.attrs.get("group")), "other")
        en, ru = occupation_names().get(group, ("worker", "работник"))
        return {"group": group, "en": en, "ru": ru}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        own = mention.attrs.get("generic")
        if mention.lang == "ru":
            generic = own or record["ru"]
            if mention.attrs.get("kind") == "subject":
                return generic
            return inflect_phrase(generic, mention_case(mention, context), mention.attrs.get("number", "sing"))
        generic = own or record["en"]
        if mention.attrs.get("kind") == "subject":
            return generic
        if mention.attrs.get("plural"):
            generic = plural(generic)
        article = mention.attrs.get("article", "")
        if article in {"a", "an"}:
            return with_article(generic)
        return f"{article} {generic}".strip()


class FamilySizeGeneralizer(Generalizer):
    levels = ("several",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        counts = [int(m.attrs.get("count", "0")) for m in entity.mentions]
        return {"several": "1" if max(counts, default=0) >= 3 else ""}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if not record["several"]:
            return mention.text
        if mention.lang == "ru":
            if "многодетн" in mention.text.lower():
                return mention.text
            found = _COUNT_WORD.search(mention.text)
            if found is None:
                return mention.text
            case = "nomn" if found.group().lower().endswith(("ое", "ро")) else "gent"
            word = _SEVERAL_RU[case]
            return mention.text[: found.start()] + word + mention.text[found.end() :]
        return _COUNT_WORD.sub("several", mention.text, count=1)


class SchoolGradeGeneralizer(Generalizer):
    levels = ("stage",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        grade = max(int(m.attrs.get("grade", "0")) for m in entity.mentions)
        return {"stage": "primary" if grade <= 4 else "middle" if grade <= 9 else "upper"}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        stage = record["stage"]
        if mention.lang == "ru":
            return {"primary": "в начальной школе", "middle": "в средних классах", "upper": "в старших классах"}[stage]
        prep = mention.attrs.get("prep", "in")
        school = "primary school" if stage == "primary" else "secondary school"
        return f"at {school}" if prep == "in" else f"{prep} {school}"


class RelativeGeneralizer(Generalizer):
    levels = ("neutral",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        return {"neutral": "1"}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang == "ru":
            return None
        words = mention.text.split()
        last = words[-1].lower()
        return " ".join([*words[:-1], _NEUTRAL.get(last, last)]) if last in _NEUTRAL else mention.text


@GENERALIZERS.register("occupation")
def _occupation() -> Generalizer:
    return OccupationGeneralizer()


@GENERALIZERS.register("rank")
def _rank() -> Generalizer:
    return OccupationGeneralizer()


@GENERALIZERS.register("family-size")
def _family_size() -> Generalizer:
    return FamilySizeGeneralizer()


@GENERALIZERS.register("school-grade")
def _school_grade() -> Generalizer:
    return SchoolGradeGeneralizer()


@GENERALIZERS.register("relative")
def _relative() -> Generalizer:
    return RelativeGeneralizer()
