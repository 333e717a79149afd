"""Port of test/sequential/test-cluster-send-handle-large-payload.js (the primary and the worker are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process

payload = "a" * 800004


def test_send_handle_large_payload() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    server = net.createServer()

    server.on("connection", common.mustCall(lambda socket: socket.unref()))

    worker = cluster.fork()

    def on_message(message: Any, handle: Any = None) -> None:
        received = message["payload"]
        assert payload == received
        assert isinstance(handle, net.Socket)
        server.close()
        handle.destroy()

    worker.on("message", common.mustCall(on_message))

    def on_listening() -> None:
        port = server.address()["port"]
        socket = net.Socket()
        socket.connect(port, common.mustSucceed(lambda: worker.send({"payload": payload}, socket)))

    server.listen(0, common.mustCall(on_listening))
    run()


def _worker() -> None:
    def on_message(message: Any, handle: Any = None) -> None:
        received = message["payload"]
        assert payload == received
        assert isinstance(handle, net.Socket)

        # (Node waits a second first on macOS, where the primary may miss a message
        # sent too soon: not needed on Linux.)
        PROC.send({"payload": payload}, handle)

        # Prepare for a clean exit.
        PROC.channel.unref()

    PROC.on("message", common.mustCall(on_message))
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
