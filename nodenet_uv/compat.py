"""``python -m nodenet_uv.compat``: compare nodenet_uv with node, and report the scoreboard.

Commands:
    diff SCENARIO.js SCENARIO.py   run both (the .js under ``node`` with
        ``NODENET_UV_TRACE_JS`` set, the .py under this Python), compare their trace
        lines (see ``nodenet_uv.testing.trace``) and print the first divergence.
    report [--manifest DIR]        the Node-test manifest table and totals, next to
        Deno's and Bun's counts for Node's 150 test-net-* files. DIR defaults to
        tests/node/manifest of the current directory, else of this source checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, TextIO

from nodenet_uv.testing.trace import TRACE_JS

# Node's own test-net-* files that Deno and Bun pass (research/compat-anchors.md §1.4:
# Deno 2.9.6 and Bun 1.4.5 running the 150 parallel test-net-* files, Linux x64).
ANCHORS = {"Deno 2.9.6": 135, "Bun 1.4.5": 131}
NET_TOTAL = 150  # Node v20: 139 parallel + 11 sequential test-net-* files
STATUSES = ("pass", "fail", "n-a")


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
            entries[key] = {
                "status": value["status"],
                "reason": value.get("reason", ""),
                "file": f.stem,
            }
    return entries


def default_manifest() -> Path | None:
    """``tests/node/manifest`` of the current directory, else of this source checkout."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[1]):
        root = base / "tests" / "node" / "manifest"
        if root.is_dir() and any(root.glob("*.toml")):
            return root
    return None


def _counts(group: dict[str, dict[str, str]]) -> dict[str, int]:
    return {s: sum(1 for v in group.values() if v["status"] == s) for s in STATUSES}


def report(root: Path, out: TextIO | None = None) -> int:
    """Print every manifest entry, then the totals beside Deno's and Bun's counts."""
    out = out if out is not None else sys.stdout
    entries = load_manifest(root)
    if not entries:
        print(f"no manifest entries under {root}", file=out)
        return 2
    net = {k: v for k, v in entries.items() if "/test-net-" in k}
    width = max(len(k) for k in entries)
    area_width = max(len(v["file"]) for v in entries.values())
    print(f"{'Node test':<{width}}  {'area':<{area_width}}  status  reason", file=out)
    for key in sorted(entries):
        e = entries[key]
        print(
            f"{key:<{width}}  {e['file']:<{area_width}}  {e['status']:<6}  {e['reason']}", file=out
        )
    print(file=out)
    c = _counts(net)
    rows = [("nodenet_uv", c["pass"], f"{c['fail']} fail, {c['n-a']} n-a, {len(net)} listed")]
    rows += [
        (name, n, "its run of Node's test-net-* files, research/compat-anchors.md §1.4")
        for name, n in ANCHORS.items()
    ]
    print(f"Node's test-net-* files ({NET_TOTAL}), passing:", file=out)
    for name, n, note in rows:
        print(
            f"  {name:<12} {n:>4} / {NET_TOTAL}  {100 * n / NET_TOTAL:5.1f} %  ({note})", file=out
        )
    a = _counts(entries)
    print(
        f"all ported Node tests (net, stream, events, timers): {a['pass']} pass, "
        f"{a['fail']} fail, {a['n-a']} n-a, {len(entries)} listed",
        file=out,
    )
    print(
        f"test-net-*: nodenet_uv {c['pass']}, "
        + ", ".join(f"{name} {n}" for name, n in ANCHORS.items())
        + f" (of {NET_TOTAL})",
        file=out,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 3 and args[0] == "diff":
        return diff(args[1], args[2])
    if args and args[0] == "report":
        if len(args) > 2 and args[1] == "--manifest":
            return report(Path(args[2]))
        root = default_manifest()
        if root is None:
            print(
                "no tests/node/manifest here: run from a nodenet_uv checkout "
                "or pass --manifest DIR",
                file=sys.stderr,
            )
            return 2
        return report(root)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
