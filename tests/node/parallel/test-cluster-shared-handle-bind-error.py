"""Port of test/parallel/test-cluster-shared-handle-bind-error.js (the worker is this file run by Python; SCHED_NONE is what this file sets, in a process whose policy is still free (SCHED_RR fails the same way))."""

import os
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


def test_shared_handle_bind_error() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    # Primary opens and binds the socket and shares it with the worker.
    cluster.schedulingPolicy = cluster.SCHED_NONE
    # Hog the TCP port so that when the worker tries to bind, it'll fail.
    server = net.createServer(common.mustNotCall())

    def on_listening() -> None:
        worker = cluster.fork({**ENV, "PORT": str(server.address()["port"])})

        def on_exit(exitCode: Any, *args: Any) -> None:
            assert exitCode == 0
            server.close()

        worker.on("exit", common.mustCall(on_exit))

    server.listen(0, common.mustCall(on_listening))
    run()


def _worker() -> None:
    assert os.environ.get("PORT")
    s = net.createServer(common.mustNotCall())
    s.listen(os.environ["PORT"], common.mustNotCall("listen should have failed"))

    def on_error(err: Any) -> None:
        assert err.code == "EADDRINUSE"
        PROC.disconnect()

    s.on("error", common.mustCall(on_error))
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
