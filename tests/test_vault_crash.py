"""A crash or SIGKILL while writing loses nothing already committed and leaves the vault whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.vault_helpers import PASSPHRASE, new_project, open_project

SRC = str(Path(__file__).resolve().parent.parent / "src")

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from veil.vault import Project

    with Project.open(Path(sys.argv[1]), sys.argv[2]) as project:
        for n in range(10_000):
            project.protect_text(f"Sergey Volkov called {n} times from +7 912 345-67-{n % 100:02d}.")
            print(n, flush=True)   # printed only after the document's transaction committed
    """
)


@pytest.mark.parametrize("after", [2, 5, 9])
def test_sigkill_while_writing_loses_nothing_committed(tmp_path: Path, after: int) -> None:
    root = tmp_path / "p"
    new_project(root).close()
    env = {**os.environ, "PYTHONPATH": SRC}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(root), PASSPHRASE], stdout=subprocess.PIPE, text=True, env=env
    )
    assert writer.stdout is not None
    committed = -1
    while committed < after:
        committed = int(writer.stdout.readline())
    time.sleep(0.01 * after)  # land somewhere inside a later transaction
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    with open_project(root) as project:
        documents = project.documents()
        assert len(documents) >= committed + 1
        assert project.check()["documents"] == len(documents)  # every record opens, the chain holds
        people = [e for e in project.entities() if e.type == "person"]
        assert len(people) == 1  # one person, one pseudonym, however many documents
        project.protect_text("Sergey Volkov again.")  # and the vault takes new writes (the lock was freed)
