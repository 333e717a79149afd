"""Port of test/parallel/test-cluster-call-and-destroy.js (the worker is this file run by Python)."""

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


def test_call_and_destroy() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_disconnect() -> None:
        assert worker.isConnected() is False
        worker.destroy()

    worker.on("disconnect", common.mustCall(on_disconnect))
    run()


def _worker() -> None:
    assert cluster.worker is not None
    assert cluster.worker.isConnected() is True
    cluster.worker.disconnect()
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
