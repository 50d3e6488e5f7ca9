"""Speaker turns: role labels are structure; labels that are names are people, replaced consistently."""

from __future__ import annotations

import pytest

from veil import Pipeline
from veil.detecting.transcript import SpeakerLabels
from veil.findings import Passage
from veil.reading.turns import ANSWER, NAMED, OTHER, QUESTION, UNLABELED, label_role, turns

TURNS = [
    # (line, expected role, expected label)
    ("Q: When did you leave?", QUESTION, "Q"),
    ("A: In September.", ANSWER, "A"),
    ("Q. When?", QUESTION, "Q"),
    ("Interviewer: And then?", QUESTION, "Interviewer"),
    ("ВОПРОС: Как вас зовут?", QUESTION, "ВОПРОС"),
    ("ОТВЕТ: Мария.", ANSWER, "ОТВЕТ"),
    ("Вопрос: Что дальше?", QUESTION, "Вопрос"),
    ("[00:01:15] Interviewer: Go on.", QUESTION, "Interviewer"),
    ("00:01:15 - Maria: Yes.", NAMED, "Maria"),
    ("**Anna:** Hello.", NAMED, "Anna"),
    ("Daniil Sorokin: I left.", NAMED, "Daniil Sorokin"),
    ("Speaker 2: Hello.", OTHER, "Speaker 2"),
    ("Mother: He left.", ANSWER, "Mother"),
    ("— Где вы были?", UNLABELED, ""),
    ("[00:02:00] And then we drove.", UNLABELED, ""),
]


@pytest.mark.parametrize(("line", "role", "label"), TURNS)
def test_turns_are_recognised(line: str, role: str, label: str) -> None:
    found = list(turns(line))
    assert len(found) == 1
    assert (found[0].role, found[0].label) == (role, label)


@pytest.mark.parametrize(
    "line",
    [
        "He said: go away.",  # prose, not a label
        "The plan was simple: leave at night.",  # a sentence with a colon
        "In 2022: nothing.",  # starts with a number
    ],
)
def test_prose_is_not_a_turn(line: str) -> None:
    assert list(turns(line)) == []


def test_role_labels_ignore_case_and_numbers() -> None:
    assert label_role("ответ") == ANSWER
    assert label_role("SPEAKER 3") == OTHER
    assert label_role("Maria") is None


DETECTIONS = [
    # (text, expected name labels found)
    ("Maria: I stayed.\nQ: Why?\nMaria: Because.", ["Maria", "Maria"]),  # known name, repeated
    ("Gulnara: I stayed.\nQ: Why?", ["Gulnara"]),  # unknown name among turns
    ("Q: Why?\nA: Because.\nInterviewer: Fine.", []),  # roles only
    ("ВОПРОС: Почему?\nОТВЕТ: Потому.", []),  # Russian roles
    ("Note: this was edited.", []),  # a note, not a speaker
    ("Zorro: alone.", []),  # a lone unknown label outside a transcript
]


@pytest.mark.parametrize(("text", "expected"), DETECTIONS)
def test_speaker_label_detector(text: str, expected: list[str]) -> None:
    found = SpeakerLabels().detect(Passage(text, 0, "en"))
    assert [d.text for d in found] == expected
    assert all(d.type == "person" for d in found)


def test_name_labels_replaced_consistently_with_the_text(pipeline: Pipeline) -> None:
    text = "Interviewer: Who is Daniil Sorokin?\nDaniil: That is me.\nInterviewer: Daniil, when?\nDaniil: In 2022."
    protected = pipeline.protect_text(text)
    assert "Daniil" not in protected.text
    lines = protected.text.splitlines()
    labels = {line.split(":")[0] for line in lines[1::2]}
    assert len(labels) == 1
    (label,) = labels
    assert label in lines[0]
    assert label in lines[2]
    assert lines[0].startswith("Interviewer: ")


def test_russian_role_labels_are_not_masked(pipeline: Pipeline) -> None:
    text = "ВОПРОС: Как муж узнал о повестке?\n\nОТВЕТ: Повестку принесли в сентябре. Алексея не было дома.\n"
    protected = pipeline.protect_text(text)
    assert protected.text.startswith("ВОПРОС: ")
    assert "\nОТВЕТ: " in protected.text
    assert "Алексея" not in protected.text
