"""Markdown tables from ``en_ner_eval.py --out`` reports (one column group per engine or casing).

Usage::

    python benchmarks/en_ner_table.py /tmp/en_ner_eval.json [LABEL ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def table(report: dict[str, dict[str, object]], labels: list[str]) -> str:
    header = "| set | casing | " + " | ".join(f"{label} P / R / F1" for label in labels) + " | chars/CPU-s |"
    lines = [header, "|" + "---|" * (len(labels) + 3)]
    for key, row in report.items():
        name, casing = key.split("/")
        cells = []
        for label in labels:
            scores = row.get(label)
            if isinstance(scores, dict) and scores.get("gold"):
                cells.append(f"{scores['p']:.2f} / {scores['r']:.2f} / {scores['f1']:.2f} (n={scores['gold']})")
            else:
                cells.append("-")
        lines.append(f"| {name} | {casing} | " + " | ".join(cells) + f" | {row['chars_per_cpu_s']:,} |")
    return "\n".join(lines)


def main() -> None:
    report = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    labels = sys.argv[2:] or ["PERSON", "LOC", "ORG"]
    print(table(report, labels))


if __name__ == "__main__":
    main()
