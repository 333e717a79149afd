"""Port of test/parallel/test-child-process-fork-net-socket.js (the child is this file run by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_fork_net_socket() -> None:
    child = child_process.fork(__file__, ["child"], {"env": ENV})

    def on_exit(code: Any, signal: Any) -> None:
        message = f"CHILD: died with {code}, {signal}"
        assert code == 0, message

    child.on("exit", common.mustCall(on_exit))

    def testSocket() -> None:
        server = net.createServer()
        server.on(
            "connection", common.mustCall(lambda socket: child.send({"what": "socket"}, socket))
        )
        server.on("close", common.mustCall())

        def on_listening() -> None:
            connect = net.connect(server.address()["port"])
            store: list[bytes] = []
            connect.on("data", common.mustCallAtLeast(store.append))

            def on_close(*args: Any) -> None:
                assert b"".join(store) == b"echo"
                server.close()

            connect.on("close", common.mustCall(on_close))

        server.listen(0, common.mustCall(on_listening))

    def onReady(msg: Any) -> None:
        if msg["what"] != "ready":
            return
        child.removeListener("message", onReady_checked)
        testSocket()

    onReady_checked = common.mustCall(onReady)
    child.on("message", onReady_checked)
    run()


def _child() -> None:
    from nodenet_uv import process

    def onSocket(msg: Any, socket: Any) -> None:
        if msg["what"] != "socket":
            return
        process.removeListener("message", onSocket_checked)
        socket.end("echo")

    onSocket_checked = common.mustCall(onSocket)
    process.on("message", onSocket_checked)
    process.send({"what": "ready"})
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
