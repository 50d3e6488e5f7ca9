"""An evaluation as one JSON-ready object: the headline measures, breakdowns, counts, timing, misses.

The keys ``ER_di``, ``ER_qi``, ``token_recall``, ``token_precision`` and ``mention_recall`` are the
contract that scripts and the benchmark tables read; ratios are rounded to four places and are ``null``
when there was nothing to count. The missed entities quote the gold text: benchmark text is public.
"""

from __future__ import annotations

from typing import Any

from veil.evaluation.measures import GroupTallies, Missed, Scorer, Tally
from veil.evaluation.run import Evaluation

PLACES = 4


def ratio(tally: Tally) -> float | None:
    value = tally.ratio
    return None if value is None else round(value, PLACES)


def group(tallies: GroupTallies) -> dict[str, Any]:
    return {
        "entities": tallies.entities.total,
        "entity_recall": ratio(tallies.entities),
        "mentions": tallies.mentions.total,
        "mention_recall": ratio(tallies.mentions),
        "tokens": tallies.tokens.total,
        "token_recall": ratio(tallies.tokens),
    }


def measures(scorer: Scorer) -> dict[str, Any]:
    """The headline measures, their counts and the per-label and per-type breakdowns."""
    return {
        "ER_di": ratio(scorer.direct),
        "ER_qi": ratio(scorer.quasi),
        "token_recall": ratio(scorer.tokens),
        "token_precision": ratio(scorer.token_precision),
        "mention_recall": ratio(scorer.mentions),
        "mention_precision": ratio(scorer.mention_precision),
        "counts": {
            "documents": scorer.documents,
            "annotations": scorer.annotations,
            "direct_entities": scorer.direct.total,
            "quasi_entities": scorer.quasi.total,
            "mentions": scorer.mentions.total,
            "tokens": scorer.tokens.total,
            "masked_tokens": scorer.token_precision.total,
            "missed_entities": len(scorer.missed),
        },
        "per_label": {name: group(t) for name, t in sorted(scorer.by_label.items())},
        "per_type": {name: group(t) for name, t in sorted(scorer.by_type.items())},
    }


def missed(entry: Missed) -> dict[str, Any]:
    entity = entry.entity
    return {
        "document": entry.document,
        "annotator": entry.annotator,
        "entity": entity.id,
        "label": entity.label,
        "type": entity.type,
        "kind": entity.kind.value if entity.kind else None,
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "context": m.context, "partial": m.partial}
            for m in entry.mentions
        ],
    }


def summary(evaluation: Evaluation, show_missed: int = 20) -> dict[str, Any]:
    """The whole evaluation as one JSON-ready object, with the first ``show_missed`` missed entities."""
    characters = evaluation.characters
    speed = characters / evaluation.seconds if evaluation.seconds > 0 else None
    return {
        "format": evaluation.format,
        "gold": str(evaluation.gold),
        "keep_public": evaluation.keep_public,
        **measures(evaluation.scorer),
        "run": {
            "characters": characters,
            "seconds": round(evaluation.seconds, 3),
            "load_seconds": round(evaluation.load_seconds, 3),
            "chars_per_second": round(speed) if speed else None,
        },
        "missed": [missed(m) for m in evaluation.scorer.missed[: max(show_missed, 0)]],
    }
