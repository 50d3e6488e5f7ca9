"""E-mail addresses (any script in the local part and domain), also spelled out to dodge filters.

Besides the written form, an address may be written with its symbols in words: "v dot krasnov at
protonmail dot com", "rustam.abd96 [at] gmail [dot] com", "nadya dot kuzmina sixty nine at yandex dot ru",
and in Russian "a.gromov собака yandex точка ru".
Such a spelled address needs a spelled "at" or "dot"; with a bare " at " (an everyday word) the local
part must look made up (a dot, a digit, a spelled symbol) or the domain must be a known mail provider,
so "she worked at the plant dot ..." is never one.
"""

from __future__ import annotations

import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.patterns.spoken import DIGIT_WORDS
from veil.findings import Detection, Kind, Label, Passage, Why

# Top-level domains of the places testimonies come from and the big generic ones: a spelled address
# must end in one ("... dot ru"), so an ordinary "at ... dot" sentence is not taken for one.
_TLDS = (
    r"com|ru|net|org|ua|by|kz|ge|am|az|uz|kg|md|su|рф|de|uk|pl|fr|eu|io|me|info|edu|gov|lt|lv|ee|fi|il|tr|ch|at|"
    r"nl|cz|co"
)
MAIL_PROVIDERS = frozenset(
    """
    gmail googlemail mail yandex ya protonmail proton pm outlook hotmail live yahoo icloud me ukr i rambler bk
    inbox list gmx tutanota tuta zoho aol web t-online meta
    """.split()  # noqa: SIM905
)
# A single space may stand around "@" and the dots ("a . gromov @ yandex . ru"), as people write
# addresses to dodge filters.
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w+-]+(?: ?\. ?[\w+-]+)* ?@ ?[\w-]+(?: ?\. ?[\w-]+)* ?\. ?[^\W\d_]{2,}(?![\w-])",
)
_WHY = Why("pattern.email", "email-address", 0.99, "looks like an e-mail address")

# Russian speakers spell "@" as "собака" and "." as "точка" ("a.gromov собака yandex точка ru").
_BRACKETED_AT = r"\s*[\[(]\s*(?:at|собака)\s*[\])]\s*|\s+собака\s+"
_SPELLED_DOT = r"(?:\s*[\[(]\s*(?:dot|точка)\s*[\])]\s*|\s+(?:dot|точка)\s+)"
_JOIN = rf"(?:{_SPELLED_DOT}|\s+(?:underscore|dash|hyphen)\s+|[._+-])"
_LOCAL_WORD = r"[^\W_][\w+-]*"
# The local part is atomic: an "at" can only follow its longest chain of words and joins (a join is
# never an "at"), and without the retries of shorter chains at every word the search is twice as fast.
_SPELLED_EMAIL = re.compile(
    rf"(?i)(?<![\w.+-])(?P<local>(?>{_LOCAL_WORD}(?:{_JOIN}{_LOCAL_WORD})*)(?:\s+{DIGIT_WORDS})?)"
    rf"(?P<at>{_BRACKETED_AT}|\s+at\s+|\s*@\s*)"
    rf"(?P<domain>[^\W_][\w-]*(?:(?:{_SPELLED_DOT}|\s?\.\s?)[^\W_][\w-]*)*)"
    rf"(?P<dot>{_SPELLED_DOT}|\s?\.\s?)(?P<tld>{_TLDS})(?![\w-])",
)
_MADE_UP_LOCAL = re.compile(r"(?i)[\d._+\-\[(]|\s(?:dot|underscore|dash|hyphen)\s")
_WHY_SPELLED = Why("pattern.email", "spelled-email-address", 0.9, "an e-mail address with its symbols in words")


class EmailDetector(Detector):
    name = "pattern.email"

    def detect(self, passage: Passage) -> list[Detection]:
        results = []
        if "@" in passage.text:
            results = [
                found(passage, m.start(), m.end(), label=Label.CODE, kind=Kind.DIRECT, type="email", why=_WHY)
                for m in _EMAIL.finditer(passage.text)
            ]
        for m in _SPELLED_EMAIL.finditer(passage.text):
            if _is_spelled_address(m) and not any(d.start < m.end() and m.start() < d.end for d in results):
                results.append(found(passage, m.start(), m.end(), label=Label.CODE, kind=Kind.DIRECT, type="email",
                                     why=_WHY_SPELLED))  # fmt: skip
        return results


def _is_spelled_address(match: re.Match[str]) -> bool:
    """A spelled "at" or "dot" somewhere; a bare " at " needs a made-up local part or a mail provider."""
    at, dot, domain = match.group("at").strip().lower(), match.group("dot").strip().lower(), match.group("domain")
    spelled_dot = "dot" in dot or "точка" in dot or re.search(r"(?i)\b(?:dot|точка)\b", domain) is not None
    if at not in {"at", "@"}:
        return True  # "[at]", "(at)"
    if at == "@":
        return spelled_dot
    if not spelled_dot:
        return False
    first_label = re.split(r"(?i)\s*[\[(]?\s*\b(?:dot|точка)\b|\.", domain)[0].strip().lower()
    return _MADE_UP_LOCAL.search(match.group("local")) is not None or first_label in MAIL_PROVIDERS


@DETECTORS.register(EmailDetector.name)
def _factory() -> Detector:
    return EmailDetector()
