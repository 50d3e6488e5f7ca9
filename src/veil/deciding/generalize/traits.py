"""Who a person is: nationality, ethnicity, religion, language, health, politics, appearance, rare details.

Each becomes its category, worded to fit the sentence (one level each, named after what it keeps):

- ``nationality`` (``area``): "a Swedish national" -> "a Northern European national", "of Nigerian origin"
  -> "of African origin".
- ``ethnicity`` and ``religion`` (``category``): "a Chechen woman" -> "a woman", "I am Chechen" -> "I am from
  an ethnic minority", "a practising Muslim" -> "a believer", "я татарка" -> "я представительница
  национального меньшинства", "мусульманка" -> "верующая".
- ``language`` (``category``): "Tatar" -> "a minority language", "татарский" -> "язык меньшинства".
- ``health`` (``category``): the condition's generic phrase from the word list ("diabetes" -> "a chronic
  illness", "диабетом" -> "хроническим заболеванием").
- ``politics`` (``category``): what the person did becomes civic activism, in the original verb's tense
  ("I sign every open letter" -> "I take part in civic activism", "подписывала" -> "участвовала ...").
- ``appearance`` (``category``): "a scar on his left cheek" -> "a distinctive mark".
- ``event`` (``category``): the word that makes someone unique goes ("the only" -> "a").
- ``vehicle`` (``category``): the make becomes a car ("a grey Lada" -> "a grey car", "на белой Ладе" -> "на
  белой машине", "на своём Форде" -> "на своём автомобиле": the noun keeps the make's gender).
- ``activity`` (``category``): the club stays, the activity goes ("its chess club" -> "its club",
  "шахматный кружок" -> "кружок", "в секцию бокса" -> "в секцию").
"""

from __future__ import annotations

import re

from veil.deciding.base import DecisionContext
from veil.deciding.generalize.base import GENERALIZERS, Generalizer, Record, preceding
from veil.deciding.generalize.en import determiner_before, with_article
from veil.deciding.generalize.ru import inflect_phrase, inflect_word, mention_case, verb_like
from veil.findings import Detection, Entity
from veil.reference.places import gazetteer

_DETERMINERS = frozenset({"a", "an", "the", "my", "his", "her", "its", "our", "their", "your", "this", "that"})
_CAR_JUST_SAID = re.compile(r"(?i)\bcar\b[^.!?]*$")
_MAJORITY = frozenset({"russian", "orthodox"})
_TENSES_EN = {"base": "take part", "s": "takes part", "past": "took part", "ing": "taking part", "noun": ""}
_APPEARANCE_EN = {
    "mark": "a distinctive mark",
    "height": "very tall",
    "hair": "distinctive hair",
    "gait": "walks with difficulty",
}


class NationalityGeneralizer(Generalizer):
    levels = ("area",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        iso = next((m.attrs["country"] for m in entity.mentions if m.attrs.get("country")), "")
        area = gazetteer().area_of(iso)
        return {"adjective": area.adjective, "ru_gen": area.ru_gen}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang == "ru":
            return None
        text = mention.text
        country = mention.attrs.get("country", "")
        found = gazetteer().country(country)
        names = [n for n in (found.adjective, found.en.removeprefix("the ")) if n] if found else []
        for name in [*sorted(names, key=len, reverse=True), "UK", "US"]:
            if name in text:
                replaced = text.replace(name, record["adjective"], 1)
                if text.lower().startswith(("a ", "an ")):
                    replaced = with_article(replaced.split(" ", 1)[1])
                return replaced
        return None


class GroupGeneralizer(Generalizer):
    """Ethnicity and religion: the person stays, the group goes."""

    levels = ("category",)

    def __init__(self, type_: str) -> None:
        self.type = type_

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        group = next((m.attrs.get("group", "") for m in entity.mentions), "")
        return {"group": group}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if record["group"] in _MAJORITY:
            return mention.text
        if mention.lang == "ru":
            return self._russian(mention, context)
        form = mention.attrs.get("form", "")
        noun = mention.attrs.get("noun", "")
        if form == "noun" and noun:
            return noun
        if self.type == "religion":
            if form == "name":
                return "a religious group" if mention.text.endswith("es") else "a believer"
            return "religious" if form == "predicate" else "a believer"
        return "from an ethnic minority" if form == "predicate" else "a member of an ethnic minority"

    def _russian(self, mention: Detection, context: DecisionContext) -> str:
        case = mention.attrs.get("case") or mention_case(mention, context)
        number = mention.attrs.get("number", "sing")
        female = mention.text.lower().rstrip().endswith(("ка", "ки", "ке", "кой", "ку", "ая", "ой", "ую"))
        if self.type == "religion":
            gender = "femn" if female else "masc"
            return inflect_word("верующий", case, number, gender, animate=True)
        noun = "представительница" if female else "представитель"
        return f"{inflect_phrase(noun, case, number)} национального меньшинства"


class LanguageGeneralizer(Generalizer):
    levels = ("category",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        return {"key": entity.mentions[0].attrs.get("key", "")}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if record["key"] in {"russian", "русский", "по-русски"}:
            return mention.text
        if mention.lang == "ru":
            return "на своём языке" if mention.text.lower().startswith("по-") else "язык меньшинства"
        return "a minority language"


class HealthGeneralizer(Generalizer):
    levels = ("category",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        return {"generic": entity.mentions[0].attrs.get("generic", "")}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        generic = mention.attrs.get("generic") or record["generic"]
        if not generic:
            return None
        if mention.lang == "ru":
            if mention.attrs.get("form") == "short":
                return generic
            return inflect_phrase(generic, mention.attrs.get("case") or mention_case(mention, context))
        if determiner_before(mention, context):
            return re.sub(r"^(?:a|an)\s+", "", generic)
        return generic


class PoliticsGeneralizer(Generalizer):
    levels = ("category",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        return {"category": "civic activism"}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang == "ru":
            verb = mention.attrs.get("verb", "")
            if not verb:
                return inflect_phrase("акция протеста", mention_case(mention, context))
            return f"{verb_like('участвовать', verb)} в общественной жизни"
        tense = mention.attrs.get("tense", "noun")
        if tense == "noun":
            return "a public protest" if not determiner_before(mention, context) else "public protest"
        return f"{_TENSES_EN[tense]} in civic activism"


class AppearanceGeneralizer(Generalizer):
    levels = ("category",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        return {"feature": entity.mentions[0].attrs.get("feature", "mark")}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang == "ru":
            return inflect_phrase("особая примета", mention_case(mention, context))
        text = _APPEARANCE_EN.get(record["feature"], "a distinctive feature")
        return text.removeprefix("a ") if determiner_before(mention, context) else text


class EventGeneralizer(Generalizer):
    levels = ("category",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        return {"drop": "1"}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang == "ru":
            return ""
        return "a"


def _owned(mention: Detection, context: DecisionContext) -> bool:
    """Whether a determiner or a possessive ("its", "Oleg's", "the town's") stands right before."""
    previous = preceding(mention, context).split()
    return bool(previous) and (previous[-1].lower() in _DETERMINERS or previous[-1].endswith(("'s", "’s")))


class VehicleGeneralizer(Generalizer):
    """The span holds the words that make the car someone's ("a grey", "на своей белой"): they are
    written back as they were, before the generic noun."""

    levels = ("category",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        return {"category": "car"}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        before = mention.attrs.get("before", "")
        if mention.lang == "ru":
            noun = mention.attrs.get("noun") or "машина"
            case = mention.attrs.get("case") or mention_case(mention, context)
            return before + inflect_phrase(noun, case)
        # "Oleg's car, a grey Lada" reads "Oleg's car, a grey one", not "a grey car" twice.
        noun = "one" if before.strip() and _CAR_JUST_SAID.search(preceding(mention, context)[-40:]) else "car"
        return before + noun if before.strip() or _owned(mention, context) else "a car"


class ActivityGeneralizer(Generalizer):
    levels = ("category",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        return {"category": "club"}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        group = mention.attrs.get("group", "")
        if not group:
            return None
        if mention.lang == "ru":
            return group
        return group.lower() if _owned(mention, context) else with_article(group.lower())


GENERALIZERS.register("nationality")(NationalityGeneralizer)
GENERALIZERS.register("ethnicity")(lambda: GroupGeneralizer("ethnicity"))
GENERALIZERS.register("religion")(lambda: GroupGeneralizer("religion"))
GENERALIZERS.register("language")(LanguageGeneralizer)
GENERALIZERS.register("health")(HealthGeneralizer)
GENERALIZERS.register("politics")(PoliticsGeneralizer)
GENERALIZERS.register("appearance")(AppearanceGeneralizer)
GENERALIZERS.register("event")(EventGeneralizer)
GENERALIZERS.register("vehicle")(VehicleGeneralizer)
GENERALIZERS.register("activity")(ActivityGeneralizer)
