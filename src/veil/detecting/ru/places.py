"""Russian places tied to a person: towns and villages in any case ("в Челябинске", "из Копейска", "в селе
Кузьминки"), regions ("в Челябинской области", "в Татарстане"), districts ("в Кировском районе"), countries
(with ``personal`` when someone was born, lives or is a citizen there), border crossings ("Верхний Ларс")
and descriptions ("посёлок на границе с Казахстаном").

Names are found by their dictionary form: each capitalised word (only these are candidates) is reduced to
its lemma with pymorphy3, cached, and looked up in the GeoNames gazetteer's Russian names. A name counts
where places stand (after "в", "из", "под" ..., or after "город", "село" ...), or when it is a city of
100 000 people or more written mid-sentence; a name that is also a first name or a common word needs that
context. A place noun before the name ("селе Кузьминки") is part of the span, so the generalizer can keep
it. Every detection records the case of its name word (``case``) for the generalizer.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

from veil.deciding.surrogates import known_given_names
from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.ru.morph import case_of, lemma_of, parses
from veil.detecting.rules import Word, before, fold, table, words
from veil.findings import Detection, Kind, Label, Passage, Why
from veil.lexicon.ru.phrases import governing_preposition
from veil.linking.keys import latin_skeleton
from veil.reference.places import Place, gazetteer

BIG_CITY = 100_000
PLACE_NOUNS = {
    "город": "city", "г": "city", "городок": "city", "посёлок": "village", "поселок": "village", "пгт": "village",
    "пос": "village", "п": "village", "село": "village", "с": "village", "деревня": "village", "д": "village",
    "станица": "village", "ст-ца": "village", "хутор": "village", "аул": "village", "кишлак": "village",
    "микрорайон": "district", "мкр": "district", "район": "district",
}  # fmt: skip
# Place nouns written short count only with their full stop ("г. Копейск", not the preposition "с").
ABBREVIATIONS = frozenset({"г", "с", "д", "п", "пос", "мкр", "ст-ца"})
COUNTRY_ALIASES = {"рф": "RU", "российская федерация": "RU", "сша": "US", "америка": "US", "англия": "GB",
                   "британия": "GB", "белоруссия": "BY", "кыргызстан": "KG", "туркмения": "TM", "молдавия": "MD",
                   "голландия": "NL", "эмираты": "AE", "оаэ": "AE", "корея": "KR", "чехия": "CZ"}  # fmt: skip
_PERSONAL = re.compile(
    r"(?i)(?:родил(?:ся|ась|ись)|родом|вырос(?:ла|ли)?|живу|живёт|живет|живём|живем|живут|жил[аи]?|проживает|"
    r"проживаю|проживал[аи]?|уроженец|уроженка|гражданин|гражданка|граждане|гражданство|переехал[аи]?|"
    r"вернул(?:ся|ась|ись)|задержан[аы]?|арестован[аы]?|служил[аи]?|сидел[аи]?)(?:\s+[а-яё]+)?\s+(?:в|во|из|на)?\s*$"
)
_REGION = re.compile(
    r"\b(?P<adj>[А-ЯЁ][а-яё-]+(?:ой|ая|ую|ий|ом|ого|ому|ым|ей))\s+(?P<noun>област(?:ь|и|ью|ях)|кра(?:й|я|ю|ем|е)|"
    r"округ(?:а|у|ом|е)?|республик(?:а|и|е|у|ой))\b"
)
_DISTRICT = re.compile(r"\b(?P<adj>[А-ЯЁ][а-яё-]+(?:ом|ий|ого|ому|ым|ой))\s+(?P<noun>район(?:а|у|ом|е)?)\b")
_BORDER_TOWN = re.compile(
    r"(?i)\b(?:город|пос[её]л|сел[оеау]|деревн|станиц)\w*\s+(?:прямо\s+)?(?:на|у|возле|около|недалеко\s+от)\s+"
    r"границ\w*\s+с\s+(?P<country>[А-ЯЁ][а-яё]+)"
)
_WHY_GAZETTEER = Why("ru.places", "gazetteer", 0.85, "a town or city in the GeoNames gazetteer")
_WHY_NOUN = Why("ru.places", "place-noun+name", 0.85, "a name introduced as a town, village or district")
_WHY_REGION = Why("ru.places", "region", 0.85, "a region of Russia")
_WHY_COUNTRY = Why("ru.places", "country", 0.85, "a country")
_WHY_CROSSING = Why("ru.places", "border-crossing", 0.85, "a border crossing")
_WHY_BORDER = Why("ru.places", "border-town", 0.7, "a place described by its border")


@functools.cache
def countries() -> dict[str, str]:
    """Lemma of a Russian country name -> ISO code."""
    names = {fold(c.ru): iso for iso, c in gazetteer().countries.items()}
    return {**names, **COUNTRY_ALIASES}


@functools.cache
def regions() -> dict[str, str]:
    """Lemmas of a Russian region's name words ("челябинский", "татарстан") -> GeoNames code."""
    table_: dict[str, str] = {}
    for code, (area, _) in gazetteer().ru_regions.items():
        kept = [w for w in area.ru_loc.split()[1:] if w.lower() not in {"области", "крае", "округе", "республике"}]
        table_[" ".join(lemma_of(w) for w in kept)] = code
    return table_


@functools.cache
def crossings() -> dict[str, tuple[str, str]]:
    """Folded Russian crossing name -> (English name, countries)."""
    return {fold(ru): (en, countries_) for ru, en, countries_ in table("border_crossings.tsv")}


@functools.cache
def prefixes() -> frozenset[str]:
    """First letters of every Russian place, country, region and crossing name: words not starting like one
    are never parsed (only a few capitalised words in a text can be places)."""
    names = [*gazetteer().russian_names(), *countries(), *crossings(), *regions()]
    return frozenset(prefix(name) for name in names)


@functools.cache
def first_words() -> frozenset[str]:
    """First words of the known names that have several ("нижний" of "нижний новгород")."""
    names = [*gazetteer().russian_names(), *countries(), *crossings()]
    return frozenset(name.split()[0] for name in names if " " in name)


def prefix(word: str) -> str:
    """The part of a word that inflection leaves alone, roughly: its first four letters (two if short)."""
    folded = fold(word)
    return folded[:4] if len(folded) >= 6 else folded[:2]


_NOUN_ENDINGS = (
    ("е", ("", "а", "я", "ь")), ("у", ("", "а", "я")), ("ом", ("",)), ("ем", ("", "ь")), ("ой", ("а",)),
    ("ей", ("я", "ь")), ("ою", ("а",)), ("ы", ("а",)), ("и", ("я", "ь", "а", "")), ("а", ("",)), ("я", ("ь", "")),
    ("ю", ("я", "ь")), ("ью", ("ь",)), ("ами", ("ы", "и")), ("ах", ("ы", "и")),
)  # fmt: skip
_ADJECTIVE_ENDINGS = (("ом", ("ий", "ый", "ой")), ("ем", ("ий",)), ("ого", ("ий", "ый", "ой")), ("его", ("ий",)),
                      ("ому", ("ий", "ый", "ой")), ("ему", ("ий",)), ("ым", ("ый", "ий")), ("им", ("ий",)),
                      ("ой", ("ая",)), ("ей", ("яя",)), ("ую", ("ая",)), ("юю", ("яя",)))  # fmt: skip


def candidates(word: str) -> list[str]:
    """Dictionary forms a capitalised word could have, by its ending ("Челябинске" -> "челябинск", ...)."""
    folded = fold(word)
    found = [folded]
    if "-" in folded:
        head, _, rest = folded.partition("-")
        return [f"{c}-{rest}" for c in candidates(head)] + found
    for ending, replacements in (*_ADJECTIVE_ENDINGS, *_NOUN_ENDINGS):
        if folded.endswith(ending) and len(folded) > len(ending) + 2:
            stem = folded[: -len(ending)]
            found.extend(stem + r for r in replacements)
    return found


def lookup(names: Sequence[str], table_: Callable[[str], bool]) -> str | None:
    """The dictionary form of a phrase of capitalised words that ``table_`` knows, trying every reading."""
    options = [candidates(name) for name in names]
    for combination in itertools.product(*options):
        phrase = " ".join(combination)
        if table_(phrase):
            return phrase
    return None


def name_lemma(word: str) -> str:
    """The dictionary form of a capitalised word, preferring a place reading ("Орле" -> "орел")."""
    low = word.lower()
    if "-" in low and re.search(r"-(?:на|он|под|над)-", low):
        head, _, rest = low.partition("-")
        return fold(lemma_of(head) + "-" + rest)
    found = parses(low)
    for parse in found:
        if "Geox" in parse.tag:
            return fold(str(parse.normal_form))
    return fold(str(found[0].normal_form)) if found else fold(low)


def _is_given_name(word: str) -> bool:
    from veil.lexicon.ru.morph import name_forms

    return latin_skeleton(word) in known_given_names() or any(f.role == "first" for f in name_forms(word))


def _is_common_word(word: str) -> bool:
    found = parses(word.lower())
    return bool(found) and not any(t in found[0].tag for t in ("Geox", "Name", "Surn", "Orgn")) and found[0].score > 0.5


class RussianPlaces(Detector):
    name = "ru.places"
    languages = frozenset({"ru"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        items = words(text)
        results = self._regions(passage) + self._described(passage)
        taken = [(d.start, d.end) for d in results]
        known = prefixes()
        for index, word in enumerate(items):
            if word.text[:1].isupper() and "\u0400" <= word.text[0] <= "\u04ff":
                if any(s <= word.start < e for s, e in taken) or prefix(word.text) not in known:
                    continue
                hit = self._at(passage, items, index)
                if hit is not None:
                    results.append(hit)
                    taken.append((hit.start, hit.end))
        return results

    def _at(self, passage: Passage, items: Sequence[Word], index: int) -> Detection | None:
        text = passage.text
        several = any(c in first_words() for c in candidates(items[index].text))
        for length in (3, 2, 1) if several else (1,):
            if index + length > len(items) or not all(w.text[:1].isupper() for w in items[index : index + length]):
                continue
            name_words = items[index : index + length]
            found_name = self._known(name_words, text, index, items)
            if found_name is None:
                continue
            kind, lemma = found_name
            start, end = name_words[0].start, name_words[-1].end
            noun_start, noun = self._noun_before(text, items, index)
            prep = _preposition(text, noun_start if noun else start)
            case = case_of(name_words[-1].text, prep) if not noun else case_of(items[index - 1].text, prep)
            if kind == "crossing":
                en, pair = crossings()[lemma]
                attrs = {"key": f"crossing:{latin_skeleton(en)}", "countries": pair, "case": case}
                return found(passage, noun_start if noun else start, end, label=Label.LOC, kind=Kind.QUASI,
                             type="border-crossing", why=_WHY_CROSSING, attrs=attrs)  # fmt: skip
            if kind == "country":
                iso = countries()[lemma]
                personal = _PERSONAL.search(before(text, start, 50)) is not None
                attrs = {"country": iso, "key": f"country:{iso}", "personal": "1" if personal else "", "case": case}
                return found(passage, start, end, label=Label.LOC, kind=Kind.QUASI, type="country",
                             why=_WHY_COUNTRY, attrs=attrs)  # fmt: skip
            place = gazetteer().russian(lemma)
            if place is not None and self._plausible(text, items, index, length, place, bool(prep or noun)):
                return self._place(passage, place, noun_start if noun else start, end, noun, case)
        return self._unknown_village(passage, items, index)

    @staticmethod
    def _known(name_words: Sequence[Word], text: str, index: int, items: Sequence[Word]) -> tuple[str, str] | None:
        """("crossing" | "country" | "place", dictionary form) for a known name, else ``None``."""
        names = [w.text for w in name_words]
        for kind, known in (("crossing", crossings().__contains__), ("country", countries().__contains__),
                            ("place", gazetteer().knows_russian)):  # fmt: skip
            lemma = lookup(names, known)
            if lemma is None and len(names) == 1 and _preposition(text, name_words[0].start):
                fallback = name_lemma(names[0])
                lemma = fallback if known(fallback) else None
            if lemma is not None:
                return kind, lemma
        return None

    def _unknown_village(self, passage: Passage, items: Sequence[Word], index: int) -> Detection | None:
        text = passage.text
        noun_start, noun = self._noun_before(text, items, index)
        word = items[index]
        if not noun or PLACE_NOUNS.get(noun) not in {"village", "district"} or _is_given_name(word.text):
            return None
        case = case_of(items[index - 1].text, _preposition(text, noun_start))
        attrs = {"key": f"{PLACE_NOUNS[noun]}:{name_lemma(word.text)}", "noun": noun, "case": case}
        return found(passage, noun_start, word.end, label=Label.LOC, kind=Kind.QUASI, type=PLACE_NOUNS[noun],
                     why=_WHY_NOUN, attrs=attrs)  # fmt: skip

    @staticmethod
    def _noun_before(text: str, items: Sequence[Word], index: int) -> tuple[int, str]:
        if index == 0:
            return 0, ""
        previous = items[index - 1]
        gap = text[previous.end : items[index].start]
        abbreviation = previous.folded in ABBREVIATIONS
        if gap.strip() != ("." if abbreviation else "") or (not abbreviation and len(previous.text) < 4):
            return 0, ""
        lemma = (previous.folded if abbreviation else lemma_of(previous.text)).replace("ё", "е")
        if lemma in {n.replace("ё", "е") for n in PLACE_NOUNS}:
            return previous.start, lemma
        return 0, ""

    @staticmethod
    def _plausible(text: str, items: Sequence[Word], index: int, length: int, place: Place, context: bool) -> bool:
        word = items[index].text
        ordinary = latin_skeleton(word) in known_given_names() or _is_common_word(word)
        sentence_start = index == 0 or re.search(r"[.!?:\n]\s*$", text[items[index - 1].end : items[index].start])
        if ordinary:
            return context
        return context or place.population >= BIG_CITY or not sentence_start

    @staticmethod
    def _place(passage: Passage, place: Place, start: int, end: int, noun: str, case: str) -> Detection:
        attrs = {"geo": str(place.id), "country": place.country, "key": f"geo:{place.id}", "case": case}
        if noun:
            attrs["noun"] = noun
        return found(passage, start, end, label=Label.LOC, kind=Kind.QUASI, type="city", why=_WHY_GAZETTEER,
                     attrs=attrs)  # fmt: skip

    @staticmethod
    def _regions(passage: Passage) -> list[Detection]:
        results = []
        for pattern, type_ in ((_REGION, "region"), (_DISTRICT, "district")):
            for match in pattern.finditer(passage.text):
                lemma = name_lemma(match.group("adj"))
                case = case_of(match.group("adj"), _preposition(passage.text, match.start()))
                code = regions().get(lemma) if type_ == "region" else None
                if type_ == "region" and not code:
                    continue
                attrs = {"key": f"region:RU.{code}" if code else f"district:{lemma}", "case": case,
                         **({"admin1": code, "country": "RU"} if code else {})}  # fmt: skip
                why = _WHY_REGION if code else _WHY_NOUN
                results.append(found(passage, *match.span(), label=Label.LOC, kind=Kind.QUASI, type=type_, why=why,
                                     attrs=attrs))  # fmt: skip
        return results

    @staticmethod
    def _described(passage: Passage) -> list[Detection]:
        results = []
        for match in _BORDER_TOWN.finditer(passage.text):
            attrs = {"key": fold(match.group()), "description": "border"}
            results.append(found(passage, *match.span(), label=Label.LOC, kind=Kind.QUASI, type="place-description",
                                 why=_WHY_BORDER, attrs=attrs))  # fmt: skip
        return results


def _preposition(text: str, start: int) -> str:
    return governing_preposition(before(text, start, 60))


@DETECTORS.register(RussianPlaces.name)
def _factory() -> Detector:
    return RussianPlaces()
