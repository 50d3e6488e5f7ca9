"""Reading the openly licensed English NER corpora in ``../shared/data`` into one simple form.

Every corpus becomes a list of :class:`Example` (text, spans with labels PERSON / LOC / ORG, split,
source). Which split each document belongs to is decided here, once, for training and evaluation alike:

- GUM (``data.jsonl`` only, never ``data_nc.jsonl``), WNUT-17 and BTC keep their official splits;
- wikigold has none: every tenth document is held out (``dev``);
- SPIA PANORAMA: every third post is held out (``dev``), the rest trains;
- TAB: ``echr_train_subset.json`` trains; ``echr_dev_subset.json`` is evaluation only;
- UNER English-EWT (dev/test only) is evaluation only (share-alike: never trained on).

NEREL is never read. Test splits are only ever used by ``evaluate.py`` to report, never to tune.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LABELS = ("PERSON", "LOC", "ORG")
_MAP = {
    "PERSON": "PERSON", "PER": "PERSON", "person": "PERSON",
    "LOCATION": "LOC", "LOC": "LOC", "location": "LOC",
    "ORGANIZATION": "ORG", "ORG": "ORG", "corporation": "ORG", "group": "ORG",
}  # fmt: skip
_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Judge|Sir|Lady|Lord|Madam|Mx)\.?\s+", re.IGNORECASE)
# A PERSON span in SPIA may be a username or an ID number; only name-like spans teach the model names.
_NAME_LIKE = re.compile(r"^[^\W\d_][^\d@_/]*$")


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple[tuple[int, int, str], ...]
    split: str
    source: str


def _mapped(spans: list[dict[str, object]], text: str, strip_titles: bool = False) -> list[tuple[int, int, str]]:
    result = []
    for span in spans:
        label = _MAP.get(str(span["label"]))
        if label is None:
            continue
        start, end = int(str(span["start"])), int(str(span["end"]))
        if label == "PERSON" and strip_titles:
            title = _TITLE.match(text[start:end])
            if title and title.end() < end - start:
                start += title.end()
        result.append((start, end, label))
    return result


def _paragraphs(text: str, spans: list[tuple[int, int, str]], split: str, source: str) -> Iterator[Example]:
    """Long documents cut at line breaks (spans never cross one in these corpora)."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        inside = tuple((s - start, e - start, lab) for s, e, lab in spans if s >= start and e <= end)
        if line.strip():
            yield Example(line, inside, split, source)
        start = end + 1


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def ner_corpus(data: Path, name: str) -> Iterator[Example]:
    """GUM, WNUT-17, BTC, wikigold or UNER-EWT, with the splits described in the module docstring."""
    path = data / "en_ner" / name / "data.jsonl"
    for index, row in enumerate(_jsonl(path)):
        split = str(row["split"])
        if name == "wikigold":
            split = "dev" if index % 10 == 0 else "train"
        text = str(row["text"])
        spans = _mapped(row["spans"], text)  # type: ignore[arg-type]
        yield from _paragraphs(text, spans, split, name)


def _tab_spans(doc: dict[str, object]) -> list[dict[str, object]]:
    annotations: dict[str, dict[str, list[dict[str, object]]]] = doc["annotations"]  # type: ignore[assignment]
    first = sorted(annotations)[0]
    return [
        {"start": m["start_offset"], "end": m["end_offset"], "label": m["entity_type"]}
        for m in annotations[first]["entity_mentions"]
    ]


def tab(data: Path, part: str = "train") -> Iterator[Example]:
    """TAB ECHR cases (one annotator each); ``part`` is ``train`` or ``dev``."""
    docs = json.loads((data / "tab" / f"echr_{part}_subset.json").read_text(encoding="utf-8"))
    for doc in docs:
        text = str(doc["text"])
        yield from _paragraphs(text, _mapped(_tab_spans(doc), text, strip_titles=True), part, "tab")


def spia(data: Path) -> Iterator[Example]:
    """SPIA PANORAMA posts: two thirds train, every third post held out as ``dev``."""
    for index, row in enumerate(_jsonl(data / "spia_panorama" / "entity_panorama_151.jsonl")):
        text = str(row["text"])
        raw = [
            {"start": e["start_offset"], "end": e["end_offset"], "label": e["entity_type"]}
            for e in row["entities"]  # type: ignore[attr-defined]
            if e["entity_type"] != "PERSON" or _NAME_LIKE.match(e["span_text"])
        ]
        split = "dev" if index % 3 == 0 else "train"
        yield from _paragraphs(text, _mapped(raw, text, strip_titles=True), split, "spia")


TRAIN_SOURCES = ("gum", "wnut17", "btc", "wikigold")


def training_examples(data: Path) -> list[Example]:
    """Every training document: the train splits of GUM, WNUT-17, BTC, wikigold, SPIA, and the TAB train subset."""
    examples = [e for name in TRAIN_SOURCES for e in ner_corpus(data, name) if e.split == "train"]
    examples += list(tab(data, "train"))
    examples += [e for e in spia(data) if e.split == "train"]
    return examples


def model_selection_examples(data: Path) -> list[Example]:
    """Dev splits used to pick the best checkpoint while training (never a test split)."""
    examples = [e for name in TRAIN_SOURCES for e in ner_corpus(data, name) if e.split == "dev"]
    return examples + [e for e in spia(data) if e.split == "dev"]
