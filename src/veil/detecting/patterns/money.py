"""Sums of money, in English and Russian ("EUR 4,000", "250,000 Swedish kronor", "£150", "50 000 рублей").

An exact sum paid, fined or awarded can point to one case or one transaction; the generalizer keeps its
order of magnitude ("tens of thousands of euros"). Each detection records the amount (``value``) and the
currency (``currency``, an ISO-like code).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.rules import Rule, RuleDetector
from veil.findings import Label

# currency word or symbol -> code
CURRENCIES: dict[str, str] = {
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "€": "EUR", "евро": "EUR",
    "gbp": "GBP", "£": "GBP", "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "фунтов": "GBP",
    "usd": "USD", "$": "USD", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
    "долларов": "USD", "доллара": "USD", "доллар": "USD", "долларам": "USD", "долларами": "USD",
    "rub": "RUB", "₽": "RUB", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "руб": "RUB", "руб.": "RUB", "рублей": "RUB", "рубля": "RUB", "рубль": "RUB", "рублям": "RUB",
    "рублями": "RUB", "рублях": "RUB", "р.": "RUB",
    "trl": "TRL", "try": "TRY", "ytl": "TRY", "turkish liras": "TRY", "turkish lira": "TRY",
    "new turkish liras": "TRY", "liras": "TRY", "lira": "TRY",
    "sek": "SEK", "kronor": "SEK", "swedish kronor": "SEK", "krona": "SEK",
    "pln": "PLN", "zlotys": "PLN", "polish zlotys": "PLN", "zloty": "PLN",
    "ats": "ATS", "schillings": "ATS", "austrian schillings": "ATS",
    "dem": "DEM", "deutsche marks": "DEM", "deutsch mark": "DEM", "deutsch marks": "DEM", "marks": "DEM",
    "chf": "CHF", "swiss francs": "CHF", "francs": "FRF",
    "uah": "UAH", "hryvnias": "UAH", "гривен": "UAH", "гривны": "UAH",
    "kzt": "KZT", "tenge": "KZT", "тенге": "KZT", "gel": "GEL", "lari": "GEL", "лари": "GEL",
    "amd": "AMD", "drams": "AMD", "драмов": "AMD",
}  # fmt: skip
_CODE = r"(?:EUR|GBP|USD|RUB|TRL|TRY|YTL|SEK|PLN|ATS|DEM|CHF|UAH|KZT|GEL|AMD|€|£|\$|₽)"
_CODE_TRIGGER = re.compile(r"EUR|GBP|USD|RUB|TRL|TRY|YTL|SEK|PLN|ATS|DEM|CHF|UAH|KZT|GEL|AMD|[€£$₽]")
_WORD_TRIGGER = re.compile(
    r"[Ee]uro|[Pp]ound|[Dd]ollar|[Rr]oubl|[Rr]ubl|[Ll]ira|[Kk]ron|[Zz]lot|[Ss]chilling|[Mm]arks?\b|[Ff]ranc|[Hh]ryvn|"
    r"tenge|lari\b|drams|евро|доллар|рубл|руб\.?|фунт|гривен|гривн|тенге|лари|драм"
)
_AMOUNT = r"(?P<a>\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+\d?(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
_SCALE = (
    r"(?:\s*(?P<s>(?i:thousand|million|billion|тыс\.?|тысяч[аиу]?|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?)))?"
)
_WORD = (
    r"(?P<c>(?i:(?:new\s+)?turkish\s+lir(?:as|a)|swedish\s+kronor|polish\s+zlotys|austrian\s+schillings|"
    r"deutsch(?:e)?\s+marks?|swiss\s+francs|pounds\s+sterling|us\s+dollars|euros?|pounds?|dollars?|roubles?|rubles?|"
    r"liras?|kronor|krona|zlotys?|schillings|marks|francs|hryvnias|tenge|lari|drams)"
    r"|евро|долларов|доллара?|долларам|долларами|рубл(?:ей|я|ь|ям|ями|ях)|руб\.?|р\.|фунтов|гривен|гривны|тенге|лари|"
    r"драмов)"
    r"(?:\s*\((?:[A-Z]{3})\)?)?"
)
_SCALES = {"thousand": 1e3, "тыс": 1e3, "тысяч": 1e3, "million": 1e6, "млн": 1e6, "миллион": 1e6,
           "billion": 1e9, "млрд": 1e9, "миллиард": 1e9}  # fmt: skip


def _number(raw: str) -> float | None:
    digits = re.sub(r"[ \u00a0\u202f]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+\d?", digits):
        return float(re.sub(r"[,.]", "", digits))
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+[.,]\d{1,2}", digits):
        return float(re.sub(r"[,.]", "", digits[:-3]))
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None


def _attrs(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    value = _number(match.group("a"))
    if value is None or value <= 0:
        return None
    scale = (match.group("s") or "").lower().rstrip(".")
    for word, factor in _SCALES.items():
        if scale.startswith(word):
            value *= factor
            break
    currency = (match.group("c") or "").lower()
    currency = re.sub(r"\s*\(.*$", "", " ".join(currency.split()))
    code = CURRENCIES.get(currency) or CURRENCIES.get(currency.rstrip("s")) or currency.upper()
    return {"value": str(int(value)), "currency": code, "key": f"{code}:{int(value)}"}


_WHY_NOTE = "a sum of money"
RULES = (
    Rule(
        "code-amount",
        re.compile(rf"(?:(?i:approximately|approx\.|about|some|around)\s+)?(?P<c>{_CODE})\s?{_AMOUNT}{_SCALE}(?!\d)"),
        Label.QUANTITY, "money", _WHY_NOTE, 0.85, 0, _attrs, trigger=_CODE_TRIGGER, reach=40,
    ),
    Rule(
        "amount-word",
        re.compile(rf"(?<![\w.,])(?:(?i:approximately|approx\.|about|some|around|около|"
            rf"почти)\s+)?{_AMOUNT}{_SCALE}\s*{_WORD}(?!\w)"),
        Label.QUANTITY, "money", _WHY_NOTE, 0.85, 0, _attrs, trigger=_WORD_TRIGGER, reach=35,
    ),
    Rule(
        "amount-code",
        re.compile(rf"(?<![\w.,]){_AMOUNT}{_SCALE}\s?(?P<c>{_CODE})(?![\w])"),
        Label.QUANTITY, "money", _WHY_NOTE, 0.8, 0, _attrs, trigger=_CODE_TRIGGER, reach=40,
    ),
)  # fmt: skip


class MoneyDetector(RuleDetector):
    name = "pattern.money"
    rules = RULES


@DETECTORS.register(MoneyDetector.name)
def _factory() -> Detector:
    return MoneyDetector()
