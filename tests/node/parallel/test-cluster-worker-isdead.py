"""Port of test/parallel/test-cluster-worker-isdead.js (the worker is this file run by
Python)."""

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


def test_worker_isdead() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)
    workerDead = worker.isDead()
    assert not workerDead, (
        f"isDead() returned {workerDead}. isDead() should return false right after the "
        "worker has been created."
    )

    def on_exit(*args: Any) -> None:
        workerDead = worker.isDead()
        assert workerDead, (
            f"isDead() returned {workerDead}. After an event has been emitted, isDead "
            "should return true"
        )

    worker.on("exit", common.mustCall(on_exit))

    def on_message(msg: Any) -> None:
        if msg == "readyToDie":
            worker.kill()

    worker.on("message", on_message)
    run()


def _worker() -> None:
    assert cluster.isWorker and cluster.worker is not None
    workerDead = cluster.worker.isDead()
    assert not workerDead, (
        f"isDead() returned {workerDead}. isDead() should return false when called from "
        "within a worker"
    )
    PROC.send("readyToDie")
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
