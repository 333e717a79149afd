"""Port of test/parallel/test-cluster-rr-ref.js (the worker is this file run by Python)."""

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


def test_rr_ref() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_message(msg: Any) -> None:
        if msg == "done":
            worker.kill()

    worker.on("message", on_message)
    worker.on("exit", common.mustCall())
    run()


def _worker() -> None:
    server = net.createServer(common.mustNotCall())

    def on_listening() -> None:
        server.unref()
        server.ref()
        server.close(lambda: PROC.send("done"))

    server.listen(0, on_listening)
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
