"""Cluster scaling benchmark (issue 16): nodenet_uv's cluster against node's, 1 and 2 workers.

Two clusters, the same programs on both sides:

* ``node``: node v24's cluster, ``tests/interop/cluster_primary.js`` forking N workers that
  run ``bench/servers/node_server.js`` (the single-process benchmark's server);
* ``nodenet``: nodenet_uv's cluster, ``tests/interop/cluster_primary.py`` forking N workers
  that run ``bench/servers/nodenet_server.py``.

The workers listen on one TCP port through the primary, under SCHED_RR (the default: the
primary accepts and hands each connection to a worker over IPC) or, with
``--policies rr,none``, SCHED_NONE too (the workers accept on the primary's socket). The C
load generator (``.cache/bench/loadgen``, ``make bench-install``) runs two tests of
``bench/bench.py``, with its parameters (``bench.loadgen_args``, ``bench.PROFILES``):

* ``pp100``: 100 connections, each ping-ponging 64-byte messages (after the connections are
  handed out, the workers do the work: this is the steady-state scaling);
* ``churn``: connect, read one byte, close, 50 in flight (every connection goes through the
  primary under SCHED_RR: this is the accept-path scaling).

Method, as bench.py's: interleaved runs (rep -> policy -> test -> (workers, cluster) with
the order rotated every rep), a fresh cluster per run, an untimed churn warm-up, a wait for
an idle machine before the measured window, re-runs when other processes used > 3% of the
window; medians over the reps. CPU is that of the whole cluster (the primary and its
workers, from /proc). Placement: on a machine with 3 or more CPUs, loadgen runs on CPU 1
and the cluster on all the others; with fewer, the cluster is not pinned (a 2-CPU machine
cannot show 2-worker scaling: see docs/performance.md, "Cluster scaling").

Reported: the scaling ratio (2 workers / 1 worker, median throughput) for each cluster and
the nodenet/node ratio for each worker count. Results: ``bench/results/cluster.json`` (the
metadata, every run, the summary) and ``bench/results/cluster.md``.

Usage: ``python bench/cluster_bench.py --quick`` (``make bench-cluster``, about 2 minutes)
or ``--full``; ``--summarize FILE`` only rebuilds the Markdown from a results file.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench as B  # bench/bench.py: loadgen, /proc sampling, profiles

ROOT = B.ROOT
INTEROP = ROOT / "tests" / "interop"
IMPLS: dict[str, tuple[list[str], str]] = {
    # name -> (primary argv, worker kind: js runs $JS_WORKER, py $PY_WORKER; see Cluster)
    "node": ([B.NODE, str(INTEROP / "cluster_primary.js")], "js"),
    "nodenet": ([B.PY, str(INTEROP / "cluster_primary.py")], "py"),
}
TESTS = ("pp100", "churn")
POLICIES = ("rr", "none")
UNITS = {"pp100": "msgs/s", "churn": "conns/s"}
PROFILES: dict[str, dict[str, Any]] = {
    # bench.py's parameters for pp and churn; shorter idle waits and a 2-minute budget
    "quick": {**B.PROFILES["quick"], "idle_timeout": 1.0, "budget": 110, "policies": ["rr"]},
    "full": {**B.PROFILES["full"], "idle_timeout": 20.0, "policies": ["rr", "none"]},
}


def cpu_plan(cluster: str | None, loadgen: str | None) -> tuple[str | None, str | None]:
    """The CPU lists for ``taskset -c`` (None: not pinned): loadgen on CPU 1, the cluster
    on every other CPU when there are at least 3, else the cluster unpinned."""
    n = os.cpu_count() or 1
    if loadgen is None:
        loadgen = "1" if n >= 2 else None
    if cluster is None and n >= 3:
        cluster = ",".join(str(c) for c in range(n) if c != 1)
    return cluster, loadgen


def taskset(cpus: str | None) -> list[str]:
    return ["taskset", "-c", cpus] if cpus else []


class Cluster:
    """One cluster primary (and its workers) in a process group of its own."""

    def __init__(self, impl: str, workers: int, policy: str, addr: str, mode: str, cpus: Any):
        argv, kind = IMPLS[impl]
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "PY": B.PY,
            "NODENET_UV_NODE": B.NODE,
            "PY_WORKER": str(B.BENCH / "servers" / "nodenet_server.py"),
            "JS_WORKER": str(B.BENCH / "servers" / "node_server.js"),
            "WORKER_ARGS": json.dumps([addr, mode]),
            "NODE_CLUSTER_SCHED_POLICY": policy,
        }
        self.errlog = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [*taskset(cpus), *argv, *([kind] * workers)],
            cwd=B.BENCH,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self.errlog,
            text=True,
            start_new_session=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.pids = [self.proc.pid]
        self.port = self.ctl_port = 0

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise RuntimeError(f"cluster not ready in {timeout} s: {self.seen}")
            if line is None:
                raise RuntimeError(f"cluster primary ended: {self.seen}")
            self.seen.append(line)
            words = line.split()
            if words[0] == "online":
                self.pids.append(int(words[2]))
            elif words[0] == "ready":
                self.port, self.ctl_port = int(words[1]), int(words[2])
                return

    def stop(self) -> bool:
        """cluster.disconnect() through the control connection; True if the primary then
        exited with 0 (every worker disconnected and exited), else the group is killed."""
        clean = False
        if self.ctl_port and self.proc.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", self.ctl_port), timeout=5) as c:
                    c.sendall(b"quit\n")
                    self.proc.wait(15)
                clean = self.proc.returncode == 0
            except (OSError, subprocess.TimeoutExpired):
                pass
        if self.proc.poll() is None or not clean:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        return clean

    def stderr_tail(self) -> str:
        self.errlog.seek(0)
        return self.errlog.read()[-2000:].decode(errors="replace")


def tree_cpu(pids: list[int]) -> tuple[float, float | None]:
    """CPU seconds of the cluster's processes: /proc/PID/stat (10 ms units) and schedstat
    (ns, None if unavailable)."""
    ticks = 0
    precise: float | None = 0.0
    for pid in pids:
        st = B.read_proc_stat(pid)
        ticks += st[0] if st else 0
        p = B.precise_cpu_seconds(pid)
        precise = None if p is None or precise is None else precise + p
    return ticks / B.CLK_TCK, precise


def tree_mib(pids: list[int], key: str) -> float | None:
    vals = [B.proc_status_mib(pid, key) for pid in pids]
    return round(sum(v for v in vals if v is not None), 1) if any(vals) else None


class ClusterRunner(B.Runner):
    """bench.Runner's probes and idle wait, with a cluster instead of one server process."""

    def __init__(self, profile: dict[str, Any], cpus: tuple[str | None, str | None]) -> None:
        super().__init__(profile, sys.stderr)
        self.cluster_cpus, self.loadgen_cpus = cpus

    def run_cluster(self, impl: str, test: str, workers: int, policy: str) -> dict[str, Any]:
        mode, lg_args, warm_args = B.loadgen_args(test, self.p)
        addr = self.new_address("tcp")
        rec: dict[str, Any] = {"impl": impl, "test": test, "workers": workers, "policy": policy}
        cl = Cluster(impl, workers, policy, addr, mode, self.cluster_cpus)
        try:
            cl.wait_ready(30)
            if f"127.0.0.1:{cl.port}" != addr:
                raise RuntimeError(f"cluster listens on {cl.port}, not {addr}")
            if warm_args:
                warm = subprocess.run(
                    [*taskset(self.loadgen_cpus), str(B.LOADGEN), addr, *warm_args],
                    capture_output=True,
                    timeout=120,
                )
                if warm.returncode != 0:
                    raise RuntimeError(f"warm-up failed: {warm.stdout[-300:]!r}")
            rec["idle_wait_s"], rec["idle_ok"] = self.wait_idle()
            rec["idle_rss_mib"] = tree_mib(cl.pids, "VmRSS")
            self.measure_cluster(cl.pids, addr, lg_args, rec)
            rec["peak_rss_mib"] = tree_mib(cl.pids, "VmHWM")
            if cl.proc.poll() is not None:
                raise RuntimeError(f"primary exited with status {cl.proc.returncode}")
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            rec["ok"] = False
            rec["error"] = str(e)
        finally:
            rec["clean_exit"] = cl.stop()
            if not rec.get("ok"):
                rec["server_stderr"] = cl.stderr_tail()
            cl.errlog.close()
        return rec

    def measure_cluster(self, pids: list[int], addr: str, lg_args: list[str], rec: dict) -> None:
        # bench.Runner.measure for a set of processes: the window is the one loadgen marks on
        # its stderr; the cluster's CPU is summed over the primary and its workers, and
        # those are not "other" processes.
        p = self.p
        if lg_args[0] == "pp":
            timeout = p["pp_warm"] + p["pp_dur"] + 30
        else:
            timeout = p["churn_total"] / 200 + 30
        lg = subprocess.Popen(
            [*taskset(self.loadgen_cpus), str(B.LOADGEN), addr, *lg_args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

        def snapshot() -> tuple[float, float, float | None, dict[int, int], float]:
            cpu, precise = tree_cpu(pids)
            primary = tree_cpu(pids[:1])
            return (
                time.monotonic(),
                cpu,
                precise,
                B.all_process_cpu(),
                primary[1] if primary[1] is not None else primary[0],
            )

        marks, _, out = B.read_loadgen(lg, timeout, snapshot)
        try:
            res = json.loads(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise RuntimeError(f"loadgen printed no result (status {lg.returncode})")
        rec["loadgen"] = res
        if "start" not in marks or "end" not in marks:
            raise RuntimeError("loadgen did not mark its window")
        t0, s0, p0, all0, q0 = marks["start"]
        t1, s1, p1, all1, q1 = marks["end"]
        window = t1 - t0
        skip = {*pids, lg.pid, os.getpid()}
        others = sum(t - all0.get(pid, 0) for pid, t in all1.items() if pid not in skip)
        used = p1 - p0 if p0 is not None and p1 is not None else s1 - s0
        rec["window_s"] = round(window, 4)
        rec["cluster_cpu_s"] = round(used, 4)
        rec["others_cpu_s"] = round(others / B.CLK_TCK, 3)
        rec["contaminated"] = others / B.CLK_TCK > max(0.03 * window, 0.02)
        rec["value"] = res["value"]
        rec["unit"] = res["unit"]
        ops = res.get("count") if res["mode"] == "pp" else res.get("done")
        if ops:
            rec["cpu_per_op"] = round(used / ops * 1e6, 3)  # µs per message / connection
            rec["primary_cpu_per_op"] = round((q1 - q0) / ops * 1e6, 3)  # the primary's part
        rec["ok"] = lg.returncode == 0 and not res.get("errors")
        if not rec["ok"]:
            rec["error"] = f"loadgen status {lg.returncode}, errors {res.get('errors')}"


# ---------------------------------------------------------------- the matrix


def run_matrix(args: argparse.Namespace, profile_name: str, p: dict[str, Any]) -> dict:
    if not B.LOADGEN.exists():
        sys.exit(f"cluster_bench: {B.LOADGEN} missing (make bench-install builds it)")
    cpus = cpu_plan(args.cluster_cpus, args.loadgen_cpus)
    meta = B.metadata(
        profile_name,
        p,
        argparse.Namespace(servers=args.impls, tests=args.tests, transports=["tcp"]),
    )
    meta.update(
        type="meta",
        policies=args.policies,
        workers=args.workers,
        cluster_cpus=cpus[0] or "unpinned",
        loadgen_cpus=cpus[1] or "unpinned",
    )
    runner = ClusterRunner(p, cpus)
    configs = []
    for rep in range(p["reps"]):
        for policy in args.policies:
            for test in args.tests:
                combos = [(w, impl) for w in args.workers for impl in args.impls]
                k = rep % len(combos)
                for w, impl in combos[k:] + combos[:k]:
                    configs.append((rep, policy, test, w, impl))
    runs: list[dict[str, Any]] = []
    t_start = time.monotonic()
    cost = [0.0, 0]
    budget = p.get("budget")
    for i, (rep, policy, test, w, impl) in enumerate(configs):
        # as bench.py: when the rest would overrun the budget, no idle waits and no re-runs
        mean = cost[0] / cost[1] if cost[1] else 3.0
        tight = budget is not None and time.monotonic() - t_start + (len(configs) - i) * mean > (
            budget
        )
        runner.idle_timeout = 0.0 if tight else p["idle_timeout"]
        attempts = 1 if tight else p["attempts"]
        for attempt in range(1, attempts + 1):
            t_run = time.monotonic()
            rec = runner.run_cluster(impl, test, w, policy)
            cost[0] += time.monotonic() - t_run - rec.get("idle_wait_s", 0.0)
            cost[1] += 1
            good = bool(rec.get("ok")) and not rec.get("contaminated")
            rec.update(rep=rep, attempt=attempt, kept=good or attempt == attempts)
            runs.append(rec)
            status = "ok" if good else rec.get("error") or f"contaminated ({rec['others_cpu_s']} s)"
            if not rec.get("clean_exit"):
                status += "; primary killed (no clean exit)"
            print(
                f"[{time.monotonic() - t_start:5.0f}s] rep {rep} {policy:4} {test:6} "
                f"{w}w {impl:8} {rec.get('value', float('nan')):>12,.1f} "
                f"{rec.get('unit', '')}  {status}",
                file=sys.stderr,
                flush=True,
            )
            if good:
                break
    meta["elapsed_s"] = round(time.monotonic() - t_start, 1)
    return {"meta": meta, "runs": runs}


# ---------------------------------------------------------------- summary


def summary(data: dict[str, Any]) -> dict[str, Any]:
    """Medians per (policy, test, workers, impl); scaling and nodenet/node ratios of them."""
    vals: dict[tuple[str, str, int, str], list[float]] = defaultdict(list)
    cpu: dict[tuple[str, str, int, str], list[float]] = defaultdict(list)
    pcpu: dict[tuple[str, str, int, str], list[float]] = defaultdict(list)
    for r in data["runs"]:
        if r.get("kept") and r.get("ok"):
            key = (r["policy"], r["test"], r["workers"], r["impl"])
            vals[key].append(r["value"])
            if r.get("cpu_per_op") is not None:
                cpu[key].append(r["cpu_per_op"])
            if r.get("primary_cpu_per_op") is not None:
                pcpu[key].append(r["primary_cpu_per_op"])
    rows = []
    for key in sorted(vals, key=lambda k: (POLICIES.index(k[0]), TESTS.index(k[1]), k[2], k[3])):
        v = vals[key]
        rows.append(
            {
                "policy": key[0],
                "test": key[1],
                "workers": key[2],
                "impl": key[3],
                "n": len(v),
                "median": statistics.median(v),
                "min": min(v),
                "max": max(v),
                "cpu_per_op_us": statistics.median(cpu[key]) if cpu.get(key) else None,
                "primary_cpu_per_op_us": statistics.median(pcpu[key]) if pcpu.get(key) else None,
            }
        )
    med = {(r["policy"], r["test"], r["workers"], r["impl"]): r["median"] for r in rows}
    counts = sorted({k[2] for k in med})
    scaling, vs_node = [], []
    for policy, test in sorted(
        {(k[0], k[1]) for k in med}, key=lambda k: (POLICIES.index(k[0]), TESTS.index(k[1]))
    ):
        for impl in IMPLS:
            for w in counts:
                a, b = med.get((policy, test, w, impl)), med.get((policy, test, 1, impl))
                if w > 1 and a and b:
                    scaling.append(
                        {"policy": policy, "test": test, "workers": w, "impl": impl, "ratio": a / b}
                    )
        for w in counts:
            a, b = med.get((policy, test, w, "nodenet")), med.get((policy, test, w, "node"))
            if a and b:
                vs_node.append({"policy": policy, "test": test, "workers": w, "ratio": a / b})
    return {"medians": rows, "scaling": scaling, "nodenet_vs_node": vs_node}


def markdown(data: dict[str, Any]) -> str:
    meta, s = data["meta"], data["summary"]
    p = meta.get("params", {})
    runs = data["runs"]
    kept = [r for r in runs if r.get("kept")]
    failed = sum(not r.get("ok") for r in kept)
    contaminated = sum(bool(r.get("contaminated")) for r in kept if r.get("ok"))
    unclean = sum(not r.get("clean_exit") for r in runs)
    fmt = B.fmt
    out = [
        f"Run `{meta.get('run_id')}` ({meta.get('profile')} profile, {p.get('reps')} reps "
        f"interleaved, {meta.get('elapsed_s')} s), {meta.get('date')}. Machine: "
        f"{meta.get('machine')}; cluster CPUs {meta.get('cluster_cpus')}, loadgen CPUs "
        f"{meta.get('loadgen_cpus')}. Python {meta.get('python')}, pyuv {meta.get('pyuv')}, "
        f"node {meta.get('node')}; nodenet_uv at {meta.get('commit')}. pp100: 100 connections, "
        f"64-byte ping-pong, {p.get('pp_warm')} s warm-up + {p.get('pp_dur')} s measured; "
        f"churn: {p.get('churn_total')} connections, {p.get('churn_conc')} in flight, after "
        f"{p.get('warm_churn')} untimed. {len(kept)} kept runs: {failed} failed, "
        f"{contaminated} still contaminated by other load; {unclean} clusters did not shut "
        "down cleanly.",
        "",
        "### Scaling: N workers / 1 worker, median throughput (N.00 = linear)",
        "",
        "| policy | test | workers | node | nodenet_uv |",
        "|---|---|---|---|---|",
    ]
    sc = {(x["policy"], x["test"], x["workers"], x["impl"]): x["ratio"] for x in s["scaling"]}
    for policy, test, w in sorted(
        {(x["policy"], x["test"], x["workers"]) for x in s["scaling"]},
        key=lambda k: (POLICIES.index(k[0]), TESTS.index(k[1]), k[2]),
    ):
        cells = [fmt(sc.get((policy, test, w, impl))) for impl in ("node", "nodenet")]
        out.append(f"| {policy} | {test} | {w} / 1 | " + " | ".join(cells) + " |")
    out += [
        "",
        "### nodenet_uv / node, median throughput (higher is better)",
        "",
        "| policy | test | workers | nodenet_uv / node |",
        "|---|---|---|---|",
    ]
    for x in s["nodenet_vs_node"]:
        out.append(f"| {x['policy']} | {x['test']} | {x['workers']} | {fmt(x['ratio'])} |")
    out += [
        "",
        "### Throughput, median [min-max]; CPU per operation, median",
        "",
        "CPU/op: µs per message (pp100) or per connection (churn) of the whole cluster "
        "(primary + workers), and in parentheses the primary's part of it.",
        "",
        "| policy | test | workers | node | nodenet_uv | node CPU/op | nodenet_uv CPU/op |",
        "|---|---|---|---|---|---|---|",
    ]
    by = {(r["policy"], r["test"], r["workers"], r["impl"]): r for r in s["medians"]}
    for policy, test, w in sorted(
        {(r["policy"], r["test"], r["workers"]) for r in s["medians"]},
        key=lambda k: (POLICIES.index(k[0]), TESTS.index(k[1]), k[2]),
    ):
        cells, cpus = [], []
        for impl in ("node", "nodenet"):
            r = by.get((policy, test, w, impl))
            cells.append(f"{fmt(r['median'])} [{fmt(r['min'])}-{fmt(r['max'])}]" if r else "—")
            cpus.append(
                f"{fmt(r['cpu_per_op_us'])} ({fmt(r.get('primary_cpu_per_op_us'))})" if r else "—"
            )
        out.append(
            f"| {policy} | {test} ({UNITS[test]}) | {w} | " + " | ".join(cells + cpus) + " |"
        )
    return "\n".join(out) + "\n"


def write(data: dict[str, Any], out: Path) -> str:
    data["summary"] = summary(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1) + "\n")
    text = markdown(data)
    out.with_suffix(".md").write_text(text)
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--quick", action="store_true", help="about 2 minutes (default)")
    g.add_argument("--full", action="store_true", help="bench-full's sizes, both policies")
    ap.add_argument("--reps", type=int, help="repetitions (quick: 3, full: 5)")
    ap.add_argument("--policies", help="rr,none (quick: rr; full: rr,none)")
    ap.add_argument("--tests", default=",".join(TESTS), help="pp100,churn")
    ap.add_argument("--impls", default=",".join(IMPLS), help="node,nodenet")
    ap.add_argument("--workers", default="1,2", help="worker counts (default 1,2)")
    ap.add_argument("--cluster-cpus", help="taskset -c list for the cluster (default: see top)")
    ap.add_argument("--loadgen-cpus", help="taskset -c list for loadgen (default 1)")
    ap.add_argument("--out", default=str(B.BENCH / "results" / "cluster.json"))
    ap.add_argument("--summarize", metavar="FILE", help="only rebuild the summary from FILE")
    args = ap.parse_args()
    if args.summarize:
        src = Path(args.summarize)
        print(write(json.loads(src.read_text()), src))
        return
    profile_name = "full" if args.full else "quick"
    p = dict(PROFILES[profile_name])
    if args.reps:
        p["reps"] = args.reps
    args.policies = args.policies.split(",") if args.policies else p["policies"]
    args.tests = args.tests.split(",")
    args.impls = args.impls.split(",")
    args.workers = [int(w) for w in args.workers.split(",")]
    for name, what, known in (
        ("policies", "policy", POLICIES),
        ("tests", "test", TESTS),
        ("impls", "cluster", IMPLS),
    ):
        for x in getattr(args, name):
            if x not in known:
                sys.exit(f"cluster_bench: unknown {what} {x!r} (known: {', '.join(known)})")
    if 1 not in args.workers:
        sys.exit("cluster_bench: --workers must include 1 (the scaling baseline)")
    print(write(run_matrix(args, profile_name, p), Path(args.out)))


if __name__ == "__main__":
    main()
