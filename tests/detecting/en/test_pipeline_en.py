"""English end to end: every mention of every person is masked; words that are not people stay.

Each row is a text, the name words that must not survive anywhere in the protected text (whole words,
any case), and words that must survive. The model, the name rules and document-level propagation work
together here: a name found once is masked everywhere, in any case.
"""

from __future__ import annotations

import re

import pytest

from veil import Pipeline

ROWS = [
    (
        "The application was lodged by Mr Robert Murray. The Government replied in May. Murray disagreed.",
        ["Robert", "Murray"],
        ["Government", "May"],
    ),
    (
        "Sergey Volkov drove us to the border. Later Volkov called; Seryozha sounded tired.",
        ["Sergey", "Volkov", "Seryozha"],
        ["border"],
    ),
    (
        "so me and my son misha we crossed at night and sergey volkov drove us and volkov said it was fine",
        ["misha", "sergey", "volkov"],
        ["night"],
    ),
    (
        "My neighbour Kuzmin saw them take Dzhabrail. The Court found a violation. Kuzmin testified.",
        ["Kuzmin"],
        ["Court", "violation"],
    ),
    (
        "Will Smith met Natasha Petrova in June. Will you tell Natasha? Petrova knows.",
        ["Smith", "Natasha", "Petrova"],
        ["June", "you"],
    ),
]


@pytest.mark.parametrize(("text", "gone", "kept"), ROWS)
def test_every_mention_masked_and_common_words_kept(
    pipeline: Pipeline, text: str, gone: list[str], kept: list[str]
) -> None:
    protected = pipeline.protect_text(text, "en").text
    for word in gone:
        assert not re.search(rf"\b{re.escape(word)}\b", protected, re.IGNORECASE), (word, protected)
    for word in kept:
        assert re.search(rf"\b{re.escape(word)}\b", protected), (word, protected)
