"""Public figures named in full or by office: "Ukrainian Ombudsman Dmytro Lubinets", "Президент Лукашенко".

A model may read an office and a name as one place or organisation ("Ukrainian Ombudsman Dmytro" as a
place), which masks the office and leaves half the name. This detector finds the names of the bundled
public figures (``veil/data/public/figures.txt``): every word of a run of capitalised words must be a word
of one figure's name and the run must hold the surname, with two words or more, or the surname alone
right after an office ("Ombudsman Lubinets"). Only a listed figure's name is found, so a title before a
private person ("Ombudsman Ivan Petrov") makes nothing public. The public-context filter then keeps the
name (:mod:`veil.deciding.public`), and the linker drops a model's guess that only adds the office or a
nationality to it (:func:`veil.linking.base.drop_guesses_over_figures`).
"""

from __future__ import annotations

import functools
import re

from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why
from veil.linking.keys import name_token_key
from veil.linking.persons import TITLES

RULE = "public-figure"
_WHY = Why("public.figures", RULE, 0.9, "the name of a listed public figure")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Words of an office that may stand before a public figure's name without being part of it
OFFICE_WORDS = frozenset(
    {
        "ombudsman", "ombudswoman", "ombudsperson", "commissioner", "leader", "speaker", "head", "chairman",
        "chairwoman", "spokesman", "spokeswoman", "spokesperson", "opposition", "human", "rights", "for", "of",
        "the", "children's", "parliamentary", "уполномоченный", "уполномоченная", "омбудсмен", "лидер",
        "спикер", "председатель", "глава", "по", "правам", "человека",
    }
)  # fmt: skip


@functools.cache
def _figures() -> tuple[tuple[frozenset[str], str], ...]:
    from veil.deciding.public import public_figures

    return tuple((figure.keys, figure.surname) for figure in public_figures())


@functools.cache
def _surname_stems() -> frozenset[str]:
    """The first three letters of every figure's name words, folded: a cheap filter before keying a word."""
    from veil.deciding.public import public_figure_names

    return frozenset(word.casefold()[:3] for line in public_figure_names() for word in line.split())


def _lang(word: str) -> str:
    return "ru" if any("\u0400" <= ch <= "\u04ff" for ch in word) else "en"


def is_office_word(word: str) -> bool:
    """A title, an office or a connecting word of an office ("Ombudsman", "for", "Human", "Rights")."""
    folded = word.casefold().rstrip(".")
    return folded in TITLES or folded in OFFICE_WORDS


class PublicFigures(Detector):
    """Listed public figures' names, in full or as a surname after an office (see the module docstring)."""

    name = "public.figures"

    def detect(self, passage: Passage) -> list[Detection]:
        words = list(_WORD.finditer(passage.text))
        stems = _surname_stems()
        results: list[Detection] = []
        i = 0
        while i < len(words):
            first = words[i].group()
            if not first[:1].isupper() or first.casefold()[:3] not in stems:
                i += 1  # the check _name_end starts with, done here for the many words that fail it
                continue
            end = self._name_end(words, i, stems)
            if end is None:
                i += 1
                continue
            start, stop = words[i].start(), words[end - 1].end()
            results.append(found(passage, start, stop, label=Label.PERSON, kind=Kind.DIRECT, type="person", why=_WHY))
            i = end
        return results

    @staticmethod
    def _name_end(words: list[re.Match[str]], i: int, stems: frozenset[str]) -> int | None:
        """The end of a figure's name starting at word ``i`` (exclusive), or ``None``."""
        run: list[str] = []
        j = i
        while j < len(words) and len(run) < 4:
            text = words[j].group()
            if not text[:1].isupper() or text.casefold()[:3] not in stems:
                break
            if run and words[j - 1].end() != words[j].start() - 1:
                break  # names are separated by one space, not by punctuation
            run.append(text)
            j += 1
        if not run:
            return None
        keys = [name_token_key(word, _lang(word)) for word in run]
        after_office = i > 0 and is_office_word(words[i - 1].group())
        for length in range(len(keys), 0, -1):
            chosen = set(keys[:length])
            for figure_keys, surname in _figures():
                if surname in chosen and chosen <= figure_keys and (length >= 2 or after_office):
                    return i + length
        return None


@DETECTORS.register(PublicFigures.name)
def _factory() -> Detector:
    return PublicFigures()
