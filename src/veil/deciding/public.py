"""The public-context filter: public facts stay in the text.

Countries and large regions named as general context, public figures acting publicly and public
institutions are kept, with the reason recorded. The bundled lists live in ``veil/data/public``; a
project adds its own through the ``allow`` setting, and its ``deny`` setting overrides everything here.
Matching is by language-neutral keys, so "Путина", "Путин" and "Putin" are the same public figure, and a
person counts as public only when the surname matches and every other word of the mention fits the
public figure's name (a private "Vladimir" is not the president).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from veil.findings import Entity, Label
from veil.linking.keys import name_token_key, text_key
from veil.linking.persons import name_words


@dataclass(frozen=True, slots=True)
class PublicFigure:
    keys: frozenset[str]
    surname: str


def _lines(name: str) -> list[str]:
    text = resources.files("veil.data.public").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def phrase_key(phrase: str, lang: str) -> str:
    """Word by word name keys of a phrase ("Республике Казахстан" -> "respublika kazahstan")."""
    return " ".join(name_token_key(word, lang) for word in phrase.replace("-", " ").split())


def _lang_of(text: str) -> str:
    return "ru" if any("\u0400" <= ch <= "\u04ff" for ch in text) else "en"


@functools.cache
def public_places() -> frozenset[str]:
    return frozenset(phrase_key(line, _lang_of(line)) for line in _lines("places.txt"))


@functools.cache
def public_organisations() -> frozenset[str]:
    return frozenset(phrase_key(line, _lang_of(line)) for line in _lines("organisations.txt"))


@functools.cache
def public_figures() -> tuple[PublicFigure, ...]:
    figures = []
    for line in _lines("figures.txt"):
        words = line.split()
        lang = _lang_of(line)
        keys = frozenset(name_token_key(w, lang) for w in words)
        figures.append(PublicFigure(keys, name_token_key(words[-1], lang)))
    return tuple(figures)


class PublicContext:
    """Decides whether an entity is a public fact to keep, and says why."""

    def __init__(self, allow: Iterable[str] = (), deny: Iterable[str] = ()) -> None:
        self.allow = {text_key(a) for a in allow}
        self.deny = {text_key(d) for d in deny}

    def denied(self, entity: Entity) -> bool:
        return any(text_key(m.text) in self.deny for m in entity.mentions)

    def reason_to_keep(self, entity: Entity) -> str | None:
        """Why ``entity`` is public (a short, non-sensitive reason), or ``None`` to protect it."""
        if self.denied(entity):
            return None
        if any(text_key(m.text) in self.allow for m in entity.mentions):
            return "on the project's allow list"
        if entity.type == "person":
            return "a public figure" if self._is_public_figure(entity) else None
        if entity.label == Label.LOC and all(self._phrase(m.text, m.lang) in public_places() for m in entity.mentions):
            return "a country or large region named as general context"
        if entity.label == Label.ORG and all(
            self._phrase(m.text, m.lang) in public_organisations() for m in entity.mentions
        ):
            return "a public institution"
        return None

    @staticmethod
    def _phrase(text: str, lang: str) -> str:
        return phrase_key(text.strip(" .,;:«»\"'()"), lang)

    @staticmethod
    def _is_public_figure(entity: Entity) -> bool:
        words = {w.key for m in entity.mentions for w in name_words(m) if not w.initial}
        if not words:
            return False
        return any(f.surname in words and words <= f.keys for f in public_figures())
