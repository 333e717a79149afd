"""The repository refers to nothing outside itself (issue 19): no tracked text file names a
path on the machine it was written on (``../shared/...``, ``/work/...``, a home directory)
or a document that is not in the repository (``DESIGN.md``). The project's contract is in
its own ``docs/``.

One reader is legitimate: Node's own test tree (``node-tests-v24``), which is not shipped,
is looked up beside the checkout by ``tests/node/`` code (the manifest check, skipped when
the tree is absent) and by ``nodenet_uv/compat.py`` (the report's per-family totals).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# Built by concatenation so that this file does not match itself.
FORBIDDEN = re.compile(
    "|".join(
        [
            r"\.\./" + "shared",
            r"(?<![\w.])/" + r"work/",
            r"(?<![\w.])/" + r"root/",
            r"(?<![\w.])/" + r"home/",
            r"(?<![\w.])/" + r"Users/",
            "DESIGN" + r"\.md",
            "shared/" + "research",
        ]
    )
)
# The node-tests-v24 readers: Python code in tests/node/ and nodenet_uv/compat.py.
ALLOWED_TEXT = re.compile(r"\.\./" + r"shared/node-tests-v24")


def _allowed(path: str) -> bool:
    return (path.startswith("tests/node/") and path.endswith(".py")) or path == (
        "nodenet_uv/compat.py"
    )


def _tracked_text_files() -> list[str]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [p for p in out.decode().split("\0") if p]


def offending_lines(path: str, text: str) -> list[str]:
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        for m in FORBIDDEN.finditer(line):
            if _allowed(path) and ALLOWED_TEXT.match(line, m.start()):
                continue
            found.append(f"{path}:{n}: {line.strip()}")
            break
    return found


def test_no_tracked_file_refers_outside_the_repository() -> None:
    bad: list[str] = []
    this = Path(__file__).resolve().relative_to(REPO).as_posix()  # names the patterns
    for path in _tracked_text_files():
        full = REPO / path
        if path == this:
            continue
        if full.is_symlink() or not full.is_file():
            continue
        data = full.read_bytes()
        if b"\0" in data[:8192]:
            continue  # binary (the chart, ...)
        bad += offending_lines(path, data.decode("utf-8", "replace"))
    assert not bad, "paths outside the repository:\n" + "\n".join(bad)


@pytest.mark.parametrize(
    ("path", "line", "flagged"),
    [
        ("docs/x.md", "see ../" + "shared/research/a.md", True),
        ("docs/x.md", "the contract (" + "DESIGN.md §1)", True),
        ("README.md", "cd /" + "work/main", True),
        ("tools/a.sh", "-> /" + "root/.pyenv/bin/python", True),
        ("tests/node/test_manifest.py", "# ../" + "shared/node-tests-v24 beside it", False),
        ("nodenet_uv/compat.py", "(``../" + "shared/node-tests-v24``)", False),
        ("docs/x.md", "../" + "shared/node-tests-v24", True),  # only the readers may
        ("docs/x.md", "https://nodejs.org/docs/latest-v24.x/api/net.html", False),
        ("docs/x.md", "/etc/hosts and src/work/x", False),
    ],
)
def test_the_rule(path: str, line: str, flagged: bool) -> None:
    assert bool(offending_lines(path, line)) is flagged
