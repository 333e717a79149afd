"""``python -m nodenet_uv.compat report``: the manifest table and the scoreboard."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

from nodenet_uv import compat

ROOT = Path(__file__).resolve().parents[2]


def test_report_from_repo_root() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "nodenet_uv.compat", "report"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:3] == ["Node", "test", "area"]
    assert any(line.startswith("parallel/test-net-binary.js ") for line in lines)
    last = lines[-1]
    m = re.fullmatch(
        r"test-net-\*: nodenet_uv (\d+), Deno 2\.9\.6 135, Bun 1\.4\.5 131 \(of 150\)", last
    )
    assert m, last
    assert any(re.match(r"  nodenet_uv +\d+ / 150 .*150 listed\)$", line) for line in lines), lines[
        -6:
    ]


def test_report_counts(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        '["parallel/test-net-x.js"]\nstatus = "pass"\n\n'
        '["parallel/test-net-y.mjs"]\nstatus = "fail"\nreason = "broken"\n\n'
        '["sequential/test-net-z.js"]\nstatus = "n-a"\nreason = "needs cluster"\n\n'
        '["parallel/test-stream-q.js"]\nstatus = "pass"\n'
    )
    out = io.StringIO()
    assert compat.report(tmp_path, out) == 0
    text = out.getvalue()
    assert "parallel/test-net-y.mjs" in text and "broken" in text
    assert "  nodenet_uv      1 / 150" in text
    assert "(1 fail, 1 n-a, 3 listed)" in text
    assert (
        "all ported Node tests (net, stream, events, timers): 2 pass, 1 fail, 1 n-a, 4 listed"
        in text
    )


def test_report_without_manifest(tmp_path: Path) -> None:
    out = io.StringIO()
    assert compat.report(tmp_path, out) == 2
    assert "no manifest entries" in out.getvalue()
