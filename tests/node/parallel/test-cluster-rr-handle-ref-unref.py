"""Port of test/parallel/test-cluster-rr-handle-ref-unref.js (the worker is this file run by Python; the primary also checks the worker's exit code)."""

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


def test_rr_handle_ref_unref() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)
    worker.on("exit", common.mustCall(lambda code, signal: _check_exit(code, signal)))
    run()


def _check_exit(code: Any, signal: Any) -> None:
    assert (code, signal) == (0, None)


def _worker() -> None:
    server = net.createServer(common.mustNotCall())

    def on_listening() -> None:
        server.ref()
        server.unref()
        PROC.channel.unref()

    server.listen(0, common.mustCall(on_listening))
    server.unref()
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
