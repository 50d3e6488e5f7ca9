"""Gold standards: benchmark files read into one model, TAB's (one module per benchmark format)."""

from veil.evaluation.gold import brat as _brat  # noqa: F401  (registers the built-in gold formats)
from veil.evaluation.gold import factrueval as _factrueval  # noqa: F401
from veil.evaluation.gold import spia as _spia  # noqa: F401
from veil.evaluation.gold import tab as _tab  # noqa: F401
from veil.evaluation.gold.base import (
    GOLD_FORMATS,
    Annotation,
    GoldDocument,
    GoldEntity,
    GoldFormat,
    GoldMention,
    Span,
    gold_format_for,
)

__all__ = [
    "GOLD_FORMATS",
    "Annotation",
    "GoldDocument",
    "GoldEntity",
    "GoldFormat",
    "GoldMention",
    "Span",
    "gold_format_for",
]
