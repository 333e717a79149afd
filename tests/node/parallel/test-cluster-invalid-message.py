"""Port of test/parallel/test-cluster-invalid-message.js (the worker is this file run by Python)."""

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


def test_invalid_message() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_exit(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None

    worker.on("exit", common.mustCall(on_exit))
    worker.on(
        "online",
        lambda: worker.send({"cmd": "NODE_CLUSTER", "ack": -1}, lambda *a: worker.disconnect()),
    )
    run()


def _worker() -> None:
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
