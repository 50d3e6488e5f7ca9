"""TAB's measures (Pilán et al. 2022, and the benchmark's ``evaluation.py``), on any gold and any masks.

Given a gold document and the character spans a system masked in it:

* a **mention is masked** when each of its characters is masked, except characters TAB ignores: spaces,
  punctuation, and the words of :data:`IGNORED_WORDS` (titles, determiners, prepositions ...), matched
  as whole words inside the mention;
* an **entity is masked** when every mention the annotator wants masked is (TAB's ER_di and ER_qi count
  the direct and the quasi entities to mask);
* **token recall** splits every mention of every entity to mask into ``\\w+`` tokens and asks of each
  whether it is masked (a token that is an ignored word counts as masked, as in TAB);
* **mention recall** asks it of every mention of every entity to mask;
* **token precision** splits each masked span into ``\\w+`` tokens; a token is correct for an annotator
  when one of that annotator's mentions to mask contains it. With several annotators each masked token
  counts once per annotator, so recall and precision are micro-averages over annotators (TAB's
  definition). Tokens are weighted uniformly (TAB's default; its BERT weighting needs a model).

Differences from ``evaluation.py``, none of which changes a score on the TAB files here: the ignored
words include a few Russian prepositions, conjunctions and titles (:data:`RUSSIAN_IGNORED_WORDS`; they never
occur in TAB's English); overlapping masked spans are merged before precision (Veil never produces
them); mentions may have several fragments (factRuEval, NEREL); a measure with nothing to count is
``None`` rather than 0.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from veil.evaluation.gold import GoldDocument, GoldEntity, GoldMention, Span
from veil.findings import Kind

IGNORED_WORDS = (
    "mr", "mrs", "ms", "and", "or", "from", "until", "to", "about", "after", "as", "at", "before", "between",
    "by", "during", "for", "in", "into", "of", "on", "over", "since", "with", "the", "a", "an", "no", "nr",
    "’s", "'s",
)  # fmt: skip
RUSSIAN_IGNORED_WORDS = (
    "и", "или", "в", "во", "на", "с", "со", "из", "от", "до", "к", "ко", "о", "об", "по", "за", "для", "у", "при",
    "г-н", "г-жа", "мистер", "миссис", "мисс",
)  # fmt: skip
IGNORED_MARKS = ",.-;:/&()[]–'\" ’“”"
IGNORABLE = re.compile(
    "|".join(
        [rf"\b{re.escape(w)}\b" for w in IGNORED_WORDS + RUSSIAN_IGNORED_WORDS] + [re.escape(c) for c in IGNORED_MARKS]
    ),
    re.IGNORECASE,
)
TOKEN = re.compile(r"\w+")
CONTEXT_CHARS = 30


@dataclass
class Tally:
    """``hit`` out of ``total``; the ratio is ``None`` when there was nothing to count."""

    hit: int = 0
    total: int = 0

    def add(self, hit: int, total: int = 1) -> None:
        self.hit += hit
        self.total += total

    @property
    def ratio(self) -> float | None:
        return self.hit / self.total if self.total else None


@dataclass
class GroupTallies:
    """Entity, mention and token recall for one label or type."""

    entities: Tally = field(default_factory=Tally)
    mentions: Tally = field(default_factory=Tally)
    tokens: Tally = field(default_factory=Tally)


@dataclass(frozen=True, slots=True)
class MissedMention:
    """A mention left (partly) readable, with its text and its context as masked (``*``)."""

    start: int
    end: int
    text: str
    context: str
    partial: bool


@dataclass(frozen=True, slots=True)
class Missed:
    """A gold entity to mask that the system did not fully mask."""

    document: str
    annotator: str
    entity: GoldEntity
    mentions: tuple[MissedMention, ...]


class Masks:
    """The characters of one document that a system masked, and TAB's rule for "this span is masked"."""

    def __init__(self, text: str, spans: Iterable[Span]) -> None:
        self.text = text
        self.spans = merged((max(s, 0), min(e, len(text))) for s, e in spans)
        self.covered = bytearray(len(text))
        for start, end in self.spans:
            self.covered[start:end] = b"\x01" * (end - start)

    def hides(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is masked, ignoring TAB's ignorable words and punctuation in it."""
        if self.covered.find(0, start, end) < 0:
            return True
        seen = bytearray(self.covered[start:end])
        for match in IGNORABLE.finditer(self.text[start:end]):
            seen[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        return seen.find(0) < 0

    def hides_mention(self, mention: GoldMention) -> bool:
        return all(self.hides(start, end) for start, end in mention.spans)

    def touches(self, mention: GoldMention) -> bool:
        return any(self.covered.find(1, start, end) >= 0 for start, end in mention.spans)

    def shown(self, start: int, end: int) -> str:
        """The text of ``[start, end)`` with masked characters as ``*`` and white space collapsed."""
        chars = ["*" if self.covered[i] else self.text[i] for i in range(max(start, 0), min(end, len(self.text)))]
        return " ".join("".join(chars).split())


def merged(spans: Iterable[Span]) -> list[Span]:
    """Non-empty spans, sorted, with overlapping ones merged (spans that only touch stay apart)."""
    result: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if result and start < result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return result


def tokens(text: str, spans: Iterable[Span]) -> list[Span]:
    """The ``\\w+`` tokens inside each span (a token cut by a span's edge is cut there too)."""
    return [(start + m.start(), start + m.end()) for start, end in spans for m in TOKEN.finditer(text[start:end])]


class Reach:
    """Whether one annotator has a mention to mask that contains a given span."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))

    @classmethod
    def of(cls, entities: Sequence[GoldEntity]) -> Reach:
        return cls(span for e in entities if e.to_mask for m in e.mentions if m.masked for span in m.spans)

    def contains(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.reach[index] >= end


@dataclass
class Scorer:
    """Accumulates TAB's measures over documents: ``add`` each, then read the tallies."""

    direct: Tally = field(default_factory=Tally)
    quasi: Tally = field(default_factory=Tally)
    mentions: Tally = field(default_factory=Tally)
    tokens: Tally = field(default_factory=Tally)
    token_precision: Tally = field(default_factory=Tally)
    mention_precision: Tally = field(default_factory=Tally)
    by_label: dict[str, GroupTallies] = field(default_factory=dict)
    by_type: dict[str, GroupTallies] = field(default_factory=dict)
    missed: list[Missed] = field(default_factory=list)
    documents: int = 0
    annotations: int = 0

    def add(self, document: GoldDocument, masked: Iterable[Span]) -> None:
        """Score one document against the spans the system masked in it."""
        masks = Masks(document.text, masked)
        self.documents += 1
        for annotation in document.annotations:
            self.annotations += 1
            for entity in annotation.entities:
                if entity.to_mask:
                    self._recall(document, annotation.annotator, entity, masks)
        self._precision(document, masks)

    def _groups(self, entity: GoldEntity) -> tuple[GroupTallies, GroupTallies]:
        return self.by_label.setdefault(entity.label, GroupTallies()), self.by_type.setdefault(
            entity.type, GroupTallies()
        )

    def _recall(self, document: GoldDocument, annotator: str, entity: GoldEntity, masks: Masks) -> None:
        groups = self._groups(entity)
        left = tuple(m for m in entity.mentions if m.masked and not masks.hides_mention(m))
        (self.direct if entity.kind == Kind.DIRECT else self.quasi).add(not left)
        for mention in entity.mentions:
            hidden = masks.hides_mention(mention)
            token_hits = [masks.hides(*token) for token in tokens(document.text, mention.spans)]
            self.mentions.add(hidden)
            self.tokens.add(sum(token_hits), len(token_hits))
            for group in groups:
                group.mentions.add(hidden)
                group.tokens.add(sum(token_hits), len(token_hits))
        for group in groups:
            group.entities.add(not left)
        if left:
            shown = tuple(_missed_mention(masks, m) for m in left)
            self.missed.append(Missed(document.id, annotator, entity, shown))

    def _precision(self, document: GoldDocument, masks: Masks) -> None:
        annotators = [Reach.of(a.entities) for a in document.annotations if a.entities]
        for start, end in tokens(document.text, masks.spans):
            self.token_precision.add(sum(r.contains(start, end) for r in annotators), len(annotators))
        for start, end in masks.spans:
            self.mention_precision.add(sum(r.contains(start, end) for r in annotators), len(annotators))


def _missed_mention(masks: Masks, mention: GoldMention) -> MissedMention:
    start, end = mention.start, mention.end
    text = " ".join(masks.text[a:b] for a, b in mention.spans)
    context = masks.shown(start - CONTEXT_CHARS, end + CONTEXT_CHARS)
    return MissedMention(start, end, text, context, masks.touches(mention))


def score(pairs: Iterable[tuple[GoldDocument, Sequence[Span]]]) -> Scorer:
    """TAB's measures over ``(gold document, masked spans)`` pairs."""
    scorer = Scorer()
    for document, masked in pairs:
        scorer.add(document, masked)
    return scorer
