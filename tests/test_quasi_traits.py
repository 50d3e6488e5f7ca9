"""Who a person is: nationality, ethnicity, religion, language, health, politics, appearance, rare details."""

import pytest

from tests.helpers import assert_quasi

TRAITS = {"nationality", "ethnicity", "religion", "language", "health", "politics", "appearance", "event"}

ENGLISH = [
    (
        "The application was lodged by a Swedish national, Mr Arlewin.",
        [("Swedish national", "nationality", "Northern European national")],
    ),
    ("She is of Nigerian origin.", [("Nigerian origin", "nationality", "African origin")]),
    ("She was discriminated against as a black woman.", [("black woman", "ethnicity", "woman")]),
    ("I am Chechen.", [("Chechen", "ethnicity", "from an ethnic minority")]),
    ("He is a practising Muslim.", [("a practising Muslim", "religion", "a believer")]),
    ("They are Jehovah's Witnesses.", [("Jehovah's Witnesses", "religion", "a religious group")]),
    ("My native language is Tatar.", [("Tatar", "language", "a minority language")]),
    ("He has diabetes.", [("diabetes", "health", "a chronic illness")]),
    ("She suffers from paranoid schizophrenia.", [("paranoid schizophrenia", "health", "a mental illness")]),
    ("He had a fracture of the left kneecap.", [("fracture of the left kneecap", "health", "injury")]),
    ("I sign every open letter.", [("sign every open letter", "politics", "take part in civic activism")]),
    ("She went to every protest.", [("went to every protest", "politics", "took part in civic activism")]),
    ("He has a scar on his left cheek.", [("a scar on his left cheek", "appearance", "a distinctive mark")]),
    ("I am the only chemistry teacher in our town.", [("the only", "event", "a")]),
    # Negative: nationality adjectives of things, benefits named after a condition, a sign on a door.
    ("Swedish courts refused; he received a disability pension and read the sign on the door.", []),
]

RUSSIAN = [
    ("Я татарка.", [("татарка", "ethnicity", "представительница национального меньшинства")]),
    (
        "Он чеченец по национальности.",
        [("чеченец по национальности", "ethnicity", "представитель национального меньшинства")],
    ),
    ("Она стала мусульманкой.", [("мусульманкой", "religion", "верующей")]),
    ("Мой родной язык — татарский.", [("татарский", "language", "язык меньшинства")]),
    ("У него диабет.", [("диабет", "health", "хроническое заболевание")]),
    ("Он болен диабетом.", [("диабетом", "health", "хроническим заболеванием")]),
    ("Она инвалид второй группы.", [("инвалид второй группы", "health", "человек с инвалидностью")]),
    (
        "Я подписываю все открытые письма.",
        [("подписываю все открытые письма", "politics", "участвую в общественной жизни")],
    ),
    ("Она ходила на все митинги.", [("ходила на все митинги", "politics", "участвовала в общественной жизни")]),
    ("У него шрам на левой щеке.", [("шрам на левой щеке", "appearance", "особая примета")]),
    ("Я единственная учительница химии в нашем городе.", [("единственная ", "event", "")]),
    # Negative: ethnic adjectives of events and places, pensions named after disability.
    ("Чеченская война закончилась, а пенсия по инвалидности выросла.", []),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_traits(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "en", expected, TRAITS)


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_russian_traits(pipeline, text, expected) -> None:
    assert_quasi(pipeline, text, "ru", expected, TRAITS)
