"""Port of test/parallel/test-cluster-disconnect-race.js (the workers are this file run by Python)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_disconnect_race() -> None:
    cluster.schedulingPolicy = cluster.SCHED_NONE
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker1 = cluster.fork(ENV)

    def on_message(*args: Any) -> None:
        worker2 = cluster.fork(ENV)
        worker1.disconnect()
        worker2.on("online", common.mustCall(worker2.disconnect))

    worker1.on("message", common.mustCall(on_message))

    def on_exit(worker: Any, code: Any, *args: Any) -> None:
        assert code == 0, f"worker exited with error code {code}"

    handler = common.mustCall(on_exit, 2)
    cluster.on("exit", handler)
    try:
        run()
    finally:
        cluster.removeListener("exit", handler)


def _worker() -> None:
    server = net.createServer()
    server.listen(0, lambda: PROC.send("listening"))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
