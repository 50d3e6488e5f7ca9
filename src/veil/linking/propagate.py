"""Finding the mentions detectors missed: every form of every entity, searched for everywhere.

One missed mention undoes the rest, so once entities are known, the document is scanned again for each
entity's surface forms: the exact texts of its mentions and, for people, each word of the name (and, in
Russian, each word's inflected forms, diminutives and Latin spellings, supplied by the language package
through :data:`FORM_EXPANDERS`). A form that was written in lower case, or any form in a passage written
all in lower case (speech transcripts), is searched without regard to case; otherwise capitalised name
words must stay capitalised so that "Will" the name does not swallow "will" the verb.

Single-word forms (nearly all of them: a Russian first name alone has about a hundred) are looked up
word by word in a table, which costs the same however many forms there are; the few forms of several
words ("Sergey Volkov", "+7 903 111-22-33") go through a regular expression, longest first, before that.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from veil.findings import Detection, Entity, Passage, Why, span_text
from veil.intervals import Coverage

MIN_FORM_CHARS = 3
MAX_FORMS_PER_PATTERN = 2000
_WHY = Why("link.propagate", "same-form-elsewhere", 0.9, "the same name or value as another mention of this entity")
_REASONS = (_WHY,)
_WORD = re.compile(r"\w+")
_ONE_WORD = re.compile(r"^\w+$")

# Fine types whose detectors find every occurrence themselves (they match a pattern, not a name), so
# searching the document again for their texts adds nothing but time.
NOT_PROPAGATED = frozenset(
    {"date", "age", "money", "duration", "occupation", "rank", "family-size", "school-grade", "relative",
     "politics", "health", "appearance", "event", "place-description", "ethnicity", "religion", "language",
     "nationality", "vehicle", "activity"}
)  # fmt: skip
# lang -> function giving extra forms of a name word (e.g. Russian cases of a surname)
FormExpander = Callable[[str], Iterable[str]]
FORM_EXPANDERS: dict[str, FormExpander] = {}


@dataclass(frozen=True, slots=True)
class Form:
    text: str
    entity_index: int
    fold_case: bool


def is_lower_text(text: str) -> bool:
    """A passage written without capitals (more than a few letters, none upper case): a transcript."""
    # any() stops at the first capital, so ordinary text costs a few characters; map/filter keep the
    # loop in C, which matters because every passage and every model piece is asked
    if any(map(str.isupper, filter(str.isalpha, text))):
        return False
    return sum(map(str.isalpha, text)) > 20


def entity_forms(entity: Entity, index: int, words: Callable[[Detection], Sequence[str]]) -> list[Form]:
    """The forms to search for one entity (mention texts, and name words for people)."""
    texts: set[str] = {m.text for m in entity.mentions}
    if entity.type == "person":
        for mention in entity.mentions:
            expand = FORM_EXPANDERS.get(mention.lang)
            for word in words(mention):
                texts.add(word)
                if expand:
                    texts.update(expand(word))
    forms: list[Form] = []
    for text in texts:
        stripped = text.strip()
        if len(stripped) < MIN_FORM_CHARS or stripped.isdigit():
            continue
        fold = stripped == stripped.lower() or entity.type in {"email", "handle"}
        forms.append(Form(stripped, index, fold))
    return forms


def _compile(texts: Iterable[str], fold: bool) -> list[re.Pattern[str]]:
    chosen = sorted(set(texts), key=len, reverse=True)
    patterns = []
    for first in range(0, len(chosen), MAX_FORMS_PER_PATTERN):
        body = "|".join(re.escape(text) for text in chosen[first : first + MAX_FORMS_PER_PATTERN])
        patterns.append(re.compile(rf"(?<![\w@.])(?:{body})(?![\w])", re.IGNORECASE if fold else 0))
    return patterns


class Propagator:
    """Searches passages for the forms of known entities and returns the mentions not yet covered."""

    def __init__(self, entities: Sequence[Entity], words: Callable[[Detection], Sequence[str]]) -> None:
        self.entities = entities
        forms = [
            form for i, e in enumerate(entities) if e.type not in NOT_PROPAGATED for form in entity_forms(e, i, words)
        ]
        self._owner: dict[str, int] = {}
        self._owner_folded: dict[str, int] = {}
        self._folded_words: dict[str, int] = {}
        for form in forms:
            self._owner.setdefault(form.text, form.entity_index)
            self._owner_folded.setdefault(form.text.casefold(), form.entity_index)
            if form.fold_case:
                self._folded_words.setdefault(form.text.casefold(), form.entity_index)
        phrases = [f for f in forms if not _ONE_WORD.match(f.text)]
        self._exact = _compile((f.text for f in phrases if not f.fold_case), fold=False)
        self._folded = _compile((f.text.casefold() for f in phrases if f.fold_case), fold=True)
        self._everything_folded = _compile((f.text.casefold() for f in phrases), fold=True)

    def find(self, passages: Iterable[Passage], covered: Sequence[Detection]) -> list[tuple[int, Detection]]:
        """(entity index, new mention) pairs for occurrences outside the ``covered`` mentions.

        A new mention lies inside its passage, so only the covered spans that reach into that passage can
        overlap it: each passage gets a coverage of its own (one of the whole document would cost a tuple
        per mention, and inserting into it a shift of every span after the insertion point).
        """
        starts = [m.start for m in covered]
        ends = [m.end for m in covered]
        # linking covers with non-overlapping mentions in order of start, whose ends are in order too; then
        # the spans reaching into a passage are those from the first ending after its start to the last
        # starting before its end
        ordered = _ascending(starts) and _ascending(ends)
        found: list[tuple[int, Detection]] = []
        for passage in passages:
            low = bisect.bisect_right(ends, passage.start) if ordered else 0
            high = bisect.bisect_left(starts, passage.end) if ordered else len(starts)
            taken = Coverage(zip(starts[low:high], ends[low:high], strict=True))
            lower = is_lower_text(passage.text)
            hits = [hit for p in (self._everything_folded if lower else self._exact + self._folded)
                    for hit in self._scan(p, passage)]  # fmt: skip
            for owner, start, end in [*hits, *self._words(passage, lower)]:
                mention = self._mention(owner, start, end, passage, taken)
                if mention is not None:
                    found.append((owner, mention))
        return found

    def _scan(self, pattern: re.Pattern[str], passage: Passage) -> Iterator[tuple[int, int, int]]:
        for match in pattern.finditer(passage.text):
            owner = self._owner.get(match.group(), self._owner_folded.get(match.group().casefold()))
            if owner is not None:
                yield owner, match.start(), match.end()

    def _words(self, passage: Passage, lower: bool) -> Iterator[tuple[int, int, int]]:
        text = passage.text
        for match in _WORD.finditer(text):
            start = match.start()
            if start and text[start - 1] in "@.":
                continue
            word = match.group()
            owner = self._owner.get(word)
            if owner is None:
                owner = (self._owner_folded if lower else self._folded_words).get(word.casefold())
            if owner is not None:
                yield owner, start, match.end()

    def _mention(self, owner: int, start: int, end: int, passage: Passage, taken: Coverage) -> Detection | None:
        start, end = passage.start + start, passage.start + end
        if taken.overlaps(start, end):
            return None
        taken.add(start, end)
        template = self.entities[owner].mentions[0]
        text = span_text(passage.text, start - passage.start, end - passage.start)
        return replace(template, start=start, end=end, text=text, lang=passage.lang, why=_REASONS)


def _ascending(values: Sequence[int]) -> bool:
    return all(a <= b for a, b in itertools.pairwise(values))
