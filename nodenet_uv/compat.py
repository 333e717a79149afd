"""``python -m nodenet_uv.compat``: compare nodenet_uv with node, and report the scoreboard.

Commands:
    diff SCENARIO.js SCENARIO.py   run both (the .js under ``node`` with
        ``NODENET_UV_TRACE_JS`` set, the .py under this Python), compare their trace
        lines (see ``nodenet_uv.testing.trace``) and print the first divergence.
    report [--manifest DIR]        the Node-test manifest table, then one line per family
        of Node's tests (test-net-*, test-event*, test-stream*, ...): how many of Node
        v24.12.0's test files of that family nodenet_uv passes. DIR defaults to
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

# The manifest's reference: Node v24.12.0's own tests, checked against node v24.22.3.
NODE_TESTS_VERSION = "v24.12.0"
ORACLE_VERSION = "v24.22.3"
# Node v24.12.0's test-net-* files in parallel/ + sequential/ (149 + 12).
NET_TOTAL = 161
# Node's own test-net-* files that Deno and Bun pass (their published compatibility figures:
# Deno 2.9.6 and Bun 1.4.5 running Node v20.11.1's 150 parallel test-net-* files, Linux
# x64): another test set, so shown apart, for reference only.
ANCHORS = {"Deno 2.9.6": 135, "Bun 1.4.5": 131}
ANCHORS_TOTAL = 150
STATUSES = ("pass", "fail", "n-a")
# The report's families, in order: (label, test of the manifest key).
FAMILIES: tuple[tuple[str, Any], ...] = (
    ("test-net-*", lambda k: k.split("/")[0] != "pummel" and "/test-net-" in k),
    ("pummel/test-net-*", lambda k: k.startswith("pummel/test-net-")),
    ("test-event*", lambda k: "/test-event" in k),
    ("test-stream*", lambda k: "/test-stream" in k),
    ("test-timers*", lambda k: "/test-timers" in k),
    ("test-next-tick*", lambda k: "/test-next-tick" in k),
    ("test-blocklist*", lambda k: "/test-blocklist" in k),
    ("test-socketaddress*", lambda k: "/test-socketaddress" in k),
    ("test-cluster*", lambda k: "/test-cluster" in k),
    ("test-child-process*", lambda k: "/test-child-process" in k),
)


def run_node(script: str, timeout: float = 60) -> list[Any]:
    env = {**os.environ, "NODENET_UV_TRACE_JS": TRACE_JS}
    from nodenet_uv.testing.node_peer import find_node

    proc = subprocess.run(
        [find_node() or "node", script], capture_output=True, text=True, timeout=timeout, env=env
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


def family_of(key: str) -> str:
    """The report family of a manifest key (``"other"`` for none of FAMILIES)."""
    for label, test in FAMILIES:
        if test(key):
            return str(label)
    return "other"


def family_line(label: str, group: dict[str, dict[str, str]], in_tree: int = 0) -> str:
    """``test-net-*: nodenet_uv N of 161 (Node v24.12.0 tests, node v24.22.3)``: N files
    of the family pass, of all the family's files (those of Node's test tree when it is
    at hand, ``in_tree``, else those the manifest lists; unlisted files are counted as
    not ported)."""
    c = _counts(group)
    total = max(in_tree, len(group))
    unlisted = total - len(group)
    tail = f"; {unlisted} not ported or listed yet" if unlisted else ""
    return (
        f"{label}: nodenet_uv {c['pass']} of {total} "
        f"(Node {NODE_TESTS_VERSION} tests, node {ORACLE_VERSION}{tail})"
    )


def tree_counts(root: Path) -> dict[str, int]:
    """How many files of each family Node's test tree has (``../shared/node-tests-v24``
    beside the checkout that holds ``root``); empty when the tree is not there."""
    tree = root.resolve().parents[3] / "shared" / "node-tests-v24"
    counts: dict[str, int] = {}
    if not tree.is_dir():
        return counts
    for sub in ("parallel", "sequential", "pummel"):
        for f in (tree / sub).glob("test-*"):
            if f.suffix in (".js", ".mjs"):
                fam = family_of(f"{sub}/{f.name}")
                counts[fam] = counts.get(fam, 0) + 1
    return counts


def report(root: Path, out: TextIO | None = None) -> int:
    """Print every manifest entry, then one line per family of Node's tests."""
    out = out if out is not None else sys.stdout
    entries = load_manifest(root)
    if not entries:
        print(f"no manifest entries under {root}", file=out)
        return 2
    width = max(len(k) for k in entries)
    area_width = max(len(v["file"]) for v in entries.values())
    print(f"{'Node test':<{width}}  {'area':<{area_width}}  status  reason", file=out)
    for key in sorted(entries):
        e = entries[key]
        print(
            f"{key:<{width}}  {e['file']:<{area_width}}  {e['status']:<6}  {e['reason']}", file=out
        )
    print(file=out)
    groups: dict[str, dict[str, dict[str, str]]] = {}
    for key, e in entries.items():
        groups.setdefault(family_of(key), {})[key] = e
    labels = [label for label, _ in FAMILIES if label in groups]
    labels += ["other"] if "other" in groups else []
    label_width = max(len(label) for label in labels)
    print(f"By family (pass / fail / n-a / listed), Node {NODE_TESTS_VERSION} tests:", file=out)
    for label in labels:
        c = _counts(groups[label])
        print(
            f"  {label:<{label_width}}  {c['pass']:>4} / {c['fail']:>3} / {c['n-a']:>3} / "
            f"{len(groups[label]):>4}",
            file=out,
        )
    a = _counts(entries)
    print(
        f"  {'all':<{label_width}}  {a['pass']:>4} / {a['fail']:>3} / {a['n-a']:>3} / "
        f"{len(entries):>4}",
        file=out,
    )
    print(
        f"For reference, on Node v20.11.1's {ANCHORS_TOTAL} test-net-* files "
        "(as Deno and Bun published them): "
        + ", ".join(f"{name} {n}" for name, n in ANCHORS.items()),
        file=out,
    )
    print(file=out)
    in_tree = tree_counts(root)
    for label in labels:
        print(family_line(label, groups[label], in_tree.get(label, 0)), file=out)
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
