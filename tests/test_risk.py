"""The re-identification risk report: who is described, how many people fit, warnings, and no leaks."""

import itertools
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from veil import Pipeline, Settings
from veil.assessing import attribution
from veil.assessing.attribution import _FIRST_PERSON, _SENTENCE, _SPEAKER_FEMALE, _SPEAKER_MALE
from veil.assessing.estimate import Base, Factor
from veil.assessing.risk import explain, level, round_people, warning
from veil.writing.files import protect_file

TEXT = (
    "My son, Daniil Sorokin, is 27. He is a second-year engineering student at the polytechnic in Chelyabinsk. "
    "I teach chemistry at the lyceum. My daughter is in ninth grade."
)


def _people(pipeline: Pipeline, text: str, lang: str) -> dict[str, dict]:
    risk = pipeline.protect_text(text, lang).analysis.extras["risk"]
    return {person["who"]: person for person in risk["people"]}


def test_details_go_to_the_person_they_describe(pipeline) -> None:
    people = _people(pipeline, TEXT, "en")
    son = next(p for who, p in people.items() if who.endswith("the speaker's son"))
    details = {d[0]: d[1] for d in son["details"]}
    assert details["age"] == "twenty-something"
    assert details["occupation"] == "a student"
    speaker = people["the speaker"]
    assert ("occupation", "science", "generalize") in [tuple(d) for d in speaker["details"]]


def test_estimate_uses_the_remaining_description(pipeline) -> None:
    son = next(p for who, p in _people(pipeline, TEXT, "en").items() if who.endswith("son"))
    factors = {f["type"]: f for f in son["factors"]}
    assert set(factors) >= {"sex", "age", "occupation"}
    assert "Urals" in son["base"]["description"] or "Russia" in son["base"]["description"]
    assert son["estimate"] > 0
    assert son["explanation"].startswith("About ")


def test_russian_speaker_gender_and_relatives(pipeline) -> None:
    text = "Я позвонила мужу. Моего мужа зовут Алексей Громов, ему тридцать четыре года, он инженер-теплотехник."
    people = _people(pipeline, text, "ru")
    husband = next(p for who, p in people.items() if who.endswith("the speaker's husband"))
    assert {f["type"] for f in husband["factors"]} >= {"sex", "age", "occupation"}
    assert any(f["type"] == "sex" and f["value"] == "woman" for f in people["the speaker"]["factors"])


def test_levels_and_warnings() -> None:
    assert [level(n) for n in (3, 40, 400, 40_000)] == ["very high", "high", "medium", "low"]
    assert "recognise" in warning(5)
    assert "recognisable" in warning(50)
    assert warning(5000) == ""
    assert [round_people(n) for n in (0.2, 7.4, 43.6, 4321, 987_654)] == [0, 7, 44, 4300, 990_000]


def test_explanation_reads_like_a_sentence() -> None:
    factors = [Factor("sex", "woman", 0.54, "rosstat-2021", "", "a woman"),
               Factor("age", "in her fifties", 0.13, "wpp-2022", "E2", "aged 50 to 59")]  # fmt: skip
    base = Base("the people of towns of 100 000–500 000 people in the Urals", 3_000_000, "GeoNames")
    text = explain("the speaker", 40, base, factors)
    assert text == ("About 40 people fit what is left about the speaker (a woman, aged 50 to 59), "
                    "out of the people of towns of 100 000–500 000 people in the Urals.")  # fmt: skip


def test_report_holds_no_original_identifier(tmp_path: Path) -> None:
    source = tmp_path / "t.txt"
    source.write_text(TEXT + " Он учится в Челябинске.", encoding="utf-8")
    result = protect_file(Pipeline(Settings(seed=3)), source, tmp_path / "out.txt")
    report = json.loads(result.report_json.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    risk = json.dumps(report["risk"], ensure_ascii=False)
    for secret in ("Chelyabinsk", "Челябинск", "Daniil", "Sorokin", "27", "chemistry", "ninth"):
        assert secret not in risk
    html = result.report_html.read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert 'id="risk"' in html
    assert "Chelyabinsk" not in html.split('id="risk"')[1].split('id="changed"')[0]


_PIECES = ["я", "Я", " ", "  ", "пришла", "пришёл", "была", "сказал", ".", "!", "\n", "I am a mother", "I'm a man",
           "he", "she", "my"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.lists(st.integers(0, 200), max_size=3))
def test_sentences_read_in_one_pass_say_what_the_whole_text_says(pieces: list[str], cuts: list[int]) -> None:
    """The sentences, their bits and the speaker's words counted run by run are those of the document's
    sentences joined whole (as they were read before), whichever units the text comes in."""
    text = "".join(pieces)
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    units = [(a, text[a:b]) for a, b in itertools.pairwise(bounds)]
    whole = [(start + m.start(), start + m.end(), m.group()) for start, unit in units for m in _SENTENCE.finditer(unit)]
    joined = " ".join(s[2] for s in whole)
    found = attribution.sentences(units)
    assert list(found.starts) == [s[0] for s in whole]
    assert list(found.ends) == [s[1] for s in whole]
    assert [bool(b & 1) for b in found.bits] == [_FIRST_PERSON.search(s[2]) is not None for s in whole]
    assert (found.female, found.male) == (len(_SPEAKER_FEMALE.findall(joined)), len(_SPEAKER_MALE.findall(joined)))
