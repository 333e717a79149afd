"""Interop of cluster with real node (issue 16): Node and Python processes in one cluster,
serving one port, under load.

Two mixes, each under SCHED_RR (the default: the primary accepts and hands each
connection to a worker over the IPC channel) and SCHED_NONE (the workers accept on the
primary's listening socket, shared with them):

* a node v24 primary (``cluster_primary.js``) with two Python workers
  (``cluster_worker.py``);
* a nodenet_uv primary (``cluster_primary.py``) with one node worker
  (``cluster_worker.js``) and one Python worker.

A load client (asyncio, in the test process) makes 10,000 connections, at most 100 in
flight; each sends ``ping N`` and reads to EOF. Every connection must get its whole reply
(``pong N TAG`` plus a 200-byte payload, TAG naming the worker), every worker must serve
some of them (the spread is printed and recorded as a property), and the shutdown must be
clean: ``cluster.disconnect()`` gives each worker one ``'disconnect'`` and one ``'exit'``
(code 0, no signal, ``exitedAfterDisconnect`` true), its callback runs, the primary exits
with 0 and no worker process is left.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv

HERE = Path(__file__).resolve().parent
ROOT = str(Path(nodenet_uv.__file__).resolve().parents[1])
N = 10_000
IN_FLIGHT = 100
PAD = "x" * 200

MIXES = {
    # primary -> worker kinds, in fork order (worker ids 1, 2)
    "node-primary-py-py": ("node", ["py", "py"]),
    "py-primary-js-py": ("py", ["js", "py"]),
}


class Primary:
    """A cluster primary in a subprocess, its stdout read line by line on a thread."""

    def __init__(self, which: str, kinds: list[str], policy: str) -> None:
        node = os.environ["NODENET_UV_NODE"]
        if which == "node":
            argv = [node, str(HERE / "cluster_primary.js"), *kinds]
        else:
            argv = [sys.executable, str(HERE / "cluster_primary.py"), *kinds]
        env = {
            **os.environ,
            "PYTHONPATH": ROOT,
            "PY": sys.executable,
            "NODENET_UV_NODE": node,
            "NODE_CLUSTER_SCHED_POLICY": policy,
        }
        # stderr (the workers' too) to a file: a pipe nobody reads could fill and block
        self.errlog = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            argv,
            env=env,
            stdout=subprocess.PIPE,
            stderr=self.errlog,
            text=True,
            start_new_session=True,  # a process group: kill() takes the workers too
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def until(self, pred: Any, timeout: float) -> str:
        """The next stdout line for which ``pred(line)`` is true (all lines are kept)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"primary timed out; output so far: {self.seen}")
            if line is None:
                self.proc.wait(5)
                raise AssertionError(f"primary ended: {self.seen}, {self.stderr()}")
            self.seen.append(line)
            if pred(line):
                return line

    def rest(self, timeout: float) -> list[str]:
        """The remaining stdout lines, after the process exits."""
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"primary did not exit; output: {self.seen}, {self.stderr()}")
        out = []
        while True:
            line = self.lines.get(timeout=5)
            if line is None:
                break
            self.seen.append(line)
            out.append(line)
        return out

    def stderr(self) -> str:
        self.errlog.seek(0)
        return self.errlog.read().decode(errors="replace")

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


async def _load(port: int) -> tuple[collections.Counter[str], list[Any], float]:
    sem = asyncio.Semaphore(IN_FLIGHT)
    spread: collections.Counter[str] = collections.Counter()
    bad: list[Any] = []

    async def one(i: int) -> None:
        async with sem:
            try:
                r, w = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 20)
                try:
                    w.write(f"ping {i}\n".encode())
                    data = await asyncio.wait_for(r.read(), 20)
                finally:
                    w.close()
            except (OSError, TimeoutError) as e:
                bad.append((i, repr(e)))
                return
            parts = data.decode().split(" ")
            if len(parts) != 4 or parts[:2] != ["pong", str(i)] or parts[3] != PAD + "\n":
                bad.append((i, data[:60]))
                return
            spread[parts[2]] += 1

    t0 = time.monotonic()
    await asyncio.gather(*(one(i) for i in range(N)))
    return spread, bad, time.monotonic() - t0


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie has exited
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("policy", ["rr", "none"])
@pytest.mark.parametrize("mix", list(MIXES))
def test_mixed_cluster_serves_10k_connections(mix: str, policy: str, record_property) -> None:
    which, kinds = MIXES[mix]
    primary = Primary(which, kinds, policy)
    ctl: socket.socket | None = None
    try:
        ready = primary.until(lambda x: x.startswith("ready "), 30)
        _, port, ctl_port = ready.split()
        online = [x.split() for x in primary.seen if x.startswith("online ")]
        pids = {int(x[1]): int(x[2]) for x in online}
        assert sorted((int(x[1]), x[3]) for x in online) == list(enumerate(kinds, 1))
        ctl = socket.create_connection(("127.0.0.1", int(ctl_port)), timeout=30)

        spread, bad, secs = asyncio.run(_load(int(port)))
        report = ", ".join(f"{k} {v}" for k, v in sorted(spread.items()))
        print(f"\n{mix} {policy}: {N} connections in {secs:.2f} s; spread: {report}")
        record_property("spread", dict(spread))
        record_property("seconds", round(secs, 2))
        # none dropped: every connection got its whole reply
        assert not bad, f"{len(bad)} of {N} connections failed, e.g. {bad[:5]}"
        assert sum(spread.values()) == N
        # every worker served some
        assert set(spread) == {f"{k}{i}" for i, k in enumerate(kinds, 1)}, spread

        ctl.sendall(b"quit\n")
        after = primary.rest(30)
        assert primary.proc.returncode == 0, primary.stderr()
        # Each worker: one 'disconnect' and one 'exit' (code 0, no signal, after
        # disconnect); then the disconnect callback. Their relative order is not fixed:
        # the IPC channel's EOF and SIGCHLD can reach the primary in either order, and
        # the callback runs when the last worker is both disconnected and dead, in node
        # as here.
        ids = range(1, len(kinds) + 1)
        assert sorted(after) == sorted(
            [f"disconnect {i}" for i in ids]
            + [f"exit {i} 0 null true" for i in ids]
            + ["disconnected"]
        ), after
        # no stray processes: the primary reaped its workers before it exited
        deadline = time.monotonic() + 5
        while not all(_gone(p) for p in pids.values()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert all(_gone(p) for p in pids.values()), pids
    finally:
        if ctl is not None:
            ctl.close()  # without `quit`, the primary kills its workers
        try:
            primary.proc.wait(10)
        except subprocess.TimeoutExpired:
            primary.kill()
        primary.errlog.close()
