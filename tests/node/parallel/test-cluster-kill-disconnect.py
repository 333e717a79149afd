"""Port of test/parallel/test-cluster-kill-disconnect.js (the workers are this file run by Python)."""

import os
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


def test_kill_disconnect() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})

    def forkWorker(action: str) -> None:
        worker = cluster.fork({**ENV, "action": action})

        def check() -> None:
            assert worker.exitedAfterDisconnect is True

        worker.on("disconnect", common.mustCall(check))
        worker.on("exit", common.mustCall(lambda *a: check()))

    forkWorker("disconnect")
    forkWorker("kill")
    run()


def _worker() -> None:
    assert cluster.worker is not None
    getattr(cluster.worker, os.environ["action"])()
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
