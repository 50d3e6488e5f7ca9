"""Nothing sensitive outside the vault: the whole command line, then every file it wrote, byte by byte.

The run uses its own HOME, TMPDIR, cache folders and Python bytecode cache inside the test folder, so
every file any command writes lands where this test can read it. Then:

* outside the protected outputs and their reports (the project folder with the vault and its lock and
  log files, temp files, caches, bytecode) and in everything the commands printed, no identifier of the
  documents appears, in any form we list (inflected, transliterated, as a lower-case key), in UTF-8 or
  UTF-16;
* in the protected outputs, no mention that Veil masked appears (what detectors miss is a recall
  question, measured by the evaluation, not a leak of the vault);
* a report shows nothing that its protected output does not already show.

The revealed original and the exported key are the two files written on purpose with real names; they
are checked to be exactly that and left out of the scan.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.helpers import run_veil

PASSPHRASE = "a long test passphrase for the leak test"
NOTES = Path(__file__).parent / "data" / "vault_notes.txt"
DOCUMENTS = {"interview_en.txt": EXAMPLES / "interview_en.txt", "interview_ru.txt": EXAMPLES / "interview_ru.txt",
             "notes.txt": NOTES}  # fmt: skip

# Every identifier in the three documents, in the forms they take there and as linking keys. A trailing
# "*" marks a stem (matched at the start of a word: "Громов*" finds "Громова"); the rest match whole words.
IDENTIFIERS = [
    # interview_en.txt
    "Daniil*", "Sorokin*", "Galina", "Petrenko", "Oleg", "Markin", "Lisa Hart", "912 345-67-89", "9123456789",
    "14 Lenin Street", "А123ВС", "daniil_sor95", "daniil.sorokin95@mail.ru", "АБ 1234567", "4276 3800 1234 5679",
    "4276380012345679", "765-43-21", "9227654321",
    # interview_ru.txt
    "Громов*", "gromov*", "Алексе*", "Викторович*", "Лёш*", "Алёш*", "Кузьмин*", "kuzmin*", "Нине Павловне",
    "Сомов*", "somov*", "Игор*", "Гагарина", "111-22-33", "9031112233", "aleksey_grom", "a.gromov@yandex.ru",
    "45 06 номер 123456", "154-238-712 60", "15423871260", "Т567КМ", "000-11-22", "502417325954",
    # notes.txt
    "Volkov*", "Волков*", "Сергея", "Anna Volkova", "555-12-34", "9165551234", "s.volkov1988", "Ленина, д. 5",
    "45 11 654321", "4511654321", "Zhukov*", "Жуков*", "12-345/2023",
]  # fmt: skip


def _forms(text: str) -> set[str]:
    return {text, text.lower(), text.upper()}


def _scanner() -> tuple[re.Pattern[bytes], dict[bytes, str]]:
    """One pattern for all identifiers: in any letter case, as a word (or a stem) in UTF-8, anywhere in
    UTF-16. Word edges keep "Markin" from matching "marking" in the Python library's own bytecode."""
    letter = rb"[A-Za-z\x80-\xff]"
    owner: dict[bytes, str] = {}
    utf8: list[bytes] = []
    utf16: list[bytes] = []
    for entry in IDENTIFIERS:
        text = entry.rstrip("*")
        for form in _forms(text):
            encoded, wide = form.encode(), form.encode("utf-16-le")
            owner[encoded] = owner[wide] = text
            utf8.append(re.escape(encoded) + (b"" if entry.endswith("*") else rb"(?!" + letter + rb")"))
            utf16.append(re.escape(wide))
    utf8.sort(key=len, reverse=True)
    pattern = rb"(?<!" + letter + rb")(?:" + b"|".join(utf8) + rb")|" + b"|".join(sorted(utf16, key=len, reverse=True))
    return re.compile(pattern), owner


SCANNER, OWNER = _scanner()


def _found(data: bytes) -> set[str]:
    return {OWNER[m.group(0)] for m in SCANNER.finditer(data)}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Run every vault-related command once, in a sealed-off environment; return what it produced."""
    root = tmp_path_factory.mktemp("leak")
    inputs, work = root / "in", root / "work"
    for folder in (inputs, work, root / "home", root / "tmp", root / "cache"):
        folder.mkdir()
    for name, source in DOCUMENTS.items():
        shutil.copyfile(source, inputs / name)
    env = {"HOME": str(root / "home"), "TMPDIR": str(root / "tmp"), "XDG_CACHE_HOME": str(root / "cache"),
           "PYTHONPYCACHEPREFIX": str(root / "pycache"), "PYTHONDONTWRITEBYTECODE": "", "VEIL_PASSPHRASE": PASSPHRASE,
           "VEIL_PROJECT": str(work / "project")}  # fmt: skip
    commands = [
        ("init", str(work / "project")),
        ("protect", *(str(inputs / n) for n in DOCUMENTS), "-o", str(work / "out")),
        ("protect", str(inputs / "notes.txt"), "-o", str(work / "again" / "notes.txt")),
        ("detect", str(inputs / "notes.txt"), "--jsonl"),
        (
            "reveal",
            str(work / "out" / "notes.txt"),
            "--reason",
            "fact-check before publication",
            "-o",
            str(root / "revealed" / "notes.txt"),
        ),
        ("audit", "verify"),
        ("audit", "show"),
        ("vault", "check"),
        ("vault", "info"),
        ("vault", "export", "--reason", "legal review", "-o", str(root / "exported" / "key.json")),
    ]
    printed = []
    for command in commands:
        result = run_veil(*command, cwd=str(work), env=env)
        assert result.returncode == 0, (command, result.stderr)
        printed.append((command[0], result.stdout + result.stderr))
    result = run_veil("vault", "passwd", cwd=str(work), env={**env, "VEIL_NEW_PASSPHRASE": PASSPHRASE + "!"})
    assert result.returncode == 0, result.stderr
    printed.append(("passwd", result.stdout + result.stderr))
    return {"root": root, "work": work, "printed": printed}


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_nothing_printed_names_anyone(run: dict[str, object]) -> None:
    for command, text in run["printed"]:  # type: ignore[attr-defined]
        assert not _found(text.encode()), command


def test_no_file_outside_the_outputs_holds_an_identifier(run: dict[str, object]) -> None:
    root: Path = run["root"]  # type: ignore[assignment]
    work: Path = run["work"]  # type: ignore[assignment]
    skipped = {root / "in", root / "revealed", root / "exported", work / "out", work / "again"}
    scanned = [p for p in _files(root) if not any(folder in p.parents for folder in skipped)]
    assert any(p.name == "vault.veil" for p in scanned)
    assert sum(p.suffix == ".pyc" for p in scanned) > 50  # the bytecode cache really was written here
    leaks = {str(p.relative_to(root)): sorted(_found(p.read_bytes()) - _in_source(root, p)) for p in scanned}
    assert {path: found for path, found in leaks.items() if found} == {}


def _in_source(root: Path, path: Path) -> set[str]:
    """For a bytecode file, what its source already says (a docstring's example, a library's test number).

    Bytecode reflects source code only, never run-time data, so anything beyond that would be a leak.
    """
    if path.suffix != ".pyc" or root / "pycache" not in path.parents:
        return set()
    relative = path.relative_to(root / "pycache")
    source = Path("/") / relative.parent / (relative.name.split(".")[0] + ".py")
    return _found(source.read_bytes()) if source.is_file() else set()


# The order the documents were recorded in the project (their ids), and where each protected copy is.
OUTPUTS = {1: "out/interview_en.txt", 2: "out/interview_ru.txt", 3: "out/notes.txt", 4: "again/notes.txt"}


def test_outputs_hold_no_masked_mention_and_reports_no_more_than_outputs(run: dict[str, object]) -> None:
    root: Path = run["root"]  # type: ignore[assignment]
    work: Path = run["work"]  # type: ignore[assignment]
    key = json.loads((root / "exported" / "key.json").read_text(encoding="utf-8"))
    # Pseudonyms are random common names: one may happen to share a stem with a real name elsewhere.
    pseudonyms = _found("\n".join(e["replacement"] for e in key["entities"]).encode())
    for document_id, name in OUTPUTS.items():
        output = work / name
        masked = {m for e in key["entities"] if e["action"] != "keep" and document_id in e["documents"]
                  for m in e["mentions"]}  # fmt: skip
        assert masked, name
        text = output.read_text(encoding="utf-8")
        assert not {m for m in masked if m in text}, name
        for report in output.parent.glob(output.stem + ".report.*"):
            assert _found(report.read_bytes()) <= _found(output.read_bytes()) | pseudonyms, report.name


def test_the_project_gives_a_person_the_same_pseudonym_in_a_second_run(run: dict[str, object]) -> None:
    work: Path = run["work"]  # type: ignore[assignment]
    assert (work / "again" / "notes.txt").read_bytes() == (work / "out" / "notes.txt").read_bytes()


def test_the_deliberate_outputs_are_exact(run: dict[str, object]) -> None:
    root: Path = run["root"]  # type: ignore[assignment]
    assert (root / "revealed" / "notes.txt").read_bytes() == NOTES.read_bytes()
    for folder in ("revealed", "exported"):
        for path in _files(root / folder):
            assert path.stat().st_mode & 0o077 == 0, path  # written for the owner only
