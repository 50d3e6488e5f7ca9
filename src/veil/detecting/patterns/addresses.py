"""Street addresses, in Russian ("ул. Ленина, д. 5, кв. 12") and English ("12 Baker Street, Apt 4").

An address is a street word with a name, plus the house, building and flat numbers that follow; or a
house number before an English street name. In English text Russian, Ukrainian and Polish addresses are
written in Latin letters too: "Lenina str. 45, apt. 12", "ul. Długa 15/7", "vulytsia Shevchenka 12",
"Flat 4, 22 Nevsky Prospekt", "on Lesnaya 14, office 3" (a street name of a Russian shape, after a
preposition, with its house number), and in a lower-case transcript "gagarina street house seventeen
flat nine". The whole address is one direct identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.patterns.spoken import DIGIT_WORDS
from veil.detecting.rules import caseless, finditer_if_any, matches_from, word_starts
from veil.findings import Detection, Kind, Label, Passage, Why

_RU_STREET_WORD = (
    r"(?:ул\.|улиц[аеуы]|улицей|пр-т|пр-кт|просп\.|проспект[аеу]?|пер\.|переул(?:ок|ка|ке)|"
    r"б-р|бульвар[аеу]?|ш\.|шоссе|наб\.|набережн(?:ая|ой|ую)|пл\.|площад(?:ь|и)|мкр\.?|микрорайон[аеу]?|"
    r"проезд[аеу]?|тупик[аеу]?|аллея|аллее|линия|линии|кв-л|квартал[аеу]?)"
)
_RU_NAME = r"(?:\d{1,3}-?(?:я|й|го|ой)?\s)?[А-ЯЁ0-9][\w\-]*(?:\s[А-ЯЁ][\w\-]*){0,3}"
_RU_NAME_FIRST = r"[А-ЯЁ][\w\-]*(?:\s[А-ЯЁ][\w\-]*){0,2}"
_RU_HOUSE = r"(?:,?\s*(?:д\.|дом[аеу]?|д)\s*№?\s*\d+[\w/\-]*)"
_RU_PART_WORD = r"(?:корп\.|корпус|к\.|стр\.|строение|кв\.|квартира|квартиры|квартире|оф\.|офис|подъезд|эт\.|этаж)"
_RU_PARTS = rf"(?:,?\s*{_RU_PART_WORD}\s*\d+[\w/\-]*)"
_RU_ADDRESS = re.compile(
    rf"(?<![\w])(?:{_RU_STREET_WORD}\s*{_RU_NAME}|{_RU_NAME_FIRST}\s{_RU_STREET_WORD})"
    rf"(?:{_RU_HOUSE}(?:{_RU_PARTS})*|,?\s*\d+[\w/\-]*(?:{_RU_PARTS})*)?",
)
_RU_BARE_HOUSE = re.compile(rf"(?<![\w])(?:дом|д\.)\s*№?\s*\d+[\w/\-]*(?:{_RU_PARTS})+")

_EN_STREET_TYPE = (
    r"(?:Street|St\.?|Str\.|str\.|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Court|"
    r"Ct\.?|Place|Pl\.?|Square|Sq\.?|Terrace|Way|Close|Crescent|Highway|Hwy\.?|Parkway|Row|Walk|Mews|Gardens|"
    r"Prospekt|Prospect|Pr\.|Embankment|Naberezhnaya|Shosse|Pereulok|Lane|Ulitsa|Bulvar|Proezd)"
)
_EN_NUMBER = rf"(?:\d{{1,5}}[\w/\-]*|(?i:{DIGIT_WORDS}))"
_EN_PART_WORD = (
    r"(?i:apt\.?|apartment|flat|suite|unit|office|house|building|bldg\.?|block|bld\.?|kv\.?|korpus|entrance|#)"
)
_EN_PARTS = rf"(?:,?[ \t]*{_EN_PART_WORD}[ \t]*(?:No\.?\s*)?{_EN_NUMBER})"
_EN_UNIT_FIRST = r"(?:(?:Apt\.?|Apartment|Flat|Suite|Unit|Office)\s*\d+\w*,?\s+)?"
_EN_ADDRESS = re.compile(
    rf"(?<![\w]){_EN_UNIT_FIRST}\d{{1,5}}[A-Za-z]?(?:-\d{{1,5}})?,?\s+(?:[A-Z][\w'\-]*\s+){{1,3}}"
    rf"{_EN_STREET_TYPE}(?![\w]){_EN_PARTS}*",
)
# The street name first, then its house number: "Lenina str. 45, apt. 12", "Nevsky Prospekt 22".
_EN_NAME_FIRST = re.compile(
    rf"(?<![\w])(?:[A-Z][\w'\-]*\s+){{1,3}}{_EN_STREET_TYPE}(?![\w]),?\s*(?:(?i:house|bld\.?|No\.?)\s*)?"
    rf"\d{{1,5}}[\w/\-]*(?!\s*(?i:km|kilomet|miles?|m|metres|meters|minutes|min)\b){_EN_PARTS}*"
)
# A transliterated street word before the name: "ul. Długa 15/7", "vulytsia Shevchenka 12".
_EN_WORD_FIRST = re.compile(
    r"(?<![\w])(?i:ul\.|ulitsa|ulitsy|ulitse|vul\.|vulytsia|vulytsi|vulitsa|prospekt|prosp\.|pr-t|pereulok|per\.|"
    r"bulvar|shosse|naberezhnaya|proezd|al\.|aleja|ulica)\s*(?:[A-Z][\w'\-]*\s+){0,2}[A-Z][\w'\-]*,?\s*"
    rf"(?:(?i:house|d\.|dom|No\.?)\s*)?\d{{1,5}}[\w/\-]*{_EN_PARTS}*"
)
# A street name of a Russian shape right after a preposition, with its house number: "on Lesnaya 14".
_EN_RUSSIAN_STREET = re.compile(
    r"\b(?:on|at|from)\s(?P<address>(?P<street>[A-Z][a-z]+(?:aya|oy|ova|eva|ina|yna|ogo|ago))\s+\d{1,3}[a-z]?"
    r"(?:/\d{1,4})?(?!\d)"
    rf"(?![\w.,]\d){_EN_PARTS}*)"
)
# A street of a Russian adjective's shape, without a house number, after "on": "the branch on Ligovsky",
# "the kindergarten on Sadovaya", "the pyaterochka on sovetskaya" (a model takes it for a surname).
_EN_STREET_ALONE = re.compile(
    r"\b(?i:on|along|off)\s(?P<address>(?P<street>(?:[A-Z]|(?<=[a-z]\s)[a-z])[a-z]{2,}(?:aya|skiy|sky|skoy|skoi)))"
    r"(?![\w'’-])(?![ \t]+[A-Z])"
)
# In a lower-case transcript: "gagarina street house seventeen flat nine" (a house word is needed).
_EN_LOWER = re.compile(
    r"(?<![\w])[a-z][\w'\-]*\s+(?:street|avenue|prospekt|prospect|lane|road|ulitsa)"
    rf"(?:(?:\s+(?:house|building|flat|apartment|apt)\s+(?:number\s+)?{_EN_NUMBER}))+"
)
_WHY_RU = Why("pattern.address", "ru-street-address", 0.85, "a street address")
_WHY_EN = Why("pattern.address", "en-street-address", 0.85, "a street address")


def _is_place(name: str) -> bool:
    """A country, region or large city (most villages share their names with streets, so not those)."""
    from veil.detecting.en.lexicon import is_public_place

    return is_public_place(name)


def _street_like(name: str, text: str) -> bool:
    """A lone street name: capitalised, or lower-case in a lower-case transcript, and no everyday word
    ("on whisky")."""
    from veil.detecting.en.lexicon import is_common_word
    from veil.linking.propagate import is_lower_text

    return not is_common_word(name) and (name[:1].isupper() or is_lower_text(text))


class AddressDetector(Detector):
    name = "pattern.address"

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        results: list[Detection] = []
        patterns = (
            (_RU_ADDRESS, _WHY_RU), (_RU_BARE_HOUSE, _WHY_RU), (_EN_ADDRESS, _WHY_EN), (_EN_NAME_FIRST, _WHY_EN),
            (_EN_WORD_FIRST, _WHY_EN), (_EN_RUSSIAN_STREET, _WHY_EN), (_EN_LOWER, _WHY_EN),
            (_EN_STREET_ALONE, _WHY_EN),
        )  # fmt: skip
        for pattern, why in patterns:
            for m in self._matches(pattern, text):
                if "street" in pattern.groupindex and _is_place(m.group("street")):
                    continue  # "in Moldova 12 people": a country, not a street
                if pattern is _EN_STREET_ALONE and not _street_like(m.group("street"), text):
                    continue
                start, end = m.span("address") if "address" in pattern.groupindex else m.span()
                end = len(text[start:end].rstrip(" ,")) + start
                if any(d.start < end and start < d.end for d in results):
                    continue
                results.append(found(passage, start, end, label=Label.LOC, kind=Kind.DIRECT, type="address", why=why))
        return results

    @staticmethod
    def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches; patterns that need a word the passage lacks are not run (they try every
        position, a substring test does not)."""
        if pattern is _RU_ADDRESS or pattern is _RU_BARE_HOUSE:
            return pattern.finditer(text) if _CYRILLIC.search(text) else iter(())
        if pattern is _EN_LOWER:
            return finditer_if_any(pattern, text, _LOWER_STREETS)
        if pattern is _EN_STREET_ALONE:
            return finditer_if_any(pattern, text, _ADJECTIVE_ENDINGS)
        if pattern is _EN_WORD_FIRST:  # it starts with its street word, found in lower-cased text
            folded = caseless(text)
            if folded is not None:
                return matches_from(pattern, text, word_starts(_STREET_WORD, folded))
        return pattern.finditer(text)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")  # the Russian patterns' words are all Cyrillic
_LOWER_STREETS = ("street", "avenue", "prospekt", "prospect", "lane", "road", "ulitsa")
_ADJECTIVE_ENDINGS = ("aya", "skiy", "sky", "skoy", "skoi")
_STREET_WORD = re.compile(
    r"ul\.|ulitsa|ulitsy|ulitse|vul\.|vulytsia|vulytsi|vulitsa|prospekt|prosp\.|pr-t|pereulok|per\.|"
    r"bulvar|shosse|naberezhnaya|proezd|al\.|aleja|ulica"
)


@DETECTORS.register(AddressDetector.name)
def _factory() -> Detector:
    return AddressDetector()
