"""English name rules: titles, initials, given names, Russian names in Latin letters, context cues, transcripts.

Each row is (text, the exact person spans expected, in order). Negative rows say why nothing is found.
"""

import pytest

from tests.helpers import assert_finds, detect_in
from veil.detecting.en.names import EnglishNameRules

DETECTOR = EnglishNameRules()

TITLES = [
    ("The application was lodged by Mr Robert Murray.", ["Mr Robert Murray"]),
    ("represented by Ms L. Alkan, a lawyer", ["Ms L. Alkan"]),
    ("Mr. Z.M. Necatigil replied.", ["Mr. Z.M. Necatigil"]),
    ("the agent, Mrs A. Wittling-Vogel, said", ["Mrs A. Wittling-Vogel"]),
    ("Dr K.H. Christoph examined him", ["Dr K.H. Christoph"]),
    ("Judge Smith adjourned.", ["Judge Smith"]),
    ("Captain Vasiliev gave the order", ["Captain Vasiliev"]),
    ("Mrs Anna Evagorou Christou lives there", ["Mrs Anna Evagorou Christou"]),
    ("I met John Smith. Robert came later.", ["John Smith", "Robert"]),  # two sentences, two names
    ("General Motors sent a letter.", []),  # a word-title needs a known name after it
    ("Mr. and Mrs. came", []),  # a title with no name after it
]
GIVEN = [
    ("Sergey Ivanovich Volkov called me.", ["Sergey Ivanovich Volkov"]),
    ("Then Seryozha and Sasha came.", ["Seryozha", "Sasha"]),
    ("Sergei Volkoff wrote again.", ["Sergei Volkoff"]),
    ("Lyosha, Volodya and Zhenya stayed; Serhiy left.", ["Lyosha", "Volodya", "Zhenya", "Serhiy"]),  # diminutives
    ("asked whether Tima's father was abroad", ["Tima"]),  # a possessive is not part of the name
    ("He said Sashko was alive", ["Sashko"]),  # a Ukrainian diminutive
    ("Маша, be careful", ["Маша"]),  # a name in Cyrillic letters in English text
    ("Later Natasha Petrova left for Tbilisi.", ["Natasha Petrova"]),
    ("John F. Kennedy Street", ["John F. Kennedy"]),  # "Street" never continues a name
    ("Will Smith came.", ["Will Smith"]),  # an everyday-word given name needs a known surname after it
    ("Will you come?", []),  # "Will" alone is a verb
    ("Grace was there.", []),  # "Grace" alone is also a word
    ("We met in May and again in June.", []),  # months are never people
    ("Paris is lovely.", []),  # a name that is mostly a place
]
RUSSIAN_SURNAMES = [
    ("Volkova was there.", ["Volkova"]),
    ("a letter from Shevchenko", ["Shevchenko"]),
    ("his patronymic Ivanovich", ["Ivanovich"]),
    ("Rostov is a city.", []),  # "-ov" alone is too often a place: only with a given name or title
    ("They fled to Moldova, then Geneva.", []),  # public places with a surname ending
    ("don't bring her, the bailiff Zotov knows her face", ["Zotov"]),  # "-ov" inside a sentence
    ("Other spellings: Abdulayev, Abdullaiev", ["Abdulayev", "Abdullaiev"]),  # after a colon, in a list
    ('a summons in the name of "Sokolov P.A." and', ["Sokolov P.A."]),  # initials after the surname
    ("Signed: I.V. Sokolova", ["I.V. Sokolova"]),  # initials before it
    ("S. Volkov, the head of the office", ["S. Volkov"]),
    ("he went to Rostov and Kazan, spoke Latin", []),  # a city, not a surname, even inside a sentence
    ("the Armenian church", []),  # an adjective of a people
]
CONTEXT = [
    ("My son Misha is twelve.", ["Misha"]),
    ("my neighbour Kuzmin saw it", ["Kuzmin"]),
    ("A man named Oleg met us.", ["Oleg"]),
    ("her husband Dzhabrail was taken", ["Dzhabrail"]),
    ("my son, Misha, is twelve", ["Misha"]),
    ("by a United Kingdom national, Olubukunola Obasa (the applicant)", ["Olubukunola Obasa"]),
    ("The applicant, Olubukunola Obasa, is a national", ["Olubukunola Obasa"]),
    ("The applicant, Smith, appealed", []),  # a role cue needs a full name of two words or more
    ("lodged by Yücel Doğan (“the applicant”) in 2001", ["Yücel Doğan"]),  # the role after the name
    ('against Gülizar Tuncer Güneş, ("the victim")', ["Gülizar Tuncer Güneş"]),
    ("my son is twelve", []),  # a cue with no name after it
    ("a town called Bryansk", []),  # "called" needs a name from the lists
    ("His name is Rustam Kasymov.", ["Rustam Kasymov"]),  # an unlisted first name before a listed surname
    ("Her name is Nobody Special.", []),
]
TRANSCRIPTS = [
    ("i talked to sergey volkov yesterday and he said no", ["sergey volkov"]),
    ("and then my son misha said we have to leave", ["misha"]),
    ("we called mr smith about the flat in the morning", ["mr smith"]),
    ("so natasha and seryozha came to the border with us", ["natasha", "seryozha"]),
    ("and volkova told us to wait at the checkpoint", ["volkova"]),
    ("they will mark the papers and we may go in june", []),  # everyday words that are also names
    ("will smith said it in argentina with my jeans on", []),  # everyday-word given names never start one here
    ("my uncle said we should go to georgia with grace", []),  # "uncle" needs a name, georgia is a place
]
NEGATIVES = [
    ("The Court and the Government agreed.", []),
    ("The President of the Chamber decided.", []),
    ("On Monday the Prosecutor appealed.", []),
]


@pytest.mark.parametrize(("text", "expected"), TITLES + GIVEN + RUSSIAN_SURNAMES + CONTEXT + TRANSCRIPTS + NEGATIVES)
def test_person_spans(text: str, expected: list[str]) -> None:
    assert_finds(DETECTOR, text, expected, "person")


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("Mr Robert Murray", "m"),
        ("Ms L. Alkan", "f"),
        ("Natasha Petrova", "f"),
        ("Sergey Volkov", "m"),
        ("Dr K. Lee", None),  # neither the title nor an initial tells
    ],
)
def test_gender_from_title_or_given_name(text: str, gender: str | None) -> None:
    (found,) = detect_in(DETECTOR, text)
    assert found.attrs.get("gender") == gender


def test_every_detection_explains_itself_without_quoting_the_text() -> None:
    for found in detect_in(DETECTOR, "Mr Robert Murray met Sergey Volkov and my son Misha."):
        (why,) = found.why
        assert why.source == "en.names"
        assert found.text not in why.note
