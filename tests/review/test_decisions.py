"""Reviewers' decisions rebuild the analysis: accept, reject, change, and spans marked as missed."""

from __future__ import annotations

import pytest

from veil import Action, Pipeline
from veil.reading.text import StringDocument
from veil.review.decisions import Detected, Missed, Verdict, entity_at, protected_text, rebuild
from veil.review.screen import cards, segments

TEXT = "Sergey Volkov called Anna. Later Volkov and Anna met in Kazan. Anna said Volkov left."


@pytest.fixture(scope="module")
def detected(pipeline: Pipeline) -> Detected:
    document = StringDocument(TEXT)
    detections, languages = pipeline.detect(document)
    return Detected(document, detections, languages)


def _span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def _protected(pipeline: Pipeline, detected: Detected, missed=(), verdicts=()) -> str:  # type: ignore[no-untyped-def]
    return protected_text(rebuild(pipeline, detected, list(missed), list(verdicts)))


def test_without_changes_the_analysis_is_the_pipelines(pipeline: Pipeline, detected: Detected) -> None:
    analysis = rebuild(pipeline, detected, [], [])
    assert "Volkov" not in _protected(pipeline, detected)
    assert {e.type for e in analysis.entities} >= {"person"}


@pytest.mark.parametrize(
    ("verdict", "replacement", "expect_action", "expect_text"),
    [
        ("keep", "", Action.KEEP, "Volkov"),  # reject: every mention is written as it was
        ("pseudonym", "Mr X", Action.PSEUDONYM, "Mr X"),  # a reviewer's own replacement, in every mention
        ("redact", "", Action.REDACT, None),  # another strategy, run again on the entity
        ("accept", "", Action.PSEUDONYM, None),  # accepted: unchanged, but marked reviewed
    ],
)
def test_verdicts(pipeline: Pipeline, detected: Detected, verdict: str, replacement: str, expect_action: Action,
                  expect_text: str | None) -> None:  # fmt: skip
    anchor = _span(TEXT, "Sergey Volkov")
    analysis = rebuild(pipeline, detected, [], [Verdict(anchor, verdict, replacement)])
    entity = entity_at(analysis.entities, anchor)
    assert entity is not None
    decision = analysis.decision_for(entity.id)
    assert decision.action == expect_action
    assert analysis.extras["reviewed"] == {entity.id: verdict}
    protected = _protected(pipeline, detected, verdicts=[Verdict(anchor, verdict, replacement)])
    if expect_text:
        assert protected.count(expect_text) == len(entity.mentions)


def test_a_missed_name_is_replaced_in_every_mention(pipeline: Pipeline, detected: Detected) -> None:
    missed = Missed(*_span(TEXT, "Anna"), "person")
    analysis = rebuild(pipeline, detected, [missed], [])
    entity = entity_at(analysis.entities, (missed.start, missed.end))
    assert entity is not None
    assert entity.type == "person"
    assert len(entity.mentions) == TEXT.count("Anna")
    assert "Anna" not in _protected(pipeline, detected, [missed])


def test_a_verdict_whose_anchor_is_gone_is_ignored(pipeline: Pipeline, detected: Detected) -> None:
    analysis = rebuild(pipeline, detected, [], [Verdict((9999, 10005), "keep")])
    assert analysis.extras["reviewed"] == {}


def test_screen_segments_cover_the_text_and_hide_originals(pipeline: Pipeline, detected: Detected) -> None:
    analysis = rebuild(pipeline, detected, [], [])
    original = segments(TEXT, analysis, protected=False)
    assert "".join(s.text for s in original) == TEXT
    protected = segments(TEXT, analysis, protected=True)
    assert "Volkov" not in "".join(s.text for s in protected)
    assert all(s.start == TEXT.index(s.text, s.start) for s in protected if not s.entity)
    assert all(c.original == "" or c.action == "keep" for c in cards(analysis, originals=False))


class _CountingRisk:
    """A stand-in risk assessor: how many entities are still shown as written."""

    def assess(self, analysis):  # type: ignore[no-untyped-def]
        kept = sum(1 for e in analysis.entities if analysis.decision_for(e.id).action == Action.KEEP)
        return {"level": "high" if kept else "low", "entities_kept": kept}


def test_the_risk_panel_follows_the_decisions(pipeline: Pipeline, detected: Detected, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from veil.pipeline import ASSESSORS
    from veil.review.screen import risk_rows

    assessor = _CountingRisk()
    monkeypatch.setitem(ASSESSORS._factories, "risk", lambda: assessor)
    monkeypatch.setitem(ASSESSORS._built, "risk", assessor)
    before = rebuild(pipeline, detected, [], [])
    after = rebuild(pipeline, detected, [], [Verdict(_span(TEXT, "Sergey Volkov"), "keep")])
    assert risk_rows(before)[0] == ("level", "low")
    assert risk_rows(after) == [("level", "high"), ("entities kept", "1")]


RUSSIAN = "Анна Сергеевна Волкова пришла рано. Я спросила Анну Волкову о работе. Потом Волковой позвонили."


@pytest.mark.parametrize(
    ("text", "typed", "expected"),
    [
        (
            RUSSIAN,
            "Мария Кузнецова",  # each mention in its own case; the patronymic stays a patronymic
            "Мария {middle} Кузнецова пришла рано. Я спросила Марию Кузнецову о работе. Потом Кузнецовой позвонили.",
        ),
        (
            RUSSIAN,
            "Мария Ивановна Кузнецова",
            "Мария Ивановна Кузнецова пришла рано. Я спросила Марию Кузнецову о работе. Потом Кузнецовой позвонили.",
        ),
        (
            "Sergey Volkov called me. Later Volkov left.",
            "Boris Petrov",  # a surname alone stays a surname alone
            "Boris Petrov called me. Later Petrov left.",
        ),
    ],
)
def test_a_name_a_reviewer_types_is_written_into_every_mention(pipeline: Pipeline, text: str, typed: str,
                                                               expected: str) -> None:  # fmt: skip
    document = StringDocument(text)
    detected = Detected(document, *pipeline.detect(document))
    anchor = entity_at(rebuild(pipeline, detected, [], []).entities, (0, 4))
    assert anchor is not None
    analysis = rebuild(pipeline, detected, [], [Verdict((0, 4), "pseudonym", typed)])
    record = analysis.extras["chosen"][anchor.id]
    assert protected_text(analysis) == expected.format(middle=record["middle"])
    if text == RUSSIAN:
        assert record["gender"] == "f"
        assert record["middle"].endswith(("вна", "ична"))  # a woman's patronymic (Ильинична, Никитична)
    words = typed.split()
    assert analysis.decision_for(anchor.id).display == f"{words[0]} {words[-1]}"


@pytest.mark.parametrize("typed", ["Mr X", "the officer", "[withheld]", "Борис", "Mr Smith", "Boris Петров"])
def test_what_is_not_a_name_is_written_as_typed(pipeline: Pipeline, detected: Detected, typed: str) -> None:
    from veil.deciding.people import typed_name_words

    assert typed_name_words(typed) is None
    analysis = rebuild(pipeline, detected, [], [Verdict(_span(TEXT, "Sergey Volkov"), "pseudonym", typed)])
    assert protected_text(analysis).count(typed) == TEXT.count("Volkov")
    assert "chosen" not in analysis.extras


def test_a_typed_name_reads_the_same_on_every_rebuild(pipeline: Pipeline) -> None:
    """A woman's name for a man: the patronymic comes from a new base, and it must not change between
    the review screen and approval."""
    document = StringDocument("Сергей Петрович Волков пришёл рано. Я спросила Сергея Петровича о работе.")
    detected = Detected(document, *pipeline.detect(document))
    verdicts = [Verdict((0, 6), "pseudonym", "Мария Кузнецова")]
    first, again = (protected_text(rebuild(pipeline, detected, [], verdicts)) for _ in range(2))
    assert first == again
    assert first.startswith("Мария ")
    assert first.split()[1].endswith("вна")  # her patronymic, in her gender
