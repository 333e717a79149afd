"""Port of test/parallel/test-cluster-worker-constructor.js (Worker.call({}, ...) has no Python twin)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster
from nodenet_uv.process import process

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_worker_constructor() -> None:
    worker = cluster.Worker()
    assert worker.exitedAfterDisconnect is None
    assert worker.state == "none"
    assert worker.id == 0
    assert worker.process is None

    worker = cluster.Worker({"id": 3, "state": "online", "process": process})
    assert worker.exitedAfterDisconnect is None
    assert worker.state == "online"
    assert worker.id == 3
    assert worker.process is process


def _worker() -> None:
    pass


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
