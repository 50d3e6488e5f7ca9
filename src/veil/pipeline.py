"""The pipeline: read -> detect -> link -> decide -> write.

:class:`Pipeline` wires the stages together. Each stage sits behind its own small contract (a
:class:`~veil.reading.base.Format`, :class:`~veil.detecting.base.Detector`,
:class:`~veil.linking.base.Linker`, :class:`~veil.deciding.base.Strategy`); the pipeline only decides
which detectors serve which passages, batches the work so models load once and run on many passages at
a time, and collects the result as an :class:`Analysis` that the writer, the reports, the vault and the
review app all read.

Typical use::

    from veil import Pipeline

    pipeline = Pipeline()
    protected = pipeline.protect_text("Sergey Volkov called me from +7 912 345-67-89.")
    print(protected.text)
"""

from __future__ import annotations

import abc
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from veil import detecting as _detecting  # noqa: F401  (registers the built-in detectors)
from veil.config import Settings
from veil.deciding import GENERALIZERS, Decider, DecisionContext, EntityMemory, InMemory
from veil.deciding.base import BEFORE_CHARS, EDIT_POLISHERS
from veil.deciding.surrogates import words_of
from veil.detecting.base import DETECTORS, Detector
from veil.detecting.deny import DenyListDetector
from veil.findings import Action, Decision, Detection, Edit, Entity, Passage, Why, sort_edits
from veil.language import AUTO, check_language, passages
from veil.linking import Linker
from veil.reading import Document, TextUnit, format_for
from veil.reading.base import SEARCH_ONLY_ROLES
from veil.reading.text import StringDocument
from veil.registry import Registry

BATCH_PASSAGES = 32
# An indefinite article, then spaces and perhaps an opening quote, right before a mention
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])([Aa]n?)(\s+[\"“«'(]?)$")
ProgressCallback = Callable[[int], None]


@dataclass
class Analysis:
    """Everything known about one document after deciding: the contract for writers and reports."""

    document: Document
    languages: dict[str, int]
    entities: list[Entity]
    decisions: list[Decision]
    extras: dict[str, Any] = field(default_factory=dict)
    # entity id -> index in ``decisions``, checked on every use (a reviewer's change replaces a decision)
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def lang(self) -> str:
        """The document's main language (most characters)."""
        return max(self.languages, key=lambda k: self.languages[k]) if self.languages else "en"

    @property
    def characters(self) -> int:
        return sum(self.languages.values())

    def decision_for(self, entity_id: str) -> Decision:
        index = self._index.get(entity_id)
        if index is None or index >= len(self.decisions) or self.decisions[index].entity_id != entity_id:
            self._index = {d.entity_id: i for i, d in enumerate(self.decisions)}
            index = self._index[entity_id]
        return self.decisions[index]

    def decisions_by_id(self) -> dict[str, Decision]:
        """Every decision by entity id, as the decisions are now (the review app replaces some in place)."""
        return {d.entity_id: d for d in self.decisions}

    def masked(self) -> Iterator[tuple[Entity, Decision]]:
        """Entities whose mentions are changed in the output, with their decisions."""
        by_id = self.decisions_by_id()
        for entity in self.entities:
            decision = by_id[entity.id]
            if decision.action != Action.KEEP:
                yield entity, decision

    def edits(self) -> list[Edit]:
        """The mentions' replacements, and the English articles before pseudonyms made to agree with them."""
        edits = self.mention_edits()
        edits += self._article_edits()
        edits = sort_edits(edits)  # a long document has a million edits: one list at a time besides the sorted one
        return polished(self.document, edits)

    def mention_edits(self) -> list[Edit]:
        """One edit per masked mention (what evaluation scores)."""
        return [
            Edit(mention.start, mention.end, replacement, entity.id)
            for entity, decision in self.masked()
            for mention, replacement in zip(entity.mentions, decision.replacements, strict=True)
        ]

    def _article_edits(self) -> list[Edit]:
        """'an "Alexandr Moroz"' must not become 'an "Yegor Gusev"': "a"/"an" before a pseudonym follows it."""
        from veil.deciding.generalize.en import article

        changed = sorted(
            (
                (mention.start, replacement, entity.id)
                for entity, decision in self.masked()
                if decision.action == Action.PSEUDONYM
                for mention, replacement in zip(entity.mentions, decision.replacements, strict=True)
                if mention.lang == "en" and replacement[:1].isalpha()
            ),
            key=lambda change: change[0],
        )
        if not changed:
            return []
        befores = texts_before(self.document, (start for start, _, _ in changed))
        edits = []
        for (mention_start, replacement, entity_id), before in zip(changed, befores, strict=True):
            found = _ARTICLE_BEFORE.search(before or "")
            if found is None:
                continue
            wanted = article(replacement)
            written = found.group(1)
            if written.casefold() != wanted:
                start = mention_start - len(found.group(0))
                fixed = wanted.capitalize() if written[0].isupper() else wanted
                edits.append(Edit(start, start + len(written), fixed, entity_id))
        return edits


class Assessor(abc.ABC):
    """Adds a section to an analysis after deciding (the re-identification risk estimate, say)."""

    @abc.abstractmethod
    def assess(self, analysis: Analysis) -> dict[str, Any]:
        """A JSON-serialisable section, stored in ``analysis.extras`` under the assessor's name."""


ASSESSORS = Registry[Assessor]("assessor")


@dataclass(frozen=True)
class ProtectedText:
    """The result of protecting a string: the new text and the analysis behind it."""

    text: str
    analysis: Analysis


class Pipeline:
    """Protects documents: one instance loads its models once and serves any number of documents."""

    def __init__(self, settings: Settings | None = None, memory: EntityMemory | None = None) -> None:
        self.settings = settings or Settings()
        self.memory: EntityMemory = memory or InMemory()
        self.linker = Linker(propagate=self.settings.propagate)
        self.decider = Decider(self.settings)
        # Pseudonyms must not be predictable from the real name, so they come from system randomness
        # unless a test fixes the seed.
        seed = self.settings.seed
        self.rng = random.Random(seed) if seed is not None else random.SystemRandom()  # noqa: S311
        self._detectors = self._choose_detectors()

    def _choose_detectors(self) -> list[Detector]:
        names = self.settings.detectors or DETECTORS.names()
        chosen = [DETECTORS.get(name) for name in names if name not in self.settings.disable]
        if self.settings.deny:
            chosen.append(DenyListDetector(self.settings.deny))
        return chosen

    def detectors_for(self, lang: str) -> list[Detector]:
        return [d for d in self._detectors if lang in d.languages]

    # -- stages ---------------------------------------------------------------------------------------

    def read(self, path: Path, format_name: str | None = None) -> Document:
        return format_for(path, format_name).read(path)

    def passages(self, document: Document, lang: str = AUTO, *, for_detectors: bool = False) -> Iterator[Passage]:
        """The document's passages; ``for_detectors`` leaves out units that are only searched."""
        units = document.units()
        if for_detectors:
            units = (unit for unit in units if unit.role not in SEARCH_ONLY_ROLES)
        return passages(units, check_language(lang))

    def detect(
        self, document: Document, lang: str = AUTO, progress: ProgressCallback | None = None, *, reduced: bool = False
    ) -> tuple[list[Detection], dict[str, int]]:
        """Every candidate span in the document (document offsets), and characters per language.

        ``progress`` is called with the number of characters each batch covered. ``reduced`` keeps only the
        candidates linking would start from (:meth:`Linker.reduce`, batch by batch): linking gives the same
        entities, and a long document holds a fraction of the candidates meanwhile.
        """
        detections: list[Detection] = []
        languages: Counter[str] = Counter()
        for batch in _batched(self.passages(document, lang, for_detectors=True), BATCH_PASSAGES):
            for passage in batch:
                languages[passage.lang] += len(passage.text)
            found = list(self._detect_batch(batch))
            detections.extend(self.linker.reduce(found) if reduced else found)
            if progress is not None:
                progress(sum(len(p.text) for p in batch))
        return detections, dict(languages)

    def _detect_batch(self, batch: Sequence[Passage]) -> Iterator[Detection]:
        for lang in sorted({p.lang for p in batch}):
            group = [p for p in batch if p.lang == lang]
            for detector in self.detectors_for(lang):
                for passage, found in zip(group, detector.detect_batch(group), strict=True):
                    yield from (d.shifted(passage.start) for d in found)

    def link(self, detections: Sequence[Detection], document: Document, lang: str = AUTO) -> list[Entity]:
        return self.linker.link(detections, lambda: self.passages(document, lang))

    def decide(
        self,
        entities: Sequence[Entity],
        main_lang: str,
        document: Document | None = None,
        before: Mapping[int, str] | None = None,
        actions: Mapping[str, tuple[Action, Why]] | None = None,
    ) -> list[Decision]:
        """Decisions for ``entities``; with the ``document`` (or the text ``before`` each mention that
        :func:`fitting_text` took from it), replacements can fit the text around them. ``actions`` are
        the settings' actions (:meth:`Decider.actions`) when another process worked them out."""
        if before is None:
            before = fitting_text(document, entities) if document is not None else {}
        context = DecisionContext(main_lang, self.settings, self.memory, self.rng, words_of(entities), before, entities)
        return self.decider.decide(entities, context, actions)

    def analyze(self, document: Document, lang: str = AUTO, progress: ProgressCallback | None = None) -> Analysis:
        """Detect, link and decide, without writing anything."""
        detections, languages = self.detect(document, lang, progress, reduced=True)
        entities = self.link(detections, document, lang)
        del detections  # the entities hold the mentions kept; the rest need not outlive linking
        return self.finish(document, languages, entities)

    def finish(
        self,
        document: Document,
        languages: dict[str, int],
        entities: list[Entity],
        decisions: list[Decision] | None = None,
    ) -> Analysis:
        """Decide (unless the ``decisions`` were made already) and assess entities found earlier, possibly
        in another process.

        Deciding is the only stage that reads and writes the project's memory, so a batch driver that
        owns the vault decides while its workers detect and link, and the workers then finish each file
        with the driver's decisions (assessing and rendering need no memory).
        """
        if decisions is None:
            decisions = self.decide(entities, main_language(languages), document)
        analysis = Analysis(document, languages, entities, decisions)
        for name in ASSESSORS.names():
            analysis.extras[name] = ASSESSORS.get(name).assess(analysis)
        return analysis

    # -- conveniences ---------------------------------------------------------------------------------

    def protect_text(self, text: str, lang: str = AUTO) -> ProtectedText:
        document = StringDocument(text)
        analysis = self.analyze(document, lang)
        return ProtectedText(apply_all(document.units(), analysis.edits()), analysis)

    def render(self, analysis: Analysis, out: BinaryIO) -> None:
        analysis.document.render(analysis.edits(), out)


def main_language(languages: Mapping[str, int]) -> str:
    """The language most of the document's characters are in (English for an empty one)."""
    return max(languages, key=lambda k: languages[k]) if languages else "en"


def fitting_text(document: Document, entities: Sequence[Entity]) -> dict[int, str]:
    """The text before each mention that deciding reads: only generalizers read it (a capital, an article,
    a preposition's case), and a 100 MB document has a million mentions, so the others get none."""
    return text_before(document, [e for e in entities if e.type in GENERALIZERS])


def text_before(document: Document, entities: Sequence[Entity]) -> dict[int, str]:
    """The text just before each mention (up to ``BEFORE_CHARS`` characters of its unit), in one pass."""
    starts = sorted({m.start for e in entities for m in e.mentions})
    return {start: text for start, text in zip(starts, texts_before(document, starts), strict=True) if text is not None}


def polished(document: Document, edits: list[Edit]) -> list[Edit]:
    """Sorted edits after the language packages' :data:`EDIT_POLISHERS` (none widens over another edit)."""
    if not EDIT_POLISHERS or not edits:
        return edits
    result: list[Edit] = []
    for edit, before in zip(edits, texts_before(document, (edit.start for edit in edits)), strict=True):
        for polish in EDIT_POLISHERS:
            widened = polish(edit, before or "")
            if not result or widened.start >= result[-1].end:
                edit = widened
        result.append(edit)
    return result


def texts_before(document: Document, offsets: Iterable[int]) -> Iterator[str | None]:
    """For each offset, in ascending order, the text just before it: up to ``BEFORE_CHARS`` characters of
    its unit (None for an offset outside every unit). One pass over the units, and nothing kept: a long
    document has a million edits, and a table of the text before each would outweigh them."""
    units = iter(document.units())
    unit = next(units, None)
    for offset in offsets:
        while unit is not None and unit.end <= offset:
            unit = next(units, None)
        if unit is None or offset < unit.start:
            yield None
        else:
            local = offset - unit.start
            yield unit.text[max(0, local - BEFORE_CHARS) : local]


def apply_all(units: Iterable[TextUnit], edits: Sequence[Edit]) -> str:
    from veil.reading.base import apply_edits

    return "".join(apply_edits(unit.text, unit.start, edits) for unit in units)


def _batched(items: Iterable[Passage], size: int) -> Iterator[list[Passage]]:
    batch: list[Passage] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


from veil import assessing as _assessing  # noqa: E402, F401  (registers the built-in assessors; they import this module)
