"""Port of test/parallel/test-cluster-worker-wait-server-close.js (the primary and the worker are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval

PROC: Any = process


def run_primary(**env: str) -> str:
    return common.run_as_primary(__file__, **env)


def test_worker_wait_server_close() -> None:
    run_primary()


serverClosed = [False]


def _worker() -> None:
    def on_connection(socket: Any) -> None:
        # Wait for any data, then close connection
        socket.write(".")
        socket.on("data", lambda *a: None)

    server = net.createServer(on_connection).listen(0, common.localhostIPv4)
    server.once("close", lambda: serverClosed.__setitem__(0, True))
    # Although not typical, the worker process can exit before the disconnect
    # event fires. Use this to keep the process open until the event has fired.
    keepOpen = setInterval(lambda: None, 9999)

    # Check worker events and properties
    def on_disconnect() -> None:
        # Disconnect should occur after socket close
        assert serverClosed[0]
        clearInterval(keepOpen)

    PROC.once("disconnect", on_disconnect)
    run()


def _primary() -> None:
    # start worker
    worker = cluster.fork()

    # Disconnect worker when it is ready
    def on_listening(address: Any) -> None:
        socket = net.createConnection(address["port"], common.localhostIPv4)

        def on_connect() -> None:
            def on_data(*a: Any) -> None:
                print("got data from client")
                # Socket definitely connected to worker if we got data
                worker.disconnect()
                socket.end()

            socket.on("data", on_data)

        socket.on("connect", on_connect)

    worker.once("listening", on_listening)
    worker.on("exit", common.mustCall(lambda code, signal: _check(code, signal)))
    run()


def _check(code: Any, signal: Any) -> None:
    # Not in node's test: the worker's assertion fails its exit code.
    assert (code, signal) == (0, None)


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
