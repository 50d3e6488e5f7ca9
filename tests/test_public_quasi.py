"""The public-context filter for places and institutions, and the project's allow and deny lists."""

import pytest

from tests.helpers import assert_quasi
from veil import Pipeline, Settings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country named as general context stays; one tied to the person is generalised.
        ("Many people left for Georgia.", [("Georgia", "country", None)]),
        ("He was born in Georgia.", [("Georgia", "country", "a country in the South Caucasus")]),
        # The respondent state and institutions named only by their function stay.
        (
            "The Republic of Poland and the Supreme Administrative Court replied.",
            [("Poland", "country", None), ("Supreme Administrative Court", "court", None)],
        ),
        # A local court names a town: it is generalised.
        ("The Istanbul Assize Court convicted him.", [("Istanbul Assize Court", "court", "assize court")]),
    ],
)
def test_public_context(pipeline, text: str, expected) -> None:
    assert_quasi(pipeline, text, "en", expected, {"country", "court", "government"})


def test_allow_list_keeps_and_deny_list_masks() -> None:
    allowing = Pipeline(Settings(seed=1, allow=("Chelyabinsk",)))
    assert_quasi(allowing, "He studies in Chelyabinsk.", "en", [("Chelyabinsk", "city", None)], {"city"})
    denying = Pipeline(Settings(seed=1, deny=("Georgia",)))
    out = denying.protect_text("Many people left for Georgia.", "en").text
    assert "Georgia" not in out
