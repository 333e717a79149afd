"""Port of test/parallel/test-net-listen-handle-in-cluster-1.js (the worker is this file
run by Python; the primary also checks the worker's exit code)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

# The worker runs this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_listen_handle_in_cluster_1() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)
    server = net.createServer()

    def on_online() -> None:
        # Send the server to worker
        server.listen(common.mustCall(lambda: worker.send(None, server)))

    worker.on("online", common.mustCall(on_online))

    def on_exit(code: Any, signal: Any) -> None:
        assert (code, signal) == (0, None)
        server.close()

    worker.on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    # The `got` function of net.Server creates a TCP server by listen(handle)
    # (child_process handleConversion).
    def on_message(_: Any, server: Any) -> None:
        assert isinstance(server, net.Server)
        process.exit(0)

    process.on("message", common.mustCall(on_message))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
