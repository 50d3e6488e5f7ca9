"""Speed of Veil's English detection on one core: the NER model alone, the name rules alone, the pipeline.

The model alone is timed twice: through spaCy's ``nlp.pipe`` (its own entity parser) and as Veil reads
it (``veil.detecting.en.ner.model_entities``: the same entities, with Veil's decoder).

The text is English held-out material from ``../shared/data`` (TAB dev cases and GUM dev documents,
cased and lower-cased), cut into paragraphs as the pipeline does. Both clocks are reported: wall time
and CPU time of this process (``time.process_time``). On a shared machine the CPU figure is the one
that says how fast the code is; the wall figure says how fast it was that day.

Usage (from the repository root)::

    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/en_speed.py
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training" / "en_ner"))

from augment import lower_same_length  # noqa: E402
from corpora import ner_corpus  # noqa: E402


def corpus(data: Path) -> str:
    cases = json.loads((data / "tab" / "echr_dev_subset.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in cases]
    texts += ["\n".join(e.text for e in ner_corpus(data, "gum") if e.split == "dev")]
    cased = "\n\n".join(texts)
    return cased + "\n\n" + lower_same_length(cased)


def timed(name: str, chars: int, work: Callable[[], object]) -> dict[str, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    row = {"what": name, "chars": chars, "chars_per_cpu_s": round(chars / cpu), "chars_per_wall_s": round(chars / wall)}
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    assert os.environ.get("OMP_NUM_THREADS") == "1", "run with OMP_NUM_THREADS=1 (one core)"
    from veil import Pipeline, Settings
    from veil.detecting.en.names import EnglishNameRules
    from veil.detecting.en.ner import load_model, model_entities
    from veil.findings import Passage
    from veil.reading.text import StringDocument

    text = corpus(ROOT.parent / "shared" / "data")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    started = time.perf_counter()
    nlp = load_model()
    print(json.dumps({"what": "model load", "seconds": round(time.perf_counter() - started, 2)}))
    nlp("warm up")
    timed("en.ner model alone (spaCy's nlp.pipe)", len(text), lambda: list(nlp.pipe(paragraphs, batch_size=64)))
    timed("en.ner model alone (Veil's decoder)", len(text), lambda: list(model_entities(paragraphs)))
    rules = EnglishNameRules()
    timed("en.names rules alone", len(text), lambda: [rules.detect(Passage(p, 0, "en")) for p in paragraphs])
    pipeline = Pipeline(Settings(seed=1))
    pipeline.analyze(StringDocument("Warm up with Sergey Volkov."), "en")
    timed("pipeline analyze --lang en", len(text), lambda: pipeline.analyze(StringDocument(text), "en"))
    timed("pipeline analyze --lang auto", len(text), lambda: pipeline.analyze(StringDocument(text), "auto"))


if __name__ == "__main__":
    main()
