"""Writing a Russian pseudonym into each mention: same case, number, gender and register.

For every word of a mention, the original tells what form the surrogate word must take:

* a given name or diminutive found in the lexicon gives its register and case ("Алёшеньке": affectionate,
  dative), and the surrogate's name in the same register is declined into it ("Ванечке"); a possessive
  ("Сашиной") becomes the surrogate's possessive in the same gender and case ("Ваниной");
* a surname or patronymic is read by pymorphy3 (preferring the person's gender where the form is
  ambiguous: "Волкова" is a man's genitive or a woman's nominative), and the surrogate's is put into the
  same case, number and gender ("Волковых" -> "Григорьевых");
* a word in Latin letters gets the surrogate's Latin spelling, a diminutive the surrogate's diminutive;
* initials become the surrogate's initials (done by the shared renderer).

The surrogate keeps the original's gender, so verbs and adjectives that agree with the name still agree.
"""

from __future__ import annotations

from veil.deciding.ru import inflect
from veil.deciding.surrogates import RENDERERS, WORD_RENDERERS, Record, is_cyrillic, render_words
from veil.findings import Detection, Entity
from veil.lexicon.ru import declension, given, morph
from veil.lexicon.ru.translit import to_latin
from veil.linking.keys import latin_skeleton
from veil.linking.persons import ROLE_FIRST, ROLE_LAST, ROLE_MIDDLE, NameWord, name_words
from veil.linking.ru.roles import word_role


def surrogate_entry(record: Record) -> given.GivenEntry | None:
    return given.entry_for(record.get("first", ""))


def diminutive(record: Record, register: str) -> str:
    """The surrogate's first name in ``register`` (its own diminutive when the lexicon has none)."""
    entry = surrogate_entry(record)
    if entry is not None:
        return entry.form(register)
    return record.get("dim") or record["first"] if register != "full" else record["first"]


def _given(record: Record, word: NameWord) -> str | None:
    # The reading of the person's gender: "Александра" said of a man is Александр in the genitive.
    hit = given.lookup_for(word.text, record.get("gender", ""))
    if hit is None:
        return None
    name = diminutive(record, hit.register)
    if hit.possessive:
        return declension.possessive_of(name, hit.possessive) or name
    return inflect.given_name(name, record.get("gender", "m"), hit.case)


def _by_morphology(record: Record, word: NameWord, role: str, case_hint: str = "") -> str:
    gender = record.get("gender", "")
    form = morph.name_form(word.text, role, gender)
    case = form.case if form is not None else morph.any_case(word.text)
    plural = form.plural if form is not None else False
    word_gender = (form.gender if form is not None else "") or gender
    if morph.is_indeclinable(word.text, gender):  # "с Петренко": the case is in the sentence, not the word
        case, plural, word_gender = case_hint or "nomn", False, gender
    if role == ROLE_MIDDLE:
        return inflect.patronymic(record["middle"], case)
    if role == ROLE_FIRST:
        return inflect.given_name(record["first"], gender, case)
    return inflect.surname(record["last"], word_gender, case, plural)


def render_word(record: Record, word: NameWord, role: str, case_hint: str = "") -> str:
    """The surrogate's word for one Cyrillic name word, in the word's form (an indeclinable word, in
    ``case_hint``: the case the rest of the mention or the preposition before it shows)."""
    if role in (ROLE_FIRST, "") or given.lookup(word.text) is not None:
        special = _given(record, word)
        if special is not None:
            return special
    return _by_morphology(record, word, role or ROLE_LAST, case_hint)


def mention_case(record: Record, words: list[NameWord]) -> str:
    """The case a mention's declinable name words show ("Ивану Петренко": dative), or ""."""
    gender = record.get("gender", "")
    for word in words:
        if word.initial or not is_cyrillic(word.text) or morph.is_indeclinable(word.text, gender):
            continue
        hit = given.lookup_for(word.text, gender)
        if hit is not None and not hit.possessive:
            return hit.case
        form = morph.name_form(word.text, "", gender) if hit is None else None
        if form is not None and form.case:
            return form.case
    return ""


def latin_diminutive(record: Record, word: NameWord, role: str) -> str | None:
    """A Russian diminutive in Latin letters ("Sasha", "Lyosha") becomes the surrogate's, in Latin; one in
    Cyrillic inside another language's text ("Маша, be careful") the surrogate's in Cyrillic ("Люба")."""
    if role not in (ROLE_FIRST, ""):
        return None
    if is_cyrillic(word.text):
        hit = given.lookup(word.text)
        return _given(record, word) if hit is not None and hit.register != "full" else None
    entry = given.by_inflected_skeleton(latin_skeleton(word.text))
    if entry is None or latin_skeleton(word.text) == latin_skeleton(entry.full):
        return None
    skeleton = latin_skeleton(word.text)
    # a spelling of the full name is no diminutive, unless it is also the short form's ("Nadiia", Надія,
    # and "Nadya", Надя, share a skeleton: "nadya" is what people are called)
    spelled = {latin_skeleton(s) for s in entry.spellings} - {latin_skeleton(entry.form("short"))}
    if skeleton in spelled:
        return None
    register = next((r for r in ("familiar", "affectionate") if latin_skeleton(entry.form(r)) == skeleton), "short")
    return to_latin(diminutive(record, register))


def render(record: Record, mention: Detection, entity: Entity) -> str:
    """The Russian renderer registered in :data:`~veil.deciding.surrogates.RENDERERS`."""

    case_hint = mention_case(record, name_words(mention)) or mention.attrs.get("case", "")

    def inflected(surrogate: str, word: NameWord, role: str) -> str:
        if not is_cyrillic(word.text):
            return surrogate
        if not entity.attrs.get(f"role:{word.key}"):
            # Nothing in the document said which part of the name this word is (the person is only ever
            # called "Роза"): morphology knows better than the English-leaning default (a surname).
            role = word_role(word.text) or role
        return render_word(record, word, role, case_hint)

    return render_words(record, mention, entity, inflected)


RENDERERS["ru"] = render
WORD_RENDERERS.append(latin_diminutive)
