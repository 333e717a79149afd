"""Port of test/parallel/test-cluster-child-index-net.js (the worker is this file run by Python; common/countdown's Countdown is a small local class)."""

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

kPort = 0


class Countdown:
    def __init__(self, limit: int, cb: Any) -> None:
        self.remaining = limit
        self.cb = common.mustCall(cb)

    def dec(self) -> int:
        assert self.remaining > 0, "Countdown expired"
        self.remaining -= 1
        if self.remaining == 0:
            self.cb()
        return self.remaining


def test_child_index_net() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)
    worker.on("exit", common.mustCall(lambda code, signal: _check(code, signal)))
    run()


def _check(code: Any, signal: Any) -> None:
    assert (code, signal) == (0, None)


def _worker() -> None:
    kTime = 2
    countdown = Countdown(kTime * 2, lambda: PROC.exit(0))
    for _i in range(kTime):
        server = net.createServer()

        def on_listening(server: Any = server) -> None:
            server.close(countdown.dec())
            server2 = net.createServer()
            server2.listen(kPort, common.mustCall(lambda: server2.close(countdown.dec())))

        server.listen(kPort, common.mustCall(on_listening))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
