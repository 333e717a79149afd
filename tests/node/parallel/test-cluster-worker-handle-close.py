"""Port of test/parallel/test-cluster-worker-handle-close.js (the worker is this file run by Python)."""

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


def test_worker_handle_close() -> None:
    cluster.schedulingPolicy = cluster.SCHED_RR
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)
    worker.on("exit", common.mustCall(lambda code, signal: _check_exit(code, signal)))
    run()


def _check_exit(code: Any, signal: Any) -> None:
    assert (code, signal) == (0, None)


def _worker() -> None:
    server = net.createServer(common.mustNotCall())
    server.listen(0, common.mustCall(lambda: net.connect(server.address()["port"])))

    def on_internal(message: Any, handle: Any = None) -> None:
        if message.get("act") != "newconn":
            return
        # Make the worker drops the connection, see `rr` and `onconnection` in cluster
        server.close()
        close = handle.close

        def patched(*args: Any) -> None:
            close(common.mustCall(lambda: PROC.exit()))

        handle.close = common.mustCall(patched)

    PROC.prependListener("internalMessage", common.mustCallAtLeast(on_internal))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
