"""Veil's entity decoder finds exactly the entities spaCy's own parser sets on the shipped model.

The texts cover what changes the moves allowed: entities at the start and at the very end of a
document, entities next to each other, whitespace tokens (runs of spaces, line breaks) where an entity
may not begin, lower-case transcripts, sentence starts marked on the tokens, empty and one-token
documents.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from veil.detecting.en.decoding import EntityDecoder, decoder_for, token_codes
from veil.detecting.en.ner import load_model, model_available

pytestmark = pytest.mark.skipif(not model_available(), reason="the English NER model is not in this checkout")

TEXTS = [
    "Yesterday I spoke with Sergey Volkov about the trip to Tbilisi.",
    "Robert Murray",
    "They flew from Moscow to Tbilisi with Anna Ivanova and Igor Petrov of Gazprom.",
    "i talked to my friend john smith yesterday and then we drove to new york",
    "Mr  Smith   met\n\nJohn Doe in\tLondon .\n",
    "The Court and the Government agreed on the date; the European Court of Human Rights disagreed.",
    "Maria",
    "",
    "   ",
    "On 3 May 2001 the applicant, Mr Ahmet Yilmaz, a Turkish national living in Ankara, was arrested by "
    "officers of the Istanbul Security Directorate and taken to the Bayrampasa Prison." * 3,
    # a long interview: many people, places and organisations, some of several words
    (Path(__file__).resolve().parents[3] / "examples" / "interview_en.txt").read_text(encoding="utf-8"),
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model()


@pytest.fixture(scope="module")
def decoder(nlp: Any) -> EntityDecoder:
    found = decoder_for(nlp)
    assert found is not None, "the shipped model must have the shape the decoder reproduces"
    return found


def spacy_entities(nlp: Any, docs: list[Any]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(docs)]


def test_same_entities_as_spacy(nlp: Any, decoder: EntityDecoder) -> None:
    expected = spacy_entities(nlp, [nlp.make_doc(text) for text in TEXTS])
    assert any(expected), "the texts must hold entities for the comparison to mean anything"
    assert decoder.entities([nlp.make_doc(text) for text in TEXTS]) == expected


def test_same_entities_in_lower_case(nlp: Any, decoder: EntityDecoder) -> None:
    texts = [text.lower() for text in TEXTS]
    assert decoder.entities([nlp.make_doc(t) for t in texts]) == spacy_entities(nlp, [nlp.make_doc(t) for t in texts])


def test_one_document_at_a_time_or_all_together(nlp: Any, decoder: EntityDecoder) -> None:
    together = decoder.entities([nlp.make_doc(text) for text in TEXTS])
    assert [decoder.entities([nlp.make_doc(text)])[0] for text in TEXTS] == together


def test_an_entity_does_not_cross_a_sentence_start(nlp: Any, decoder: EntityDecoder) -> None:
    from spacy.tokens import Doc

    words = ["I", "met", "John", "Smith", "Paris", "Hilton", "and", "Anna", "Ivanova", "."]

    def docs() -> list[Any]:
        return [Doc(nlp.vocab, words=words, sent_starts=[True] + [i in starts for i in range(1, len(words))])
                for starts in ({3}, {4}, {5}, {8}, set())]  # fmt: skip

    expected = spacy_entities(nlp, docs())
    assert len({tuple(e) for e in expected}) > 1, "the sentence starts must change what spaCy finds"
    assert decoder.entities(docs()) == expected


def test_moves_allowed_as_spacy_allows_them(nlp: Any, decoder: EntityDecoder) -> None:
    """A random walk through each document's states: the same moves are valid at every step."""
    from spacy.tokens import Doc

    moves = nlp.get_pipe("ner").moves
    names = [moves.get_class_name(i) for i in range(moves.n_moves)]
    words = ["I", " ", "met", "John", "Smith", "\n", "in", "New", "York", "  ", "Paris", "."]
    docs = [Doc(nlp.vocab, words=words, sent_starts=[True] + [i in starts for i in range(1, len(words))])
            for starts in (set(), {3}, {4}, {5}, {8}, {10}, {11})]  # fmt: skip
    rng = random.Random(7)
    steps = 0
    for doc in docs * 30:
        codes = token_codes(doc)
        state = moves.init_batch([doc])[0]
        open_label = None
        for token in range(len(doc)):
            allowed = sorted(name for name in names if moves.is_valid(state, name))
            assert sorted(decoder.valid_moves(open_label, int(codes[token]))) == allowed, (token, open_label)
            move = rng.choice(allowed)
            moves.apply_transition(state, move)
            open_label = move[2:] if move[0] in "BI" else None
            steps += 1
        assert state.is_final()
    assert steps == 7 * 30 * len(words)


def test_move_scores_as_spacy_scores_them(nlp: Any, decoder: EntityDecoder) -> None:
    """On every state of a walk (outside and inside entities), the decoder's scores are spaCy's."""
    import numpy as np

    ner = nlp.get_pipe("ner")
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    text = "Yesterday Mr John Smith of Acme Corporation flew from New York to Tbilisi."
    doc = nlp.get_pipe("tok2vec")(nlp.make_doc(text))  # spaCy's entity model reads the vectors it sets
    walk = ["O", "B-PERSON", "I-PERSON", "L-PERSON", "O", "B-ORG", "L-ORG", "O", "O", "B-LOC", "L-LOC", "O"]
    walk += ["U-LOC", "O"]
    assert len(walk) == len(doc)
    state = ner.moves.init_batch([doc])[0]
    step_model = ner.model.predict([doc])
    entity_start = None
    for token, move in enumerate(walk):
        expected = step_model.predict([state])[0]
        assert np.allclose(decoder.move_scores(doc, token, entity_start), expected, atol=1e-5), (token, move)
        assert move in names
        assert ner.moves.is_valid(state, move)
        ner.moves.apply_transition(state, move)
        entity_start = (token if move[0] == "B" else entity_start) if move[0] in "BI" else None
    assert state.is_final()


def test_another_pipeline_is_left_to_spacy() -> None:
    import spacy

    assert decoder_for(spacy.blank("en")) is None
