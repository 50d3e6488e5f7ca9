"""English occupations, studies and ranks: "a second-year engineering student", "a primary school teacher",
"worked as a lorry driver", "a Lance Corporal", "I teach chemistry".

Occupation words come from ``data/quasi/en_occupations.tsv`` (with the group used by the risk estimate and
the generic word the generalizer writes). A word counts only where it describes someone: after "a"/"an",
after "as", after "is/was ... the", or before "by profession"; "the Public Prosecutor filed" names an
official's role in a procedure, not a person's job, and is left alone. Words that are also ordinary
English ("a general rule", "a major problem", "the owner of the car") need the strongest cue: "as" or a
verb such as "is a" right before them. The span takes in the article and the modifiers that make the
description specific ("second-year engineering"), since the generalizer replaces them all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.rules import PhraseIndex, Word, table, words
from veil.findings import Detection, Kind, Label, Passage, Why

AMBIGUOUS = frozenset(
    """
    private major general owner official executive guard developer captain director editor coach cook
    designer volunteer interpreter pilot officer clerk manager secretary
    """.split()  # noqa: SIM905
)
MODIFIERS = frozenset(
    """
    senior junior chief head deputy assistant lead leading trainee former retired local primary
    secondary high school university medical law legal engineering chemistry physics biology history
    mathematics maths music art arts computer science economics philosophy literature language english
    russian french german civil electrical mechanical software heating heat power plant factory
    freelance part-time full-time first-year second-year third-year fourth-year fifth-year final-year
    graduate postgraduate doctoral phd military police criminal district regional city state private
    public nursing dental surgical
    """.split()  # noqa: SIM905
)
# Words that may follow an occupation noun that ends its noun phrase ("a major in the army", not "a major problem").
_AFTER_NOUN_PHRASE = frozenset(
    ["in", "at", "of", "for", "with", "from", "and", "who", "since", "until", "on", "by", "to", "when"]
)
_PRACTISING = frozenset({"practising", "practicing", "acting", "representing"})
_COPULA = frozenset(["is", "was", "were", "are", "be", "been", "being", "became", "become", "am", "as", "also"])
_SUBJECTS = {
    "chemistry": "science", "physics": "science", "biology": "science", "mathematics": "mathematics",
    "maths": "mathematics", "math": "mathematics", "history": "humanities", "literature": "humanities",
    "geography": "science", "english": "languages", "russian": "languages", "german": "languages",
    "french": "languages", "music": "the arts", "art": "the arts", "drawing": "the arts",
    "computer science": "science", "informatics": "science", "economics": "social science", "law": "law",
    "philosophy": "humanities", "physical education": "sport", "pe": "sport",
}  # fmt: skip
_TEACH = re.compile(
    rf"(?i)\b(?:teach|teaches|teaching|taught|lecture|lectures|"
    rf"lectured)\s+(?P<s>{'|'.join(sorted(_SUBJECTS, key=len, reverse=True))})\b"
)
_WHY = Why("en.occupations", "occupation-word", 0.8, "an occupation, study or rank describing someone")
_WHY_TEACH = Why("en.occupations", "teaches-subject", 0.8, "the subject someone teaches")


@functools.cache
def lexicon() -> PhraseIndex[tuple[str, str, str, str]]:
    """Occupation phrases (singular and plural) -> (group, generic word, kind, singular form)."""
    index: PhraseIndex[tuple[str, str, str, str]] = PhraseIndex()
    for term, group, generic, kind in table("en_occupations.tsv"):
        for form in {term, plural(term)}:
            index.add(form, (group, generic, kind, term))
    return index


def plural(term: str) -> str:
    head, _, last = term.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _extend_left(items: Sequence[Word], start: int) -> int:
    while start > 0 and items[start - 1].folded in MODIFIERS:
        start -= 1
    return start


def _cue(items: Sequence[Word], start: int, end: int, strict: bool) -> int | None:
    """The index where the span starts (taking in "a"/"an"/"the"), or ``None`` when nothing ties it to someone."""
    previous = items[start - 1].folded if start > 0 else ""
    before_previous = items[start - 2].folded if start > 1 else ""
    after = " ".join(w.folded for w in items[end : end + 2])
    if strict and end < len(items) and items[end].folded not in _AFTER_NOUN_PHRASE and items[end].text.islower():
        return None
    if after == "by profession":
        return start - 1 if previous in {"a", "an"} else start
    if previous in {"a", "an"} and (not strict or before_previous in _COPULA):
        return start - 1
    if previous == "the" and before_previous in _COPULA:
        return start - 1
    if previous == "as":
        return start
    return None


class EnglishOccupations(Detector):
    name = "en.occupations"
    languages = frozenset({"en"})

    def detect(self, passage: Passage) -> list[Detection]:
        items = words(passage.text)
        results = [self._detection(passage, items, start, end, payload)
                   for start, end, payload in lexicon().find(items)]  # fmt: skip
        for match in _TEACH.finditer(passage.text):
            generic = _SUBJECTS[match.group("s").lower()]
            attrs = {"group": "teacher", "generic": generic, "kind": "subject", "key": match.group("s").lower()}
            results.append(found(passage, *match.span("s"), label=Label.DEM, kind=Kind.QUASI, type="occupation",
                                 why=_WHY_TEACH, attrs=attrs))  # fmt: skip
        return [r for r in results if r is not None]

    def _detection(
        self, passage: Passage, items: Sequence[Word], start: int, end: int, payload: tuple[str, str, str, str]
    ) -> Detection | None:
        group, generic, kind, singular = payload
        term = " ".join(w.folded for w in items[start:end])
        strict = singular in AMBIGUOUS or (kind == "rank" and end - start == 1 and not items[start].text[0].isupper())
        first = _extend_left(items, start)
        begin = _cue(items, first, end, strict)
        if begin is None or (group == "lawyer" and end < len(items) and items[end].folded in _PRACTISING):
            return None
        article = items[begin].folded if begin < first else ""
        attrs = {"group": group, "generic": generic, "kind": kind, "article": article,
                 "plural": "1" if term != singular else "", "key": singular}  # fmt: skip
        type_ = "rank" if kind == "rank" else "occupation"
        return found(passage, items[begin].start, items[end - 1].end, label=Label.DEM, kind=Kind.QUASI,
                     type=type_, why=_WHY, attrs=attrs)  # fmt: skip


@DETECTORS.register(EnglishOccupations.name)
def _factory() -> Detector:
    return EnglishOccupations()
