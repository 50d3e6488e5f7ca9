"""Veil's English NER model: people found in edited text and in lower-case transcripts, exact spans.

The rows are plain sentences that any usable model must get right; they guard against a broken or
missing model file, a wrong label mapping, and offsets that drift when long passages are cut. What the
model alone misses (unusual names in lower case) the name rules and propagation must catch: see
``test_pipeline_en.py``.
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_finds, detect_in
from veil.detecting.en.ner import EnglishNer, _trimmed, model_available, pieces_of

pytestmark = pytest.mark.skipif(not model_available(), reason="the English NER model is not in this checkout")
DETECTOR = EnglishNer()

PEOPLE = [
    ("Yesterday I spoke with Sergey Volkov about the trip.", ["Sergey Volkov"]),
    ("The application was lodged by Robert Murray, a British national.", ["Robert Murray"]),
    ("i talked to my friend john smith yesterday", ["john smith"]),  # lower case, as in a transcript
    ("we met anna ivanova in moscow last year", ["anna ivanova"]),
    ("The Court and the Government agreed on the date.", []),  # institutions are never people
    ("We waited there from March until May.", []),  # months are never people
    ("lorem ipsum dolor sit amet " * 100, []),  # filler: unlisted lower-case "names" repeated are dropped
]
PLACES = [
    ("They flew from Moscow to Tbilisi.", ["Moscow", "Tbilisi"]),
    ("She was born in Kazan and later moved to Berlin.", ["Kazan", "Berlin"]),
    ("We talked on Telegram and WhatsApp every day.", []),  # messengers are never places
    ("Interviewer: Who drove you?", []),  # a speaker label is not a place
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_people(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "person")


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_places(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "place")


def test_people_are_direct_and_explained() -> None:
    (person,) = detect_in(DETECTOR, "Yesterday I spoke with Sergey Volkov about the trip.")
    assert (person.label, person.kind) == ("PERSON", "direct")
    assert person.why[0].source == "en.ner"
    assert person.text not in person.why[0].note


def test_offsets_survive_cutting_a_long_passage() -> None:
    sentence = "Yesterday I spoke with Sergey Volkov about the trip. "
    text = sentence * 800  # one paragraph of 42 000 characters: cut into pieces for the model
    found = [d for d in detect_in(DETECTOR, text) if d.type == "person"]
    assert len(found) == 800
    assert all(text[d.start : d.end] == d.text == "Sergey Volkov" for d in found)


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("short", 10, [(0, "short")]),
        ("aaaa bbbb cccc", 10, [(0, "aaaa bbbb "), (10, "cccc")]),
        ("aaaaaaaaaaaaaa", 10, [(0, "aaaaaaaaaa"), (10, "aaaa")]),  # no space: cut hard
        ("ab\ncd ef gh", 6, [(0, "ab\ncd "), (6, "ef gh")]),
        ("", 10, [(0, "")]),
    ],
)
def test_pieces_cut_at_spaces_and_keep_offsets(text: str, limit: int, pieces: list[tuple[int, str]]) -> None:
    assert pieces_of(text, limit) == pieces
    assert "".join(piece for _, piece in pieces) == text


@pytest.mark.parametrize(
    ("text", "start", "end", "kept"),
    [
        ("the United Kingdom of", 0, 4, "United Kingdom"),  # lower-case stop words at the edges go
        ("near Verkhny Lars .", 1, 4, "Verkhny Lars"),  # so does punctuation
        ("May Smith came", 0, 2, "May Smith"),  # a capitalised "May" is a name here
        ("of the", 0, 2, "of the"),  # nothing would be left: kept as it is (and then found implausible)
    ],
)
def test_entity_edges_are_trimmed(text: str, start: int, end: int, kept: str) -> None:
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("en")(text)
    assert _trimmed(Span(doc, start, end, label="LOC")).text == kept
