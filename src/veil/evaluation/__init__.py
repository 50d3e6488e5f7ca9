"""Evaluation: Veil measured against public benchmarks with TAB's measures (``veil eval``).

``gold/`` reads each benchmark into one model, ``measures`` computes TAB's measures for any masks,
``run`` runs Veil over a gold standard, and ``report`` turns the result into the JSON that ``veil eval
--json`` prints and the benchmark scripts read.
"""

from veil.evaluation.gold import GOLD_FORMATS, GoldDocument, gold_format_for
from veil.evaluation.measures import Scorer, score
from veil.evaluation.report import measures, summary
from veil.evaluation.run import Evaluation, evaluate

__all__ = [
    "GOLD_FORMATS",
    "Evaluation",
    "GoldDocument",
    "Scorer",
    "evaluate",
    "gold_format_for",
    "measures",
    "score",
    "summary",
]
