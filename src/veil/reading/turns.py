"""Speaker turns in interview transcripts: who speaks where, whatever the transcript's habits.

A turn starts at the beginning of a line with a speaker label and a colon ("Q:", "Interviewer:",
"Maria:", "ВОПРОС:", "**Anna:**"), optionally after a timestamp ("[00:01:15] Interviewer:",
"00:01:15 - Maria:"), or with a dialogue dash ("— Where were you?"). Labels that are roles (the
bundled ``data/transcript/labels.tsv``: Q, A, Interviewer, ВОПРОС, ОТВЕТ, Speaker ...) are structure,
never identifiers; any other label is a candidate name, which the ``transcript.speakers`` detector
judges. The publisher uses the same turns to style questions and answers apart.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

QUESTION, ANSWER, OTHER, NAMED, UNLABELED = "question", "answer", "other", "named", "unlabeled"

_TIMESTAMP = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?"
_LABEL_WORD = r"[^\W\d_][\w'’.\-]*"
_TURN = re.compile(
    rf"^(?P<indent>[ \t]*)(?:(?P<time>{_TIMESTAMP})[ \t]*(?:[-–—][ \t]*)?)?"
    rf"(?P<open>\*\*|__)?(?P<label>{_LABEL_WORD}(?:[ \t]+(?:{_LABEL_WORD}|\d{{1,2}})){{0,3}})"
    rf"(?:[ \t]*\((?P<aside>[^()\n]{{1,40}})\))?(?P<close>\*\*|__)?[ \t]*[:：](?P<after>\*\*|__)?(?:[ \t]+|$)",
    re.MULTILINE,
)
_LETTER_TURN = re.compile(r"^(?P<indent>[ \t]*)(?P<label>[QAВО])\.[ \t]+", re.MULTILINE)
_NUMBERED = re.compile(r"[ \t]*\d{1,2}$")  # "Speaker 2" is the role "Speaker"
_UNLABELED_TURN = re.compile(rf"^[ \t]*(?:[—–]|{_TIMESTAMP}(?:[ \t]*[-–—])?)[ \t]+", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Turn:
    """A turn's start in a text: its label (if any) and role, and where the spoken text begins."""

    start: int
    body_start: int
    role: str
    label: str = ""
    label_start: int = 0
    label_end: int = 0
    timestamp: str = ""


@functools.cache
def _labels() -> dict[str, str]:
    table: dict[str, str] = {}
    text = resources.files("veil.data").joinpath("transcript/labels.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            label, role = line.split("\t")
            table[_key(label)] = role.strip()
    return table


def _key(label: str) -> str:
    return re.sub(r"\s+", " ", label.strip().rstrip(".")).casefold().replace("ё", "е")


def label_role(label: str) -> str | None:
    """``question``, ``answer`` or ``other`` for a role label ("Q", "ОТВЕТ"), ``None`` for anything else."""
    table = _labels()
    return table.get(_key(label)) or table.get(_key(_NUMBERED.sub("", label)))


def is_role_label(text: str) -> bool:
    """Whether ``text`` is a speaker role such as "ОТВЕТ" or "Interviewer" (never an identifier)."""
    return label_role(text) is not None


def turns(text: str) -> Iterator[Turn]:
    """Every turn that starts a line of ``text``, in order."""
    found: dict[int, Turn] = {}
    for match in _TURN.finditer(text):
        label = match.group("label")
        if len(label) > 40 or (match.group("open") or "") != (match.group("close") or match.group("after") or ""):
            continue
        role = label_role(label) or NAMED
        if role == NAMED and not all(word[0].isupper() for word in label.split()):
            continue  # "he said: ..." is prose, not a turn
        found[match.start()] = Turn(
            match.start(), match.end(), role, label, match.start("label"), match.end("label"), match.group("time") or ""
        )
    for match in _LETTER_TURN.finditer(text):
        role = label_role(match.group("label")) or OTHER
        found.setdefault(match.start(), Turn(match.start(), match.end(), role, match.group("label"),
                                             match.start("label"), match.end("label")))  # fmt: skip
    for match in _UNLABELED_TURN.finditer(text):
        found.setdefault(match.start(), Turn(match.start(), match.end(), UNLABELED))
    return iter(sorted(found.values(), key=lambda t: t.start))
