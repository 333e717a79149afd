"""Port of test/parallel/test-cluster-disconnect-leak.js (the worker is this file run by Python; SCHED_NONE is what this file sets, in a process whose policy is still free)."""

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

cluster.schedulingPolicy = cluster.SCHED_NONE


def test_disconnect_leak() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)
    # This is the important part of the test: Confirm that `disconnect` fires.
    worker.on("disconnect", common.mustCall())
    # These are just some extra stuff we're checking for good measure...
    worker.on("exit", common.mustCall())
    on_exit = common.mustCall()
    cluster.on("exit", on_exit)
    cluster.disconnect()
    try:
        run()
    finally:
        cluster.removeListener("exit", on_exit)


def _worker() -> None:
    server = net.createServer()
    server.listen(0)
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
