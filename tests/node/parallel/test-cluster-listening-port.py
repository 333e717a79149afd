"""Port of test/parallel/test-cluster-listening-port.js (the worker is this file run by
Python)."""

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


def test_listening_port() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    cluster.fork(ENV)

    def on_listening(worker: Any, address: Any) -> None:
        port = address["port"]
        # Ensure that the port is not 0 or null
        assert port
        # Ensure that the port is numerical
        assert type(port) is int
        worker.kill()

    cluster.on("listening", common.mustCall(on_listening))
    try:
        run()
    finally:
        cluster.removeAllListeners("listening")


def _worker() -> None:
    net.createServer(common.mustNotCall()).listen(0)
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
