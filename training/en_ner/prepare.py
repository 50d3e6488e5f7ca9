"""Write the training and model-selection corpora as spaCy DocBin files.

Usage (from the repository root)::

    python training/en_ner/prepare.py --data ../shared/data --out training/en_ner/corpus

Besides ``train.spacy`` and ``dev.spacy`` it writes the same examples as ``*.jsonl.xz`` (small enough to
carry to another machine); ``--from-examples DIR`` rebuilds the ``.spacy`` files from those alone.

Every training document is kept as written; in addition a seeded half of them is added in lower case
and another quarter in lower case without punctuation (see ``augment.py``). The model-selection set is
the dev splits, cased and lower-cased, so the best checkpoint is the one that does well on both.
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy
from augment import lowercased, unpunctuated
from corpora import Example, model_selection_examples, training_examples
from spacy.tokens import DocBin
from spacy.util import filter_spans

SEED = 13


def to_docbin(examples: Iterable[Example]) -> tuple[DocBin, Counter[str]]:
    nlp = spacy.blank("en")
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    stats: Counter[str] = Counter()
    for example in examples:
        doc = nlp.make_doc(example.text)
        ents = []
        for start, end, label in example.spans:
            span = doc.char_span(start, end, label, alignment_mode="contract")
            if span is None or not span.text.strip():
                stats["dropped"] += 1
                continue
            ents.append(span)
        kept = filter_spans(ents)
        stats["overlapping"] += len(ents) - len(kept)
        doc.ents = kept
        stats.update(e.label_ for e in kept)
        stats["docs"] += 1
        stats["tokens"] += len(doc)
        docbin.add(doc)
    return docbin, stats


def augmented(examples: list[Example], rng: random.Random) -> list[Example]:
    result = list(examples)
    for example in examples:
        draw = rng.random()
        if draw < 0.5:
            result.append(lowercased(example))
        elif draw < 0.75:
            result.append(unpunctuated(example))
    rng.shuffle(result)
    return result


def save_examples(examples: list[Example], path: Path) -> None:
    with lzma.open(path, "wt", encoding="utf-8") as handle:
        for e in examples:
            handle.write(json.dumps({"text": e.text, "spans": e.spans, "split": e.split, "source": e.source}) + "\n")


def load_examples(path: Path) -> list[Example]:
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return [Example(r["text"], tuple(tuple(s) for s in r["spans"]), r["split"], r["source"]) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("training/en_ner/corpus"))
    parser.add_argument("--from-examples", type=Path, help="rebuild from train/dev .jsonl.xz in this folder")
    parser.add_argument("--no-augment", action="store_true", help="cased text only (for comparison)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.from_examples:
        train = load_examples(args.from_examples / "train.jsonl.xz")
        dev = load_examples(args.from_examples / "dev.jsonl.xz")
    else:
        examples = training_examples(args.data)
        train = examples if args.no_augment else augmented(examples, random.Random(SEED))
        dev = model_selection_examples(args.data)
        dev = dev + [lowercased(e) for e in dev]
        save_examples(train, args.out / "train.jsonl.xz")
        save_examples(dev, args.out / "dev.jsonl.xz")
    if args.no_augment:
        train = [e for e in train if "+" not in e.source]
    for name, examples in (("train", train), ("dev", dev)):
        docbin, stats = to_docbin(examples)
        docbin.to_disk(args.out / f"{name}{'-cased' if args.no_augment and name == 'train' else ''}.spacy")
        print(name, dict(sorted(stats.items())))


if __name__ == "__main__":
    main()
