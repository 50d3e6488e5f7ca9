"""One person, one pseudonym across languages: a Russian interview and its English translation,
protected by one pipeline (one entity memory), give each person the same pseudonym in both scripts."""

from __future__ import annotations

from pathlib import Path

from veil import Pipeline, Settings
from veil.lexicon.ru.translit import to_latin

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PEOPLE = {  # Russian mention -> English mention of the same person, as written in the example pair
    "Сергей Волков": "Sergey Volkov",
    "Анна Волкова": "Anna Volkova",
    "Лёша Громов": "Lyosha Gromov",
    "Сашка Кузьмин": "Sashka Kuzmin",
}


def _replacements(pipeline: Pipeline, name: str) -> dict[str, str]:
    analysis = pipeline.analyze(pipeline.read(EXAMPLES / name))
    return {m.text: r for e, d in analysis.masked() for m, r in zip(e.mentions, d.replacements, strict=True)}


def test_same_person_same_pseudonym_in_both_languages() -> None:
    pipeline = Pipeline(Settings(seed=5))
    russian = _replacements(pipeline, "interview_bilingual_ru.txt")
    english = _replacements(pipeline, "interview_bilingual_en.txt")
    for ru_name, en_name in PEOPLE.items():
        assert ru_name in russian, ru_name
        assert en_name in english, en_name
        assert english[en_name] == to_latin(russian[ru_name]), (russian[ru_name], english[en_name])
    assert russian["Анна Волкова"].split()[1][:-1] == russian["Сергей Волков"].split()[1]  # one family


def test_every_name_is_masked_in_both_languages() -> None:
    pipeline = Pipeline(Settings(seed=5))
    for name, people in (("interview_bilingual_ru.txt", PEOPLE), ("interview_bilingual_en.txt", PEOPLE.values())):
        protected = pipeline.protect_text((EXAMPLES / name).read_text(encoding="utf-8")).text
        for person in people:
            assert not any(word in protected for word in person.split()), (person, protected)
