"""Which files a batch protects, and where each one's protected copy goes.

Every file under the input folder whose extension a registered format claims is protected into the same
relative path under the output folder. Hidden files and folders (names starting with a dot) are left
alone, and so are the output folder and the project folder when they sit inside the input folder. Files
are always handled in the order of their relative paths, which is what makes pseudonyms the same
whatever the number of workers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from veil.errors import ErrorCode, VeilError
from veil.reading.base import FORMATS
from veil.writing.report import report_paths


@dataclass(frozen=True)
class PlannedFile:
    """One input file and the protected copy it becomes."""

    relative: str
    source: Path
    output: Path
    size: int


@dataclass(frozen=True)
class Skipped:
    """A file the batch does not protect, and why (a short phrase, never file content)."""

    relative: str
    reason: str


@dataclass(frozen=True)
class Plan:
    files: list[PlannedFile]
    skipped: list[Skipped]
    conflicts: list[tuple[PlannedFile, str]]


def supported_extensions() -> frozenset[str]:
    """Extensions some format claims; a file with no extension is not taken for text in a batch."""
    return frozenset(ext for name in FORMATS.names() for ext in FORMATS.get(name).extensions if ext)


def check_folders(input_dir: Path, out_dir: Path) -> None:
    if not input_dir.is_dir():
        raise VeilError(ErrorCode.INPUT_NOT_FOUND, f"{input_dir}: no such folder")
    source, target = input_dir.resolve(), out_dir.resolve()
    if source == target or source.is_relative_to(target):
        raise VeilError(ErrorCode.OUTPUT_CONFLICT, f"{out_dir}: the output folder must not hold the input folder")
    if out_dir.exists() and not out_dir.is_dir():
        raise VeilError(ErrorCode.OUTPUT_CONFLICT, f"{out_dir}: exists and is not a folder")


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _inside(path: Path, folders: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder) for folder in folders)


def plan(input_dir: Path, out_dir: Path, *, exclude: tuple[Path, ...] = (), reports: bool = True) -> Plan:
    """The files to protect, in relative-path order; see the module docstring."""
    check_folders(input_dir, out_dir)
    excluded = [folder.resolve() for folder in (out_dir, *exclude)]
    extensions = supported_extensions()
    files: list[PlannedFile] = []
    skipped: list[Skipped] = []
    for path in sorted(input_dir.rglob("*"), key=lambda p: p.relative_to(input_dir).as_posix()):
        relative = path.relative_to(input_dir)
        if _hidden(relative) or not path.is_file() or _inside(path, excluded):
            continue
        if path.suffix.lower() not in extensions:
            skipped.append(Skipped(relative.as_posix(), "unsupported file type"))
            continue
        files.append(PlannedFile(relative.as_posix(), path, out_dir / relative, path.stat().st_size))
    kept, conflicts = _without_collisions(files, reports)
    return Plan(kept, skipped, conflicts)


def _targets(item: PlannedFile, reports: bool) -> list[Path]:
    return [item.output, *report_paths(item.output)] if reports else [item.output]


def _without_collisions(
    files: list[PlannedFile], reports: bool
) -> tuple[list[PlannedFile], list[tuple[PlannedFile, str]]]:
    """Files whose outputs (or reports: ``a.txt`` and ``a.md`` share ``a.report.json``) collide fail,
    all but the first in order."""
    claimed: dict[Path, str] = {}
    kept: list[PlannedFile] = []
    conflicts: list[tuple[PlannedFile, str]] = []
    for item in files:
        targets = _targets(item, reports)
        holder = next((claimed[t] for t in targets if t in claimed), None)
        if holder is not None:
            conflicts.append((item, f"{item.relative}: its output or report would overwrite those of {holder}"))
            continue
        claimed.update(dict.fromkeys(targets, item.relative))
        kept.append(item)
    return kept, conflicts
