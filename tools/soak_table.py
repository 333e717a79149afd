#!/usr/bin/env python3
"""Turn the reliability run's JSON lines into docs/reliability.md (issue 18).

Usage: ``python tools/soak_table.py RESULTS.jsonl [-o docs/reliability.md]``

``RESULTS.jsonl`` is what ``tests/reliability`` wrote with ``NODENET_UV_RELIABILITY_TABLE``
set (one record per row through the ``reliability_row`` fixture, plus a ``failed`` record
for each test that failed, from tests/reliability/conftest.py). ``make soak`` runs the
suite at full load (``NODENET_UV_SOAK=1``) and then this script.

Each row reads "nothing lost, nothing leaked" when its record says so (``lost == 0``,
``leaks == []``, no ``bug``) and its test did not fail; otherwise it names what was lost
or leaked, the bug still open, or the failure. Node's ``pummel`` net tests are not run
here: they are ports in tests/node/pummel, listed in tests/node/manifest/net-pummel.toml
and run by ``make test``; their row counts the manifest's statuses.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PUMMEL_MANIFEST = ROOT / "tests" / "node" / "manifest" / "net-pummel.toml"

METHOD = """\
# Reliability

What nodenet_uv does under load, faults and bad input, measured (issue 18). The tests
live in `tests/reliability/`; `make test` runs them at a *fast* load (seconds each),
`make soak` at the *full* load and regenerates this page from their records
(`tools/soak_table.py`).

## Method

- **Soak** (`test_soak.py`): a client writes random bytes in random chunks (1 B to
  256 KiB, log-uniform), one write in ten starting a corked run of 2 to 9 chunks
  (uncorked at once or on the next tick), waiting for `'drain'` whenever `write()`
  returns false; its reader pauses on its first `'data'` and on 10 % of the others and
  resumes after 0 to 3 ms or on `setImmediate`. An echo server writes back what it reads
  (pausing while its own buffer is full). Checked: sha256 of what was sent = what the
  server received = what came back; `bytesRead`/`bytesWritten` exact on both sockets;
  `'end'`, `'finish'`, `'close'` on both, no error. Python with Python (one process),
  Python with node 24 both ways; TCP and Unix sockets. The node side is
  `tests/reliability/soak_peer.js`, the Python side `tests/reliability/soak.py`.
- **Faults** (`test_faults.py`): each scenario that node can run is run by node 24 too
  and node's outcome (events in order, error codes, byte counters) is the expectation: a
  RST in the middle of a 32 MiB write, a half-close answered by a RST, a `'data'`
  listener that raises (with and without `uncaughtException`), EMFILE on accept (the
  child's `RLIMIT_NOFILE` lowered to 64), DNS failure, DNS timeout (in a private mount
  namespace whose `/etc/resolv.conf` names a local UDP socket that swallows the queries),
  SIGPIPE with `SIG_DFL` restored by the script; and `server.close()` with every
  connection open, a peer that never reads (RSS and `bufferSize` against what was
  written).
- **Scale** (`test_scale.py`): many connections open together, and connection churn
  (50 at a time). Before and after: open fds (`/proc/self/fd`), the loop's open handles
  (pyuv `Loop.handles`), ref'ed timers and timer lists, RSS. Every socket has an idle
  timeout set, so per-socket timers are exercised too.
- **Security** (`test_security.py`): the socket file's mode under five umasks with
  `readableAll`/`writableAll` (compared with node 24 on the same directory); `listen(path)`
  over a file, a stale socket, symlinks, a directory, a FIFO (node's codes, nothing
  removed); abstract names; `maxConnections` under a connection flood; `pauseOnConnect`
  sockets sent to a Python and to a node child with data already waiting.
- **Fuzz** (`test_fuzz_*.py`): hypothesis drives the API's arguments and a protocol
  fuzzer (rows below when present).
- Every test also runs under the suite's own leak check (`nodenet_uv.testing`:
  active handles, ref'ed timers, queued immediates, pending ticks, open fds after the
  test), which fails the test on any leftover.

Columns: *load* is what the run did; *faults injected* and *bad inputs tried* what it
threw at the library; *bytes compared* the bytes whose sha256 (or exact content) was
checked; *leaks found* and *lost* the measured result; *time* the test's wall time.
"""


def _read(path: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            out.append(json.loads(line))
    return out


def _fmt_bytes(n: int) -> str:
    if n <= 0:
        return "-"
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ")
    return f"{n} B"


def _cell(value: Any) -> str:
    text = str(value) if value not in (None, "") else "-"
    return text.replace("|", "\\|").replace("\n", " ")


def _pummel_row() -> dict[str, Any] | None:
    if not PUMMEL_MANIFEST.exists():
        return None
    with PUMMEL_MANIFEST.open("rb") as f:
        entries = tomllib.load(f)
    statuses: dict[str, int] = {}
    for entry in entries.values():
        statuses[entry.get("status", "?")] = statuses.get(entry.get("status", "?"), 0) + 1
    total = len(entries)
    passing = statuses.get("pass", 0)
    return {
        "test": f"Node's test/pummel net tests: {passing}/{total} ported and passing",
        "load": "as in node's files (tests/node/pummel, run by `make test`, not here)",
        "faults": "-",
        "bad_inputs": 0,
        "bytes_compared": 0,
        "leaks": [],
        "lost": 0,
        "seconds": None,
        "source": "tests/node/manifest/net-pummel.toml ("
        + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))
        + ")",
        "pummel_ok": passing == total,
    }


def _verdict(rec: dict[str, Any]) -> str:
    parts = []
    if rec.get("failed_error"):
        parts.append(f"**FAILED** ({rec.get('failed_when')}): {rec['failed_error']}")
    if rec.get("bug"):
        parts.append(f"**open:** {rec['bug']}")
    if rec.get("leaks"):
        parts.append("**leaked:** " + "; ".join(map(str, rec["leaks"])))
    if rec.get("lost"):
        parts.append(f"**lost:** {rec['lost']}")
    verdict = " ".join(parts) if parts else "nothing lost, nothing leaked"
    if rec.get("bugs_open"):
        # Divergences from node the fuzzer counts by name (KNOWN_BUGS in test_fuzz_args.py):
        # nothing lost or leaked, but an answer that differs from node's.
        verdict += "; **differs from node:** " + "; ".join(map(str, rec["bugs_open"]))
    return verdict


def build(records: list[dict[str, Any]]) -> str:
    rows: list[dict[str, Any]] = []
    by_nodeid: dict[str, list[dict[str, Any]]] = {}
    failures: dict[str, dict[str, Any]] = {}
    for rec in records:
        if rec.get("failed"):
            failures.setdefault(rec["nodeid"], rec)
            continue
        rows.append(rec)
        by_nodeid.setdefault(rec.get("nodeid", ""), []).append(rec)
    for nodeid, fail in failures.items():
        mine = by_nodeid.get(nodeid)
        if mine:
            for rec in mine:
                rec["failed_error"], rec["failed_when"] = fail["error"], fail["when"]
        else:
            rows.append(
                {
                    "nodeid": nodeid,
                    "test": nodeid.split("::", 1)[-1],
                    "load": "-",
                    "failed_error": fail["error"],
                    "failed_when": fail["when"],
                }
            )
    order = ["test_soak", "test_faults", "test_scale", "test_security", "test_fuzz"]

    def section(rec: dict[str, Any]) -> int:
        nodeid = str(rec.get("nodeid", ""))
        return next((i for i, k in enumerate(order) if k in nodeid), len(order))

    rows.sort(key=section)  # stable: within a file, the run's order
    soak = any(r.get("soak") for r in records)
    out = [METHOD]
    out.append("## Results\n")
    commit = ""
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    out.append(
        f"Load: **{'full (`make soak`)' if soak else 'fast (`make test`)'}**. "
        f"Run {_dt.datetime.now(_dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}"
        + (f", commit `{commit}`" if commit else "")
        + f", {platform.system()} {platform.release()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}.\n"
    )
    bad = 0
    table = [
        "| test | load | faults injected | bad inputs tried | bytes compared | leaks found "
        "| lost | time | result |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for rec in rows:
        verdict = _verdict(rec)
        bad += not verdict.startswith("nothing lost, nothing leaked") or "differs" in verdict
        seconds = rec.get("seconds")
        table.append(
            "| "
            + " | ".join(
                _cell(x)
                for x in (
                    rec.get("test"),
                    rec.get("load"),
                    rec.get("faults"),
                    rec.get("bad_inputs", 0),
                    _fmt_bytes(int(rec.get("bytes_compared") or 0)),
                    len(rec.get("leaks") or []),
                    rec.get("lost", 0),
                    f"{seconds:.1f} s" if isinstance(seconds, (int, float)) else "-",
                    verdict,
                )
            )
            + " |"
        )
    pummel = _pummel_row()
    if pummel is not None:
        verdict = (
            "all pass, each under the suite's leak check"
            if pummel["pummel_ok"]
            else "not all pass: see the manifest"
        )
        bad += not pummel["pummel_ok"]
        table.append(
            "| "
            + " | ".join(
                _cell(x)
                for x in (
                    pummel["test"],
                    pummel["load"],
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    f"{verdict} (from {pummel['source']})",
                )
            )
            + " |"
        )
    out.append("\n".join(table) + "\n")
    out.append(
        f"\n{len(rows)} rows from the run"
        + (", 1 from the pummel manifest" if pummel else "")
        + (f"; **{bad} name a problem**." if bad else "; every row: nothing lost, nothing leaked.")
        + "\n"
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", type=Path)
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "reliability.md")
    args = ap.parse_args(argv)
    records = _read(args.results)
    if not records:
        print(f"{args.results}: no records", file=sys.stderr)
        return 1
    args.output.write_text(build(records), encoding="utf-8")
    print(f"wrote {args.output} ({len(records)} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
