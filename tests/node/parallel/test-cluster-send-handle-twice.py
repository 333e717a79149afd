"""Port of test/parallel/test-cluster-send-handle-twice.js (the primary and the worker are this file run by Python)."""

# Testing to send an handle twice to the primary process.

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process

workers = {"toStart": 1}


def test_send_handle_twice() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    for _ in range(workers["toStart"]):
        worker = cluster.fork()

        def on_exit(code: Any, signal: Any) -> None:
            assert code == 0, f"Worker exited with an error code: {code}"
            assert signal is None, f"Worker exited by a signal: {signal}"

        worker.on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    def on_connection(socket: Any) -> None:
        PROC.send("send-handle-1", socket)
        PROC.send("send-handle-2", socket)

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        client = net.connect({"host": "localhost", "port": server.address()["port"]})

        def on_close(*a: Any) -> None:
            assert cluster.worker is not None
            cluster.worker.disconnect()

        client.on("close", common.mustCall(on_close))
        client.on("connect", lambda: client.end())

    def on_error(e: Any) -> None:
        print(e, file=sys.stderr)
        raise AssertionError("server.listen failed")

    server.listen(0, common.mustCall(on_listening)).on("error", on_error)
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
