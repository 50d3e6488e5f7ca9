"""The public-context filter: public facts stay in the text.

Countries and large regions named as general context, public figures acting publicly and public
institutions are kept, with the reason recorded. The bundled lists live in ``veil/data/public``; a
project adds its own through the ``allow`` setting, and its ``deny`` setting overrides everything here.
Matching is by language-neutral keys, so "Путина", "Путин" and "Putin" are the same public figure, and a
person counts as public only when the surname matches and every other word of the mention fits the
public figure's name (a private "Vladimir" is not the president); named by the surname alone, only when
that surname names the figure on its own ("Путин", not the common "Медведев": ``figures_by_surname.txt``).

Places and institutions are judged by what their names say. Large rivers, seas, lakes and mountain
ranges stay (``nature.txt``), even where a small town shares the name ("по Волге"). A country stays
unless a mention ties it to a person ("born in Kazakhstan", detectors mark such mentions ``personal``).
An institution stays when its name is made only of generic words ("the Supreme Court", "Court of
Cassation": it names no particular town or person) or names a state ("the Turkish Government", "the
Republic of Poland"); a local court or a company ("Kayseri Administrative Court", "Viasat AB") does not.
A lower-case description of someone's own institution ("the lyceum") is never public.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from veil.findings import Detection, Entity, Label
from veil.linking.keys import name_token_key, text_key
from veil.linking.persons import name_words

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_STATE = re.compile(
    r"(?i)^(?:the\s+)?(?:(?P<a>[\w\s]+?)\s+(?:government|authorities|state)|(?:government|republic|kingdom|federation|state)"
    r"\s+of\s+(?:the\s+)?(?P<b>[\w\s]+)|(?P<c>[\w\s]+?)\s+(?:government|authorities))$"
)
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")
STATE_NAMES = frozenset({"the state", "state", "the government", "government", "the respondent state"})


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
def natural_features() -> frozenset[str]:
    """Keys of every listed feature in every case ("Каспийского моря" as well as "Каспийское море")."""
    from veil.deciding.generalize.ru import inflect_phrase
    from veil.lexicon.ru.morph import CASES

    keys: set[str] = set()
    for line in _lines("nature.txt"):
        lang = _lang_of(line)
        forms = [line, *(inflect_phrase(line, case) for case in CASES)] if lang == "ru" else [line]
        keys.update(phrase_key(form, lang) for form in forms)
    return frozenset(keys)


@functools.cache
def public_organisations() -> frozenset[str]:
    return frozenset(phrase_key(line, _lang_of(line)) for line in _lines("organisations.txt"))


@functools.cache
def public_figure_names() -> tuple[str, ...]:
    """The listed public figures' names as written, one spelling a line."""
    return tuple(_lines("figures.txt"))


@functools.cache
def public_figures() -> tuple[PublicFigure, ...]:
    figures = []
    for line in public_figure_names():
        words = line.split()
        lang = _lang_of(line)
        keys = frozenset(name_token_key(w, lang) for w in words)
        figures.append(PublicFigure(keys, name_token_key(words[-1], lang)))
    return tuple(figures)


@functools.cache
def surnames_alone() -> frozenset[str]:
    """Keys of the public figures' surnames that name them on their own ("Путин"; not "Медведев")."""
    return frozenset(name_token_key(line, _lang_of(line)) for line in _lines("figures_by_surname.txt"))


def _named_by_office(mention: Detection) -> bool:
    """Found as a listed figure's surname after an office, or written as office words and a surname."""
    from veil.detecting.figures import is_office_word

    if any(why.source == "public.figures" for why in mention.why):
        return True
    words = mention.text.split()
    return len(words) >= 2 and all(is_office_word(word) for word in words[:-1])


@functools.cache
def generic_words() -> frozenset[str]:
    """Words that say what kind of institution something is without naming it (English, Russian lemmas)."""
    return frozenset(line.casefold() for line in _lines("generic_words.txt"))


def _word_key(word: str, lang: str) -> str:
    if lang != "ru":
        return word.casefold().replace("’", "'")
    from veil.lexicon.ru.morph import lemma

    return str(lemma(word.casefold())).replace("ё", "е")


_ORIGINAL = re.compile(r"\s*\([^()]*\)")
_POSSESSIVE = re.compile(r"['’]s?\b")


def name_words_of(name: str) -> list[str]:
    """The words of an institution's name, without a bracketed original-language name or a possessive."""
    return _WORD.findall(_POSSESSIVE.sub("", _ORIGINAL.sub("", name)))


def is_generic_name(name: str, lang: str) -> bool:
    """Whether an institution's name is made only of generic words ("Supreme Administrative Court")."""
    found = name_words_of(name)
    return bool(found) and all(_word_key(w, lang) in generic_words() for w in found)


def generic_part(name: str, lang: str) -> str:
    """The generic words of a name, as written ("Kayseri Administrative Court" -> "Administrative Court")."""
    kept = [w for w in name_words_of(name) if _word_key(w, lang) in generic_words()]
    while kept and kept[0].casefold() in {"of", "the", "and", "for", "on", "in", "по", "и"}:
        kept.pop(0)
    while kept and kept[-1].casefold() in {"of", "the", "and", "for", "on", "in", "по", "и"}:
        kept.pop()
    return " ".join(kept)


def _is_state(name: str) -> bool:
    from veil.reference.places import fold, gazetteer

    if fold(name) in STATE_NAMES:
        return True
    match = _STATE.match(name.strip())
    if not match:
        return False
    country = fold(next(g for g in match.groups() if g))
    names = {fold(c.en.removeprefix("the ")) for c in gazetteer().countries.values()}
    return country in names or country in gazetteer().adjectives() or country.removeprefix("the ") in names


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
        if any(m.attrs.get("personal") for m in entity.mentions):
            return None
        if entity.type == "country":
            return "a country named as general context"
        if entity.label == Label.LOC and all(self._feature(m) in natural_features() for m in entity.mentions):
            return "a large river, sea or mountain range named as general context"
        named_place = entity.type in {"city", "village", "district", "border-crossing", "address"}
        if (
            entity.label == Label.LOC
            and not named_place
            and all(self._phrase(m) in public_places() for m in entity.mentions)
        ):
            return "a country or large region named as general context"
        if entity.label == Label.ORG:
            return self._public_institution(entity.mentions)
        return None

    def _public_institution(self, mentions: list[Detection]) -> str | None:
        if all(self._phrase(m) in public_organisations() for m in mentions):
            return "a public institution"
        if all(_is_state(m.text) for m in mentions):
            return "a state named as a party"
        named = [m for m in mentions if not _ACRONYM.match(m.text)]
        if named and all(is_generic_name(m.text, m.lang) for m in named):
            return "a public institution named only by its function"
        return None

    @staticmethod
    def _feature(mention: Detection) -> str:
        return phrase_key(re.sub(r"^(?i:the)\s+", "", mention.text.strip(" .,;:«»\"'()")), mention.lang)

    @staticmethod
    def _phrase(mention: Detection) -> str:
        return phrase_key(mention.text.strip(" .,;:«»\"'()"), mention.lang)

    @staticmethod
    def _is_public_figure(entity: Entity) -> bool:
        words = {w.key for m in entity.mentions for w in name_words(m) if not w.initial}
        # a surname alone after the figure's office ("Ombudsman Lubinets") was found as the figure
        by_office = any(_named_by_office(m) for m in entity.mentions)
        if not words or (len(words) == 1 and not words <= surnames_alone() and not by_office):
            return False  # a common surname alone is more likely a private namesake
        return any(f.surname in words and words <= f.keys for f in public_figures())
