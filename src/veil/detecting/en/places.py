"""English places tied to a person: towns and cities (from the GeoNames gazetteer), districts and villages
introduced as such ("the village of Kalogrea", "the Borough of Southwark"), Russian regions ("the
Chelyabinsk region"), countries, border crossings and descriptions ("a town on the border with Kazakhstan").

A gazetteer name counts when it is written with a capital and either is a sizeable city or stands where
places stand ("in", "from", "near" ... before it, or ", Germany" after it); names that are also given
names or ordinary words ("Victoria", "Reading") need that context. Every country mention is detected,
with ``personal`` set when it says where someone was born, lives or comes from: the public-context filter
keeps countries named as general context and generalises those tied to a person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from veil.deciding.surrogates import known_given_names
from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.rules import Word, before, finditer_if_any, fold, matches_from, table, word_starts, words
from veil.findings import Detection, Kind, Label, Passage, Why
from veil.linking.keys import latin_skeleton
from veil.linking.propagate import is_lower_text
from veil.reference.places import Place, gazetteer

BIG_CITY = 100_000
# A town name before one of these is an adjective ("the Moscow police"): it becomes "local".
ATTRIBUTIVE_NEXT = frozenset(
    """
    police court factory plant school university hospital prison authorities region district airport
    station council office administration mayor governor branch newspaper
    """.split()  # noqa: SIM905
)
_CONTEXT_BEFORE = frozenset(
    """
    in from to near at of outside around towards via into through born lives moved left reached and or
    city town village visited visit
    """.split()  # noqa: SIM905
)
_PERSONAL = re.compile(
    r"(?i)\b(?:born|raised|grew\s+up|lives?|living|lived|resident|residing|resides|resided|settled|nationals?|"
    r"citizens?|natives?|originally|comes|came|coming|hails|returned|deported|extradited|moved\s+back|arrested|"
    r"detained|stationed|imprisoned|serving|convicted|escorted|arrest)"
    r"|\b(?:I|we|he|she|they)\s+(?:live|lives|lived)\s+(?:now\s+|still\s+|currently\s+)?(?:in|at)\s+$"
    r"(?:\s+\w+){0,2}\s+(?:in|of|from|to)\s+(?:the\s+)?$"
)
COUNTRY_ALIASES = {
    "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "united kingdom of great britain and northern ireland": "GB", "usa": "US",
    "america": "US", "united states of america": "US", "russian federation": "RU", "czechia": "CZ",
    "holland": "NL", "kyrgyz republic": "KG", "kirghizia": "KG", "byelorussia": "BY", "turkiye": "TR",
    "türkiye": "TR", "republic of moldova": "MD", "korea": "KR",
}  # fmt: skip
_KINDS = {
    "village": "village", "hamlet": "village", "settlement": "village", "town": "city", "city": "city",
    "district": "district", "borough": "district", "suburb": "district", "neighbourhood": "district",
    "neighborhood": "district", "quarter": "district", "municipality": "district", "region": "region",
    "province": "region", "county": "region", "oblast": "region", "krai": "region", "republic": "region",
}  # fmt: skip
_NAME = r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}"
_NOUNS = "|".join(_KINDS)
_INTRODUCED = re.compile(
    rf"\b(?:(?:the|a)\s+)?(?P<noun>(?i:{_NOUNS}))\s+of\s+(?P<name>{_NAME})"
    rf"|\b(?:the\s+)?(?P<name2>{_NAME})\s+(?P<noun2>(?i:district|region|province|county|oblast|krai|borough|"
    rf"municipality|village))\b"
)
_BORDER_TOWN = re.compile(
    r"\b(?:a|the)\s+(?:small\s+|little\s+)?(?:town|village|city|settlement)\s+(?:right\s+)?(?:on|near|by|"
    r"close\s+to)\s+the\s+"
    r"(?:border\s+with\s+(?P<country>[A-Z][\w\s]+?)\b|(?P<adj>[A-Z]\w+)\s+border)(?=[\s.,;)])"
)
_CROSSING = re.compile(
    r"\b(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+(?:border\s+)?(?:crossing|checkpoint|border\s+post)\b"
)
_LIVES_IN = re.compile(
    r"\b(?:born|live|lives|living|lived|resides|residing|resident|moved(?:\s+back)?|located|situated|settled|grew\s+up|"
    r"stationed|practising|practicing|based|arrested|detained|detention|custody|imprisoned|"
    r"held)(?:\s+[a-z]+){0,3}?\s+(?:in|to|at)\s+"
    r"(?P<name>[A-Z][\w'’\u2011-]+(?:[ \t\u2011-][A-Z][\w'’\u2011-]+){0,2}"
    r"(?:,[ \t]+[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)?"
    r"(?:[ \t]\([A-Z][\w ]{2,30}\))?)"
)
# The first word of many Russian and Ukrainian place names ("Verkhny Lars", "Nizhny Tagil", "Staraya Russa")
# and of saints' towns ("Saint Petersburg", "St. Petersburg"): a model often tags only the word after it,
# and the half it leaves out still names the place.
_RU_PREFIX = (
    r"(?:Nizhn(?:y|iy|ii|yaya|eye)|Verkhn(?:y|iy|ii|yaya|eye)|Nov(?:y|yy|iy|aya|oye)|Star(?:y|yy|iy|aya|oye)|"
    r"Bolsh(?:oy|oi|aya|oye)|Mal(?:y|yy|aya|oye)|Krasn(?:y|yy|iy|aya|oye)|Sredn(?:y|iy|yaya|eye)|"
    r"Velik(?:y|iy|aya|oye)|Ust)"
)
_PREFIX = rf"(?:{_RU_PREFIX}|Saint|Sankt|St\.?|Upper|Lower|New|Old)"
_PREFIX_BEFORE = re.compile(rf"(?i:\b{_PREFIX})[ \t]+$")
_PREFIX_ALONE = re.compile(rf"(?i:{_PREFIX})")
_NEXT_NAME = re.compile(r"[ \t-]+[A-Z][\w'’]+(?:-[A-Z][\w'’]+)*")
# "Rostov-on-Don", "rostov on don", "Komsomolsk-on-Amur": the river is part of the town's name.
_ON_RIVER = re.compile(r"(?:[ \t]+|-)on(?:[ \t]+|-)(?P<river>[A-Za-z]+)")
_PREFIXED_PLACE = re.compile(rf"\b{_RU_PREFIX}[ \t-]+[A-Z][\w'’]+(?:-[A-Z][\w'’]+)*")
_RU_PREFIX_START = re.compile(_RU_PREFIX)  # where _PREFIXED_PLACE can start (at a word's start)
_WHY_PREFIXED = Why("en.places", "prefix+name", 0.75, "a name after a Russian place-name word (Verkhny, Nizhny ...)")
_WHY_LIVES = Why("en.places", "lives-in+name", 0.75, "a capitalised name where someone lives, was born or was held")
_WHY_GAZETTEER = Why("en.places", "gazetteer", 0.85, "a town or city in the GeoNames gazetteer")
# A little above the model's 0.8, so that "Republic of Dagestan" is a region, not the model's organisation.
_WHY_INTRODUCED = Why("en.places", "place-noun+name", 0.82, "a name introduced as a village, district or region")
_WHY_COUNTRY = Why("en.places", "country", 0.85, "a country")
_WHY_RIVER = Why("en.places", "name+river", 0.85, "a named river, lake or stream")
_DETERMINERS = frozenset(
    {"the", "this", "that", "these", "those", "our", "my", "his", "her", "their", "your", "its", "a", "an",
     "every", "each", "one", "no", "which", "what", "another", "other", "same", "big", "small", "local", "nearby"}
)  # fmt: skip
# "on the Sukhaya river", "the Ishim River": the name before the word is a river's, not a person's
_RIVER = re.compile(r"\b(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)\s+(?:river|River|lake|Lake|stream|creek)\b")
_WHY_EMPLOYER = Why("en.places", "employer-named-like-town", 0.9, "a company where someone works, named like a town")
# Words before a name that make it an employer ("worked as a shift electrician at Apatit", "Employer: ..."):
# a small town's name there is the company named after it, not the town.
_EMPLOYER_BEFORE = re.compile(
    r"(?i)(?:\b(?:work(?:s|ed|ing)?|employed|hired|job)\b[^.;:!?\n]{0,50}?\b(?:at|for|by)|"
    r"\b(?:employer|plant|factory|company|firm)\s*:?)\s+$"
)
_WHY_BORDER = Why("en.places", "border-town", 0.7, "a place described by its border")
_WHY_CROSSING = Why("en.places", "border-crossing", 0.8, "a named border crossing")


@functools.lru_cache(maxsize=65536)
def _known(name: str) -> tuple[str | None, Place | None]:
    """The country (ISO code) and the gazetteer place a name may be; a document repeats its capitalised
    words and runs of them, so each is folded and looked up once."""
    return countries().get(fold(name)), gazetteer().latin(name)


@functools.cache
def countries() -> dict[str, str]:
    """Folded English country name -> ISO code."""
    names = {fold(c.en.removeprefix("the ")): iso for iso, c in gazetteer().countries.items()}
    return {**names, **COUNTRY_ALIASES}


@functools.cache
def region_names() -> dict[str, str]:
    """Folded English name of a Russian region ("chelyabinsk region") -> its GeoNames code."""
    return {fold(area.en.removeprefix("the ")): code for code, (area, _) in gazetteer().ru_regions.items()}


@functools.cache
def ordinary_words() -> frozenset[str]:
    """Place names that are also ordinary English words or names ("reading", "mobile", "victoria")."""
    return frozenset(row[0].lower() for row in table("en_place_words.txt"))


def is_personal(text: str, start: int) -> bool:
    return _PERSONAL.search(before(text, start, 60)) is not None


def widen_place(text: str, start: int, end: int, lower_text: bool = False) -> tuple[int, int]:
    """The span of a place name grown over the words of the name a detector left out: a prefix before it
    ("Saint" Petersburg, "Verkhny" Lars), the name after a lone prefix, and "-on-Don" after a town.

    In cased text the prefix must be capitalised ("the new Moscow office" keeps "new" out)."""
    prefix = _PREFIX_BEFORE.search(text, max(0, start - 12), start)
    if prefix is not None and (lower_text or prefix.group()[:1].isupper()):
        start = prefix.start()
    if _PREFIX_ALONE.fullmatch(text[start:end]) and (following := _NEXT_NAME.match(text, end)):
        end = following.end()
    river = _ON_RIVER.match(text, end)
    if river is not None and gazetteer().knows_latin(f"{text[start:end]}-on-{river.group('river')}"):
        end = river.end()
    return start, end


def place_attrs(place: Place, extra: dict[str, str] | None = None) -> dict[str, str]:
    return {"geo": str(place.id), "country": place.country, "key": f"geo:{place.id}", **(extra or {})}


class EnglishPlaces(Detector):
    name = "en.places"
    languages = frozenset({"en"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        items = words(text)
        results = self._introduced(passage)
        introduced = [(d.start, d.end) for d in results]
        taken = list(introduced)
        lower = frozenset({w.text for w in items if w.text.islower()})
        transcript = is_lower_text(text)
        found_to = 0  # the places found below start at or before their word, so one end covers them all
        for index, word in enumerate(items):
            lower_context = transcript and self._lower_context(items, index)
            if not (lower_context or word.text[:1].isupper()) or word.start < found_to:
                continue
            if any(s <= word.start < e for s, e in introduced):
                continue
            if lower_context:
                hit = self._at(passage, items, index, frozenset(), lower_text=True)
            else:
                hit = self._at(passage, items, index, lower)
            if hit is not None:
                results.append(hit)
                taken.append((hit.start, hit.end))
                found_to = max(found_to, hit.end)
        results.extend(self._described(passage))
        results.extend(self._rivers(passage))
        results.extend(self._lives_in(passage, taken))
        return results

    @staticmethod
    def _rivers(passage: Passage) -> list[Detection]:
        """Small named rivers and lakes, with the word that says so (large ones stay public)."""
        from veil.deciding.public import natural_features, phrase_key
        from veil.detecting.en.lexicon import is_common_word

        results = []
        for match in finditer_if_any(_RIVER, passage.text, ("river", "River", "lake", "Lake", "stream", "creek")):
            name = match.group("name")
            if fold(name) in countries() or phrase_key(name, "en") in natural_features():
                continue  # a large river stays public
            if any(is_common_word(word) or fold(word) in _DETERMINERS for word in re.split(r"[ -]", name)):
                continue  # "The river was cold", "Our lake"
            results.append(found(passage, match.start(), match.end(), label=Label.LOC, kind=Kind.QUASI,
                                 type="place", why=_WHY_RIVER, attrs={"key": f"place:{fold(name)}"}))  # fmt: skip
        return results

    @staticmethod
    def _lives_in(passage: Passage, taken: list[tuple[int, int]]) -> list[Detection]:
        results = []
        for match in _LIVES_IN.finditer(passage.text):
            start, end = match.span("name")
            name = match.group("name")
            if (start, end) in taken or fold(name.split()[0]) in {"the", "a", "an"} or fold(name) in countries():
                continue
            attrs = {"key": f"place:{fold(name)}", "personal": "1"}
            city = re.sub(r"\s*\(.*\)$", "", name).rpartition(",")[2].strip()
            if city != name and gazetteer().knows_latin(city):
                attrs = place_attrs(gazetteer().latin(city), {"key": f"place:{fold(name)}", "personal": "1"})  # type: ignore[arg-type]
            results.append(found(passage, start, end, label=Label.LOC, kind=Kind.QUASI, type="place",
                                 why=_WHY_LIVES, attrs=attrs))  # fmt: skip
        return results

    @staticmethod
    def _lower_context(items: Sequence[Word], index: int) -> bool:
        """In a lower-case transcript: a word after a place preposition that is no everyday word ("in kursk")."""
        from veil.detecting.en.lexicon import is_common_word

        word = items[index]
        return (
            index > 0
            and items[index - 1].folded in _CONTEXT_BEFORE
            and not is_common_word(word.text)
            and word.folded not in ordinary_words()
            and latin_skeleton(word.text) not in known_given_names()
        )

    def _at(
        self, passage: Passage, items: Sequence[Word], index: int, lower: frozenset[str], lower_text: bool = False
    ) -> Detection | None:
        text = passage.text
        for length in (5, 4, 3, 2, 1):
            if index + length > len(items):
                continue
            if not lower_text and length > 1 and not items[index + length - 1].text[:1].isupper():
                continue
            start, end = items[index].start, items[index + length - 1].end
            name = text[start:end]
            if "\n" in name:
                continue
            iso, place = _known(name)
            if iso:
                attrs = {"country": iso, "key": f"country:{iso}", "personal": "1" if is_personal(text, start) else ""}
                return found(passage, start, end, label=Label.LOC, kind=Kind.QUASI, type="country",
                             why=_WHY_COUNTRY, attrs=attrs)  # fmt: skip
            if (
                place is not None
                and place.population < BIG_CITY
                and _EMPLOYER_BEFORE.search(text[max(0, start - 80) : start])
            ):
                return found(passage, start, end, label=Label.ORG, kind=Kind.QUASI, type="company", why=_WHY_EMPLOYER)
            if place is not None and self._plausible(text, items, index, length, place, lower):
                following = items[index + length].folded if index + length < len(items) else ""
                extra = {"attributive": "1"} if following in ATTRIBUTIVE_NEXT else {}
                start, end = widen_place(text, start, end, lower_text)
                if (start, end) != (items[index].start, items[index + length - 1].end):
                    place = gazetteer().latin(_ON_RIVER.sub(r"-on-\g<river>", text[start:end])) or place
                return found(passage, start, end, label=Label.LOC, kind=Kind.QUASI, type="city",
                             why=_WHY_GAZETTEER, attrs=place_attrs(place, extra))  # fmt: skip
        return None

    @staticmethod
    def _plausible(
        text: str, items: Sequence[Word], index: int, length: int, place: Place, lower: frozenset[str]
    ) -> bool:
        previous = items[index - 1].folded if index > 0 else ""
        after = text[items[index + length - 1].end :][:40]
        context = previous in _CONTEXT_BEFORE or re.match(r",\s*[A-Z]", after) is not None
        name = " ".join(w.folded for w in items[index : index + length])
        ordinary = latin_skeleton(name) in known_given_names() or name in lower or name in ordinary_words()
        sentence_start = (
            index == 0 or re.search(r"[.!?:\n]\s*$", text[items[index - 1].end : items[index].start]) is not None
        )
        if ordinary or place.population < BIG_CITY:
            return context
        if length > 1:
            return True  # "Saint Petersburg, 15 November 2022": a city of several words is no sentence's first word
        return context or not sentence_start

    def _introduced(self, passage: Passage) -> list[Detection]:
        results = []
        for match in _INTRODUCED.finditer(passage.text):
            noun = (match.group("noun") or match.group("noun2")).lower()
            name = match.group("name") or match.group("name2")
            if fold(name) in countries():
                continue
            kind = _KINDS[noun]
            attrs: dict[str, str] = {"key": f"{kind}:{fold(name)}", "noun": noun}
            code = region_names().get(fold(f"{name} region")) if kind == "region" else None
            place = gazetteer().latin(name) if kind in {"village", "city"} and gazetteer().knows_latin(name) else None
            if code:
                attrs.update({"admin1": code, "country": "RU", "key": f"region:RU.{code}"})
            elif place is not None:
                attrs = place_attrs(place, {"noun": noun})
            results.append(found(passage, *match.span(), label=Label.LOC, kind=Kind.QUASI,
                                 type="region" if code else kind, why=_WHY_INTRODUCED, attrs=attrs))  # fmt: skip
        return results

    @staticmethod
    def _described(passage: Passage) -> list[Detection]:
        results = []
        prefixed = matches_from(_PREFIXED_PLACE, passage.text, word_starts(_RU_PREFIX_START, passage.text))
        for match in prefixed:
            attrs = {"key": f"place:{fold(match.group())}"}
            results.append(found(passage, *match.span(), label=Label.LOC, kind=Kind.QUASI, type="place",
                                 why=_WHY_PREFIXED, attrs=attrs))  # fmt: skip
        for match in finditer_if_any(_BORDER_TOWN, passage.text, ("border",)):
            attrs = {"key": fold(match.group()), "description": "border"}
            results.append(found(passage, *match.span(), label=Label.LOC, kind=Kind.QUASI, type="place-description",
                                 why=_WHY_BORDER, attrs=attrs))  # fmt: skip
        for match in finditer_if_any(_CROSSING, passage.text, ("crossing", "checkpoint", "border")):
            attrs = {"key": fold(match.group("name"))}
            results.append(found(passage, *match.span(), label=Label.LOC, kind=Kind.QUASI, type="border-crossing",
                                 why=_WHY_CROSSING, attrs=attrs))  # fmt: skip
        return results


@DETECTORS.register(EnglishPlaces.name)
def _factory() -> Detector:
    return EnglishPlaces()
