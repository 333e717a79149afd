"""Port of test/parallel/test-cluster-process-disconnect.js (the worker is this file run by Python)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The workers run this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
PROC: Any = process


def test_process_disconnect() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_exit(code: Any, signal: Any) -> None:
        assert code == 0, f"Worker did not exit normally with code: {code}"
        assert signal is None, f"Worker did not exit normally with signal: {signal}"

    worker.on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    server = net.createServer()
    server.listen(0, common.mustCall(lambda: PROC.disconnect()))
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
