"""Copy a trained spaCy pipeline into the package (``src/veil/models/en_ner``) with Veil's metadata.

The model card and attribution files already in the target folder are kept; everything else is replaced.

Usage (from the repository root)::

    python training/en_ner/export.py training/en_ner/runs/w64/model-best src/veil/models/en_ner
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

KEEP = ("MODEL_CARD.md", "ATTRIBUTION-GUM.txt")
META = {
    "name": "veil_en_ner",
    "version": "1.0.0",
    "description": "Veil's English PERSON/LOC/ORG model, trained by training/en_ner (see MODEL_CARD.md)",
    "license": "CC BY-SA 4.0 (out of caution: some training texts are CC BY-SA; see MODEL_CARD.md)",
    "author": "Veil maintainers",
    "sources": [
        {
            "name": "GUM V11.1.0 (data.jsonl: CC BY / CC BY-SA / public-domain texts)",
            "license": "CC BY 4.0 annotations",
        },
        {"name": "WNUT-17", "license": "CC BY 4.0"},
        {"name": "Broad Twitter Corpus", "license": "CC BY 4.0"},
        {"name": "wikigold", "license": "CC BY 4.0"},
        {"name": "TAB (ECHR train subset)", "license": "MIT"},
        {"name": "SPIA PANORAMA (two thirds)", "license": "MIT annotations, CC BY 4.0 texts"},
    ],
}


def export(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in target.iterdir():
        if item.name not in KEEP and item.name != "__init__.py":
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    for item in source.iterdir():
        destination = target / item.name
        shutil.copytree(item, destination) if item.is_dir() else shutil.copy2(item, destination)
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    meta.update(META)
    (target / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    export(args.source, args.target)


if __name__ == "__main__":
    main()
