"""``veil eval`` agrees with an independent implementation of TAB's measures (``tab_reference.py``).

The must-show check runs the real command line on the TAB dev subset and on the document with two
annotators, takes the masks it wrote in the format of TAB's ``evaluation.py``, and scores them again with
the reference: ER_di, ER_qi and token recall must agree within 0.03 (the issue's bound), and in practice
agree exactly. A second test compares the two on many random masks, where they must agree exactly.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.helpers import run_veil
from tests.tab_reference import reference_measures
from veil.evaluation import measures, score
from veil.evaluation.gold import gold_format_for

TAB_FILES = ["tab/echr_dev_subset.json", "tab/echr_dev_doc_001-83927_two_annotators.json"]
MUST_AGREE = ("ER_di", "ER_qi", "token_recall")
ALSO_COMPARED = ("mention_recall", "token_precision", "mention_precision")


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.parametrize("relative", TAB_FILES)
def test_veil_eval_agrees_with_the_reference(shared_data: Path, tmp_path: Path, relative: str) -> None:
    gold = shared_data / relative
    masks_file = tmp_path / "masks.json"
    done = run_veil("eval", str(gold), "--json", "--masks-out", str(masks_file))
    assert done.returncode == 0, done.stderr
    ours = json.loads(done.stdout)
    reference = reference_measures(json.loads(gold.read_text(encoding="utf-8")), json.loads(masks_file.read_text()))
    for key in MUST_AGREE + ALSO_COMPARED:
        assert ours[key] == pytest.approx(reference[key], abs=0.03), key
    assert ours["counts"]["masked_tokens"] > 0, "Veil masked nothing: the comparison would prove little"


def _random_masks(gold: list[dict], rng: random.Random) -> dict[str, list[list[int]]]:
    """Gold mentions jittered by a few characters, some dropped, plus a few random spans."""
    masks = {}
    for record in gold:
        text, spans = record["text"], []
        for annotated in record["annotations"].values():
            for m in annotated["entity_mentions"]:
                if rng.random() < 0.6:
                    start = m["start_offset"] + rng.choice([0, 0, 0, -1, 1, 3])
                    end = m["end_offset"] + rng.choice([0, 0, 0, -2, 1, 4])
                    spans.append((max(start, 0), min(end, len(text))))
        for _ in range(5):
            start = rng.randrange(len(text))
            spans.append((start, min(start + rng.randrange(1, 30), len(text))))
        kept: list[tuple[int, int]] = []
        for start, end in sorted(set(spans)):
            if start < end and (not kept or start >= kept[-1][1]):
                kept.append((start, end))
        masks[record["doc_id"]] = [list(span) for span in kept]
    return masks


@pytest.mark.data
@pytest.mark.parametrize("relative", TAB_FILES)
@pytest.mark.parametrize("seed", range(3))
def test_measures_equal_the_reference_on_random_masks(shared_data: Path, relative: str, seed: int) -> None:
    gold_path = shared_data / relative
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    masks = _random_masks(gold, random.Random(seed))
    documents = list(gold_format_for(gold_path).read(gold_path))
    ours = measures(score((d, [(s, e) for s, e in masks[d.id]]) for d in documents))
    reference = reference_measures(gold, masks)
    for key, value in reference.items():
        assert ours[key] == pytest.approx(value, abs=1e-4), key
