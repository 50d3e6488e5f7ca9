"""How many people fit what remains of a person's description: a base population times the share of it
that fits each remaining detail.

The base is the population of the most precise place left: the places a generalised town could be (every
town of the same size in the same macro-region, region or country, summed from GeoNames), a kept town's
own population, a country's population, or Russia's when nothing says where. Each other detail multiplies
in the share of people it fits: sex, the age band (from the age structure table), the occupation group
(from the occupation table), family (a parent, a parent of three or more), ethnicity, religion, health and
so on (from the traits table). Shares are treated as independent, which they are not; every figure is an
order of magnitude, and the report says which table each came from.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from veil.findings import Action, Decision, Detection, Entity
from veil.reference.places import Place, gazetteer
from veil.reference.population import (
    age_share,
    occupation_names,
    occupation_share,
    sex_share,
    total_population,
    trait_share,
)

SIZE_LIMITS = ((500_000, 10**9), (100_000, 500_000), (20_000, 100_000), (5_000, 20_000), (0, 5_000))
CHILD_RELATIONS = ("son", "daughter", "child", "children", "kids", "сын", "доч", "ребен", "дет")
SPOUSE_RELATIONS = ("wife", "husband", "spouse", "муж", "жен", "супруг")


@dataclass(frozen=True, slots=True)
class Factor:
    """One remaining detail and how much it narrows the crowd."""

    type: str
    value: str
    share: float
    source: str
    entity: str
    phrase: str


@dataclass(frozen=True, slots=True)
class Base:
    description: str
    population: int
    source: str


def _size_band(population: int) -> tuple[int, int]:
    return next(band for band in SIZE_LIMITS if band[0] <= population < band[1])


def _people(number: int) -> str:
    return f"{number:,}".replace(",", " ")


# Cached: it walks the whole gazetteer, and a batch over an archive asks about the same towns again and
# again (the answer depends only on the bundled gazetteer).
@functools.lru_cache(maxsize=4096)
def place_pool(place: Place, scope: str) -> tuple[int, str]:
    """(people living in the places a description at ``scope`` fits, those places in words)."""
    from veil.deciding.generalize.places import where

    low, high = _size_band(place.population)
    if scope == "kept":
        return place.population, f"the people of one named place of {_people(place.population)}"
    level = {"macro": "macro", "region": "region"}.get(scope, "country")
    pool = [p for p in gazetteer().same_kind(place, level) if low <= p.population < high]
    total = max(sum(p.population for p in pool), place.population)
    size = f"of {_people(low)} or more people" if high >= 10**9 else f"of {_people(low)}–{_people(high)} people"
    where_en = where(place, scope if scope in {"macro", "region", "country"} else "country")[0]
    places = "1 place" if len(pool) <= 1 else f"{len(pool)} places"
    return total, f"the people of towns {size} {where_en} ({places}, about {_people(total)} people in all)"


def level_of(decision: Decision, default: str) -> str:
    """The generalization level a decision used (its reason names it: "city:macro")."""
    for why in decision.why:
        if why.source == "decide.generalize" and ":" in why.rule:
            return why.rule.split(":", 1)[1]
    return default


def base_for(details: Sequence[tuple[Entity, Decision, Detection]], settings_levels: dict[str, str]) -> Base:
    """The population the person is hidden among (see the module docstring)."""
    for entity, decision, mention in details:
        if entity.type == "city" and mention.attrs.get("geo"):
            place = gazetteer().places.get(int(mention.attrs["geo"]))
            if place is not None:
                scope = (
                    "kept"
                    if decision.action == Action.KEEP
                    else level_of(decision, settings_levels.get("city", "macro"))
                )
                population, what = place_pool(place, scope)
                return Base(what, population, "GeoNames, CC BY 4.0")
    for entity, decision, mention in details:
        iso = mention.attrs.get("country", "")
        if entity.type == "country" and mention.attrs.get("personal") and iso and iso != "RU":
            people = sum(p.population for p in gazetteer().in_country(iso))
            country = gazetteer().country(iso)
            where = country.en if decision.action == Action.KEEP and country else "the country"
            return Base(
                f"the people of {where} (towns of 500 or more: an underestimate)", people, "GeoNames, CC BY 4.0"
            )
    return Base("the people of Russia (assumed: nothing in the text says where)", total_population(), "Rosstat 2021")


def factors(details: Sequence[tuple[Entity, Decision, Detection]], gender: str, levels: dict[str, str]) -> list[Factor]:
    """The shares each remaining detail keeps (one factor per kind of detail)."""
    found: dict[str, Factor] = {}
    if gender in {"m", "f"}:
        found["sex"] = Factor("sex", "man" if gender == "m" else "woman", sex_share(gender), "rosstat-2021", "",
                              "a man" if gender == "m" else "a woman")  # fmt: skip
    for entity, decision, mention in details:
        factor = _factor(entity, decision, mention, levels)
        if factor is not None and (factor.type not in found or factor.share < found[factor.type].share):
            found[factor.type] = factor
    return list(found.values())


def _factor(entity: Entity, decision: Decision, mention: Detection, levels: dict[str, str]) -> Factor | None:
    value = decision.display if decision.action != Action.KEEP else mention.text
    kind = entity.type
    if kind == "age":
        low, high = _age_band(mention, decision, level_of(decision, "decade"))
        return Factor("age", value, age_share(low, high), "wpp-2022", entity.id, f"aged {low} to {high}")
    if kind in {"occupation", "rank"}:
        group = mention.attrs.get("group", "other")
        name = occupation_names().get(group, ("worker", ""))[0]
        phrase = ("an " if name[:1] in "aeiouAEIOU" else "a ") + name
        return Factor("occupation", value, occupation_share(group), "rosstat (occupations)", entity.id, phrase)
    if kind in {"relative", "family-size"}:
        return _family(entity, mention, value)
    if kind in {"ethnicity", "religion"}:
        key = mention.attrs.get("group", "other") if decision.action == Action.KEEP else "other"
        share, source = trait_share(kind, key)
        return Factor(
            kind, value, share if decision.action == Action.KEEP else max(share, 0.25), source, entity.id, value
        )
    if kind in {"health", "politics", "appearance", "event", "language", "school-grade", "vehicle", "activity"}:
        key = "disability" if "disab" in value.lower() or "инвалид" in value.lower() else "other"
        share, source = trait_share(kind, key)
        return Factor(kind, value, share, source, entity.id, value)
    if kind in {"military-unit"}:
        share, source = trait_share("military", "any")
        return Factor("military", value, share, source, entity.id, value)
    return None


def _age_band(mention: Detection, decision: Decision, level: str) -> tuple[int, int]:
    if "value" in mention.attrs:
        value = int(mention.attrs["value"])
        low, high = value, value
    else:
        low, high = int(mention.attrs.get("low", "0")), int(mention.attrs.get("high", "99"))
    if decision.action != Action.KEEP:
        decade = low // 10 * 10
        return decade, decade + 9
    return low, high


def _family(entity: Entity, mention: Detection, value: str) -> Factor | None:
    if entity.type == "family-size":
        count = int(mention.attrs.get("count", "0") or 0)
        if count >= 3:
            share, source = trait_share("family", "three-or-more-children")
            return Factor("family", value, share, source, entity.id, "a parent of three or more")
        share, source = trait_share("family", "children")
        return Factor("family", value, share, source, entity.id, "a parent")
    relation = mention.attrs.get("relation", "").lower()
    if relation.startswith(CHILD_RELATIONS):
        share, source = trait_share("family", "children")
        return Factor("family", value, share, source, entity.id, "a parent")
    if relation.startswith(SPOUSE_RELATIONS) or "ex-" in relation or "бывш" in mention.text.lower():
        key = "former-spouse" if ("ex-" in relation or "бывш" in mention.text.lower()) else "spouse"
        share, source = trait_share("family", key)
        return Factor(
            "family-partner", value, share, source, entity.id, "divorced" if key == "former-spouse" else "married"
        )
    return None
