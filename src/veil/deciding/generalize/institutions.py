"""Institutions become their kind: "a technical university", "an administrative court", "на электростанции".

One level, ``kind``. The English replacement keeps the generic words of a capitalised name ("Kayseri
Administrative Court" -> "administrative court", "Ege University Hospital" -> "university hospital")
and uses the detector's head noun for descriptions ("the polytechnic in Chelyabinsk" -> "technical
university"); it takes "a"/"an" unless a determiner is already written before it. The Russian replacement
is the head noun phrase in the case of the original ("в школе № 5" -> "в школе", "на ТЭЦ-3" -> "на
электростанции", "Басманный районный суд" -> "районный суд"). The record keeps one English and one Russian
kind per entity, so an institution reads the same wherever it is met.
"""

from __future__ import annotations

import re

from veil.deciding.base import DecisionContext
from veil.deciding.generalize.base import GENERALIZERS, Generalizer, Record
from veil.deciding.generalize.en import determiner_before, with_article
from veil.deciding.generalize.places import where
from veil.deciding.generalize.ru import inflect_phrase, mention_case
from veil.deciding.public import generic_part
from veil.findings import Detection, Entity
from veil.reference.places import gazetteer

_PLACE_TAIL = re.compile(r"\s(?:in|of|at|near)\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)$")

# fine type -> (English kind, Russian kind) when a mention's language has no own head noun
KINDS = {
    "university": ("university", "университет"), "school": ("school", "школа"), "hospital": ("hospital", "больница"),
    "court": ("court", "суд"), "prison": ("prison", "колония"), "company": ("company", "компания"),
    "media": ("media outlet", "редакция"), "party": ("organisation", "организация"),
    "military-unit": ("military unit", "воинская часть"), "police": ("police", "полиция"),
    "government": ("public office", "госучреждение"), "organization": ("organisation", "организация"),
    "plant": ("plant", "предприятие"),
}  # fmt: skip
_RU_GENERIC_KEEP = frozenset(
    {"районный", "городской", "областной", "краевой", "военный", "арбитражный", "мировой", "государственный",
     "федеральный", "технический", "медицинский", "педагогический"}
)  # fmt: skip


def english_kind(mention: Detection, type_: str) -> str:
    head = mention.attrs.get("head") or KINDS.get(type_, ("organisation", ""))[0]
    if mention.attrs.get("personal") or not mention.text[:1].isupper():
        # a model's lower-case description names its own kind ("the agricultural college" is "the college")
        last = mention.text.split()[-1].lower() if mention.text.split() else ""
        return last if not mention.attrs.get("head") and _is_head(last) else head
    generic = generic_part(mention.text, "en").lower()
    if not generic:
        return head
    last = head.split()[-1]
    if last in generic.split() or (not mention.attrs.get("head") and _is_head(generic.split()[-1])):
        return generic  # "Dzerzhinsky district court" is "district court", not "district court organisation"
    return f"{generic} {last}"


def _is_head(word: str) -> bool:
    """A word that names a kind of institution on its own ("court", "school", "hospital")."""
    from veil.detecting.en.institutions import heads

    return word in heads()


def russian_kind(mention: Detection, type_: str) -> str:
    head = mention.attrs.get("head") or KINDS.get(type_, ("", "организация"))[1]
    words = mention.text.split()
    if len(words) > 1 and mention.text[:1].isupper() and not mention.attrs.get("personal"):
        from veil.lexicon.ru.morph import parses

        kept = [str(parses(w.lower())[0].normal_form) for w in words[:-1]]
        adjectives = [w for w in kept if w in _RU_GENERIC_KEEP]
        if adjectives and len(head.split()) == 1:
            return " ".join([*adjectives, head])
    return head


class InstitutionGeneralizer(Generalizer):
    levels = ("kind",)

    def __init__(self, type_: str) -> None:
        self.type = type_

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        record = dict(zip(("en", "ru"), KINDS.get(self.type, ("organisation", "организация")), strict=True))
        for mention in entity.mentions:
            if mention.lang == "ru":
                record["ru"] = russian_kind(mention, self.type)
            else:
                record["en"] = english_kind(mention, self.type)
        return record

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang == "ru":
            return inflect_phrase(record["ru"], mention_case(mention, context), mention.attrs.get("number", "sing"))
        kind = english_kind(mention, self.type) if mention.attrs.get("head") else record["en"]
        kind = f"{kind} {_where(mention)}".strip()
        return kind if determiner_before(mention, context) else with_article(kind)


def _where(mention: Detection) -> str:
    """Where a described institution is ("the polytechnic in Chelyabinsk" -> "in the Urals"), or ""."""
    found = _PLACE_TAIL.search(mention.text) if mention.attrs.get("personal") else None
    if found is None or not gazetteer().knows_latin(found.group(1)):
        return ""
    place = gazetteer().latin(found.group(1))
    return where(place, "macro")[0] if place is not None else ""


for _type in KINDS:

    def _factory(type_: str = _type) -> Generalizer:
        return InstitutionGeneralizer(type_)

    GENERALIZERS.register(_type)(_factory)
