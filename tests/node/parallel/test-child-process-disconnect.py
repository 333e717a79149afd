"""Port of test/parallel/test-child-process-disconnect.js (the child is this file run by
Python; the parent's process.on('exit') checks run after the loop)."""

import os
import sys
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import child_process, net, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_disconnect() -> None:
    child = child_process.fork(__file__, ["child"], {"env": ENV})
    flags = {"childFlag": False, "parentFlag": False}

    def on_disconnect() -> None:
        flags["parentFlag"] = child.connected

    child.on("disconnect", common.mustCall(on_disconnect))
    child.on("exit", common.mustCall())

    def on_message(obj: Any) -> None:
        if isinstance(obj, dict) and obj.get("msg") == "ready":
            socket = net.connect(obj["port"])

            def on_data(data: bytes) -> None:
                text = data.decode()
                if text == "ready":
                    child.disconnect()
                    with pytest.raises(Exception) as info:
                        child.disconnect()
                    assert getattr(info.value, "code", None) == "ERR_IPC_DISCONNECTED"
                    return
                flags["childFlag"] = text == "true"

            socket.on("data", common.mustCallAtLeast(on_data))

    child.on("message", common.mustCallAtLeast(on_message))
    run()
    assert flags["childFlag"] is False
    assert flags["parentFlag"] is False


def _child() -> None:
    from nodenet_uv import process

    disconnect = process.disconnect

    def disconnectIsNotAsync() -> None:
        pass

    def patched() -> None:
        disconnect()
        process.once("disconnect", common.mustCall(disconnectIsNotAsync))

    process.disconnect = common.mustCall(patched)
    server = net.createServer()

    def on_connection(socket: Any) -> None:
        socket.resume()
        process.on("disconnect", lambda: socket.end("true" if process.connected else "false"))
        socket.on("end", lambda: server.close())
        socket.write("ready")

    server.on("connection", on_connection)
    server.on("listening", lambda: process.send({"msg": "ready", "port": server.address()["port"]}))
    server.listen(0)
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child()
