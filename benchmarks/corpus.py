"""The texts the speed and scaling benchmarks run on, built the same way for every engine.

English: the example interview and the TAB ECHR dev cases (``--train`` adds the train cases, for more
distinct names). Russian: the example interview and the factRuEval-2016 dev texts. A text of a given
size repeats its material and is cut at a line break, so every size reads like the same kind of
document. Without ``../shared/data`` (a fresh checkout) only the example interviews are used.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def english_material(data: Path = DATA, train: bool = False) -> str:
    parts = [(ROOT / "examples" / "interview_en.txt").read_text(encoding="utf-8")]
    names = ["echr_dev_subset.json"] + (["echr_train_subset.json"] if train else [])
    for name in names:
        path = data / "tab" / name
        if path.is_file():
            parts += [case["text"] for case in json.loads(path.read_text(encoding="utf-8"))]
    return "\n\n".join(parts) + "\n\n"


def russian_material(data: Path = DATA) -> str:
    parts = [(ROOT / "examples" / "interview_ru.txt").read_text(encoding="utf-8")]
    parts += [p.read_text(encoding="utf-8") for p in sorted((data / "factrueval2016" / "devset").glob("*.txt"))]
    return "\n\n".join(parts) + "\n\n"


def material(lang: str, data: Path = DATA) -> str:
    return english_material(data) if lang == "en" else russian_material(data)


def sized(text: str, chars: int) -> str:
    """``text`` repeated or cut to about ``chars`` characters, ending at a line break when one is near."""
    repeated = text * (chars // len(text) + 1)
    cut = repeated.rfind("\n", chars - 2000, chars)
    return repeated[: cut + 1 if cut > 0 else chars]


def paragraphs(text: str, limit: int = 10_000) -> list[str]:
    """``text`` as chunks of whole lines of at most about ``limit`` characters (lengths add up to the text's)."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.splitlines(keepends=True):
        if current and size + len(line) > limit:
            chunks.append("".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line)
    if current:
        chunks.append("".join(current))
    return chunks
