"""Name rules for what the NER model misses: diminutives, Latin spellings, Ukrainian and Belarusian.

Three dictionary rules, each precise enough to run without a model:

* a Russian given name or diminutive in any case ("Алёшеньке", "Шурику", "Олександр"), from the lexicon
  (:mod:`veil.lexicon.ru.given`), with the surname or patronymic written next to it; at the start of a
  sentence only when the word is not mostly a common word ("Слава богу" is not Вячеслав);
* a Russian given name in Latin letters ("Sergey Volkov", "Lyosha"), in Russian and in English text;
* Ukrainian and Belarusian towns in their own spelling ("Львів", "Магілёў"), from a bundled list.

In lower-case passages (transcripts) the same rules apply to lower-case words that pymorphy3 reads
mainly as names.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.ru.refine import mention_gender, preposition_case
from veil.detecting.ru.truecase import LATIN_SURNAME, NAMING_CUE, is_function_word, is_lower_case
from veil.findings import Detection, Kind, Label, Passage, Why
from veil.lexicon.ru import given, morph
from veil.linking.keys import latin_skeleton

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?:^|[.!?…:\n«\"—-])\s*$")
_NAME_SCORE = 0.5
_WHY_GIVEN = Why("ru.names", "given-name-lexicon", 0.85, "a Russian given name or diminutive")
_WHY_LATIN = Why("ru.names", "latin-given-name", 0.8, "a Russian given name in Latin letters")
_WHY_NAMED = Why("ru.names", "naming-cue", 0.8, "the word after 'зовут' or 'фамилия'")
_WHY_PLACE = Why("ru.names", "uk-be-places", 0.85, "a Ukrainian or Belarusian town in its own spelling")
# Latin skeletons of diminutives that are, first of all, English words.
_ENGLISH_WORDS = frozenset({"asia", "roman", "sofa", "den", "kit", "toma", "ira", "nata", "lera", "dania", "vera"})


@functools.cache
def places() -> frozenset[str]:
    text = resources.files("veil.data.ru").joinpath("uk_be_places.txt").read_text(encoding="utf-8")
    return frozenset(given.norm(line.strip()) for line in text.splitlines() if line.strip() and line[0] != "#")


def _starts_sentence(text: str, start: int) -> bool:
    return _SENTENCE_END.search(text, max(0, start - 3), start) is not None


def _is_given(word: str, text: str, start: int, lower: bool) -> bool:
    if not (word[0].isupper() or lower) or given.lookup(word) is None:
        return False
    if lower or _starts_sentence(text, start):
        return morph.name_score(word.lower()) >= _NAME_SCORE or not morph.analyzer().word_is_known(word.lower())
    return True


def _is_latin_given(word: str, lang: str, lower: bool) -> bool:
    if not word.isascii() or not (word[0].isupper() or lower) or len(word) < 3:
        return False
    skeleton = latin_skeleton(word)
    if lang == "ru":
        return given.by_inflected_skeleton(skeleton) is not None
    return given.by_skeleton(skeleton) is not None and skeleton not in _ENGLISH_WORDS


def _is_companion(word: str, latin: bool, lower: bool) -> bool:
    """A surname or patronymic written beside a given name (in lower-case text, one shaped like it)."""
    if not (word[:1].isupper() or lower):
        return False
    if latin:
        return word.isascii() and len(word) > 2 and (word[:1].isupper() or bool(LATIN_SURNAME.search(word)))
    form = morph.name_form(word)
    return form is not None and form.role in ("last", "middle")


class RussianNames(Detector):
    name = "ru.names"
    languages = frozenset({"ru", "en"})

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        lower = passage.lang == "ru" and is_lower_case(text)
        words = list(_WORD.finditer(text))
        results: list[Detection] = []
        index = 0
        russian = passage.lang == "ru"
        while index < len(words):
            word = words[index].group()
            if not russian and not word[0].isupper():
                index += 1  # in English only a capitalised Latin given name can start one
                continue
            latin = _is_latin_given(word, passage.lang, lower)
            if latin or (passage.lang == "ru" and _is_given(word, text, words[index].start(), lower)):
                end = self._extend(text, words, index, latin, lower)
                why = _WHY_LATIN if latin else _WHY_GIVEN
                gender = (
                    self._gender(word, latin) if latin else mention_gender(text, words[index].start(), words[end].end())
                )
                attrs = {"gender": gender}
                case = preposition_case(text, words[index].start()) if not latin else ""
                if case:
                    attrs["case"] = case
                results.append(found(passage, words[index].start(), words[end].end(), label=Label.PERSON,
                                     kind=Kind.DIRECT, type="person", why=why, attrs=attrs))  # fmt: skip
                index = end + 1
                continue
            if passage.lang == "ru" and word[0].isupper() and given.norm(word) in places():
                results.append(found(passage, words[index].start(), words[index].end(), label=Label.LOC,
                                     kind=Kind.QUASI, type="place", why=_WHY_PLACE))  # fmt: skip
            index += 1
        if passage.lang == "ru":
            results += self._named(passage, lower, results)
        return results

    @staticmethod
    def _named(passage: Passage, lower: bool, taken: list[Detection]) -> list[Detection]:
        """The word after a naming cue ("его зовут Shura", "фамилия Volkoff"), whatever it is."""
        named = []
        for cue in NAMING_CUE.finditer(passage.text):
            word, start, end = cue.group(1), cue.start(1), cue.end(1)
            if not (word[0].isupper() or lower) or is_function_word(word) or len(word) < 2:
                continue
            if any(d.start < end and start < d.end for d in taken):
                continue
            named.append(found(passage, start, end, label=Label.PERSON, kind=Kind.DIRECT, type="person",
                               why=_WHY_NAMED, attrs={"gender": mention_gender(passage.text, start, end)}))  # fmt: skip
        return named

    @staticmethod
    def _extend(text: str, words: list[re.Match[str]], index: int, latin: bool, lower: bool) -> int:
        """The index of the last word of the name starting at ``index`` (up to two companions)."""
        end = index
        while end + 1 < len(words) and end - index < 2:
            following = words[end + 1]
            gap = text[words[end].end() : following.start()]
            if not re.fullmatch(r"[ \t]+", gap) or not _is_companion(following.group(), latin, lower):
                break
            end += 1
        return end

    @staticmethod
    def _gender(word: str, latin: bool) -> str:
        entry = (
            given.by_inflected_skeleton(latin_skeleton(word)) if latin else getattr(given.lookup(word), "entry", None)
        )
        return entry.gender if entry is not None else ""


@DETECTORS.register(RussianNames.name)
def _factory() -> Detector:
    return RussianNames()
