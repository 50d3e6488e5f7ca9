"""Russian given names, their diminutives, and their other spellings, as one lexicon.

The bundled table (``veil/data/names/ru_hypocoristics.tsv``) lists for each common full name its
gender, three diminutives by register (short "Саша", familiar "Сашка", affectionate "Сашенька"), other
hypocoristics ("Шура", "Шурик", "Саня" ...) and other spellings (Ukrainian and Belarusian forms,
English equivalents and Latin spellings that do not follow from transliteration).

Two indexes answer the questions the pipeline asks:

* :func:`lookup` maps any written form, in any case ("Алёшеньке", "Сашу", "Олександра"), to the entry
  with its register and grammatical case: linking keys it to the full name, deciding writes the
  surrogate's diminutive of the same register in the same case;
* :func:`by_skeleton` maps a Latin or Cyrillic spelling's :func:`~veil.linking.keys.latin_skeleton`
  ("Sasha", "Serhiy", "Alexander") to the entry, so that keys agree across scripts and languages.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from veil.lexicon.ru import declension
from veil.lexicon.ru.morph import is_cyrillic_word

REGISTERS = ("full", "short", "familiar", "affectionate")


@dataclass(frozen=True, slots=True)
class GivenEntry:
    """One given name and its family of forms."""

    full: str
    gender: str
    short: str
    familiar: str
    affectionate: str
    others: tuple[str, ...]
    spellings: tuple[str, ...]

    def form(self, register: str) -> str:
        """The name in ``register`` (``full``, ``short``, ``familiar`` or ``affectionate``)."""
        return {"full": self.full, "short": self.short, "familiar": self.familiar}.get(register, self.affectionate)


@dataclass(frozen=True, slots=True)
class Hit:
    """A written form found in the lexicon: its entry, register and grammatical case."""

    entry: GivenEntry
    register: str
    case: str
    possessive: str = ""  # gender-case key when the form is a possessive adjective ("f gent")


def norm(word: str) -> str:
    return word.casefold().replace("ё", "е")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(",") if part.strip())


@functools.cache
def entries() -> tuple[GivenEntry, ...]:
    text = resources.files("veil.data.names").joinpath("ru_hypocoristics.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(
        GivenEntry(r[0], r[1], r[2], r[3], r[4], _split(r[5]) if len(r) > 5 else (), _split(r[6]) if len(r) > 6 else ())
        for r in rows
    )


def entry_for(full: str) -> GivenEntry | None:
    """The entry whose full name is ``full`` (any case of letters, ё or е)."""
    return _by_full().get(norm(full))


@functools.cache
def _by_full() -> dict[str, GivenEntry]:
    return {norm(e.full): e for e in entries()}


def _entry_forms(entry: GivenEntry) -> list[tuple[str, str, str]]:
    """(form, register, case) for every Cyrillic form of ``entry``; the first register claiming a form wins."""
    named = [
        (entry.full, "full"),
        (entry.short, "short"),
        (entry.familiar, "familiar"),
        (entry.affectionate, "affectionate"),
    ]
    named += [(other, "short") for other in entry.others]
    named += [(s, "full") for s in entry.spellings if is_cyrillic_word(s)]
    found = []
    for word, register in named:
        for case, form in declension.decline(word, entry.gender).items():
            found.append((form, register, case))
    return found


@functools.cache
def _index() -> dict[str, Hit]:
    index: dict[str, Hit] = {}
    for entry in entries():  # full names first, so a full name is never taken as another's diminutive
        index.setdefault(norm(entry.full), Hit(entry, "full", "nomn"))
    for entry in entries():
        for form, register, case in _entry_forms(entry):
            index.setdefault(norm(form), Hit(entry, register, case))
    for entry in entries():
        for word in {entry.short, entry.familiar, *entry.others}:
            for form, key in declension.possessive_forms(word).items():
                index.setdefault(norm(form), Hit(entry, "short" if word != entry.familiar else "familiar", "", key))
    return index


def lookup(word: str) -> Hit | None:
    """The lexicon entry a Cyrillic form belongs to, with its register and case (``None`` if unknown)."""
    return _index().get(norm(word))


@functools.cache
def _readings_index() -> dict[str, tuple[Hit, ...]]:
    found: dict[str, dict[tuple[str, str], Hit]] = {}
    for entry in entries():
        found.setdefault(norm(entry.full), {}).setdefault((entry.full, "nomn"), Hit(entry, "full", "nomn"))
    for entry in entries():
        for form, register, case in _entry_forms(entry):
            found.setdefault(norm(form), {}).setdefault((entry.full, case), Hit(entry, register, case))
    return {form: tuple(hits.values()) for form, hits in found.items()}


def readings(word: str) -> tuple[Hit, ...]:
    """Every reading of a form, of every entry: "Александра" is Александр's genitive and Александра's
    nominative, "Саша" a man's or a woman's diminutive."""
    return _readings_index().get(norm(word), ())


def lookup_for(word: str, gender: str = "", cases: tuple[str, ...] = ()) -> Hit | None:
    """Like :func:`lookup`, preferring a reading of ``gender`` and then one in one of ``cases``."""
    hits = readings(word)
    if not hits:
        return lookup(word)
    fitting = [h for h in hits if h.entry.gender == gender] or list(hits)
    return next((h for h in fitting if h.case in cases), None) or fitting[0]


def genders(word: str) -> frozenset[str]:
    """The genders a form can have as a given name (two for "Саша", "Женя", "Евгения")."""
    return frozenset(hit.entry.gender for hit in readings(word))


@functools.cache
def _skeletons() -> dict[str, GivenEntry]:
    from veil.linking.keys import latin_skeleton

    table: dict[str, GivenEntry] = {}
    for entry in entries():
        table.setdefault(latin_skeleton(entry.full), entry)
    for entry in entries():
        for word in (entry.short, entry.familiar, entry.affectionate, *entry.others, *entry.spellings):
            table.setdefault(latin_skeleton(word), entry)
    return table


def by_skeleton(skeleton: str) -> GivenEntry | None:
    """The entry a spelling's Latin skeleton belongs to ("sasha" -> Александр), if any."""
    return _skeletons().get(skeleton)


# Case endings of a name in -а/-я written in Latin letters ("Alyoshe", "Sashu", "Sashei").
_LATIN_ENDINGS = ("oi", "ei", "e", "u", "i", "y")


def by_inflected_skeleton(skeleton: str) -> GivenEntry | None:
    """Like :func:`by_skeleton`, also undoing a Russian case ending on a Latin spelling ("aleshe")."""
    found = by_skeleton(skeleton)
    if found is not None or len(skeleton) < 5:
        return found
    for ending in _LATIN_ENDINGS:
        if skeleton.endswith(ending):
            stem = skeleton[: -len(ending)]
            found = by_skeleton(stem + "a") or by_skeleton(stem + "ia")
            if found is not None:
                return found
    return None


def is_form(word: str) -> bool:
    return norm(word) in _index()
