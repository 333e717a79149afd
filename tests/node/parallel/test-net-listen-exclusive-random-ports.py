"""Port of test/parallel/test-net-listen-exclusive-random-ports.js (the workers are this
file run by Python)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_listen_exclusive_random_ports() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker1 = cluster.fork(ENV)

    def on_message1(port1: Any) -> None:
        assert isinstance(port1, int), f"first worker could not listen on port {port1}"
        worker2 = cluster.fork(ENV)

        def on_message2(port2: Any) -> None:
            assert isinstance(port2, int), f"second worker could not listen on port {port2}"
            assert port1 != port2
            worker1.kill()
            worker2.kill()

        worker2.on("message", common.mustCall(on_message2))

    worker1.on("message", common.mustCall(on_message1))
    run()


def _worker() -> None:
    proc: Any = process
    server = net.createServer(lambda *a: None)
    server.on("error", lambda err: proc.send(err.code))
    server.listen({"port": 0, "exclusive": True}, lambda: proc.send(server.address()["port"]))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
