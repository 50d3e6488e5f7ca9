"""TAB's measures on small hand-made gold/mask pairs whose right answers are worked out by hand.

Gold is written as ``{annotator: [(entity_id, kind, [mention, ...])]}`` where a mention is the mention's
text (found in the document; ``!`` in front marks a NO_MASK mention) and masks are the texts masked.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from veil.evaluation.gold import Annotation, GoldDocument, GoldEntity, GoldMention
from veil.evaluation.measures import Masks, merged, score, tokens
from veil.findings import Kind

KINDS = {"direct": Kind.DIRECT, "quasi": Kind.QUASI, "none": None}


def _find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _mention(text: str, spec: str) -> GoldMention:
    masked = not spec.startswith("!")
    spec = spec.lstrip("!")
    needle, _, nth = spec.partition("#")
    fragments = tuple(_find(text, part, int(nth or 0)) for part in needle.split("+"))
    return GoldMention(fragments, masked)


def document(text: str, annotators: dict[str, list[tuple[str, str, list[str]]]], label: str = "PERSON") -> GoldDocument:
    annotations = tuple(
        Annotation(name, tuple(GoldEntity(eid, label, label, KINDS[kind], tuple(_mention(text, m) for m in ms))
                               for eid, kind, ms in entities))
        for name, entities in annotators.items()
    )  # fmt: skip
    return GoldDocument("doc", text, "en", annotations)


def masks_of(text: str, masked: list[str]) -> list[tuple[int, int]]:
    spans = []
    for spec in masked:
        needle, _, nth = spec.partition("#")
        spans.append(_find(text, needle, int(nth or 0)))
    return spans


F = Fraction
# (text, gold, masked texts, expected {measure: value}); measures: di, qi, tok, men, prec
CASES = [
    pytest.param(
        "Mr John Smith lives here.", {"a": [("e1", "direct", ["John Smith"])]}, ["John Smith"],
        {"di": F(1), "qi": None, "tok": F(1), "men": F(1), "prec": F(1)}, id="fully-masked",
    ),
    pytest.param(
        # "Mr" is a title TAB ignores inside a gold span: masking the name alone masks the mention.
        "Mr John Smith lives here.", {"a": [("e1", "direct", ["Mr John Smith"])]}, ["John Smith"],
        {"di": F(1), "tok": F(1), "men": F(1), "prec": F(1)}, id="title-ignored",
    ),
    pytest.param(
        # Half the name is still readable: the mention and the entity are missed, one token of two hit.
        "Mr John Smith lives here.", {"a": [("e1", "direct", ["John Smith"])]}, ["John"],
        {"di": F(0), "tok": F(1, 2), "men": F(0), "prec": F(1)}, id="half-masked",
    ),
    pytest.param(
        # One unmasked mention undoes the entity; mention recall still counts the masked one.
        "Smith came. Later Smith left.", {"a": [("e1", "direct", ["Smith", "Smith#1"])]}, ["Smith"],
        {"di": F(0), "tok": F(1, 2), "men": F(1, 2)}, id="all-mentions-rule",
    ),
    pytest.param(
        # A NO_MASK mention of a masked entity may stay for the entity to count, but counts in recall.
        "Smith came. Later Smith left.", {"a": [("e1", "direct", ["Smith", "!Smith#1"])]}, ["Smith"],
        {"di": F(1), "tok": F(1, 2), "men": F(1, 2)}, id="no-mask-mention",
    ),
    pytest.param(
        # Determiners and prepositions inside a gold span are ignored; as tokens they count as masked.
        "He went to the Court of Appeal today.", {"a": [("e1", "quasi", ["the Court of Appeal"])]},
        ["Court", "Appeal"], {"di": None, "qi": F(1), "tok": F(1), "men": F(1), "prec": F(1)}, id="ignored-words",
    ),
    pytest.param(
        # Ignored words count only as whole words: "in" inside "Inverness" is not ignored.
        "He lives in Inverness.", {"a": [("e1", "quasi", ["in Inverness"])]}, ["verness"],
        # The masked fragment lies inside the gold span, so it is right for precision.
        {"qi": F(0), "tok": F(1, 2), "men": F(0), "prec": F(1)}, id="ignored-words-whole-only",
    ),
    pytest.param(
        # A masked word the gold does not mask lowers precision; a gold entity kept for NO_MASK is not scored.
        "Smith met the judge in Paris.", {"a": [("e1", "direct", ["Smith"]), ("e2", "none", ["Paris"])]},
        ["Smith", "judge"], {"di": F(1), "qi": None, "tok": F(1), "men": F(1), "prec": F(1, 2)}, id="precision",
    ),
    pytest.param(
        # Two annotators: micro-averaged. a masks Smith (direct), b masks Paris (quasi) and Smith (direct).
        "Smith went to Paris.",
        {"a": [("a1", "direct", ["Smith"])], "b": [("b1", "direct", ["Smith"]), ("b2", "quasi", ["Paris"])]},
        ["Smith"], {"di": F(2, 2), "qi": F(0, 1), "tok": F(2, 3), "men": F(2, 3), "prec": F(2, 2)},
        id="two-annotators-agree",
    ),
    pytest.param(
        # Only annotator a masks "Paris": the masked token is right for one annotator of two.
        "Smith went to Paris.", {"a": [("a1", "quasi", ["Paris"])], "b": [("b1", "direct", ["Smith"])]},
        ["Paris"], {"di": F(0, 1), "qi": F(1, 1), "tok": F(1, 2), "prec": F(1, 2)}, id="two-annotators-disagree",
    ),
    pytest.param(
        # factRuEval-style mention of two fragments: both must be masked.
        "Юрия Лужкова сняли.", {"a": [("e1", "direct", ["Юрия+Лужкова"])]}, ["Лужкова"],
        {"di": F(0), "tok": F(1, 2), "men": F(0)}, id="fragments",
    ),
    pytest.param(
        # Russian prepositions and titles are ignored like TAB's English ones (Veil's extension).
        "Он жил в Твери у миссис Смит.",
        {"a": [("e1", "quasi", ["в Твери"]), ("e2", "direct", ["миссис Смит"])]}, ["Твери", "Смит"],
        {"di": F(1), "qi": F(1), "tok": F(1), "men": F(1), "prec": F(1)}, id="russian-ignored",
    ),
    pytest.param(
        # Nothing masked: precision has nothing to count.
        "Smith came.", {"a": [("e1", "direct", ["Smith"])]}, [], {"di": F(0), "prec": None}, id="no-masks",
    ),
]  # fmt: skip
MEASURES = {
    "di": lambda s: s.direct,
    "qi": lambda s: s.quasi,
    "tok": lambda s: s.tokens,
    "men": lambda s: s.mentions,
    "prec": lambda s: s.token_precision,
}


@pytest.mark.parametrize(("text", "gold", "masked", "expected"), CASES)
def test_measures(text: str, gold: dict, masked: list[str], expected: dict[str, Fraction | None]) -> None:
    scorer = score([(document(text, gold), masks_of(text, masked))])
    for name, value in expected.items():
        tally = MEASURES[name](scorer)
        got = None if tally.ratio is None else Fraction(tally.hit, tally.total)
        assert got == value, f"{name}: expected {value}, got {got} ({tally})"


def test_missed_entities_carry_context_and_partial_flag() -> None:
    text = "Yesterday John Smith and Anna Lee came by."
    gold = {"a": [("e1", "direct", ["John Smith"]), ("e2", "direct", ["Anna Lee"])]}
    scorer = score([(document(text, gold), masks_of(text, ["John"]))])
    assert [m.entity.id for m in scorer.missed] == ["e1", "e2"]
    first, second = (m.mentions[0] for m in scorer.missed)
    assert (first.text, first.partial) == ("John Smith", True)
    assert "**** Smith" in first.context
    assert (second.text, second.partial) == ("Anna Lee", False)


def test_per_label_and_type_breakdowns() -> None:
    text = "Smith went to Paris."
    doc = GoldDocument("d", text, "en", (Annotation("a", (
        GoldEntity("e1", "PERSON", "Person", Kind.DIRECT, (GoldMention(((0, 5),)),)),
        GoldEntity("e2", "LOC", "City", Kind.QUASI, (GoldMention(((14, 19),)),)),
    )),))  # fmt: skip
    scorer = score([(doc, [(0, 5)])])
    assert scorer.by_label["PERSON"].entities.ratio == 1
    assert scorer.by_label["LOC"].entities.ratio == 0
    assert set(scorer.by_type) == {"Person", "City"}


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(5, 9), (0, 3)], [(0, 3), (5, 9)]),  # sorted
        ([(0, 5), (3, 8)], [(0, 8)]),  # overlapping: merged
        ([(0, 5), (5, 8)], [(0, 5), (5, 8)]),  # touching: kept apart, as TAB's script would
        ([(4, 4), (2, 1)], []),  # empty or inverted: dropped
    ],
)
def test_merged(spans: list[tuple[int, int]], expected: list[tuple[int, int]]) -> None:
    assert merged(spans) == expected


def test_tokens_are_word_runs_cut_at_span_edges() -> None:
    text = "Jean-Luc O'Neil, 42"
    assert [text[s:e] for s, e in tokens(text, [(0, len(text))])] == ["Jean", "Luc", "O", "Neil", "42"]
    assert [text[s:e] for s, e in tokens(text, [(2, 7)])] == ["an", "Lu"]


def test_masks_clamp_spans_outside_the_text() -> None:
    masks = Masks("abc", [(-2, 1), (2, 10)])
    assert masks.spans == [(0, 1), (2, 3)]
    assert masks.hides(0, 1)
    assert not masks.hides(0, 2)
