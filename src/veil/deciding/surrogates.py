"""Pseudonyms for people: chosen once per person, written to fit every mention.

A surrogate is a record (see :mod:`veil.deciding.memory`) holding a first name, a middle name or
patronymic and a surname in both scripts, of the original person's gender. It is drawn from the pools in
``veil/data/names`` (Russian names for people in Russian text or with Russian names, English names
otherwise), never one whose words appear among the real names of the document or on the public-figure
list, and never one already given to someone else in the project.

Writing a mention replaces each word of the real name by the surrogate's word of the same role, in the
script and letter case of the original. Language packages register a renderer in :data:`RENDERERS` to do
more (the Russian one inflects the surrogate into each mention's grammatical case).
"""

from __future__ import annotations

import functools
import random
import re
import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

import iuliia

from veil.findings import Detection, Entity
from veil.linking.diminutives import NICKNAME
from veil.linking.keys import latin_skeleton, name_token_key
from veil.linking.persons import ROLE_FIRST, ROLE_LAST, ROLE_MIDDLE, NameWord, dominant, name_words

Record = Mapping[str, str]
T = TypeVar("T")
# Russian and Ukrainian surname endings, and patronymics ("Borisovna") in Latin letters
_RUSSIAN_SURNAME = re.compile(r"(?:ov|ova|ev|eva|sky|skiy|skaya|enko|chuk|ovich|evich|ovna|evna|ichna)$", re.IGNORECASE)
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")
_CYRILLIC_LETTER = re.compile(f"[{''.join(sorted(_CYRILLIC))}]")  # one search, not a loop over the characters


@dataclass(frozen=True, slots=True)
class GivenName:
    latin: str
    cyrillic: str
    gender: str
    diminutive: str = ""


def _rows(name: str) -> list[list[str]]:
    text = resources.files("veil.data.names").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def to_latin(cyrillic: str) -> str:
    """The usual English spelling of a Russian name (Wikipedia's romanisation)."""
    return str(iuliia.WIKIPEDIA.translate(cyrillic))


@functools.cache
def english_given() -> tuple[GivenName, ...]:
    return tuple(GivenName(latin, cyr, gender) for latin, cyr, gender in _rows("en_given.tsv"))


@functools.cache
def english_surnames() -> tuple[tuple[str, str], ...]:
    return tuple((latin, cyr) for latin, cyr in _rows("en_surnames.tsv"))


@functools.cache
def russian_given() -> tuple[GivenName, ...]:
    return tuple(GivenName(to_latin(cyr), cyr, gender, dim) for cyr, gender, dim in _rows("ru_given.tsv"))


@functools.cache
def russian_surnames() -> tuple[str, ...]:
    return tuple(row[0] for row in _rows("ru_surnames.tsv"))


@functools.cache
def known_given_names() -> dict[str, str]:
    """Given-name key -> gender, from the pools (used to guess roles and genders)."""
    table: dict[str, str] = {}
    for name in english_given() + russian_given():
        table.setdefault(latin_skeleton(name.latin), name.gender)
        table.setdefault(latin_skeleton(name.cyrillic), name.gender)
    return table


# Names whose stem changes before the patronymic suffix.
_PATRONYMIC_STEMS = {"Лев": "Льв", "Пётр": "Петр", "Павел": "Павл", "Михаил": "Михайл"}
# Names in -а/-я: the masculine patronymic is "-ич", the feminine "-инична" after Илья, Фома, Лука, Кузьма,
# but "-ична" after Никита and Савва (Никитична, Саввична).
_PATRONYMIC_A = {"Илья": "Ильинична", "Фома": "Фоминична", "Лука": "Лукинична", "Кузьма": "Кузьминична"}
_PATRONYMIC_A_PLAIN = frozenset({"Никита", "Савва"})
_VOWELS = frozenset("аеёиоуыэюя")


def patronymic(father: str, gender: str) -> str:
    """The patronymic made from a father's given name (Сергей -> Сергеевич / Сергеевна, Никита -> Никитична)."""
    if father in _PATRONYMIC_A or father in _PATRONYMIC_A_PLAIN:
        masculine = ("Иль" if father == "Илья" else father[:-1]) + "ич"
        if gender != "f":
            return masculine
        return _PATRONYMIC_A.get(father) or masculine + "на"
    stem = _PATRONYMIC_STEMS.get(father, "")
    if stem:
        return stem + ("ович" if gender != "f" else "овна")
    if father.endswith("ий"):
        # after two consonants the и stays (Дмитрий -> Дмитриевич, Георгий -> Георгиевич); after a vowel and
        # a consonant it softens (Евгений -> Евгеньевич, Василий -> Васильевич)
        cluster = len(father) > 3 and father[-3] not in _VOWELS and father[-4].lower() not in _VOWELS
        base = father[:-2] + ("и" if cluster else "ь")
        return base + ("евич" if gender != "f" else "евна")
    if father.endswith(("ей", "ай", "ь")):
        base = father[:-1]
        return base + ("евич" if gender != "f" else "евна")
    return father + ("ович" if gender != "f" else "овна")


def feminine_surname(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith(("ский", "цкий")):
        return surname[:-2] + "ая"
    return surname


def is_cyrillic(text: str) -> bool:
    return _CYRILLIC_LETTER.search(text.casefold()) is not None


Keyed = tuple[tuple[T, tuple[str, ...]], ...]


@functools.cache
def _russian_given_keyed() -> Keyed[GivenName]:
    """Each Russian given name with its keys (see :func:`_keys`), computed once: a record is drawn per person."""
    return tuple((g, _keys(g.cyrillic, "ru")) for g in russian_given())


@functools.cache
def _patronymic_keyed(sex: str) -> Keyed[GivenName]:
    """Each man's name with the keys of the patronymic it makes for ``sex``, computed once."""
    return tuple((g, _keys(patronymic(g.cyrillic, sex), "ru")) for g in russian_given() if g.gender == "m")


@functools.cache
def _russian_surname_keyed() -> Keyed[str]:
    return tuple((s, _keys(s, "ru")) for s in russian_surnames())


@functools.cache
def _english_given_keyed() -> Keyed[GivenName]:
    return tuple((g, _keys(g.latin, "en")) for g in english_given())


@functools.cache
def _english_surname_keyed() -> Keyed[tuple[str, str]]:
    return tuple((s, _keys(s[0], "en")) for s in english_surnames())


@functools.lru_cache(maxsize=1 << 16)
def _usage_key(word: str) -> str:
    """One key for a name word in every spelling and gender ("Filippova" and "Filippov").

    Cached: the pools' words and the project's pseudonyms' words are asked for again with every new
    person. Only pseudonym words pass through here, never a real name.
    """
    return name_token_key(word, "en")


class _UsageCounts:
    """How often each pseudonym word is used by the values in ``taken``, kept up to date incrementally.

    ``taken`` only grows while a project protects documents, so counting it again for every new person
    (what a plain ``Counter`` would do) makes an archive quadratic; adding what is new since the last
    call is a set difference. A set that is not a superset of the last one starts the count again.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self._counts: Counter[str] = Counter()

    def of(self, taken: set[str]) -> Counter[str]:
        with self._lock:
            if len(taken) < len(self._seen) or not self._seen <= taken:
                self._seen, self._counts = set(), Counter()
            for value in taken - self._seen:
                self._counts.update(_usage_key(word) for word in value.split())
            self._seen = set(taken)
            return Counter(self._counts)


_USAGE = _UsageCounts()


@functools.lru_cache(maxsize=1 << 12)
def _cyrillic_usage_key(word: str) -> str:
    """The usage key of a Cyrillic pool word (transliterating is the slow part; the pools are small)."""
    return _usage_key(to_latin(word))


def _least_used(candidates: list[T], usage_key: Callable[[T], str], used: Counter[str]) -> list[T]:
    """The candidates whose word (by ``usage_key``) the project's pseudonyms use least (none, while the
    pool allows)."""
    if not used or not candidates:
        return candidates
    counts = [used[usage_key(c)] for c in candidates]
    fewest = min(counts)
    return [c for c, n in zip(candidates, counts, strict=True) if n == fewest]


def _keys(word: str, lang: str) -> tuple[str, ...]:
    """The keys a surrogate word is checked under: the name key the document's real names are kept by
    (case and gender folded: "Павловне", "Павловна" and "Павлович" are one), its spelling skeleton, and
    its plain lower-case Latin spelling (a name key may fold the very letters that make it start with a
    real name: "Roberts" is keyed "roberc", which does not start with "robert")."""
    return (name_token_key(word, lang), latin_skeleton(word), plain_latin(word))


def plain_latin(word: str) -> str:
    """A name word in lower-case Latin letters, transliterated when it is Cyrillic, nothing else folded."""
    return (to_latin(word) if is_cyrillic(word) else word).casefold()


def _hints_at(keys: tuple[str, ...], avoid: frozenset[str]) -> bool:
    """Whether a surrogate word is a real name word or starts with one ("Roberts" for a real Robert,
    "Иванов" for a real Иван): such a pseudonym would point back at the person."""
    return any(key[:n] in avoid for key in keys for n in range(min(4, len(key)), len(key) + 1))


def _unhinted(pool: Keyed[T], avoid: set[str]) -> list[T]:
    """The pool's items that hint at no real name, or (when that leaves none) those that are none."""
    key = (id(pool), frozenset(avoid))  # the pools are built once and kept, so their id names them
    with _UNHINTED_LOCK:
        found = _UNHINTED.get(key)
    if found is None:
        free = tuple(item for item, keys in pool if not _hints_at(keys, key[1]))
        found = free or tuple(item for item, keys in pool if not set(keys) & avoid)
        with _UNHINTED_LOCK:
            _UNHINTED[key] = found
            while len(_UNHINTED) > _UNHINTED_KEPT:
                del _UNHINTED[next(iter(_UNHINTED))]
    return list(found)


# One document asks with the same pool and the same real name keys for every new person it meets (six
# pools): the last few answers cover the document being decided and the one before, in memory only, as
# the decision context itself does.
_UNHINTED: dict[tuple[int, frozenset[str]], tuple[Any, ...]] = {}
_UNHINTED_KEPT = 16
_UNHINTED_LOCK = threading.Lock()


def _russian_record(gender: str, rng: random.Random, avoid: set[str], used: Counter[str]) -> dict[str, str]:
    sex = gender if gender in {"m", "f"} else rng.choice("mf")
    given = [g for g in _unhinted(_russian_given_keyed(), avoid) if g.gender == sex]
    given = _least_used(given, lambda g: _usage_key(g.latin), used)
    # nor a patronymic that is one of the real names' words ("Borisovna" for a real "Borisovna")
    fathers = _unhinted(_patronymic_keyed(sex), avoid)
    surnames = _unhinted(_russian_surname_keyed(), avoid)
    surnames = _least_used(surnames, _cyrillic_usage_key, used)
    first = rng.choice(given)
    last = rng.choice(surnames)
    last = feminine_surname(last) if sex == "f" else last
    middle = patronymic(rng.choice(fathers).cyrillic, sex)
    return {
        "origin": "ru", "gender": sex,
        "first": first.cyrillic, "first_lat": first.latin,
        "middle": middle, "middle_lat": to_latin(middle),
        "last": last, "last_lat": to_latin(last),
        "dim": first.diminutive, "dim_lat": to_latin(first.diminutive) if first.diminutive else first.latin,
    }  # fmt: skip


def _english_record(gender: str, rng: random.Random, avoid: set[str], used: Counter[str]) -> dict[str, str]:
    wanted = gender if gender in {"m", "f"} else "u"
    names = _unhinted(_english_given_keyed(), avoid)
    given = _least_used([g for g in names if g.gender == wanted], lambda g: _usage_key(g.latin), used)
    middles = [g for g in names if g.gender in {wanted, "u"}]
    surnames = _unhinted(_english_surname_keyed(), avoid)
    surnames = _least_used(surnames, lambda s: _usage_key(s[0]), used)
    first = rng.choice(given)
    middle = rng.choice([g for g in middles if g != first] or middles)
    last_lat, last_cyr = rng.choice(surnames)
    return {
        "origin": "en", "gender": gender or "u",
        "first": first.cyrillic, "first_lat": first.latin,
        "middle": middle.cyrillic, "middle_lat": middle.latin,
        "last": last_cyr, "last_lat": last_lat,
        "dim": first.cyrillic, "dim_lat": first.latin,
    }  # fmt: skip


def choose_person(origin: str, gender: str, rng: random.Random, avoid: set[str], taken: set[str],
                  in_document: Sequence[str] = ()) -> dict[str, str]:  # fmt: skip
    """A new surrogate record, avoiding name words in ``avoid`` and full values in ``taken``.

    Its first name and surname are ones the pseudonyms in ``taken`` use least, and never (while the pool
    allows) those of the pseudonyms already given in this document (``in_document``): two people of one
    testimony both called "Anastasiya" read as one person. A project outgrows the pools; a document should
    not.
    """
    make = _russian_record if origin == "ru" else _english_record
    used = _USAGE.of(taken)
    for value in in_document:
        for word in value.split():
            used[_usage_key(word)] += _IN_DOCUMENT_WEIGHT
    record = make(gender, rng, avoid, used)
    for _ in range(50):
        if record_value(record) not in taken:
            break
        record = make(gender, rng, avoid, used)
    record["value"] = record_value(record)
    return record


_IN_DOCUMENT_WEIGHT = 1_000_000


def record_value(record: Record) -> str:
    return f"{record['first_lat']} {record['last_lat']}"


def person_origin(entity: Entity, told: str = "") -> str:
    """``ru`` for a person named in Russian text, in Cyrillic or with Russian name words, else ``en``.

    A name that says nothing either way ("Amir", "Zlata", "Hanna": in neither pool, or in both) follows
    ``told``, what the names of the document's people tell (:func:`told_origin`): a son named Amir in a
    family of Abdullaevs gets a Russian-pool name, not "Powell".
    """
    return _own_origin(entity) or told or "en"


def told_origin(entities: Sequence[Entity]) -> str:
    """The origin most of the people among ``entities`` have by their own names ("" when none tells)."""
    return dominant([_own_origin(entity) for entity in entities if entity.type == "person"])


def _own_origin(entity: Entity) -> str:
    """``ru`` or ``en`` where the person's own words tell, else ``""``."""
    if any(m.lang == "ru" or is_cyrillic(m.text) for m in entity.mentions):
        return "ru"
    words = [w for m in entity.mentions for w in name_words(m) if not w.initial]
    if any(w.key in _russian_given_keys() for w in words):
        return "ru"
    if any(_RUSSIAN_SURNAME.search(w.text) for w in words):
        return "ru"
    if any(w.key in _english_name_keys() for w in words):
        return "en"
    return ""


@functools.cache
def _english_name_keys() -> frozenset[str]:
    """English-pool given names and surnames that are not Russian names too ("Robert", "Murray")."""
    keys = {latin_skeleton(g.latin) for g in english_given()} | {latin_skeleton(s) for s, _ in english_surnames()}
    return frozenset(keys - _russian_given_keys() - {latin_skeleton(g.latin) for g in russian_given()})


@functools.cache
def _russian_given_keys() -> frozenset[str]:
    keys = {latin_skeleton(g.latin) for g in russian_given()} | {latin_skeleton(g.cyrillic) for g in russian_given()}
    english = {latin_skeleton(g.latin) for g in english_given()}
    return frozenset(keys - english)


def role_of(word: NameWord, entity: Entity) -> str:
    """The word's role in the person's name: learned by linking, else guessed from the name pools."""
    role = entity.attrs.get(f"role:{word.key}", "")
    if role:
        return role
    if word.key in known_given_names() or (_named_as_relative(entity) and not _RUSSIAN_SURNAME.search(word.text)):
        return ROLE_FIRST
    return ROLE_LAST


def _named_as_relative(entity: Entity) -> bool:
    """A person only ever named by one word after a relative word ("my son Amir", "дочь Злата").

    Family members are called by their given names, so an unknown lone word there is a given name: its
    pseudonym is a given name too, not a surname ("Powell" for a boy called Amir).
    """
    if any(len([w for w in name_words(m) if not w.initial]) != 1 for m in entity.mentions):
        return False
    return any(why.rule == "relative+name" for m in entity.mentions for why in m.why)


def match_case(original: str, replacement: str) -> str:
    """``replacement`` in the letter case style of ``original`` (lower, UPPER or Title)."""
    if original.islower():
        return replacement.lower()
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    return replacement


def part_for(record: Record, role: str, cyrillic: bool) -> str:
    key = {ROLE_FIRST: "first", ROLE_MIDDLE: "middle", ROLE_LAST: "last"}.get(role, "last")
    return record[key] if cyrillic else record[key + "_lat"]


Renderer = Callable[[Record, Detection, Entity], str]
RENDERERS: dict[str, Renderer] = {}
# Language packages that recognise a special name word in any language (a Russian diminutive in Latin
# letters, "Sasha") return the surrogate's matching word; ``None`` lets the next one, or the default, try.
WordRenderer = Callable[[Record, NameWord, str], str | None]
WORD_RENDERERS: list[WordRenderer] = []


def initial_roles(words: Sequence[NameWord]) -> dict[int, str]:
    """Roles of the initials of a mention by their order: first name, then middle name ("С. А. Волков")."""
    initials = [i for i, w in enumerate(words) if w.initial]
    return {index: (ROLE_FIRST if n == 0 else ROLE_MIDDLE) for n, index in enumerate(initials)}


def surrogate_word(
    record: Record, word: NameWord, role: str, inflect: Callable[[str, NameWord, str], str] | None
) -> str:
    """The surrogate's word for one (non-initial) name word: a language package's, else by role."""
    for render in WORD_RENDERERS:
        special = render(record, word, role)
        if special is not None:
            return special
    replacement = part_for(record, role, is_cyrillic(word.text))
    return inflect(replacement, word, role) if inflect is not None else replacement


def render_words(
    record: Record, mention: Detection, entity: Entity, inflect: Callable[[str, NameWord, str], str] | None = None
) -> str:
    """The mention with each name word replaced by the surrogate's word of the same role.

    ``inflect(surrogate_word, original_word, role)`` lets a language package put the surrogate word
    into the original word's grammatical form.
    """
    text = mention.text
    pieces: list[str] = []
    cursor = 0
    words = name_words(mention)
    by_position = initial_roles(words)
    for index, word in enumerate(words):
        if word.initial:
            replacement = part_for(record, by_position[index], is_cyrillic(word.text))[:1] + word.text[1:]
        elif entity.attrs.get(f"{NICKNAME}{word.key}") and not is_cyrillic(word.text):
            replacement = record.get("dim_lat") or part_for(record, ROLE_FIRST, False)  # "Rustik" -> "Valya"
        else:
            replacement = surrogate_word(record, word, role_of(word, entity), inflect)
        pieces.append(text[cursor : word.start])
        pieces.append(match_case(word.text, replacement))
        cursor = word.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def render_person(record: Record, mention: Detection, entity: Entity) -> str:
    renderer = RENDERERS.get(mention.lang)
    return renderer(record, mention, entity) if renderer else render_words(record, mention, entity)


def display_name(record: Record, cyrillic: bool) -> str:
    return f"{part_for(record, ROLE_FIRST, cyrillic)} {part_for(record, ROLE_LAST, cyrillic)}"


def words_of(entities: Sequence[Entity]) -> set[str]:
    """Keys and plain Latin spellings of every word of every person's name in the document (surrogates
    must avoid them, and must not start with them)."""
    words = [w for e in entities if e.type == "person" for m in e.mentions for w in name_words(m) if not w.initial]
    return {w.key for w in words} | {plain_latin(w.text) for w in words}
