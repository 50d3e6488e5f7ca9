"""A second, independent implementation of TAB's measures, for checking ``veil.evaluation``.

It follows the logic of TAB's ``evaluation.py`` (NorskRegnesentral/text-anonymization-benchmark) step by
step, on the raw gold JSON and on masks in that script's input format (``{doc_id: [[start, end], ...]}``),
with none of Veil's code: character offsets held in sets, the ignore list applied to the lower-cased
mention text, the entity's identifier kind and type taken from its first mention, tokens found with
``\\w+`` and "which annotators mask this token" answered by scanning every gold mention. It is slow and
literal on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

SKIPPED_TOKENS = [
    "mr", "mrs", "ms", "and", "or", "from", "until", "to", "about", "after", "as", "at", "before", "between",
    "by", "during", "for", "in", "into", "of", "on", "over", "since", "with", "the", "a", "an", "no", "nr",
    "’s", "'s",
]  # fmt: skip
SKIPPED_PUNCTUATION = ",.-;:/&()[]–'\" ’“”"
_SKIP = re.compile(
    "(?:"
    + "|".join([r"\b" + re.escape(t) + r"\b" for t in SKIPPED_TOKENS] + [re.escape(p) for p in SKIPPED_PUNCTUATION])
    + ")",
    re.IGNORECASE,
)


@dataclass
class _Entity:
    annotator: str
    entity_type: str
    is_direct: bool
    need_masking: bool
    mentions: list[tuple[int, int]] = field(default_factory=list)
    mention_needs_mask: list[bool] = field(default_factory=list)


def _entities(document: dict[str, Any]) -> list[_Entity]:
    found: list[_Entity] = []
    for annotator, annotated in document["annotations"].items():
        by_id: dict[str, _Entity] = {}
        for m in annotated["entity_mentions"]:
            needs = m["identifier_type"] in ("DIRECT", "QUASI")
            if m["entity_id"] not in by_id:
                by_id[m["entity_id"]] = _Entity(annotator, m["entity_type"], m["identifier_type"] == "DIRECT", needs)
            entity = by_id[m["entity_id"]]
            entity.mentions.append((m["start_offset"], m["end_offset"]))
            entity.mention_needs_mask.append(needs)
        for entity in by_id.values():
            if len(set(entity.mention_needs_mask)) > 1:
                entity.need_masking = True
        found.extend(by_id.values())
    return found


def _is_masked(text: str, masked_offsets: set[int], start: int, end: int) -> bool:
    left = set(range(start, end)) - masked_offsets
    if left:
        for skip in _SKIP.finditer(text[start:end].lower()):
            left -= set(range(start + skip.start(), start + skip.end()))
    return not left


def _word_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\w+", text[start:end])]


def _ratio(hit: float, total: float) -> float:
    return hit / total if total else 0.0


def reference_measures(gold: list[dict[str, Any]], masks: dict[str, list[list[int]]]) -> dict[str, float]:
    """TAB's ER_di, ER_qi, token and mention recall and uniform token and mention precision."""
    counts = {key: [0.0, 0.0] for key in ("di", "qi", "tok", "men", "prec_tok", "prec_men")}
    documents = {d["doc_id"]: d for d in gold}
    for doc_id, spans in masks.items():
        document = documents[doc_id]
        text = document["text"]
        entities = _entities(document)
        masked_offsets = {i for s, e in spans for i in range(s, e)}
        for entity in entities:
            if not entity.need_masking:
                continue
            fully = all(
                _is_masked(text, masked_offsets, s, e) or not needed
                for (s, e), needed in zip(entity.mentions, entity.mention_needs_mask, strict=True)
            )
            key = "di" if entity.is_direct else "qi"
            counts[key][0] += fully
            counts[key][1] += 1
            for s, e in entity.mentions:
                counts["men"][0] += _is_masked(text, masked_offsets, s, e)
                counts["men"][1] += 1
                for ts, te in _word_tokens(text, s, e):
                    counts["tok"][0] += _is_masked(text, masked_offsets, ts, te)
                    counts["tok"][1] += 1
        annotators = {entity.annotator for entity in entities}
        gold_spans = [
            (s, e, entity.annotator)
            for entity in entities
            if entity.need_masking
            for (s, e), needed in zip(entity.mentions, entity.mention_needs_mask, strict=True)
            if needed
        ]
        for s, e in spans:
            for key, units in (("prec_tok", _word_tokens(text, s, e)), ("prec_men", [(s, e)])):
                for us, ue in units:
                    covering = {a for gs, ge, a in gold_spans if gs <= us and ge >= ue}
                    counts[key][0] += len(covering)
                    counts[key][1] += len(annotators)
    return {
        "ER_di": _ratio(*counts["di"]),
        "ER_qi": _ratio(*counts["qi"]),
        "token_recall": _ratio(*counts["tok"]),
        "mention_recall": _ratio(*counts["men"]),
        "token_precision": _ratio(*counts["prec_tok"]),
        "mention_precision": _ratio(*counts["prec_men"]),
    }
