"""Port of test/parallel/test-cluster-net-listen.js (the worker is this file run by
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


def test_net_listen() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})

    # Ensure that the worker exits peacefully
    def on_exit(statusCode: Any, *args: Any) -> None:
        assert statusCode == 0

    cluster.fork(ENV).on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    # listen() without port should not trigger a libuv assert
    net.createServer(common.mustNotCall()).listen(PROC.exit)
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
