"""Port of test/parallel/test-child-process-fork-getconnections.js (the child is this file
run by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
count = 12


def test_get_connections_counts_sockets_sent_to_a_child() -> None:
    child = child_process.fork(__file__, ["child"], {"env": ENV})
    subprocessKilled = False

    def on_exit(code: Any, signal: Any) -> None:
        if not subprocessKilled:
            raise AssertionError(f"subprocess died unexpectedly! code: {code} signal: {signal}")

    child.on("exit", common.mustCall(on_exit))
    server = net.createServer()
    sockets: list[Any] = []

    def on_connection(socket: Any) -> None:
        child.send({"cmd": "new"}, socket)
        sockets.append(socket)
        if len(sockets) == count:
            closeSockets(0)

    server.on("connection", common.mustCall(on_connection, count))
    onClose = common.mustCall(count)

    def on_listening() -> None:
        for _ in range(count):
            client = net.connect(server.address()["port"], "127.0.0.1")
            client.on("close", onClose)

    server.on("listening", common.mustCall(on_listening))

    def closeSockets(i: int) -> None:
        nonlocal subprocessKilled
        if i == count:
            subprocessKilled = True
            server.close()
            child.kill()
            return

        def on_message(m: Any) -> None:
            assert m["status"] == "closed"

            def on_count(num: int) -> None:
                assert num == count - (i + 1)
                closeSockets(i + 1)

            server.getConnections(common.mustSucceed(on_count))

        child.once("message", common.mustCall(on_message))
        child.send({"id": i, "cmd": "close"})

    server.on("close", common.mustCall())
    server.listen(0, "127.0.0.1")
    run()
    # Node's process exits with the (unref'ed) IPC channel still open when the killed
    # child's end-of-file was not read yet; the test process must close it itself.
    if child.connected:
        child.disconnect()
        run()


def _child() -> None:
    sockets: list[Any] = []

    def on_message(m: Any, socket: Any = None) -> None:
        def sendClosed(id: int, *a: Any) -> None:
            process.send({"id": id, "status": "closed"})

        if m["cmd"] == "new":
            assert socket
            assert isinstance(socket, net.Socket), "should be a net.Socket"
            sockets.append(socket)
        if m["cmd"] == "close":
            assert socket is None
            if sockets[m["id"]].destroyed:
                # Workaround for https://github.com/nodejs/node/issues/2610
                sendClosed(m["id"])
            else:
                sockets[m["id"]].once("close", lambda *a: sendClosed(m["id"]))
                sockets[m["id"]].destroy()

    process.on("message", common.mustCall(on_message, count * 2))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
