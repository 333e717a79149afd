"""Port of test/parallel/test-cluster-worker-destroy.js (the workers are this file run by Python)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_worker_destroy() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker1 = cluster.fork(ENV)
    worker2 = cluster.fork(ENV)
    for worker in (worker1, worker2):
        worker.on("disconnect", common.mustCall())
        worker.on("exit", common.mustCall())
    run()


def _worker() -> None:
    w0 = cluster.worker
    assert w0 is not None
    if w0.id % 2 == 1:  # Node: cluster.worker.id === 1 (ids go on across ports here)
        # Call destroy when worker is disconnected
        w0.process.on("disconnect", lambda: w0.destroy())
        w = w0.disconnect()
        assert w is w0
    else:
        # Call destroy when worker is not disconnected yet
        w0.destroy()
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
