"""Veil's own English named-entity model (spaCy), trained by ``training/en_ner``.

The model ships inside the package (``veil/models/en_ner``); see its ``MODEL_CARD.md`` for the data it
was trained on, their licences and its evaluation. It was trained on cased, lower-cased and unpunctuated
text, so it also reads speech transcripts. People are direct identifiers; places and organisations are
quasi-identifiers, which the public-context filter and the decider then sort out.

Passages are cut into pieces of at most ``PIECE_CHARS`` (at a line break, else a sentence end, else a
space) and fed to the model in small batches, so memory stays flat however long the document. An entity
made only of words that are never names ("the Court", "Government", "May", "Telegram") is dropped.
The entities are read off the model's scores by :mod:`veil.detecting.en.decoding`, which finds what
spaCy's own parser finds in a fraction of its time.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.en import lexicon
from veil.detecting.en.decoding import EntityDecoder, decoder_for
from veil.errors import ErrorCode, VeilError
from veil.findings import Detection, Kind, Label, Passage, Why, span_text
from veil.linking.propagate import is_lower_text

MODEL_PACKAGE = "veil.models"
MODEL_NAME = "en_ner"
# The model's working memory grows with the characters in one batch (about 2.5 KB per character), so
# pieces are short and batches small: 8 x 4 000 characters keeps a batch near 100 MB.
BATCH_SIZE = 8
PIECE_CHARS = 4_000
MAX_UNLISTED_REPEATS = 10
# model label -> (TAB label, kind, fine type)
LABELS: dict[str, tuple[Label, Kind, str]] = {
    "PERSON": (Label.PERSON, Kind.DIRECT, "person"),
    "LOC": (Label.LOC, Kind.QUASI, "place"),
    "ORG": (Label.ORG, Kind.QUASI, "organization"),
}


def model_path() -> Path:
    return Path(str(resources.files(MODEL_PACKAGE).joinpath(MODEL_NAME)))


def model_available() -> bool:
    return (model_path() / "meta.json").is_file()


@functools.cache
def load_model() -> Any:
    if not model_available():
        raise VeilError(ErrorCode.MODEL_MISSING, "the English NER model is not installed with this copy of Veil")
    import spacy
    from thinc.api import use_ops

    # thinc multiplies matrices with blis by default, and blis falls back to its slow reference kernels
    # on processors it does not recognise (AMD's, for one); numpy's BLAS picks fast kernels everywhere
    # and gives the same entities.
    with use_ops("numpy", use_blis=False):
        return spacy.load(model_path())


@functools.cache
def entity_decoder() -> EntityDecoder | None:
    """The fast decoder for the shipped model (None: another shape of model, left to spaCy's own)."""
    return decoder_for(load_model())


class EnglishNer(Detector):
    name = "en.ner"
    languages = frozenset({"en"})

    def detect(self, passage: Passage) -> list[Detection]:
        return self.detect_batch([passage])[0]

    def detect_batch(self, passages: Sequence[Passage]) -> list[list[Detection]]:
        if not model_available():
            return [[] for _ in passages]
        pieces = [(index, offset, text) for index, p in enumerate(passages) for offset, text in pieces_of(p.text)]
        results: list[list[Detection]] = [[] for _ in passages]
        found = model_entities([text for _, _, text in pieces])
        for (index, offset, text), ents in zip(pieces, found, strict=True):
            # ``doc.text`` would rebuild the piece from its tokens at every call, so the piece itself is
            # passed along: spaCy's tokens cover their text exactly.
            piece = Piece(text, offset, passages[index].lang, is_lower_text(text))
            suspect = _repeated_unlisted(ents) if piece.lower else frozenset()
            kept = (e for e in ents if _plausible(e, piece.lower) and e.text not in suspect and not _state(e))
            results[index].extend(_detection(ent, piece) for ent in kept)
        return results


def model_entities(texts: Sequence[str]) -> Iterator[list[Any]]:
    """The model's entities (spaCy spans) in each text, read ``BATCH_SIZE`` texts at a time."""
    nlp = load_model()
    decoder = entity_decoder()
    if decoder is None:
        yield from (list(doc.ents) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
        return
    from spacy.tokens import Span

    for at in range(0, len(texts), BATCH_SIZE):
        docs = [nlp.make_doc(text) for text in texts[at : at + BATCH_SIZE]]
        for doc, found in zip(docs, decoder.entities(docs), strict=True):
            yield [Span(doc, start, end, label=label) for start, end, label in found]


class Piece(NamedTuple):
    """One piece of a passage as the model read it."""

    text: str
    offset: int  # in the passage
    lang: str
    lower: bool  # all lower case (a transcript): some checks on capitals do not apply


def pieces_of(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``text`` cut into (offset, piece) pairs of at most ``limit`` characters.

    A cut falls after a line break, else after a sentence end, else at a space, in the second half of the
    window, so that a name is never cut in two where the text offers a better place.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        pieces.append((start, text[start : (cut := _cut(text, start, start + limit))]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    floor = start + (end - start) // 2
    for mark in ("\n", ". ", " "):
        found = text.rfind(mark, floor, end)
        if found >= 0:
            return found + len(mark)
    return end


def _plausible(ent: Any, lower_text: bool) -> bool:
    """A label Veil uses, and at least one word that can be part of a name ("the Court", "Telegram" cannot)."""
    if ent.label_ not in LABELS:
        return False
    if ent.label_ == "PERSON" and any(token.lower_.endswith(_COMPANY_ENDINGS) for token in ent):
        return False  # "Etibank", "Gazprombank": companies the model mistook for people
    if ent.label_ == "PERSON" and _everyday_lower(ent) and not lower_text:
        return False  # "informed by telephone": in cased text a lower-case everyday word is no name
    if ent.label_ == "LOC" and _lower_unknown_word(ent) and not lower_text:
        return False  # "took us in his minibus": in cased text one lower-case word is no place's name
    return any(token.is_alpha and not token.is_stop and not lexicon.is_not_name(token.text) for token in ent)


def _everyday_lower(ent: Any) -> bool:
    words = [token for token in ent if token.is_alpha]
    return bool(words) and all(
        t.is_lower and lexicon.is_common_word(t.text) and not lexicon.listed_name(t.text) for t in words
    )


def _lower_unknown_word(ent: Any) -> bool:
    """One lower-case word that is on no name list and names no town in the gazetteer."""
    from veil.reference.places import gazetteer

    word = ent[0].text
    return (
        len(ent) == 1
        and word.isalpha()
        and word.islower()
        and not lexicon.listed_name(word)
        and not gazetteer().knows_latin(word)
    )


_COMPANY_ENDINGS = ("bank", "corp", "holding", "telecom")
_STATE_WORDS = frozenset({"republic", "kingdom", "federation", "state", "states", "of", "the"})


def _state(ent: Any) -> bool:
    """A country under its state's name ("Republic of Poland"): the public-context rules own it."""
    if ent.label_ != "PERSON" and ent[-1].lower_ == "government":
        return True  # "the Turkish Government": a state, kept or generalised by the public-context rules
    rest = [t.text for t in _trimmed(ent) if t.lower_ not in _STATE_WORDS]
    return ent.label_ != "PERSON" and len(rest) < len(ent) and bool(rest) and lexicon.is_public_place(" ".join(rest))


def _repeated_unlisted(ents: Sequence[Any]) -> frozenset[str]:
    """Lower-case "names" with no word on any name list that the model found again and again in one piece.

    Without capitals the model sometimes takes a run of unknown words for a name, and in filler text it
    does so thousands of times ("amet lorem"); a real unlisted name is rarely written that often.
    """
    counts = Counter(e.text for e in ents if e.label_ == "PERSON" and not any(lexicon.listed_name(t.text) for t in e))
    return frozenset(text for text, count in counts.items() if count > MAX_UNLISTED_REPEATS)


def _edge_junk(token: Any) -> bool:
    return bool(token.is_punct or token.is_space or (token.is_stop and token.is_lower))


def _trimmed(ent: Any) -> Any:
    """The entity without the lower-case stop words and punctuation the model let in at its edges
    ("United Kingdom of", "Lars."); a capitalised "May" or "Will" stays."""
    start, end = ent.start, ent.end
    while start < end and _edge_junk(ent.doc[start]):
        start += 1
    while end > start and _edge_junk(ent.doc[end - 1]):
        end -= 1
    return ent.doc[start:end] if end > start else ent


def _detection(ent: Any, piece: Piece) -> Detection:
    label, kind, type_ = LABELS[ent.label_]
    core = _trimmed(ent)
    text = piece.text
    start, end = core.start_char, core.end_char
    if ent.label_ == "LOC":
        start, end = _place_span(text, core, piece.lower)
    at = piece.offset
    return Detection(
        at + start, at + end, span_text(text, start, end), label, kind, type_, piece.lang, _REASONS[ent.label_]
    )


_REASONS = {name: (Why("en.ner", "veil-en-ner", 0.8, f"the English model tagged it {name}"),) for name in LABELS}


def _place_span(text: str, core: Any, lower_text: bool) -> tuple[int, int]:
    """A place's span without the lower-case words the model let in after the name in cased text ("Central
    District military" commissariat), grown over the parts of the name it left out ("Saint" Petersburg)."""
    from veil.detecting.en.places import widen_place

    end = len(core)
    capitalised = core[0].text[:1].isupper()  # "ansvarig utgivare" is all lower case: the model's span stays
    while capitalised and not lower_text and end > 1 and core[end - 1].is_lower:
        end -= 1
    return widen_place(text, core.start_char, core[end - 1].idx + len(core[end - 1]), lower_text)


@DETECTORS.register(EnglishNer.name)
def _factory() -> Detector:
    return EnglishNer()
