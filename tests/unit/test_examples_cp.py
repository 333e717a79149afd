"""examples/node_front_python_workers.js runs by itself and ends: a Node primary shares
its listening socket with Python workers (examples/python_worker.py) through the IPC
channel, and several distinct workers answer its requests on that one port."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_node_front_python_workers() -> None:
    # tests/conftest.py put the pinned node first on PATH.
    proc = subprocess.run(
        ["node", str(ROOT / "examples" / "node_front_python_workers.js"), sys.executable, "3"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert re.fullmatch(r"listening on 127\.0\.0\.1:\d+", out[0])
    ready = out[1].removeprefix("workers ready: ").split()
    assert len(set(ready)) == 3
    answers = [re.fullmatch(r"worker (\d+): hello (\d+)", line) for line in out[2:-2]]
    assert answers and all(answers)
    pids = {m.group(1) for m in answers if m}
    assert [int(m.group(2)) for m in answers if m] == list(range(len(answers)))
    assert pids <= set(ready)
    assert len(pids) >= 2  # several workers accept on the one port
    assert out[-2] == f"{len(pids)} distinct workers answered"
    assert out[-1] == "workers exited: 0 0 0"


def test_readme_python_and_node_section(tmp_path: Path) -> None:
    # The "Python and Node processes together" example (docs/interop.md, which the README
    # points to), run as written.
    section = (ROOT / "docs" / "interop.md").read_text()
    parent = section.split("```python\n", 1)[1].split("```", 1)[0]
    child = section.split("```js\n", 1)[1].split("```", 1)[0]
    (tmp_path / "parent.py").write_text(parent)
    (tmp_path / "child.js").write_text(child)
    proc = subprocess.run(
        [sys.executable, "parent.py"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert out[0] == "{'echo': {'n': 1, 's': 'é€', 'a': [True, None]}}"
    assert re.fullmatch(r"b'node \d+ here\\n'", out[1])
    assert out[2:] == ["node exited 0"]
