"""Speech-transcript views of an example: all lower case, and lower case without punctuation.

Transcripts of interviews are often written in lower case with little punctuation; a model trained
only on edited text relies on capital letters and misses every name there. Each view keeps the spans
aligned by rebuilding the text character by character with an offset map.
"""

from __future__ import annotations

import re

from corpora import Example

# Punctuation that stands apart from words (a comma after a word, a quote, a dash); apostrophes and
# dots inside words ("O'Brien", "U.S.") stay.
_LOOSE_PUNCT = re.compile(r"[,.;:!?\"“”‘’()\[\]…–—]+(?=\s|$)|(?<=\s)[\"“”‘’(\[–—]+|^[\"“”‘’(\[]+")
_SPACES = re.compile(r"\s{2,}")


def lower_same_length(text: str) -> str:
    """``text.lower()`` except for the rare characters whose lower case is longer ("İ")."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def lowercased(example: Example) -> Example:
    return Example(lower_same_length(example.text), example.spans, example.split, example.source + "+lower")


def _delete(text: str, spans: tuple[tuple[int, int, str], ...], doomed: set[int]) -> tuple[str, tuple]:
    new_index: list[int] = []
    kept: list[str] = []
    for index, ch in enumerate(text):
        new_index.append(len(kept))
        if index not in doomed:
            kept.append(ch)
    new_index.append(len(kept))
    moved = []
    for start, end, label in spans:
        new_start, new_end = new_index[start], new_index[end]
        while new_end > new_start and kept[new_end - 1].isspace():
            new_end -= 1
        if new_end > new_start:
            moved.append((new_start, new_end, label))
    return "".join(kept), tuple(moved)


def unpunctuated(example: Example) -> Example:
    """Lower case, loose punctuation removed, runs of spaces collapsed; spans re-aligned."""
    text = lower_same_length(example.text)
    doomed = {i for m in _LOOSE_PUNCT.finditer(text) for i in range(m.start(), m.end())}
    text, spans = _delete(text, example.spans, doomed)
    doomed = {i for m in _SPACES.finditer(text) for i in range(m.start() + 1, m.end())}
    text, spans = _delete(text, spans, doomed)
    return Example(text, spans, example.split, example.source + "+nopunct")
