"""Russian named entities with slovnet's news NER model (shipped inside the ``natasha`` wheel).

The model files are loaded straight from natasha's package folder with ``slovnet`` and ``navec``, without
importing natasha itself: natasha's morphology goes through the unmaintained pymorphy2, which breaks on
installs without ``pkg_resources``; Veil uses pymorphy3 for morphology instead.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from veil.detecting.base import DETECTORS, Detector
from veil.errors import ErrorCode, VeilError
from veil.findings import Detection, Kind, Label, Passage, Why
from veil.reading.turns import is_role_label

EMBEDDING = "data/emb/navec_news_v1_1B_250K_300d_100q.tar"
NER_MODEL = "data/model/slovnet_ner_news_v1.tar"
LABELS: dict[str, tuple[Label, Kind, str]] = {
    "PER": (Label.PERSON, Kind.DIRECT, "person"),
    "LOC": (Label.LOC, Kind.QUASI, "place"),
    "ORG": (Label.ORG, Kind.QUASI, "organization"),
}


def natasha_data() -> Path:
    """natasha's installed folder, found without importing the package."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise VeilError(ErrorCode.MODEL_MISSING, "the Russian NER model (natasha package) is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def load_ner() -> Any:
    from navec import Navec
    from slovnet import NER

    root = natasha_data()
    ner = NER.load(str(root / NER_MODEL))
    ner.navec(Navec.load(str(root / EMBEDDING)))
    return ner


def _speaker_role(passage: Passage, span: Any) -> bool:
    """The model tags transcript role labels written in capitals ("ОТВЕТ:") as organisations; they are
    structure, never identifiers."""
    return is_role_label(passage.text[span.start : span.stop])


class RussianNer(Detector):
    name = "ru.ner"
    languages = frozenset({"ru"})

    def detect(self, passage: Passage) -> list[Detection]:
        return self.detect_batch([passage])[0]

    def detect_batch(self, passages: Sequence[Passage]) -> list[list[Detection]]:
        ner = load_ner()
        results = []
        for passage, markup in zip(passages, ner.map(p.text for p in passages), strict=True):
            spans = [span for span in markup.spans if span.type in LABELS and not _speaker_role(passage, span)]
            results.append([self._detection(passage, span) for span in spans])
        return results

    @staticmethod
    def _detection(passage: Passage, span: Any) -> Detection:
        label, kind, type_ = LABELS[span.type]
        why = Why("ru.ner", "slovnet-ner-news", 0.8, f"the Russian model tagged it {span.type}")
        text = passage.text[span.start : span.stop]
        return Detection(span.start, span.stop, text, label, kind, type_, passage.lang, (why,), {})


@DETECTORS.register(RussianNer.name)
def _factory() -> Detector:
    return RussianNer()
