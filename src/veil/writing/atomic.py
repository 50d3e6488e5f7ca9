"""Atomic file output: a reader sees the old file or the complete new one, never half of one.

Content goes to a hidden temporary file in the destination's folder, is flushed to disk, then renamed
over the destination. On any failure the temporary file is removed and the destination is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from veil.errors import ErrorCode, VeilError


@contextlib.contextmanager
def atomic_output(dest: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``dest`` only if the block finishes without error.

    The file is open for reading too, so the block can check what it wrote (the vault hashes it)
    before it takes the destination's place.
    """
    folder = dest.parent if str(dest.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=folder)
    except OSError as error:
        raise VeilError(ErrorCode.OUTPUT_UNWRITABLE, f"{dest}: cannot write here ({error.strerror})") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, dest)
        _sync_folder(folder)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_atomically(dest: Path, produce: Callable[[BinaryIO], None]) -> None:
    with atomic_output(dest) as handle:
        produce(handle)


def write_text_atomically(dest: Path, text: str) -> None:
    with atomic_output(dest) as handle:
        handle.write(text.encode("utf-8"))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a crash right after must not lose it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
