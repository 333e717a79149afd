"""Port of test/parallel/test-cluster-net-send.js (the primary and the child are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import child_process, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def test_net_send() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    print(f"[{PROC.pid}] primary", file=sys.stderr)

    worker = child_process.fork(__file__, ["child"])
    called = False

    def on_message(msg: Any, handle: Any = None) -> None:
        assert msg == "handle"
        assert handle
        worker.send("got")

        def on_data(data: Any) -> None:
            nonlocal called
            called = True
            assert data.decode() == "hello"

        handle.on("data", common.mustCall(on_data))

        handle.on("end", lambda: worker.kill())

    worker.once("message", common.mustCall(on_message))
    run()

    # process.once('exit')
    assert called


def _child() -> None:
    print(f"[{PROC.pid}] worker", file=sys.stderr)

    socket: Any = None
    cbcalls = 0

    def socketConnected(*a: Any) -> None:
        nonlocal cbcalls
        cbcalls += 1
        if cbcalls == 2:
            PROC.send("handle", socket)

    def on_connection(c: Any) -> None:
        def on_message(msg: Any, *a: Any) -> None:
            assert msg == "got"
            c.end("hello")

        PROC.once("message", common.mustCall(on_message))
        socketConnected()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        nonlocal socket
        socket = net.connect(server.address()["port"], "127.0.0.1", socketConnected)

    server.listen(0, on_listening)

    PROC.on("disconnect", lambda: server.close())
    run()


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        _child()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
