"""Port of test/sequential/test-net-listen-shared-ports.js (the workers are this file run
by Python)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_listen_shared_ports() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker1 = cluster.fork(ENV)

    def on_message1(msg: Any) -> None:
        assert msg == "success"
        worker2 = cluster.fork(ENV)

        def on_message2(msg: Any) -> None:
            assert msg == "server2:EADDRINUSE"
            worker1.kill()
            worker2.kill()

        worker2.on("message", common.mustCall(on_message2))

    worker1.on("message", common.mustCall(on_message1))
    run()


def _worker() -> None:
    proc: Any = process
    server1 = net.createServer(common.mustNotCall())
    server2 = net.createServer(common.mustNotCall())
    # no errors expected
    server1.on("error", lambda err: proc.send(f"server1:{err.code}"))
    # An error is expected on the second worker
    server2.on("error", lambda err: proc.send(f"server2:{err.code}"))

    def on_listening1() -> None:
        # The first worker should succeed
        server2.listen(
            {"port": common.PORT + 1, "exclusive": True},
            common.mustCall(lambda: proc.send("success")),
        )

    server1.listen(
        {"host": "localhost", "port": common.PORT, "exclusive": False},
        common.mustCall(on_listening1),
    )
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
