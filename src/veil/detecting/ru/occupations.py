"""Russian occupations, studies and ranks: "он инженер-теплотехник", "работает учительницей химии",
"студентка второго курса", "по профессии сварщик", "учится на врача", "преподаю химию".

Words come from ``data/quasi/ru_occupations.tsv`` in every case and number (see
:func:`~veil.detecting.ru.morph.inflected_index`). Russian has no article to show that a noun describes
someone, so a word counts where it does: in the instrumental after a verb ("работает инженером", "стала
медсестрой"), in the nominative after a pronoun, a relative, a dash or a name ("он инженер", "муж —
сварщик", "Алексей, инженер,"), next to "по профессии", or after "учится на". "Поговорила с врачом" names
someone else's job and is skipped. The span takes in what makes the description specific ("второго
курса", "химии"); ``case`` and ``number`` tell the generalizer how to inflect its replacement.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.ru.morph import PERSON_WORDS, Tags, inflected_index, preposition_before, reading
from veil.detecting.rules import PhraseIndex, Word, table, words
from veil.findings import Detection, Kind, Label, Passage, Why

Payload = tuple[str, str, str, str]
_VERBS = re.compile(
    r"(?i)(?:работа(?:ет|ю|л|ла|ли|ем|ешь|ть)|труди(?:тся|лся|лась)|служи(?:т|л|ла|ли)|был[аи]?|буду|будет|"
    r"стал[аи]?|станет|устроил(?:ся|ась)|числи(?:тся|лся|лась)|являе(?:тся)|оформлен[аы]?|"
    r"трудоустроен[аы]?)\s+(?:\w+\s+){0,2}$"
)
_NOT_SELF = frozenset({"с", "со", "над", "под", "за", "перед", "между"})
_TAIL = re.compile(
    r"(?:\s+(?:(?:первого|второго|третьего|четвёртого|четвертого|пятого|шестого|[1-6]-?го)\s+курса|"
    r"[а-яё]+(?:ого|его)\s+(?:факультета|отделения|колледжа|вуза|университета)))+"
)
_STUDIES = re.compile(r"(?i)\b(?:учи(?:тся|лся|лась|лись|шься)|учусь|поступи(?:л|ла|ли|ть))\s+на\s+$")
_SUBJECTS = {
    "химию": "естественные науки", "физику": "естественные науки", "биологию": "естественные науки",
    "математику": "математику", "историю": "гуманитарные предметы", "литературу": "гуманитарные предметы",
    "русский": "язык", "английский": "язык", "немецкий": "язык", "географию": "естественные науки",
    "информатику": "естественные науки", "музыку": "музыку", "рисование": "рисование",
    "физкультуру": "физкультуру", "право": "право", "экономику": "экономику",
}  # fmt: skip
_TEACH = re.compile(
    rf"(?i)\b(?:преподаю|преподаёт|преподает|преподавал[аи]?|веду|ведёт|ведет|вела|вёл|вел|учу|учит)\s+"
    rf"(?P<s>{'|'.join(_SUBJECTS)})\b"
)
_WHY = Why("ru.occupations", "occupation-word", 0.8, "an occupation, study or rank describing someone")
_WHY_TEACH = Why("ru.occupations", "teaches-subject", 0.8, "the subject someone teaches")


@functools.cache
def lexicon() -> PhraseIndex[tuple[Payload, Tags]]:
    return inflected_index(
        (term, (group, generic, kind, term)) for term, group, generic, kind in table("ru_occupations.tsv")
    )


def _tied(text: str, items: Sequence[Word], start: int, end: int, case: str) -> bool:
    """Whether the occupation at ``items[start:end]`` describes a person (see the module docstring)."""
    previous = items[start - 1].folded if start > 0 else ""
    gap = text[items[start - 1].end : items[start].start] if start > 0 else ""
    after = " ".join(w.folded for w in items[end : end + 2])
    if "по профессии" in {after, " ".join(w.folded for w in items[max(0, start - 2) : start])}:
        return True
    if previous in _NOT_SELF:
        return False
    if case == "ablt":
        return _VERBS.search(text[max(0, items[start].start - 40) : items[start].start]) is not None
    if case == "accs" and _STUDIES.search(text[max(0, items[start].start - 25) : items[start].start]):
        return True
    if case != "nomn":
        return False
    return (
        previous in PERSON_WORDS
        or "—" in gap
        or "–" in gap
        or (gap.strip() == "," and items[start - 1].text[:1].isupper())
    )


class RussianOccupations(Detector):
    name = "ru.occupations"
    languages = frozenset({"ru"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        items = words(text)
        results = []
        for start, end, (payload, tags) in lexicon().find(items):
            case, number = reading(tags, preposition_before(text, items[start].start))
            if "ablt" in {t[0] for t in tags} and _VERBS.search(
                text[max(0, items[start].start - 40) : items[start].start]
            ):
                case, number = next(t for t in tags if t[0] == "ablt")
            if not _tied(text, items, start, end, case):
                continue
            span_end = items[end - 1].end
            tail = _TAIL.match(text, span_end)
            span_end = tail.end() if tail else span_end
            group, generic, kind, term = payload
            attrs = {"group": group, "generic": generic, "kind": kind, "case": case, "number": number, "key": term}
            type_ = "rank" if kind == "rank" else "occupation"
            results.append(found(passage, items[start].start, span_end, label=Label.DEM, kind=Kind.QUASI,
                                 type=type_, why=_WHY, attrs=attrs))  # fmt: skip
        for match in _TEACH.finditer(text):
            subject = match.group("s").lower()
            attrs = {"group": "teacher", "generic": _SUBJECTS[subject], "kind": "subject", "case": "accs",
                     "number": "sing", "key": subject}  # fmt: skip
            results.append(found(passage, *match.span("s"), label=Label.DEM, kind=Kind.QUASI, type="occupation",
                                 why=_WHY_TEACH, attrs=attrs))  # fmt: skip
        return results


@DETECTORS.register(RussianOccupations.name)
def _factory() -> Detector:
    return RussianOccupations()
