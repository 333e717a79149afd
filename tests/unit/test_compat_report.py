"""``python -m nodenet_uv.compat report``: the manifest table and one line per family."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

from nodenet_uv import compat

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = r"\(Node v24\.12\.0 tests, node v24\.22\.3\)"


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
    net = [line for line in lines if line.startswith("test-net-*: ")]
    assert len(net) == 1, lines[-12:]
    assert re.fullmatch(rf"test-net-\*: nodenet_uv \d+ of 161 {SUFFIX}", net[0]), net[0]
    for family in ("pummel/test-net-*", "test-event*", "test-stream*", "test-timers*"):
        assert any(
            re.fullmatch(
                rf"{re.escape(family)}: nodenet_uv \d+ of \d+ "
                rf"(?:{SUFFIX}|{SUFFIX[:-2]}; \d+ not ported or listed yet\))",
                line,
            )
            for line in lines
        ), (family, lines[-12:])
    assert lines[-1].startswith("test-child-process*: nodenet_uv ")


def test_report_counts(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        '["parallel/test-net-x.js"]\nstatus = "pass"\n\n'
        '["parallel/test-net-y.mjs"]\nstatus = "fail"\nreason = "broken"\n\n'
        '["sequential/test-net-z.js"]\nstatus = "n-a"\nreason = "needs cluster"\n\n'
        '["pummel/test-net-p.js"]\nstatus = "pass"\n\n'
        '["parallel/test-stream-q.js"]\nstatus = "pass"\n\n'
        '["parallel/test-stream2-r.js"]\nstatus = "fail"\nreason = "r"\n\n'
        '["parallel/test-events-once.js"]\nstatus = "pass"\n\n'
        '["parallel/test-event-emitter-x.js"]\nstatus = "n-a"\nreason = "v8"\n'
    )
    out = io.StringIO()
    assert compat.report(tmp_path, out) == 0
    text = out.getvalue()
    assert "parallel/test-net-y.mjs" in text and "broken" in text
    lines = text.splitlines()
    suffix = "(Node v24.12.0 tests, node v24.22.3)"
    assert lines[-4:] == [
        f"test-net-*: nodenet_uv 1 of 3 {suffix}",
        f"pummel/test-net-*: nodenet_uv 1 of 1 {suffix}",
        f"test-event*: nodenet_uv 1 of 2 {suffix}",
        f"test-stream*: nodenet_uv 1 of 2 {suffix}",
    ]
    assert any(re.fullmatch(r"  test-net-\* +1 / +1 / +1 / +3", line) for line in lines)
    assert any(re.fullmatch(r"  all +4 / +2 / +2 / +8", line) for line in lines)


def test_families() -> None:
    assert compat.family_of("parallel/test-net-binary.js") == "test-net-*"
    assert compat.family_of("sequential/test-net-GH-5504.js") == "test-net-*"
    assert compat.family_of("pummel/test-net-pingpong.js") == "pummel/test-net-*"
    assert compat.family_of("parallel/test-events-once.js") == "test-event*"
    assert compat.family_of("parallel/test-stream3-pause-then-read.js") == "test-stream*"
    assert compat.family_of("parallel/test-next-tick-ordering.js") == "test-next-tick*"
    assert compat.family_of("parallel/test-blocklist-clone.js") == "test-blocklist*"
    assert compat.family_of("parallel/test-socketaddress.js") == "test-socketaddress*"
    assert compat.family_of("parallel/test-child-process-fork.js") == "test-child-process*"
    assert compat.family_of("parallel/test-dgram-x.js") == "other"


def test_report_without_manifest(tmp_path: Path) -> None:
    out = io.StringIO()
    assert compat.report(tmp_path, out) == 2
    assert "no manifest entries" in out.getvalue()


def test_readme_table_matches_the_manifest() -> None:
    # The README's table of Node test files passing is written by hand: keep it true.
    readme = (ROOT / "README.md").read_text()
    rows = re.findall(r"^\| `([^`]+)` \| (\d+) of (\d+) \| (\d+) \|$", readme, re.M)
    assert len(rows) == 4, rows
    report = io.StringIO()
    compat.report(ROOT / "tests" / "node" / "manifest", report)
    families = {
        m.group(1).rstrip("*").rstrip("-"): (int(m.group(2)), int(m.group(4)), int(m.group(5)))
        for m in re.finditer(
            r"^  (\S+)\s+(\d+) /\s+(\d+) /\s+(\d+) /\s+(\d+)$", report.getvalue(), re.M
        )
    }
    for name, passing, total, na in rows:
        key = name.rstrip("*").rstrip("-")
        assert families[key] == (int(passing), int(na), int(total)), (name, families.get(key))
