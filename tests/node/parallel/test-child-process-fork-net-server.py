"""Port of test/parallel/test-child-process-fork-net-server.js (the child is this file run
by Python; common/countdown's Countdown is a small local class)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


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


def test_fork_net_server() -> None:
    child = child_process.fork(__file__, ["child"], {"env": ENV})

    def on_exit(code: Any, signal: Any) -> None:
        message = f"CHILD: died with {code}, {signal}"
        assert code == 0, message

    child.on("exit", common.mustCall(on_exit))

    def testServer(callback: Any) -> None:
        def all_done() -> None:
            server.on("close", common.mustCall(lambda: child.send({"what": "close"})))
            server.close()

        countdown = Countdown(2, all_done)
        connections = Countdown(4, lambda: countdown.dec())
        closed = Countdown(4, lambda: countdown.dec())
        server = net.createServer()

        def on_connection(socket: Any) -> None:
            socket.destroy()
            connections.dec()

        server.on("connection", on_connection)
        server.on("listening", common.mustCall(lambda: child.send({"what": "server"}, server)))
        server.listen(0)

        def messageHandlers(msg: Any) -> None:
            if msg["what"] == "listening":
                for _ in range(4):
                    socket = net.connect(server.address()["port"], common.mustCall())
                    socket.on("close", common.mustCall(lambda *a: closed.dec()))
            elif msg["what"] == "connection":
                connections.dec()
            elif msg["what"] == "close":
                child.removeListener("message", handler)
                callback()

        handler = common.mustCallAtLeast(messageHandlers)
        child.on("message", handler)

    def onReady(msg: Any) -> None:
        if msg["what"] != "ready":
            return
        child.removeListener("message", ready)
        testServer(common.mustCall())

    ready = common.mustCall(onReady)
    child.on("message", ready)
    run()


def _child() -> None:
    from nodenet_uv import process

    serverScope: list[Any] = []

    def onServer(msg: Any, server: Any) -> None:
        if msg["what"] != "server":
            return
        process.removeListener("message", onServer)
        serverScope.append(server)

        def on_connection(socket: Any) -> None:
            process.send({"what": "connection"})
            socket.destroy()

        server.on("connection", on_connection)
        process.send({"what": "listening"})

    process.on("message", onServer)

    def onClose(msg: Any, *args: Any) -> None:
        if msg["what"] != "close":
            return
        process.removeListener("message", close_checked)
        serverScope[0].on("close", common.mustCall(lambda: process.send({"what": "close"})))
        serverScope[0].close()

    close_checked = common.mustCallAtLeast(onClose)
    process.on("message", close_checked)
    process.send({"what": "ready"})
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
