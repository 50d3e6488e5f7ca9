"""English institutions: employers, universities, schools, hospitals, courts, prisons, companies, units.

Two rules. A run of capitalised words that holds an institution head word ("Kayseri Administrative
Court", "Viasat Broadcasting UK Ltd", "Court of Appeal", "Ege University Hospital") is an organisation;
an acronym defined right after it in brackets ("Employment Appeal Tribunal (“EAT”)") becomes another
form of the same entity. And a lower-case description of a particular institution ("the polytechnic in
Chelyabinsk", "the lyceum", "the regional hospital", "the draft office") is one too when it is specific:
a rare kind of institution, or a common one made specific by a modifier or a place.

Each detection carries ``head`` (the generic noun, e.g. "technical university"), which the generalizer
writes, and ``personal`` for the lower-case descriptions, which point at the speaker's own institutions.
The public filter keeps names made only of generic words ("Supreme Court"). A run that ends in "Act",
"Law" or "Code" names a law, not an institution.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from veil.deciding.public import is_generic_name
from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.rules import Word, fold, table, words
from veil.findings import Detection, Kind, Label, Passage, Why

CONNECTORS = frozenset({"of", "the", "for", "and", "de", "du", "des", "la", "le", "von", "für", "on"})
STARTERS = frozenset(
    """
    the a an in on at by from for to of his her their its our my this that these those when after before
    during while since under between with without against upon until following according although
    however moreover furthermore thus therefore subsequently meanwhile finally also then so but and yet
    both each every all some any no neither nor where whereas whether because if as once only even there
    here it
    """.split()  # noqa: SIM905
)
LAWS = frozenset(
    """
    act law code codes regulation regulations convention protocol rules order decree statute
    """.split()  # noqa: SIM905
)
EXTRA_HEADS = {"chamber": ("court", "chamber"), "section": ("court", "section")}
_RARE = (
    r"polytechnic|lyceum|gymnasium|conservatory|garrison|barracks|military\s+unit|power\s+station|power\s+plant|"
    r"penal\s+colony|detention\s+centre|remand\s+centre|boarding\s+school|orphanage"
)
_COMMON = (
    r"university|institute|college|academy|school|hospital|clinic|polyclinic|factory|plant|mine|"
    r"police\s+station|prison|colony|kindergarten|newspaper|church|mosque"
)
_MODIFIER = (
    r"(?:local|regional|district|city|municipal|state|private|technical|medical|pedagogical|military|central|"
    r"main|children's|maternity|psychiatric|oncology|vocational|secondary|primary|high|elementary|music|art|sports|"
    r"tractor|steel|chemical|metallurgical|\d+(?:st|nd|rd|th)|village|town)"
)
_PLACE = r"(?:\s+(?:in|of|at|near)\s+[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?)"
_NUMBER = r"(?:\s+(?:No\.?|no\.?|number|#)\s*\d+)"
_LOWER = re.compile(
    rf"\b(?P<det>the|our|my|his|her|their|a|an|"
    rf"local)\s+(?P<span>(?:(?P<mods>(?:{_MODIFIER}\s+){{1,3}})(?P<common>{_COMMON})"
    rf"|(?:{_MODIFIER}\s+){{0,3}}(?P<rare>{_RARE})|(?P<numbered>{_COMMON}){_NUMBER}|(?P<placed>{_COMMON})(?={_PLACE}))"
    rf"{_NUMBER}?{_PLACE}?)\b"
)
_CAP = r"[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*"
_CAP_NAME = rf"{_CAP}(?:[ \t]+{_CAP}){{0,3}}"
_INTRODUCED = (
    (
        "employer",
        re.compile(
            rf"\b(?:work(?:s|ed|ing)?|employed|job|hired|interned|interning)\s+(?:\w+\s+){{0,2}}?(?:for|at|by|"
            rf"with)\s+(?P<name>{_CAP_NAME})"
        ),
        "company",
        "company",
    ),
    (
        "member-of",
        re.compile(
            r"\b(?:membership\s+of|members?\s+of|involvement\s+in|affiliated\s+with|belong(?:s|ed|ing)?\s+to|joined|"
            r"(?:illegal|armed|terrorist|extremist|banned)\s+organi[sz]ation,)\s+(?:the\s+|an?\s+)?"
            r"(?:(?:illegal|armed|terrorist|extremist|banned|outlawed|political|opposition|"
            r"other)\s+)*(?:organi[sz]ations?,?\s+(?:the\s+)?)?"
            r"(?P<name>[A-Z][\w'’-]*(?:[ \t-][A-Z][\w'’-]*){0,3}(?:\s+\([^()\n]{2,40}\))?)"
        ),
        "party",
        "organisation",
    ),
    (
        "law-firm",
        re.compile(
            rf"(?P<name>{_CAP_NAME}),\s+(?:a\s+firm\s+of\s+)?(?:solicitors|lawyers|attorneys|advocates|"
            rf"a\s+law\s+firm)\b"
        ),
        "company",
        "law firm",
    ),
    (
        "name+lower-head",
        re.compile(
            r"\b(?P<name>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?[ \t](?:court|prison|hospital|clinic|school|university|"
            r"factory|plant|colony|police\s+station))\b"
        ),
        "",
        "",
    ),
)
# The number of a numbered institution belongs to its name: "School No. 5", "Gymnasium № 610".
_NUMBER_AFTER_NO = re.compile(r"\.?\s*\d+[\w/-]*")
_NUMBER_AFTER = re.compile(r"[ \t]*(?:No\.?|№|#)[ \t]*\d+[\w/-]*")
_WHY_CONTEXT = Why("en.institutions", "introduced-name", 0.75, "a name introduced as an employer or an organisation")
# A name in the original language after an institution's English name: "(Stockholms tingsrätt)".
_ORIGINAL_NAME = re.compile(r"\s\((?=[A-ZÀ-ÿ])[^\W\d_][^()\n\d“”\"]{2,40}\)")
_ACRONYM = re.compile(r"\s*\((?:[“\"‘']\s*)?(?P<a>[A-Z][A-Za-z0-9-]{1,9})(?:\s*[”\"’'])?\)")
_WHY_NAME = Why("en.institutions", "capitalised-name+head", 0.8, "a capitalised name with an institution word")
_WHY_ACRONYM = Why("en.institutions", "defined-acronym", 0.8, "an abbreviation defined for an institution")
_WHY_LOWER = Why("en.institutions", "specific-description", 0.75, "a description of one particular institution")


@functools.cache
def heads() -> dict[str, tuple[str, str]]:
    """Head word -> (fine type, generic noun)."""
    found_heads = {head: (type_, generic) for head, type_, generic in table("en_institutions.tsv")}
    return {**found_heads, **EXTRA_HEADS}


def _joined(text: str, left: Word, right: Word) -> bool:
    gap = text[left.end : right.start]
    return gap in {" ", "-", " & ", "’ ", "' ", "/", "\u2011"} or (gap.isspace() and "\n" not in gap and len(gap) < 3)


def _runs(text: str, items: Sequence[Word]) -> list[tuple[int, int]]:
    """Index ranges of runs of capitalised words (with connectors between them)."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, word in enumerate(items):
        capital = word.text[:1].isupper()
        linked = start is not None and _joined(text, items[index - 1], word)
        if capital and linked:
            continue
        if (
            word.folded in CONNECTORS
            and linked
            and index + 1 < len(items)
            and items[index + 1].text[:1].isupper()
            and _joined(text, word, items[index + 1])
        ):
            continue
        if start is not None:
            runs.append((start, index))
        start = index if capital else None
    if start is not None:
        runs.append((start, len(items)))
    return runs


def _trim(items: Sequence[Word], start: int, end: int) -> tuple[int, int]:
    while start < end and (items[start].folded in STARTERS or items[start].folded in CONNECTORS):
        start += 1
    while end > start and items[end - 1].folded in CONNECTORS:
        end -= 1
    return start, end


def _split_at_of(items: Sequence[Word], start: int, end: int) -> int:
    """Where the organisation starts: after an "of" whose left side has no head ("Smith of X Ltd")."""
    for index in range(start, end):
        if items[index].folded == "of" and not any(items[k].folded in heads() for k in range(start, index)):
            start = index + 1
    return start


def _numbered_end(text: str, items: Sequence[Word], start: int, end: int) -> int:
    """Where a named institution ends: after its number when it has one ("School No. 5")."""
    if end - start > 1 and items[end - 1].folded in {"no", "number"}:
        number = _NUMBER_AFTER_NO.match(text, items[end - 1].end)
        return number.end() if number else items[end - 2].end
    number = _NUMBER_AFTER.match(text, items[end - 1].end)
    return number.end() if number else items[end - 1].end


class EnglishInstitutions(Detector):
    name = "en.institutions"
    languages = frozenset({"en"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        items = words(text)
        results: list[Detection] = []
        for run_start, run_end in _runs(text, items):
            start, end = _trim(items, _split_at_of(items, run_start, run_end), run_end)
            head_index = self._head(items, start, end)
            if head_index is None or items[end - 1].folded in LAWS:
                continue
            results.extend(self._named(passage, items, start, end, head_index))
        results.extend(self._described(passage))
        results.extend(self._introduced(passage))
        return results

    @staticmethod
    def _introduced(passage: Passage) -> list[Detection]:
        from veil.detecting.en.places import countries
        from veil.reference.places import gazetteer

        results = []
        for rule, pattern, type_, head in _INTRODUCED:
            for match in pattern.finditer(passage.text):
                name = match.group("name")
                first = fold(name.split()[0])
                if first in STARTERS or fold(name) in countries() or gazetteer().knows_latin(name):
                    continue
                if not type_:
                    last = fold(name.split()[-1])
                    type_here, head_here = heads().get(last, ("organization", last))
                else:
                    type_here, head_here = type_, head
                attrs = {"head": head_here, "key": fold(name)}
                why = Why(_WHY_CONTEXT.source, rule, _WHY_CONTEXT.score, _WHY_CONTEXT.note)
                results.append(found(passage, *match.span("name"), label=Label.ORG, kind=Kind.QUASI, type=type_here,
                                     why=why, attrs=attrs))  # fmt: skip
        return results

    @staticmethod
    def _head(items: Sequence[Word], start: int, end: int) -> int | None:
        found_heads = [k for k in range(start, end) if items[k].folded in heads() and items[k].text[:1].isupper()]
        return found_heads[-1] if found_heads else None

    def _named(self, passage: Passage, items: Sequence[Word], start: int, end: int, head: int) -> list[Detection]:
        text = passage.text
        span_start, span_end = items[start].start, _numbered_end(text, items, start, end)
        original = _ORIGINAL_NAME.match(text, span_end)
        if original and not is_generic_name(text[span_start:span_end], "en"):
            span_end = original.end()
        name = text[span_start:span_end]
        type_, noun = heads()[items[head].folded]
        attrs = {"head": noun, "key": fold(name)}
        detections = [found(passage, span_start, span_end, label=Label.ORG, kind=Kind.QUASI, type=type_,
                            why=_WHY_NAME, attrs=attrs)]  # fmt: skip
        acronym = _ACRONYM.match(text, span_end)
        if acronym:
            detections.append(found(passage, *acronym.span("a"), label=Label.ORG, kind=Kind.QUASI, type=type_,
                                    why=_WHY_ACRONYM, attrs=attrs))  # fmt: skip
        return detections

    @staticmethod
    def _described(passage: Passage) -> list[Detection]:
        results = []
        for match in _LOWER.finditer(passage.text):
            noun_text = next(match.group(g) for g in ("common", "rare", "numbered", "placed") if match.group(g))
            noun = " ".join(noun_text.split()).lower()
            last = noun.split()[-1]
            type_, generic = heads().get(noun, heads().get(last, ("organization", noun)))
            if "technical" in (match.group("mods") or "") and type_ == "university":
                generic = "technical university"
            span = match.group("span")
            attrs = {"head": generic, "personal": "1", "key": fold(span)}
            results.append(found(passage, *match.span("span"), label=Label.ORG, kind=Kind.QUASI, type=type_,
                                 why=_WHY_LOWER, attrs=attrs))  # fmt: skip
        return results


@DETECTORS.register(EnglishInstitutions.name)
def _factory() -> Detector:
    return EnglishInstitutions()
