"""Readability of the adversarial English testimonies: one person, one pseudonym, of the right gender.

Each row names two mentions in one testimony and whether they are the same person; each gender row names
a mention and the gender its pseudonym must have. The failures these rows caught: "Mr Abdullaev" joined
his sister Madina Abdullaeva (the keys fold "-aeva" into "-aev"), "ABDULLAEV Rustam Kamilovich" became a
woman named "DARYA" (the surname first, an unknown given name), "Krasnov V.P." had his surname replaced
by a first name, and "Aleksey Timurovich" took the pseudonym of another Aleksey.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from veil import Pipeline, Settings
from veil.deciding.generalize.en import article
from veil.deciding.surrogates import patronymic, russian_given, to_latin
from veil.findings import Entity
from veil.linking.keys import latin_skeleton
from veil.linking.persons import TITLES

DATA = Path(__file__).parent / "data" / "adversarial_en"

# (testimony, mention, other mention, same person?)
LINKS = [
    ("intake_form.txt", "Mr Abdullaev", "ABDULLAEV Rustam Kamilovich", True),
    ("intake_form.txt", "Mr Abdullaev", "Madina Abdullaeva", False),
    ("intake_form.txt", "Abdulayev", "ABDULLAEV Rustam Kamilovich", True),
    ("intake_form.txt", "Abdullaiev", "ABDULLAEV Rustam Kamilovich", True),
    ("intake_form.txt", "Madina Abdullaeva", "Aishat Abdullaeva", False),
    ("intake_form.txt", "Kamil Abdullaev", "ABDULLAEV Rustam Kamilovich", False),
    ("witness_statement.txt", "Galina Sokolova", "Irina Viktorovna Sokolova", False),
    ("witness_statement.txt", "Sokolov P.A.", "Pavel Andreyevich Sokolov", True),
    ("qa_interview.txt", "Lyosha", "Seryozha", False),
    ("qa_interview.txt", "Lyosha", "Alexei", True),
    ("subtitles.srt", "Stas", "Kirya", False),
    ("chat.txt", "Aleksey Timurovich", "Lyosha Grigoriev", False),
    ("intake_form.txt", "Rustik", "ABDULLAEV Rustam Kamilovich", True),
]
# (sentence, a nickname made with a suffix from a first name met in it): the nickname is masked as that
# person's diminutive, whether a detector found it or only the search for the person's forms
NICKNAMES = [
    ("My son Timur Kasymov was taken. Later the officers asked where Timka was.", "Timka"),
    ('My brother Rustam Aliev left. They asked where "Rustik" was.', "Rustik"),
    ("my friend rustam aliev called, rustamchik is fine", "rustamchik"),
]
# (testimony, mention, the pseudonym's gender)
GENDERS = [
    ("intake_form.txt", "ABDULLAEV Rustam Kamilovich", "m"),
    ("intake_form.txt", "Madina Abdullaeva", "f"),
    ("intake_form.txt", "Kamil Abdullaev", "m"),
    ("intake_form.txt", "Shamil Magomedovich Aliev", "m"),
    ("chat.txt", "Zotov", "m"),
    ("witness_statement.txt", "Galina Sokolova", "f"),
]
# (testimony, mention, the word of the pseudonym's name it must be replaced by: first or last)
ROLES = [
    ("chat.txt", "Krasnov V.P.", "last"),
    ("chat.txt", "Zotov", "last"),
    ("intake_form.txt", "ABDULLAEV Rustam Kamilovich", "last"),
]

# (testimony, words that must be masked together, as one mention of this kind): a place of several
# words whole ("Saint [place]" leaks half of it), and towns, streets and cars not taken for people
KINDS = [
    ("witness_statement.txt", "Saint Petersburg", "city"),
    ("intake_form.txt", "Verkhny Lars", "place"),
    ("chat.txt", "Verkhny Lars", "place"),
    ("witness_statement.txt", "Central District", "district"),
    ("transcript.txt", "rostov on don", "city"),
    ("chat.txt", "Kharkiv", "city"),
    ("subtitles.srt", "Murmansk", "city"),
    ("transcript.txt", "shebekino", "city"),
    ("witness_statement.txt", "Ligovsky", "address"),
    ("chat.txt", "Sadovaya", "address"),
    ("transcript.txt", "sovetskaya", "address"),
    ("intake_form.txt", "Lada Priora", "vehicle"),
    ("transcript.txt", "volga", "vehicle"),
    ("qa_interview.txt", "Sukhaya river", "place"),
]
# (testimony, words the protected text must read, words it must not): the grammar of what replaces a mention
GRAMMAR = [
    ("intake_form.txt", "14. Bank details for assistance", "A bank details"),
    ("chat.txt", "at the district court", "court organisation"),
    ("intake_form.txt", "Place of birth: A city in the North Caucasus, a region", "republic organisation"),
    ("qa_interview.txt", "I am in my thirties", "I am in their thirties"),
    ("letter.txt", "the Ukrainian Ombudsman Dmytro Lubinets", "[place] Lubinets"),
    ("transcript.txt", "he studied at the college", "at the organisation"),
    ("subtitles.srt", "shift electrician at a company", "electrician at a town"),
    ("qa_interview.txt", "the dam on the [place], maybe", "Sukhaya"),
]
# (sentence, words that must stay, a private name that must go): an official acting publicly is kept whole
# with the office; an office before a private person's name keeps nothing of it
OFFICIALS = [
    ("We wrote to the Ukrainian Ombudsman Dmytro Lubinets.", "Ukrainian Ombudsman Dmytro Lubinets", ""),
    ("I wrote to Ombudsman Lubinets twice.", "Ombudsman Lubinets", ""),
    ("Commissioner Tatyana Moskalkova replied.", "Commissioner Tatyana Moskalkova", ""),
    ("Sviatlana Tsikhanouskaya met Alexander Lukashenka.", "Tsikhanouskaya met Alexander Lukashenka", ""),
    ("My neighbour Ombudsman Ivan Petrov came.", "Ombudsman", "Petrov"),
    ("Commissioner Dmytro Kovalenko came.", "Commissioner", "Kovalenko"),
    # an office before a private surname is a title, at the very start of a document too
    ("Ombudsman Lubinets said so.", "Ombudsman Lubinets", ""),
    ("Ombudsman Petrov said so.", "Ombudsman", "Petrov"),
    ("Prosecutor Petrov said so.", "Prosecutor", "Petrov"),
    ("President Medvedev spoke.", "President Medvedev", ""),
]
# (testimony, a diminutive in Cyrillic, the same diminutive in Latin letters): both become the pseudonym's
# one diminutive ("Маша" became the full "Любовь" while "Masha" became "Lyuba")
DIMINUTIVES = [("chat.txt", "Маша", "Masha")]
# (testimony, a person's mention, whether its pseudonym must be a lone given name): the surrogate follows the
# original's origin (a Russian patronymic in Latin letters, a son in a family of Abdullaevs get Russian-pool
# names, not "russell linda riley" or "Powell"), and a relative called by a given name gets a given name
SURROGATE_ORIGIN = [
    ("transcript.txt", "sister lida lidia borisovna", False),
    ("intake_form.txt", "Amir", True),
    ("letter.txt", "Zlata", True),
    ("letter.txt", "Hanna Moroz", False),
]
# testimonies in which no two people may share a pseudonym's first name (Oksana and Marina were both
# "Anastasiya"), checked under several seeds
DISTINCT_FIRST_NAMES = [
    "qa_interview.txt",
    "chat.txt",
    "intake_form.txt",
    "letter.txt",
    "witness_statement.txt",
    "transcript.txt",
    "subtitles.srt",
]
# (father's given name, son's patronymic, daughter's patronymic, the daughter's in Latin letters): the
# surrogates' patronymics follow Russian rules ("Nikitinichna" was written for Никитична)
PATRONYMICS = [
    ("Никита", "Никитич", "Никитична", "Nikitichna"),
    ("Илья", "Ильич", "Ильинична", "Ilyinichna"),
    ("Дмитрий", "Дмитриевич", "Дмитриевна", "Dmitriyevna"),
    ("Георгий", "Георгиевич", "Георгиевна", "Georgiyevna"),
    ("Михаил", "Михайлович", "Михайловна", "Mikhaylovna"),
    ("Юрий", "Юрьевич", "Юрьевна", "Yuryevna"),
    ("Евгений", "Евгеньевич", "Евгеньевна", "Yevgenyevna"),
    ("Николай", "Николаевич", "Николаевна", "Nikolayevna"),
    ("Лев", "Львович", "Львовна", "Lvovna"),
]
# sentences with "a"/"an" before a person's name: in the protected text the article agrees with the
# pseudonym ('an "Alexandr Moroz, b. 1988"' became 'an "Yegor Gusev, b. 1988"'), checked under several seeds
ARTICLES = [
    'Later the Red Cross confirmed that an "Alexandr Moroz, b. 1988" was registered there.',
    'He met an "Ivan Petrov" and an Ulyana Smirnova there.',
    "The form was signed by a Pavel Sokolov.",
]
# (a diminutive in Latin letters, the pseudonym's given name, its diminutive written for it): "nadya" shares a
# skeleton with the Ukrainian spelling "Nadiia" of the full name and was given the pseudonym's full name
LATIN_DIMINUTIVES = [("nadya", "Евгения", "Zhenya"), ("Sasha", "Евгения", "Zhenya"), ("Nadezhda", "Евгения", None)]
# (testimony, an everyday word no mention may hold)
UNMASKED = [("subtitles.srt", "minibus")]


@pytest.fixture(scope="module")
def analyses(pipeline: Pipeline) -> dict[str, list[tuple[Entity, object]]]:
    names = {row[0] for row in LINKS + GENDERS + ROLES + KINDS + UNMASKED + DIMINUTIVES + SURROGATE_ORIGIN}
    return {name: list(pipeline.analyze(pipeline.read(DATA / name), "en").masked()) for name in sorted(names)}


def _person(analyses: dict[str, list[tuple[Entity, object]]], name: str, text: str) -> tuple[Entity, object]:
    found = [(e, d) for e, d in analyses[name] if e.type == "person" and any(m.text == text for m in e.mentions)]
    assert len(found) == 1, f"{text!r} is in {len(found)} people"
    return found[0]


@pytest.fixture(scope="module")
def outputs(pipeline: Pipeline) -> dict[str, str]:
    texts = {}
    for name in sorted({row[0] for row in GRAMMAR}):
        out = io.BytesIO()
        pipeline.render(pipeline.analyze(pipeline.read(DATA / name), "en"), out)
        texts[name] = out.getvalue().decode("utf-8")
    return texts


@pytest.mark.parametrize(("name", "wanted", "unwanted"), GRAMMAR)
def test_replacement_fits_the_sentence(outputs: dict[str, str], name: str, wanted: str, unwanted: str) -> None:
    assert wanted in outputs[name]
    assert unwanted not in outputs[name]


@pytest.mark.parametrize(("text", "kept", "private"), OFFICIALS)
def test_official_kept_private_person_masked(pipeline: Pipeline, text: str, kept: str, private: str) -> None:
    out = pipeline.protect_text(text, "en").text
    assert kept in out
    assert not private or private not in out


@pytest.mark.parametrize(("name", "one", "other", "same"), LINKS)
def test_one_person_one_pseudonym(analyses: dict[str, list[tuple[Entity, object]]], name: str, one: str,
                                  other: str, same: bool) -> None:  # fmt: skip
    first, first_decision = _person(analyses, name, one)
    second, second_decision = _person(analyses, name, other)
    assert (first.id == second.id) is same
    assert (first_decision.display == second_decision.display) is same  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "text", "gender"), GENDERS)
def test_pseudonym_keeps_gender(analyses: dict[str, list[tuple[Entity, object]]], name: str, text: str,
                                gender: str) -> None:  # fmt: skip
    entity, _ = _person(analyses, name, text)
    assert entity.attrs.get("gender") == gender


@pytest.mark.parametrize(("name", "text", "role"), ROLES)
def test_surname_replaced_by_surname(analyses: dict[str, list[tuple[Entity, object]]], name: str, text: str,
                                     role: str) -> None:  # fmt: skip
    entity, decision = _person(analyses, name, text)
    replacement = decision.replacements[[m.text for m in entity.mentions].index(text)]  # type: ignore[attr-defined]
    display = decision.display.split()  # type: ignore[attr-defined]
    wanted = display[-1] if role == "last" else display[0]
    assert replacement.split()[0].casefold() == wanted.casefold()


@pytest.mark.parametrize(("name", "text", "kind"), KINDS)
def test_masked_whole_as_its_kind(analyses: dict[str, list[tuple[Entity, object]]], name: str, text: str,
                                  kind: str) -> None:  # fmt: skip
    """One mention of the right kind: "Saint [place]" leaks half a name, a town given a person's name misleads."""
    holders = [(e.type, m.text) for e, _ in analyses[name] for m in e.mentions if m.text.endswith(text)]
    assert holders, f"no mention holds all of {text!r}"
    assert {kind} == {type_ for type_, _ in holders}, holders


@pytest.mark.parametrize(("name", "text"), UNMASKED)
def test_everyday_word_is_kept(analyses: dict[str, list[tuple[Entity, object]]], name: str, text: str) -> None:
    holders = [(e.type, m.text) for e, _ in analyses[name] for m in e.mentions if text in m.text]
    assert not holders


@pytest.mark.parametrize(("name", "cyrillic", "latin"), DIMINUTIVES)
def test_diminutive_in_both_scripts(analyses: dict[str, list[tuple[Entity, object]]], name: str, cyrillic: str,
                                    latin: str) -> None:  # fmt: skip
    entity, decision = _person(analyses, name, cyrillic)
    forms = [m.text for m in entity.mentions]
    assert latin in forms
    replacements = decision.replacements  # type: ignore[attr-defined]
    assert latin_skeleton(replacements[forms.index(cyrillic)]) == latin_skeleton(replacements[forms.index(latin)])


_RUSSIAN_ENDING = ("ov", "ova", "ev", "eva", "in", "ina", "yn", "yna", "ich", "ovna", "evna", "ichna", "sky", "skaya")


def _russian_pool_word(word: str) -> bool:
    given = {latin_skeleton(g.latin) for g in russian_given()}
    given |= {latin_skeleton(to_latin(g.diminutive)) for g in russian_given() if g.diminutive}
    return latin_skeleton(word) in given or word.casefold().endswith(_RUSSIAN_ENDING)


@pytest.mark.parametrize(("name", "text", "lone_given"), SURROGATE_ORIGIN)
def test_surrogate_follows_origin(analyses: dict[str, list[tuple[Entity, object]]], name: str, text: str,
                                  lone_given: bool) -> None:  # fmt: skip
    entity, decision = _person(analyses, name, text)
    replacement = decision.replacements[[m.text for m in entity.mentions].index(text)]  # type: ignore[attr-defined]
    words = [w for w in replacement.split() if w.casefold() not in TITLES]
    assert all(_russian_pool_word(w) for w in words), replacement
    if lone_given:
        given = {latin_skeleton(g.latin) for g in russian_given()}
        assert len(words) == 1, replacement
        assert latin_skeleton(words[0]) in given, replacement


@pytest.mark.parametrize("seed", range(1, 9))
def test_people_get_different_first_names(seed: int) -> None:
    pipeline = Pipeline(Settings(seed=seed))
    for name in DISTINCT_FIRST_NAMES:
        firsts = [
            d.display.split()[0]  # type: ignore[attr-defined]
            for e, d in pipeline.analyze(pipeline.read(DATA / name), "en").masked()
            if e.type == "person" and d.display  # type: ignore[attr-defined]
        ]
        assert len(firsts) == len(set(firsts)), (name, sorted(firsts))


@pytest.mark.parametrize(("father", "son", "daughter", "latin"), PATRONYMICS)
def test_patronymic_follows_russian_rules(father: str, son: str, daughter: str, latin: str) -> None:
    assert patronymic(father, "m") == son
    assert patronymic(father, "f") == daughter
    assert to_latin(patronymic(father, "f")) == latin


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("text", ARTICLES)
def test_article_agrees_with_pseudonym(text: str, seed: int) -> None:
    out = Pipeline(Settings(seed=seed)).protect_text(text, "en").text
    pairs = re.findall(r"\b([Aa]n?) [\"“]?([A-Z]\w+)", out)
    assert pairs, out
    for written, word in pairs:
        assert written.casefold() == article(word), out


@pytest.mark.parametrize(("text", "nickname"), NICKNAMES)
def test_suffix_nickname_is_the_person(pipeline: Pipeline, text: str, nickname: str) -> None:
    protected = pipeline.protect_text(text, "en")
    assert nickname not in protected.text
    holders = [e for e in protected.analysis.entities if any(m.text == nickname for m in e.mentions)]
    assert len(holders) == 1
    assert len({m.text for m in holders[0].mentions}) > 1, "the nickname is not linked to the person"


@pytest.mark.parametrize(("written", "pseudonym", "expected"), LATIN_DIMINUTIVES)
def test_latin_diminutive_gets_a_diminutive(written: str, pseudonym: str, expected: str | None) -> None:
    from veil.deciding.ru.render import latin_diminutive
    from veil.linking.persons import NameWord

    record = {"first": pseudonym, "first_lat": to_latin(pseudonym), "gender": "f", "dim": "Женя", "dim_lat": "Zhenya"}
    word = NameWord(0, len(written), written, latin_skeleton(written), False)
    assert latin_diminutive(record, word, "first") == expected
