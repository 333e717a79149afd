"""Port of test/parallel/test-cluster-kill-infinite-loop.js (the worker is this file run by
Python)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, run
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_kill_infinite_loop() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    # Use worker.process.kill() instead of worker.kill() because the latter
    # waits for a graceful disconnect, which will never happen.
    worker.on("online", common.mustCall(lambda: worker.process.kill()))

    def on_exit(code: Any, signal: Any) -> None:
        assert code is None
        assert signal == "SIGTERM"

    worker.on("exit", common.mustCall(on_exit))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    while True:
        pass
