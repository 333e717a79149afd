"""``python -m nodenet_uv.compat``: compare nodenet_uv with node, and report the scoreboard.

Commands:
    diff SCENARIO.js SCENARIO.py   run both (the .js under ``node`` with
        ``NODENET_UV_TRACE_JS`` set, the .py under this Python), compare their trace
        lines (see ``nodenet_uv.testing.trace``) and print the first divergence.
    report [--manifest DIR]        the Node-test manifest table and totals, next to
        Deno's and Bun's published counts for the same 150 test-net-* files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from nodenet_uv.testing.trace import TRACE_JS

# Published counts for Node v20's 150 test-net-* files (research/compat-anchors.md).
ANCHORS = {"Deno": 135, "Bun": 131}


def run_node(script: str, timeout: float = 60) -> list[Any]:
    env = {**os.environ, "NODENET_UV_TRACE_JS": TRACE_JS}
    proc = subprocess.run(
        ["node", script], capture_output=True, text=True, timeout=timeout, env=env
    )
    if proc.returncode != 0:
        raise RuntimeError(f"node {script} failed:\n{proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("[")]


def run_python(script: str, timeout: float = 60) -> list[Any]:
    code = (
        "import runpy, sys\n"
        "from nodenet_uv.testing import trace\n"
        f"runpy.run_path({script!r}, run_name='__main__')\n"
        "trace.dump()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout
    )
    if proc.returncode != 0:
        raise RuntimeError(f"python {script} failed:\n{proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("[")]


def first_divergence(a: list[Any], b: list[Any]) -> int | None:
    for i in range(max(len(a), len(b))):
        if i >= len(a) or i >= len(b) or a[i] != b[i]:
            return i
    return None


def diff(js: str, py: str) -> int:
    node_trace = run_node(js)
    our_trace = run_python(py)
    i = first_divergence(node_trace, our_trace)
    if i is None:
        print(f"identical: {len(node_trace)} events")
        return 0
    print(f"first divergence at event {i}:")
    for j in range(max(0, i - 3), i):
        print(f"  both : {json.dumps(node_trace[j])}")
    print(f"  node : {json.dumps(node_trace[i]) if i < len(node_trace) else '(end of trace)'}")
    print(f"  ours : {json.dumps(our_trace[i]) if i < len(our_trace) else '(end of trace)'}")
    return 1


def load_manifest(root: Path) -> dict[str, dict[str, str]]:
    import tomllib

    entries: dict[str, dict[str, str]] = {}
    for f in sorted(root.glob("*.toml")):
        for key, value in tomllib.loads(f.read_text()).items():
            entries[key] = {"status": value["status"], "reason": value.get("reason", "")}
    return entries


def report(root: Path) -> int:
    entries = load_manifest(root)
    net = {k: v for k, v in entries.items() if "/test-net-" in k}
    width = max((len(k) for k in entries), default=10)
    for key in sorted(entries):
        e = entries[key]
        print(f"{key:<{width}}  {e['status']:<5}  {e['reason']}")
    print()
    for title, group in (("test-net-* (Node v20: 150 files)", net), ("all ported Node tests", entries)):
        counts = {s: sum(1 for v in group.values() if v["status"] == s) for s in ("pass", "fail", "n-a")}
        print(f"{title}: {counts['pass']} pass, {counts['fail']} fail, {counts['n-a']} n-a, {len(group)} listed")
    print("for comparison, test-net-* passing: " + ", ".join(f"{k} {v}" for k, v in ANCHORS.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 3 and args[0] == "diff":
        return diff(args[1], args[2])
    if args and args[0] == "report":
        root = Path(args[2]) if len(args) > 2 and args[1] == "--manifest" else Path("tests/node/manifest")
        return report(root)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
