"""Veil's own English named-entity model (spaCy), trained by ``training/en_ner``.

The model ships inside the package (``veil/models/en_ner``); see its ``MODEL_CARD.md`` for the data it
was trained on, their licences and its evaluation. People are direct identifiers; places and
organisations are quasi-identifiers, which the public-context filter and the decider then sort out.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from veil.detecting.base import DETECTORS, Detector
from veil.errors import ErrorCode, VeilError
from veil.findings import Detection, Kind, Label, Passage, Why

MODEL_PACKAGE = "veil.models"
MODEL_NAME = "en_ner"
BATCH_SIZE = 64
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

    return spacy.load(model_path())


class EnglishNer(Detector):
    name = "en.ner"
    languages = frozenset({"en"})

    def detect(self, passage: Passage) -> list[Detection]:
        return self.detect_batch([passage])[0]

    def detect_batch(self, passages: Sequence[Passage]) -> list[list[Detection]]:
        if not model_available():
            return [[] for _ in passages]
        nlp = load_model()
        results: list[list[Detection]] = []
        for passage, doc in zip(passages, nlp.pipe((p.text for p in passages), batch_size=BATCH_SIZE), strict=True):
            results.append([self._detection(passage, ent) for ent in doc.ents if ent.label_ in LABELS])
        return results

    @staticmethod
    def _detection(passage: Passage, ent: Any) -> Detection:
        label, kind, type_ = LABELS[ent.label_]
        why = Why("en.ner", "veil-en-ner", 0.8, f"the English model tagged it {ent.label_}")
        return Detection(ent.start_char, ent.end_char, ent.text, label, kind, type_, passage.lang, (why,), {})


@DETECTORS.register(EnglishNer.name)
def _factory() -> Detector:
    return EnglishNer()
