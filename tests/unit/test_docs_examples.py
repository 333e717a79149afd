"""The documentation's code examples run (issue 19).

* Every ```python block of ``README.md`` and ``docs/*.md`` preceded by the (invisible)
  marker ``<!-- docs-test: run -->`` runs under this Python; its stdout must be the
  block's ``# prints: ...`` comments, in order.
* The porting guide's worked example: ``docs/examples/chat.js`` under the pinned node
  (tests/conftest.py puts it first on PATH) and its port ``docs/examples/chat.py`` under
  this Python print the same transcript.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MARKER = "<!-- docs-test: run -->"
_BLOCK = re.compile(re.escape(MARKER) + r"\s*\n```python\n(.*?)\n```", re.S)


def _doc_blocks() -> list[tuple[str, str]]:
    found = []
    for path in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for n, m in enumerate(_BLOCK.finditer(text), 1):
            found.append((f"{path.relative_to(REPO)}#{n}", m.group(1)))
    return found


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=30, env=env)


def test_the_marked_blocks_exist() -> None:
    names = [name for name, _ in _doc_blocks()]
    assert any(n.startswith("README.md") for n in names)
    assert any(n.startswith("docs/python-rules.md") for n in names)


@pytest.mark.parametrize(("name", "code"), _doc_blocks(), ids=[n for n, _ in _doc_blocks()])
def test_doc_block_runs(name: str, code: str, tmp_path: Path) -> None:
    expected = "".join(
        line.split("# prints: ", 1)[1] + "\n"
        for line in code.splitlines()
        if line.startswith("# prints: ")
    )
    script = tmp_path / "block.py"
    script.write_text(code, encoding="utf-8")
    proc = _run([sys.executable, str(script)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == expected


def test_porting_example_same_transcript_in_node_and_python() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    examples = REPO / "docs" / "examples"
    js = _run([node, str(examples / "chat.js")], examples)
    py = _run([sys.executable, str(examples / "chat.py")], examples)
    assert js.returncode == 0, js.stderr
    assert py.returncode == 0, py.stderr
    assert js.stdout.strip(), "the node transcript is empty"
    assert py.stdout == js.stdout
