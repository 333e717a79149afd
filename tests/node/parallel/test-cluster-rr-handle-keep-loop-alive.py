"""Port of test/parallel/test-cluster-rr-handle-keep-loop-alive.js (the worker is this file run by Python)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process

cluster.schedulingPolicy = cluster.SCHED_RR


def test_rr_handle_keep_loop_alive() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    exited = []
    worker = cluster.fork(ENV)
    worker.on("exit", lambda *a: exited.append(True))

    def check() -> None:
        assert not exited
        worker.kill()

    setTimeout(common.mustCall(check), 3000)
    run()


def _worker() -> None:
    server = net.createServer(common.mustNotCall())
    server.listen(0, common.mustCall(lambda: PROC.channel.unref()))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
