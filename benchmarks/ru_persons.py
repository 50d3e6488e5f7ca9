"""Person-entity recall of Veil's Russian pipeline on factRuEval-2016 and NEREL (a small, self-contained scorer).

An entity counts as found only when every one of its mentions is found, and a mention is found when
every character of each of its name parts (first name, surname, patronymic, nickname) lies inside a
mention of a PERSON entity (a name or a username) in Veil's analysis, whatever Veil then decides to do
with it (public figures are detected and then kept, and they count as found here). NEREL has no
coreference layer for persons, so there every PERSON span is its own entity.

Usage (from the repository root)::

    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/ru_persons.py factrueval dev
    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/ru_persons.py factrueval dev --lower
    OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/ru_persons.py nerel test

``--lower`` lower-cases every text first (a stand-in for speech transcripts); ``--misses`` prints the
entities that were not found, with their context (public news text, never a testimony); ``--extras``
prints Veil's person mentions that touch no gold person name (false alarms, or names the gold leaves out:
factRuEval marks only some kinds of people), whose count is always reported as a check on precision.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from veil import Pipeline, Settings
from veil.findings import Action, Label
from veil.intervals import Coverage
from veil.reading.text import StringDocument

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
NAME_PARTS = {"name", "surname", "patronymic", "nickname"}


@dataclass
class Gold:
    """One document's text and its person entities, each a list of mentions, each a list of spans."""

    name: str
    text: str
    entities: list[list[list[tuple[int, int]]]] = field(default_factory=list)


def factrueval(split: str) -> Iterator[Gold]:
    folder = DATA / "factrueval2016" / {"dev": "devset", "test": "testset"}[split]
    for path in sorted(folder.glob("*.txt")):
        if path.with_suffix(".spans").is_file():
            yield _factrueval_doc(path)


def _factrueval_doc(path: Path) -> Gold:
    spans: dict[str, tuple[str, int, int]] = {}
    for line in path.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if parts:
            spans[parts[0]] = (parts[1], int(parts[2]), int(parts[2]) + int(parts[3]))
    mentions: dict[str, list[tuple[int, int]]] = {}
    for line in path.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) >= 3 and parts[1] == "Person":
            chosen = [spans[s][1:] for s in parts[2:] if s in spans and spans[s][0] in NAME_PARTS]
            if chosen:
                mentions[parts[0]] = chosen
    gold = Gold(path.stem, path.read_text(encoding="utf-8"))
    grouped: set[str] = set()
    for block in path.with_suffix(".coref").read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        members = [m for m in lines[0].split()[1:] if m in mentions] if lines else []
        if members:
            gold.entities.append([mentions[m] for m in members])
            grouped.update(members)
    gold.entities.extend([mentions[m]] for m in mentions if m not in grouped)
    return gold


def nerel(split: str) -> Iterator[Gold]:
    for path in sorted((DATA / "nerel" / split).glob("*.txt")):
        gold = Gold(path.stem, path.read_text(encoding="utf-8"))
        for line in path.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if line.startswith("T") and len(fields) >= 2 and fields[1].split(" ")[0] == "PERSON":
                pieces = fields[1].split(" ", 1)[1].split(";")
                gold.entities.append([[tuple(int(x) for x in piece.split()) for piece in pieces]])  # type: ignore[misc]
        yield gold


def found_spans(pipeline: Pipeline, text: str, masked_only: bool) -> tuple[Coverage, list[tuple[int, int]]]:
    """What Veil's PERSON mentions cover, and the mentions themselves."""
    analysis = pipeline.analyze(StringDocument(text), lang="ru")
    coverage = Coverage()
    found: list[tuple[int, int]] = []
    for entity in analysis.entities:
        if entity.label != Label.PERSON:
            continue
        if masked_only and analysis.decision_for(entity.id).action == Action.KEEP:
            continue
        for mention in entity.mentions:
            coverage.add(mention.start, mention.end)
            found.append((mention.start, mention.end))
    return coverage, found


def outside(found: list[tuple[int, int]], gold: Gold) -> list[tuple[int, int]]:
    """Veil's person mentions that touch no gold person name (false alarms, or gold's omissions)."""
    names = Coverage()
    for entity in gold.entities:
        for mention in entity:
            for start, end in mention:
                names.add(start, end)
    return [(s, e) for s, e in found if not names.overlaps(s, e)]


def covered(coverage: Coverage, start: int, end: int) -> bool:
    return all(coverage.overlaps(i, i + 1) for i in range(start, end))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", choices=["factrueval", "nerel"])
    parser.add_argument("split", choices=["dev", "test", "train"])
    parser.add_argument("--lower", action="store_true", help="lower-case every text first")
    parser.add_argument("--masked", action="store_true", help="count only entities Veil masks (not kept public)")
    parser.add_argument("--misses", action="store_true", help="print the entities not found")
    parser.add_argument("--extras", action="store_true", help="print Veil's person mentions outside gold names")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()
    pipeline = Pipeline(Settings(seed=1))
    reader = factrueval if args.corpus == "factrueval" else nerel
    total = hit = mentions_total = mentions_hit = extra = 0
    by_size: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for index, gold in enumerate(reader(args.split)):
        if args.limit and index >= args.limit:
            break
        text = gold.text.lower() if args.lower else gold.text
        if len(text) != len(gold.text):
            continue
        coverage, found = found_spans(pipeline, text, args.masked)
        extras = outside(found, gold)
        extra += len(extras)
        if args.extras:
            for start, end in extras:
                context = re.sub(r"\s+", " ", text[max(0, start - 40) : end + 40])
                print(f"  {gold.name}: extra [{text[start:end]}] ... {context}", file=sys.stderr)
        for entity in gold.entities:
            ok = [all(covered(coverage, s, e) for s, e in mention) for mention in entity]
            total += 1
            hit += all(ok)
            mentions_total += len(ok)
            mentions_hit += sum(ok)
            by_size[min(len(entity), 3)][0] += 1
            by_size[min(len(entity), 3)][1] += all(ok)
            if args.misses and not all(ok):
                _print_miss(gold, text, entity, ok)
    print(
        f"{args.corpus} {args.split}{' lower-cased' if args.lower else ''}: "
        f"person entities {hit}/{total} = {hit / max(total, 1):.4f}; "
        f"mentions {mentions_hit}/{mentions_total} = {mentions_hit / max(mentions_total, 1):.4f}; "
        f"person mentions outside gold names {extra}"
    )
    return 0


def _print_miss(gold: Gold, text: str, entity: list[list[tuple[int, int]]], ok: list[bool]) -> None:
    for mention, was_found in zip(entity, ok, strict=True):
        if was_found:
            continue
        start, end = mention[0][0], mention[-1][1]
        context = re.sub(r"\s+", " ", text[max(0, start - 40) : end + 40])
        print(f"  {gold.name}: [{text[start:end]}] ... {context}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
