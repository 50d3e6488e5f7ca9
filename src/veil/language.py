"""Which language each part of a document is in, and cutting units into passages.

Veil's pipelines are English and Russian (Ukrainian and Belarusian text goes through the Russian one,
whose detectors know their names and places). Most paragraphs are decided by their script alone, which
is exact and fast; paragraphs that mix scripts, or have too few letters, ask the offline ``lingua``
detector, restricted to the languages Veil knows. Mixed-language documents are handled per paragraph.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from veil.errors import ErrorCode, VeilError
from veil.findings import Passage
from veil.reading.base import TextUnit

LANGUAGES = ("en", "ru")
AUTO = "auto"
PASSAGE_CHARS = 1 << 14
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_PARAGRAPH = re.compile(r"[^\n]*\n|[^\n]+")
_CLEAR_MAJORITY = 0.8
_ENOUGH_LETTERS = 12


def check_language(lang: str) -> str:
    if lang != AUTO and lang not in LANGUAGES:
        raise VeilError(
            ErrorCode.LANGUAGE_UNSUPPORTED, f"unsupported language {lang!r}; use auto, en or ru", exit_code=2
        )
    return lang


@functools.cache
def _lingua() -> object:
    from lingua import Language, LanguageDetectorBuilder

    languages = (Language.ENGLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN)
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _ask_lingua(text: str) -> str | None:
    from lingua import Language

    detector = _lingua()
    found = detector.detect_language_of(text)  # type: ignore[attr-defined]
    if found is None:
        return None
    return "en" if found == Language.ENGLISH else "ru"


def script_language(text: str) -> str | None:
    """``en`` or ``ru`` when the script decides it clearly, else ``None``."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    letters = cyrillic + latin
    if letters == 0:
        return None
    if cyrillic / letters >= _CLEAR_MAJORITY and cyrillic >= 2:
        return "ru"
    if latin / letters >= _CLEAR_MAJORITY and letters >= _ENOUGH_LETTERS:
        return "en"
    return None


def paragraph_language(text: str, fallback: str) -> str:
    """The language of one paragraph; ``fallback`` when nothing can tell."""
    by_script = script_language(text)
    if by_script is not None:
        return by_script
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic + latin < 3:
        return fallback
    return _ask_lingua(text) or ("ru" if cyrillic > latin else fallback)


def passages(units: Iterable[TextUnit], lang: str = AUTO, default: str = "en") -> Iterator[Passage]:
    """Cut units into passages of one language, joining paragraphs up to ``PASSAGE_CHARS``.

    With ``lang`` fixed every passage gets it; with ``auto`` each paragraph is classified and empty or
    letterless paragraphs keep the language of the text around them.
    """
    current = default
    for unit in units:
        pending: list[str] = []
        size = 0
        pending_start = unit.start
        pending_lang = current
        position = unit.start
        for match in _PARAGRAPH.finditer(unit.text):
            paragraph = match.group()
            here = lang if lang != AUTO else paragraph_language(paragraph, current)
            if pending and (here != pending_lang or size + len(paragraph) > PASSAGE_CHARS):
                yield Passage("".join(pending), pending_start, pending_lang)
                pending, pending_start, size = [], position, 0
            if not pending:
                pending_lang = here
            pending.append(paragraph)
            size += len(paragraph)
            current = here
            position += len(paragraph)
        if pending:
            yield Passage("".join(pending), pending_start, pending_lang)


def document_language(sample: str) -> str:
    """The main language of a document from a sample of its text (``en`` when nothing tells)."""
    return paragraph_language(sample, "en")
