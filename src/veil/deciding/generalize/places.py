"""Places become a description of where they are: "a city in the Urals", "в городе на Урале", "a village in
the Chelyabinsk region", "a country in Central Asia".

Towns and cities (``city``) take the level ``macro`` (default: the macro-region of Russia, "the Urals",
or the part of another country, "northern Kazakhstan"), ``region`` (Russia's region: "the Chelyabinsk
region"), ``country``, ``size`` ("a city of about a million people") or ``border`` ("a border town" where
the town lies within 25 km of another country, else as ``macro``). The noun says how big the place is
(a big city, a city, a town, a small town, a village), from its GeoNames population. A Russian mention
keeps its own place noun when it had one ("селе Кузьминки" -> "селе в Челябинской области") and otherwise
gets one in its case ("из Копейска" -> "из города на Урале"). A town named as an attribute ("the Moscow
police") becomes "local".

Russian regions become their macro-region ("a region in the Urals"), districts and unnamed villages "one
district" / "одном из районов", countries tied to a person the wider area ("a country in Central Asia",
"в одной из стран Центральной Азии"), border crossings "a border crossing". The records keep the
English and Russian phrases together, so a town reads the same in both languages of a project.
"""

from __future__ import annotations

from veil.deciding.base import DecisionContext
from veil.deciding.generalize.base import GENERALIZERS, Generalizer, Record
from veil.deciding.generalize.en import determiner_before, with_article
from veil.deciding.generalize.ru import gender_of, inflect_phrase, inflect_word, mention_case, one_of
from veil.findings import Detection, Entity
from veil.reference.places import Place, gazetteer

SIZES = ((500_000, "big city", "крупный город"), (100_000, "city", "город"), (20_000, "town", "город"),
         (5_000, "small town", "небольшой город"), (0, "village", "посёлок"))  # fmt: skip
DIRECTIONS_EN = {
    "north": "northern", "south": "southern", "east": "eastern", "west": "western", "centre": "central",
    "north-east": "north-eastern", "north-west": "north-western", "south-east": "south-eastern",
    "south-west": "south-western",
}  # fmt: skip
DIRECTIONS_RU = {
    "north": "на севере", "south": "на юге", "east": "на востоке", "west": "на западе", "centre": "в центре",
    "north-east": "на северо-востоке", "north-west": "на северо-западе", "south-east": "на юго-востоке",
    "south-west": "на юго-западе",
}  # fmt: skip
NOUNS_RU = {"г": "город", "с": "село", "д": "деревня", "п": "посёлок", "пос": "посёлок", "поселок": "посёлок"}
# Countries wider than this are described by their parts ("northern Kazakhstan"), smaller ones as a whole.
BIG_COUNTRY_KM = 800


def size_of(place: Place) -> tuple[str, str]:
    return next((en, ru) for limit, en, ru in SIZES if place.population >= limit)


def where(place: Place, level: str) -> tuple[str, str, str]:
    """(English "in ..." phrase, Russian locative phrase, scope) describing where ``place`` is."""
    g = gazetteer()
    country = g.country(place.country)
    country_en = country.en if country else "another country"
    country_ru = country.ru_loc if country else "за границей"
    if level == "border":
        neighbour = g.border_country(place)
        other = g.country(neighbour) if neighbour else None
        if other is not None:
            return f"on the border with {other.en}", f"на границе с {inflect_word(other.ru, 'ablt')}", "border"
    if level == "country":
        return f"in {country_en}", country_ru, "country"
    region = g.region(place)
    if level == "region" and region is not None:
        return f"in {region.en}", region.ru_loc, "region"
    macro = g.macro(place)
    if macro is not None:
        return f"in {macro.en}", macro.ru_loc, "macro"
    if country is not None and g.extent_km(place.country) > BIG_COUNTRY_KM:
        direction = g.direction(place)
        return (f"in {DIRECTIONS_EN[direction]} {country_en.removeprefix('the ')}",
                f"{DIRECTIONS_RU[direction]} {country.ru_gen}", "part")  # fmt: skip
    return f"in {country_en}", country_ru, "country"


def hidden_countries(context: DecisionContext) -> set[str]:
    """Countries the document ties to a person (so they are generalised, and no town may name them)."""
    return {
        m.attrs.get("country", "")
        for e in context.entities
        if e.type == "country" and any(m.attrs.get("personal") for m in e.mentions)
        for m in e.mentions
    }


def _place_of(entity: Entity) -> Place | None:
    for mention in entity.mentions:
        if mention.attrs.get("geo"):
            return gazetteer().places.get(int(mention.attrs["geo"]))
    return None


class CityGeneralizer(Generalizer):
    levels = ("macro", "region", "country", "size", "border")

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        place = _place_of(entity)
        if place is None:
            return None
        size_en, size_ru = size_of(place)
        if level == "size":
            rounded = _round_population(place.population)
            return {"en": f"{size_en} of about {rounded} people", "ru_noun": size_ru,
                    "ru_where": f"с населением около {rounded.replace(',', ' ')} человек", "scope": "size",
                    "population": str(place.population), "size": size_en}  # fmt: skip
        where_en, where_ru, scope = where(place, level)
        if scope in {"part", "country"} and place.country in hidden_countries(context):
            area = gazetteer().area_of(place.country)
            where_en, where_ru, scope = f"in {area.en}", area.ru_loc, "area"
        if scope == "border":
            size_en = "border " + size_en.replace("big ", "").replace("small ", "")
            size_ru = "приграничный " + size_ru.replace("крупный ", "").replace("небольшой ", "")
            where_en, where_ru = "", ""
        return {"en": f"{size_en} {where_en}".strip(), "ru_noun": size_ru, "ru_where": where_ru, "scope": scope,
                "population": str(place.population), "size": size_en, "country": place.country,
                "admin1": place.admin1}  # fmt: skip

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang == "ru":
            return self._russian(record, mention, context)
        if mention.attrs.get("attributive"):
            return "local"
        noun = mention.attrs.get("noun", "")
        text = record["en"]
        if noun and noun in {"village", "town", "city", "hamlet", "settlement"}:
            text = text.replace(record["size"], noun, 1) if record["size"] in text else text
        determiner = determiner_before(mention, context)
        return text if determiner in {"a", "an"} else with_article(text) if determiner != "the" else text

    @staticmethod
    def _russian(record: Record, mention: Detection, context: DecisionContext) -> str:
        case = mention_case(mention, context)
        noun = mention.attrs.get("noun", "")
        written = mention.text.split()[0] if noun else ""
        if noun and written.rstrip(".").lower() in NOUNS_RU:
            head = inflect_word(NOUNS_RU[written.rstrip(".").lower()], case)
        elif noun:
            head = written
        else:
            head = inflect_phrase(record["ru_noun"], case)
        return f"{head} {record['ru_where']}".strip()


def _round_population(population: int) -> str:
    if population >= 1_000_000:
        return f"{round(population / 1_000_000, 1):g} million"
    magnitude = 10 ** max(len(str(population)) - 1, 1)
    return f"{round(population / magnitude) * magnitude:,}"


class AreaGeneralizer(Generalizer):
    """Regions, districts, villages without a known place, and other place types."""

    levels = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        if self.kind == "region":
            code = next((m.attrs["admin1"] for m in entity.mentions if m.attrs.get("admin1")), "")
            found = gazetteer().ru_regions.get(code)
            if found is None:
                return {"en": "a region", "ru": "регион", "ru_where": ""}
            macro = gazetteer().macros[found[1]]
            return {"en": f"a region in {macro.en}", "ru": "регион", "ru_where": macro.ru_loc}
        if self.kind == "district":
            return {"en": "a district", "ru": "район", "one_of": "районов"}
        if self.kind == "village":
            return {"en": "a village", "ru": "село", "one_of": ""}
        if self.kind == "border-crossing":
            return {"en": "a border crossing", "ru": "пограничный переход", "ru_where": ""}
        return None

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang != "ru":
            text = record["en"]
            return text.removeprefix("a ") if determiner_before(mention, context) else text
        case = mention_case(mention, context)
        if record.get("one_of"):
            return one_of(record["one_of"], case, gender_of(record["ru"]))
        if self.kind == "village":
            written = mention.text.split()[0]
            noun = NOUNS_RU.get(written.rstrip(".").lower(), written)
            one = inflect_word("один", case, "sing", gender_of(noun))
            return f"{one} {inflect_word(noun, case) if noun != written else written}"
        return f"{inflect_phrase(record['ru'], case)} {record.get('ru_where', '')}".strip()


class CountryGeneralizer(Generalizer):
    """Countries tied to a person become the wider area ("a country in Central Asia")."""

    levels = ("area",)

    def describe(self, entity: Entity, level: str, context: DecisionContext) -> Record | None:
        iso = next((m.attrs["country"] for m in entity.mentions if m.attrs.get("country")), "")
        area = gazetteer().area_of(iso)
        return {"en": f"a country in {area.en}", "ru_gen": area.ru_gen, "adjective": area.adjective}

    def render(self, record: Record, mention: Detection, context: DecisionContext) -> str | None:
        if mention.lang == "ru":
            return one_of(f"стран {record['ru_gen']}", mention_case(mention, context), "femn")
        # "of the Russian Federation": the article is already written ("of the country in ...", never "the a")
        return record["en"].removeprefix("a ") if determiner_before(mention, context) else record["en"]


@GENERALIZERS.register("city")
def _city() -> Generalizer:
    return CityGeneralizer()


@GENERALIZERS.register("region")
def _region() -> Generalizer:
    return AreaGeneralizer("region")


@GENERALIZERS.register("district")
def _district() -> Generalizer:
    return AreaGeneralizer("district")


@GENERALIZERS.register("village")
def _village() -> Generalizer:
    return AreaGeneralizer("village")


@GENERALIZERS.register("border-crossing")
def _crossing() -> Generalizer:
    return AreaGeneralizer("border-crossing")


@GENERALIZERS.register("country")
def _country() -> Generalizer:
    return CountryGeneralizer()
