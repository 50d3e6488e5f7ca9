"""Running Veil on a gold standard: one pipeline (models loaded once), every document, TAB's measures.

:func:`evaluate` reads the gold file or folder, lets one :class:`~veil.pipeline.Pipeline` analyse each
document in the gold's language, takes the spans Veil would change in the protected text (every mention
of every entity not kept) as the masks, and scores them with :mod:`veil.evaluation.measures`. Model
loading is timed apart from the run, so the throughput it reports is the steady state.

Example::

    from pathlib import Path
    from veil.evaluation import evaluate

    result = evaluate(Path("../shared/data/tab/echr_dev_subset.json"))
    print(result.scorer.direct.ratio, result.scorer.tokens.ratio)
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from veil.config import Settings
from veil.evaluation.gold import GoldDocument, Span, gold_format_for
from veil.evaluation.measures import Scorer
from veil.pipeline import Pipeline
from veil.reading.text import StringDocument

WARM_UP = {"en": "Sergey Volkov called me on Monday.", "ru": "Сергей Волков позвонил мне в понедельник."}


@dataclass
class Evaluation:
    """The gold, Veil's masks on each document, the scores and how long it all took."""

    format: str
    gold: Path
    keep_public: bool
    predictions: list[tuple[GoldDocument, tuple[Span, ...]]] = field(default_factory=list)
    scorer: Scorer = field(default_factory=Scorer)
    load_seconds: float = 0.0
    seconds: float = 0.0

    @property
    def characters(self) -> int:
        return sum(len(document.text) for document, _ in self.predictions)

    def masks(self) -> dict[str, list[list[int]]]:
        """Veil's masks in the input format of TAB's ``evaluation.py``: ``{doc_id: [[start, end], ...]}``."""
        return {document.id: [[s, e] for s, e in spans] for document, spans in self.predictions}


def masked_spans(pipeline: Pipeline, document: GoldDocument) -> tuple[Span, ...]:
    """The spans Veil changes in ``document``'s protected text."""
    analysis = pipeline.analyze(StringDocument(document.text, document.id), document.lang)
    return tuple((edit.start, edit.end) for edit in analysis.mention_edits())


def warm_up(pipeline: Pipeline, languages: set[str]) -> float:
    """Load every model the pipeline needs for ``languages``; the seconds it took."""
    started = time.perf_counter()
    for lang in sorted(languages):
        pipeline.analyze(StringDocument(WARM_UP[lang]), lang)
    return time.perf_counter() - started


def evaluate(
    gold: Path,
    format_name: str | None = None,
    settings: Settings | None = None,
    keep_public: bool | None = None,
    limit: int | None = None,
    progress: Callable[[GoldDocument], None] | None = None,
) -> Evaluation:
    """Veil's TAB measures on ``gold`` (``keep_public=None``: the gold format's default)."""
    fmt = gold_format_for(gold, format_name)
    documents = list(itertools.islice(fmt.read(gold), limit))
    keep = fmt.keep_public if keep_public is None else keep_public
    started = time.perf_counter()
    pipeline = Pipeline((settings or Settings()).merged(keep_public=keep))
    result = Evaluation(fmt.name, gold, keep)
    result.load_seconds = time.perf_counter() - started + warm_up(pipeline, {d.lang for d in documents})
    started = time.perf_counter()
    for document in documents:
        result.predictions.append((document, masked_spans(pipeline, document)))
        if progress is not None:
            progress(document)
    result.seconds = time.perf_counter() - started
    for document, spans in result.predictions:
        result.scorer.add(document, spans)
    return result
