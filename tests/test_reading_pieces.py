"""Units made of pieces: edits land in the right pieces, and plain text round-trips byte for byte."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from veil import Pipeline
from veil.findings import Edit
from veil.reading.base import apply_edits, edits_between
from veil.reading.pieces import apply_to_pieces
from veil.writing.files import protect_file


@st.composite
def pieces_and_edits(draw: st.DrawFn) -> tuple[list[str], int, list[Edit]]:
    pieces = draw(st.lists(st.text(alphabet="ab ", max_size=6), min_size=1, max_size=6))
    start = draw(st.integers(0, 50))
    length = sum(map(len, pieces))
    cuts = sorted(draw(st.lists(st.integers(0, length), max_size=6, unique=True)))
    edits = [
        Edit(start + a, start + b, draw(st.text(alphabet="XY", max_size=3))) for a, b in zip(cuts[::2], cuts[1::2])
    ]
    return pieces, start, [e for e in edits if e.end > e.start]


@given(pieces_and_edits())
def test_pieces_join_to_the_edited_text(case: tuple[list[str], int, list[Edit]]) -> None:
    pieces, start, edits = case
    result = apply_to_pieces(pieces, start, edits)
    assert len(result) == len(pieces)
    assert "".join(result) == apply_edits("".join(pieces), start, edits)


def test_replacement_goes_where_the_edit_starts() -> None:
    assert apply_to_pieces(["My ", "Serg", "ey Vol", "kov."], 0, [Edit(3, 16, "Anna")]) == ["My ", "Anna", "", "."]


def test_edits_between() -> None:
    edits = [Edit(0, 2, "a"), Edit(5, 7, "b"), Edit(9, 12, "c")]
    assert list(edits_between(edits, 3, 10)) == edits[1:]
    assert list(edits_between(edits, 2, 5)) == []


def test_plain_text_round_trips_byte_for_byte(tmp_path: Path, pipeline: Pipeline) -> None:
    text = "Line one.\r\nNo names here at all, only words.\r\n\r\n\ttabbed line\n"
    source = tmp_path / "plain.txt"
    source.write_bytes(text.encode())
    output = tmp_path / "plain.out.txt"
    protect_file(pipeline, source, output, reports=False)
    assert output.read_bytes() == text.encode()
