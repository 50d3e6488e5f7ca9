"""Fixing the NER model's person spans before they leave the detector.

slovnet is good at Russian names in running text but has habits that would leak a name or split a
person in two; each rule here undoes one:

* "Волков Сергей Александрович" sometimes comes out as two people ("Волков", "Сергей Александрович"):
  person spans separated only by spaces are joined;
* initials beside a surname ("С. А. Волков", "Волков С.А.") are sometimes left out: they are added;
* a Russian name in Latin letters inside Russian text ("Sergey Volkov") is often tagged ORG: a span of
  Latin words holding a known Russian given name becomes a person;
* a given name followed by a surname inside a place or organisation span ("Гата Камский" tagged LOC,
  "капитан клуба Тоттенхэм Хотспур Ледли Кинг" tagged ORG as a whole) is split off as a person, and
  so are the names after "имени" in a name of an institution ("театра имени Станиславского").

Each person span also gets its gender (``m``/``f``) from pymorphy3's reading of its name words, which
the decider uses to choose a surrogate of the same gender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veil.lexicon.ru import dictionaries, given, morph
from veil.lexicon.ru.phrases import PREPOSITIONS
from veil.linking.keys import latin_skeleton

_INITIALS_AFTER = re.compile(r"[ \t]+(?:[A-ZА-ЯЁ]\.[ \t]?){1,2}")
_INITIALS_BEFORE = re.compile(r"(?:[A-ZА-ЯЁ]\.[ \t]?){1,2}[ \t]*$")
_GAP = re.compile(r"[ \t]+")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    type: str  # PER, LOC, ORG


def refine(text: str, spans: list[Span]) -> list[Span]:
    """The model's spans with the fixes above applied (sorted by start)."""
    spans = sorted(spans, key=lambda s: s.start)
    for span in spans:
        if span.type != "PER" and _is_latin_russian_name(text[span.start : span.end]):
            span.type = "PER"
    spans = [piece for span in spans for piece in _split_person(text, span)]
    spans = [piece for span in spans for piece in _split_named_after(text, span)]
    spans = [piece for span in spans for piece in _split_at_lower_case(text, span)]
    people = [_without_person_word(text, s) for s in _join_people(text, spans)]
    return [_with_initials(text, s) if s.type == "PER" else s for s in people]


# Words for people the model sometimes takes into a name at the start of a sentence ("Подруга Шевчук
# приехала"): they stay in the text, and only the name after them is the person's.
_PERSON_NOUNS = frozenset(
    """подруга подруги подруге подругу подругой друг друга другу другом сосед соседа соседу соседом соседка
    соседки соседке соседку соседкой мама мамы маме маму мамой папа папы папе папу папой брат брата брату
    братом сестра сестры сестре сестру сестрой муж мужа мужу мужем жена жены жене жену женой сын сына сыну
    сыном дочь дочери дочерью бабушка бабушки бабушке бабушку бабушкой дедушка дедушки дедушке дедушку
    дедушкой коллега коллеги коллеге коллегу коллегой начальник начальника начальнику начальником
    следователь следователя следователю следователем""".split()  # noqa: SIM905
)


def _without_person_word(text: str, span: Span) -> Span:
    """A person span that starts with a word for a person ("Подруга Шевчук"): the name without it."""
    if span.type != "PER":
        return span
    words = list(_WORD.finditer(text, span.start, span.end))
    if (
        len(words) >= 2
        and words[0].group().lower() in _PERSON_NOUNS
        and _GAP.fullmatch(text, words[0].end(), words[1].start())
    ):
        return Span(words[1].start(), span.end, span.type)
    return span


def _is_latin_russian_name(text: str) -> bool:
    words = _WORD.findall(text)
    if not words or len(words) > 3 or not all(w.isascii() and w[0].isupper() for w in words):
        return False
    return any(given.by_skeleton(latin_skeleton(w)) is not None for w in words)


def _is_first_name(word: str) -> bool:
    if given.lookup(word) is not None:
        return True
    low = word.lower().replace("ё", "е")
    form = morph.name_form(word)
    return low in dictionaries.first_names() or (form is not None and form.role == "first" and form.score >= 0.5)


def _is_surname(word: str) -> bool:
    form = morph.name_form(word, "last")
    return (form is not None and form.role == "last") or word.lower().replace("ё", "е") in dictionaries.surnames()


def _split_person(text: str, span: Span) -> list[Span]:
    """A place or organisation span holding "First Surname" as its last words: the person split off."""
    if span.type == "PER":
        return [span]
    words = list(_WORD.finditer(text, span.start, span.end))
    for i in range(len(words) - 1):
        first, last = words[i], words[i + 1]
        if not (first.group()[0].isupper() and last.group()[0].isupper() and morph.is_cyrillic_word(first.group())):
            continue
        if (
            _GAP.fullmatch(text[first.end() : last.start()])
            and _is_first_name(first.group())
            and _is_surname(last.group())
        ):
            while i and text[words[i - 1].end() : words[i].start()] == "-":  # "Ахмат-Хаджи"
                i -= 1
            person = Span(words[i].start(), last.end(), "PER")
            before = Span(span.start, words[i - 1].end(), span.type) if i else None
            return [s for s in (before, person) if s is not None]
    return [span]


_NAMED_AFTER = re.compile(r"\b(?:имени|им\.)\s+")
_CAPITALISED = re.compile(r"[A-ZА-ЯЁ][^\W\d_]*(?:-[A-ZА-ЯЁ][^\W\d_]*)*")


def _split_named_after(text: str, span: Span) -> list[Span]:
    """An institution "named after" people: the people's names become person spans."""
    named = _NAMED_AFTER.search(text, span.start, span.end) if span.type != "PER" else None
    if named is None:
        return [span]
    pieces = [Span(span.start, named.start() - 1, span.type)] if named.start() - 1 > span.start else []
    for word in _CAPITALISED.finditer(text, named.end(), span.end):
        pieces.append(Span(word.start(), word.end(), "PER"))
    return pieces or [span]


_PARTICLES = frozenset(
    {"de", "da", "di", "el", "ben", "abu", "van", "von", "der", "la", "le", "al", "bin", "ibn", "ибн", "бен"}
    | {"оглы", "кызы", "фон", "ван", "де", "да", "ди", "аль", "эль"}
)


def _split_at_lower_case(text: str, span: Span) -> list[Span]:
    """A person span with ordinary lower-case Latin words inside ("Sasha Volkov and Alyosha") is two."""
    if span.type != "PER":
        return [span]
    pieces: list[Span] = []
    current: Span | None = None
    for word in _WORD.finditer(text, span.start, span.end):
        if word.group()[0].islower() and word.group().isascii() and word.group() not in _PARTICLES:
            current = None
            continue
        if current is None:
            current = Span(word.start(), word.end(), "PER")
            pieces.append(current)
        else:
            current.end = word.end()
    if not pieces:
        return [span]
    pieces[-1].end = (
        max(pieces[-1].end, span.end) if text[pieces[-1].end : span.end].strip(" .") == "" else pieces[-1].end
    )
    return pieces


def _join_people(text: str, spans: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last and last.type == span.type == "PER" and _GAP.fullmatch(text[last.end : span.start]):
            last.end = span.end
        else:
            joined.append(span)
    return joined


def _with_initials(text: str, span: Span) -> Span:
    after = _INITIALS_AFTER.match(text, span.end)
    if after is not None:
        span.end = after.end()
    before = _INITIALS_BEFORE.search(text, max(0, span.start - 8), span.start)
    if before is not None:
        span.start = before.start()
    return span


def gender_of(text: str) -> str:
    """``m`` or ``f`` from the name words of a mention (first name and patronymic first), else ``""``."""
    return _name_gender(text)[0]


def _name_gender(text: str) -> tuple[str, bool]:
    """The gender the name words of a mention give, and whether they settle it.

    A word of either gender (the first name "Саша"; "Евгения", also Евгений's genitive; the surname
    "Шевчук") votes only when nothing else does, and then leaves the question open."""
    votes = {"first": "", "middle": "", "last": "", "either": ""}
    for word in _WORD.findall(text):
        hit = given.lookup(word) if morph.is_cyrillic_word(word) else given.by_skeleton(latin_skeleton(word))
        if hit is not None:
            entry = hit.entry if isinstance(hit, given.Hit) else hit
            role = "either" if isinstance(hit, given.Hit) and len(given.genders(word)) > 1 else "first"
            votes[role] = votes[role] or entry.gender
            continue
        form = morph.name_form(word) if len(word) > 1 else None
        if form is not None and form.gender and not form.plural:
            both = {f.gender for f in morph.name_forms(word) if f.role == form.role and not f.plural} >= {"m", "f"}
            role = "either" if both else form.role
            votes[role] = votes[role] or form.gender
    settled = votes["first"] or votes["middle"] or votes["last"]
    return (settled, True) if settled else (votes["either"], False)


def mention_gender(text: str, start: int, end: int) -> str:
    """The gender of the person a mention names: from its name words when they settle it, else from the
    verb or short adjective that agrees with it ("Саша пришла", "сказала Женя", "Петренко кричал"), else
    from the case a preposition gives an ambiguous first name ("у Александра" is a man's), else ""."""
    by_names, settled = _name_gender(text[start:end])
    if settled:
        return by_names
    words = _WORD.findall(text[start:end])
    # Nothing settles it: no guess, so that linking does not keep "Волкова" apart from Анна Волкова.
    return _agreeing_gender(text, start, end, words) or _gender_by_case(text, start, words)


# Words that may stand between a name and its verb ("Саша тоже пришла", "Женя, конечно, сказала").
_BETWEEN = frozenset({"ADVB", "PRCL", "CONJ"})
_AGREEING = frozenset({"VERB", "PRTS", "ADJS"})
_NEXT_WORD = re.compile(r"[ \t,]*([^\W\d_]+)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t]*$")


def _gender_of_agreeing(word: str) -> str:
    """``m`` or ``f`` when ``word`` is a singular past-tense verb or short form that shows gender."""
    top = morph.parses(word.lower())[0].tag if morph.is_cyrillic_word(word) else None
    if top is None or top.POS not in _AGREEING or top.number != "sing":
        return ""
    return {"masc": "m", "femn": "f"}.get(str(top.gender), "")


def _agreeing_gender(text: str, start: int, end: int, words: list[str]) -> str:
    position = end
    for _ in range(3):  # the name, then up to two adverbs or particles, then the verb
        following = _NEXT_WORD.match(text, position)
        if following is None or "\n" in text[position : following.start(1)]:
            break
        word = following.group(1)
        gender = _gender_of_agreeing(word)
        if gender:
            return gender
        tag = morph.parses(word.lower())[0].tag if morph.is_cyrillic_word(word) else None
        if tag is None or tag.POS not in _BETWEEN:
            break
        position = following.end(1)
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    first = words[0] if words else ""
    if previous is not None and _may_be_nominative(first):
        return _gender_of_agreeing(previous.group(1))  # "сказала Саша": the verb before its subject
    return ""


def preposition_case(text: str, start: int) -> str:
    """The case the preposition right before ``start`` gives a person ("с Петренко": instrumental), or ""."""
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    cases = PREPOSITIONS.get(previous.group(1).lower(), ()) if previous is not None else ()
    return cases[0] if cases else ""


def _may_be_nominative(word: str) -> bool:
    if not morph.is_cyrillic_word(word):
        return False
    return any(hit.case == "nomn" for hit in given.readings(word)) or any(
        form.case == "nomn" for form in morph.name_forms(word)
    )


def _gender_by_case(text: str, start: int, words: list[str]) -> str:
    """The gender of the readings of an ambiguous first name in the case its preposition asks for."""
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    cases = PREPOSITIONS.get(previous.group(1).lower(), ()) if previous is not None else ()
    if not cases or not words:
        return ""
    fitting = {hit.entry.gender for hit in given.readings(words[0]) if hit.case in cases}
    return next(iter(fitting)) if len(fitting) == 1 else ""
