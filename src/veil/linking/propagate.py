"""Finding the mentions detectors missed: every form of every entity, searched for everywhere.

One missed mention undoes the rest, so once entities are known, the document is scanned again for each
entity's surface forms: the exact texts of its mentions and, for people, each word of the name (and, in
Russian, each word's inflected forms, supplied by the language package through :data:`FORM_EXPANDERS`).
A form that was written in lower case, or any form in a passage written all in lower case (speech
transcripts), is searched without regard to case; otherwise capitalised name words must stay capitalised
so that "Will" the name does not swallow "will" the verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from veil.findings import Detection, Entity, Passage, Why
from veil.intervals import Coverage

MIN_FORM_CHARS = 3
MAX_FORMS_PER_PATTERN = 2000
_WHY = Why("link.propagate", "same-form-elsewhere", 0.9, "the same name or value as another mention of this entity")

# Fine types whose detectors find every occurrence themselves (they match a pattern, not a name), so
# searching the document again for their texts adds nothing but time.
NOT_PROPAGATED = frozenset(
    {"date", "age", "money", "duration", "occupation", "rank", "family-size", "school-grade", "relative",
     "politics", "health", "appearance", "event", "place-description", "ethnicity", "religion", "language",
     "nationality"}
)  # fmt: skip
# lang -> function giving extra forms of a name word (e.g. Russian cases of a surname)
FormExpander = Callable[[str], Iterable[str]]
FORM_EXPANDERS: dict[str, FormExpander] = {}


@dataclass(frozen=True, slots=True)
class Form:
    text: str
    entity_index: int
    fold_case: bool


def _is_lower_passage(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 20 and not any(ch.isupper() for ch in letters)


def entity_forms(entity: Entity, index: int, words: Callable[[Detection], Sequence[str]]) -> list[Form]:
    """The forms to search for one entity (mention texts, and name words for people)."""
    texts: set[str] = {m.text for m in entity.mentions}
    if entity.type == "person":
        for mention in entity.mentions:
            for word in words(mention):
                texts.add(word)
                for expand in (FORM_EXPANDERS.get(mention.lang),):
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


def _compile(forms: Sequence[Form], fold: bool) -> re.Pattern[str] | None:
    chosen = sorted({f.text.casefold() if fold else f.text for f in forms}, key=len, reverse=True)
    if not chosen:
        return None
    body = "|".join(re.escape(text) for text in chosen[:MAX_FORMS_PER_PATTERN])
    return re.compile(rf"(?<![\w@.])(?:{body})(?![\w])", re.IGNORECASE if fold else 0)


class Propagator:
    """Searches passages for the forms of known entities and returns the mentions not yet covered."""

    def __init__(self, entities: Sequence[Entity], words: Callable[[Detection], Sequence[str]]) -> None:
        self.entities = entities
        forms = [
            form for i, e in enumerate(entities) if e.type not in NOT_PROPAGATED for form in entity_forms(e, i, words)
        ]
        self._owner: dict[str, int] = {}
        self._owner_folded: dict[str, int] = {}
        for form in forms:
            self._owner.setdefault(form.text, form.entity_index)
            self._owner_folded.setdefault(form.text.casefold(), form.entity_index)
        self._exact = _compile([f for f in forms if not f.fold_case], fold=False)
        self._folded = _compile([f for f in forms if f.fold_case], fold=True)
        self._everything_folded = _compile(forms, fold=True)

    def find(self, passages: Iterable[Passage], covered: Sequence[tuple[int, int]]) -> list[tuple[int, Detection]]:
        """(entity index, new mention) pairs for occurrences outside ``covered`` spans."""
        taken = Coverage(covered)
        found: list[tuple[int, Detection]] = []
        for passage in passages:
            patterns = [self._everything_folded] if _is_lower_passage(passage.text) else [self._exact, self._folded]
            for pattern in patterns:
                if pattern is not None:
                    found.extend(self._scan(pattern, passage, taken))
        return found

    def _scan(self, pattern: re.Pattern[str], passage: Passage, taken: Coverage) -> list[tuple[int, Detection]]:
        results: list[tuple[int, Detection]] = []
        for match in pattern.finditer(passage.text):
            start, end = passage.start + match.start(), passage.start + match.end()
            if taken.overlaps(start, end):
                continue
            owner = self._owner.get(match.group(), self._owner_folded.get(match.group().casefold()))
            if owner is None:
                continue
            template = self.entities[owner].mentions[0]
            mention = replace(template, start=start, end=end, text=match.group(), lang=passage.lang, why=(_WHY,))
            results.append((owner, mention))
            taken.add(start, end)
        return results
