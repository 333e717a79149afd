"""Port of test/parallel/test-cluster-worker-init.js (the worker is this file run by Python)."""

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

msg = "foo"


def test_worker_init() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_message(message: Any) -> None:
        assert message is True
        w = worker.disconnect()
        assert worker is w

    worker.on("message", common.mustCall(on_message))
    worker.on("online", lambda: worker.send(msg))
    run()


def _worker() -> None:
    # https://github.com/nodejs/node-v0.x-archive/issues/7998
    assert cluster.worker is not None
    cluster.worker.on("message", lambda message: PROC.send(message == msg))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
