"""Shared machinery for rule-based quasi-identifier detectors: rules as data, and word lists.

A :class:`Rule` is one regular expression with what a match means (TAB label, fine type, the reason
shown to the user) and, optionally, a function that reads attributes off the match (an age's value, a
date's month) or rejects it. A :class:`RuleDetector` runs its rules over a passage; the detectors in
``en/`` and ``ru/`` are mostly tables of rules. Patterns must stay linear: no nested unbounded
repetition, alternatives anchored on words.

Word lists (occupations, relatives, illnesses ...) live in ``veil/data/quasi`` as TSV files; a
:class:`PhraseIndex` looks phrases up word by word in a dictionary, so a list of a thousand terms costs
one pass over the words of the passage, not a thousand-branch regular expression.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Generic, NamedTuple, TypeVar

from veil.detecting.base import DETECTORS, Detector, found
from veil.findings import Detection, Kind, Label, Passage, Why

T = TypeVar("T")
Attrs = Callable[[re.Match[str], str], Mapping[str, str] | None]
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and what its matches are. ``group`` names the part of the match that is the span.

    ``attrs(match, text)`` returns the detection's attributes, or ``None`` to reject the match.
    """

    name: str
    pattern: re.Pattern[str]
    label: Label
    type: str
    note: str
    score: float = 0.8
    group: str | int = 0
    attrs: Attrs | None = None
    kind: Kind = Kind.QUASI
    # A cheap pattern every match contains; the full pattern then runs only within ``reach`` characters
    # of its hits, which keeps long alternations and case-insensitive starts off most of the text.
    trigger: re.Pattern[str] | None = None
    reach: int = 60


class RuleDetector(Detector):
    """Runs a table of rules over each passage."""

    rules: Sequence[Rule] = ()

    def rule_table(self) -> Sequence[Rule]:
        """The rules to run; detectors whose rules are built from data on first use override this."""
        return self.rules

    def detect(self, passage: Passage) -> list[Detection]:
        results: list[Detection] = []
        for rule in self.rule_table():
            results.extend(self.apply(rule, passage))
        return results

    def apply(self, rule: Rule, passage: Passage) -> Iterator[Detection]:
        why = Why(self.name, rule.name, rule.score, rule.note)
        text = passage.text
        for match in _matches(rule, text):
            start, end = match.span(rule.group)
            if start < 0 or end <= start:
                continue
            attrs = rule.attrs(match, text) if rule.attrs else {}
            if attrs is None:
                continue
            yield found(passage, start, end, label=rule.label, kind=rule.kind, type=rule.type, why=why,
                        attrs=attrs)  # fmt: skip


def _matches(rule: Rule, text: str) -> Iterator[re.Match[str]]:
    """The rule's matches, searched near its trigger's hits when it has one (each match once)."""
    if rule.trigger is None:
        yield from rule.pattern.finditer(text)
        return
    done = -1
    for start, end in _hits(rule.trigger, text):
        if end <= done:
            continue
        window_start = max(0, start - rule.reach, done)
        window_end = min(len(text), end + rule.reach)
        for match in rule.pattern.finditer(text, window_start, window_end):
            if match.start() <= start < match.end() or match.start() < end <= match.end():
                done = max(done, match.end())
                yield match


# Several rules of a table may share a trigger: its hits in the passage are found once.
@functools.lru_cache(maxsize=64)
def _hits(trigger: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    """The trigger's matches; a case-insensitive trigger written in lower case runs on :func:`caseless` text."""
    lowered = _lowered(trigger)
    folded = caseless(text) if lowered is not None else None
    if lowered is not None and folded is not None:
        return tuple(match.span() for match in lowered.finditer(folded))
    return tuple(match.span() for match in _expanded(trigger).finditer(text))


@functools.cache
def _expanded(trigger: re.Pattern[str]) -> re.Pattern[str]:
    """``trigger`` with each alternative that starts with a letter in both cases ("[Cc]ustody") split in
    two ("Custody|custody"): when every alternative starts with a plain character, re skips straight to
    the characters that can start a match (three to five times faster); it matches what ``trigger``
    matches. Any other trigger is returned as it is."""
    if trigger.flags != re.UNICODE:
        return trigger
    alternatives = []
    for alternative in _top_alternatives(trigger.pattern):
        both = _BOTH_CASES.match(alternative)
        if both and both["upper"] != both["lower"] and both["upper"].lower() == both["lower"].lower():
            alternatives += [both["upper"] + both["rest"], both["lower"] + both["rest"]]
        elif alternative[:1].isalnum() and alternative[1:2] not in _QUANTIFIERS:
            alternatives.append(alternative)
        else:
            return trigger
    return re.compile("|".join(alternatives))


_BOTH_CASES = re.compile(r"\[(?P<upper>\w)(?P<lower>\w)\](?P<rest>(?![?*+{]).*)", re.DOTALL)
_QUANTIFIERS = frozenset("?*+{")


def _top_alternatives(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level (not inside a group or a class)."""
    alternatives, depth, start, index = [], 0, 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        depth += (char in "([") - (char in ")]")
        if char == "|" and depth == 0:
            alternatives.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*alternatives, pattern[start:]]


@functools.cache
def _lowered(trigger: re.Pattern[str]) -> re.Pattern[str] | None:
    """``trigger`` without its ``(?i)``, when it is written in lower case (so that it means the same on
    lower-case text); None for any other trigger."""
    rest = trigger.pattern.removeprefix("(?i)")
    if not trigger.flags & re.IGNORECASE or rest == trigger.pattern or rest != rest.lower() or _FLAGS.search(rest):
        return None
    return re.compile(rest)


_FLAGS = re.compile(r"\(\?[a-zA-Z-]+[:)]")  # an inline flag group, "(?-i:...)"


def rule_maker(label: Label, type_: str, flags: int = 0) -> Callable[..., Rule]:
    """A short way to write a table of rules that share a TAB label, a fine type and regex flags::

    _rule = rule_maker(Label.DEM, "age")
    RULES = (_rule("aged", r"\\baged\\s+\\d+", "an age after 'aged'", _attrs),)
    """

    def make(
        name: str,
        pattern: str,
        note: str,
        attrs: Attrs | None = None,
        score: float = 0.85,
        group: str | int = 0,
        *,
        fine_type: str = type_,
        trigger: re.Pattern[str] | None = None,
        reach: int = 60,
    ) -> Rule:
        compiled = re.compile(pattern, flags)
        return Rule(name, compiled, label, fine_type, note, score, group, attrs, trigger=trigger, reach=reach)

    return make


def register_rules(name: str, languages: Iterable[str], rules: Sequence[Rule]) -> type[RuleDetector]:
    """Define and register a detector that is nothing but a table of rules."""
    detector = type(
        name.replace(".", "_").title().replace("_", ""),
        (RuleDetector,),
        {"name": name, "languages": frozenset(languages), "rules": tuple(rules), "__doc__": f"The rules of {name}."},
    )
    DETECTORS.register(name)(detector)
    return detector


class Word(NamedTuple):  # a tuple: a passage has tens of thousands, built in one go
    start: int
    end: int
    text: str
    folded: str


# Every rule detector asks for the words of each passage of a batch in turn, so the cache must hold a
# whole batch (the pipeline's BATCH_PASSAGES, 32) or each detector would cut the words again.
@functools.lru_cache(maxsize=48)
def words(text: str) -> tuple[Word, ...]:
    """The words of a passage, computed once for all the detectors that need them."""
    folded = fold(text)
    spans = map(re.Match.span, _WORD.finditer(text))
    if len(folded) != len(text):  # a letter whose lower case is longer ("İ"): fold word by word
        return tuple([Word(start, end, text[start:end], fold(text[start:end])) for start, end in spans])
    return tuple([Word(start, end, text[start:end], folded[start:end]) for start, end in spans])


# Letters that Python's case-insensitive matching equates with a Latin or Cyrillic letter although their
# lower case is another letter (the dotless "ı", the long "ſ", the old Cyrillic letter forms) or two
# characters (the dotted "İ", the only such letter).
_CASE_EQUIVALENTS = str.maketrans(
    {"ı": "i", "ſ": "s", "İ": "i", "\u1c80": "в", "\u1c81": "д", "\u1c82": "о", "\u1c83": "с", "\u1c84": "т",
     "\u1c85": "т", "\u1c86": "ъ"}
)  # fmt: skip


@functools.lru_cache(maxsize=48)
def caseless(text: str) -> str | None:
    """``text`` in lower case letter for letter: a lower-case pattern over Latin and Cyrillic letters finds
    in it, at the same offsets, what the pattern with ``(?i)`` finds in ``text``, several times faster
    (a case-sensitive pattern skips to the letters it can start with). None if the lower case were
    longer than the text (no letter but "İ", mapped first, lower-cases to two characters); then the
    case-insensitive pattern must run on ``text`` itself."""
    lowered = text.translate(_CASE_EQUIVALENTS).lower()
    return lowered if len(lowered) == len(text) else None


def caseless_spans(lowered: re.Pattern[str], insensitive: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Where ``insensitive`` (a ``(?i)`` pattern) matches in ``text``, found with ``lowered``, the same
    pattern in lower case without the flag, in :func:`caseless` text when there is one."""
    folded = caseless(text)
    found = lowered.finditer(folded) if folded is not None else insensitive.finditer(text)
    return [match.span() for match in found]


def caseless_starts(lowered: re.Pattern[str], insensitive: re.Pattern[str], text: str) -> list[int]:
    """The starts of :func:`caseless_spans`."""
    return [start for start, _ in caseless_spans(lowered, insensitive, text)]


def matches_from(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only start at one of ``starts`` (in order)."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


def finditer_if_any(pattern: re.Pattern[str], text: str, needed: Iterable[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when ``text`` holds none of ``needed``, strings that every match
    contains (a substring test costs far less than a pattern that is tried at every position)."""
    if any(part in text for part in needed):
        yield from pattern.finditer(text)


def word_starts(start: re.Pattern[str], text: str) -> list[int]:
    """Where ``start`` (a pattern of word characters; no ``\\b``, so that re can skip to its first letters)
    matches at the start of a word."""
    return [m.start() for m in start.finditer(text) if not m.start() or not _WORD_CHAR.match(text, m.start() - 1)]


_WORD_CHAR = re.compile(r"\w")


def fold(text: str) -> str:
    """Lower case with ``ё`` as ``е`` and typographic apostrophes as ASCII ones."""
    return text.casefold().replace("ё", "е").replace("’", "'")


@dataclass
class PhraseIndex(Generic[T]):
    """Phrases (sequences of folded words) -> payload; finds the longest phrase at each word."""

    _first: dict[str, list[tuple[tuple[str, ...], T]]] = field(default_factory=dict)

    def add(self, phrase: str, payload: T) -> None:
        key = tuple(fold(w.group()) for w in _WORD.finditer(phrase))
        if key:
            entries = self._first.setdefault(key[0], [])
            entries.append((key, payload))
            entries.sort(key=lambda entry: -len(entry[0]))

    def __contains__(self, word: str) -> bool:
        return word in self._first

    def match_at(self, items: Sequence[Word], index: int) -> tuple[int, T] | None:
        """(end index, payload) of the longest phrase starting at ``items[index]``."""
        for key, payload in self._first.get(items[index].folded, ()):
            end = index + len(key)
            if end <= len(items) and all(items[index + k].folded == key[k] for k in range(1, len(key))):
                return end, payload
        return None

    def find(self, items: Sequence[Word]) -> Iterator[tuple[int, int, T]]:
        """Non-overlapping (start index, end index, payload) matches, left to right."""
        first = self._first
        index = 0
        for candidate in [i for i, item in enumerate(items) if item.folded in first]:  # few words start a phrase
            if candidate < index:
                continue
            hit = self.match_at(items, candidate)
            if hit is not None:
                yield candidate, hit[0], hit[1]
                index = hit[0]


def table(name: str) -> list[list[str]]:
    """Rows of a TSV word list in ``veil/data/quasi`` (``#`` starts a comment line)."""
    text = resources.files("veil.data.quasi").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def alternation(terms: Iterable[str]) -> str:
    """A regex alternation of literal terms, longest first (so the longest wins)."""
    return "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))


def before(text: str, start: int, chars: int = 40) -> str:
    """Up to ``chars`` characters of context before ``start``."""
    return text[max(0, start - chars) : start]
