"""What a published interview is made of: the story's parts, and its body cut into blocks and turns.

The parts around the body (headline, standfirst, byline, figures, related links, the note that names
were changed) come from a TOML front-matter block at the top of the protected document, between two
``+++`` lines, or from a separate TOML file (``--meta``), and command-line options override both::

    +++
    title = "They came for him in September"
    standfirst = "A mother on her son's escape"
    byline = "Interview by Anna K."
    interviewer = ["Anna"]          # name labels that ask the questions (Q, Interviewer ... are known)

    [[figures]]
    src = "border.jpg"              # a local image, relative to the document; embedded in the page
    alt = "Cars queueing at a border crossing"
    caption = "The queue at the crossing"
    credit = "Photo: Anna K."
    after = 2                       # place it after the 2nd block of the body (0: before the body)

    [[related]]
    title = "How we protect our sources"
    url = "https://example.org/sources"
    +++

The front matter goes through ``veil protect`` with the rest of the document, so names in the
standfirst or a caption are replaced like those in the text; put a byline you want kept on the allow
list, or give it at publishing time with ``--byline``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from veil.config import first_problem
from veil.errors import ErrorCode, VeilError
from veil.reading.turns import ANSWER, NAMED, QUESTION, Turn, turns

_FRONT_MATTER = re.compile(r"\A\ufeff?[ \t]*\+\+\+[ \t]*\r?\n(?P<body>.*?)^[ \t]*\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_HEADING = re.compile(r"^(?P<hashes>#{1,4})[ \t]+(?P<text>.+?)[ \t#]*$")


class Figure(BaseModel):
    """A picture with its caption and credit."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    src: str = Field(description="a local image file, relative to the document")
    alt: str = Field(description="what the picture shows, for people who cannot see it")
    caption: str = ""
    credit: str = ""
    after: int = Field(default=0, ge=0, description="the block of the body it follows (0: before the body)")


class Link(BaseModel):
    """A related link."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    url: str

    @field_validator("url")
    @classmethod
    def _web_address(cls, url: str) -> str:
        if not url.startswith(("https://", "http://", "/", "#", "./", "../")):
            raise ValueError("a related link must be a web address (https://...) or a relative path")
        return url


class Story(BaseModel):
    """Everything around the body of a published interview."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str = ""
    standfirst: str = ""
    byline: str = ""
    date: str = ""
    lang: str = ""
    note: str = ""
    interviewer: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    related: tuple[Link, ...] = ()

    def merged(self, **changes: str | None) -> Story:
        data = self.model_dump()
        data.update({key: value for key, value in changes.items() if value})
        return Story.model_validate(data)


def parse_story(data: dict[str, object], where: str) -> Story:
    try:
        return Story.model_validate(data)
    except ValidationError as error:
        raise VeilError(ErrorCode.USAGE, f"{where}: {first_problem(error)}") from None


def _toml(text: str, where: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise VeilError(ErrorCode.USAGE, f"{where}: the front matter is not valid TOML ({error})") from None


def split_front_matter(text: str, where: str) -> tuple[Story, str]:
    """The story parts from a leading ``+++`` block, and the text after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return Story(), text
    return parse_story(_toml(match.group("body"), where), where), text[match.end() :]


def load_story_file(path: Path) -> Story:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise VeilError(ErrorCode.INPUT_UNREADABLE, f"{path}: cannot read this file as UTF-8 TOML") from None
    return parse_story(_toml(text, str(path)), str(path))


@dataclass
class Block:
    """A heading, a paragraph, or a speaker's turn (its first paragraph and any that follow it)."""

    kind: str  # heading, paragraph, question, answer, turn
    paragraphs: list[str] = field(default_factory=list)
    label: str = ""
    level: int = 2


def _turn_kind(turn: Turn, interviewer: frozenset[str]) -> str:
    if turn.role == QUESTION or (turn.role == NAMED and turn.label.casefold() in interviewer):
        return QUESTION
    if turn.role in (ANSWER, NAMED):
        return ANSWER
    return "turn"


def blocks(body: str, interviewer: tuple[str, ...] = ()) -> list[Block]:
    """The body cut into blocks: paragraphs are separated by blank lines, and a line that starts a
    speaker's turn starts a new block; paragraphs after a turn belong to it until the next one."""
    asking = frozenset(name.casefold() for name in interviewer)
    result: list[Block] = []
    current: Block | None = None
    for paragraph in _paragraphs(body):
        heading = _HEADING.match(paragraph)
        turn = next(iter(turns(paragraph)), None)
        if heading:
            current = None
            result.append(Block("heading", [heading.group("text")], level=len(heading.group("hashes"))))
        elif turn is not None and turn.start == 0:
            current = Block(_turn_kind(turn, asking), [paragraph[turn.body_start :].strip()], turn.label)
            result.append(current)
        elif current is not None:
            current.paragraphs.append(paragraph)
        else:
            result.append(Block("paragraph", [paragraph]))
    return _outline(result)


def _outline(items: list[Block]) -> list[Block]:
    """Heading levels for the page: the body's top level becomes ``h2`` (the headline is ``h1``), and no
    level is skipped (a screen reader's outline must not jump from h2 to h4)."""
    top = min((b.level for b in items if b.kind == "heading"), default=1)
    previous = 1
    for block in items:
        if block.kind == "heading":
            block.level = min(2 + block.level - top, previous + 1, 4)
            previous = block.level
    return items


def _paragraphs(body: str) -> list[str]:
    """Paragraphs: runs of lines separated by blank lines; a heading, or a line that starts a turn,
    always starts a paragraph of its own."""
    paragraphs: list[str] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            paragraphs.append(" ".join(lines))
            lines.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif _HEADING.match(line):
            flush()
            paragraphs.append(line)
        else:
            if next(iter(turns(line)), None) is not None:
                flush()
            lines.append(line)
    flush()
    return paragraphs
