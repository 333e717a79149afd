"""Port of test/parallel/test-child-process-send-keep-open.js (the child is this file run
by Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_send_keep_open() -> None:
    # The parent process forks a child process, starts a TCP server, and connects to the
    # server. The accepted connection is passed to the child process, where the socket is
    # written. Then, the child signals the parent process to write to the same socket.
    result: list[str] = []
    child = child_process.fork(__file__, ["child"], {"env": ENV})

    # Verify that the child exits successfully
    def on_exit(exitCode: Any, signalCode: Any) -> None:
        assert exitCode == 0
        assert signalCode is None

    child.on("exit", common.mustCall(on_exit))

    def on_connection(socket: Any) -> None:
        def on_message(msg: Any) -> None:
            assert msg == "child_done"

            def ended() -> None:
                server.close()
                child.disconnect()

            socket.end("parent", ended)

        child.on("message", common.mustCall(on_message))
        child.send("socket", socket, {"keepOpen": True}, common.mustSucceed())

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        socket = net.connect(server.address()["port"], "127.0.0.1")
        socket.setEncoding("utf8")
        socket.on("data", result.append)

    server.listen(0, on_listening)
    run()
    assert "".join(result) == "childparent"


def _child() -> None:
    from nodenet_uv import process

    # The child process receives the socket from the parent, writes data to the socket,
    # then signals the parent process to write
    def on_message(msg: Any, socket: Any) -> None:
        assert msg == "socket"
        socket.write("child", lambda *a: process.send("child_done"))

    process.on("message", on_message)
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
