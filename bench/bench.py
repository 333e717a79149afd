"""Interleaved benchmark driver: nodenet_uv vs Node's net vs raw pyuv vs asyncio/uvloop.

Method (the usual one for comparing event-loop servers on a noisy machine):

* Loop order rep -> test -> transport -> server; the server order rotates every rep, so every
  server sees the same mix of machine states and the ratios inside one run are fair.
* Each run starts a fresh server pinned to CPU 0 (``taskset -c 0``) and the C load generator
  pinned to CPU 1. Before each run the driver waits until the machine is mostly idle (>= 94%
  idle over 0.1 s); during the measured window it sums the CPU that other processes used
  (``/proc/*/stat`` deltas, kernel threads excluded) and re-runs the configuration if that
  exceeds 3% of the window (with a 20 ms floor: CPU time is accounted in 10 ms units).
* Server CPU comes from ``/proc/PID/stat`` (utime + stime, all threads) over the measured
  window, which ``loadgen`` marks on its stderr; the per-operation figures use the same
  quantity from ``/proc/PID/task/*/schedstat`` (ns instead of 10 ms units) when available.
* churn, sink and echo get an untimed warm-up run against the same server first (see
  ``loadgen_args``); pp warms up inside loadgen. Peak RSS is ``VmHWM`` after the run; the
  idle RSS is ``VmRSS`` before it.
* Results (in ``bench/results/``, with ``--full`` in ``bench/results/full/``): JSON lines
  (``results.jsonl``; first line is run metadata), ``summary.md`` with
  medians [min-max] and ratios to node and to raw pyuv, and ``ratios.png``.

Usage: ``python bench/bench.py --quick`` (``make bench``) or ``--full`` (``make bench-full``);
``--servers``/``--tests``/``--transports``/``--reps`` select a subset;
``--summarize FILE`` only rebuilds the summary and chart from a results file.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LOADGEN = Path(os.environ.get("LOADGEN", ROOT / ".cache" / "bench" / "loadgen"))
PY = os.environ.get("BENCH_PYTHON", sys.executable)
# node v24.22.3, the project's oracle (tools/install.sh unpacks it into .cache/); NODE
# overrides. The `node` on PATH is never used: on these machines it is v20.
_PINNED_NODE = Path(__file__).resolve().parents[1] / ".cache" / "node-v24.22.3" / "bin" / "node"
NODE = os.environ.get("NODE", str(_PINNED_NODE))
CLK_TCK = os.sysconf("SC_CLK_TCK")
PF_KTHREAD = 0x00200000

# name -> (argv builder, tests it takes part in; None = all)
SERVERS: dict[str, tuple[list[str], tuple[str, ...] | None]] = {
    "node": ([NODE, "servers/node_server.js", "{addr}", "{mode}"], None),
    # nodenet: the C per-message path (nodenet_uv._speedups, issue 17); nodenet-pure: the
    # same server with NODENET_UV_PURE=1 (the pure-Python reference path)
    "nodenet": ([PY, "servers/nodenet_server.py", "{addr}", "{mode}"], None),
    "nodenet-pure": (
        ["env", "NODENET_UV_PURE=1", PY, "servers/nodenet_server.py", "{addr}", "{mode}"],
        None,
    ),
    "pyuv": ([PY, "servers/pyuv_server.py", "{addr}", "{mode}"], None),
    "asyncio-proto": ([PY, "servers/aio_server.py", "{addr}", "{mode}", "proto", "asyncio"], None),
    "asyncio-streams": (
        [PY, "servers/aio_server.py", "{addr}", "{mode}", "streams", "asyncio"],
        None,
    ),
    "uvloop-proto": ([PY, "servers/aio_server.py", "{addr}", "{mode}", "proto", "uvloop"], None),
    "uvloop-streams": (
        [PY, "servers/aio_server.py", "{addr}", "{mode}", "streams", "uvloop"],
        None,
    ),
    # bulk echo through socket.pipe(socket), in both node and nodenet_uv
    "node-pipe": ([NODE, "servers/node_server.js", "{addr}", "{mode}", "pipe"], ("echo",)),
    "nodenet-pipe": ([PY, "servers/nodenet_server.py", "{addr}", "{mode}", "pipe"], ("echo",)),
}
TESTS = ("pp1", "pp10", "pp100", "pp1000", "sink", "echo", "churn")
TRANSPORTS = ("tcp", "unix")

PROFILES: dict[str, dict[str, Any]] = {
    # make bench: whole matrix in a few minutes; numbers are noisier than --full
    "quick": {
        "reps": 3,
        "pp_warm": 0.25,
        "pp_dur": 0.5,
        "sink_bytes": 256 << 20,
        "echo_bytes": 128 << 20,
        "chunk": 64 << 10,
        "churn_total": 2000,
        "churn_conc": 50,
        "warm_churn": 1000,
        "warm_bytes": 32 << 20,
        "idle_timeout": 3.0,
        "attempts": 2,
        # seconds for the whole matrix: when the remaining runs would overrun it, no more idle
        # waits or re-runs (runs stay flagged), so `make bench` ends in under 5 minutes even
        # when other sessions load the machine
        "budget": 265,
    },
    # make bench-full: the anchors' parameters (about 30 minutes on the project machine)
    "full": {
        "reps": 5,
        "pp_warm": 1.0,
        "pp_dur": 3.0,
        "sink_bytes": 4 << 30,
        "echo_bytes": 4 << 30,
        "chunk": 64 << 10,
        "churn_total": 10000,
        "churn_conc": 50,
        "warm_churn": 2000,
        "warm_bytes": 256 << 20,
        "idle_timeout": 60.0,
        "attempts": 3,
        "budget": None,
    },
}


def loadgen_args(test: str, p: dict[str, Any]) -> tuple[str, list[str], list[str] | None]:
    """(server mode, loadgen arguments, untimed warm-up loadgen arguments) for a test.

    pp warms up inside loadgen (``WARM`` seconds). churn, sink and echo get a short untimed
    warm-up run against the same server process first (the anchors had none): without it a
    2000-connection churn measures mostly node's JIT warming up (7.8k conns/s cold against
    22k warm, measured here), which would flatter every Python server in quick mode.
    """
    if test.startswith("pp"):
        n = test[2:]
        return "echo", ["pp", n, "64", str(p["pp_warm"]), str(p["pp_dur"])], None
    if test == "sink":
        warm = ["sink", str(p["warm_bytes"]), str(p["chunk"])]
        return "sink", ["sink", str(p["sink_bytes"]), str(p["chunk"])], warm
    if test == "echo":
        warm = ["echo", str(p["warm_bytes"]), str(p["chunk"])]
        return "echo", ["echo", str(p["echo_bytes"]), str(p["chunk"])], warm
    if test == "churn":
        warm = ["churn", str(p["warm_churn"]), str(p["churn_conc"])]
        return "hello", ["churn", str(p["churn_total"]), str(p["churn_conc"])], warm
    raise ValueError(test)


# ---------------------------------------------------------------- /proc sampling


def read_proc_stat(pid: int) -> tuple[int, int] | None:
    """(utime + stime in clock ticks, flags) of a process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
    except OSError:
        return None
    fields = data[data.rindex(b")") + 2 :].split()
    # fields[0] is field 3 (state): flags is field 9, utime 14, stime 15
    return int(fields[11]) + int(fields[12]), int(fields[6])


def cpu_seconds(pid: int) -> float:
    st = read_proc_stat(pid)
    return st[0] / CLK_TCK if st else 0.0


def precise_cpu_seconds(pid: int) -> float | None:
    """CPU time of all threads of a process from schedstat (ns resolution), if available."""
    total = 0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return total / 1e9


def all_process_cpu() -> dict[int, int]:
    """clock ticks used so far by every user-space process (kernel threads excluded)."""
    out: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        st = read_proc_stat(int(name))
        if st is not None and not st[1] & PF_KTHREAD:
            out[int(name)] = st[0]
    return out


def machine_idle_fraction(window: float) -> float:
    def sample() -> tuple[int, int]:
        with open("/proc/stat") as f:
            vals = [int(x) for x in f.readline().split()[1:]]
        return sum(vals[:8]), vals[3] + vals[4]

    t1, i1 = sample()
    time.sleep(window)
    t2, i2 = sample()
    return (i2 - i1) / max(1, t2 - t1)


def proc_status_mib(pid: int, key: str) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# ---------------------------------------------------------------- one run


def read_loadgen(
    lg: subprocess.Popen[bytes], timeout: float, snapshot: Any
) -> tuple[dict[str, Any], list[str], str]:
    """Follow the load generator until it exits: each ``MARK <name>`` line on its stderr
    stores ``snapshot()`` (taken at once: the window's edges) under ``<name>``.

    Returns the marks, its other stderr lines and its stdout (the JSON result); kills it
    and raises after ``timeout`` seconds. Shared by Runner.measure and cluster_bench.py.
    """
    assert lg.stderr is not None and lg.stdout is not None
    marks: dict[str, Any] = {}
    other_lines: list[str] = []
    deadline = time.monotonic() + timeout
    buf = b""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            lg.kill()
            lg.wait()
            raise RuntimeError("loadgen timed out")
        r, _, _ = select.select([lg.stderr], [], [], min(left, 1.0))
        if not r:
            continue
        chunk = os.read(lg.stderr.fileno(), 4096)
        if not chunk:
            break
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            text = line.decode(errors="replace")
            if text.startswith("MARK "):
                marks[text[5:]] = snapshot()
            else:
                other_lines.append(text)
    out = lg.stdout.read().decode(errors="replace")
    lg.wait()
    return marks, other_lines, out


class Runner:
    def __init__(self, profile: dict[str, Any], log: Any) -> None:
        self.p = profile
        self.log = log
        self.counter = 0
        self.idle_timeout = profile["idle_timeout"]

    def new_address(self, transport: str) -> str:
        self.counter += 1
        if transport == "unix":
            path = f"/tmp/nnbench-{os.getpid()}-{self.counter}.sock"
            if os.path.exists(path):
                os.unlink(path)
            return path
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return f"127.0.0.1:{s.getsockname()[1]}"

    @staticmethod
    def probe(addr: str) -> bool:
        """One connect + close (this also moves glibc's malloc thresholds in asyncio servers
        to their warmed-up state, as the anchors' probe did)."""
        try:
            if addr.startswith("/"):
                s = socket.socket(socket.AF_UNIX)
                target: Any = addr
            else:
                s = socket.socket()
                host, port = addr.rsplit(":", 1)
                target = (host, int(port))
            with s:
                s.settimeout(1.0)
                s.connect(target)
            return True
        except OSError:
            return False

    def wait_idle(self) -> tuple[float, bool]:
        """Waits until the machine is >= 94% idle over 0.1 s (or the idle timeout passes)."""
        t0 = time.monotonic()
        while True:
            idle = machine_idle_fraction(0.1)
            if idle >= 0.94:
                return time.monotonic() - t0, True
            if time.monotonic() - t0 > self.idle_timeout:
                return time.monotonic() - t0, False

    def run_once(self, server: str, test: str, transport: str) -> dict[str, Any]:
        mode, lg_args, warm_args = loadgen_args(test, self.p)
        addr = self.new_address(transport)
        argv_t, _ = SERVERS[server]
        argv = [a.format(addr=addr, mode=mode) for a in argv_t]
        rec: dict[str, Any] = {"server": server, "test": test, "transport": transport}
        errlog = tempfile.TemporaryFile()
        srv = subprocess.Popen(
            ["taskset", "-c", "0", *argv],
            cwd=BENCH,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errlog,
        )
        try:
            deadline = time.monotonic() + 20
            while not self.probe(addr):
                if srv.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("server did not start")
                time.sleep(0.02)
            if warm_args:
                warm = subprocess.run(
                    ["taskset", "-c", "1", str(LOADGEN), addr, *warm_args],
                    capture_output=True,
                    timeout=120,
                )
                if warm.returncode != 0:
                    raise RuntimeError(f"warm-up failed: {warm.stdout[-300:]!r}")
            rec["idle_wait_s"], rec["idle_ok"] = self.wait_idle()
            rec["idle_rss_mib"] = proc_status_mib(srv.pid, "VmRSS")
            self.measure(srv, addr, lg_args, rec)
            rec["peak_rss_mib"] = proc_status_mib(srv.pid, "VmHWM")
            if srv.poll() is not None:
                raise RuntimeError(f"server exited with status {srv.returncode}")
        except RuntimeError as e:
            rec["ok"] = False
            rec["error"] = str(e)
        finally:
            if srv.poll() is None:
                srv.send_signal(signal.SIGTERM)
                try:
                    srv.wait(5)
                except subprocess.TimeoutExpired:
                    srv.kill()
                    srv.wait()
            if transport == "unix" and os.path.exists(addr):
                os.unlink(addr)
            errlog.seek(0)
            tail = errlog.read()[-2000:].decode(errors="replace")
            errlog.close()
            if not rec.get("ok"):
                rec["server_stderr"] = tail
        return rec

    def measure(self, srv: subprocess.Popen[bytes], addr: str, lg_args: list[str], rec: dict):
        p = self.p
        if lg_args[0] == "pp":
            timeout = p["pp_warm"] + p["pp_dur"] + 30
        elif lg_args[0] == "churn":
            timeout = p["churn_total"] / 200 + 30
        else:
            timeout = int(lg_args[1]) / 20e6 + 30
        lg = subprocess.Popen(
            ["taskset", "-c", "1", str(LOADGEN), addr, *lg_args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        me = os.getpid()
        marks, other_lines, out = read_loadgen(
            lg,
            timeout,
            lambda: (
                time.monotonic(),
                cpu_seconds(srv.pid),
                precise_cpu_seconds(srv.pid),
                all_process_cpu(),
            ),
        )
        rec["loadgen_status"] = lg.returncode
        if other_lines:
            rec["loadgen_stderr"] = other_lines[-10:]
        try:
            res = json.loads(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise RuntimeError(f"loadgen printed no result (status {lg.returncode})")
        rec["loadgen"] = res
        if "start" not in marks or "end" not in marks:
            raise RuntimeError("loadgen did not mark its window")
        t0, s0, p0, all0 = marks["start"]
        t1, s1, p1, all1 = marks["end"]
        window = t1 - t0
        skip = {srv.pid, lg.pid, me}
        others = 0
        for pid, ticks in all1.items():
            if pid not in skip:
                others += ticks - all0.get(pid, 0)
        rec["window_s"] = round(window, 4)
        rec["server_cpu_s"] = round(s1 - s0, 3)  # /proc/PID/stat, 10 ms units
        if p0 is not None and p1 is not None:
            rec["server_cpu_precise_s"] = round(p1 - p0, 6)  # schedstat, all threads
        # per-operation figures use the precise value where the kernel has schedstat
        used = p1 - p0 if p0 is not None and p1 is not None else s1 - s0
        rec["others_cpu_s"] = round(others / CLK_TCK, 3)
        rec["contaminated"] = others / CLK_TCK > max(0.03 * window, 0.02)
        rec["value"] = res["value"]
        rec["unit"] = res["unit"]
        ops = {"pp": res.get("count"), "churn": res.get("done")}.get(res["mode"])
        if ops:  # microseconds of server CPU per message / per connection
            rec["cpu_per_op"] = round(used / ops * 1e6, 3)
            rec["cpu_unit"] = "us/msg" if res["mode"] == "pp" else "us/conn"
        elif res["mode"] in ("sink", "echo"):  # milliseconds per GB (10^9 bytes)
            rec["cpu_per_op"] = round(used / (res["bytes"] / 1e9) * 1e3, 2)
            rec["cpu_unit"] = "ms/GB"
        rec["ok"] = lg.returncode == 0 and not res.get("errors")
        if not rec["ok"]:
            rec["error"] = f"loadgen status {lg.returncode}, errors {res.get('errors')}"


# ---------------------------------------------------------------- the matrix


def tool_version(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=20).stdout.strip()
    except OSError:
        return "?"


def metadata(profile_name: str, profile: dict[str, Any], args: argparse.Namespace) -> dict:
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    py_versions = tool_version(
        [
            PY,
            "-c",
            "import sys, pyuv\n"
            "try:\n import uvloop; u = uvloop.__version__\n"
            "except ImportError: u = None\n"
            "print(sys.version.split()[0], pyuv.__version__, pyuv.LIBUV_VERSION, u)",
        ]
    ).split()
    speedups = tool_version(
        [
            PY,
            "-c",
            "try:\n from nodenet_uv import _speedups; print('built')\n"
            "except ImportError: print('not built: nodenet runs the pure path')",
        ]
    )
    commit = tool_version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = tool_version(["git", "-C", str(ROOT), "status", "--porcelain", "nodenet_uv"])
    return {
        "type": "meta",
        "run_id": datetime.datetime.now().strftime("%Y%m%dT%H%M%S"),
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "profile": profile_name,
        "params": profile,
        "servers": args.servers,
        "tests": args.tests,
        "transports": args.transports,
        "machine": f"{os.cpu_count()} vCPU {cpu}, {platform.system()} {platform.release()}",
        "python": py_versions[0] if py_versions else "?",
        "pyuv": " ".join(py_versions[1:3]),
        "uvloop": py_versions[3] if len(py_versions) > 3 else "?",
        "node": tool_version([NODE, "--version"]),
        "commit": commit + ("+dirty" if dirty else ""),
        "speedups": speedups,
    }


def run_matrix(args: argparse.Namespace, profile_name: str, profile: dict[str, Any]) -> Path:
    for tool in ("taskset", NODE):
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} not found")
    if not LOADGEN.exists():
        sys.exit(f"bench: {LOADGEN} missing (make bench builds it)")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = metadata(profile_name, profile, args)
    runner = Runner(profile, sys.stderr)
    t_start = time.monotonic()
    n_runs = n_reruns = n_failed = 0
    budget = profile.get("budget")
    configs = []
    for rep in range(profile["reps"]):
        order = args.servers[rep % len(args.servers) :] + args.servers[: rep % len(args.servers)]
        for test in args.tests:
            for transport in args.transports:
                for server in order:
                    only = SERVERS[server][1]
                    if only is None or test in only:
                        configs.append((rep, test, transport, server))
    base_cost = [0.7, 1]  # running sum and count of run times without the idle wait
    tight_reported = False
    with open(out, "w") as f:
        f.write(json.dumps(meta) + "\n")
        for i, (rep, test, transport, server) in enumerate(configs):
            # Quick mode keeps to its time budget: when the runs still to do (at the mean cost
            # seen so far) would overrun it, stop waiting for idle and stop re-running; such
            # runs stay flagged as contaminated in the results and the summary counts them.
            left = (len(configs) - i) * base_cost[0] / base_cost[1]
            tight = budget is not None and time.monotonic() - t_start + left > budget
            if tight and not tight_reported:
                tight_reported = True
                print("bench: time budget tight: fewer idle waits and re-runs", file=sys.stderr)
            runner.idle_timeout = 0.0 if tight else profile["idle_timeout"]
            attempts = 1 if tight else profile["attempts"]
            for attempt in range(1, attempts + 1):
                t_run = time.monotonic()
                rec = runner.run_once(server, test, transport)
                base_cost[0] += time.monotonic() - t_run - rec.get("idle_wait_s", 0.0)
                base_cost[1] += 1
                rec.update(type="run", run_id=meta["run_id"], rep=rep, attempt=attempt)
                n_runs += 1
                good = rec.get("ok") and not rec.get("contaminated")
                last = attempt == attempts
                rec["kept"] = bool(good or last)
                f.write(json.dumps(rec) + "\n")
                f.flush()
                status = (
                    "ok"
                    if good
                    else ("FAILED: " + rec.get("error", "?"))
                    if not rec.get("ok")
                    else f"contaminated ({rec['others_cpu_s']} s by others)"
                )
                print(
                    f"[{time.monotonic() - t_start:6.0f}s] rep {rep} {test:6} "
                    f"{transport:4} {server:16} "
                    f"{rec.get('value', float('nan')):>12,.1f} "
                    f"{rec.get('unit', '')}  {status}",
                    file=sys.stderr,
                    flush=True,
                )
                if good:
                    break
                n_reruns += 0 if last else 1
                if last and not rec.get("ok"):
                    n_failed += 1
    elapsed = time.monotonic() - t_start
    print(
        f"bench: {n_runs} runs ({n_reruns} re-runs, {n_failed} failed) in {elapsed:.0f} s",
        file=sys.stderr,
    )
    return out


# ---------------------------------------------------------------- summary


def fmt(v: float | None) -> str:
    if v is None:
        return "—"
    if abs(v) >= 1e4:
        return f"{v / 1e3:.1f}k" if abs(v) < 1e6 else f"{v / 1e6:.2f}M"
    if abs(v) >= 100:
        return f"{v:.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def load(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    meta: dict[str, Any] = {}
    runs: list[dict[str, Any]] = []
    with open(path) as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("type") == "meta":
                meta = rec
            elif rec.get("type") == "run" and rec.get("kept"):
                runs.append(rec)
    return meta, runs


UNITS = {
    "pp1": "round trips/s",
    "pp10": "msgs/s",
    "pp100": "msgs/s",
    "pp1000": "msgs/s",
    "sink": "MB/s",
    "echo": "MB/s, one way",
    "churn": "conns/s",
}


def summarize(path: Path, md_out: Path, png_out: Path | None) -> str:
    meta, runs = load(path)
    vals: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    cpu: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    mem: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    failed: dict[tuple[str, str, str], int] = defaultdict(int)
    contaminated = 0
    for r in runs:
        key = (r["test"], r["transport"], r["server"])
        if not r.get("ok"):
            failed[key] += 1
            continue
        contaminated += bool(r.get("contaminated"))
        vals[key].append(r["value"])
        if r.get("cpu_per_op") is not None:
            cpu[key].append(r["cpu_per_op"])
        if r.get("peak_rss_mib") is not None:
            mem[key].append(r["peak_rss_mib"])
        if r.get("idle_rss_mib") is not None:
            mem[("idle", r["transport"], r["server"])].append(r["idle_rss_mib"])
    servers = [s for s in meta.get("servers", SERVERS) if any(k[2] == s for k in vals)]
    tests = [t for t in meta.get("tests", TESTS) if any(k[0] == t for k in vals)]
    transports = [t for t in meta.get("transports", TRANSPORTS) if any(k[1] == t for k in vals)]
    rows = [(t, tr) for t in tests for tr in transports]

    def med(key: tuple[str, str, str]) -> float | None:
        return statistics.median(vals[key]) if vals.get(key) else None

    def cell(key: tuple[str, str, str], d: dict = vals) -> str:
        v = d.get(key)
        if not v:
            return f"FAILx{failed[key]}" if failed.get(key) else "—"
        s = f"{fmt(statistics.median(v))} [{fmt(min(v))}-{fmt(max(v))}]"
        return s + (f" (FAILx{failed[key]})" if failed.get(key) else "")

    def ratio(key: tuple[str, str, str], ref: str) -> float | None:
        a, b = med(key), med((key[0], key[1], ref))
        return a / b if a is not None and b else None

    head = "| test | tr | " + " | ".join(servers) + " |\n|---|---|" + "---|" * len(servers)
    out: list[str] = []
    p = meta.get("params", {})
    out.append(
        f"Run `{meta.get('run_id')}` ({meta.get('profile')} profile, {p.get('reps')} reps "
        f"interleaved), {meta.get('date')}. Machine: {meta.get('machine')}. "
        f"Python {meta.get('python')}, pyuv {meta.get('pyuv')}, uvloop {meta.get('uvloop')}, "
        f"node {meta.get('node')}; nodenet_uv at {meta.get('commit')} (C path "
        f"{meta.get('speedups', '?')}; nodenet-pure: NODENET_UV_PURE=1). "
        f"pp: 64-byte messages, {p.get('pp_warm')} s warm-up + {p.get('pp_dur')} s measured; "
        f"sink {p.get('sink_bytes', 0) >> 20} MiB, echo {p.get('echo_bytes', 0) >> 20} MiB in "
        f"{p.get('chunk', 0) >> 10} KiB writes; churn {p.get('churn_total')} connections, "
        f"{p.get('churn_conc')} in flight. {len(runs)} kept runs, {contaminated} of them "
        "still contaminated by other load after re-runs. "
        "`*-pipe` servers run only the bulk echo (`socket.pipe(socket)`)."
    )
    out.append("\n### Ratios of medians: to node / to raw pyuv (higher is better)\n")
    out.append(head)
    for t, tr in rows:
        cells = []
        for s in servers:
            a, b = ratio((t, tr, s), "node"), ratio((t, tr, s), "pyuv")
            cells.append("—" if a is None and b is None else f"{fmt(a)} / {fmt(b)}")
        out.append(f"| {t} | {tr} | " + " | ".join(cells) + " |")
    out.append("\n### Throughput, median [min-max]\n")
    out.append(head)
    for t, tr in rows:
        out.append(
            f"| {t} ({UNITS[t]}) | {tr} | " + " | ".join(cell((t, tr, s)) for s in servers) + " |"
        )
    out.append(
        "\n### Server CPU per operation, median (µs/msg for pp, ms/GB for sink and echo, "
        "µs/connection for churn; lower is better)\n"
    )
    out.append(head)
    for t, tr in rows:
        out.append(
            f"| {t} | {tr} | "
            + " | ".join(
                fmt(statistics.median(cpu[(t, tr, s)])) if cpu.get((t, tr, s)) else "—"
                for s in servers
            )
            + " |"
        )
    out.append("\n### Server memory, MiB: idle RSS before load; peak RSS (VmHWM) after the run\n")
    out.append(head.replace("| test | tr |", "| metric | tr |"))
    for metric, label in (
        ("idle", "idle RSS"),
        ("pp100", "peak, 100 conns"),
        ("pp1000", "peak, 1000 conns"),
        ("echo", "peak, bulk echo"),
    ):
        for tr in transports:
            out.append(
                f"| {label} | {tr} | "
                + " | ".join(
                    fmt(statistics.median(mem[(metric, tr, s)]))
                    if mem.get((metric, tr, s))
                    else "—"
                    for s in servers
                )
                + " |"
            )
    out.append("\n### Flat cost: pp1000 / pp100 throughput (1.00 = no loss at 1000 connections)\n")
    out.append(head.replace("| test | tr |", "| ratio | tr |"))
    for tr in transports:
        cells = []
        for s in servers:
            a, b = med(("pp1000", tr, s)), med(("pp100", tr, s))
            cells.append(fmt(a / b) if a and b else "—")
        out.append(f"| pp1000/pp100 | {tr} | " + " | ".join(cells) + " |")
    if "nodenet" in servers:
        out.append("\n### nodenet_uv against the issue-8 targets\n")
        out.append(
            "| test | tr | vs node (≥1.0) | vs raw pyuv (≥0.8) | vs asyncio-streams (≥1.5) |"
            "\n|---|---|---|---|---|"
        )
        for t, tr in rows:
            cells = []
            for ref, goal in (("node", 1.0), ("pyuv", 0.8), ("asyncio-streams", 1.5)):
                r = ratio((t, tr, "nodenet"), ref)
                if t == "echo" and ref == "node" and med((t, tr, "nodenet-pipe")):
                    r2 = ratio((t, tr, "nodenet-pipe"), "node-pipe")
                    cells.append(
                        f"{fmt(r)} {'✓' if r and r >= goal else '✗'}; pipe vs pipe {fmt(r2)} "
                        f"{'✓' if r2 and r2 >= goal else '✗'}"
                    )
                    continue
                cells.append("—" if r is None else f"{fmt(r)} {'✓' if r >= goal else '✗'}")
            out.append(f"| {t} | {tr} | " + " | ".join(cells) + " |")
        for tr in transports:
            a, b = mem.get(("pp100", tr, "nodenet")), mem.get(("pp100", tr, "node"))
            if a and b:
                ma, mb = statistics.median(a), statistics.median(b)
                out.append(
                    f"| peak RSS pp100 | {tr} | {fmt(ma)} vs {fmt(mb)} MiB "
                    f"{'✓' if ma <= mb else '✗'} | | |"
                )
            a1, a2 = med(("pp1000", tr, "nodenet")), med(("pp100", tr, "nodenet"))
            if a1 and a2:
                out.append(
                    f"| pp1000/pp100 (≥0.8) | {tr} | {fmt(a1 / a2)} "
                    f"{'✓' if a1 / a2 >= 0.8 else '✗'} | | |"
                )
    text = "\n".join(out) + "\n"
    md_out.write_text(text)
    if png_out is not None:
        chart(rows, servers, vals, png_out, meta)
    return text


def chart(rows, servers, vals, png_out: Path, meta: dict[str, Any]) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import matplotlib.ticker
    except ImportError:
        print("bench: matplotlib not installed, no chart", file=sys.stderr)
        return
    others = [s for s in servers if s != "node"]
    transports = sorted({tr for _, tr in rows}, key=lambda t: TRANSPORTS.index(t))
    fig, axes = plt.subplots(len(transports), 1, figsize=(15, 4.2 * len(transports)), squeeze=False)
    colors = plt.get_cmap("tab10")
    for ax, tr in zip(axes[:, 0], transports, strict=True):
        tests = [t for t, r in rows if r == tr]
        width = 0.85 / len(others)
        for j, s in enumerate(others):
            xs, ys, lo, hi = [], [], [], []
            for i, t in enumerate(tests):
                v, ref = vals.get((t, tr, s)), vals.get((t, tr, "node"))
                if s.endswith("-pipe"):
                    ref = vals.get((t, tr, "node-pipe")) if s != "node-pipe" else ref
                if not v or not ref:
                    continue
                m = statistics.median(ref)
                y = statistics.median(v) / m
                xs.append(i + (j - (len(others) - 1) / 2) * width)
                ys.append(y)
                lo.append(y - min(v) / m)
                hi.append(max(v) / m - y)
            style = {"edgecolor": "black", "linewidth": 1.2} if s.startswith("nodenet") else {}
            if s.startswith("nodenet"):
                for x, y in zip(xs, ys, strict=True):
                    ax.annotate(
                        f"{y:.2f}",
                        (x, y),
                        xytext=(0, -10 if y < 1 else 3),
                        textcoords="offset points",
                        ha="center",
                        fontsize=6.5,
                        fontweight="bold",
                    )
            ax.bar(
                xs,
                ys,
                width,
                yerr=[lo, hi],
                capsize=1.5,
                label=s,
                color=colors(j % 10),
                error_kw={"elinewidth": 0.7},
                **style,
            )
        ax.axhline(1.0, color="black", linewidth=0.8)
        ax.set_yscale("log", base=2)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
        ax.set_xticks(range(len(tests)))
        ax.set_xticklabels(tests)
        ax.set_ylabel(f"{tr}: throughput / node")
        ax.grid(axis="y", alpha=0.3)
    axes[0, 0].legend(ncol=min(len(others), 8), fontsize=8, loc="upper left")
    axes[0, 0].set_title(
        f"Throughput relative to Node's net (median, bars = min-max; nodenet-pipe relative "
        f"to node-pipe) — run {meta.get('run_id')}, {meta.get('profile')} profile"
    )
    fig.tight_layout()
    fig.savefig(png_out, dpi=110)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--quick", action="store_true", help="make bench: a few minutes (default)")
    g.add_argument("--full", action="store_true", help="make bench-full: the anchors' sizes")
    ap.add_argument("--reps", type=int, help="repetitions (quick: 3, full: 5)")
    ap.add_argument("--servers", default=",".join(SERVERS), help="comma-separated subset")
    ap.add_argument("--tests", default=",".join(TESTS), help="comma-separated subset")
    ap.add_argument("--transports", default=",".join(TRANSPORTS), help="tcp,unix")
    ap.add_argument(
        "--out",
        help="results file; summary.md and ratios.png go next to it "
        "(default: bench/results/results.jsonl, with --full bench/results/full/results.jsonl)",
    )
    ap.add_argument("--summarize", metavar="FILE", help="only rebuild summary/chart from FILE")
    args = ap.parse_args()
    if args.summarize:
        src = Path(args.summarize)
        print(summarize(src, src.parent / "summary.md", src.parent / "ratios.png"))
        return
    if args.out is None:
        sub = ("full",) if args.full else ()
        args.out = str(BENCH.joinpath("results", *sub, "results.jsonl"))
    results = Path(args.out).parent
    args.servers = [s for s in args.servers.split(",") if s]
    args.tests = [t for t in args.tests.split(",") if t]
    args.transports = [t for t in args.transports.split(",") if t]
    for name, allowed in (
        ("server", SERVERS),
        ("test", TESTS),
        ("transport", TRANSPORTS),
    ):
        for x in getattr(args, name + "s"):
            if x not in allowed:
                sys.exit(f"bench: unknown {name} {x!r} (known: {', '.join(allowed)})")
    profile_name = "full" if args.full else "quick"
    profile = dict(PROFILES[profile_name])
    if args.reps:
        profile["reps"] = args.reps
    out = run_matrix(args, profile_name, profile)
    print(summarize(out, results / "summary.md", results / "ratios.png"))


if __name__ == "__main__":
    main()
