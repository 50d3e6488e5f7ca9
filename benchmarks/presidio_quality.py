"""Presidio and Veil on the same gold texts, scored by Veil's own evaluation code (``veil eval``'s measures).

Presidio runs offline as in ``speed.py`` (see ``presidio_engine.py``) with all its English recognisers;
every span it reports is a mask. Veil runs as ``veil eval`` does (its default settings, public facts kept
as the gold format asks). Both are scored by :class:`veil.evaluation.measures.Scorer`: ER_di and ER_qi
(share of direct and quasi-identifier entities whose every mention is masked), token recall and
precision, mention recall and precision. Speed is ``speed.py``'s business.

Usage (from the repository root; Presidio comes with the ``bench`` extra)::

    python benchmarks/presidio_quality.py                                   # TAB dev subset
    python benchmarks/presidio_quality.py ../shared/data/tab/echr_dev_subset.json --limit 3
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DATA, paragraphs
from presidio_engine import analyzer

from veil.evaluation import evaluate
from veil.evaluation.gold import gold_format_for
from veil.evaluation.measures import Scorer
from veil.evaluation.report import measures

HEADLINE = ("ER_di", "ER_qi", "token_recall", "token_precision", "mention_recall", "mention_precision")


def presidio_scores(gold: Path, limit: int | None) -> dict[str, Any]:
    documents = list(itertools.islice(gold_format_for(gold).read(gold), limit))
    engine = analyzer()
    engine.analyze("Warm up, Sergey Volkov.", language="en")
    scorer = Scorer()
    for document in documents:
        spans = []
        offset = 0
        for chunk in paragraphs(document.text):
            spans += [(offset + r.start, offset + r.end) for r in engine.analyze(chunk, language="en")]
            offset += len(chunk)
        scorer.add(document, spans)
    return measures(scorer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DATA / "tab" / "echr_dev_subset.json")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    veil = measures(evaluate(args.gold, limit=args.limit).scorer)
    presidio = presidio_scores(args.gold, args.limit)
    print(f"{'measure':18} {'Veil':>7} {'Presidio':>9}")
    for key in HEADLINE:
        mine, theirs = veil[key], presidio[key]
        print(f"{key:18} {mine if mine is not None else '-':>7} {theirs if theirs is not None else '-':>9}")
    print(f"gold: {args.gold.name}, {veil['counts']['documents']} documents")
    if args.json:
        print(json.dumps({"veil": veil, "presidio": presidio}))


if __name__ == "__main__":
    main()
