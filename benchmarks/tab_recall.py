"""Entity-level recall on TAB (the Text Anonymization Benchmark's measure) with Veil's full pipeline.

An entity counts as protected only if every one of its mentions is masked; a mention is masked when
every character of its words is inside text the pipeline changed. As in TAB, punctuation, determiners,
prepositions and titles inside a gold span are ignored. Reported: ER on direct identifiers (all
types), ER on direct PERSON entities, ER on all PERSON entities (direct and quasi), and the misses.

Usage (from the repository root)::

    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/tab_recall.py ../shared/data/tab/echr_dev_subset.json

``--show-misses`` prints the missed mentions (TAB is public court text, nothing private is printed).
``--detectors en.ner``, ``--disable en.ner`` and ``--no-propagate`` measure parts of the pipeline (ablations).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from veil import Pipeline, Settings
from veil.reading.text import StringDocument

_IGNORED = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "from",
        "with",
        "and",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "judge",
        "sir",
        "madam",
    ]
)
_WORD = re.compile(r"\w+")


def masked_chars(pipeline: Pipeline, text: str) -> bytearray:
    analysis = pipeline.analyze(StringDocument(text), "en")
    mask = bytearray(len(text))
    for edit in analysis.edits():
        mask[edit.start : edit.end] = b"\x01" * (edit.end - edit.start)
    return mask


def mention_masked(text: str, mask: bytearray, start: int, end: int) -> bool:
    for word in _WORD.finditer(text, start, end):
        if word.group().lower() in _IGNORED:
            continue
        if not all(mask[word.start() : word.end()]):
            return False
    return True


def score(path: Path, show_misses: bool, settings: Settings) -> dict[str, object]:
    pipeline = Pipeline(settings)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for doc in json.loads(path.read_text(encoding="utf-8")):
        text = doc["text"]
        mask = masked_chars(pipeline, text)
        for annotator, annotation in doc["annotations"].items():
            entities: dict[str, list[dict[str, object]]] = defaultdict(list)
            for mention in annotation["entity_mentions"]:
                entities[mention["entity_id"]].append(mention)
            for mentions in entities.values():
                kind, label = mentions[0]["identifier_type"], mentions[0]["entity_type"]
                missed = [m for m in mentions if not mention_masked(text, mask, m["start_offset"], m["end_offset"])]  # type: ignore[arg-type]
                groups = []
                if kind == "DIRECT":
                    groups.append("direct")
                    if label == "PERSON":
                        groups.append("direct-person")
                if label == "PERSON" and kind in {"DIRECT", "QUASI"}:
                    groups.append("person")
                for group in groups:
                    totals[group][0] += not missed
                    totals[group][1] += 1
                if missed and kind == "DIRECT":
                    misses.append(
                        f"{doc['doc_id']} {annotator} {label}: " + " | ".join(str(m["span_text"]) for m in missed)
                    )
    if show_misses:
        print("\n".join(misses))
    return {
        group: {"recall": round(hit / total, 4), "entities": total, "protected": hit}
        for group, (hit, total) in sorted(totals.items())
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--detectors", help="comma-separated detector names (default: all)")
    parser.add_argument("--disable", default="", help="comma-separated detector names not to run")
    parser.add_argument("--no-propagate", action="store_true", help="no document-level propagation")
    args = parser.parse_args()
    detectors = tuple(args.detectors.split(",")) if args.detectors else None
    disable = tuple(d for d in args.disable.split(",") if d)
    settings = Settings(seed=1, detectors=detectors, disable=disable, propagate=not args.no_propagate)
    print(json.dumps(score(args.gold, args.show_misses, settings)))


if __name__ == "__main__":
    main()
