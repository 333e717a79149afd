"""Port of test/parallel/test-cluster-worker-isconnected.js (the worker is this file run
by Python; the primary also checks the worker's exit code)."""

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


def test_worker_isconnected() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)
    assert worker.isConnected() is True
    worker.on("disconnect", common.mustCall(lambda: assert_false(worker.isConnected())))

    def on_message(msg: Any) -> None:
        if msg == "readyToDisconnect":
            worker.disconnect()

    worker.on("message", on_message)
    worker.on("exit", common.mustCall(lambda code, sig: assert_false(code)))
    run()


def assert_false(value: Any) -> None:
    assert not value


def _worker() -> None:
    def assertNotConnected() -> None:
        assert cluster.worker is not None
        assert cluster.worker.isConnected() is False

    assert cluster.worker is not None
    assert cluster.worker.isConnected() is True
    cluster.worker.on("disconnect", common.mustCall(assertNotConnected))
    cluster.worker.process.on("disconnect", common.mustCall(assertNotConnected))
    PROC.send("readyToDisconnect")
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
