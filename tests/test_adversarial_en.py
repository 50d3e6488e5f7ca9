"""Adversarial English testimonies: every direct identifier masked in every mention, public facts kept.

The testimonies in ``tests/data/adversarial_en`` are invented and written the way Veil's input comes:
a condensed Q&A, a lower-case speech transcript with timestamps, a chat export, an NGO intake form, a
witness statement, subtitles and a letter. They are packed with identifiers a careless tool misses:
lower-case names, surnames with initials, diminutives and transliteration variants, e-mails and phone
numbers spelled out in words, foreign passport and ID card numbers, transliterated street addresses,
numbered schools. Each row lists, for one testimony, the forms that must not survive anywhere in the
protected text (whole words, any case) and the public facts that must survive as written. A property
check then asks that no text Veil itself found as a direct identifier survives in its output.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from veil import Pipeline
from veil.findings import Action, Kind

DATA = Path(__file__).parent / "data" / "adversarial_en"

# testimony -> forms of direct identifiers that must all disappear
DIRECT = {
    "qa_interview.txt": [
        "Serhiy",
        "Tkachenko",
        "Seryozha",
        "S.A.",
        "Valentina",
        "Ivanovna",
        "Lyosha",
        "Alexei",
        "Dima",
        "Kravets",
        "K 456 MO 96",
        "65 09",
        "482913",
        "АК 7734521",
        "Marina",
        "Yusupova",
        "+7 701 555 23 41",
        "Anton",
        "Beletsky",
        "Sonya",
        "Oksana",
        "Volkov",
        "Sergei",
        "Sergey",
        "S. Volkov",
        "eight nine one two, three four five, six seven, eight nine",
        "KZ86 125K ZT50 0410 0100",
        "2202 2012 3456 7895",
        "27 Pervomayskaya",
        "Nikolaevka",
        "No. 5",
        "No. 2",
    ],
    "transcript.txt": [
        "nadezhda",
        "borisovna",
        "kuzmina",
        "nadya",
        "gena",
        "gennady",
        "kuzmin",
        "artyom",
        "tyoma",
        "ryabov",
        "olga petrovskaya",
        "petrovskaya",
        "nadya dot kuzmina sixty nine at yandex dot ru",
        "plus seven nine zero three one one two two three three four",
        "nadya underscore k sixty nine",
        "8 903 112 23 34",
        "lida",
        "lidia",
        "kovalenko",
        "8 961 402 77 15",
        "m 342 ak 31",
        "gagarina street house seventeen flat nine",
        "unit 20634",
        "belgorod",
    ],
    "chat.txt": [
        "Lyosha",
        "Grigoriev",
        "Masha",
        "Маша",
        "4512 345678",
        "Lesnaya 14",
        "Kolya",
        "2202 2012 3456 7895",
        "Krasnov",
        "V.P.",
        "v dot krasnov at protonmail dot com",
        "vkrasnov_law",
        "B 717 TT 178",
        "+995 599 12 34 56",
        "Nikolai",
        "Shevchuk",
        "Kirova 9",
        "Tamara",
        "No. 112",
        "kolya.shev.spb",
        "Oleksiy",
        "Grygoriev",
        "oleksiy.gryg@ukr.net",
        "8-921-765-43-21",
        "Nadezhda",
        "Ivanovna",
        "Zotov",
        "Grigorieva",
    ],
    "intake_form.txt": [
        "ABDULLAEV",
        "Rustam",
        "Rustik",
        "Kamilovich",
        "Abdulayev",
        "Abdullaiev",
        "09.11.1996",
        "82 15 604418",
        "75 1234567",
        "АЕ 0456712",
        "Lenina str. 45",
        "12 Chavchavadze Avenue",
        "+995 555 12 34 56",
        "rustam.abd96 [at] gmail [dot] com",
        "rustam_kh96",
        "Madina",
        "Abdullaeva",
        "+7 928 555 01 23",
        "О 321 ОО 05",
        "GE29 NB00 0000 0101 9049 17",
        "Magomed",
        "Saidov",
        "Abdullaev",
        "63354",
        "Shamil",
        "Aishat",
        "Amir",
        "No. 11",
        "Gadzhiev",
        "8 (988) 204-11-57",
        "Kamil",
        "Magomedovich",
        "Aliev",
        "R.K.",
        "Novak",
    ],
    "witness_statement.txt": [
        "Irina",
        "Viktorovna",
        "SOKOLOVA",
        "Sokolova",
        "22 Nevsky Prospekt",
        "Flat 4",
        "Pavel",
        "Andreyevich",
        "Sokolov",
        "Timofei",
        "Tima",
        "No. 610",
        "Pasha",
        "D.V.",
        "Frolov",
        "0457-SPB",
        "3727",
        "P.A.",
        "Ruslan",
        "Gareev",
        "Е 515 КХ 178",
        "+358 40 123 4567",
        "Elena",
        "Markova",
        "Galina",
        "3 Krasnoarmeyskaya Street",
        "Oleg",
        "Fomin",
        "40 12 556677",
        "АН 2219034",
        "2-1432/2022",
        "frolov.dv@mil-spb.ru",
        "8 812 555 01 02",
        "I.V.",
    ],
    "subtitles.srt": [
        "Kirill",
        "Andreevich",
        "Belov",
        "Zhenya",
        "Yevgeny",
        "Loginov",
        "Evgeny",
        "No. 7",
        "Kirya",
        "Lyudmila",
        "Belova",
        "Stas",
        "Stanislav",
        "Orlov",
        "71 4483920",
        "Alina",
        "kirill.belov96@gmail.com",
        "08275",
        "+7 921 040 56 78",
    ],
    "letter.txt": [
        "Oleksandr",
        "Aleksandr",
        "Viktorovich",
        "Moroz",
        "Sasha",
        "Sanya",
        "Sashko",
        "Alexandr",
        "Olexandr",
        "Vilshany",
        "Mykola",
        "Viktor",
        "Hanna",
        "Shevchenka 12",
        "Ihor",
        "Bondarenko",
        "Lyubov",
        "Tkach",
        "Kostya",
        "+7 951 144 62 09",
        "Zhukov",
        "Natalia",
        "Zlata",
        "natalia.moroz88 at gmail dot com",
        "+48 512 345 678",
        "Długa 15/7",
        "004519872",
        "Taras",
        "taras.moroz.kh@ukr.net",
    ],
}
# testimony -> public facts (heads of state, countries, international bodies) that must stay
PUBLIC = {
    "qa_interview.txt": [
        "Putin",
        "Kazakhstan",
        "UN Human Rights Committee",
        "Memorial",
        "mobilization",
        "Decree No. 647",
    ],
    "transcript.txt": ["putin", "memorial", "un"],
    "chat.txt": ["Memorial", "Putin"],
    "intake_form.txt": ["Putin", "Georgia", "Germany", "France", "UNHCR", "mobilization", "Article 328"],
    "witness_statement.txt": [
        "Putin",
        "European Court of Human Rights",
        "mobilisation",
        "Finnish",
        "UN Special Rapporteur",
    ],
    "subtitles.srt": ["Putin", "mobilization", "Norway"],
    "letter.txt": ["Poland", "International Committee of the Red Cross", "Russian troops"],
}


# Still missed, kept here so that a fix shows: a small firm's name with no company word ("Derevo-Plus").
KNOWN_MISSES = [("letter.txt", "Derevo-Plus")]


def _protect(pipeline: Pipeline, name: str) -> tuple[str, list[str]]:
    """The protected text of one testimony, and the texts of the direct identifiers Veil masked in it."""
    document = pipeline.read(DATA / name)
    analysis = pipeline.analyze(document, "en")
    out = io.BytesIO()
    pipeline.render(analysis, out)
    masked = [
        m.text for e, d in analysis.masked() if e.kind == Kind.DIRECT and d.action != Action.KEEP for m in e.mentions
    ]
    return out.getvalue().decode("utf-8"), masked


@pytest.fixture(scope="module")
def protected(pipeline: Pipeline) -> dict[str, tuple[str, list[str]]]:
    return {name: _protect(pipeline, name) for name in DIRECT}


def _survives(form: str, text: str, flags: int = re.IGNORECASE) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, flags) is not None


def _context(form: str, text: str) -> str:
    """The line of the protected text where ``form`` survives (invented data: safe in a failure message)."""
    match = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE)
    assert match is not None
    return text[text.rfind("\n", 0, match.start()) + 1 : text.find("\n", match.end())]


@pytest.mark.parametrize("name", sorted(DIRECT))
def test_every_direct_identifier_is_masked(protected: dict[str, tuple[str, list[str]]], name: str) -> None:
    text, _ = protected[name]
    survivors = [form for form in DIRECT[name] if _survives(form, text)]
    assert survivors == [], [_context(form, text) for form in survivors]


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_facts_are_kept(protected: dict[str, tuple[str, list[str]]], name: str) -> None:
    text, _ = protected[name]
    assert [fact for fact in PUBLIC[name] if not _survives(fact, text, 0)] == []


@pytest.mark.parametrize("name", sorted(DIRECT))
def test_no_detected_identifier_survives(protected: dict[str, tuple[str, list[str]]], name: str) -> None:
    """Whatever Veil found as a direct identifier is gone from its output, in every mention."""
    text, masked = protected[name]
    assert masked, "nothing was masked at all"
    assert sorted({form for form in masked if _survives(form, text, 0)}) == []


@pytest.mark.parametrize(("name", "form"), KNOWN_MISSES)
@pytest.mark.xfail(strict=True, reason="a known miss: see KNOWN_MISSES")
def test_known_misses(protected: dict[str, tuple[str, list[str]]], name: str, form: str) -> None:
    assert not _survives(form, protected[name][0])
