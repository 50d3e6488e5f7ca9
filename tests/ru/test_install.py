"""natasha's pymorphy2 path needs ``pkg_resources``; Veil never takes it: ``import veil`` and a Russian
protection work where ``pkg_resources`` and pymorphy2 cannot be imported, and natasha's code is never
imported (only its data folder is read)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
SCRIPT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"pkg_resources", "pymorphy2"}:
            raise ImportError("blocked: " + name)
        return None
sys.meta_path.insert(0, Block())
import veil
protected = veil.Pipeline(veil.Settings(seed=1)).protect_text("Сергей Волков позвонил Лёше.", lang="ru")
assert "Волков" not in protected.text and "Лёше" not in protected.text, protected.text
assert not any(m.split(".")[0] in {"pkg_resources", "pymorphy2", "natasha"} for m in sys.modules)
print("ok")
"""


def test_protects_russian_without_pkg_resources() -> None:
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "OMP_NUM_THREADS": "1"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
