"""Flip one random byte of a small vault, many times: is every change refused or harmless?

Usage: ``PYTHONPATH=src python benchmarks/vault_flips.py [FLIPS] [SEED]`` (default 1000 flips, seed 1).
Each flip lands in a fresh copy; the copy is opened and every sealed value read (as
``tests/test_vault_damage.py`` does). It prints how many copies read back exactly as before (the byte
was in unused space), how many were refused with a ``vault.*`` or ``audit.*`` code, and how many gave
anything else: wrong data or an unexpected exception, which would be a bug.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_vault_damage import TEXT, _read_everything
from tests.vault_helpers import new_project
from veil.errors import VeilError

flips = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
with tempfile.TemporaryDirectory() as folder:
    pristine = Path(folder) / "p"
    with new_project(pristine) as project:
        project.protect_text(TEXT)
        project.add_term("deny", "Babushka Tanya")
    baseline = _read_everything(pristine)
    data = (pristine / "vault.veil").read_bytes()
    same = refused = other = 0
    for n in range(flips):
        root = Path(folder) / f"c{n}"
        shutil.copytree(pristine, root)
        blob = bytearray(data)
        position = rng.randrange(len(blob))
        blob[position] ^= rng.randrange(1, 256)
        (root / "vault.veil").write_bytes(bytes(blob))
        try:
            if _read_everything(root) == baseline:
                same += 1
            else:
                other += 1
                print(f"wrong data after a flip at byte {position}")
        except VeilError as error:
            if error.code.value.split(".")[0] in {"vault", "audit"}:
                refused += 1
            else:
                other += 1
                print(f"code {error.code.value} after a flip at byte {position}")
        except Exception as error:
            other += 1
            print(f"{type(error).__name__} after a flip at byte {position}")
        shutil.rmtree(root)
print(f"{flips} flips in a {len(data)}-byte vault: {same} harmless, {refused} refused, {other} other")
