"""Russian named entities with slovnet's news NER model (shipped inside the ``natasha`` wheel).

The model files are loaded straight from natasha's package folder with ``slovnet`` and ``navec``, without
importing natasha itself: natasha's morphology goes through the unmaintained pymorphy2, which breaks on
installs without ``pkg_resources``; Veil uses pymorphy3 for morphology instead.

Lower-case passages (speech transcripts) are truecased first (:mod:`veil.detecting.ru.truecase`), and
the model's spans are then refined (:mod:`veil.detecting.ru.refine`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from veil.detecting.base import DETECTORS, Detector, reasons, shared_attrs
from veil.detecting.ru.refine import Span, mention_gender, preposition_case, refine
from veil.detecting.ru.truecase import is_lower_case, truecase
from veil.findings import NO_ATTRS, Detection, Kind, Label, Passage, Why, span_text
from veil.lexicon.ru.dictionaries import natasha_data
from veil.reading.turns import is_role_label

EMBEDDING = "data/emb/navec_news_v1_1B_250K_300d_100q.tar"
NER_MODEL = "data/model/slovnet_ner_news_v1.tar"
LABELS: dict[str, tuple[Label, Kind, str]] = {
    "PER": (Label.PERSON, Kind.DIRECT, "person"),
    "LOC": (Label.LOC, Kind.QUASI, "place"),
    "ORG": (Label.ORG, Kind.QUASI, "organization"),
}


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
        lower = [is_lower_case(p.text) for p in passages]
        texts = [truecase(p.text) if low else p.text for p, low in zip(passages, lower, strict=True)]
        results = []
        for passage, text, low, markup in zip(passages, texts, lower, ner.map(texts), strict=True):
            found = [s for s in markup.spans if s.type in LABELS and not _speaker_role(passage, s)]
            spans = refine(text, [Span(s.start, s.stop, s.type) for s in found])
            results.append([self._detection(passage, text, span, low) for span in spans])
        return results

    @staticmethod
    def _detection(passage: Passage, cased: str, span: Span, truecased: bool) -> Detection:
        label, kind, type_ = LABELS[span.type]
        note = f"the Russian model tagged it {span.type}" + (" in truecased text" if truecased else "")
        why = Why("ru.ner", "slovnet-ner-news", 0.8, note)
        attrs = {}
        if span.type == "PER":
            gender = mention_gender(cased, span.start, span.end)
            if gender:
                attrs["gender"] = gender
            case = preposition_case(cased, span.start)
            if case:
                attrs["case"] = case  # for a name that does not decline ("с Петренко")
        text = span_text(passage.text, span.start, span.end)
        shared = shared_attrs(attrs) if attrs else NO_ATTRS
        return Detection(span.start, span.end, text, label, kind, type_, passage.lang, reasons(why), shared)


@DETECTORS.register(RussianNer.name)
def _factory() -> Detector:
    return RussianNer()
