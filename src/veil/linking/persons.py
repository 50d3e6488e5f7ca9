"""People's names: split a mention into words, and gather the mentions of one person into an entity.

"Mr Robert Murray", "Murray", "Robert" and "R. Murray" are one person. Full names (two or more words)
found anywhere in the document define the people; a single word then joins the person whose name holds
it (the nearest one before it when several do); initials join a person whose words start with them.
Each word's role (first name, middle name or patronymic, surname) is learned from the full names and
recorded on the entity, so that a surrogate can replace "Murray" with the surrogate's surname and
"Robert" with its first name. Language packages refine roles and keys (Russian morphology).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from veil.findings import Detection
from veil.linking.keys import latin_skeleton, name_token_key

TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "madam",
        "judge", "justice", "rev", "father", "sister", "brother", "officer", "sergeant", "captain",
        "lieutenant", "colonel", "major", "general", "private", "corporal", "uncle", "aunt", "auntie",
        # offices held by public figures: "President Putin" is Putin
        "president", "prime", "minister", "chancellor", "governor", "mayor", "senator", "patriarch",
        "ombudsman", "ombudswoman", "ombudsperson", "commissioner", "омбудсмен",
        "prosecutor", "investigator", "inspector", "detective", "constable", "deputy",
        "президент", "премьер", "премьер-министр", "министр", "губернатор", "мэр", "патриарх",
        "г-н", "г-жа", "господин", "госпожа", "гражданин", "гражданка", "тётя", "тетя", "дядя",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W_])?|[^\W\d_]\.")
_POSSESSIVE = re.compile(r"['’]s$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,3}$|^[^\W\d_]$")

ROLE_FIRST = "first"
ROLE_MIDDLE = "middle"
ROLE_LAST = "last"
# Language packages may assign roles from morphology; None means "decide from word order".
RoleGuesser = Callable[[Sequence[str], str], list[str] | None]
ROLE_GUESSERS: dict[str, RoleGuesser] = {}


@dataclass(frozen=True, slots=True)
class NameWord:
    """One word of a name mention, with offsets relative to the mention's start."""

    start: int
    end: int
    text: str
    key: str
    initial: bool


def name_words(mention: Detection) -> list[NameWord]:
    """The words of a person mention, titles left out, initials marked ("С.А." gives two initials)."""
    return list(_name_words(mention.text, mention.lang))


@functools.lru_cache(maxsize=65_536)
def _name_words(mention_text: str, lang: str) -> tuple[NameWord, ...]:
    # Cached per written mention: deciding and linking ask about the same mentions many times over.
    words: list[NameWord] = []
    for match in _WORD.finditer(mention_text):
        text = match.group()
        possessive = _POSSESSIVE.search(text) if len(text) > 3 else None
        if possessive is not None:  # "Volkov's": the name is "Volkov", the 's stays in the text
            text = text[: possessive.start()]
        if text.rstrip(".").casefold() in TITLES:
            continue
        if _INITIALS.match(text):
            words.append(NameWord(match.start(), match.start() + len(text), text, _initial_key(text), True))
            continue
        key = name_token_key(text, lang)
        words.append(NameWord(match.start(), match.start() + len(text), text, key, False))
    return tuple(words)


def _initial_key(text: str) -> str:
    return latin_skeleton(text[0])[:1] or text[0].casefold()


def initials_of(words: Sequence[NameWord]) -> set[str]:
    return {_initial_key(word.text) for word in words}


@dataclass
class Person:
    """A person being assembled from mentions."""

    mentions: list[Detection] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    roles: dict[str, str] = field(default_factory=dict)
    # How many mentions tell each gender, in the order first told: kept as mentions come, since linking
    # asks for the person's gender at every mention that might join (recounting was quadratic in a long
    # document that names someone thousands of times).
    genders: Counter[str] = field(default_factory=Counter)
    starts: list[int] = field(default_factory=list)  # of the mentions, in order

    def add(self, mention: Detection, words: Sequence[NameWord]) -> None:
        self.mentions.append(mention)
        self.keys.update(word.key for word in words if not word.initial)
        bisect.insort(self.starts, mention.start)
        gender = mention_gender(mention, words)
        if gender:
            self.genders[gender] += 1

    def last_position_before(self, offset: int) -> int:
        before = bisect.bisect_right(self.starts, offset)
        return self.starts[before - 1] if before else -1


def _roles_by_order(words: Sequence[NameWord]) -> list[str]:
    if len(words) == 1:
        return [""]
    return [ROLE_FIRST] + [ROLE_MIDDLE] * (len(words) - 2) + [ROLE_LAST]


def _learn_roles(person: Person, words: Sequence[NameWord], lang: str) -> None:
    full = [w for w in words if not w.initial]
    if len(full) < 2 and not (len(words) >= 2 and len(full) == 1):
        return
    if len(full) == 1:  # "Krasnov V.P.", "S. Volkov": the initials are the first names, the word the surname
        if full[0].key not in person.roles:
            person.roles[full[0].key] = ROLE_LAST
        return
    guesser = ROLE_GUESSERS.get(lang)
    roles = guesser([w.text for w in words], lang) if guesser else None
    roles = roles or _roles_by_order(words)
    for word, role in zip(words, roles, strict=False):
        if not word.initial and role and word.key not in person.roles:
            person.roles[word.key] = role


def _choose(candidates: list[Person], offset: int) -> Person:
    """Of several people who share a word, the one mentioned most recently before ``offset``."""
    return max(candidates, key=lambda p: (p.last_position_before(offset), len(p.mentions)))


def group_people(mentions: Sequence[Detection]) -> list[Person]:
    """Gather person mentions into people (see the module docstring for the rules)."""
    parsed = [(m, name_words(m)) for m in mentions]
    people: list[Person] = []
    full_first = sorted(parsed, key=lambda item: (-sum(not w.initial for w in item[1]), item[0].start))
    for mention, words in full_first:
        keys = {w.key for w in words if not w.initial}
        if keys:
            gender = mention_gender(mention, words)
            containing = [p for p in people if keys <= p.keys and _initials_fit(p, words) and _gender_fits(p, gender)]
            person = _choose(containing, mention.start) if containing else Person()
        else:
            person = _match_initials(people, words, mention.start) or Person()
        if person not in people:
            people.append(person)
        person.add(mention, words)
        _learn_roles(person, words, mention.lang)
    return people


# Latin-letter Russian surname and patronymic endings tell a person's gender where no title does: the
# keys fold "Abdullaeva" into "Abdullaev", so "Mr Abdullaev" must not join Madina Abdullaeva.
_FEMININE_ENDING = re.compile(r"(?:ova|eva|yova|ina|yna|skaya|tskaya|ovna|evna|ichna)$")
_MASCULINE_ENDING = re.compile(r"(?:ov|ev|yov|in|yn|sky|skiy|skii|ovich|evich)$")


def word_gender(word: NameWord) -> str:
    """``m`` or ``f`` from the ending of a Latin-letter Russian surname or patronymic, else ``""``."""
    text = word.text.casefold()
    if word.initial or not text.isascii() or len(text) < 5 or (text.endswith("ina") and len(text) < 7):
        return ""  # short "-ina" words are first names ("Marina", "Galina")
    if _FEMININE_ENDING.search(text):
        return "f"
    return "m" if _MASCULINE_ENDING.search(text) else ""


def mention_gender(mention: Detection, words: Sequence[NameWord]) -> str:
    """A mention's gender: the detector's (a title, a given name), else its Russian name endings."""
    own = mention.attrs.get("gender", "")
    if own in {"m", "f"}:
        return own
    return dominant([word_gender(w) for w in words])


def person_gender(person: Person) -> str:
    """The gender most of the person's mentions tell (the first told on a tie), ``""`` when none does."""
    return person.genders.most_common(1)[0][0] if person.genders else ""


def _gender_fits(person: Person, gender: str) -> bool:
    known = person_gender(person) if gender else ""
    return not gender or not known or known == gender


def _initials_fit(person: Person, words: Sequence[NameWord]) -> bool:
    """Initials beside a surname must fit the person's first name ("С. А. Волков" is not Anna Volkova)."""
    initials = [w for w in words if w.initial]
    firsts = {key[:1] for key, role in person.roles.items() if role == ROLE_FIRST}
    return not initials or not firsts or initials[0].key in firsts


def _match_initials(people: list[Person], words: Sequence[NameWord], offset: int) -> Person | None:
    wanted = initials_of(words)
    matching = [p for p in people if wanted and wanted <= {k[:1] for k in p.keys}]
    return _choose(matching, offset) if matching else None


def dominant(values: Sequence[str]) -> str:
    """The most common non-empty value ("" when there is none)."""
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else ""
