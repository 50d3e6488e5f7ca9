"""A non-editable install carries the English NER model and the name lists (package data in pyproject.toml)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

MODEL_FILES = [
    "veil/models/en_ner/meta.json",
    "veil/models/en_ner/config.cfg",
    "veil/models/en_ner/tokenizer",
    "veil/models/en_ner/ner/model",
    "veil/models/en_ner/ner/moves",
    "veil/models/en_ner/tok2vec/model",
    "veil/models/en_ner/vocab/strings.json",
    "veil/models/en_ner/MODEL_CARD.md",
    "veil/data/names/census_given.tsv",
    "veil/data/names/census_surnames.tsv",
    "veil/data/names/en_context.toml",
]
_CHECK = """
from pathlib import Path
import veil
from veil.detecting.en.ner import load_model, model_available, model_path
assert Path(veil.__file__).is_relative_to(Path.cwd()), veil.__file__
assert model_available() and model_path().is_relative_to(Path.cwd())
print(sorted({ent.label_ for ent in load_model()("Robert Murray flew from London to Tbilisi.").ents}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (found,) = out.glob("veil-*.whl")
    return found


@pytest.mark.slow
def test_the_wheel_holds_the_model_and_name_lists(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in MODEL_FILES if name not in names]
    assert not missing, missing


@pytest.mark.slow
def test_the_installed_layout_finds_and_loads_the_model(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, '.'); {_CHECK}"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "PERSON" in run.stdout
