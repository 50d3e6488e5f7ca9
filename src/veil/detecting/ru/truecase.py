"""Restoring capitals to names in lower-case text, so the NER model can see them.

Speech transcripts are often written all in lower case ("вчера саша волков позвонил"), and slovnet,
trained on news, finds no names there at all. A passage written (almost) without capitals gets a
truecased copy of the same length, and the model runs on the copy (its offsets apply unchanged to the
original). Each word is classified once per word form (:func:`classify`, pymorphy3 and the name
lexicons):

* a word pymorphy3 reads mainly as a given name, patronymic or surname, a known diminutive, a word it
  does not know but shaped like a Russian surname, or a Russian given name in Latin letters is a name;
* two words pymorphy3 does not know, written together, are a foreign name ("пегги уитсон"), and so is
  one after a verb of saying ("говорит гернстермайер");
* the word after a naming cue ("зовут", "фамилия") is a name, whatever else it could be ("роза");
* a neighbour of a name is asked again, more leniently (names come in runs: "барак обама"), and so
  are initials before it ("а. кудрин") and its Latin spelling in brackets after it;
* place and organisation nouns are capitalised and their acronyms written in capitals ("Ирана",
  "США"), since the model reads a person's name by its neighbours.

Words that are grammar ("ли", also a Korean surname), Russian words the dictionary lacks (misspellings,
prefixed compounds) and Ukrainian or Belarusian words are not taken for foreign names.
"""

from __future__ import annotations

import enum
import functools
import re
from typing import Any

from veil.lexicon.ru import dictionaries, given, morph
from veil.linking.keys import latin_skeleton

# A passage counts as lower case when fewer than this share of its words start with a capital.
LOWER_SHARE = 0.03
MIN_WORDS = 3
# Share of pymorphy3's probability that must say "name" before a lower-case word is capitalised.
NAME_SCORE = 0.25
# The share that makes a word clearly a given name (a surname may follow it in the same case).
CLEAR_NAME_SCORE = 0.5
# The same, for a word right next to a name.
NEIGHBOUR_SCORE = 0.2
_WORD = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"[ \t]+")
_INITIALS_BEFORE = re.compile(r"(?<![^\W\d_])(?:[а-яё]\.[ \t]?){1,2}[ \t]*$")
_INITIAL = re.compile(r"[а-яё](?=\.)")
_LATIN_IN_BRACKETS = re.compile(r"[ \t]*\(([a-z][a-z'-]*(?:[ \t]+[a-z][a-z'-]*){0,3})\)")
_LATIN_WORD = re.compile(r"[a-z][a-z'-]*")
# "меня зовут роза", "фамилия у него была ветров": the word after a naming cue is a name, whatever else
# it could be (a nickname like "пушок" is an ordinary word).
NAMING_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:зовут|звали|зовём|зовем|кличут|звать|прозвали|по имени|по фамилии|по отчеству|по прозвищу"
    r"|по кличке|фамилия|фамилией|отчество|прозвище|кличка|кличкой|погоняло)"
    r"(?:[ \t]+(?:у|него|неё|нее|её|ее|его|меня|тебя|нас|их|была|был|было|мою|моего|все|просто|там))*"
    r"[ \t]*[:—–-]?[ \t]*([^\W\d_]+)"
)
# Verbs of saying after which a name often stands ("говорит гернстермайер").
_SAYING = re.compile(
    r"(?:сказал|сказала|говорит|говорил|говорила|заявил|заявила|сообщил|сообщила|отметил|отметила|пояснил|"
    r"пояснила|рассказал|рассказала|добавил|добавила|подчеркнул|подчеркнула|считает|уверен|уверена|пишет|писал)"
)
# Letters of Ukrainian and Belarusian, whose ordinary words pymorphy3 (a Russian dictionary) does not know.
_UKRAINIAN_LETTERS = re.compile(r"[іїєґў]")
_UKRAINIAN_SURNAME = re.compile(r"(?:енко|ук|юк|чук|ський|цький|ів|їв)$")
# Endings of surnames shaped like adjectives ("гороховский", "камская"), after a given name.
_ADJECTIVE_SURNAME = re.compile(r"(?:ск|цк)(?:ий|ая|ого|ому|им|ом|ой|ую)$")
LATIN_SURNAME = re.compile(r"(?:ov|ev|in|yn|sky|skiy|skii|enko|uk|yuk|chuk|ova|eva|ina|skaya|ich|vich)$")


def is_lower_case(text: str) -> bool:
    """Whether ``text`` is written (almost) without capital letters, as transcripts often are."""
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    if len(words) < MIN_WORDS:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) < LOWER_SHARE


# Readings that make a word grammar, not a name ("ли" is also a Korean surname, "дан" a short participle).
_FUNCTION_WORDS = frozenset({"CONJ", "PRCL", "PREP", "INTJ", "NPRO", "PRED"})
# Shapes pymorphy3 gives an unknown word by its Russian ending: a misspelt Russian word, not a foreign name.
_RUSSIAN_SHAPES = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS", "ADJF", "ADJS", "COMP", "ADVB"})
_PLACE_TAGS = ("Geox", "Orgn")
ACRONYM_LETTERS = 5


class Word(enum.Enum):
    """What truecasing makes of one lower-case word."""

    OTHER = "other"
    NAME = "name"  # probably part of a person's name: capitalised, and its neighbours are asked too
    UNKNOWN = "unknown"  # not in the dictionary, shaped like a foreign name: capitalised when two come together
    PLACE = "place"  # a place or organisation noun ("ирана", "газпром"): capitalised for the model's sake
    ACRONYM = "acronym"  # a place or organisation acronym ("сша", "кнр"): written in capitals


@functools.lru_cache(maxsize=200_000)
def classify(word: str) -> Word:
    """What a lower-case word probably is (cached per word form)."""
    if not morph.is_cyrillic_word(word):
        return Word.NAME if given.by_skeleton(latin_skeleton(word)) is not None else Word.OTHER
    if len(word) < 2:
        return Word.OTHER
    found = morph.parses(word)
    if any(p.tag.POS in _FUNCTION_WORDS for p in found):
        return Word.OTHER
    if not morph.analyzer().word_is_known(word):
        return _unknown(word, found)
    if morph.name_score(word) >= NAME_SCORE:
        return Word.NAME
    top = found[0].tag
    if top.POS == "NOUN" and any(t in top for t in _PLACE_TAGS):
        return Word.ACRONYM if "Abbr" in top and len(word) <= ACRONYM_LETTERS else Word.PLACE
    return Word.OTHER


def _unknown(word: str, found: tuple[Any, ...]) -> Word:
    """A word pymorphy3 does not know: a name when shaped like a Russian one, else maybe a foreign name."""
    if dictionaries.may_be_name(word):
        return Word.NAME
    if len(word) < 3 or found[0].tag.POS in _RUSSIAN_SHAPES or _UKRAINIAN_LETTERS.search(word):
        return Word.OTHER  # a misspelt Russian word, or a Ukrainian or Belarusian one pymorphy3 cannot know
    if any(type(method[0]).__name__ == "KnownPrefixAnalyzer" for method in found[0].methods_stack):
        return Word.OTHER  # "супермоды", "киберсквоттерство": a Russian word with a prefix
    return Word.UNKNOWN


def is_function_word(word: str) -> bool:
    return morph.is_cyrillic_word(word) and any(p.tag.POS in _FUNCTION_WORDS for p in morph.parses(word.lower()))


def looks_like_name(word: str) -> bool:
    """Whether a lower-case word is probably part of a person's name."""
    return classify(word) is Word.NAME


@functools.lru_cache(maxsize=200_000)
def unknown_word(word: str) -> bool:
    """A Cyrillic word the dictionary does not know (after a name, most likely a foreign surname)."""
    return len(word) > 2 and morph.is_cyrillic_word(word) and not morph.analyzer().word_is_known(word)


def truecase(text: str) -> str:
    """``text`` with a capital on every probable name word (same length, same offsets).

    A first pass marks the words that look like names on their own, and pairs of unknown words written
    together ("пегги уитсон", "сейдзи маэхара": foreign names, which no dictionary lists); then the
    neighbours of marked words are asked again, more leniently, since names come in runs ("барак
    обама", "роман коноплев"). Place and organisation nouns are capitalised too, and their acronyms
    written in capitals, because the model reads a name by its neighbours ("президент Ирана Махмуд
    Ахмадинежад").
    """
    words = list(_WORD.finditer(text))
    kinds = [classify(m.group()) for m in words]
    named = {m.start(1) for m in NAMING_CUE.finditer(text) if not is_function_word(m.group(1))}
    marked = [kind is Word.NAME or m.start() in named for kind, m in zip(kinds, words, strict=True)]
    for i in range(len(words) - 1):
        if kinds[i] is kinds[i + 1] is Word.UNKNOWN and _GAP.fullmatch(text, words[i].end(), words[i + 1].start()):
            marked[i] = marked[i + 1] = True
    for i, kind in enumerate(kinds):
        if kind is Word.UNKNOWN and not marked[i] and _speaks(text, words, i):
            marked[i] = True
    for _ in range(2):
        for i in [i for i, mark in enumerate(marked) if mark]:
            for j in (i - 1, i + 1):
                if 0 <= j < len(words) and not marked[j] and _companion(words[j].group(), words[i].group(), j > i):
                    marked[j] = True
    chars = list(text)
    for match, kind, mark in zip(words, kinds, marked, strict=True):
        word = match.group()
        if kind is Word.ACRONYM and not mark and len(word.upper()) == len(word):
            chars[match.start() : match.end()] = word.upper()
        elif (mark or kind is Word.PLACE) and len(word[0].upper()) == 1:
            chars[match.start()] = word[0].upper()
        if mark:
            _capitalise_around(text, chars, match.start(), match.end())
    return "".join(chars)


def _speaks(text: str, words: list[re.Match[str]], index: int) -> bool:
    """An unknown word right after a verb of saying ("говорит гернстермайер", "сказал хоровитц"):
    someone named, most likely."""
    before = words[index - 1].group() if index else ""
    return (
        bool(before)
        and _GAP.fullmatch(text, words[index - 1].end(), words[index].start()) is not None
        and (_SAYING.fullmatch(before) is not None)
    )


def _capitalise_around(text: str, chars: list[str], start: int, end: int) -> None:
    """Initials before a name ("а. кудрин") and its Latin spelling after it ("вольфа (joshua wolf)")."""
    initials = _INITIALS_BEFORE.search(text, max(0, start - 8), start)
    if initials is not None:
        for letter in _INITIAL.finditer(text, initials.start(), initials.end()):
            chars[letter.start()] = letter.group().upper()
    spelling = _LATIN_IN_BRACKETS.match(text, end)
    if spelling is not None:
        for word in _LATIN_WORD.finditer(text, spelling.start(1), spelling.end(1)):
            chars[word.start()] = word.group()[0].upper()


def _companion(word: str, name: str, after: bool) -> bool:
    """Whether ``word``, next to the name word ``name`` (``after`` it or before), is part of the same name."""
    if word.isascii():
        return name.isascii() and bool(LATIN_SURNAME.search(word))
    if len(word) < 3 or not morph.is_cyrillic_word(word):
        return False
    if _UKRAINIAN_LETTERS.search(word):  # an ordinary Ukrainian word unless shaped like a surname
        return _UKRAINIAN_SURNAME.search(word) is not None
    if unknown_word(word) or morph.name_score(word) >= NEIGHBOUR_SCORE:
        return True
    return after and _surname_after_given_name(word, name)


def _surname_after_given_name(word: str, name: str) -> bool:
    """A word the dictionary knows, used as a surname right after a given name and in its case: an
    adjectival surname ("лонгин клинский") or a noun on the surname list ("григорию фингеру").

    Agreement keeps out the next word of the sentence ("дал саше книгу"), the list ordinary nouns
    ("у маши дома")."""
    cases = _given_name_cases(name)
    if not cases or is_function_word(word):
        return False
    found = morph.parses(word)
    if _ADJECTIVE_SURNAME.search(word) and found[0].tag.POS == "ADJF":
        return any(morph.any_case_of(p) in cases for p in found if p.tag.POS == "ADJF")
    nouns = [p for p in found if p.tag.POS == "NOUN" and "plur" not in p.tag]
    if found[0].tag.POS != "NOUN" or not nouns:
        return False
    surnames = dictionaries.surnames()
    return any(morph.any_case_of(p) in cases and p.normal_form.replace("ё", "е") in surnames for p in nouns)


@functools.lru_cache(maxsize=65_536)
def _given_name_cases(name: str) -> frozenset[str]:
    """The cases of a word's singular given-name readings, when it is clearly a given name."""
    forms = [f for f in morph.name_forms(name) if f.role == "first" and not f.plural]
    first_names = dictionaries.first_names()
    strong = given.lookup(name) is not None or any(f.lemma.replace("ё", "е") in first_names for f in forms)
    return frozenset(f.case for f in forms) if strong and morph.name_score(name) >= CLEAR_NAME_SCORE else frozenset()
