"""Port of test/parallel/test-cluster-rr-handle-close.js (the worker is this file run by
Python; the primary also checks the worker's exit code)."""

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

cluster.schedulingPolicy = cluster.SCHED_RR


def test_rr_handle_close() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_exit(code: Any, signal: Any) -> None:
        assert (code, signal) == (0, None)

    worker.on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    server = net.createServer(common.mustNotCall())

    def on_listening() -> None:
        PROC.channel.unref()
        server.close()

    server.listen(0, common.mustCall(on_listening))
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
