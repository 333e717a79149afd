"""Port of test/parallel/test-cluster-disconnect-idle-worker.js (the workers are this
file run by Python)."""

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

fork = cluster.fork


def test_disconnect_idle_worker() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    fork(ENV)  # It is intentionally called `fork` instead of
    fork(ENV)  # `cluster.fork` to test that `this` is not used

    def on_disconnect() -> None:
        assert list(cluster.workers) == []

    cluster.disconnect(common.mustCall(on_disconnect))
    run()


def _worker() -> None:
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
